"""The one async HTTP client base for WeChat-family JSON APIs (mini-program, official account, WeCom).

Why not wechatpy's clients: they block on `requests`. We keep wechatpy for crypto/XML and speak HTTP here:
one shared aiohttp session per worker, bounded retries with backoff on transport errors and errcode -1,
errcodes mapped to typed exceptions, and exactly one token refresh + replay on 40001/40014/42001.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp

from app.wechat.errors import TokenInvalid, WeChatError, WeChatUnavailable, error_for

log = logging.getLogger("jifen.wechat")

TokenProvider = Callable[[str | None], Awaitable[str]]


class WeChatHttp:
    """Issues one API call: URL building, transport retries, JSON decoding and errcode checking."""

    def __init__(self, session: aiohttp.ClientSession, base_url: str, *, timeout: float = 5.0,
                 retries: int = 2, backoff: float = 0.2) -> None:
        self.session = session
        self.base_url = base_url.rstrip("/")
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.retries = retries
        self.backoff = backoff

    async def call(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                   json_body: dict[str, Any] | None = None, token: TokenProvider | None = None,
                   replay_safe: bool = True, files: dict[str, tuple[str, bytes, str]] | None = None,
                   ) -> dict[str, Any]:
        """Call `path`; with `token`, add `access_token` and refresh it once if WeChat says it is stale.

        `replay_safe=False` (code exchanges, message sends): a timed-out request may already have taken
        effect, so it is not retried after a timeout, only after connection failures, 5xx and -1.
        `files` ({field: (filename, bytes, content type)}) sends multipart/form-data instead (media uploads).
        """
        rejected: str | None = None
        while True:
            query = dict(params or {})
            if token is not None:
                query["access_token"] = await token(rejected)
            try:
                return await self._send(method, path, query, json_body, replay_safe, files)
            except TokenInvalid:
                if token is None or rejected is not None:
                    raise
                log.info("wechat token rejected on %s, refreshing once", path)
                rejected = query["access_token"]

    async def _send(self, method: str, path: str, query: dict[str, Any],
                    json_body: dict[str, Any] | None, replay_safe: bool = True,
                    files: dict[str, tuple[str, bytes, str]] | None = None) -> dict[str, Any]:
        url = f"{self.base_url}{path}"
        data: Any = None
        headers = {}
        if json_body is not None:
            # WeChat wants literal UTF-8; \\u escapes trigger 40033 on some APIs.
            data = json.dumps(json_body, ensure_ascii=False, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
        attempt = 0
        while True:
            if files is not None:  # a FormData is consumed by one request: built anew for every attempt
                data = aiohttp.FormData()
                for name, (filename, content, ctype) in files.items():
                    data.add_field(name, content, filename=filename, content_type=ctype)
            try:
                async with self.session.request(method, url, params=query, data=data, headers=headers,
                                                timeout=self.timeout) as resp:
                    if resp.status >= 500:
                        raise WeChatUnavailable(-1, f"HTTP {resp.status}", path=path)
                    body = await resp.json(content_type=None)
                    if not isinstance(body, dict):
                        raise WeChatUnavailable(-1, "non-object response", path=path)
                errcode = int(body.get("errcode") or 0)
                if errcode == 0:
                    return body
                failure = error_for(errcode, str(body.get("errmsg", "")), path)
                failure.body = body
                raise failure
            except TimeoutError as exc:
                err: WeChatError = WeChatUnavailable(-1, f"timeout: {exc}", path=path)
                if not replay_safe:
                    raise err from exc
            except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError) as exc:
                err = WeChatUnavailable(-1, f"{type(exc).__name__}: {exc}", path=path)
                if not replay_safe and not isinstance(exc, aiohttp.ClientConnectorError):
                    raise err from exc
            except (aiohttp.ClientError, json.JSONDecodeError, ValueError) as exc:
                err = WeChatUnavailable(-1, f"{type(exc).__name__}: {exc}", path=path)
            except WeChatUnavailable as exc:
                err = exc
            if attempt >= self.retries:
                raise err
            attempt += 1
            await asyncio.sleep(self.backoff * (2 ** (attempt - 1)))
