"""PostgreSQL fast path for the daily check-in: the whole check-in is ONE statement.

The check-in is the hottest write. For the common rule shape (no caps, no pending period) everything the
general award path does in Python - streak, streak bonus, tier and campaign multipliers, the trace - is
computed inside a single data-modifying CTE from operator configuration passed as JSON parameters (the SQL
text is constant, so it stays a prepared statement). The inserted check-in row gates every later part: if
today's row already exists nothing else happens, atomically. With a budget configured the statement runs while
even the largest possible check-in stays below the budget's warning line (one Redis read before, the counter
added after); near or past it, any other rule shape, and SQLite use the general path (`engine.award` with a
guard), which the same tests cover. A member in debt has it paid off inside the same statement
(`ledger.netting_ctes`), from the balance the statement itself locked, never from an earlier read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.db import conn
from app.errors import NotFound
from app.runtime import Runtime
from app.services.points import budget, ledger
from app.services.points.calc import best_campaign, expiry_for, keeps_counters, tier_sql
from app.services.points.config_cache import ConfigSnapshot
from app.sqlx import to_json
from models import EarningRule, TierChange

_SQL = """
WITH m0 AS (
    SELECT id, tier_level, last_checkin_day, checkin_streak,
           CASE WHEN last_checkin_day = $2::date - 1 THEN checkin_streak + 1 ELSE 1 END AS streak
    FROM members WHERE id = $1
), calc AS (
    SELECT m0.id, m0.streak, m0.tier_level,
           COALESCE(($4::jsonb ->> m0.streak::text)::int, 0)
             + COALESCE((SELECT SUM(CASE WHEN m0.streak % (p ->> 0)::int = 0 THEN (p ->> 1)::int ELSE 0 END)
                         FROM jsonb_array_elements($5::jsonb) p), 0) AS bonus,
           COALESCE(($6::jsonb ->> m0.tier_level::text)::int, 10000) AS tier_bp,
           COALESCE(($7::jsonb ->> m0.tier_level::text)::int, $8::int) AS camp_bp
    FROM m0 WHERE m0.last_checkin_day IS DISTINCT FROM $2::date
), pts AS (
    SELECT calc.*, (($3::bigint + bonus) * tier_bp * camp_bp / 100000000)::int AS points FROM calc
), g AS (
    INSERT INTO checkins (member_id, day, streak, makeup, created_at)
    SELECT id, $2::date, streak, false, $9::timestamptz FROM pts
    ON CONFLICT (member_id, day) DO NOTHING RETURNING member_id
), m AS (
    UPDATE members SET balance = members.balance + pts.points, growth = members.growth + $10::int,
           tier_level = GREATEST(members.tier_level, {TIER}),
           checkin_streak = pts.streak, last_checkin_day = $2::date, updated_at = $9::timestamptz
    FROM pts, g WHERE members.id = pts.id
    RETURNING members.balance, members.pending, members.tier_level, pts.points, pts.bonus, pts.tier_bp,
              pts.streak, pts.tier_level AS tier_before
), e AS (
    INSERT INTO point_entries (member_id, account, amount, kind, event, source, rule_id, idem_key, balance_after,
                               growth, trace, created_at)
    SELECT $1, 'available', m.points, 'earn', 'check_in', $11::text, $12::bigint, $11::text, m.balance, $10::int,
           jsonb_build_object('rule', $13::text, 'rule_id', $12::bigint, 'event', 'check_in', 'base', $3::int,
                              'streak_bonus', m.bonus, 'amount_fen', NULL, 'tier_level', m.tier_before,
                              'tier_multiplier_bp', m.tier_bp, 'campaign', $14::jsonb -> m.tier_before::text,
                              'multiplied', m.points, 'cap', NULL, 'points', m.points, 'growth', $10::int,
                              'expires_at', $15::text),
           $9::timestamptz
    FROM m RETURNING id, trace
), NETTING, b AS (
    INSERT INTO point_buckets (member_id, entry_id, state, initial, remaining, expired_amount, expires_at,
                               release_at, created_at)
    SELECT $1, e.id, 'active', m.points, m.points - LEAST(m.points, net.take), 0, $16::timestamptz, NULL,
           $9::timestamptz
    FROM e, m, net WHERE m.points > 0 RETURNING id
)
SELECT m0.checkin_streak AS current_streak, m.balance, m.pending, m.tier_level, m.tier_before, m.points,
       m.streak, e.id AS entry_id, e.trace, (SELECT count(*) FROM b) AS buckets,
       jifen_assert(NET_CHECK, 'jifen:net') AS net_ok
FROM m0 LEFT JOIN m ON true LEFT JOIN e ON true
""".replace("NETTING", ",\n".join(ledger.netting_ctes("$1", "m.points"))).replace(
    "NET_CHECK", ledger.NET_CHECK).replace("{TIER}", tier_sql("members.growth + $10::int"))


def applies(rule: EarningRule) -> bool:
    """Rules with caps or a pending period need the general path's bookkeeping."""
    return not keeps_counters(rule)


