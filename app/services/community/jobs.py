"""Scheduled community work: the backstop of the callback worker (a crash, a retry after backoff)."""

from __future__ import annotations

from typing import Any

from app.runtime import Runtime
from app.scheduling import scheduled
from app.services.community import service


@scheduled("wecom_events", trigger="interval", seconds=5)
async def process_wecom_events(rt: Runtime) -> dict[str, Any] | None:
    out = await service.process_due(rt)
    return out if any(out.values()) else None


@scheduled("wecom_sync", trigger="cron", day_of_week="mon", hour=4, minute=0)
async def wecom_weekly_sync(rt: Runtime) -> dict[str, Any] | None:
    """Weekly pull of customers, groups and tags (one scheduler at a time: a Redis lock)."""
    from app.services.community import sync

    lock = rt.key("wecom-sync-lock")
    if not await rt.redis.set(lock, "1", nx=True, ex=6 * 3600):
        return None
    try:
        return await sync.run(rt)
    finally:
        await rt.redis.delete(lock)
