"""Dependency outages: Redis unreachable gives a clear 503 and nothing half-applied; recovery needs no restart."""

from __future__ import annotations

from redis.asyncio import Redis

from app.clock import clock
from models import Checkin, PointEntry
from tests.conftest import Api


async def test_redis_outage_is_503_and_recovers(api: Api, seeded, rt) -> None:
    token, member = await api.login("redis-outage")
    rt.settings.ratelimit.checkin_per_member = 100  # check-in counts against Redis rate-limit windows
    healthy = rt.redis
    rt.redis = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2, decode_responses=True)
    try:
        status, body = await api.call("POST", "/api/v1/checkins", token=token)
        assert status == 503 and body["error"]["code"] == "redis_unavailable"
        assert "Retry-After" in str(body) or body["error"]["details"]["retry_after_seconds"] > 0
        status, ready = await api.call("GET", "/readyz")
        assert status == 503 and ready["error"]["details"]["redis"].startswith("error")
        assert await Checkin.filter(member_id=member["id"]).count() == 0
        assert await PointEntry.filter(member_id=member["id"]).count() == 0
    finally:
        await rt.redis.aclose()
        rt.redis = healthy
        rt.settings.ratelimit.checkin_per_member = 0
    status, body = await api.call("POST", "/api/v1/checkins", token=token)
    assert status == 201 and body["points"] > 0
    clock.reset()
