"""Fixed-window rate limits in Redis, per member and per client IP (abuse protection for login/check-in).

One Lua script counts all the windows a request counts against. The requests of a worker that reach their
count while its previous round trip is in flight (or in the same event-loop tick) share ONE round trip (`_count`:
their keys in one EVALSHA, each request answered its own counts): redis-py's per-command cost (pool, retry
wrapper, timeouts, packing, parsing) and the extra wake-ups of a round trip per request had made the rate limit
the largest difference between a login and its hand-written ceiling (~15 % of a login's CPU in 2026-12-03's
alternating runs). Nothing is counted later
or estimated by it: every request still waits for Redis's answer to its own INCRs (the same key twice in one
script is incremented twice, so two requests of one IP still see n and n+1). Limits are configuration
(`[ratelimit]`); 0 disables a window.

A window that guards a costly call (login's per-IP window in front of code2session) may have its count
deferred into the round trip made after that call (`may_defer`), but only while this worker's own estimate
of the window - the last count Redis reported to it plus the requests it deferred since - is at most half the
limit; nearer the limit it is counted first, as before. Every request is still counted and every answer past
the limit is still 429; what deferral changes is only how many guarded calls a burst can start before its
counts come back: with W workers at most W x limit/2 per window before counting is sequential again.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from sanic import Request

from app import caches
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


class _Batch:
    """The keys of the requests that reached their count while the batch was open, and who waits for which slice."""

    __slots__ = ("keys", "waiters")

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.waiters: list[tuple[int, int, asyncio.Future[list[int]]]] = []


class _Lane:
    """One (event loop, Redis client, period): the batch collecting keys, and whether a round trip is in flight.

    At most one trip per lane is in flight: the keys of requests that arrive meanwhile wait in the next batch,
    which leaves when the trip before it is answered (group commit). Under load a worker then makes one
    EVALSHA per round-trip time instead of one per event-loop tick; each request waits at most one more trip."""

    __slots__ = ("busy", "loop", "pending")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.pending: _Batch | None = None
        self.busy = False


_lanes: dict[tuple[int, int, int], _Lane] = {}
_sending: set[asyncio.Task[None]] = set()


async def _count(redis: Any, keys: list[str], period: int) -> list[int]:
    """INCR `keys` (expiry period+1 s on first use) in the lane's next round trip; their counts."""
    loop = asyncio.get_running_loop()
    lkey = (id(loop), id(redis), period)
    lane = _lanes.get(lkey)
    if lane is None or lane.loop is not loop:  # (a lane of a closed loop that reused this id: dropped)
        lane = _lanes[lkey] = _Lane(loop)
    batch = lane.pending
    if batch is None:
        batch = lane.pending = _Batch()
        if not lane.busy:  # the batch leaves at the end of this tick; else when the trip in flight is answered
            loop.call_soon(_send, lane, redis, period)
    fut: asyncio.Future[list[int]] = loop.create_future()
    batch.waiters.append((len(batch.keys), len(keys), fut))
    batch.keys.extend(keys)
    return await fut


def _send(lane: _Lane, redis: Any, period: int) -> None:
    """Send the lane's pending batch, if any; the trip's end sends the batch collected meanwhile."""
    batch, lane.pending = lane.pending, None
    lane.busy = batch is not None
    if batch is None:
        return
    task = asyncio.ensure_future(_run(batch, redis, period))
    _sending.add(task)
    task.add_done_callback(_sending.discard)
    task.add_done_callback(lambda _: _send(lane, redis, period))


async def _run(batch: _Batch, redis: Any, period: int) -> None:
    try:
        counts = await _COUNT(redis, batch.keys, [period + 1])
    except BaseException as exc:  # Redis down, timeout, cancelled: every waiter sees the failure
        for _, _, fut in batch.waiters:
            if not fut.done():
                fut.set_exception(exc if isinstance(exc, Exception) else ConnectionError("rate limit not counted"))
        if not isinstance(exc, Exception):
            raise
        return
    for start, n, fut in batch.waiters:
        if not fut.done():  # a waiter cancelled meanwhile was still counted, like a request cut after INCR
            fut.set_result(counts[start:start + n])


Window = tuple[str, str, int]
"""(dimension, identity, limit per period)"""

# this worker's estimate per window key (the key names its slot); emptied when the slot changes
_estimates: dict[str, int] = {}
_estimates_slot = -1


# a mirror of Redis counters: whoever empties Redis under it (tests between cases) forgets it too, or a
# window's stale estimate would send its next requests down the count-first path
caches.register(_estimates.clear)


def _estimates_for(slot: int) -> dict[str, int]:
    global _estimates_slot
    if slot != _estimates_slot:
        _estimates.clear()
        _estimates_slot = slot
    return _estimates


def may_defer(rt: Runtime, action: str, window: Window, period: int = 60) -> bool:
    """True: count `window` in the round trip after the guarded call (this request is added to the estimate
    now). False: the window is near its limit as far as this worker knows, so `enforce` it first."""
    dim, ident, limit = window
    if limit <= 0:
        return True  # disabled: there is nothing to count
    slot = int(time.time()) // period
    estimates = _estimates_for(slot)
    key = rt.key("rl", action, dim, ident, slot)
    seen = estimates.get(key, 0)
    if seen + 1 > limit // 2:
        return False
    estimates[key] = seen + 1
    return True


async def enforce(rt: Runtime, action: str, windows: list[Window], period: int = 60) -> None:
    """`windows`: (dimension, identity, limit per period). Raises 429 naming the window that overflowed."""
    active = [(dim, ident, limit) for dim, ident, limit in windows if limit > 0]
    if not active:
        return
    slot = int(time.time()) // period
    keys = [rt.key("rl", action, dim, ident, slot) for dim, ident, _ in active]
    counts = await _count(rt.redis, keys, period)
    estimates = _estimates_for(slot)
    for key, count in zip(keys, counts, strict=True):
        if key in estimates:  # a deferrable window: remember what Redis counted (kept for this slot only)
            estimates[key] = max(estimates[key], int(count))
    for (dim, _, limit), count in zip(active, counts, strict=True):
        if int(count) > limit:
            retry = period - int(time.time()) % period
            raise RateLimited(f"too many {action} requests per {dim}; retry in {retry}s",
                              headers={"Retry-After": str(retry)}, details={"window": dim, "limit": limit,
                                                                             "retry_after_seconds": retry})
