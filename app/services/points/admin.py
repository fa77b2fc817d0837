"""Operator side of the points engine: earning rules, campaigns, tiers, budgets, manual adjustments, awards.

Why this module exists: the engine (`engine`, `calc`, `ledger`) trusts its configuration (e.g. `rule_for`
returns the first active rule of an event, `validity == "days"` falls back to 365 days when unset). Every
configuration write therefore goes through here, where it is validated as a whole (field-level 422s) and
checked against the rows already stored, inside one transaction holding a configuration lock, so two
operators cannot create conflicting configuration at once. After each change the per-process config cache
is invalidated: this worker applies the change to the very next award, other workers within the cache TTL.

Configuration changes never rewrite ledger entries: every entry carries its own trace (rule, base points,
multipliers, caps), so history stays as it was when awarded.

Operating notes:
  * At most one active earning rule per event whose window overlaps from now on. To replace a rule,
    deactivate the old one first (or give the new one a window starting where the old one ends).
    Rules are never deleted: entries and cap counters refer to them by id.
  * Campaigns: of overlapping campaigns the highest multiplier wins (see `calc.best_campaign`).
  * Manual adjustments and operator awards use their own idempotency-key namespaces (`admin-adjust:`,
    `admin-award:`), so an operator's key can never collide with an engine key such as `checkin:<day>`.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from itertools import pairwise
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from app.auth import Principal
from app.clock import SHANGHAI
from app.db import conn, is_postgres_conn
from app.errors import Conflict, Forbidden, NotFound, ValidationFailed
from app.runtime import Runtime
from app.services.members.service import get_member, member_view
from app.services.points import budget, engine, ledger, queries
from app.services.points.config_cache import config_cache
from app.sqlx import INTEGRITY_ERRORS, execute, fetchrow, to_json
from models import AdjustmentRequest, Campaign, EarningRule, Member, PointsBudget, Tier, TierChange

# --------------------------------------------------------------------------------------------------
# Shared validation
# --------------------------------------------------------------------------------------------------

EVENTS = ("check_in", "purchase", "community_interaction", "invite_accepted", "share", "profile_completed",
          "phone_bound", "first_purchase", "guide_task")
_CUSTOM_EVENT = re.compile(r"^custom:[a-z0-9][a-z0-9_-]{0,40}$")
_STREAK_KEY = re.compile(r"^[1-9][0-9]{0,3}\+?$")
CONFIG_LOCK_KEY = 7126101  # PostgreSQL advisory lock serialising configuration writes (next to 7126001: migrate)
ADJUST_LOCK_KEY = 7126201  # with a hash of the operator: serialises one marketer's daily-limit check + posting
MAX_POINTS = 10_000_000  # any single configured or adjusted amount; keeps products well inside int32 columns


def check_event(value: str) -> str:
    if value in EVENTS or _CUSTOM_EVENT.match(value):
        return value
    raise PydanticCustomError("event", "unknown event {value!r}: use one of {known} or custom:<slug> "
                              "(lowercase letters, digits, _ and -)", {"value": value, "known": ", ".join(EVENTS)})


def _raise(title: str, errors: list[tuple[tuple[str | int, ...], str, Any]]) -> None:
    """Raise cross-field errors with their own field paths (a plain ValueError would be reported on `body`)."""
    if errors:
        raise ValidationError.from_exception_data(title, [
            InitErrorDetails(type=PydanticCustomError("value_error", msg), loc=loc, input=value)
            for loc, msg, value in errors])


def _validation_failed(exc: ValidationError) -> ValidationFailed:
    details = [{"field": ".".join(str(p) for p in e["loc"]) or "body", "message": e["msg"]} for e in exc.errors()]
    return ValidationFailed("; ".join(f"{d['field']}: {d['message']}" for d in details), details=details)


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


Event = Annotated[str, Field(min_length=1, max_length=48, examples=["check_in", "custom:experience_officer"])]
Points = Annotated[int, Field(ge=0, le=MAX_POINTS)]
Cap = Annotated[int, Field(gt=0, le=2_000_000_000)]
Name = Annotated[str, Field(min_length=1, max_length=64)]
Code = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.:-]{0,47}$")]
Validity = Literal["end_of_next_year", "end_of_year", "days", "never"]
ValidityDays = Annotated[int, Field(ge=1, le=3650)]
PendingDays = Annotated[int, Field(ge=0, le=365)]
Multiplier = Annotated[int, Field(ge=10000, le=100000, description="basis points: 10000 = 1x, 15000 = 1.5x")]
Recurrence = Literal["once", "monthly", "yearly", "weekly"]


class RuleOptions(BaseModel):
    """Free-form rule options; the keys the engine reads are typed, others are stored as given."""

    model_config = ConfigDict(extra="allow")
    makeup_per_month: int | None = Field(default=None, ge=0, le=31)
    makeup_cost: int | None = Field(default=None, ge=0, le=MAX_POINTS)


# --------------------------------------------------------------------------------------------------
# Earning rules
# --------------------------------------------------------------------------------------------------


class RuleIn(BaseModel):
    """An earning rule as stored. Caps apply after multipliers; `validity_days` only with validity=days."""

    model_config = ConfigDict(extra="forbid")
    code: Code
    name: Name
    event: Event
    points_fixed: Points = 0
    points_per_yuan: Points = 0
    growth_fixed: Points = 0
    growth_per_yuan: Points = 0
    once_per_member: bool = False
    daily_count_cap: Cap | None = None
    daily_points_cap: Cap | None = None
    total_points_cap: Cap | None = None
    pending_days: PendingDays = 0
    validity: Validity = "end_of_next_year"
    validity_days: ValidityDays | None = None
    streak_bonuses: dict[str, Points] | None = Field(
        default=None, max_length=20, description='streak length -> bonus points; "7+" repeats every 7 days')
    options: RuleOptions | None = None
    active: bool = True
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None

    @model_validator(mode="after")
    def _cross_fields(self) -> RuleIn:
        errors: list[tuple[tuple[str | int, ...], str, Any]] = []
        try:
            check_event(self.event)
        except PydanticCustomError as exc:
            errors.append((("event",), exc.message(), self.event))
        if self.validity == "days" and self.validity_days is None:
            errors.append((("validity_days",), "required when validity is days", None))
        if self.validity != "days" and self.validity_days is not None:
            errors.append((("validity_days",), "only allowed when validity is days", self.validity_days))
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors.append((("ends_at",), "must be after starts_at", self.ends_at.isoformat()))
        for key in self.streak_bonuses or {}:
            if not _STREAK_KEY.match(key):
                errors.append((("streak_bonuses", key), 'keys are a streak length ("7") or a repeat ("7+")', key))
        _raise("RuleIn", errors)
        return self


class RulePatch(BaseModel):
    """Any subset of a rule's fields; the merged rule is validated like a new one. `null` clears optional fields."""

    model_config = ConfigDict(extra="forbid")
    code: Code | None = None
    name: Name | None = None
    event: Event | None = None
    points_fixed: Points | None = None
    points_per_yuan: Points | None = None
    growth_fixed: Points | None = None
    growth_per_yuan: Points | None = None
    once_per_member: bool | None = None
    daily_count_cap: Cap | None = None
    daily_points_cap: Cap | None = None
    total_points_cap: Cap | None = None
    pending_days: PendingDays | None = None
    validity: Validity | None = None
    validity_days: ValidityDays | None = None
    streak_bonuses: dict[str, Points] | None = Field(default=None, max_length=20)
    options: RuleOptions | None = None
    active: bool | None = None
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None


