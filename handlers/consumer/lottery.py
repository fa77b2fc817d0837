"""The mall's lottery for members (/api/v1/mall/lotteries): browse, draw (Idempotency-Key), my draws, gift address.

Wheel, nine-grid and scratch card are views over the same draw: the answer names the prize and, for wheel and
grid, its slot (the cell the animation stops on). Weights are never shown to members.
"""

from __future__ import annotations

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, json
from sanic_ext.extensions.openapi import openapi

from app.auth import require
from app.services.mall.lottery import service as lottery
from app.services.mall.lottery.admin import AddressIn
from app.validation import body, query
from handlers import Blueprint

bp = Blueprint("consumer_lottery")


class DrawsQuery(BaseModel):
    cursor: int | None = Field(default=None, ge=1, le=2**63 - 1, description="next_cursor of the previous page")
    limit: int = Field(default=20, ge=1, le=100)


@bp.get("/mall/lotteries")
@require("member")
async def lotteries(request: Request) -> HTTPResponse:
    """Role: member. Lotteries on display now, newest first (`open`: drawing is possible now)."""
    return json(await lottery.list_lotteries(request.app.ctx.rt))


@bp.get("/mall/lotteries/<lottery_id:int>")
@require("member")
async def one_lottery(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: member. A lottery's prizes by slot (no weights) and the member's draws left."""
    return json(await lottery.member_lottery(request.app.ctx.rt, lottery_id, request.ctx.principal.member_id))


@bp.post("/mall/lotteries/<lottery_id:int>/draws")
@require("member")
@openapi.parameter("Idempotency-Key", str, "header", required=True,
                   description="1-64 printable ASCII characters; a retry with the same key returns the same draw")
async def draw(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: member. Draw once: spends the cost and always wins something (201); the same Idempotency-Key again
    answers the first draw (200) and spends nothing. 409: not open, draw limit, insufficient points, budget."""
    key = lottery.request_key(request.headers.get("idempotency-key"))
    result, created = await lottery.draw(request.app.ctx.rt, lottery_id, request.ctx.principal.member_id, key)
    return json(result, status=201 if created else 200)


@bp.get("/mall/lotteries/<lottery_id:int>/draws")
@require("member")
@query(DrawsQuery)
async def my_lottery_draws(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: member. My draws in this lottery, newest first."""
    q: DrawsQuery = request.ctx.query
    return json(await lottery.my_draws(request.ctx.principal.member_id, lottery_id, q.cursor, q.limit))


@bp.get("/mall/lotteries/draws")
@require("member")
@query(DrawsQuery)
async def my_draws(request: Request) -> HTTPResponse:
    """Role: member. My draws in every lottery, newest first."""
    q: DrawsQuery = request.ctx.query
    return json(await lottery.my_draws(request.ctx.principal.member_id, None, q.cursor, q.limit))


@bp.get("/mall/lotteries/draws/<draw_id:int>")
@require("member")
async def my_draw(request: Request, draw_id: int) -> HTTPResponse:
    """Role: member. One of my draws (another member's is 404)."""
    return json(await lottery.my_draw(request.ctx.principal.member_id, draw_id))


@bp.put("/mall/lotteries/draws/<draw_id:int>/address")
@require("member")
@body(AddressIn)
async def gift_address(request: Request, draw_id: int) -> HTTPResponse:
    """Role: member. Where to send a won gift; changeable until it ships."""
    data: AddressIn = request.ctx.body
    return json(await lottery.set_gift_address(request.app.ctx.rt, request.ctx.principal.member_id, draw_id,
                                               data.model_dump()))
