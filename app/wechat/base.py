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
from yarl import URL

from app.wechat.errors import TokenInvalid, WeChatError, WeChatUnavailable, error_for

log = logging.getLogger("jifen.wechat")

TokenProvider = Callable[[str | None], Awaitable[str]]

# WeChat wants literal UTF-8; \\u escapes trigger 40033 on some APIs. One encoder for every body: `json.dumps`
# with options builds a new JSONEncoder per call, which was a third of the encoding's cost.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_JSON_HEADERS = {"Content-Type": "application/json"}
_NO_HEADERS: dict[str, str] = {}
_URL_CACHE_SIZE = 64


def json_bytes(body: Any) -> bytes:
    """`body` as WeChat wants it: compact JSON, literal UTF-8."""
    return _encode(body).encode()


class WeChatHttp:
    """Issues one API call: URL building, transport retries, JSON decoding and errcode checking."""

    def __init__(self, session: aiohttp.ClientSession, base_url: str, *, timeout: float = 5.0,
                 retries: int = 2, backoff: float = 0.2) -> None:
        self.session = session
        self.base_url = base_url.rstrip("/")
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.retries = retries
        self.backoff = backoff
        # (path, access token) -> the parsed URL with its query: a burst of sends to one API with one token
        # (the outbox) parses and encodes it once instead of once per request
        self._urls: dict[tuple[str, str], URL] = {}

    def _token_url(self, path: str, token: str) -> URL:
        url = self._urls.get((path, token))
        if url is None:
            if len(self._urls) >= _URL_CACHE_SIZE:  # tokens rotate every ~2 hours: old entries just go
                self._urls.clear()
            url = self._urls[(path, token)] = URL(f"{self.base_url}{path}").with_query(access_token=token)
        return url

    async def call(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                   json_body: dict[str, Any] | None = None, token: TokenProvider | None = None,
                   replay_safe: bool = True, files: dict[str, tuple[str, bytes, str]] | None = None,
                   body: bytes | None = None) -> dict[str, Any]:
        """Call `path`; with `token`, add `access_token` and refresh it once if WeChat says it is stale.

        `replay_safe=False` (code exchanges, message sends): a timed-out request may already have taken
        effect, so it is not retried after a timeout, only after connection failures, 5xx and -1.
        `files` ({field: (filename, bytes, content type)}) sends multipart/form-data instead (media uploads).
        `body`: a JSON body already encoded (see `json_bytes`), for callers that build it cheaper themselves.
        """
        rejected: str | None = None
        if json_body is not None:
            body = json_bytes(json_body)
        while True:
            if token is None:
                url: str | URL = f"{self.base_url}{path}"
                query = params
                access_token = None
            else:
                access_token = await token(rejected)
                if params:
                    url, query = f"{self.base_url}{path}", {**params, "access_token": access_token}
                else:
                    url, query = self._token_url(path, access_token), None
            try:
                return await self._send(method, path, url, query, body, replay_safe, files)
            except TokenInvalid:
                if token is None or rejected is not None:
                    raise
                log.info("wechat token rejected on %s, refreshing once", path)
                rejected = access_token

    async def _send(self, method: str, path: str, url: str | URL, query: dict[str, Any] | None,
                    body: bytes | None, replay_safe: bool = True,
                    files: dict[str, tuple[str, bytes, str]] | None = None) -> dict[str, Any]:
        data: Any = body
        headers = _JSON_HEADERS if body is not None else _NO_HEADERS
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
                    # WeChat answers UTF-8 JSON, under text/plain on some APIs: decoded directly (`resp.json`
                    # would first work out the charset from the headers on every call)
                    answer = json.loads(await resp.read())
                    if not isinstance(answer, dict):
                        raise WeChatUnavailable(-1, "non-object response", path=path)
                errcode = int(answer.get("errcode") or 0)
                if errcode == 0:
                    return answer
                failure = error_for(errcode, str(answer.get("errmsg", "")), path)
                failure.body = answer
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
