"""Tier maintenance: the monthly evaluation (growth ages to the window, the tier follows), with a warning first.

Upgrades happen at once inside the award statement (growth crosses a threshold); a refund takes back the tier
its growth gave at once (`ledger.apply_debit`). Growth value has a rolling validity: at each monthly
evaluation every member's growth becomes what they earned within the last `tier_window_days` (older growth
ages out) and the tier follows it, up or down — so a tier is kept by staying active, and the next award's
upgrade check sees window growth, never lifetime growth. `tier_warning_days` before the evaluation, members
who would drop get a subscribe message through the outbox (recorded as a `warning` tier change, claimed once per
member and month)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from app.db import conn, is_postgres_conn
from app.runtime import Runtime
from app.services.outbox import service as outbox
from app.services.points.calc import tier_sql, top_tier
from app.services.points.config_cache import config_cache
from app.sqlx import execute, fetch, fetchrow
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
        target = top_tier(cfg.tiers, window_growth)
        if target < int(r[1]):
            out.append((int(r[0]), int(r[1]), target, window_growth, str(r[2])))
    return out


# A batch of members as the window sees them: growth and tier now, and the growth earned within the window
# ($1 = window start, members $2 < id <= $3). The window sum groups the batch's entries once.
_WINDOW = """
SELECT m.id, m.growth AS g0, m.tier_level AS t0, COALESCE(s.win, 0) AS win
FROM members m LEFT JOIN (SELECT member_id, SUM(growth) AS win FROM point_entries
                          WHERE created_at >= $1 AND member_id > $2 AND member_id <= $3 GROUP BY member_id) s
     ON s.member_id = m.id
WHERE m.id > $2 AND m.id <= $3
"""


# Members whose growth or tier differs from what the window gives, with the tier they get.
_CHANGES = (f"SELECT w.id, w.t0, {tier_sql('w.win')} AS t1 FROM ({_WINDOW}) w "
            f"WHERE w.g0 <> w.win OR w.t0 <> {tier_sql('w.win')}")

# growth - (g0 - win) rather than win: only the aged-out part is taken off the row as it is when written, so
# no award's growth can be lost even if one slipped in after the read (the batch lock already prevents it).
_AGE = f"""
UPDATE members SET growth = members.growth - (w.g0 - w.win),
       tier_level = {tier_sql('members.growth - (w.g0 - w.win)')}, updated_at = $4
FROM ({_WINDOW}) w
WHERE members.id = w.id AND (w.g0 <> w.win OR w.t0 <> {tier_sql('w.win')})
"""


async def evaluate_downgrades(rt: Runtime) -> dict[str, int]:
    """The monthly evaluation: every member's growth becomes their window growth and the tier follows it.

    Why every member and not only those who drop: growth is what the award statements upgrade on, so a member
    whose aged-out growth is left in place would later be upgraded on lifetime growth. Batches of members are
    row-locked in id order (as the sweeps do) before the window is read, so an award committing meanwhile is
    either seen by the read or waits and adds its growth on top; the tier history records each change.
    """
    now = rt.clock.now()
    since = now - timedelta(days=rt.settings.points.tier_window_days)
    batch = max(rt.settings.points.sweep_batch_members, 1)
    top = await fetchrow(conn(), "SELECT COALESCE(max(id), 0) AS top FROM members", [])
    last = int(top["top"]) if top else 0
    downgraded = upgraded = 0
    for lo in range(0, last, batch):
        hi = lo + batch
        async with in_transaction() as c:
            if is_postgres_conn(c):
                await execute(c, "SELECT id FROM members WHERE id > $1 AND id <= $2 ORDER BY id FOR UPDATE",
                              [lo, hi])
            changes = await fetch(c, _CHANGES, [since, lo, hi])
            if not changes:
                continue
            await execute(c, _AGE, [since, lo, hi, now])
            moved = [r for r in changes if int(r["t0"]) != int(r["t1"])]
            await TierChange.bulk_create([
                TierChange(member_id=r["id"], from_level=r["t0"], to_level=r["t1"],
                           reason="downgrade" if int(r["t1"]) < int(r["t0"]) else "upgrade", created_at=now)
                for r in moved], using_db=c)
            downgraded += sum(1 for r in moved if int(r["t1"]) < int(r["t0"]))
            upgraded += sum(1 for r in moved if int(r["t1"]) > int(r["t0"]))
    return {"downgraded": downgraded, "upgraded": upgraded}


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


