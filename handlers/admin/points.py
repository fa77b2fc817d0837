"""Points configuration and member support for operators (mounted under /admin/v1, see handlers.AUDIENCES).

Thin: validation models and domain logic live in `app.services.points.admin` (rules, campaigns, tiers, budget,
adjustments). Roles: marketer and admin, except operator awards and decisions on adjustment requests (admin
only: they mint points outside the configured flows or above a marketer's limits).
"""

from typing import Literal

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.services.points.admin import adjustments, campaigns, rules
from app.services.points.admin import budget as budget_admin
from app.services.points.admin import common as admin_common
from app.services.points.admin import tiers as tier_admin
from app.validation import body, query
from handlers import Blueprint

bp = Blueprint("admin_points")

STAFF = ("marketer", "admin")


class PageQuery(BaseModel):
    cursor: int | None = Field(default=None, ge=0, description="`next_cursor` of the previous page")
    limit: int = Field(default=50, ge=1, le=100)


class RuleListQuery(PageQuery):
    event: admin_common.Event | None = None
    active: bool | None = None


class CampaignListQuery(PageQuery):
    active: bool | None = None


class BudgetQuery(BaseModel):
    year: int | None = Field(default=None, ge=budget_admin.MIN_YEAR, le=budget_admin.MAX_YEAR,
                             description="default: the current Asia/Shanghai year")


class RequestListQuery(PageQuery):
    state: Literal["pending", "approved", "rejected"] | None = None


class LedgerQuery(BaseModel):
    cursor: str | None = Field(default=None, max_length=64)
    limit: int = Field(default=20, ge=1, le=100)


# --- earning rules ---------------------------------------------------------------------------------


