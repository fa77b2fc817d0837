"""Expiry reminders: a mini-program subscribe message N days before points expire, per configured stage.

Claiming is a set-based INSERT into `expiry_reminders` (unique per bucket x stage), so with two schedulers
each bucket is reminded once per stage. A member gets one message per stage run covering all their claimed
buckets; each reminder row records the outcome (sent, refused = 43101, failed).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from app.db import conn
from app.runtime import Runtime
from app.sqlx import execute, fetch, to_dt
from app.wechat import errors as wx

log = logging.getLogger("jifen.reminders")


async def claim(now: datetime, stage_days: int, nearer_stage: int, limit: int) -> list[Any]:
    """Buckets expiring within `stage_days` but not yet within the nearer stage (that one reminds them)."""
    horizon = now + timedelta(days=stage_days)
    floor = now + timedelta(days=nearer_stage)
    return await fetch(conn(), """
        INSERT INTO expiry_reminders (bucket_id, member_id, stage_days, amount, status, created_at)
        SELECT b.id, b.member_id, $1, b.remaining, 'claimed', $2 FROM point_buckets b
        WHERE b.state = 'active' AND b.remaining > 0 AND b.expires_at > $5 AND b.expires_at <= $3
          AND NOT EXISTS (SELECT 1 FROM expiry_reminders r WHERE r.bucket_id = b.id AND r.stage_days = $1)
        ORDER BY b.expires_at LIMIT $4
        ON CONFLICT (bucket_id, stage_days) DO NOTHING
        RETURNING id, bucket_id, member_id, amount""", [stage_days, now, horizon, limit, floor])


async def send_due(rt: Runtime, limit: int = 2000, concurrency: int = 20) -> dict[str, int]:
    now = rt.clock.now()
    outcome = {"sent": 0, "refused": 0, "failed": 0}
    sem = asyncio.Semaphore(concurrency)
    stages = rt.settings.points.reminder_stages
    for i, stage in enumerate(stages):
        rows = await claim(now, stage, stages[i + 1] if i + 1 < len(stages) else 0, limit)
        by_member: dict[int, list[Any]] = {}
        for r in rows:
            by_member.setdefault(int(r["member_id"]), []).append(r)

        async def one(member_id: int, items: list[Any], stage: int = stage) -> None:
            async with sem:
                status, error = await _notify(rt, member_id, items, stage)
            ids = [int(i["id"]) for i in items]
            marks = ", ".join(f"${n + 3}" for n in range(len(ids)))
            await execute(conn(), f"UPDATE expiry_reminders SET status = $1, error = $2 WHERE id IN ({marks})",
                          [status, error, *ids])
            outcome[status] += 1

        await asyncio.gather(*(one(m, items) for m, items in by_member.items()))
    return outcome


async def _notify(rt: Runtime, member_id: int, items: list[Any], stage: int) -> tuple[str, str | None]:
    member = await fetch(conn(), "SELECT openid FROM members WHERE id = $1", [member_id])
    if not member:
        return "failed", "member gone"
    bucket_ids = [int(i["bucket_id"]) for i in items]
    marks = ", ".join(f"${n + 1}" for n in range(len(bucket_ids)))
    first = await fetch(conn(), f"SELECT MIN(expires_at) FROM point_buckets WHERE id IN ({marks})", bucket_ids)
    expires = to_dt(first[0][0]) if first else None
    total = sum(int(i["amount"]) for i in items)
    day = rt.clock.day_of(expires - timedelta(microseconds=1)).isoformat() if expires else ""
    data = {"number1": str(total), "date2": day, "thing3": f"{total}积分将于{stage}天内过期"[:20]}
    try:
        template = rt.settings.miniprogram.subscribe_template_expiry
        await rt.miniprogram.send_subscribe_message(member[0]["openid"], template, data, page="pages/points/index")
        return "sent", None
    except wx.UserRefused as exc:
        return "refused", str(exc)[:255]
    except wx.WeChatError as exc:
        log.warning("expiry reminder for member %s failed: %s", member_id, exc)
        return "failed", str(exc)[:255]