_RULE_FIELDS = tuple(RuleIn.model_fields)


def rule_view(rule: EarningRule) -> dict[str, Any]:
    out: dict[str, Any] = {"id": rule.id}
    for name in _RULE_FIELDS:
        value = getattr(rule, name)
        out[name] = _iso(value) if isinstance(value, datetime) else value
    out["created_at"] = _iso(rule.created_at)
    out["updated_at"] = _iso(rule.updated_at)
    return out


def _rule_values(data: RuleIn) -> dict[str, Any]:
    values = data.model_dump()
    if data.options is not None:
        values["options"] = data.options.model_dump(exclude_none=True)
    return values


@asynccontextmanager
async def _config_tx() -> AsyncIterator[BaseDBAsyncClient]:
    """A transaction holding the configuration lock; the cache is invalidated once it has committed.

    SQLite transactions are already exclusive within the process (Tortoise holds one connection lock);
    on PostgreSQL a transaction-scoped advisory lock serialises check-then-write across workers.
    """
    async with in_transaction() as c:
        if is_postgres_conn(c):
            await execute(c, "SELECT pg_advisory_xact_lock($1)", [CONFIG_LOCK_KEY])
        yield c
    config_cache.invalidate()


def _overlap_from(now: datetime, a: tuple[datetime | None, datetime | None],
                  b: tuple[datetime | None, datetime | None]) -> bool:
    """Whether two [start, end) windows share any instant from `now` on (past overlaps are history)."""
    lo = max(now, a[0] or now, b[0] or now)
    ends = [e for e in (a[1], b[1]) if e is not None]
    return not ends or lo < min(ends)


async def _rule_conflict(c: BaseDBAsyncClient, rule_id: int | None, event: str, starts_at: datetime | None,
                         ends_at: datetime | None, now: datetime) -> None:
    others = await EarningRule.filter(event=event, active=True).using_db(c).order_by("id").limit(100)
    for other in others:
        if other.id != rule_id and _overlap_from(now, (starts_at, ends_at), (other.starts_at, other.ends_at)):
            raise Conflict(f"rule #{other.id} ({other.code}) is already active for {event} in an overlapping "
                           "window; deactivate it first", code="rule_conflict",
                           details={"rule_id": other.id, "code": other.code, "event": event,
                                    "starts_at": _iso(other.starts_at), "ends_at": _iso(other.ends_at)})


async def _code_free(c: BaseDBAsyncClient, code: str, rule_id: int | None) -> None:
    if await EarningRule.filter(code=code).exclude(id=rule_id or 0).using_db(c).exists():
        raise Conflict(f"rule code {code!r} is taken", code="rule_code_taken", details={"field": "code"})


async def list_rules(*, event: str | None, active: bool | None, cursor: int | None, limit: int) -> dict[str, Any]:
    q = EarningRule.filter(id__gt=cursor or 0)
    if event is not None:
        q = q.filter(event=event)
    if active is not None:
        q = q.filter(active=active)
    rows = await q.order_by("id").limit(limit + 1)
    return _page([rule_view(r) for r in rows], limit)


def _page(items: list[dict[str, Any]], limit: int) -> dict[str, Any]:
    """Keyset page over ascending ids: `next_cursor` is the last id shown, passed back as `cursor`."""
    more = len(items) > limit
    items = items[:limit]
    return {"items": items, "next_cursor": str(items[-1]["id"]) if more else None}


