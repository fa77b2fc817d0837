"""The lottery in the console: lotteries (filter by status), create one, edit it, its prize pool (weights, stock,
the one consolation prize; add, edit, take out), the expected cost per draw shown before it is published (and
recomputed on every view, so it follows each edit), stock with a reason, publish and close; the draws with a
replay page per draw (the seed, the pool version, where the number fell, the outcome). Every change goes
through app/services/mall/lottery/admin.py, the functions the /admin/v1/mall/lotteries JSON routes call (the
replay through service.replay, as GET .../draws/{id}/replay); a refusal is shown next to its field."""

from __future__ import annotations

from typing import Any

from sanic import Request
from sanic.response import HTTPResponse, redirect

from app.errors import ApiError, Conflict
from app.services.mall.lottery import admin as svc
from app.services.mall.lottery import service as draws_svc
from app.services.points.admin.common import operator_of
from app.web import (
    error_page,
    fen_typed,
    field_errors,
    form_action,
    form_data,
    page,
    render,
    validate,
    whole_number,
    yuan_text,
)
from app.web.messages import zh_message
from handlers import Blueprint

bp = Blueprint("console_lottery")

LOGIN = "/console/login"
STAFF = ("marketer", "admin")
VIEWS = {"wheel": "大转盘", "nine_grid": "九宫格", "scratch": "刮刮卡"}
PRIZE_KINDS = {"points": "积分", "coupon": "优惠券", "gift": "实物"}
LOTTERY_STATUS = {"draft": "草稿", "published": "进行中", "closed": "已结束"}
LOTTERY_FIELDS = ("name", "description", "view", "cost_points", "daily_draws", "lifetime_draws", "pity_after")
PRIZE_FIELDS = ("name", "kind", "points", "coupon_template_id", "cost_fen", "weight", "stock_total",
                "per_member_limit", "daily_limit", "slot")
FIELDS = {f: f for f in (*LOTTERY_FIELDS, *PRIZE_FIELDS, "consolation", "delta", "reason", "carrier", "tracking_no")} \
    | {"cost_fen": "cost_yuan"}  # a gift's cost is typed in yuan, as every money field of the console


def _cost_in_fen(data: dict[str, str]) -> dict[str, str]:
    """The prize form with its yuan cost (`cost_yuan`) as the API's `cost_fen` (blank stays blank)."""
    fen = fen_typed(data, "cost_yuan", "cost_fen", svc.PrizeIn)
    return {**data, "cost_fen": "" if fen is None else str(fen)}


def _body(data: dict[str, str], fields: tuple[str, ...], required: tuple[str, ...]) -> dict[str, Any]:
    """The form as the API's JSON body: blank optional fields left out (the API's default), required kept."""
    return {f: data.get(f, "") for f in fields if data.get(f, "") != "" or f in required}


