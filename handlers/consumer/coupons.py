"""Coupon wallet (member) and redemption at the till (guide or a POS acting with a guide token)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.services.coupons import service as coupons
from app.validation import body, query

bp = Blueprint("consumer_coupons")


class WalletQuery(BaseModel):
    state: Literal["issued", "used", "expired", "revoked"] | None = None
    cursor: int | None = Field(default=None, ge=1, description="next_cursor of the previous page")
    limit: int = Field(default=20, ge=1, le=100)


class RedeemBody(BaseModel):
    order_amount_fen: int | None = Field(default=None, ge=0, le=100_000_000,
                                         description="order total in fen, checked against the minimum spend")
    order_no: str | None = Field(default=None, max_length=64)


@bp.get("/coupons")
@require("member")
@query(WalletQuery)
async def wallet(request: Request) -> HTTPResponse:
    """Role: member. My coupons, newest first; `state` filters (expired = issued and past its validity)."""
    q: WalletQuery = request.ctx.query
    return json(await coupons.wallet(request.app.ctx.rt, request.ctx.principal.member_id, q.state, q.limit,
                                     q.cursor))


@bp.post("/coupons/<code:str>/redeem")
@require("guide")
@body(RedeemBody)
async def redeem(request: Request, code: str) -> HTTPResponse:
    """Role: guide. Use a coupon once: 409 if it is used, revoked, expired or not valid yet; 422 below min spend."""
    b: RedeemBody = request.ctx.body
    result = await coupons.redeem(request.app.ctx.rt, code, request.ctx.principal.subject_id, b.order_amount_fen,
                                  b.order_no)
    return json(result)
