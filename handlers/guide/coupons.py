"""Guide (till) coupon lookup under /guide/v1: check a coupon and its discount before redeeming it."""

from __future__ import annotations

from pydantic import BaseModel, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.services.coupons import service as coupons
from app.validation import query

bp = Blueprint("guide_coupons")


class CheckQuery(BaseModel):
    order_amount_fen: int | None = Field(default=None, ge=0, le=100_000_000)


@bp.get("/coupons/<code:str>")
@require("guide")
@query(CheckQuery)
async def check(request: Request, code: str) -> HTTPResponse:
    """Role: guide. The coupon, whether it can be used now (and on this order) and its discount."""
    return json(await coupons.check(request.app.ctx.rt, code, request.ctx.query.order_amount_fen))
