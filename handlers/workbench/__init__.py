"""The guide's WeCom workbench (`/workbench/`): phone-sized pages over the guide services (see app/web)."""