@bp.get("/lottery")
@page(*STAFF, login=LOGIN)
async def lotteries(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Every lottery, newest first (?status=draft|published|closed), and the create form."""
    status = request.args.get("status") or None
    items = (await svc.list_lotteries(status if status in LOTTERY_STATUS else None))["items"]
    return render(request, "console/lottery.html", nav="lottery", lotteries=items, filter_status=status or "",
                  views=VIEWS, states=LOTTERY_STATUS, form={"view": "wheel"})


@bp.post("/lottery")
@page(*STAFF, login=LOGIN)
async def create(request: Request) -> HTTPResponse:
    """Role: marketer, admin. A draft lottery: add prizes, see its expected cost, then publish."""
    data = form_data(request)
    try:
        body = validate(svc.LotteryIn, _body(data, LOTTERY_FIELDS, ("name", "cost_points")))
        lot = await svc.create_lottery(body, operator_of(request.ctx.principal))
    except ApiError as exc:
        items = (await svc.list_lotteries(None))["items"]
        return render(request, "console/lottery.html", status=exc.status, nav="lottery", lotteries=items,
                      filter_status="", views=VIEWS, states=LOTTERY_STATUS, form=data,
                      errors=field_errors(exc, FIELDS))
    return redirect(f"/console/lottery/{lot['id']}", status=303)


async def _lottery_page(request: Request, lottery_id: int, status: int = 200,
                        errs: dict[str, dict[str, str]] | None = None, form: dict[str, str] | None = None
                        ) -> HTTPResponse:
    rt = request.app.ctx.rt
    lot = await svc.lottery_detail(lottery_id)
    try:
        cost: dict[str, Any] | None = await svc.expected_cost(rt, lottery_id)
        cost_problem = None
    except Conflict as exc:
        cost, cost_problem = None, zh_message(exc)
    rates = {p["prize_id"]: p for p in (cost or {}).get("prizes", [])}
    return render(request, "console/lottery_detail.html", status=status, nav="lottery", lot=lot, cost=cost,
                  cost_problem=cost_problem, rates=rates, views=VIEWS, kinds=PRIZE_KINDS, states=LOTTERY_STATUS,
                  errs=errs or {}, form=form or {"kind": "points", "weight": "1"})


@bp.get("/lottery/<lottery_id:int>")
@page(*STAFF, login=LOGIN)
async def detail(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. The pool with each prize's odds, the expected cost per draw, and the forms."""
    try:
        return await _lottery_page(request, lottery_id)
    except ApiError as exc:
        return error_page(request, exc.status, exc)


async def _act(request: Request, lottery_id: int, form_name: str, action: Any) -> HTTPResponse:
    async def refused(exc: ApiError, data: dict[str, str]) -> HTTPResponse:
        return await _lottery_page(request, lottery_id, exc.status, {form_name: field_errors(exc, FIELDS)}, data)

    return await form_action(request, action, refused, f"/console/lottery/{lottery_id}")


@bp.post("/lottery/<lottery_id:int>/prizes")
@page(*STAFF, login=LOGIN)
async def add_prize(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. Add a prize (on a published lottery: a new pool version)."""
    async def go(data: dict[str, str]) -> None:
        body = _body(_cost_in_fen(data), PRIZE_FIELDS, ("name", "kind", "weight"))
        body["consolation"] = data.get("consolation") == "on"
        prize = validate(svc.PrizeIn, body)
        await svc.add_prize(request.app.ctx.rt, lottery_id, prize, operator_of(request.ctx.principal))

    return await _act(request, lottery_id, "prize", go)


@bp.post("/lottery/<lottery_id:int>/prizes/<prize_id:int>/stock")
@page(*STAFF, login=LOGIN)
async def prize_stock(request: Request, lottery_id: int, prize_id: int) -> HTTPResponse:
    """Role: marketer, admin. Add or take a prize's stock with a reason (never below zero)."""
    async def go(data: dict[str, str]) -> None:
        body = validate(svc.StockIn, {"delta": data.get("delta", ""), "reason": data.get("reason", "")})
        await svc.adjust_stock(request.app.ctx.rt, lottery_id, prize_id, body, operator_of(request.ctx.principal))

    return await _act(request, lottery_id, f"stock-{prize_id}", go)


@bp.post("/lottery/<lottery_id:int>/prizes/<prize_id:int>/remove")
@page(*STAFF, login=LOGIN)
async def remove_prize(request: Request, lottery_id: int, prize_id: int) -> HTTPResponse:
    """Role: marketer, admin. Take a prize out of the pool (draws that won it keep it)."""
    async def go(_: dict[str, str]) -> None:
        await svc.remove_prize(request.app.ctx.rt, lottery_id, prize_id, operator_of(request.ctx.principal))

    return await _act(request, lottery_id, "pool", go)


def _blank_as_null(data: dict[str, str], fields: tuple[str, ...], optional: tuple[str, ...]) -> dict[str, Any]:
    """An edit form as the API's PATCH body: every field sent; a blank optional one is null (cleared), a blank
    required one stays blank so the API's model names it."""
    return {f: (None if data.get(f, "") == "" and f in optional else data.get(f, "")) for f in fields}


LOTTERY_OPTIONAL = ("description", "daily_draws", "lifetime_draws", "pity_after")
PRIZE_EDIT = ("name", "points", "coupon_template_id", "cost_fen", "slot", "weight", "stock_total",
              "per_member_limit", "daily_limit")
PRIZE_OPTIONAL = ("points", "coupon_template_id", "cost_fen", "stock_total", "per_member_limit", "daily_limit")


@bp.post("/lottery/<lottery_id:int>/edit")
@page(*STAFF, login=LOGIN)
async def edit_lottery(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. Change the lottery (PATCH semantics: the merge is validated in full; a closed one is
    final; on a published one the view is fixed and a new pity setting is a new pool version)."""
    async def go(data: dict[str, str]) -> None:
        body = _blank_as_null(data, LOTTERY_FIELDS, LOTTERY_OPTIONAL)
        patch = validate(svc.LotteryPatch, body)
        await svc.update_lottery(request.app.ctx.rt, lottery_id, patch, operator_of(request.ctx.principal))

    return await _act(request, lottery_id, "edit", go)


async def _prize_page(request: Request, lottery_id: int, prize_id: int, status: int = 200,
                      errors: dict[str, str] | None = None, form: dict[str, str] | None = None) -> HTTPResponse:
    lot = await svc.lottery_detail(lottery_id)
    prize = next((p for p in lot["prizes"] if p["id"] == prize_id), None)
    if prize is None:
        return error_page(request, 404, "prize_not_found")
    current = {f: "" if prize.get(f) is None else str(prize[f]) for f in PRIZE_EDIT}
    current["cost_yuan"] = yuan_text(prize.get("cost_fen"))
    return render(request, "console/lottery_prize.html", status=status, nav="lottery", lot=lot, prize=prize,
                  kinds=PRIZE_KINDS, states=LOTTERY_STATUS, form={**current, **(form or {})}, errors=errors or {})


@bp.get("/lottery/<lottery_id:int>/prizes/<prize_id:int>")
@page(*STAFF, login=LOGIN)
async def prize_edit(request: Request, lottery_id: int, prize_id: int) -> HTTPResponse:
    """Role: marketer, admin. A prize's edit form (kind and consolation are fixed: add a new prize instead)."""
    try:
        return await _prize_page(request, lottery_id, prize_id)
    except ApiError as exc:
        return error_page(request, exc.status, exc)


@bp.post("/lottery/<lottery_id:int>/prizes/<prize_id:int>")
@page(*STAFF, login=LOGIN)
async def prize_save(request: Request, lottery_id: int, prize_id: int) -> HTTPResponse:
    """Role: marketer, admin. Save a prize (PATCH semantics; on a published lottery a new pool version, and its
    stock moves only through adjustments with a reason, so the stock field is not sent)."""
    data = form_data(request)
    try:
        lot = await svc.get_lottery(lottery_id)
        fields = PRIZE_EDIT if lot.status == "draft" else tuple(f for f in PRIZE_EDIT if f != "stock_total")
        patch = validate(svc.PrizePatch, _blank_as_null(_cost_in_fen(data), fields, PRIZE_OPTIONAL))
        await svc.update_prize(request.app.ctx.rt, lottery_id, prize_id, patch, operator_of(request.ctx.principal))
    except ApiError as exc:
        if exc.status == 404:
            return error_page(request, 404, exc)
        try:
            return await _prize_page(request, lottery_id, prize_id, exc.status, field_errors(exc, FIELDS), data)
        except ApiError as gone:
            return error_page(request, gone.status, gone)
    return redirect(f"/console/lottery/{lottery_id}", status=303)


# -- draws and their replay -----------------------------------------------------------------------------------------
DECIDED_BY = {"weight": "按权重抽中", "pity": "保底必中", "consolation_unavailable": "抽中的奖品已无货，改发安慰奖",
              "consolation_pity_unavailable": "保底触发但实物奖品均无货，改发安慰奖"}
DRAWS_PAGE = 50


@bp.get("/lottery/<lottery_id:int>/draws")
@page(*STAFF, login=LOGIN)
async def draws(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. The draws, newest first, paged on the server (?cursor=), ?member_id= filters."""
    member = request.args.get("member_id", "").strip()
    cursor = request.args.get("cursor", "")
    member_id = whole_number(member)
    try:
        lot = await svc.lottery_detail(lottery_id)
        found = await svc.list_draws(lottery_id, member_id, whole_number(cursor), DRAWS_PAGE)
    except ApiError as exc:
        return error_page(request, exc.status, exc)
    bad_member = bool(member) and member_id is None
    return render(request, "console/lottery_draws.html", nav="lottery", lot=lot, found=found, member=member,
                  decided_by=DECIDED_BY, errors={"member_id": "请填写会员 ID（正整数）"} if bad_member else {},
                  status=400 if bad_member else 200)


@bp.get("/lottery/<lottery_id:int>/draws/<draw_id:int>/replay")
@page(*STAFF, login=LOGIN)
async def replay(request: Request, lottery_id: int, draw_id: int) -> HTTPResponse:
    """Role: marketer, admin. How the draw was decided, recomputed from what it recorded (service.replay, the
    function behind GET /admin/v1/mall/lotteries/{id}/draws/{id}/replay): the seed, the pool version, each
    candidate's range of the number, where it fell, the outcome and whether the recomputation agrees."""
    try:
        lot = await svc.lottery_detail(lottery_id)
        rep = await draws_svc.replay(lottery_id, draw_id)
    except ApiError as exc:
        return error_page(request, exc.status, exc)
    names = {p["id"]: p["name"] for p in rep["pool"]}
    return render(request, "console/lottery_replay.html", nav="lottery", lot=lot, rep=rep, names=names,
                  decided_by=DECIDED_BY)


@bp.post("/lottery/<lottery_id:int>/publish")
@page(*STAFF, login=LOGIN)
async def publish(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. Draft -> published (the pool becomes version 1); an invalid pool is refused."""
    async def go(_: dict[str, str]) -> None:
        await svc.publish(request.app.ctx.rt, lottery_id, operator_of(request.ctx.principal))

    return await _act(request, lottery_id, "pool", go)


@bp.post("/lottery/<lottery_id:int>/close")
@page(*STAFF, login=LOGIN)
async def close(request: Request, lottery_id: int) -> HTTPResponse:
    """Role: marketer, admin. Published -> closed: no more draws."""
    async def go(_: dict[str, str]) -> None:
        await svc.close(request.app.ctx.rt, lottery_id)

    return await _act(request, lottery_id, "pool", go)


# -- won gifts to fulfil --------------------------------------------------------------------------------------------
GIFT_STATES = {"won": "待发货", "shipped": "已发货", "delivered": "已签收"}


async def _gifts_page(request: Request, status: int = 200, errs: dict[int, dict[str, str]] | None = None
                      ) -> HTTPResponse:
    state = request.args.get("state") if request.args.get("state") in GIFT_STATES else "won"
    cursor = request.args.get("cursor") or ""
    found = await svc.list_gifts(state, None, whole_number(cursor), 50)
    return render(request, "console/lottery_gifts.html", status=status, nav="lottery", state=state, found=found,
                  states=GIFT_STATES, errs=errs or {})


@bp.get("/lottery/gifts")
@page(*STAFF, login=LOGIN)
async def gifts(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Gifts members won, by state (?state=won|shipped|delivered), oldest first."""
    return await _gifts_page(request)


async def _gift_act(request: Request, gift_id: int, action: Any) -> HTTPResponse:
    data = form_data(request)
    try:
        await action(data)
    except ApiError as exc:
        return await _gifts_page(request, exc.status, {gift_id: field_errors(exc, FIELDS)})
    return redirect(f"/console/lottery/gifts?state={request.args.get('state') or 'won'}", status=303)


@bp.post("/lottery/gifts/<gift_id:int>/ship")
@page(*STAFF, login=LOGIN)
async def ship_gift(request: Request, gift_id: int) -> HTTPResponse:
    """Role: marketer, admin. won -> shipped with carrier and tracking (once the member gave an address)."""
    async def go(data: dict[str, str]) -> None:
        body = validate(svc.ShipIn, {"carrier": data.get("carrier", ""), "tracking_no": data.get("tracking_no", "")})
        await svc.ship_gift(request.app.ctx.rt, gift_id, body)

    return await _gift_act(request, gift_id, go)


@bp.post("/lottery/gifts/<gift_id:int>/deliver")
@page(*STAFF, login=LOGIN)
async def deliver_gift(request: Request, gift_id: int) -> HTTPResponse:
    """Role: marketer, admin. shipped -> delivered."""
    async def go(_: dict[str, str]) -> None:
        await svc.deliver_gift(request.app.ctx.rt, gift_id)

    return await _gift_act(request, gift_id, go)
