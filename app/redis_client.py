"""Redis connection: `redis://` for production, `memory://` = in-process fakeredis with the same asyncio API."""

from __future__ import annotations

from redis.asyncio import Redis


def create_redis(url: str) -> Redis:
    if url.startswith("memory://"):
        import fakeredis

        return fakeredis.FakeAsyncRedis(decode_responses=True)
    return Redis.from_url(url, decode_responses=True, socket_timeout=2.0, socket_connect_timeout=2.0,
                          health_check_interval=15, retry_on_timeout=False)
