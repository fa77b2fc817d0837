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


async def test_counts_reported_by_redis_end_deferral() -> None:
    """Another worker's requests reach this one through the counts Redis reports back."""
    rt = _Rt()
    window = ("ip", "198.51.100.9", 10)
    assert ratelimit.may_defer(rt, "login", window)
    slot_key = next(k for k in ratelimit._estimates if "198.51.100.9" in k)
    await rt.redis.set(slot_key, 6)  # six counted elsewhere already
    await ratelimit.enforce(rt, "login", [window])  # this request: 7, under the limit
    assert not ratelimit.may_defer(rt, "login", window)
