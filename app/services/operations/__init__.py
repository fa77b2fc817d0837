"""Long actions (bulk ship, exports, WeCom sync): one run row each, claimed and run off the request."""
