"""Expiry reminders: a mini-program subscribe message N days before points expire, per configured stage.

Claiming is a set-based INSERT into `expiry_reminders` (unique per bucket x stage), so with two schedulers
each bucket is reminded once per stage. A member gets one message per stage run covering all their claimed
buckets. The message goes into the outbox in the same transaction as the claim: a crash either loses both
(the next run claims the buckets again) or neither (the outbox delivers, retrying failures and recording the
outcome: sent, refused = 43101, failed), so a claimed reminder is never silently dropped.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from app.db import conn
from app.runtime import Runtime
from app.services import reconcile
from app.services.outbox import service as outbox
from app.sqlx import execute, fetch, to_dt


async def claim(c: BaseDBAsyncClient, now: datetime, stage_days: int, nearer_stage: int, limit: int) -> list[Any]:
    """Buckets expiring within `stage_days` but not yet within the nearer stage (that one reminds them)."""
    horizon = now + timedelta(days=stage_days)
    floor = now + timedelta(days=nearer_stage)
    return await fetch(c, """
        INSERT INTO expiry_reminders (bucket_id, member_id, stage_days, amount, status, created_at)
        SELECT b.id, b.member_id, $1, b.remaining, 'queued', $2 FROM point_buckets b
        WHERE b.state = 'active' AND b.remaining > 0 AND b.expires_at > $5 AND b.expires_at <= $3
          AND NOT EXISTS (SELECT 1 FROM expiry_reminders r WHERE r.bucket_id = b.id AND r.stage_days = $1)
        ORDER BY b.expires_at LIMIT $4
        ON CONFLICT (bucket_id, stage_days) DO NOTHING
        RETURNING id""", [stage_days, now, horizon, limit, floor])


async def _queue(c: BaseDBAsyncClient, rt: Runtime, now: datetime, stage: int, ids: list[int]) -> int:
    """Queue one message per member for these claimed reminder rows (in the caller's transaction)."""
    marks = ", ".join(f"${n + 1}" for n in range(len(ids)))
    members = await fetch(c, f"""
        SELECT r.member_id, m.openid, SUM(r.amount) AS total, MIN(b.expires_at) AS first_expiry, MIN(r.id) AS first_id
        FROM expiry_reminders r JOIN point_buckets b ON b.id = r.bucket_id JOIN members m ON m.id = r.member_id
        WHERE r.id IN ({marks}) GROUP BY r.member_id, m.openid""", ids)
    for m in members:
        await outbox.enqueue("subscribe", f"expiry-reminder:{stage}:{int(m['first_id'])}", _message(rt, m, stage),
                             now=now, member_id=int(m["member_id"]), c=c)
    return len(members)


async def send_due(rt: Runtime, limit: int = 2000) -> dict[str, int]:
    """Claim each stage's due buckets and queue one message per member, claim and messages in one transaction.
    Returns how many messages were queued and how many buckets they cover."""
    now = rt.clock.now()
    out = {"queued": 0, "buckets": 0}
    stages = rt.settings.points.reminder_stages
    for i, stage in enumerate(stages):
        async with in_transaction() as c:
            claimed = await claim(c, now, stage, stages[i + 1] if i + 1 < len(stages) else 0, limit)
            if not claimed:
                continue
            ids = [int(r["id"]) for r in claimed]
            out["queued"] += await _queue(c, rt, now, stage, ids)
            out["buckets"] += len(ids)
    return out


@reconcile.check("expiry_reminders_claimed_unsent")
async def claimed_unsent(rt: Runtime, repair: bool) -> list[reconcile.Finding]:
    """Reminders the earlier send-inline code claimed and never sent (status `claimed`: the process died
    between the claim and the send). Repair queues them as `send_due` does, claim rows and messages in one
    transaction; reminders whose points have expired (or were spent) meanwhile are closed as `failed`."""
    now = rt.clock.now()
    rows = await fetch(conn(), """
        SELECT r.id, r.stage_days, (b.state = 'active' AND b.remaining > 0 AND b.expires_at > $1) AS due
        FROM expiry_reminders r JOIN point_buckets b ON b.id = r.bucket_id WHERE r.status = 'claimed'
        ORDER BY r.id LIMIT 2000""", [now])
    findings = [reconcile.Finding(check="expiry_reminders_claimed_unsent", subject=f"expiry_reminder:{r['id']}",
                                  detail=f"stage {r['stage_days']} claimed, never sent") for r in rows]
    if repair and rows:
        by_stage: dict[int, list[int]] = {}
        for r in rows:
            if r["due"]:
                by_stage.setdefault(int(r["stage_days"]), []).append(int(r["id"]))
        stale = [int(r["id"]) for r in rows if not r["due"]]
        async with in_transaction() as c:
            for stage, ids in by_stage.items():
                await _queue(c, rt, now, stage, ids)
                await _mark(c, ids, "queued")
            if stale:
                await _mark(c, stale, "failed")
        for f in findings:
            f.repaired = True
    return findings


def _message(rt: Runtime, member: Any, stage: int) -> dict[str, Any]:
    total = int(member["total"])
    expires = to_dt(member["first_expiry"])
    day = rt.clock.day_of(expires - timedelta(microseconds=1)).isoformat() if expires else ""
    data = {"number1": str(total), "date2": day, "thing3": f"{total}积分将于{stage}天内过期"[:20]}
    return {"openid": member["openid"], "template_id": rt.settings.miniprogram.subscribe_template_expiry,
            "data": data, "page": "pages/points/index"}


async def _mark(c: BaseDBAsyncClient, ids: list[int], status: str) -> None:
    marks = ", ".join(f"${n + 2}" for n in range(len(ids)))
    await execute(c, f"UPDATE expiry_reminders SET status = $1 WHERE status = 'claimed' AND id IN ({marks})",
                  [status, *ids])
