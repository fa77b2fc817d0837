"""The till under /guide/v1 (a guide, or a POS acting with a guide token): check a coupon and its discount,
then redeem it."""

from __future__ import annotations

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.services.coupons import service as coupons
from app.validation import body, query
from handlers import Blueprint

bp = Blueprint("guide_coupons")


class RedeemBody(BaseModel):
    order_amount_fen: int | None = Field(default=None, ge=0, le=100_000_000,
                                         description="order total in fen, checked against the minimum spend")
    order_no: str | None = Field(default=None, max_length=64)


class CheckQuery(BaseModel):
    order_amount_fen: int | None = Field(default=None, ge=0, le=100_000_000)


@bp.get("/coupons/<code:str>")
@require("guide")
@query(CheckQuery)
async def check(request: Request, code: str) -> HTTPResponse:
    """Role: guide. The coupon, whether it can be used now (and on this order) and its discount."""
    return json(await coupons.check(request.app.ctx.rt, code, request.ctx.query.order_amount_fen))


@bp.post("/coupons/<code:str>/redeem")
@require("guide")
@body(RedeemBody)
async def redeem(request: Request, code: str) -> HTTPResponse:
    """Role: guide. Use a coupon once: 409 if it is used, revoked, expired or not valid yet; 422 below min spend."""
    b: RedeemBody = request.ctx.body
    result = await coupons.redeem(request.app.ctx.rt, code, request.ctx.principal.subject_id, b.order_amount_fen,
                                  b.order_no)
    return json(result)
