"""The mall's lottery for marketers (/admin/v1/mall/lotteries): lotteries and prizes, stock with a reason, publish
and close (publishing answers the expected cost per draw), draw search and replay, gift fulfilment."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.services.mall.lottery import admin as svc
from app.services.mall.lottery import service
from app.services.points.admin.common import operator_of
from app.validation import body, query
from handlers import Blueprint

bp = Blueprint("admin_lottery")
ROLES = ("marketer", "admin")


class ListQuery(BaseModel):
    status: Literal["draft", "published", "closed"] | None = None


class DrawsQuery(BaseModel):
    member_id: int | None = Field(default=None, ge=1, le=2**63 - 1)
    cursor: int | None = Field(default=None, ge=1, le=2**63 - 1)
    limit: int = Field(default=50, ge=1, le=500)


class GiftsQuery(BaseModel):
    state: Literal["won", "shipped", "delivered"] | None = None
    lottery_id: int | None = Field(default=None, ge=1, le=2**63 - 1)
    cursor: int | None = Field(default=None, ge=1, le=2**63 - 1)
    limit: int = Field(default=50, ge=1, le=500)


@bp.get("/mall/lotteries")
@require(*ROLES)
@query(ListQuery)
async def list_lotteries(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Every lottery, newest first (?status=)."""
    return json(await svc.list_lotteries(request.ctx.query.status))


@bp.post("/mall/lotteries")
@require(*ROLES)
@body(svc.LotteryIn)
async def create_lottery(request: Request) -> HTTPResponse:
    """Role: marketer, admin. A draft lottery; add prizes, check the expected cost, then publish."""
    return json(await svc.create_lottery(request.ctx.body, operator_of(request.ctx.principal)), status=201)


@bp.get("/mall/lotteries/<lottery_id:int>")
@require(*ROLES)
async def get_lottery(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. The lottery, its prizes (weights, stock) and its pool versions."""
    return json(await svc.lottery_detail(lottery_id))


@bp.patch("/mall/lotteries/<lottery_id:int>")
@require(*ROLES)
@body(svc.LotteryPatch)
async def patch_lottery(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. Change fields (validated in full); a new pity setting on a published lottery is a
    new pool version."""
    return json(await svc.update_lottery(request.app.ctx.rt, lottery_id, request.ctx.body,
                                         operator_of(request.ctx.principal)))


@bp.delete("/mall/lotteries/<lottery_id:int>")
@require(*ROLES)
async def delete_lottery(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. Delete a draft (a published lottery is closed instead)."""
    return json(await svc.delete_draft(lottery_id))


@bp.post("/mall/lotteries/<lottery_id:int>/publish")
@require(*ROLES)
async def publish(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. Draft -> published (pool version 1); answers the expected cost per draw."""
    return json(await svc.publish(request.app.ctx.rt, lottery_id, operator_of(request.ctx.principal)))


@bp.post("/mall/lotteries/<lottery_id:int>/close")
@require(*ROLES)
async def close(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. Published -> closed: no more draws (members still see their draws)."""
    return json(await svc.close(request.app.ctx.rt, lottery_id))


@bp.get("/mall/lotteries/<lottery_id:int>/expected-cost")
@require(*ROLES)
async def expected_cost(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. Expected cost of one draw in points and yuan (pity and stock included)."""
    return json(await svc.expected_cost(request.app.ctx.rt, lottery_id))


@bp.post("/mall/lotteries/<lottery_id:int>/prizes")
@require(*ROLES)
@body(svc.PrizeIn)
async def add_prize(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. Add a prize (published: a new pool version)."""
    return json(await svc.add_prize(request.app.ctx.rt, lottery_id, request.ctx.body,
                                    operator_of(request.ctx.principal)), status=201)


@bp.patch("/mall/lotteries/<lottery_id:int>/prizes/<prize_id:int>")
@require(*ROLES)
@body(svc.PrizePatch)
async def patch_prize(request: Request, lottery_id: int, prize_id: int) -> HTTPResponse:
    """Role: marketer, admin. Change a prize (published: a new pool version; stock only by adjustment)."""
    return json(await svc.update_prize(request.app.ctx.rt, lottery_id, prize_id, request.ctx.body,
                                       operator_of(request.ctx.principal)))


@bp.delete("/mall/lotteries/<lottery_id:int>/prizes/<prize_id:int>")
@require(*ROLES)
async def remove_prize(request: Request, lottery_id: int, prize_id: int) -> HTTPResponse:
    """Role: marketer, admin. Take a prize out of the pool (published: a new pool version)."""
    return json(await svc.remove_prize(request.app.ctx.rt, lottery_id, prize_id, operator_of(request.ctx.principal)))


@bp.post("/mall/lotteries/<lottery_id:int>/prizes/<prize_id:int>/stock")
@require(*ROLES)
@body(svc.StockIn)
async def adjust_stock(request: Request, lottery_id: int, prize_id: int) -> HTTPResponse:
    """Role: marketer, admin. Add or take stock with a reason (never below zero)."""
    return json(await svc.adjust_stock(request.app.ctx.rt, lottery_id, prize_id, request.ctx.body,
                                       operator_of(request.ctx.principal)))


@bp.get("/mall/lotteries/<lottery_id:int>/draws")
@require(*ROLES)
@query(DrawsQuery)
async def draws(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. Draws with their audit record (random number, version, weights, decision)."""
    q: DrawsQuery = request.ctx.query
    return json(await svc.list_draws(lottery_id, q.member_id, q.cursor, q.limit))


@bp.get("/mall/lotteries/<lottery_id:int>/draws/<draw_id:int>/replay")
@require(*ROLES)
async def replay(request: Request, lottery_id: int, draw_id: int) -> HTTPResponse:
    """Role: marketer, admin. Recompute a recorded draw from its inputs; `matches` says it agrees."""
    return json(await service.replay(lottery_id, draw_id))


@bp.get("/mall/lotteries/gifts")
@require(*ROLES)
@query(GiftsQuery)
async def gifts(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Won gifts to fulfil (?state=won|shipped|delivered)."""
    q: GiftsQuery = request.ctx.query
    return json(await svc.list_gifts(q.state, q.lottery_id, q.cursor, q.limit))


@bp.post("/mall/lotteries/gifts/<gift_id:int>/ship")
@require(*ROLES)
@body(svc.ShipIn)
async def ship(request: Request, gift_id: int) -> HTTPResponse:
    """Role: marketer, admin. won -> shipped with carrier and tracking number (needs the member's address)."""
    return json(await svc.ship_gift(request.app.ctx.rt, gift_id, request.ctx.body))


@bp.post("/mall/lotteries/gifts/<gift_id:int>/deliver")
@require(*ROLES)
async def deliver(request: Request, gift_id: int) -> HTTPResponse:
    """Role: marketer, admin. shipped -> delivered."""
    return json(await svc.deliver_gift(request.app.ctx.rt, gift_id))
