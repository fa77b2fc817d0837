"""Fixed-window rate limits in Redis, per member and per client IP (abuse protection for login/check-in).

One round trip (a Lua script) per request for all the windows it counts against. Limits are configuration
(`[ratelimit]`); 0 disables a window.
"""

from __future__ import annotations

import time

from sanic import Request

from app.errors import RateLimited
from app.redis_client import LuaScript
from app.runtime import Runtime


def client_ip(request: Request) -> str:
    return request.remote_addr or request.ip or "unknown"


# INCR every window, set its expiry on first use, return the counts: one round trip, one command.
_COUNT = LuaScript("""
local out = {}
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('EXPIRE', key, ARGV[1]) end
  out[i] = n
end
return out
""")


async def enforce(rt: Runtime, action: str, windows: list[tuple[str, str, int]], period: int = 60) -> None:
    """`windows`: (dimension, identity, limit per period). Raises 429 naming the window that overflowed."""
    active = [(dim, ident, limit) for dim, ident, limit in windows if limit > 0]
    if not active:
        return
    slot = int(time.time()) // period
    keys = [rt.key("rl", action, dim, ident, slot) for dim, ident, _ in active]
    counts = await _COUNT(rt.redis, keys, [period + 1])
    for (dim, _, limit), count in zip(active, counts, strict=True):
        if int(count) > limit:
            retry = period - int(time.time()) % period
            raise RateLimited(f"too many {action} requests per {dim}; retry in {retry}s",
                              headers={"Retry-After": str(retry)}, details={"window": dim, "limit": limit,
                                                                             "retry_after_seconds": retry})
