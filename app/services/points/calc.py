"""Pure award arithmetic: base points, multipliers, caps. No I/O, so every branch is unit-testable.

Integers only: multipliers are basis points (10000 = 1x) and results are floored.
Tier and campaign multipliers multiply; of overlapping campaigns the highest multiplier wins.
Caps apply after multipliers, in this order: once-per-member, daily count, daily points, member total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from app.clock import SHANGHAI
from models import Campaign, EarningRule, Tier

INT_MAX = 2_147_483_647


def campaign_applies(c: Campaign, event: str, tier_level: int, now: datetime) -> bool:
    if c.events and event not in c.events:
        return False
    if c.tier_levels and tier_level not in c.tier_levels:
        return False
    local = now.astimezone(SHANGHAI)
    if c.starts_at and now < c.starts_at:
        return False
    if c.ends_at and now >= c.ends_at:
        return False
    if c.recurrence == "once":
        return bool(c.starts_at and c.ends_at)
    if c.recurrence == "monthly":
        return local.day == c.day_of_month
    if c.recurrence == "yearly":
        return local.month == c.month and (c.day_of_month is None or local.day == c.day_of_month)
    if c.recurrence == "weekly":
        return local.isoweekday() == c.weekday
    return False


def best_campaign(campaigns: list[Campaign], event: str, tier_level: int, now: datetime) -> Campaign | None:
    live = [c for c in campaigns if campaign_applies(c, event, tier_level, now)]
    return max(live, key=lambda c: (c.multiplier_bp, -c.id)) if live else None


def expiry_for(rule: EarningRule, earned_day: date) -> datetime | None:
    """When points earned on `earned_day` (Shanghai) expire; None = never."""
    if rule.validity == "never":
        return None
    if rule.validity == "days":
        end = earned_day + timedelta(days=(rule.validity_days or 365) + 1)
    elif rule.validity == "end_of_year":
        end = date(earned_day.year + 1, 1, 1)
    else:  # end_of_next_year (the default)
        end = date(earned_day.year + 2, 1, 1)
    return datetime(end.year, end.month, end.day, tzinfo=SHANGHAI)


@dataclass
class Usage:
    day_count: int = 0
    day_points: int = 0
    life_count: int = 0
    life_points: int = 0


@dataclass
class AwardPlan:
    points: int
    growth: int
    trace: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None
    counters: list[tuple[str, int, int]] = field(default_factory=list)
    """(period, max count, max points) rows to bump; the write refuses if a concurrent award got there first."""


def keeps_counters(rule: EarningRule) -> bool:
    """Rules whose awards need counters or a release (caps, once per member, pending period): the
    single-statement fast paths leave those to the general award path."""
    return (rule.once_per_member or rule.daily_count_cap is not None or rule.daily_points_cap is not None
            or rule.total_points_cap is not None or rule.pending_days > 0)


def top_tier(tiers: list[Tier], growth: int) -> int:
    """The tier rule, once: the highest level whose threshold `growth` reaches (0 when none). `tier_sql` is the
    same rule for statements that decide the tier in the database."""
    return max((t.level for t in tiers if t.growth_threshold <= growth), default=0)


def tier_sql(growth: str) -> str:
    """`top_tier` as a SQL expression over the `tiers` table, for a growth expression such as
    `members.growth + $3` (the statements read the ladder under their own snapshot)."""
    return f"COALESCE((SELECT max(level) FROM tiers WHERE growth_threshold <= {growth}), 0)"


def streak_bonus(rule: EarningRule, streak: int) -> int:
    """Bonus keyed by streak length; a key ending in '+' repeats every that many days (e.g. '7+')."""
    bonus = 0
    for key, points in (rule.streak_bonuses or {}).items():
        if key.endswith("+"):
            n = int(key[:-1])
            if n > 0 and streak > 0 and streak % n == 0:
                bonus += int(points)
        elif int(key) == streak:
            bonus += int(points)
    return bonus


def plan_award(rule: EarningRule, *, event: str, day: date, context: dict[str, Any], tier: Tier | None,
               campaign: Campaign | None, usage: Usage) -> AwardPlan:
    amount_fen = int(context.get("amount_fen") or 0)
    base = rule.points_fixed + rule.points_per_yuan * amount_fen // 100
    bonus = streak_bonus(rule, int(context.get("streak") or 0)) if rule.streak_bonuses else 0
    growth = rule.growth_fixed + rule.growth_per_yuan * amount_fen // 100
    tier_bp = tier.multiplier_bp if tier else 10000
    campaign_bp = campaign.multiplier_bp if campaign else 10000
    multiplied = (base + bonus) * tier_bp * campaign_bp // 100_000_000
    trace: dict[str, Any] = {
        "rule": rule.code, "rule_id": rule.id, "event": event, "base": base, "streak_bonus": bonus,
        "amount_fen": amount_fen or None, "tier_level": tier.level if tier else 0, "tier_multiplier_bp": tier_bp,
        "campaign": {"id": campaign.id, "name": campaign.name, "multiplier_bp": campaign_bp} if campaign else None,
        "multiplied": multiplied, "cap": None,
    }
    points, reason = multiplied, None
    if rule.once_per_member and usage.life_count >= 1:
        points, growth, reason = 0, 0, "once_per_member"
    elif rule.daily_count_cap is not None and usage.day_count >= rule.daily_count_cap:
        points, growth, reason = 0, 0, "daily_count_cap"
    else:
        if rule.daily_points_cap is not None and usage.day_points + points > rule.daily_points_cap:
            points, reason = max(rule.daily_points_cap - usage.day_points, 0), "daily_points_cap"
        if rule.total_points_cap is not None and usage.life_points + points > rule.total_points_cap:
            points, reason = max(rule.total_points_cap - usage.life_points, 0), "total_points_cap"
    trace["cap"] = reason
    trace["points"] = points
    trace["growth"] = growth
    plan = AwardPlan(points=points, growth=growth, trace=trace, reason=reason)
    if points > 0 or growth > 0:
        if rule.daily_count_cap is not None or rule.daily_points_cap is not None:
            plan.counters.append((f"d:{day.isoformat()}", rule.daily_count_cap or INT_MAX,
                                  rule.daily_points_cap if rule.daily_points_cap is not None else INT_MAX))
        if rule.once_per_member or rule.total_points_cap is not None:
            plan.counters.append(("life", 1 if rule.once_per_member else INT_MAX,
                                  rule.total_points_cap if rule.total_points_cap is not None else INT_MAX))
    return plan
