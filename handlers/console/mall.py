"""The points mall in the console: rewards (stock, and beside each price the share of every tier that can afford
it), create / edit a reward, audited stock adjustments with a reason, a virtual reward's codes (paste or upload
a file: the page counts accepted / duplicate / rejected), a service reward's time slots (capacity, remaining),
and the fulfilment queue of paid gifts (ship with carrier + tracking, deliver, cancel; bulk ship by CSV upload
and the queue's CSV export, both run as long actions with a progress page: app/services/operations).

Every change goes through app/services/mall/admin.py, the functions the /admin/v1/mall JSON routes call; the
forms are validated by the API's own models, and a refusal is shown next to its field."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from sanic import Request
from sanic.response import HTTPResponse, redirect

from app.errors import ApiError, ValidationFailed
from app.services.mall import admin as svc
from app.services.operations import service as operations
from app.web import error_page, fen_typed, field_errors, form_action, form_data, page, render, validate, yuan_text
from handlers import Blueprint, accepts_upload
from models import Tier

bp = Blueprint("console_mall")

LOGIN = "/console/login"
STAFF = ("marketer", "admin")
KINDS = {"gift": "实物礼品", "coupon": "优惠券", "service": "服务预约", "virtual": "虚拟卡密"}
FULFILMENT = {"ordered": "待发货", "shipped": "已发货", "delivered": "已签收", "cancelled": "已取消",
              "issued": "已发放", "booked": "已预约"}
# the reward form: every field the page offers (optional ones blank = not set)
REWARD_FIELDS = ("name", "kind", "points", "cash_fen", "stock", "min_tier", "category", "description",
                 "coupon_template_id", "limit_per_day", "limit_lifetime", "sort")
OPTIONAL = {"stock", "description", "coupon_template_id", "limit_per_day", "limit_lifetime"}
PATCHABLE = tuple(f for f in REWARD_FIELDS if f not in ("kind", "stock"))
# API field -> form field (the API's own field names are the form's, but the cash part is typed in yuan, as every
# money field of the console is)
FIELDS = {f: f for f in REWARD_FIELDS} | {"cash_fen": "cash_yuan", "delta": "delta", "reason": "reason",
                                          "carrier": "carrier", "tracking_no": "tracking_no", "codes": "codes",
                                          "file": "file", "starts_at": "slot_date", "capacity": "capacity"}
MAX_CODES_FILE = 2_000_000  # bytes: 10,000 codes of 64 characters with line ends, and some slack


def _reward_body(data: dict[str, str], fields: tuple[str, ...], *, clear: bool = False) -> dict[str, Any]:
    """The form as the API's JSON body. A blank field is left out (the API's default applies: no stock limit,
    no cash part...), or, with `clear` (an edit), an optional one is set to null; a blank required field is
    sent blank so the API's model says what is missing."""
    body: dict[str, Any] = {}
    for f in fields:
        if f == "cash_fen":  # typed in yuan; blank = no cash part (the API's default, or 0 on an edit)
            fen = fen_typed(data, "cash_yuan", "cash_fen", svc.RewardFields)
            if fen is not None or clear:
                body[f] = fen or 0
            continue
        value = data.get(f, "")
        if value != "" or f in ("name", "points"):
            body[f] = value
        elif clear and f in OPTIONAL:
            body[f] = None
    body["active"] = data.get("active") == "on"
    return body


async def _tiers() -> list[dict[str, Any]]:
    return [{"level": t.level, "name": t.name} for t in await Tier.all().order_by("level")]


