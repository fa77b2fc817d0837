"""Access tokens shared by every worker through Redis; one worker refreshes at a time (a Redis lock).

Uses `cgi-bin/stable_token` (normal mode returns the same token during its validity, so a refresh by one
worker never invalidates another's). A forced refresh happens only when WeChat rejected the cached token
and nobody else has replaced it meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time

from redis.asyncio import Redis

from app import caches
from app.wechat.base import WeChatHttp
from app.wechat.errors import WeChatUnavailable

log = logging.getLogger("jifen.wechat")

EARLY_REFRESH_SECONDS = 300
LOCK_TTL_MS = 30_000
_RELEASE_LUA = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


class TokenStore:
    def __init__(self, http: WeChatHttp, redis: Redis, prefix: str, appid: str, secret: str) -> None:
        self.http = http
        self.redis = redis
        self.appid = appid
        self.secret = secret
        self.key = f"{prefix}wxtoken:{appid}"
        self.lock_key = f"{prefix}wxtoken-lock:{appid}"
        self._local: tuple[str, float] | None = None
        self._reading = asyncio.Lock()
        caches.register_object(self)

    def forget_local(self) -> None:
        """Drop the in-process copy (the next read goes to Redis)."""
        self._local = None

    async def get(self, rejected: str | None = None) -> str:
        """Current token; `rejected` is the token WeChat just refused (replace it unless already replaced)."""
        if (local := self._fresh_local(rejected)) is not None:
            return local
        async with self._reading:  # one Redis read (or refresh) per worker, however many sends wait for it
            if (local := self._fresh_local(rejected)) is not None:
                return local
            cached = await self.redis.get(self.key)
            if cached and cached != rejected:
                ttl = await self.redis.ttl(self.key)
                return self._remember(cached, max(min(ttl, 60), 1))
            return await self._refresh(rejected)

    def _fresh_local(self, rejected: str | None) -> str | None:
        if self._local and self._local[1] > time.monotonic() and self._local[0] != rejected:
            return self._local[0]
        return None

    async def _refresh(self, rejected: str | None) -> str:
        me = secrets.token_hex(8)
        for _ in range(LOCK_TTL_MS // 50):
            if await self.redis.set(self.lock_key, me, nx=True, px=LOCK_TTL_MS):
                try:
                    cached = await self.redis.get(self.key)
                    if cached and cached != rejected:
                        return self._remember(cached, 60)
                    body = await self.http.call("POST", "/cgi-bin/stable_token", json_body={
                        "grant_type": "client_credential", "appid": self.appid, "secret": self.secret,
                        "force_refresh": rejected is not None,
                    })
                    token, expires_in = str(body["access_token"]), int(body.get("expires_in", 7200))
                    ttl = max(expires_in - EARLY_REFRESH_SECONDS, 60)
                    await self.redis.set(self.key, token, ex=ttl)
                    log.info("wechat access token refreshed for %s (ttl %ss)", self.appid, ttl)
                    return self._remember(token, min(ttl, 60))
                finally:
                    # release only our own lock (a slow refresh may have outlived the lock TTL)
                    await self.redis.eval(_RELEASE_LUA, 1, self.lock_key, me)
            await asyncio.sleep(0.05)
            cached = await self.redis.get(self.key)
            if cached and cached != rejected:
                return self._remember(cached, 60)
        raise WeChatUnavailable(-1, "timed out waiting for another worker to refresh the access token",
                                path="/cgi-bin/stable_token")

    def _remember(self, token: str, seconds: float) -> str:
        self._local = (token, time.monotonic() + seconds)
        return token

    async def invalidate(self) -> None:
        self._local = None
        await self.redis.delete(self.key)