async def get_rule(rule_id: int, c: BaseDBAsyncClient | None = None) -> EarningRule:
    rule = await EarningRule.filter(id=rule_id).using_db(c or conn()).first()
    if rule is None:
        raise NotFound(f"no earning rule #{rule_id}", code="rule_not_found")
    return rule


async def create_rule(rt: Runtime, data: RuleIn) -> EarningRule:
    async with _config_tx() as c:
        await _code_free(c, data.code, None)
        if data.active:
            await _rule_conflict(c, None, data.event, data.starts_at, data.ends_at, rt.clock.now())
        return await EarningRule.create(using_db=c, **_rule_values(data))


async def update_rule(rt: Runtime, rule_id: int, patch: RulePatch) -> EarningRule:
    """Apply a partial change; the merged rule is validated as a whole and re-checked for conflicts."""
    changes = patch.model_dump(exclude_unset=True)
    async with _config_tx() as c:
        rule = await get_rule(rule_id, c)
        current = {name: getattr(rule, name) for name in _RULE_FIELDS}
        try:
            merged = RuleIn.model_validate({**current, **changes})
        except ValidationError as exc:
            raise _validation_failed(exc) from exc
        if "code" in changes:
            await _code_free(c, merged.code, rule.id)
        window_changed = {"event", "starts_at", "ends_at", "active"} & set(changes)
        if merged.active and window_changed:
            await _rule_conflict(c, rule.id, merged.event, merged.starts_at, merged.ends_at, rt.clock.now())
        rule.update_from_dict(_rule_values(merged))
        await rule.save(using_db=c)
        return rule


async def set_rule_active(rt: Runtime, rule_id: int, active: bool) -> EarningRule:
    async with _config_tx() as c:
        rule = await get_rule(rule_id, c)
        if active and not rule.active:
            await _rule_conflict(c, rule.id, rule.event, rule.starts_at, rule.ends_at, rt.clock.now())
        if rule.active != active:
            rule.active = active
            await rule.save(using_db=c, update_fields=["active", "updated_at"])
        return rule


# --------------------------------------------------------------------------------------------------
# Campaigns
# --------------------------------------------------------------------------------------------------

_RECURRENCE_FIELDS: dict[str, tuple[set[str], set[str]]] = {
    # recurrence: (required, allowed) among day_of_month / month / weekday
    "once": (set(), set()),
    "monthly": ({"day_of_month"}, {"day_of_month"}),
    "yearly": ({"month"}, {"month", "day_of_month"}),
    "weekly": ({"weekday"}, {"weekday"}),
}


class CampaignIn(BaseModel):
    """A multiplier window. once: starts_at + ends_at; monthly: day_of_month (a month without that day has no
    campaign day); yearly: month, optionally day_of_month; weekly: weekday (ISO, 1 = Monday). For recurring
    campaigns starts_at/ends_at optionally bound the period in which they recur. Days are Asia/Shanghai days."""

    model_config = ConfigDict(extra="forbid")
    name: Name
    multiplier_bp: Multiplier
    recurrence: Recurrence
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    day_of_month: int | None = Field(default=None, ge=1, le=31)
    month: int | None = Field(default=None, ge=1, le=12)
    weekday: int | None = Field(default=None, ge=1, le=7)
    events: list[Event] | None = Field(default=None, max_length=20, description="only these events; null = all")
    tier_levels: list[Annotated[int, Field(ge=0, le=1000)]] | None = Field(
        default=None, max_length=50, description="only members at these tier levels; null = all")
    active: bool = True

    @model_validator(mode="after")
    def _cross_fields(self) -> CampaignIn:
        errors: list[tuple[tuple[str | int, ...], str, Any]] = []
        required, allowed = _RECURRENCE_FIELDS[self.recurrence]
        for name in ("day_of_month", "month", "weekday"):
            value = getattr(self, name)
            if name in required and value is None:
                errors.append(((name,), f"required when recurrence is {self.recurrence}", None))
            elif name not in allowed and value is not None:
                errors.append(((name,), f"not used when recurrence is {self.recurrence}", value))
        if self.recurrence == "yearly" and self.month and self.day_of_month:
            try:
                date(2028, self.month, self.day_of_month)  # a leap year: 29 February is a valid yearly day
            except ValueError:
                errors.append((("day_of_month",), f"month {self.month} has no day {self.day_of_month}",
                               self.day_of_month))
        if self.recurrence == "once":
            for name in ("starts_at", "ends_at"):
                if getattr(self, name) is None:
                    errors.append(((name,), "required when recurrence is once", None))
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors.append((("ends_at",), "must be after starts_at", self.ends_at.isoformat()))
        for i, event in enumerate(self.events or []):
            try:
                check_event(event)
            except PydanticCustomError as exc:
                errors.append((("events", i), exc.message(), event))
        if self.events and len(set(self.events)) != len(self.events):
            errors.append((("events",), "events must be unique", self.events))
        if self.tier_levels and len(set(self.tier_levels)) != len(self.tier_levels):
            errors.append((("tier_levels",), "tier levels must be unique", self.tier_levels))
        _raise("CampaignIn", errors)
        return self


