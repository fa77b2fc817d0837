"""Shopping-guide SOP tasks (issue #13): templates, dispatch, WeCom jobs, measurement."""
