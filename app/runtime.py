"""Per-process runtime: settings, clock, Redis, the shared aiohttp session and the WeChat clients.

Created once per worker (and per test session) and hung on `app.ctx.rt`, so services get their
dependencies explicitly rather than from module globals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import aiohttp
from redis.asyncio import Redis

from app.clock import Clock
from app.clock import clock as global_clock
from app.config import Settings
from app.redis_client import create_redis
from app.wechat.base import WeChatHttp
from app.wechat.miniprogram import MiniProgramClient
from app.wechat.official_account import OfficialAccountClient
from app.wechat.tokens import StableToken, TokenStore, TokenStores, WeComToken
from app.wechatpay.client import WeChatPay


@dataclass
class Runtime:
    settings: Settings
    redis: Redis
    http: aiohttp.ClientSession
    miniprogram: MiniProgramClient
    tokens: TokenStores
    wecom_http: WeChatHttp
    clock: Clock = field(default_factory=lambda: global_clock)
    _wechatpay: WeChatPay | None = field(default=None, repr=False)
    _official_account: OfficialAccountClient | None = field(default=None, repr=False)

    @property
    def wechatpay(self) -> WeChatPay:
        """WeChat Pay verifier + v3 client, built on first use (dev keys may need generating)."""
        if self._wechatpay is None:
            self._wechatpay = WeChatPay(self.settings, self.http)
        return self._wechatpay

    @property
    def official_account(self) -> OfficialAccountClient:
        """The official account's client: the mini-program's API base, its own appid + secret and so its own
        stable_token entry in the shared token store."""
        if self._official_account is None:
            oa = self.settings.official_account
            http = self.miniprogram.http
            self._official_account = OfficialAccountClient(
                http, self.tokens.store(http, StableToken(oa.appid, oa.secret)), oa.appid)
        return self._official_account

    @property
    def prefix(self) -> str:
        return self.settings.redis.prefix

    def key(self, *parts: object) -> str:
        return self.prefix + ":".join(map(str, parts))

    @classmethod
    async def create(cls, settings: Settings, *, redis: Redis | None = None, clock: Clock | None = None) -> Runtime:
        session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=200, ttl_dns_cache=300),
            headers={"User-Agent": "jifen/0.1"},
        )
        redis = redis or create_redis(settings.redis.url)
        wx = WeChatHttp(session, settings.wechat.api_base, timeout=settings.wechat.timeout_seconds,
                        retries=settings.wechat.retries)
        wecom = WeChatHttp(session, settings.wecom.api_base, timeout=settings.wechat.timeout_seconds,
                           retries=settings.wechat.retries)
        mp = settings.miniprogram
        tokens = TokenStores(redis, settings.redis.prefix)
        return cls(settings=settings, redis=redis, http=session,
                   miniprogram=MiniProgramClient(wx, tokens.store(wx, StableToken(mp.appid, mp.secret)),
                                                 mp.appid, mp.secret),
                   tokens=tokens, wecom_http=wecom, clock=clock or global_clock)

    def wecom_token(self, corpid: str, secret: str) -> TokenStore:
        """The shared access token of one WeCom app (corpid + that app's secret), for WeCom clients."""
        return self.tokens.store(self.wecom_http, WeComToken(corpid, secret))

    async def close(self) -> None:
        await self.http.close()
        await self.redis.aclose()
