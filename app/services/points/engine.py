"""The one entry point for awards: `award(rt, member_id, event, idem_key, context)`.

Serves check-ins, payments, callbacks and missions alike. It finds the active rule for the event, plans the
points (base, multipliers, caps, budget), and posts them with the idempotency key; the same key twice
returns the first result, also when both arrive at once (the unique (member, idem_key) index decides).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from tortoise.backends.base.client import TransactionalDBClient
from tortoise.transactions import in_transaction

from app.clock import clock
from app.db import conn, is_postgres_conn
from app.errors import NotFound
from app.runtime import Runtime
from app.services.points import budget, ledger
from app.services.points.calc import AwardPlan, Usage, best_campaign, expiry_for, plan_award
from app.services.points.config_cache import ConfigSnapshot, config_cache
from app.sqlx import fetchrow, to_json
from models import TierChange

log = logging.getLogger("jifen.points")

MAX_RACE_RETRIES = 5


@dataclass
class AwardResult:
    status: str  # awarded | pending | duplicate | none
    points: int = 0
    growth: int = 0
    reason: str | None = None
    entry_id: int | None = None
    balance: int | None = None
    pending: int | None = None
    tier_level: int | None = None
    trace: dict[str, Any] = field(default_factory=dict)

    def view(self) -> dict[str, Any]:
        return {"status": self.status, "points": self.points, "growth": self.growth, "reason": self.reason,
                "entry_id": self.entry_id, "balance": self.balance, "pending": self.pending,
                "tier_level": self.tier_level, "trace": self.trace}


_SNAPSHOT_SQL = """
SELECT m.tier_level, m.balance, m.checkin_streak, m.last_checkin_day,
       d.count AS d_count, d.points AS d_points, l.count AS l_count, l.points AS l_points,
       e.id AS e_id, e.amount AS e_amount, e.account AS e_account, e.growth AS e_growth, e.trace AS e_trace,
       e.balance_after AS e_balance