class CampaignPatch(BaseModel):
    """Any subset of a campaign's fields; the merged campaign is validated like a new one."""

    model_config = ConfigDict(extra="forbid")
    name: Name | None = None
    multiplier_bp: Multiplier | None = None
    recurrence: Recurrence | None = None
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    day_of_month: int | None = Field(default=None, ge=1, le=31)
    month: int | None = Field(default=None, ge=1, le=12)
    weekday: int | None = Field(default=None, ge=1, le=7)
    events: list[Event] | None = Field(default=None, max_length=20)
    tier_levels: list[Annotated[int, Field(ge=0, le=1000)]] | None = Field(default=None, max_length=50)
    active: bool | None = None


_CAMPAIGN_FIELDS = tuple(CampaignIn.model_fields)


def campaign_view(c: Campaign) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id}
    for name in _CAMPAIGN_FIELDS:
        value = getattr(c, name)
        out[name] = _iso(value) if isinstance(value, datetime) else value
    out["created_at"] = _iso(c.created_at)
    return out


def _campaign_values(data: CampaignIn) -> dict[str, Any]:
    values = data.model_dump()
    values["events"] = data.events or None  # an empty filter means "all", stored as null like the seeds
    values["tier_levels"] = data.tier_levels or None
    return values


async def list_campaigns(*, active: bool | None, cursor: int | None, limit: int) -> dict[str, Any]:
    q = Campaign.filter(id__gt=cursor or 0)
    if active is not None:
        q = q.filter(active=active)
    rows = await q.order_by("id").limit(limit + 1)
    return _page([campaign_view(r) for r in rows], limit)


async def get_campaign(campaign_id: int, c: BaseDBAsyncClient | None = None) -> Campaign:
    campaign = await Campaign.filter(id=campaign_id).using_db(c or conn()).first()
    if campaign is None:
        raise NotFound(f"no campaign #{campaign_id}", code="campaign_not_found")
    return campaign


async def create_campaign(data: CampaignIn) -> Campaign:
    async with _config_tx() as c:
        return await Campaign.create(using_db=c, **_campaign_values(data))


async def update_campaign(campaign_id: int, patch: CampaignPatch) -> Campaign:
    changes = patch.model_dump(exclude_unset=True)
    async with _config_tx() as c:
        campaign = await get_campaign(campaign_id, c)
        current = {name: getattr(campaign, name) for name in _CAMPAIGN_FIELDS}
        try:
            merged = CampaignIn.model_validate({**current, **changes})
        except ValidationError as exc:
            raise _validation_failed(exc) from exc
        campaign.update_from_dict(_campaign_values(merged))
        await campaign.save(using_db=c)
        return campaign


async def deactivate_campaign(campaign_id: int) -> Campaign:
    async with _config_tx() as c:
        campaign = await get_campaign(campaign_id, c)
        if campaign.active:
            campaign.active = False
            await campaign.save(using_db=c, update_fields=["active"])
        return campaign


# --------------------------------------------------------------------------------------------------
# Tiers
# --------------------------------------------------------------------------------------------------

MAX_TIERS = 50


class TierIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    level: int = Field(ge=0, le=1000)
    name: Annotated[str, Field(min_length=1, max_length=32)]
    growth_threshold: int = Field(ge=0, le=2_000_000_000)
    multiplier_bp: Multiplier = 10000


class TierLadder(BaseModel):
    """The whole ladder: unique levels, level 0 at threshold 0, thresholds strictly increasing with level."""

    model_config = ConfigDict(extra="forbid")
    tiers: list[TierIn] = Field(min_length=1, max_length=MAX_TIERS)

    @model_validator(mode="after")
    def _ladder(self) -> TierLadder:
        errors: list[tuple[tuple[str | int, ...], str, Any]] = []
        seen: dict[int, int] = {}
        for i, t in enumerate(self.tiers):
            if t.level in seen:
                errors.append((("tiers", i, "level"), f"level {t.level} appears twice", t.level))
            seen.setdefault(t.level, i)
        if 0 not in seen:
            errors.append((("tiers",), "the ladder needs a level 0 (every member's starting tier)", None))
        elif self.tiers[seen[0]].growth_threshold != 0:
            errors.append((("tiers", seen[0], "growth_threshold"), "level 0 must start at growth 0",
                           self.tiers[seen[0]].growth_threshold))
        ordered = sorted(((t.level, i, t) for i, t in enumerate(self.tiers)), key=lambda x: (x[0], x[1]))
        for (prev_level, _, prev), (level, i, t) in pairwise(ordered):
            if level != prev_level and t.growth_threshold <= prev.growth_threshold:
                errors.append((("tiers", i, "growth_threshold"), f"must be above level {prev_level}'s threshold "
                               f"{prev.growth_threshold}", t.growth_threshold))
        _raise("TierLadder", errors)
        return self


def tier_view(t: Tier) -> dict[str, Any]:
    return {"level": t.level, "name": t.name, "growth_threshold": t.growth_threshold,
            "multiplier_bp": t.multiplier_bp}


async def list_tiers() -> dict[str, Any]:
    return {"tiers": [tier_view(t) for t in await Tier.all().order_by("level").limit(MAX_TIERS * 2)]}


