"""Login's per-IP window may be counted after code2session only while this worker knows it is far from its limit."""

from __future__ import annotations

from types import SimpleNamespace

import fakeredis
import pytest

from app import ratelimit


@pytest.fixture(autouse=True)
def _fixed_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    """One rate-limit slot for the whole test (a minute boundary would start a new window)."""
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_010.0))


class _Rt:
    def __init__(self) -> None:
        self.redis = fakeredis.FakeAsyncRedis(decode_responses=True)

    def key(self, *parts: object) -> str:
        return "defer-test:" + ":".join(str(p) for p in parts)


def test_deferral_stops_at_half_the_limit() -> None:
    rt = _Rt()
    window = ("ip", "198.51.100.7", 6)
    assert [ratelimit.may_defer(rt, "login", window) for _ in range(5)] == [True, True, True, False, False]
    assert ratelimit.may_defer(rt, "login", ("ip", "198.51.100.8", 0))  # a disabled window has nothing to count


def test_estimates_are_forgotten_with_the_other_caches() -> None:
    """They mirror Redis counters: when Redis is emptied under them (tests between cases), so are they."""
    from app import caches

    rt = _Rt()
    window = ("ip", "198.51.100.9", 4)
    assert [ratelimit.may_defer(rt, "login", window) for _ in range(3)] == [True, True, False]
    caches.forget_all()
    assert ratelimit.may_defer(rt, "login", window)


async def test_counts_reported_by_redis_end_deferral() -> None:
    """Another worker's requests reach this one through the counts Redis reports back."""
    rt = _Rt()
    window = ("ip", "198.51.100.9", 10)
    assert ratelimit.may_defer(rt, "login", window)
    slot_key = next(k for k in ratelimit._estimates if "198.51.100.9" in k)
    await rt.redis.set(slot_key, 6)  # six counted elsewhere already
    await ratelimit.enforce(rt, "login", [window])  # this request: 7, under the limit
    assert not ratelimit.may_defer(rt, "login", window)


class _CountingRedis(fakeredis.FakeAsyncRedis):
    """Counts the EVALSHA round trips (the rate-limit script) it answers."""

    trips = 0

    async def evalsha(self, *args: object) -> object:
        type(self).trips += 1
        return await super().evalsha(*args)


async def test_requests_in_one_tick_share_one_round_trip_and_each_gets_its_own_count() -> None:
    """Ten concurrent requests of one IP (limit 7) and a member's window: one EVALSHA for all of them, the IP
    counted 1..10 in order, exactly three refused 429, and a failure of Redis reaches every waiter."""
    rt = _Rt()
    rt.redis = _CountingRedis(decode_responses=True)
    _CountingRedis.trips = 0

    async def one(i: int) -> str:
        try:
            await ratelimit.enforce(rt, "checkin", [("member", str(i), 20), ("ip", "203.0.113.5", 7)])
        except ratelimit.RateLimited:
            return "429"
        return "ok"

    import asyncio

    answers = await asyncio.gather(*(one(i) for i in range(10)))
    assert _CountingRedis.trips == 1  # one EVALSHA (answered NOSCRIPT here, then one EVAL loads and runs it)
    assert answers == ["ok"] * 7 + ["429"] * 3
    ip_key = rt.key("rl", "checkin", "ip", "203.0.113.5", 1_800_000_010 // 60)
    assert await rt.redis.get(ip_key) == "10"
    assert await rt.redis.ttl(ip_key) > 0

    async def broken(*args: object) -> object:
        raise ConnectionError("redis down")

    rt.redis.evalsha = broken  # type: ignore[method-assign]
    failures = await asyncio.gather(*(ratelimit.enforce(rt, "checkin", [("member", "1", 20)]) for _ in range(3)),
                                    return_exceptions=True)
    assert all(isinstance(f, ConnectionError) for f in failures)


async def test_requests_arriving_during_a_round_trip_ride_the_next_one_together() -> None:
    """One trip in flight per worker: requests that reach their count while it is out (each in its own tick)
    wait for it and then share ONE trip; each still gets its own count, and a trip's failure does not stall
    the lane (the next batch still leaves)."""
    import asyncio

    rt = _Rt()
    rt.redis = _CountingRedis(decode_responses=True)
    _CountingRedis.trips = 0
    release = asyncio.Event()
    real = rt.redis.evalsha

    async def held(*args: object) -> object:
        if _CountingRedis.trips == 0:
            await asyncio.sleep(0)
            await release.wait()  # the first trip is slow
        return await real(*args)

    rt.redis.evalsha = held  # type: ignore[method-assign]
    window = [("ip", "203.0.113.9", 100)]
    first = asyncio.ensure_future(ratelimit.enforce(rt, "checkin", window))
    await asyncio.sleep(0.01)
    later = []
    for _ in range(4):  # four requests, each in a later tick, all while the first trip is out
        later.append(asyncio.ensure_future(ratelimit.enforce(rt, "checkin", window)))
        await asyncio.sleep(0)
    await asyncio.sleep(0.01)
    assert _CountingRedis.trips == 0 and not any(t.done() for t in [first, *later])  # one trip out, held
    release.set()
    await asyncio.gather(first, *later)
    assert _CountingRedis.trips == 2  # the held one, then the four together
    key = rt.key("rl", "checkin", "ip", "203.0.113.9", 1_800_000_010 // 60)
    assert await rt.redis.get(key) == "5"

    calls = {"n": 0}

    async def flaky(*args: object) -> object:
        calls["n"] += 1
        if calls["n"] == 1:
            raise ConnectionError("redis blip")
        return await real(*args)

    rt.redis.evalsha = flaky  # type: ignore[method-assign]
    failed = await asyncio.gather(ratelimit.enforce(rt, "checkin", window), return_exceptions=True)
    assert isinstance(failed[0], ConnectionError)
    await ratelimit.enforce(rt, "checkin", window)  # the lane is free again
    assert await rt.redis.get(key) == "6"