FROM members m
LEFT JOIN award_counters d ON d.member_id = m.id AND d.rule_id = $2 AND d.period = $3
LEFT JOIN award_counters l ON l.member_id = m.id AND l.rule_id = $2 AND l.period = 'life'
LEFT JOIN point_entries e ON e.member_id = m.id AND e.idem_key = $4
WHERE m.id = $1
"""


def snapshot_sql(member: str, rule: str, period: str, idem_key: str) -> str:
    """The snapshot `award()` reads, with the caller's placeholders, for a caller that reads it in a statement
    of its own (and hands the row to `award(snap=...)`), saving the round trip."""
    marks = {"1": member, "2": rule, "3": period, "4": idem_key}
    return re.sub(r"\$([1-4])\b", lambda m: marks[m.group(1)], _SNAPSHOT_SQL)


def duplicate_result(row: Any, prefix: str = "e_") -> AwardResult:
    trace = to_json(row[f"{prefix}trace"]) or {}
    account = row[f"{prefix}account"]
    return AwardResult(status="duplicate", points=int(row[f"{prefix}amount"]), growth=int(row[f"{prefix}growth"]),
                       reason="already_awarded", entry_id=int(row[f"{prefix}id"]), trace=trace,
                       balance=int(row[f"{prefix}balance"]) if account == "available" else None)


async def snapshot(member_id: int, rule_id: int, period: str, idem_key: str) -> Any:
    row = await fetchrow(conn(), _SNAPSHOT_SQL, [member_id, rule_id, period, idem_key])
    if row is None:
        raise NotFound("member not found", code="member_not_found")
    return row


async def award(rt: Runtime, member_id: int, event: str, idem_key: str, context: dict[str, Any] | None = None,
                *, at: datetime | None = None, guard: ledger.Guard | None = None, snap: Any = None) -> AwardResult:
    """`context` is event data (amount_fen, streak, source); `at` (trusted callers only) dates the award."""
    context = dict(context or {})
    now: datetime = at or rt.clock.now()
    day = rt.clock.day_of(now)
    cfg = await config_cache.get()
    rule = cfg.rule_for(event, now)
    if rule is None:
        return AwardResult(status="none", reason="no_active_rule", trace={"event": event})
    for _ in range(MAX_RACE_RETRIES):
        row = snap if snap is not None else await snapshot(member_id, rule.id, f"d:{day.isoformat()}", idem_key)
        snap = None
        if row["e_id"] is not None:
            return duplicate_result(row)
        usage = Usage(day_count=row["d_count"] or 0, day_points=row["d_points"] or 0,
                      life_count=row["l_count"] or 0, life_points=row["l_points"] or 0)
        tier_level = int(row["tier_level"])
        campaign = best_campaign(cfg.campaigns, event, tier_level, now)
        plan = plan_award(rule, event=event, day=day, context=context, tier=cfg.tier(tier_level),
                          campaign=campaign, usage=usage)
        refusal = await budget.check(rt, cfg, now, plan.points)
        if refusal:
            plan.trace["budget"] = refusal
            if refusal["mode"] == "refuse":
                return AwardResult(status="none", reason="budget_exhausted", trace=plan.trace)
        if plan.points <= 0 and plan.growth <= 0 and guard is None:
            return AwardResult(status="none", reason=plan.reason or "zero_points", trace=plan.trace)
        try:
            posted = await _post(posting(rule, plan, member_id, event, idem_key, context, now, guard))
        except ledger.CapRace:
            continue
        except ledger.DuplicateKey:
            row = await snapshot(member_id, rule.id, f"d:{day.isoformat()}", idem_key)
            return duplicate_result(row)
        await _after_post(rt, cfg, member_id, plan, posted, tier_level, now)
        pending = rule.pending_days > 0
        return AwardResult(status="pending" if pending else "awarded", points=plan.points, growth=plan.growth,
                           reason=plan.reason, entry_id=posted.entry_id, balance=posted.balance,
                           pending=posted.pending, tier_level=posted.tier_level, trace=plan.trace)
    return AwardResult(status="none", reason="contention", trace={"event": event})


async def _post(post: ledger.EarnPosting) -> ledger.Posted:
    """`ledger.post_earn`, under a savepoint when the caller holds a transaction on PostgreSQL (a make-up).

    A refused statement (guard taken, cap race, duplicate key) aborts the whole PostgreSQL transaction; the
    savepoint limits that to the attempt, so the retry loop and the caller can go on. Outside a caller's
    transaction the statement is its own transaction and needs none (the hot paths stay one round trip)."""
    c = conn()
    if is_postgres_conn(c) and isinstance(c, TransactionalDBClient):
        async with in_transaction():
            return await ledger.post_earn(post)
    return await ledger.post_earn(post)


def posting(rule: Any, plan: AwardPlan, member_id: int, event: str, idem_key: str, context: dict[str, Any],
             now: datetime, guard: ledger.Guard | None) -> ledger.EarnPosting:
    release_at = None
    earned_day = now
    if rule.pending_days > 0:
        release_at = now + timedelta(days=rule.pending_days)
        earned_day = release_at
        plan.trace["pending_until"] = release_at.isoformat()
    expires_at = expiry_for(rule, clock.day_of(earned_day))
    plan.trace["expires_at"] = expires_at.isoformat() if expires_at else None
    return ledger.EarnPosting(
        member_id=member_id, amount=plan.points, growth=plan.growth,
        account="pending" if rule.pending_days > 0 else "available", event=event,
        source=context.get("source"), rule_id=rule.id, idem_key=idem_key, trace=plan.trace,
        expires_at=expires_at, release_at=release_at, now=now, counters=plan.counters, guard=guard)


async def _after_post(rt: Runtime, cfg: ConfigSnapshot, member_id: int, plan: AwardPlan, posted: ledger.Posted,
                      tier_before: int, now: datetime) -> None:
    """Rare follow-ups kept off the single hot statement: tier history, budget counter. (Debt netting is not
    one of them: `ledger.post_earn` nets inside the award's own statement, so no crash can skip it.)"""
    if plan.points > 0:
        await budget.record_issued(rt, cfg, now, plan.points)
    if posted.tier_level != tier_before:
        await TierChange.create(member_id=member_id, from_level=tier_before, to_level=posted.tier_level,
                                reason="upgrade", created_at=now)