@dataclass
class _Prepared:
    """The statement's operator-configuration parameters (JSON already encoded) for one rule and day,
    reused until the snapshot, the rule, the day or a campaign window changes."""

    cfg: ConfigSnapshot
    rule: EarningRule
    today: date
    until: datetime | None  # the next campaign start/end after it was built (None: no such boundary)
    values: list[Any]
    max_points: int  # the most one check-in can earn under this configuration (any streak, tier, campaign)


_prepared: _Prepared | None = None


def _campaign_boundary(cfg: ConfigSnapshot, now: datetime) -> datetime | None:
    edges = [t for c in cfg.campaigns for t in (c.starts_at, c.ends_at) if t is not None and t > now]
    return min(edges) if edges else None


def _build(today: date, now: datetime, rule: EarningRule, cfg: ConfigSnapshot) -> tuple[list[Any], int]:
    exact: dict[str, int] = {}
    periodic: list[list[int]] = []
    for key, points in (rule.streak_bonuses or {}).items():
        if key.endswith("+"):
            if int(key[:-1]) > 0:
                periodic.append([int(key[:-1]), int(points)])
        else:
            exact[str(int(key))] = exact.get(str(int(key)), 0) + int(points)
    levels = sorted({t.level for t in cfg.tiers} | {0})
    campaigns = {lvl: best_campaign(cfg.campaigns, "check_in", lvl, now) for lvl in levels}
    default = best_campaign([c for c in cfg.campaigns if not c.tier_levels], "check_in", -1, now)
    expires_at = expiry_for(rule, today)
    idem = f"checkin:{today.isoformat()}"
    top_bonus = max([0, *exact.values()]) + sum(max(points, 0) for _, points in periodic)
    top_tier_bp = max([10000, *(t.multiplier_bp for t in cfg.tiers)])
    top_camp_bp = max([default.multiplier_bp if default else 10000,
                       *(c.multiplier_bp for c in campaigns.values() if c)])
    max_points = (max(rule.points_fixed, 0) + top_bonus) * top_tier_bp * top_camp_bp // 100_000_000
    values = [
        None, today, rule.points_fixed, _json(exact), json.dumps(periodic),
        _json({str(t.level): t.multiplier_bp for t in cfg.tiers}),
        _json({str(lvl): c.multiplier_bp for lvl, c in campaigns.items() if c}),
        default.multiplier_bp if default else 10000,
        None, rule.growth_fixed, idem, rule.id, rule.code,
        _json({str(lvl): {"id": c.id, "name": c.name, "multiplier_bp": c.multiplier_bp}
               for lvl, c in campaigns.items() if c}),
        expires_at.isoformat() if expires_at else None, expires_at,
    ]
    return values, max_points


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _prepare(today: date, now: datetime, rule: EarningRule, cfg: ConfigSnapshot) -> _Prepared:
    """Every parameter but the member and the time is operator configuration: built once per snapshot and
    day (campaign days are Shanghai days; a dated campaign window ends the reuse at its edge)."""
    global _prepared
    p = _prepared
    if p is None or p.cfg is not cfg or p.rule is not rule or p.today != today or \
            (p.until is not None and now >= p.until):
        values, max_points = _build(today, now, rule, cfg)
        p = _prepared = _Prepared(cfg, rule, today, _campaign_boundary(cfg, now), values, max_points)
    return p


async def check_in(rt: Runtime, member_id: int, today: date, now: datetime, rule: EarningRule,
                   cfg: ConfigSnapshot) -> dict[str, Any] | None:
    """The check-in's outcome, or None when the budget is near its warning line (the general path decides)."""
    prepared = _prepare(today, now, rule, cfg)
    if cfg.budgets and not await budget.fits(rt, cfg, now, prepared.max_points):
        return None
    values = list(prepared.values)
    values[0], values[8] = member_id, now
    try:
        # straight to asyncpg: every value is already what it takes (PostgreSQL only; `sqlx.fetch` would
        # adapt each of the 16 values for a dialect that never reaches this path)
        async with conn().acquire_connection() as raw:
            row = await raw.fetchrow(_SQL, *values)
    except Exception as exc:
        if "jifen:net" not in str(exc):
            raise
        return None  # a claw-back committed while this waited for the member: the general path nets exactly
    if row is None:
        raise NotFound("member not found", code="member_not_found")
    if row["entry_id"] is None:
        return {"checked_in": False, "reason": "already_checked_in", "day": today.isoformat(),
                "streak": int(row["current_streak"]), "points": 0}
    points, balance = int(row["points"]), int(row["balance"])
    await budget.record_issued(rt, cfg, now, points)
    if row["tier_level"] != row["tier_before"]:
        await TierChange.create(member_id=member_id, from_level=row["tier_before"], to_level=row["tier_level"],
                                reason="upgrade", created_at=now)
    award = {"status": "awarded", "points": points, "growth": rule.growth_fixed, "reason": None,
             "entry_id": int(row["entry_id"]), "balance": balance, "pending": int(row["pending"]),
             "tier_level": int(row["tier_level"]), "trace": to_json(row["trace"])}
    return {"checked_in": True, "day": today.isoformat(), "streak": int(row["streak"]), "points": points,
            "balance": balance, "award": award}
