"""Campaign plans: a month's marketing plan as one object, and after it closes, its target against what the
points ledger says happened.

The goal's metric is counted from `point_entries` (the ledger is the truth) between the start of the warm-up
and the end of the plan (Asia/Shanghai days):
- `checkins`: check-in credits (idem key `checkin:<day>`);
- `redemptions`: points spends (points for coupons, points for gifts);
- `points_earned` / `points_spent`: the points credited by earn entries / debited by spends;
- `members_earning`: distinct members credited.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, model_validator
from tortoise.transactions import in_transaction

from app.db import conn
from app.errors import NotFound, ValidationFailed
from app.runtime import Runtime
from app.sqlx import fetchrow
from models import Campaign, ContentEdition, ContentPlan

Metric = Literal["checkins", "redemptions", "points_earned", "points_spent", "members_earning"]
_METRIC_SQL: dict[str, str] = {
    "checkins": "SELECT COUNT(*) AS n FROM point_entries WHERE kind = 'earn' AND idem_key LIKE 'checkin:%' "
                "AND created_at >= $1 AND created_at < $2",
    "redemptions": "SELECT COUNT(*) AS n FROM point_entries WHERE kind = 'spend' AND created_at >= $1 "
                   "AND created_at < $2",
    "points_earned": "SELECT COALESCE(SUM(amount), 0) AS n FROM point_entries WHERE kind = 'earn' AND amount > 0 "
                     "AND created_at >= $1 AND created_at < $2",
    "points_spent": "SELECT COALESCE(-SUM(amount), 0) AS n FROM point_entries WHERE kind = 'spend' "
                    "AND created_at >= $1 AND created_at < $2",
    "members_earning": "SELECT COUNT(DISTINCT member_id) AS n FROM point_entries WHERE kind = 'earn' "
                       "AND created_at >= $1 AND created_at < $2",
}


class ReminderWave(BaseModel):
    day: date
    note: str = Field(min_length=1, max_length=128)
    audience: str = Field(default="all", max_length=64)


class PlanIn(BaseModel):
    """`goal` in words, `goal_metric` + `goal_target` measurable (e.g. checkins 2000, redemptions 500); the
    periods are consecutive days: warm-up from `warmup_on`, formal from `formal_on`, closing from `closing_on`
    to `ends_on` inclusive."""

    name: str = Field(min_length=1, max_length=64)
    goal: str = Field(min_length=1, max_length=255)
    goal_metric: Metric
    goal_target: int = Field(gt=0, le=10**12)
    plan: str = Field(default="", max_length=10_000)
    reach_channels: list[str] = Field(default_factory=list, max_length=20)
    warmup_on: date
    formal_on: date
    closing_on: date
    ends_on: date
    campaign_ids: list[int] = Field(default_factory=list, max_length=50)
    reminder_waves: list[ReminderWave] = Field(default_factory=list, max_length=50)

    @model_validator(mode="after")
    def _periods(self) -> PlanIn:
        if not self.warmup_on <= self.formal_on <= self.closing_on <= self.ends_on:
            raise ValueError("periods must follow each other: warmup_on <= formal_on <= closing_on <= ends_on")
        if (self.ends_on - self.warmup_on).days > 366:
            raise ValueError("a plan spans at most a year")
        for w in self.reminder_waves:
            if not self.warmup_on <= w.day <= self.ends_on:
                raise ValueError(f"reminder wave {w.day} is outside the plan's dates")
        return self


class PlanPatch(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=64)
    goal: str | None = Field(default=None, min_length=1, max_length=255)
    goal_metric: Metric | None = None
    goal_target: int | None = Field(default=None, gt=0, le=10**12)
    plan: str | None = Field(default=None, max_length=10_000)
    reach_channels: list[str] | None = Field(default=None, max_length=20)
    warmup_on: date | None = None
    formal_on: date | None = None
    closing_on: date | None = None
    ends_on: date | None = None
    campaign_ids: list[int] | None = Field(default=None, max_length=50)
    reminder_waves: list[ReminderWave] | None = Field(default=None, max_length=50)


_FIELDS = tuple(PlanIn.model_fields)


def _values(data: PlanIn) -> dict[str, Any]:
    values = data.model_dump(mode="json")
    for d in ("warmup_on", "formal_on", "closing_on", "ends_on"):
        values[d] = getattr(data, d)
    return values


async def _check_campaigns(ids: list[int]) -> None:
    found = {c.id for c in await Campaign.filter(id__in=ids)} if ids else set()
    missing = sorted(set(ids) - found)
    if missing:
        raise ValidationFailed(f"campaign_ids: no campaign {missing}", code="campaign_not_found",
                               details=[{"field": "campaign_ids", "message": f"unknown {missing}"}])


async def load(plan_id: int) -> ContentPlan:
    plan = await ContentPlan.get_or_none(id=plan_id)
    if plan is None:
        raise NotFound(f"no plan #{plan_id}", code="plan_not_found")
    return plan


def period_of(plan: ContentPlan, day: date) -> str | None:
    if day < plan.warmup_on or day > plan.ends_on:
        return None
    if day < plan.formal_on:
        return "warmup"
    return "formal" if day < plan.closing_on else "closing"


async def create(rt: Runtime, data: PlanIn) -> dict[str, Any]:
    await _check_campaigns(data.campaign_ids)
    now = rt.clock.now()
    plan = await ContentPlan.create(**_values(data), created_at=now, updated_at=now)
    return await view(rt, plan.id)


async def update(rt: Runtime, plan_id: int, patch: PlanPatch) -> dict[str, Any]:
    async with in_transaction() as c:
        plan = await ContentPlan.filter(id=plan_id).using_db(c).select_for_update().first()
        if plan is None:
            raise NotFound(f"no plan #{plan_id}", code="plan_not_found")
        current = {f: getattr(plan, f) for f in _FIELDS}
        try:
            merged = PlanIn.model_validate({**current, **patch.model_dump(exclude_unset=True)})
        except ValidationError as exc:  # the merged plan's own messages (the last line of str(exc) is a doc URL)
            errors = [{"field": ".".join(str(p) for p in e["loc"]) or "body",
                       "message": str(e["msg"]).removeprefix("Value error, ")} for e in exc.errors()]
            raise ValidationFailed("; ".join(e["message"] for e in errors)[:300], details=errors) from exc
        await _check_campaigns(merged.campaign_ids)
        plan.update_from_dict({**_values(merged), "updated_at": rt.clock.now()})
        await plan.save(using_db=c)
    return await view(rt, plan_id)


async def actual(rt: Runtime, plan: ContentPlan) -> int:
    row = await fetchrow(conn(), _METRIC_SQL[plan.goal_metric],
                         [rt.clock.day_start(plan.warmup_on), rt.clock.day_start(plan.ends_on + timedelta(days=1))])
    return int(row["n"]) if row else 0


async def view(rt: Runtime, plan_id: int) -> dict[str, Any]:
    """The plan with what it groups; `result` (target vs the ledger) once it has closed, `progress` before."""
    plan = await load(plan_id)
    eds = await ContentEdition.filter(plan_id=plan.id).order_by("scheduled_at", "id")
    campaigns = await Campaign.filter(id__in=list(plan.campaign_ids or [])) if plan.campaign_ids else []
    today = rt.clock.today()
    closed = today > plan.ends_on
    got = await actual(rt, plan)
    measured = {"metric": plan.goal_metric, "target": plan.goal_target, "actual": got,
                "reached": got >= plan.goal_target, "ratio_bp": got * 10_000 // plan.goal_target}
    return {
        "id": plan.id, "name": plan.name, "goal": plan.goal, "goal_metric": plan.goal_metric,
        "goal_target": plan.goal_target, "plan": plan.plan, "reach_channels": plan.reach_channels,
        "periods": {"warmup": {"from": plan.warmup_on.isoformat(), "to": _before(plan.formal_on, plan.warmup_on)},
                    "formal": {"from": plan.formal_on.isoformat(), "to": _before(plan.closing_on, plan.formal_on)},
                    "closing": {"from": plan.closing_on.isoformat(), "to": plan.ends_on.isoformat()}},
        "warmup_on": plan.warmup_on.isoformat(), "formal_on": plan.formal_on.isoformat(),
        "closing_on": plan.closing_on.isoformat(), "ends_on": plan.ends_on.isoformat(),
        "period_today": period_of(plan, today), "closed": closed,
        "editions": [{"id": e.id, "title": e.title, "status": e.status, "mode": e.mode,
                      "scheduled_at": e.scheduled_at.isoformat() if e.scheduled_at else None} for e in eds],
        "campaigns": [{"id": c.id, "name": c.name, "multiplier_bp": c.multiplier_bp, "recurrence": c.recurrence}
                      for c in campaigns],
        "campaign_ids": plan.campaign_ids, "reminder_waves": plan.reminder_waves,
        "result" if closed else "progress": measured,
    }


def _before(nxt: date, start: date) -> str | None:
    """The last day of a period that ends where the next begins (None when the period is empty)."""
    return (nxt - timedelta(days=1)).isoformat() if nxt > start else None


async def list_(rt: Runtime) -> dict[str, Any]:
    return {"items": [{"id": p.id, "name": p.name, "goal": p.goal, "warmup_on": p.warmup_on.isoformat(),
                       "ends_on": p.ends_on.isoformat(), "closed": rt.clock.today() > p.ends_on}
                      for p in await ContentPlan.all().order_by("-warmup_on", "id").limit(200)]}