async def replace_tiers(ladder: TierLadder) -> dict[str, Any]:
    """Replace the ladder in one transaction, so the engine never sees half a ladder.

    Members keep their current level: upgrades happen on their next award, downgrades on the scheduled
    evaluation. `members_outside_ladder` counts members whose level no longer exists (they earn at 1x and
    show as the base tier until re-evaluated), so the operator sees the effect of removing a level.
    """
    async with _config_tx() as c:
        await Tier.all().using_db(c).delete()
        await Tier.bulk_create([Tier(**t.model_dump()) for t in sorted(ladder.tiers, key=lambda t: t.level)],
                               using_db=c)
        levels = [t.level for t in ladder.tiers]
        outside = await Member.exclude(tier_level__in=levels).using_db(c).count()
    out = await list_tiers()
    out["members_outside_ladder"] = outside
    return out


# --------------------------------------------------------------------------------------------------
# Budget
# --------------------------------------------------------------------------------------------------

MIN_YEAR, MAX_YEAR = 2000, 2100
BUDGET_FORMULA = "floor(profit_fen × budget_ratio_bp ÷ (redemption_ratio_bp × point_value_fen))"


def max_issuable_points(profit_fen: int, budget_ratio_bp: int, redemption_ratio_bp: int,
                        point_value_fen: int = 1) -> int:
    """The most points a year may issue so that their expected cost stays within the loyalty budget.

    Cost budget = profit × budget ratio. A point only costs money when it is redeemed, and only the
    redemption-ratio share of issued points ever is, so the expected cost of one issued point is
    point_value × redemption ratio. Hence

        points = profit_fen × budget_ratio ÷ (redemption_ratio × point_value_fen)
               = floor(profit_fen × budget_ratio_bp ÷ (redemption_ratio_bp × point_value_fen))   (bp cancel)

    e.g. 10M yuan profit, 5% budget, 60% redemption, 1 point = 1 fen → 83,333,333 points. (Multiplying by
    the redemption ratio, as the issue's wording could be read, would shrink the budget when fewer points
    are redeemed, the opposite of the economics.) Integer arithmetic, floored: never over budget.
    """
    if profit_fen < 0 or budget_ratio_bp < 0 or redemption_ratio_bp <= 0 or point_value_fen <= 0:
        raise ValueError("profit and budget ratio must be >= 0, redemption ratio and point value > 0")
    return profit_fen * budget_ratio_bp // (redemption_ratio_bp * point_value_fen)


class BudgetIn(BaseModel):
    """Either `budget_points`, or `profit_fen` + `budget_ratio_bp` + `redemption_ratio_bp` (see `formula`)."""

    model_config = ConfigDict(extra="forbid")
    budget_points: int | None = Field(default=None, ge=0, le=10**15)
    profit_fen: int | None = Field(default=None, ge=1, le=10**15)
    budget_ratio_bp: int | None = Field(default=None, ge=1, le=10000, description="share of profit, 500 = 5%")
    redemption_ratio_bp: int | None = Field(default=None, ge=1, le=10000,
                                            description="share of issued points expected to be redeemed")
    point_value_fen: int = Field(default=1, ge=1, le=10000, description="what one redeemed point costs, in fen")
    warn_ratio_bp: int = Field(default=8000, ge=1, le=10000)
    mode: Literal["refuse", "flag"] = "refuse"

    @model_validator(mode="after")
    def _one_form(self) -> BudgetIn:
        derived = {"profit_fen": self.profit_fen, "budget_ratio_bp": self.budget_ratio_bp,
                   "redemption_ratio_bp": self.redemption_ratio_bp}
        given = [k for k, v in derived.items() if v is not None]
        errors: list[tuple[tuple[str | int, ...], str, Any]] = []
        if self.budget_points is not None and given:
            errors += [((k,), "give either budget_points or the profit-based fields, not both", derived[k])
                       for k in given]
        elif self.budget_points is None and not given:
            errors.append((("budget_points",), "required (or give profit_fen, budget_ratio_bp and "
                           "redemption_ratio_bp)", None))
        elif self.budget_points is None:
            errors += [((k,), "required with the other profit-based fields", None) for k in derived
                       if derived[k] is None]
        _raise("BudgetIn", errors)
        return self


def budget_row_view(b: PointsBudget) -> dict[str, Any]:
    return {"year": b.year, "budget_points": b.budget_points, "warn_ratio_bp": b.warn_ratio_bp, "mode": b.mode}


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationFailed(f"year must be between {MIN_YEAR} and {MAX_YEAR}",
                               details=[{"field": "year", "message": f"between {MIN_YEAR} and {MAX_YEAR}"}])


async def budget_view(rt: Runtime, year: int | None) -> dict[str, Any]:
    """Configured budget and issuance for a year (current Shanghai year by default)."""
    year = year or rt.clock.today().year
    _check_year(year)
    cfg = await config_cache.get()
    mid_year = datetime(year, 7, 1, tzinfo=SHANGHAI)  # budget.status works on "the year of now"
    status = await budget.status(rt, cfg, mid_year)
    if status is None:
        return {"year": year, "configured": False, "budget_points": None, "issued": await budget.issued(rt, year),
                "warning": False, "exhausted": False}
    return {"configured": True, **status, "remaining": max(status["budget_points"] - status["issued"], 0)}


