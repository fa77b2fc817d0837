"""Redis connection: `redis://` for production, `memory://` = in-process fakeredis with the same asyncio API."""

from __future__ import annotations

import hashlib
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import NoScriptError


def create_redis(url: str) -> Redis:
    if url.startswith("memory://"):
        import fakeredis

        return fakeredis.FakeAsyncRedis(decode_responses=True)
    return Redis.from_url(url, decode_responses=True, socket_timeout=2.0, socket_connect_timeout=2.0,
                          health_check_interval=15, retry_on_timeout=False)


class LuaScript:
    """A Lua script run by EVALSHA (one round trip), loaded with EVAL on first use and after a Redis restart."""

    def __init__(self, lua: str) -> None:
        self.lua = lua
        self.sha = hashlib.sha1(lua.encode()).hexdigest()

    async def __call__(self, redis: Redis, keys: list[str], args: list[Any]) -> Any:
        try:
            return await redis.evalsha(self.sha, len(keys), *keys, *args)
        except NoScriptError:
            return await redis.eval(self.lua, len(keys), *keys, *args)