@bp.get("/rules")
@require(*STAFF)
@query(RuleListQuery)
async def list_rules(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Earning rules by id, filterable by event and active."""
    q: RuleListQuery = request.ctx.query
    return json(await rules.list_rules(event=q.event, active=q.active, cursor=q.cursor, limit=q.limit))


@bp.post("/rules")
@require(*STAFF)
@body(rules.RuleIn)
async def create_rule(request: Request) -> HTTPResponse:
    """Role: marketer, admin. 409 rule_conflict when another active rule of the event overlaps in time."""
    rule = await rules.create_rule(request.app.ctx.rt, request.ctx.body)
    return json(rules.rule_view(rule), status=201)


@bp.get("/rules/<rule_id:int>")
@require(*STAFF)
async def get_rule(request: Request, rule_id: int) -> HTTPResponse:
    """Role: marketer, admin."""
    return json(rules.rule_view(await rules.get_rule(rule_id)))


@bp.patch("/rules/<rule_id:int>")
@require(*STAFF)
@body(rules.RulePatch)
async def update_rule(request: Request, rule_id: int) -> HTTPResponse:
    """Role: marketer, admin. Takes effect for the next award; past ledger entries keep their own trace."""
    return json(rules.rule_view(await rules.update_rule(request.app.ctx.rt, rule_id, request.ctx.body)))


@bp.post("/rules/<rule_id:int>/activate")
@require(*STAFF)
async def activate_rule(request: Request, rule_id: int) -> HTTPResponse:
    """Role: marketer, admin. 409 rule_conflict names the active rule to deactivate first."""
    return json(rules.rule_view(await rules.set_rule_active(request.app.ctx.rt, rule_id, True)))


@bp.post("/rules/<rule_id:int>/deactivate")
@require(*STAFF)
async def deactivate_rule(request: Request, rule_id: int) -> HTTPResponse:
    """Role: marketer, admin."""
    return json(rules.rule_view(await rules.set_rule_active(request.app.ctx.rt, rule_id, False)))


# --- campaigns -------------------------------------------------------------------------------------


@bp.get("/campaigns")
@require(*STAFF)
@query(CampaignListQuery)
async def list_campaigns(request: Request) -> HTTPResponse:
    """Role: marketer, admin."""
    q: CampaignListQuery = request.ctx.query
    return json(await campaigns.list_campaigns(active=q.active, cursor=q.cursor, limit=q.limit))


@bp.post("/campaigns")
@require(*STAFF)
@body(campaigns.CampaignIn)
async def create_campaign(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Overlapping campaigns: the highest multiplier wins."""
    return json(campaigns.campaign_view(await campaigns.create_campaign(request.ctx.body)), status=201)


@bp.get("/campaigns/<campaign_id:int>")
@require(*STAFF)
async def get_campaign(request: Request, campaign_id: int) -> HTTPResponse:
    """Role: marketer, admin."""
    return json(campaigns.campaign_view(await campaigns.get_campaign(campaign_id)))


@bp.patch("/campaigns/<campaign_id:int>")
@require(*STAFF)
@body(campaigns.CampaignPatch)
async def update_campaign(request: Request, campaign_id: int) -> HTTPResponse:
    """Role: marketer, admin."""
    return json(campaigns.campaign_view(await campaigns.update_campaign(campaign_id, request.ctx.body)))


@bp.post("/campaigns/<campaign_id:int>/deactivate")
@require(*STAFF)
async def deactivate_campaign(request: Request, campaign_id: int) -> HTTPResponse:
    """Role: marketer, admin."""
    return json(campaigns.campaign_view(await campaigns.deactivate_campaign(campaign_id)))


# --- tiers and budget ------------------------------------------------------------------------------


@bp.get("/tiers")
@require(*STAFF)
async def list_tiers(request: Request) -> HTTPResponse:
    """Role: marketer, admin."""
    return json(await tier_admin.list_tiers())


@bp.put("/tiers")
@require(*STAFF)
@body(tier_admin.TierLadder)
async def replace_tiers(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Replaces the whole ladder atomically."""
    return json(await tier_admin.replace_tiers(request.ctx.body))


@bp.get("/budget")
@require(*STAFF)
@query(BudgetQuery)
async def get_budget(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Configured budget, points issued, warning/exhausted flags."""
    return json(await budget_admin.budget_view(request.app.ctx.rt, request.ctx.query.year))


@bp.put("/budget/<year:int>")
@require(*STAFF)
@body(budget_admin.BudgetIn)
async def put_budget(request: Request, year: int) -> HTTPResponse:
    """Role: marketer, admin. `budget_points`, or derived from profit (the response shows the `formula`)."""
    return json(await budget_admin.set_budget(request.app.ctx.rt, year, request.ctx.body))


# --- members ---------------------------------------------------------------------------------------


@bp.get("/members/<member_id:int>")
@require(*STAFF)
async def member_detail(request: Request, member_id: int) -> HTTPResponse:
    """Role: marketer, admin. Profile, balances, debt, tier and upcoming expiries."""
    return json(await adjustments.member_detail(request.app.ctx.rt, member_id))


@bp.get("/members/<member_id:int>/ledger")
@require(*STAFF)
@query(LedgerQuery)
async def member_ledger(request: Request, member_id: int) -> HTTPResponse:
    """Role: marketer, admin. Full ledger (available and pending), newest first."""
    q: LedgerQuery = request.ctx.query
    return json(await adjustments.member_ledger(member_id, q.cursor, q.limit))


@bp.post("/members/<member_id:int>/adjustments")
@require(*STAFF)
@body(adjustments.AdjustmentIn)
async def adjust(request: Request, member_id: int) -> HTTPResponse:
    """Role: marketer, admin. 201 with the entry; the same idempotency key again → 200 with the first one.
    Added points count against the budget (409 budget_exhausted); a marketer above the per-adjustment or
    per-day limit gets 403 approval_required and files an adjustment request instead."""
    result, created = await adjustments.adjust_points(request.app.ctx.rt, member_id, request.ctx.body,
                                              request.ctx.principal)
    return json(result, status=201 if created else 200)


@bp.post("/members/<member_id:int>/awards")
@require("admin")
@body(adjustments.AwardIn)
async def award(request: Request, member_id: int) -> HTTPResponse:
    """Role: admin. Runs the award engine for an event (e.g. custom:experience_officer); 201 when points were
    granted (or frozen as pending), 200 with the reason otherwise (duplicate key, cap, budget...)."""
    result = await adjustments.operator_award(request.app.ctx.rt, member_id, request.ctx.body, request.ctx.principal)
    return json(result.view(), status=201 if result.status in ("awarded", "pending") else 200)


# --- adjustment requests (above a marketer's limits) ----------------------------------------------


@bp.post("/adjustment-requests")
@require(*STAFF)
@body(adjustments.AdjustmentRequestIn)
async def create_adjustment_request(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Ask an admin to apply an adjustment; 201, or 200 with the same request for the
    same idempotency key."""
    view, created = await adjustments.create_request(request.app.ctx.rt, request.ctx.body, request.ctx.principal)
    return json(view, status=201 if created else 200)


@bp.get("/adjustment-requests")
@require(*STAFF)
@query(RequestListQuery)
async def list_adjustment_requests(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Oldest first, filterable by state."""
    q: RequestListQuery = request.ctx.query
    return json(await adjustments.list_requests(q.state, q.cursor, q.limit))


@bp.post("/adjustment-requests/<request_id:int>/approve")
@require("admin")
@body(adjustments.DecisionIn)
async def approve_adjustment_request(request: Request, request_id: int) -> HTTPResponse:
    """Role: admin. Applies the adjustment through the ledger exactly once; 409 request_decided if it was
    decided already, 409 budget_exhausted leaves it pending."""
    return json(await adjustments.approve_request(request.app.ctx.rt, request_id, request.ctx.body.note,
                                          request.ctx.principal))


@bp.post("/adjustment-requests/<request_id:int>/reject")
@require("admin")
@body(adjustments.DecisionIn)
async def reject_adjustment_request(request: Request, request_id: int) -> HTTPResponse:
    """Role: admin. 409 request_decided if it was decided already."""
    return json(await adjustments.reject_request(request.app.ctx.rt, request_id, request.ctx.body.note,
                                         request.ctx.principal))