async def set_budget(rt: Runtime, year: int, data: BudgetIn) -> dict[str, Any]:
    _check_year(year)
    formula = None
    points = data.budget_points
    if points is None:
        assert data.profit_fen and data.budget_ratio_bp and data.redemption_ratio_bp
        points = max_issuable_points(data.profit_fen, data.budget_ratio_bp, data.redemption_ratio_bp,
                                     data.point_value_fen)
        formula = {"expression": BUDGET_FORMULA, "profit_fen": data.profit_fen,
                   "budget_ratio_bp": data.budget_ratio_bp, "redemption_ratio_bp": data.redemption_ratio_bp,
                   "point_value_fen": data.point_value_fen, "budget_points": points}
    values = {"budget_points": points, "warn_ratio_bp": data.warn_ratio_bp, "mode": data.mode}
    async with _config_tx() as c:
        row = await PointsBudget.filter(year=year).using_db(c).first()
        if row is None:
            row = await PointsBudget.create(using_db=c, year=year, **values)
        else:
            row.update_from_dict(values)
            await row.save(using_db=c)
    return {"budget": budget_row_view(row), "formula": formula, "status": await budget_view(rt, year)}


# --------------------------------------------------------------------------------------------------
# Members: profile, ledger, manual adjustments, operator awards
# --------------------------------------------------------------------------------------------------

IdemKey = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[\x21-\x7e]+$",
                               description="printable ASCII, no spaces; retries must reuse it")]
ADJUST_PREFIX = "admin-adjust:"
AWARD_PREFIX = "admin-award:"


def operator_of(principal: Principal) -> str:
    """How staff appear in traces and entry sources: `<role>:<staff id>`."""
    return f"{principal.role}:{principal.subject_id}"


async def member_detail(rt: Runtime, member_id: int) -> dict[str, Any]:
    """Profile, balances (incl. debt held in debt buckets), tier progress, upcoming expiries, tier history."""
    member = await get_member(member_id)
    debt = await fetchrow(conn(), "SELECT COALESCE(SUM(remaining), 0) AS s FROM point_buckets "
                                  "WHERE member_id = $1 AND state = 'debt'", [member_id])
    changes = await TierChange.filter(member_id=member_id).order_by("-id").limit(10)
    return {
        "member": member_view(member),
        "points": {**await queries.summary(rt, member.id), "debt": -int(debt["s"]) if debt else 0},
        "tier_history": [{"from_level": t.from_level, "to_level": t.to_level, "reason": t.reason,
                          "at": _iso(t.created_at)} for t in changes],
    }


async def member_ledger(member_id: int, cursor: str | None, limit: int) -> dict[str, Any]:
    """Both accounts (available and pending), newest first."""
    await get_member(member_id)
    return await queries.ledger_page(member_id, cursor, limit)


class AdjustmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    amount: int = Field(ge=-MAX_POINTS, le=MAX_POINTS, description="signed points; negative may create debt")
    reason: Annotated[str, Field(min_length=1, max_length=200)]
    idempotency_key: IdemKey
    expires_at: AwareDatetime | None = Field(
        default=None, description="positive adjustments only; default: end of next year (Asia/Shanghai)")

    @model_validator(mode="after")
    def _cross_fields(self) -> AdjustmentIn:
        errors: list[tuple[tuple[str | int, ...], str, Any]] = []
        if self.amount == 0:
            errors.append((("amount",), "must not be 0", 0))
        if self.amount < 0 and self.expires_at is not None:
            errors.append((("expires_at",), "only for positive adjustments", self.expires_at.isoformat()))
        _raise("AdjustmentIn", errors)
        return self


_ENTRY_SQL = ("SELECT id, account, amount, kind, event, source, balance_after, growth, trace, created_at "
              "FROM point_entries WHERE member_id = $1 AND idem_key = $2")


def default_adjust_expiry(now: datetime) -> datetime:
    """Granted points follow the default rule validity (end of next year), so goodwill does not pile up as
    never-expiring liability; pass `expires_at` to choose otherwise."""
    year = now.astimezone(SHANGHAI).year
    return datetime(year + 2, 1, 1, tzinfo=SHANGHAI)


async def _adjustment_entry(member_id: int, key: str, data: AdjustmentIn) -> dict[str, Any] | None:
    row = await fetchrow(conn(), _ENTRY_SQL, [member_id, key])
    if row is None:
        return None
    trace = to_json(row["trace"]) or {}
    if row["kind"] != "adjust" or int(row["amount"]) != data.amount or trace.get("reason") != data.reason:
        raise Conflict("this idempotency key was already used for a different adjustment",
                       code="idempotency_key_reused", details={"entry_id": int(row["id"])})
    return queries.entry_view(row)


def _expiry(amount: int, expires_at: datetime | None, now: datetime) -> datetime | None:
    """Added points expire (default: end of next year); the moment must still be ahead."""
    if amount <= 0:
        return None
    expires_at = expires_at or default_adjust_expiry(now)
    if expires_at <= now:
        raise ValidationFailed("expires_at must be in the future",
                               details=[{"field": "expires_at", "message": "must be in the future"}])
    return expires_at


def _approval_required(message: str, limit: dict[str, Any]) -> Forbidden:
    return Forbidden(f"{message}: file an adjustment request (POST /admin/v1/adjustment-requests) for an admin "
                     "to approve", code="approval_required", details=limit)


def _marketer_limits(rt: Runtime, principal: Principal, amount: int) -> int | None:
    """The daily limit that applies to this adjustment (None: none applies), after the per-adjustment one.

    Only marketers are limited, and only when they add points: admins are the ones who approve, and taking
    points away mints nothing (it can only create debt, which the member's later earnings pay)."""
    if principal.role != "marketer" or amount <= 0:
        return None
    limits = rt.settings.adjustments
    if amount > limits.marketer_max_points:
        raise _approval_required(f"{amount} points is above a marketer's limit of {limits.marketer_max_points} "
                                 "per adjustment", {"limit": "per_adjustment", "max_points": limits.marketer_max_points,
                                                    "amount": amount})
    return limits.marketer_daily_points


