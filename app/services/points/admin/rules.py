"""Earning rules: at most one active rule per event whose window overlaps from now on; never deleted."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError
from tortoise.backends.base.client import BaseDBAsyncClient

from app.db import conn
from app.errors import Conflict, NotFound
from app.runtime import Runtime
from app.services.points.admin.common import (
    _STREAK_KEY,
    Cap,
    Code,
    Event,
    Name,
    PendingDays,
    Points,
    RuleOptions,
    Validity,
    ValidityDays,
    _config_tx,
    _iso,
    _page,
    _raise,
    _validation_failed,
    check_event,
)
from models import EarningRule


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


