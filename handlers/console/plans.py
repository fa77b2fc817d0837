"""Campaign plans (活动方案) in the console: the list with each plan's goal, target and what the ledger measured so
far (or at its close), and one plan's page with its edit form (name, goal, metric, target, the period dates).

Changes go through `app.services.content.plans.update`, the function `PATCH /admin/v1/content-plans/{id}` calls:
the form is validated by the API's `PlanPatch` (a refusal next to its field) and the merged plan by `PlanIn` (the
periods must follow each other; that refusal at the top of the form)."""

from __future__ import annotations

from typing import Any

from sanic import Request
from sanic.response import HTTPResponse, redirect

from app.errors import ApiError
from app.services.content import plans
from app.web import field_errors, form_data, page, render, validate, whole_number
from handlers import Blueprint

bp = Blueprint("console_plans")

LOGIN = "/console/login"
STAFF = ("marketer", "admin")
PAGE_SIZE = 20
METRICS = {"checkins": "签到次数", "redemptions": "兑换次数", "points_earned": "发放积分", "points_spent": "兑换积分",
           "members_earning": "获得积分的会员数"}
EDITABLE = ("name", "goal", "goal_metric", "goal_target", "warmup_on", "formal_on", "closing_on", "ends_on")
FIELDS = {f: f for f in EDITABLE}


@bp.get("/plans")
@page(*STAFF, login=LOGIN)
async def plan_list(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Plans, latest first, 20 a page, each with target vs actual; the new-plan form."""
    return await _list_page(request)


async def _list_page(request: Request, status: int = 200, form: dict[str, str] | None = None,
                     errors: dict[str, str] | None = None) -> HTTPResponse:
    rt = request.app.ctx.rt
    items = (await plans.list_(rt))["items"]
    number = request.args.get("page", "1")
    number = whole_number(number, limit=10_000) or 1
    pages = max(1, -(-len(items) // PAGE_SIZE))
    shown = [await plans.view(rt, p["id"]) for p in items[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]]
    return render(request, "console/plans.html", status=status, nav="calendar", plans=shown, metrics=METRICS,
                  page=number, pages=pages, form=form or {"goal_metric": "checkins"}, errors=errors or {})


@bp.post("/plans")
@page(*STAFF, login=LOGIN)
async def create_plan(request: Request) -> HTTPResponse:
    """Role: marketer, admin. A new plan through `plans.create` (the API's `PlanIn`: periods in order, at most
    a year); then its page."""
    data = form_data(request)
    body: dict[str, Any] = {f: data.get(f, "") for f in EDITABLE}
    try:
        made = await plans.create(request.app.ctx.rt, validate(plans.PlanIn, body))
    except ApiError as exc:
        return await _list_page(request, exc.status, data, field_errors(exc, FIELDS))
    return redirect(f"/console/plans/{made['id']}", status=303)


async def _plan_page(request: Request, plan_id: int, status: int = 200, form: dict[str, str] | None = None,
                     errors: dict[str, str] | None = None) -> HTTPResponse:
    p = await plans.view(request.app.ctx.rt, plan_id)
    defaults = {f: str(p[f]) for f in EDITABLE}
    return render(request, "console/plan.html", status=status, nav="calendar", p=p, metrics=METRICS,
                  form={**defaults, **(form or {})}, errors=errors or {})


@bp.get("/plans/<plan_id:int>")
@page(*STAFF, login=LOGIN)
async def plan(request: Request, plan_id: int) -> HTTPResponse:
    """Role: marketer, admin. The plan: periods, editions, campaigns, target vs actual, and its edit form."""
    try:
        return await _plan_page(request, plan_id)
    except ApiError as exc:
        return render(request, "forbidden.html", status=exc.status, message=exc.message)


@bp.post("/plans/<plan_id:int>")
@page(*STAFF, login=LOGIN)
async def edit_plan(request: Request, plan_id: int) -> HTTPResponse:
    """Role: marketer, admin. Change goal, metric, target and dates. The form sends every field, and a blank one
    arrives missing (blank values are dropped when the form is parsed): sent blank, for PlanPatch to refuse."""
    data = form_data(request)
    body: dict[str, Any] = {f: data.get(f, "") for f in EDITABLE}
    try:
        patch = validate(plans.PlanPatch, body)
        await plans.update(request.app.ctx.rt, plan_id, patch)
    except ApiError as exc:
        if exc.status == 404:
            return render(request, "forbidden.html", status=404, message=exc.message)
        return await _plan_page(request, plan_id, exc.status, data, field_errors(exc, FIELDS))
    return redirect(f"/console/plans/{plan_id}", status=303)
