"""Tier maintenance: downgrades on a schedule, with a warning first.

Upgrades happen at once inside the award statement (growth crosses a threshold). Growth value has a
rolling validity: at each monthly evaluation a member's growth becomes what they earned within the last
`tier_window_days` (older growth ages out) and the tier follows it — so a tier is kept by staying active,
and the next award's upgrade check sees the same number. `tier_warning_days` before the evaluation,
members who would drop get a subscribe message through the outbox (recorded as a `warning` tier change, claimed
once per member and month).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from app.db import conn
from app.runtime import Runtime
from app.services import outbox
from app.services.points.config_cache import config_cache
from app.sqlx import fetch
from models import TierChange

log = logging.getLogger("jifen.tiers")


async def _candidates(rt: Runtime, now: datetime) -> list[tuple[int, int, int, int, str]]:
    """(member id, current level, target level, window growth, openid) for members whose tier would drop."""
    cfg = await config_cache.get()
    since = now - timedelta(days=rt.settings.points.tier_window_days)
    rows = await fetch(conn(), """
        SELECT m.id, m.tier_level, m.openid,
               COALESCE((SELECT SUM(e.growth) FROM point_entries e WHERE e.member_id = m.id AND e.created_at >= $1), 0)
        FROM members m WHERE m.tier_level > 0""", [since])
    out = []
    for r in rows:
        window_growth = max(int(r[3]), 0)
        target = max((t.level for t in cfg.tiers if t.growth_threshold <= window_growth), default=0)
        if target < int(r[1]):
            out.append((int(r[0]), int(r[1]), target, window_growth, str(r[2])))
    return out


async def evaluate_downgrades(rt: Runtime) -> dict[str, int]:
    now = rt.clock.now()
    changed = 0
    since = now - timedelta(days=rt.settings.points.tier_window_days)
    for member_id, level, target, _, _ in await _candidates(rt, now):
        async with in_transaction() as c:
            rows = await fetch(c, "UPDATE members SET tier_level = $1, growth = (SELECT COALESCE(SUM(growth), 0) FROM "
                                  "point_entries WHERE member_id = $2 AND created_at >= $3) WHERE id = $2 "
                                  "AND tier_level = $4 RETURNING id", [target, member_id, since, level])
            if rows:
                await TierChange.create(member_id=member_id, from_level=level, to_level=target, reason="downgrade",
                                        created_at=now, using_db=c)
                changed += 1
    return {"downgraded": changed}


async def warn_upcoming(rt: Runtime) -> dict[str, int]:
    """Warn members whose tier would drop at the next evaluation (1st of next month), once per member and month.

    The claim is the warning's outbox message, keyed `tier-warning:<member>:<YYYY-MM>` (Shanghai month),
    inserted in one transaction with the `warning` tier change: overlapping runs (two schedulers, or Redis
    down so no job lock) record and send one warning, and the outbox retries its delivery."""
    now = rt.clock.now()
    month = rt.clock.local_now().strftime("%Y-%m")
    warned = 0
    for member_id, level, target, growth, openid in await _candidates(rt, now):
        payload = {"openid": openid, "template_id": rt.settings.miniprogram.subscribe_template_tier,
                   "data": {"thing1": "会员等级即将调整", "number2": str(growth), "thing3": "保持活跃即可保级"},
                   "page": "pages/member/index"}
        async with in_transaction() as c:
            if await outbox.enqueue("subscribe", f"tier-warning:{member_id}:{month}", payload, now=now,
                                    member_id=member_id, c=c):
                await TierChange.create(member_id=member_id, from_level=level, to_level=target, reason="warning",
                                        created_at=now, using_db=c)
                warned += 1
    return {"warned": warned}


async def history(member_id: int) -> list[dict[str, Any]]:
    rows = await TierChange.filter(member_id=member_id).order_by("-id").limit(50)
    return [{"from": r.from_level, "to": r.to_level, "reason": r.reason, "at": r.created_at.isoformat()} for r in rows]


