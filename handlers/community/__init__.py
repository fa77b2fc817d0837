"""Server-to-server community API under /community/v1 (HMAC-signed by a source, no bearer token)."""
