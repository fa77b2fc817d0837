"""Fixed-window rate limits in Redis, per member and per client IP (abuse protection for login/check-in).

One pipelined round trip per request for all the windows it counts against. Limits are configuration
(`[ratelimit]`); 0 disables a window.
"""

from __future__ import annotations

import time

from sanic import Request

from app.errors import RateLimited
from app.runtime import Runtime


def client_ip(request: Request) -> str:
    return request.remote_addr or request.ip or "unknown"


async def enforce(rt: Runtime, action: str, windows: list[tuple[str, str, int]], period: int = 60) -> None:
    """`windows`: (dimension, identity, limit per period). Raises 429 naming the window that overflowed."""
    active = [(dim, ident, limit) for dim, ident, limit in windows if limit > 0]
    if not active:
        return
    slot = int(time.time()) // period
    pipe = rt.redis.pipeline(transaction=False)
    keys = []
    for dim, ident, _ in active:
        key = rt.key("rl", action, dim, ident, slot)
        keys.append(key)
        pipe.incr(key)
        pipe.expire(key, period + 1)
    results = await pipe.execute()
    for i, (dim, _, limit) in enumerate(active):
        if int(results[2 * i]) > limit:
            retry = period - int(time.time()) % period
            raise RateLimited(f"too many {action} requests per {dim}; retry in {retry}s",
                              headers={"Retry-After": str(retry)}, details={"window": dim, "limit": limit,
                                                                             "retry_after_seconds": retry})