@bp.get("/mall")
@page(*STAFF, login=LOGIN)
async def rewards(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Every reward (?active=1|0 filters), its stock and per-tier affordability."""
    active = {"1": True, "0": False}.get(request.args.get("active", ""))
    items = (await svc.list_rewards(active))["items"]
    return render(request, "console/mall.html", nav="mall", rewards=items, kinds=KINDS, tiers=await _tiers(),
                  active=request.args.get("active", ""))


@bp.get("/mall/rewards/new")
@page(*STAFF, login=LOGIN)
async def new_reward(request: Request) -> HTTPResponse:
    """Role: marketer, admin."""
    return render(request, "console/mall_reward_new.html", nav="mall", kinds=KINDS,
                  form={"kind": "gift", "active": "on", "cash_yuan": "0", "min_tier": "0"})


@bp.post("/mall/rewards")
@page(*STAFF, login=LOGIN)
async def create_reward(request: Request) -> HTTPResponse:
    """Role: marketer, admin. A new reward with its starting stock (blank = unlimited)."""
    data = form_data(request)
    try:
        body = validate(svc.RewardFields, _reward_body(data, REWARD_FIELDS))
        reward = await svc.create(body)
    except ApiError as exc:
        return render(request, "console/mall_reward_new.html", status=exc.status, nav="mall", kinds=KINDS,
                      form=data, errors=field_errors(exc, FIELDS))
    return redirect(f"/console/mall/rewards/{reward['id']}", status=303)


async def _reward_page(request: Request, reward_id: int, status: int = 200,
                       errs: dict[str, dict[str, str]] | None = None, form: dict[str, str] | None = None,
                       codes_result: dict[str, Any] | None = None) -> HTTPResponse:
    reward = await svc.admin_view(await svc.get(reward_id))
    defaults = {f: "" if reward.get(f) is None else str(reward[f]) for f in REWARD_FIELDS}
    defaults["active"] = "on" if reward["active"] else ""
    defaults["cash_yuan"] = yuan_text(reward.get("cash_fen") or 0)
    slots = (await svc.list_slots(reward_id))["items"] if reward["kind"] == "service" else []
    return render(request, "console/mall_reward.html", status=status, nav="mall", reward=reward, kinds=KINDS,
                  history=(await svc.stock_history(reward_id))["items"], form={**defaults, **(form or {})},
                  errs=errs or {}, slots=slots, codes_result=codes_result)


@bp.get("/mall/rewards/<reward_id:int>")
@page(*STAFF, login=LOGIN)
async def reward(request: Request, reward_id: int) -> HTTPResponse:
    """Role: marketer, admin. The reward, its edit form, its stock form and the stock audit."""
    try:
        return await _reward_page(request, reward_id)
    except ApiError as exc:
        return error_page(request, exc.status, exc)


async def _act(request: Request, reward_id: int, form_name: str, action: Any) -> HTTPResponse:
    async def refused(exc: ApiError, data: dict[str, str]) -> HTTPResponse:
        return await _reward_page(request, reward_id, exc.status, {form_name: field_errors(exc, FIELDS)}, data)

    return await form_action(request, action, refused, f"/console/mall/rewards/{reward_id}")


@bp.post("/mall/rewards/<reward_id:int>")
@page(*STAFF, login=LOGIN)
async def edit_reward(request: Request, reward_id: int) -> HTTPResponse:
    """Role: marketer, admin. Change fields (not kind or stock: stock moves only by audited adjustments)."""
    async def go(data: dict[str, str]) -> None:
        body = _reward_body(data, PATCHABLE, clear=True)
        # the patch model is loose (every field optional): the full model's limits first, so each message lands
        # next to its input (the service checks the merge again)
        current = await svc.get(reward_id)
        validate(svc.RewardFields, {**body, "kind": current.kind, "stock": current.stock})
        patch = validate(svc.RewardPatch, body)
        await svc.update(reward_id, patch)

    return await _act(request, reward_id, "edit", go)


@bp.post("/mall/rewards/<reward_id:int>/stock")
@page(*STAFF, login=LOGIN)
async def adjust_stock(request: Request, reward_id: int) -> HTTPResponse:
    """Role: marketer, admin. Add (positive) or remove (negative) stock with a reason; never below zero."""
    async def go(data: dict[str, str]) -> None:
        body = validate(svc.StockIn, {"delta": data.get("delta", ""), "reason": data.get("reason", "")})
        await svc.adjust_stock(request.app.ctx.rt, reward_id, body, request.ctx.principal)

    return await _act(request, reward_id, "stock", go)


def _pasted_codes(request: Request, data: dict[str, str]) -> list[str]:
    """The codes of the form: the textarea and/or an uploaded text file (UTF-8, one code a line; a CSV's first
    column). What a code may be is the service's call (`sort_codes`): here only lines are split."""
    lines = data.get("codes", "").splitlines()
    upload = request.files.get("file") if request.files else None
    if upload is not None and upload.body:
        if len(upload.body) > MAX_CODES_FILE:
            raise ValidationFailed("the file is too large", details=[{"field": "file",
                                                                      "message": "文件太大（最多约 1 万个卡密）"}])
        try:
            text = upload.body.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationFailed("the file must be UTF-8", code="bad_csv",
                                   details=[{"field": "file", "message": "文件须为 UTF-8 编码的文本"}]) from exc
        lines += [line.split(",")[0] if (upload.name or "").lower().endswith(".csv") else line
                  for line in text.splitlines()]
    codes = [line for line in lines if line.strip()]
    if not codes:
        raise ValidationFailed("no codes", details=[{"field": "codes", "message": "请粘贴卡密或选择文件（每行一个）"}])
    return codes


@bp.post("/mall/rewards/<reward_id:int>/codes", stream=True)
@accepts_upload
@page(*STAFF, login=LOGIN)
async def upload_codes(request: Request, reward_id: int) -> HTTPResponse:
    """Role: marketer, admin. Add codes to a virtual reward's pool (svc.upload_codes, as POST .../codes): the page
    answers how many were accepted, were duplicates, were rejected (and which)."""
    data = form_data(request)
    try:
        body = validate(svc.CodesIn, {"codes": _pasted_codes(request, data), **(
            {"reason": data["reason"]} if data.get("reason") else {})})
        result = await svc.upload_codes(request.app.ctx.rt, reward_id, body, request.ctx.principal)
    except ApiError as exc:
        if exc.status == 404:
            return error_page(request, 404, exc)
        try:
            return await _reward_page(request, reward_id, exc.status, {"codes": field_errors(exc, FIELDS)},
                                      {"codes": data.get("codes", "")})
        except ApiError as gone:
            return error_page(request, gone.status, gone)
    return await _reward_page(request, reward_id, codes_result=result)


def _slot_start(data: dict[str, str]) -> str:
    """The form's date and time as the API's `starts_at`: an ISO time in Asia/Shanghai (the console's zone)."""
    day, at = data.get("slot_date", ""), data.get("slot_time", "")
    return f"{day}T{at}:00+08:00" if day and at and len(at) == 5 else f"{day} {at}".strip()


@bp.post("/mall/rewards/<reward_id:int>/slots")
@page(*STAFF, login=LOGIN)
async def add_slot(request: Request, reward_id: int) -> HTTPResponse:
    """Role: marketer, admin. A bookable time slot with its capacity (svc.add_slot, as POST .../slots)."""
    async def go(data: dict[str, str]) -> None:
        body = validate(svc.SlotIn, {"starts_at": _slot_start(data), "capacity": data.get("capacity", "")})
        await svc.add_slot(reward_id, body)

    return await _act(request, reward_id, "slots", go)


# -- the fulfilment queue -------------------------------------------------------------------------------------------
def _queue_query(request: Request) -> svc.SearchQuery:
    """?fulfilment= (default: ordered, i.e. waiting to ship) and ?page=; a bad value falls back to the default."""
    args = {"state": "completed", "fulfilment": request.args.get("fulfilment") or "ordered",
            "page": request.args.get("page") or "1", "size": "50"}
    try:
        return validate(svc.SearchQuery, args)
    except ValidationFailed:
        return svc.SearchQuery(state="completed", fulfilment="ordered")


async def _queue_page(request: Request, status: int = 200, errs: dict[int | str, dict[str, str]] | None = None,
                      ) -> HTTPResponse:
    q = _queue_query(request)
    found = await svc.search(q)
    pages = max(1, -(-found["total"] // q.size))
    return render(request, "console/mall_fulfilment.html", status=status, nav="mall", q=q, found=found,
                  pages=pages, states=FULFILMENT, errs=errs or {},
                  qs=lambda **kw: urlencode({"fulfilment": q.fulfilment, "page": q.page, **kw}))


@bp.get("/mall/fulfilment")
@page(*STAFF, login=LOGIN)
async def fulfilment(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Paid gift redemptions by fulfilment state, 50 a page, newest first."""
    return await _queue_page(request)


async def _fulfil(request: Request, redemption_id: int, action: Any) -> HTTPResponse:
    data = form_data(request)
    try:
        await action(data)
    except ApiError as exc:
        return await _queue_page(request, exc.status, {redemption_id: field_errors(exc, FIELDS)})
    back = request.args.get("fulfilment") or "ordered"
    return redirect(f"/console/mall/fulfilment?{urlencode({'fulfilment': back})}#r-{redemption_id}", status=303)


@bp.post("/mall/redemptions/<redemption_id:int>/ship")
@page(*STAFF, login=LOGIN)
async def ship(request: Request, redemption_id: int) -> HTTPResponse:
    """Role: marketer, admin. ordered -> shipped with carrier and tracking number."""
    async def go(data: dict[str, str]) -> None:
        body = validate(svc.ShipIn, {"carrier": data.get("carrier", ""), "tracking_no": data.get("tracking_no", "")})
        await svc.ship(request.app.ctx.rt, redemption_id, body)

    return await _fulfil(request, redemption_id, go)


@bp.post("/mall/redemptions/<redemption_id:int>/deliver")
@page(*STAFF, login=LOGIN)
async def deliver(request: Request, redemption_id: int) -> HTTPResponse:
    """Role: marketer, admin. shipped -> delivered."""
    async def go(_: dict[str, str]) -> None:
        await svc.deliver(request.app.ctx.rt, redemption_id)

    return await _fulfil(request, redemption_id, go)


@bp.post("/mall/redemptions/<redemption_id:int>/cancel")
@page(*STAFF, login=LOGIN)
async def cancel(request: Request, redemption_id: int) -> HTTPResponse:
    """Role: marketer, admin. Cancel with a reason: the points go back to their lots, a paid cash part is
    refunded (through the outbox, as the API does)."""
    async def go(data: dict[str, str]) -> None:
        body = validate(svc.CancelIn, {"reason": data.get("reason", "")})
        await svc.cancel(request.app.ctx.rt, redemption_id, body)

    return await _fulfil(request, redemption_id, go)


@bp.post("/mall/shipments", stream=True)
@accepts_upload
@page(*STAFF, login=LOGIN)
async def ship_csv(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Bulk shipping: a CSV file `redemption_id,carrier,tracking_no` per row, run as a long
    action (app/services/operations): the answer is the run's page, with its progress and then each row's result
    (shipped, or why not; downloadable), so a re-upload after a fix is safe (done rows report not_shippable)."""
    upload = request.files.get("file") if request.files else None
    try:
        if upload is None or not upload.body:
            raise ValidationFailed("a CSV file is required", details=[{"field": "file", "message": "请选择 CSV 文件"}])
        try:
            text = upload.body.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationFailed("the CSV must be UTF-8", code="bad_csv",
                                   details=[{"field": "file", "message": "CSV 须为 UTF-8 编码"}]) from exc
        if "\x00" in text:
            raise ValidationFailed("the CSV contains NUL characters", code="bad_csv",
                                   details=[{"field": "file", "message": "CSV 含有非法字符"}])
        run = await operations.start(request.app.ctx.rt, "mall_ship_csv",
                                     {"csv": text, "file_name": (upload.name or "")[:120] or None},
                                     request.ctx.principal)
    except ApiError as exc:
        return await _queue_page(request, exc.status, {"csv": field_errors(exc, {"file": "file", "csv": "file"})})
    return redirect(f"/console/operations/{run.id}", status=303)