async def _apply_adjustment(rt: Runtime, member_id: int, amount: int, key: str, *, now: datetime, reason: str,
                            operator: str, expires_at: datetime | None, daily_limit: int | None = None,
                            request_id: int | None = None, requested_by: str | None = None) -> int:
    """Post one manual adjustment through the ledger, counted against the points budget like any award.

    One transaction holds the marketer's daily-limit check (serialised per operator: an advisory lock on
    PostgreSQL, the single writer on SQLite, so parallel requests cannot each pass the check), an approval's
    `pending -> approved` claim and the ledger posting: all of it commits or none. Returns the entry id;
    raises `ledger.DuplicateKey`/integrity errors when the key is already on the ledger."""
    cfg = await config_cache.get()
    extra: dict[str, Any] = {}
    if requested_by is not None:
        extra = {"requested_by": requested_by, "approval_request": request_id}
    if amount > 0:
        refusal = await budget.check(rt, cfg, now, amount)
        if refusal and refusal["mode"] == "refuse":
            raise Conflict("the points budget for the year is exhausted", code="budget_exhausted", details=refusal)
        if refusal:
            extra["budget"] = refusal
    async with in_transaction() as c:
        if daily_limit is not None:
            if is_postgres_conn(c):
                await execute(c, "SELECT pg_advisory_xact_lock($1, $2)",
                              [ADJUST_LOCK_KEY, zlib.crc32(operator.encode()) & 0x7FFFFFFF])
            day_start = rt.clock.day_start(rt.clock.day_of(now))
            row = await fetchrow(c, "SELECT COALESCE(SUM(amount), 0) AS s FROM point_entries WHERE source = $1 "
                                    "AND kind = 'adjust' AND amount > 0 AND created_at >= $2",
                                 [f"admin:{operator}", day_start])
            used = int(row["s"]) if row else 0
            if used + amount > daily_limit:
                raise _approval_required(
                    f"{used} points added today; {amount} more is above a marketer's daily limit of {daily_limit}",
                    {"limit": "per_day", "daily_points": daily_limit, "used_today": used, "amount": amount})
        if request_id is not None:
            claimed = await fetchrow(c, "UPDATE adjustment_requests SET state = 'approved', decided_by = $1, "
                                        "decided_at = $2 WHERE id = $3 AND state = 'pending' RETURNING id",
                                     [operator, now, request_id])
            if claimed is None:
                raise Conflict("this adjustment request was already decided", code="request_decided")
        entry_id = await ledger.adjust(member_id, amount, key, now=now, reason=reason, operator=operator,
                                       expires_at=expires_at, trace_extra=extra or None)
        if request_id is not None:
            await execute(c, "UPDATE adjustment_requests SET entry_id = $1 WHERE id = $2", [entry_id, request_id])
    if amount > 0:
        await budget.record_issued(rt, cfg, now, amount)
    return entry_id


async def adjust_points(rt: Runtime, member_id: int, data: AdjustmentIn, principal: Principal
                        ) -> tuple[dict[str, Any], bool]:
    """Manual adjustment, audited (reason + operator in the trace, operator in the source) and idempotent.

    Returns (result, created). The same key again returns the first entry (created=False) without applying
    anything; the same key with a different amount/reason is a 409. A negative adjustment may exceed the
    balance: the shortfall is held as a debt bucket and the balance goes negative until later earnings
    pay it off (ledger policy), so operators can claw back points a member already spent. Added points count
    against the year's points budget; a marketer above the per-adjustment or per-day limit gets 403
    approval_required (nothing applied) and files an adjustment request instead.
    """
    await get_member(member_id)
    key = ADJUST_PREFIX + data.idempotency_key
    existing = await _adjustment_entry(member_id, key, data)
    if existing is None:
        now = rt.clock.now()
        expires_at = _expiry(data.amount, data.expires_at, now)
        daily_limit = _marketer_limits(rt, principal, data.amount)
        try:
            await _apply_adjustment(rt, member_id, data.amount, key, now=now, reason=data.reason,
                                    operator=operator_of(principal), expires_at=expires_at, daily_limit=daily_limit)
            created = True
        except (ledger.DuplicateKey, *INTEGRITY_ERRORS):
            created = False  # a concurrent identical request won; report its entry
        entry = await _adjustment_entry(member_id, key, data)
        if entry is None:  # pragma: no cover - the key is on the ledger whenever adjust returned or collided
            raise Conflict("adjustment could not be confirmed, retry with the same key", code="retry")
    else:
        entry, created = existing, False
    member = await get_member(member_id)
    return {"entry": entry, "duplicate": not created, "balance": member.balance, "pending": member.pending}, created


# --------------------------------------------------------------------------------------------------
# Adjustment requests: above a marketer's limits an admin decides
# --------------------------------------------------------------------------------------------------


class AdjustmentRequestIn(AdjustmentIn):
    member_id: int = Field(ge=1, le=2**63 - 1)


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    note: str | None = Field(default=None, max_length=200)


