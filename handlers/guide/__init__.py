"""Shopping-guide API (/guide/v1), used from the WeCom workbench and the till."""
