"""Points mall for marketers and admins (/admin/v1/mall): rewards, stock, codes, slots, fulfilment, search."""

from __future__ import annotations

from pydantic import BaseModel
from sanic import Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.errors import UnsupportedMediaType, ValidationFailed
from app.services.mall import admin as svc
from app.services.mall import service as mall
from app.validation import body, query
from handlers import Blueprint, accepts_upload

bp = Blueprint("admin_mall")


class ListQuery(BaseModel):
    active: bool | None = None


@bp.get("/mall/rewards")
@require("marketer", "admin")
@query(ListQuery)
async def list_rewards(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Every reward with, beside its price, the share of each tier's members who can
    afford it (`affordability`)."""
    return json(await svc.list_rewards(request.ctx.query.active))


@bp.post("/mall/rewards")
@require("marketer", "admin")
@body(svc.RewardFields)
async def create_reward(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Create a reward (a virtual reward starts with stock 0: upload its codes)."""
    return json(await svc.create(request.ctx.body), status=201)


@bp.get("/mall/rewards/<reward_id:int>")
@require("marketer", "admin")
async def get_reward(request: Request, reward_id: int) -> HTTPResponse:
    """Role: marketer, admin. One reward with its affordability per tier."""
    return json(await svc.admin_view(await svc.get(reward_id)))


@bp.patch("/mall/rewards/<reward_id:int>")
@require("marketer", "admin")
@body(svc.RewardPatch)
async def patch_reward(request: Request, reward_id: int) -> HTTPResponse:
    """Role: marketer, admin. Change fields (not kind or stock: stock moves only by audited adjustments)."""
    return json(await svc.update(reward_id, request.ctx.body))


@bp.delete("/mall/rewards/<reward_id:int>")
@require("marketer", "admin")
async def delete_reward(request: Request, reward_id: int) -> HTTPResponse:
    """Role: marketer, admin. Deactivate a reward (redemptions are kept)."""
    return json(await svc.update(reward_id, svc.RewardPatch(active=False)))


@bp.post("/mall/rewards/<reward_id:int>/stock-adjustments")
@require("marketer", "admin")
@body(svc.StockIn)
async def adjust_stock(request: Request, reward_id: int) -> HTTPResponse:
    """Role: marketer, admin. Add or remove stock with a reason (audited; never below zero)."""
    return json(await svc.adjust_stock(request.app.ctx.rt, reward_id, request.ctx.body, request.ctx.principal))


@bp.get("/mall/rewards/<reward_id:int>/stock-adjustments")
@require("marketer", "admin")
async def stock_history(request: Request, reward_id: int) -> HTTPResponse:
    """Role: marketer, admin. The stock audit, newest first."""
    await svc.get(reward_id)
    return json(await svc.stock_history(reward_id))


@bp.post("/mall/rewards/<reward_id:int>/codes")
@require("marketer", "admin")
@body(svc.CodesIn)
async def upload_codes(request: Request, reward_id: int) -> HTTPResponse:
    """Role: marketer, admin. Upload codes to a virtual reward's pool (each given out once)."""
    return json(await svc.upload_codes(request.app.ctx.rt, reward_id, request.ctx.body, request.ctx.principal),
                status=201)


@bp.post("/mall/rewards/<reward_id:int>/slots")
@require("marketer", "admin")
@body(svc.SlotIn)
async def add_slot(request: Request, reward_id: int) -> HTTPResponse:
    """Role: marketer, admin. Add a bookable slot with its capacity to a service reward."""
    return json(await svc.add_slot(reward_id, request.ctx.body), status=201)


@bp.get("/mall/rewards/<reward_id:int>/slots")
@require("marketer", "admin")
async def list_slots(request: Request, reward_id: int) -> HTTPResponse:
    """Role: marketer, admin. A service reward's slots with capacity, taken and left."""
    return json(await svc.list_slots(reward_id))


@bp.get("/mall/redemptions")
@require("marketer", "admin")
@query(svc.SearchQuery)
async def search(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Search redemptions (member, reward, state, fulfilment, order number)."""
    return json(await svc.search(request.ctx.query))


@bp.get("/mall/redemptions/<redemption_id:int>")
@require("marketer", "admin")
async def get_redemption(request: Request, redemption_id: int) -> HTTPResponse:
    """Role: marketer, admin. One redemption."""
    return json(mall.redemption_view(await svc.get_redemption(redemption_id)))


@bp.post("/mall/redemptions/<redemption_id:int>/ship")
@require("marketer", "admin")
@body(svc.ShipIn)
async def ship(request: Request, redemption_id: int) -> HTTPResponse:
    """Role: marketer, admin. Ship a gift: carrier and tracking number (ordered -> shipped)."""
    return json(mall.redemption_view(await svc.ship(request.app.ctx.rt, redemption_id, request.ctx.body)))


@bp.post("/mall/redemptions/<redemption_id:int>/deliver")
@require("marketer", "admin")
async def deliver(request: Request, redemption_id: int) -> HTTPResponse:
    """Role: marketer, admin. Mark a shipped gift delivered."""
    return json(mall.redemption_view(await svc.deliver(request.app.ctx.rt, redemption_id)))


@bp.post("/mall/redemptions/<redemption_id:int>/cancel")
@require("marketer", "admin")
@body(svc.CancelIn)
async def cancel(request: Request, redemption_id: int) -> HTTPResponse:
    """Role: marketer, admin. Cancel (not once delivered or issued): the points return to their lots and a paid
    cash part is refunded through the outbox."""
    return json(mall.redemption_view(await svc.cancel(request.app.ctx.rt, redemption_id, request.ctx.body)))


@bp.post("/mall/shipments", stream=True)
@accepts_upload
@require("marketer", "admin")
async def ship_csv(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Bulk shipping by CSV upload (`text/csv` body or a multipart `file`): rows
    `redemption_id,carrier,tracking_no`; the answer reports each row."""
    upload = request.files.get("file") if request.files else None
    if upload is not None:
        raw = upload.body
    elif "csv" in request.headers.get("content-type", "").lower():
        raw = request.body
    else:
        raise UnsupportedMediaType("send text/csv or a multipart file named `file`")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationFailed("the CSV must be UTF-8", code="bad_csv") from exc
    if "\x00" in text:
        raise ValidationFailed("the CSV contains NUL characters", code="bad_csv")
    return json(await svc.ship_csv(request.app.ctx.rt, text))