def request_view(r: AdjustmentRequest) -> dict[str, Any]:
    return {"id": r.id, "member_id": r.member_id, "amount": r.amount, "reason": r.reason,
            "idempotency_key": r.idempotency_key, "expires_at": _iso(r.expires_at), "state": r.state,
            "requested_by": r.requested_by, "decided_by": r.decided_by, "decision_note": r.decision_note,
            "decided_at": _iso(r.decided_at), "entry_id": r.entry_id, "created_at": _iso(r.created_at)}


async def _get_request(request_id: int) -> AdjustmentRequest:
    found = await AdjustmentRequest.get_or_none(id=request_id)
    if found is None:
        raise NotFound(f"no adjustment request #{request_id}", code="request_not_found")
    return found


async def create_request(rt: Runtime, data: AdjustmentRequestIn, principal: Principal
                         ) -> tuple[dict[str, Any], bool]:
    """File an adjustment for an admin to approve. The idempotency key is the adjustment's: the same key again
    returns the same request (created=False); once approved, the entry is posted under that key, so neither a
    second request nor a direct adjustment with it can apply the points twice."""
    await get_member(data.member_id)
    now = rt.clock.now()
    _expiry(data.amount, data.expires_at, now)
    if await fetchrow(conn(), _ENTRY_SQL, [data.member_id, ADJUST_PREFIX + data.idempotency_key]):
        raise Conflict("this idempotency key is already on the member's ledger", code="idempotency_key_reused")
    try:
        req = await AdjustmentRequest.create(
            member_id=data.member_id, amount=data.amount, reason=data.reason, idempotency_key=data.idempotency_key,
            expires_at=data.expires_at, state="pending", requested_by=operator_of(principal), created_at=now)
        return request_view(req), True
    except INTEGRITY_ERRORS:
        req = await AdjustmentRequest.get(member_id=data.member_id, idempotency_key=data.idempotency_key)
        if (req.amount, req.reason) != (data.amount, data.reason):
            raise Conflict("this idempotency key was already used for a different request",
                           code="idempotency_key_reused", details={"request_id": req.id}) from None
        return request_view(req), False


async def list_requests(state: str | None, cursor: int | None, limit: int) -> dict[str, Any]:
    q = AdjustmentRequest.filter(id__gt=cursor or 0)
    if state is not None:
        q = q.filter(state=state)
    rows = await q.order_by("id").limit(limit + 1)
    return _page([request_view(r) for r in rows], limit)


async def approve_request(rt: Runtime, request_id: int, note: str | None, principal: Principal) -> dict[str, Any]:
    """Apply the requested adjustment through the ledger, exactly once: the `pending -> approved` claim and
    the posting (key `admin-adjust:<idempotency key>`) share one transaction, so of concurrent approvals one
    applies and the others get 409 request_decided. The entry names the approving admin as its operator and
    the requester in its trace. Budget refusal or an expiry now past leave the request pending."""
    req = await _get_request(request_id)
    if req.state != "pending":
        raise Conflict(f"this adjustment request is {req.state}", code="request_decided")
    now = rt.clock.now()
    expires_at = _expiry(req.amount, req.expires_at, now)
    try:
        await _apply_adjustment(rt, req.member_id, req.amount, ADJUST_PREFIX + req.idempotency_key, now=now,
                                reason=req.reason, operator=operator_of(principal), expires_at=expires_at,
                                request_id=req.id, requested_by=req.requested_by)
    except (ledger.DuplicateKey, *INTEGRITY_ERRORS) as exc:
        raise Conflict("this idempotency key is already on the member's ledger (applied another way): reject "
                       "the request", code="idempotency_key_reused") from exc
    if note:
        await AdjustmentRequest.filter(id=req.id).update(decision_note=note)
    return await _decided(req.id)


async def reject_request(rt: Runtime, request_id: int, note: str | None, principal: Principal) -> dict[str, Any]:
    await _get_request(request_id)
    done = await AdjustmentRequest.filter(id=request_id, state="pending").update(
        state="rejected", decided_by=operator_of(principal), decided_at=rt.clock.now(), decision_note=note)
    if not done:
        raise Conflict("this adjustment request was already decided", code="request_decided")
    return await _decided(request_id)


async def _decided(request_id: int) -> dict[str, Any]:
    req = await _get_request(request_id)
    out = request_view(req)
    if req.entry_id is not None:
        member = await get_member(req.member_id)
        out["balance"] = member.balance
    return out


class AwardContext(BaseModel):
    """What the engine reads from an award's context. Only `amount_fen` can be given by operators: the time
    is always the server clock and the source always names the operator."""

    model_config = ConfigDict(extra="forbid")
    amount_fen: int | None = Field(default=None, ge=0, le=10**11, description="for per-yuan rules")


class AwardIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    event: Event
    idempotency_key: IdemKey
    context: AwardContext = Field(default_factory=AwardContext)

    @model_validator(mode="after")
    def _event(self) -> AwardIn:
        try:
            check_event(self.event)
        except PydanticCustomError as exc:
            _raise("AwardIn", [(("event",), exc.message(), self.event)])
        return self


async def operator_award(rt: Runtime, member_id: int, data: AwardIn, principal: Principal) -> engine.AwardResult:
    """Run the one award entry point on an operator's behalf (e.g. `custom:experience_officer`)."""
    await get_member(member_id)
    context: dict[str, Any] = {"source": f"admin:{operator_of(principal)}"}
    if data.context.amount_fen is not None:
        context["amount_fen"] = data.context.amount_fen
    return await engine.award(rt, member_id, data.event, AWARD_PREFIX + data.idempotency_key, context)
