"""Operator metrics under /admin/v1/metrics: the points dashboard (JSON or CSV), the budget planner and its
one-click application to the engine's budget guard, threshold advice, what-if simulations of a draft rule or
campaign. Roles: marketer and admin, as for every
points configuration route (applying a budget plan is `PUT /admin/v1/budget/{year}` with the plan's figure).

Every figure comes from the roll-ups the scheduler maintains (`app/services/metrics`), never from a ledger scan
per request.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sanic import Request
from sanic.response import HTTPResponse, json, text

from app.auth import require
from app.errors import ValidationFailed
from app.services.metrics import planner, simulation
from app.services.metrics import points as svc
from app.services.points.admin.common import operator_of
from app.validation import body, query
from handlers import Blueprint

bp = Blueprint("admin_metrics")

STAFF = ("marketer", "admin")


class PointsQuery(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")
    from_: date | None = Field(default=None, alias="from", description="first day (Asia/Shanghai), default to-29")
    to: date | None = Field(default=None, description="last day, inclusive; default today")
    granularity: Literal["day", "week", "month"] = "day"
    rule: str | None = Field(default=None, max_length=64, description="rule code, or a ledger kind (spend, ...)")
    category: str | None = Field(default=None, max_length=24,
                                 description="newbie, daily, consumption, sharing, other, adjust, redeem, expiry")
    tier: int | None = Field(default=None, ge=0, le=1000)
    store: int | None = Field(default=None, ge=1, le=2**63 - 1, description="the store of the members' guide "
                              "(not with channel or tier)")
    channel: str | None = Field(default=None, min_length=1, max_length=64,
                                description="the contact-me code (`state`) members came through (not with tier)")
    format: Literal["json", "csv"] = "json"
    profit_margin_bp: int | None = Field(default=None, ge=0, le=10000, description="ROI: gross margin")
    labour_cost_fen: int | None = Field(default=None, ge=0, le=10**13, description="ROI: labour cost of the period")
    sections: str | None = Field(default=None, max_length=80, pattern=r"^[a-z]+(,[a-z]+)*$",
                                 description="comma list of series, utilisation, tiers, mix, funnel, repurchase "
                                             "(default: all)")


class AdviceQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    goal_bp: int = Field(default=8000, ge=1, le=10000, description="share of a tier that should reach the threshold")
    days: int = Field(default=30, ge=1, le=3650, description="within how many days")
    window_days: int = Field(default=30, ge=1, le=366, description="earning rate measured over the last N days")
    tier: int | None = Field(default=None, ge=0, le=1000)


@bp.get("/metrics/points")
@require(*STAFF)
@query(PointsQuery)
async def points(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Issued, redeemed, expired, outstanding and liability per day/week/month, the
    redemption rate with the seed's bands, utilisation, tiers, issuance mix, funnel, repurchase and ROI inputs.
    `store` / `channel` limit the series and the mix to members of a store or channel (the member-based
    sections are left out, listed under `not_segmented`). `format=csv` exports the period series."""
    rt = request.app.ctx.rt
    q: PointsQuery = request.ctx.query
    end = q.to or rt.clock.today()
    f = svc.Filters(start=q.from_ or end - timedelta(days=29), end=end, granularity=q.granularity, rule=q.rule,
                    category=q.category, tier=q.tier, store=q.store, channel=q.channel)
    if q.format == "csv":
        f.check()
        rows = (await svc.series(rt, f))["series"]
        return text(svc.to_csv(rows), content_type="text/csv; charset=utf-8", headers={
            "content-disposition": f'attachment; filename="points-{f.start}-{f.end}-{f.granularity}.csv"'})
    sections = tuple(q.sections.split(",")) if q.sections else svc.SECTIONS
    unknown = [x for x in sections if x not in svc.SECTIONS]
    if unknown:
        raise ValidationFailed(f"unknown sections: {', '.join(unknown)}",
                               details=[{"field": "sections", "message": f"one of {', '.join(svc.SECTIONS)}"}])
    return json(await svc.report(rt, f, profit_margin_bp=q.profit_margin_bp, labour_cost_fen=q.labour_cost_fen,
                                 sections=sections))


@bp.post("/metrics/budget-plan")
@require(*STAFF)
@body(planner.PlanIn)
async def budget_plan(request: Request) -> HTTPResponse:
    """Role: marketer, admin. The year's maximum issuable points (fixed or floating mode), actual issuance
    against it and its projection to the year's end. Writes nothing."""
    return json(await planner.plan(request.app.ctx.rt, request.ctx.body))


@bp.post("/metrics/budget-plan/apply")
@require(*STAFF)
@body(planner.PlanIn)
async def budget_plan_apply(request: Request) -> HTTPResponse:
    """Role: marketer, admin (as `PUT /budget/{year}`, which this is with the plan's figure). Compute the plan
    and set it as the year's points budget in the engine's guard."""
    return json(await planner.apply(request.app.ctx.rt, request.ctx.body))


@bp.get("/metrics/threshold-advice")
@require(*STAFF)
@query(AdviceQuery)
async def threshold_advice(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Per tier, the redemption threshold `goal_bp` of its members reach within `days`
    at their recent earning rate, and the catalogue rewards most of them cannot reach."""
    q: AdviceQuery = request.ctx.query
    return json(await planner.threshold_advice(request.app.ctx.rt, goal_bp=q.goal_bp, days=q.days,
                                               window_days=q.window_days, tier=q.tier))


@bp.post("/simulations")
@require(*STAFF)
@body(simulation.SimulationIn)
async def simulate(request: Request) -> HTTPResponse:
    """Role: marketer, admin. What a draft rule or campaign would have issued over the last `days` days of real
    events, beside the current rules (no writes). Up to 7 days: the answer (201); longer windows or
    `background`: 202 with the run, to poll at `GET /simulations/{id}` (`progress_bp`)."""
    rt = request.app.ctx.rt
    view, finished = await simulation.start(rt, request.ctx.body, operator_of(request.ctx.principal))
    return json(view, status=201 if finished else 202)


@bp.get("/simulations/<sim_id:int>")
@require(*STAFF)
async def simulation_status(request: Request, sim_id: int) -> HTTPResponse:
    """Role: marketer, admin. A what-if run: status, progress and, once done, its answer."""
    return json(await simulation.get(sim_id))
