"""Callbacks from WeChat (Pay, and WeCom / official account as they arrive): their protocols, not ours."""
