"""The points mall for members (/api/v1/mall): catalogue, redemptions, addresses.

A member only ever sees and cancels their own redemptions: every lookup is by (id, member), so another
member's id answers 404 exactly like one that does not exist.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, json
from sanic_ext.extensions.openapi import openapi

from app.auth import require
from app.errors import ValidationFailed
from app.services.mall import service as mall
from app.validation import body, query
from handlers import Blueprint

bp = Blueprint("consumer_mall")

IDEM_KEY = re.compile(r"[A-Za-z0-9_.:\-]{1,64}")


class RewardsQuery(BaseModel):
    category: str | None = Field(default=None, max_length=32)
    kind: Literal["coupon", "gift", "service", "virtual"] | None = None
    affordable: bool | None = Field(default=None, description="only what my balance affords (or not)")
    featured: bool | None = None
    sort: Literal["default", "points_asc", "points_desc", "newest"] = "default"
    page: int = Field(default=1, ge=1, le=10_000)
    size: int = Field(default=20, ge=1, le=100)


class RedemptionsQuery(BaseModel):
    state: Literal["pending_payment", "completed", "cancelled", "expired", "refunded"] | None = None
    cursor: int | None = Field(default=None, ge=1, le=2**53, description="next_cursor of the previous page")
    limit: int = Field(default=20, ge=1, le=100)


@bp.get("/mall/rewards")
@require("member")
@query(RewardsQuery)
async def rewards(request: Request) -> HTTPResponse:
    """Role: member. The catalogue: featured first (member-day features on a member day); each reward says
    whether my balance affords it (`can_afford`) and whether I may redeem it now (`allowed`, `reason`)."""
    q: RewardsQuery = request.ctx.query
    return json(await mall.list_rewards(request.app.ctx.rt, request.ctx.principal.member_id, category=q.category,
                                        kind=q.kind, affordable=q.affordable, featured=q.featured, sort=q.sort,
                                        page=q.page, size=q.size))


@bp.get("/mall/rewards/<reward_id:int>")
@require("member")
async def reward(request: Request, reward_id: int) -> HTTPResponse:
    """Role: member. One reward, with its bookable slots for a service."""
    return json(await mall.get_reward(request.app.ctx.rt, request.ctx.principal.member_id, reward_id))


@bp.post("/mall/redemptions")
@openapi.parameter("Idempotency-Key", str, "header", required=True,
                   description="1-64 of [A-Za-z0-9_.:-]; the same key again answers the same redemption")
@require("member")
@body(mall.RedeemIn)
async def redeem(request: Request) -> HTTPResponse:
    """Role: member. Redeem a reward. Pure points: spent and fulfilled at once (201). Points + cash: the points
    are held and `payment` carries the signed `wx.requestPayment` parameters; it completes when WeChat Pay
    reports the payment and is released after `[mall] hold_minutes` or on cancel. The same Idempotency-Key
    again answers the same redemption (200); with another body, 422 `idempotency_key_reused`."""
    key = request.headers.get("idempotency-key", "")
    if not IDEM_KEY.fullmatch(key):
        raise ValidationFailed("send an Idempotency-Key header (1-64 of A-Z a-z 0-9 _ . : -)",
                               code="idempotency_key_required",
                               details=[{"field": "Idempotency-Key", "message": "missing or malformed"}])
    result = await mall.redeem(request.app.ctx.rt, request.ctx.principal.member_id, key, request.ctx.body)
    return json(result.body(), status=201 if result.created else 200)


@bp.get("/mall/redemptions")
@require("member")
@query(RedemptionsQuery)
async def my_redemptions(request: Request) -> HTTPResponse:
    """Role: member. My redemptions, newest first."""
    q: RedemptionsQuery = request.ctx.query
    return json(await mall.my_redemptions(request.ctx.principal.member_id, q.state, q.limit, q.cursor))


@bp.get("/mall/redemptions/<redemption_id:int>")
@require("member")
async def my_redemption(request: Request, redemption_id: int) -> HTTPResponse:
    """Role: member. One of my redemptions (404 for anyone else's)."""
    return json(await mall.my_redemption(request.ctx.principal.member_id, redemption_id))


@bp.post("/mall/redemptions/<redemption_id:int>/cancel")
@require("member")
async def cancel(request: Request, redemption_id: int) -> HTTPResponse:
    """Role: member. Cancel: an unpaid order is closed and its points return; a gift not shipped yet or a
    booked service is cancelled, its points return to the lots they came from and a cash part is refunded."""
    red = await mall.cancel_by_member(request.app.ctx.rt, request.ctx.principal.member_id, redemption_id)
    return json(mall.redemption_view(red))


@bp.get("/mall/addresses")
@require("member")
async def addresses(request: Request) -> HTTPResponse:
    """Role: member. My delivery addresses (the default first)."""
    return json(await mall.list_addresses(request.ctx.principal.member_id))


@bp.post("/mall/addresses")
@require("member")
@body(mall.AddressIn)
async def add_address(request: Request) -> HTTPResponse:
    """Role: member. Add a delivery address for gifts (at most 20)."""
    return json(await mall.add_address(request.ctx.principal.member_id, request.ctx.body), status=201)
