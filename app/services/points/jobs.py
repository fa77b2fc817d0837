"""Scheduled points jobs. Each works off "everything due up to now", so a missed run catches up."""

from __future__ import annotations

from typing import Any

from app.runtime import Runtime
from app.scheduling import scheduled
from app.services.points import expiry, reminders, tiers


@scheduled("points_expire", trigger="interval", minutes=1)
async def expire_points(rt: Runtime) -> dict[str, Any] | None:
    r = await expiry.expire_due(rt.clock.now(), rt.settings.points.sweep_batch_members)
    return {"expired_buckets": r.buckets, "points": r.points} if r.buckets else None


@scheduled("points_release", trigger="interval", minutes=1)
async def release_pending(rt: Runtime) -> dict[str, Any] | None:
    r = await expiry.release_due(rt.clock.now(), rt.settings.points.sweep_batch_members)
    return {"released_buckets": r.buckets, "points": r.points} if r.buckets else None


@scheduled("points_expiry_reminders", trigger="interval", minutes=30)
async def expiry_reminders(rt: Runtime) -> dict[str, int] | None:
    out = await reminders.send_due(rt)
    return out if any(out.values()) else None


@scheduled("tier_downgrades", trigger="cron", day=1, hour=3, minute=0)
async def tier_downgrades(rt: Runtime) -> dict[str, int]:
    return await tiers.evaluate_downgrades(rt)


@scheduled("tier_warnings", trigger="cron", day=21, hour=10, minute=0)
async def tier_warnings(rt: Runtime) -> dict[str, int]:
    return await tiers.warn_upcoming(rt)
