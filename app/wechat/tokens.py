"""Access tokens shared by every worker through Redis; one worker refreshes at a time (a Redis lock).

One store, several ways of obtaining a token (strategies), because the WeChat family disagrees on the
endpoint but not on the lifecycle (docs/wechat-protocols.md §1.2, §5.1):

- `StableToken`: mini-program / official account, `POST /cgi-bin/stable_token` per appid. Normal mode returns
  the same token during its validity, so a refresh by one worker never invalidates another's.
- `WeComToken`: WeCom, `GET /cgi-bin/gettoken?corpid=&corpsecret=`, one token per corp *and* secret (each
  self-built app and the customer-contact secret has its own).

Whatever the strategy, the store caches the token in Redis (refreshed 5 minutes early), lets one worker fetch
at a time, and forces a refresh only when the platform rejected the cached token and nobody else has replaced
it meanwhile.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import secrets
import time
from dataclasses import dataclass, field
from typing import Protocol

from redis.asyncio import Redis

from app import caches
from app.wechat.base import WeChatHttp
from app.wechat.errors import ConfigError, TokenInvalid, WeChatUnavailable

log = logging.getLogger("jifen.wechat")

EARLY_REFRESH_SECONDS = 300
LOCK_TTL_MS = 30_000
DEFAULT_EXPIRES_IN = 7200
_RELEASE_LUA = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


class TokenStrategy(Protocol):
    """How one kind of credential becomes an access token; the store does the caching and locking."""

    @property
    def key(self) -> str:
        """Redis key suffix naming the credential (never the secret itself)."""

    @property
    def path(self) -> str:
        """The token endpoint, for errors and logs."""

    async def fetch(self, http: WeChatHttp, force: bool) -> tuple[str, int]:
        """(access_token, expires_in) from the platform; `force`: the current token was rejected."""


@dataclass(frozen=True)
class StableToken:
    """Mini-program / official account: `stable_token`, whose force mode replaces a rejected token."""

    appid: str
    secret: str = field(repr=False)
    path: str = "/cgi-bin/stable_token"

    @property
    def key(self) -> str:
        return self.appid  # the key jifen has always used, so a deploy keeps the cached token

    async def fetch(self, http: WeChatHttp, force: bool) -> tuple[str, int]:
        body = await http.call("POST", self.path, json_body={
            "grant_type": "client_credential", "appid": self.appid, "secret": self.secret, "force_refresh": force,
        })
        return str(body["access_token"]), int(body.get("expires_in", DEFAULT_EXPIRES_IN))


@dataclass(frozen=True)
class WeComToken:
    """WeCom: `gettoken` per corpid + secret. It has no force mode: a rejected token is simply fetched anew."""

    corpid: str
    secret: str = field(repr=False)
    path: str = "/cgi-bin/gettoken"

    @property
    def key(self) -> str:
        # one token per app secret; a digest keeps the secret out of Redis key names and logs
        return f"wecom:{self.corpid}:{hashlib.sha256(self.secret.encode()).hexdigest()[:16]}"

    async def fetch(self, http: WeChatHttp, force: bool) -> tuple[str, int]:
        try:
            body = await http.call("GET", self.path, params={"corpid": self.corpid, "corpsecret": self.secret})
        except TokenInvalid as exc:
            # on gettoken 40001 means a wrong secret, not a stale token (docs/wechat-protocols.md §5.1):
            # nothing to refresh, the configuration needs fixing
            raise ConfigError(exc.errcode, exc.errmsg, path=self.path) from exc
        return str(body["access_token"]), int(body.get("expires_in", DEFAULT_EXPIRES_IN))


class TokenStore:
    """The cached token of one credential (`strategy`), shared by every worker through Redis."""

    def __init__(self, http: WeChatHttp, redis: Redis, prefix: str, strategy: TokenStrategy) -> None:
        self.http = http
        self.redis = redis
        self.strategy = strategy
        self.key = f"{prefix}wxtoken:{strategy.key}"
        self.lock_key = f"{prefix}wxtoken-lock:{strategy.key}"
        self._local: tuple[str, float] | None = None
        self._reading = asyncio.Lock()
        caches.register_object(self)

    def forget_local(self) -> None:
        """Drop the in-process copy (the next read goes to Redis)."""
        self._local = None

    async def get(self, rejected: str | None = None) -> str:
        """Current token; `rejected` is the token the platform just refused (replace it unless already replaced)."""
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
                    token, expires_in = await self.strategy.fetch(self.http, force=rejected is not None)
                    ttl = max(expires_in - EARLY_REFRESH_SECONDS, 60)
                    await self.redis.set(self.key, token, ex=ttl)
                    log.info("access token refreshed for %s (ttl %ss)", self.strategy.key, ttl)
                    return self._remember(token, min(ttl, 60))
                finally:
                    # release only our own lock (a slow refresh may have outlived the lock TTL)
                    await self.redis.eval(_RELEASE_LUA, 1, self.lock_key, me)
            await asyncio.sleep(0.05)
            cached = await self.redis.get(self.key)
            if cached and cached != rejected:
                return self._remember(cached, 60)
        raise WeChatUnavailable(-1, "timed out waiting for another worker to refresh the access token",
                                path=self.strategy.path)

    def _remember(self, token: str, seconds: float) -> str:
        self._local = (token, time.monotonic() + seconds)
        return token

    async def invalidate(self) -> None:
        self._local = None
        await self.redis.delete(self.key)


class TokenStores:
    """A worker's token stores, one per credential: every client of one app shares one cache and one lock."""

    def __init__(self, redis: Redis, prefix: str) -> None:
        self.redis = redis
        self.prefix = prefix
        self._stores: dict[str, TokenStore] = {}

    def store(self, http: WeChatHttp, strategy: TokenStrategy) -> TokenStore:
        """The store for `strategy`'s credential, created on first use."""
        found = self._stores.get(strategy.key)
        if found is None:
            found = self._stores[strategy.key] = TokenStore(http, self.redis, self.prefix, strategy)
        return found
