"""The member's coupon wallet (/api/v1/coupons). Redemption at the till is a guide route (handlers/guide)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.services.coupons import service as coupons
from app.validation import query
from handlers import Blueprint

bp = Blueprint("consumer_coupons")


class WalletQuery(BaseModel):
    state: Literal["issued", "used", "expired", "revoked"] | None = None
    cursor: int | None = Field(default=None, ge=1, description="next_cursor of the previous page")
    limit: int = Field(default=20, ge=1, le=100)




@bp.get("/coupons")
@require("member")
@query(WalletQuery)
async def wallet(request: Request) -> HTTPResponse:
    """Role: member. My coupons, newest first; `state` filters (expired = issued and past its validity)."""
    q: WalletQuery = request.ctx.query
    return json(await coupons.wallet(request.app.ctx.rt, request.ctx.principal.member_id, q.state, q.limit,
                                     q.cursor))
