"""Marketers' side of the lottery: lotteries and prizes (CRUD), pool versions, stock, publish/close, expected cost,
draw search and gift fulfilment.

Pool versions: publishing snapshots the active prizes as version 1; while published, every change to the pool
(a prize added, changed or removed, the pity setting) snapshots the next version at once, in one transaction with
the change under the lottery's row lock, so every draw names exactly the pool it was decided on. Stock is not
part of a version: it is the live `stock_left`, changed only by draws (conditional UPDATE) and by stock
adjustments with a reason (`lottery_stock_adjustments`). Validation errors name their field (422).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from tortoise.transactions import in_transaction

from app.errors import Conflict, NotFound, ValidationFailed
from app.runtime import Runtime
from app.services.mall import notices
from app.services.mall.lottery import pool
from app.services.mall.lottery.service import _iso, gift_view
from app.sqlx import fetch, fetchrow
from models import (
    CouponTemplate,
    Lottery,
    LotteryDraw,
    LotteryGift,
    LotteryPoolVersion,
    LotteryPrize,
    LotteryStockAdjustment,
)

MAX_POINTS = 10_000_000
MAX_SLOTS = {"wheel": 12, "nine_grid": 8, "scratch": 50}


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValueError("must include a UTC offset, e.g. 2026-12-01T00:00:00+08:00")
    return value


def _fail(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(f"{field}: {message}", details=[{"field": field, "message": message}])


def _validated(model: type[BaseModel], data: dict[str, Any]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        details = [{"field": ".".join(str(p) for p in e["loc"]) or "body", "message": e["msg"]}
                   for e in exc.errors()]
        raise ValidationFailed("; ".join(f"{d['field']}: {d['message']}" for d in details),
                               details=details) from exc


# -- input shapes -------------------------------------------------------------------------------------------------
class LotteryIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str = Field(min_length=1, max_length=64)
    description: str | None = Field(default=None, max_length=255)
    view: Literal["wheel", "nine_grid", "scratch"] = "wheel"
    cost_points: int = Field(ge=1, le=MAX_POINTS, description="points one draw costs")
    display_from: datetime | None = None
    display_until: datetime | None = None
    draw_from: datetime | None = None
    draw_until: datetime | None = None
    daily_draws: int | None = Field(default=None, ge=1, le=10_000, description="per member per Shanghai day")
    lifetime_draws: int | None = Field(default=None, ge=1, le=1_000_000, description="per member, ever")
    pity_after: int | None = Field(default=None, ge=1, le=10_000,
                                   description="the Nth draw in a row without a real prize wins one; null = off")

    _aware_dates = field_validator("display_from", "display_until", "draw_from", "draw_until")(_aware)

    @model_validator(mode="after")
    def _windows(self) -> LotteryIn:
        for a, b in (("display_from", "display_until"), ("draw_from", "draw_until")):
            start, end = getattr(self, a), getattr(self, b)
            if start and end and end <= start:
                raise ValueError(f"{b} must be after {a}")
        return self


class LotteryPatch(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str | None = Field(default=None, min_length=1, max_length=64)
    description: str | None = Field(default=None, max_length=255)
    view: Literal["wheel", "nine_grid", "scratch"] | None = None
    cost_points: int | None = Field(default=None, ge=1, le=MAX_POINTS)
    display_from: datetime | None = None
    display_until: datetime | None = None
    draw_from: datetime | None = None
    draw_until: datetime | None = None
    daily_draws: int | None = Field(default=None, ge=1, le=10_000)
    lifetime_draws: int | None = Field(default=None, ge=1, le=1_000_000)
    pity_after: int | None = Field(default=None, ge=1, le=10_000)


class PrizeIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str = Field(min_length=1, max_length=64)
    kind: Literal["points", "coupon", "gift"]
    points: int | None = Field(default=None, ge=1, le=MAX_POINTS, description="kind points")
    coupon_template_id: int | None = Field(default=None, ge=1, le=2**63 - 1, description="kind coupon")
    cost_fen: int | None = Field(default=None, ge=0, le=100_000_000, description="kind gift: its cost price")
    image_url: AnyHttpUrl | None = None
    slot: int = Field(default=0, ge=0, le=1000, description="display order (wheel/grid position)")
    weight: int = Field(ge=0, le=1_000_000_000, description="relative odds; 0 = only by pity (never) / off")
    consolation: bool = Field(default=False, description="the fallback every draw can win: exactly one per pool")
    stock_total: int | None = Field(default=None, ge=0, le=100_000_000, description="null = unlimited")
    per_member_limit: int | None = Field(default=None, ge=1, le=1_000_000)
    daily_limit: int | None = Field(default=None, ge=1, le=100_000_000, description="wins per Shanghai day")

    @model_validator(mode="after")
    def _kind_fields(self) -> PrizeIn:
        need = {"points": "points", "coupon": "coupon_template_id", "gift": "cost_fen"}[self.kind]
        if getattr(self, need) is None:
            raise ValueError(f"a {self.kind} prize needs {need}")
        for other in {"points", "coupon_template_id", "cost_fen"} - {need}:
            if getattr(self, other) is not None:
                raise ValueError(f"a {self.kind} prize has no {other}")
        if self.consolation:
            if self.kind == "gift":
                raise ValueError("the consolation prize is points or a coupon (it is given to every draw)")
            if self.stock_total is not None or self.per_member_limit is not None or self.daily_limit is not None:
                raise ValueError("the consolation prize is always available: no stock or caps")
        return self


class PrizePatch(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str | None = Field(default=None, min_length=1, max_length=64)
    points: int | None = Field(default=None, ge=1, le=MAX_POINTS)
    coupon_template_id: int | None = Field(default=None, ge=1, le=2**63 - 1)
    cost_fen: int | None = Field(default=None, ge=0, le=100_000_000)
    image_url: AnyHttpUrl | None = None
    slot: int | None = Field(default=None, ge=0, le=1000)
    weight: int | None = Field(default=None, ge=0, le=1_000_000_000)
    stock_total: int | None = Field(default=None, ge=0, le=100_000_000, description="drafts only")
    per_member_limit: int | None = Field(default=None, ge=1, le=1_000_000)
    daily_limit: int | None = Field(default=None, ge=1, le=100_000_000)


class StockIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    delta: int = Field(ge=-100_000_000, le=100_000_000, description="units added (negative: taken away)")
    reason: str = Field(min_length=1, max_length=200)

    @field_validator("delta")
    @classmethod
    def _nonzero(cls, v: int) -> int:
        if v == 0:
            raise ValueError("must not be 0")
        return v


class AddressIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str = Field(min_length=1, max_length=32)
    phone: str = Field(pattern=r"^\+?[0-9 -]{5,20}$")
    address: str = Field(min_length=1, max_length=200)


class ShipIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    carrier: str = Field(min_length=1, max_length=32)
    tracking_no: str = Field(pattern=r"^[0-9A-Za-z-]{4,64}$")


# -- views ----------------------------------------------------------------------------------------------------------
def lottery_view(lot: Lottery) -> dict[str, Any]:
    return {"id": lot.id, "name": lot.name, "description": lot.description, "view": lot.view,
            "cost_points": lot.cost_points, "status": lot.status, "display_from": _iso(lot.display_from),
            "display_until": _iso(lot.display_until), "draw_from": _iso(lot.draw_from),
            "draw_until": _iso(lot.draw_until), "daily_draws": lot.daily_draws, "lifetime_draws": lot.lifetime_draws,
            "pity_after": lot.pity_after, "pool_version": lot.pool_version, "published_at": _iso(lot.published_at),
            "closed_at": _iso(lot.closed_at), "created_by": lot.created_by, "created_at": _iso(lot.created_at)}


def prize_view(p: LotteryPrize) -> dict[str, Any]:
    return {"id": p.id, "lottery_id": p.lottery_id, "name": p.name, "kind": p.kind, "points": p.points,
            "coupon_template_id": p.coupon_template_id, "cost_fen": p.cost_fen, "image_url": p.image_url,
            "slot": p.slot, "weight": p.weight, "consolation": p.consolation, "stock_total": p.stock_total,
            "stock_left": p.stock_left, "per_member_limit": p.per_member_limit, "daily_limit": p.daily_limit,
            "active": p.active}


def _snapshot(prizes: list[LotteryPrize]) -> list[dict[str, Any]]:
    """The immutable pool of a version: active prizes in display order, `slot` = position (wheel/grid cell)."""
    ordered = sorted((p for p in prizes if p.active), key=lambda p: (p.slot, p.id))
    return [{"id": p.id, "name": p.name, "kind": p.kind, "points": p.points,
             "coupon_template_id": p.coupon_template_id, "cost_fen": p.cost_fen,
             "image_url": p.image_url, "slot": i, "weight": p.weight, "consolation": p.consolation,
             "per_member_limit": p.per_member_limit, "daily_limit": p.daily_limit} for i, p in enumerate(ordered)]


def _check_pool(lot: Lottery, snapshot: list[dict[str, Any]]) -> None:
    """A pool that can be drawn: exactly one consolation prize, some weight, the view's number of cells."""
    consolations = [p for p in snapshot if p["consolation"]]
    if len(consolations) != 1:
        raise Conflict(f"the pool needs exactly one active consolation prize (has {len(consolations)})",
                       code="pool_invalid")
    if not any(int(p["weight"]) > 0 for p in snapshot):
        raise Conflict("every prize of the pool has weight 0", code="pool_invalid")
    if len(snapshot) > MAX_SLOTS[lot.view]:
        raise Conflict(f"a {lot.view} shows at most {MAX_SLOTS[lot.view]} prizes (the pool has {len(snapshot)})",
                       code="pool_invalid")


# -- lotteries -------------------------------------------------------------------------------------------------------
async def get_lottery(lottery_id: int) -> Lottery:
    lot = await Lottery.get_or_none(id=lottery_id)
    if lot is None:
        raise NotFound(f"no lottery #{lottery_id}", code="lottery_not_found")
    return lot


async def list_lotteries(status: str | None) -> dict[str, Any]:
    q = Lottery.all()
    if status:
        q = q.filter(status=status)
    return {"items": [lottery_view(lot) for lot in await q.order_by("-id").limit(500)]}


async def create_lottery(data: LotteryIn, operator: str) -> dict[str, Any]:
    lot = await Lottery.create(**data.model_dump(), status="draft", created_by=operator)
    return await lottery_detail(lot.id)


async def lottery_detail(lottery_id: int) -> dict[str, Any]:
    lot = await get_lottery(lottery_id)
    prizes = await LotteryPrize.filter(lottery_id=lot.id).order_by("slot", "id")
    versions = await LotteryPoolVersion.filter(lottery_id=lot.id).order_by("-version").limit(20)
    return {**lottery_view(lot), "prizes": [prize_view(p) for p in prizes],
            "versions": [{"version": v.version, "reason": v.reason, "created_by": v.created_by,
                          "created_at": _iso(v.created_at), "pity_after": v.pity_after} for v in versions]}


async def update_lottery(rt: Runtime, lottery_id: int, patch: LotteryPatch, operator: str) -> dict[str, Any]:
    """Merge and re-validate; a closed lottery is final. A new pity setting on a published lottery is a new pool
    version (it changes what draws decide)."""
    lot = await get_lottery(lottery_id)
    if lot.status == "closed":
        raise Conflict("the lottery is closed", code="lottery_closed")
    given = patch.model_dump(exclude_unset=True)
    if lot.status == "published" and given.get("view", lot.view) != lot.view:
        raise Conflict("the view of a published lottery is fixed (its pool's slots were laid out for it)",
                       code="lottery_published")
    merged = {k: getattr(lot, k) for k in LotteryIn.model_fields} | given
    checked = _validated(LotteryIn, merged)
    async with in_transaction():
        await Lottery.filter(id=lot.id).update(**checked.model_dump())
        if lot.status == "published" and "pity_after" in given and given["pity_after"] != lot.pity_after:
            await _new_version(rt, lot.id, "pity changed", operator)
    return await lottery_detail(lot.id)


async def delete_draft(lottery_id: int) -> dict[str, Any]:
    """A draft was never drawn: it goes with its prizes. A published lottery is closed instead (draws keep it)."""
    lot = await get_lottery(lottery_id)
    async with in_transaction():
        if not await Lottery.filter(id=lot.id, status="draft").delete():
            raise Conflict(f"only a draft can be deleted (this one is {lot.status}: close it)",
                           code="lottery_not_draft")
        await LotteryPrize.filter(lottery_id=lot.id).delete()
    return {"id": lot.id, "deleted": True}


async def _new_version(rt: Runtime, lottery_id: int, reason: str, operator: str | None) -> int:
    """Snapshot the pool as the lottery's next version (caller's transaction; the lottery row is locked so two
    edits cannot take the same number)."""
    lot = await Lottery.filter(id=lottery_id).select_for_update().first()
    assert lot is not None
    snapshot = _snapshot(await LotteryPrize.filter(lottery_id=lottery_id))
    _check_pool(lot, snapshot)
    version = (lot.pool_version or 0) + 1
    await LotteryPoolVersion.create(lottery_id=lottery_id, version=version, prizes=snapshot,
                                    pity_after=lot.pity_after, reason=reason, created_by=operator,
                                    created_at=rt.clock.now())
    await Lottery.filter(id=lottery_id).update(pool_version=version)
    return version


async def publish(rt: Runtime, lottery_id: int, operator: str) -> dict[str, Any]:
    """Draft -> published: the pool becomes version 1 (or the next); answers the expected cost per draw."""
    lot = await get_lottery(lottery_id)
    if lot.status != "draft":
        raise Conflict(f"the lottery is {lot.status}", code="lottery_not_draft")
    async with in_transaction():
        if not await Lottery.filter(id=lot.id, status="draft").update(status="published",
                                                                      published_at=rt.clock.now()):
            raise Conflict("the lottery was published meanwhile", code="lottery_not_draft")
        await _new_version(rt, lot.id, "published", operator)
    return {"lottery": await lottery_detail(lot.id), "expected_cost": await expected_cost(rt, lot.id)}


async def close(rt: Runtime, lottery_id: int) -> dict[str, Any]:
    lot = await get_lottery(lottery_id)
    if not await Lottery.filter(id=lot.id, status="published").update(status="closed", closed_at=rt.clock.now()):
        raise Conflict(f"only a published lottery can be closed (it is {lot.status})", code="lottery_not_published")
    return await lottery_detail(lot.id)


async def expected_cost(rt: Runtime, lottery_id: int) -> dict[str, Any]:
    """The long-run cost of one draw for the pool as it stands (published: the current version; draft: the prizes
    as edited), with prizes out of stock counted as consolations (see `pool.expected_cost`)."""
    lot = await get_lottery(lottery_id)
    rows = await LotteryPrize.filter(lottery_id=lot.id)
    snapshot = _snapshot(rows)
    if not any(p["consolation"] for p in snapshot) or not any(int(p["weight"]) > 0 for p in snapshot):
        raise Conflict("the pool needs one consolation prize and some weight before it has a cost",
                       code="pool_invalid")
    out = {p.id for p in rows if p.stock_left is not None and p.stock_left <= 0}
    template_ids = [int(p["coupon_template_id"]) for p in snapshot if p["kind"] == "coupon"]
    face = {t.id: int(t.amount_off_fen or t.max_discount_fen or 0)
            for t in await CouponTemplate.filter(id__in=template_ids)} if template_ids else {}
    result = pool.expected_cost(snapshot, pity_after=lot.pity_after, cost_points=lot.cost_points,
                                points_per_yuan=rt.settings.metrics.points_per_yuan, coupon_face_fen=face, out=out)
    return {"lottery_id": lot.id, "pool_version": lot.pool_version, **result}


# -- prizes ---------------------------------------------------------------------------------------------------------
async def _prize(lottery_id: int, prize_id: int) -> LotteryPrize:
    p = await LotteryPrize.get_or_none(id=prize_id, lottery_id=lottery_id)
    if p is None:
        raise NotFound(f"no prize #{prize_id} in lottery #{lottery_id}", code="prize_not_found")
    return p


async def _check_template(template_id: int | None) -> None:
    if template_id is not None and not await CouponTemplate.exists(id=template_id, active=True):
        raise _fail("coupon_template_id", f"no active coupon template #{template_id}")


async def _edited(rt: Runtime, lot: Lottery, reason: str, operator: str) -> None:
    if lot.status == "published":
        await _new_version(rt, lot.id, reason, operator)


async def add_prize(rt: Runtime, lottery_id: int, data: PrizeIn, operator: str) -> dict[str, Any]:
    lot = await get_lottery(lottery_id)
    if lot.status == "closed":
        raise Conflict("the lottery is closed", code="lottery_closed")
    await _check_template(data.coupon_template_id)
    values = data.model_dump()
    values["image_url"] = str(data.image_url) if data.image_url else None
    async with in_transaction():
        p = await LotteryPrize.create(lottery_id=lot.id, stock_left=data.stock_total, **values)
        await _edited(rt, lot, f"prize {p.id} added", operator)
    return prize_view(await LotteryPrize.get(id=p.id))


async def update_prize(rt: Runtime, lottery_id: int, prize_id: int, patch: PrizePatch,
                       operator: str) -> dict[str, Any]:
    """Merge and re-validate; on a published lottery the change is a new pool version. Stock of a published
    lottery moves only through stock adjustments (with a reason)."""
    lot = await get_lottery(lottery_id)
    if lot.status == "closed":
        raise Conflict("the lottery is closed", code="lottery_closed")
    p = await _prize(lottery_id, prize_id)
    given = patch.model_dump(exclude_unset=True)
    if "stock_total" in given and lot.status != "draft":
        raise _fail("stock_total", "a published lottery's stock changes through stock adjustments (with a reason)")
    merged = {k: getattr(p, k) for k in PrizeIn.model_fields} | given
    checked = _validated(PrizeIn, merged)
    await _check_template(checked.coupon_template_id)
    values = checked.model_dump()
    values["image_url"] = str(checked.image_url) if checked.image_url else None
    if "stock_total" in given:
        values["stock_left"] = checked.stock_total
    async with in_transaction():
        await LotteryPrize.filter(id=p.id).update(**values)
        await _edited(rt, lot, f"prize {p.id} changed", operator)
    return prize_view(await LotteryPrize.get(id=p.id))


async def remove_prize(rt: Runtime, lottery_id: int, prize_id: int, operator: str) -> dict[str, Any]:
    """Deactivate (draws that won it keep pointing at it); on a published lottery, a new pool version."""
    lot = await get_lottery(lottery_id)
    if lot.status == "closed":
        raise Conflict("the lottery is closed", code="lottery_closed")
    p = await _prize(lottery_id, prize_id)
    async with in_transaction():
        await LotteryPrize.filter(id=p.id).update(active=False)
        await _edited(rt, lot, f"prize {p.id} removed", operator)
    return prize_view(await LotteryPrize.get(id=p.id))


async def adjust_stock(rt: Runtime, lottery_id: int, prize_id: int, data: StockIn, operator: str) -> dict[str, Any]:
    """Add or take stock, with a reason: one conditional UPDATE (never below zero, also against concurrent draws)
    and its audit row in one transaction."""
    p = await _prize(lottery_id, prize_id)
    if p.stock_left is None:
        raise Conflict("this prize has unlimited stock", code="stock_unlimited")
    now = rt.clock.now()
    async with in_transaction() as c:
        row = await fetchrow(c, "UPDATE lottery_prizes SET stock_left = stock_left + $1, stock_total = "
                                "stock_total + $1, updated_at = $3 WHERE id = $2 AND stock_left IS NOT NULL "
                                "AND stock_left + $1 >= 0 RETURNING stock_left", [data.delta, p.id, now])
        if row is None:
            raise Conflict(f"only {p.stock_left} left: cannot take {-data.delta}", code="stock_below_zero")
        await LotteryStockAdjustment.create(prize_id=p.id, delta=data.delta, stock_after=int(row["stock_left"]),
                                            reason=data.reason, operator=operator, created_at=now, using_db=c)
    adjustments = await LotteryStockAdjustment.filter(prize_id=p.id).order_by("-id").limit(20)
    return {"prize": prize_view(await LotteryPrize.get(id=p.id)), "adjustments": [
        {"id": a.id, "delta": a.delta, "stock_after": a.stock_after, "reason": a.reason, "operator": a.operator,
         "created_at": _iso(a.created_at)} for a in adjustments]}


# -- draws and gifts -------------------------------------------------------------------------------------------------
def admin_draw_view(d: LotteryDraw) -> dict[str, Any]:
    return {"id": d.id, "lottery_id": d.lottery_id, "member_id": d.member_id, "request_key": d.request_key,
            "pool_version": d.pool_version, "random": str(d.random), "weights": d.weights,
            "unavailable": d.unavailable, "pity_count": d.pity_count, "pity_after": d.pity_after,
            "decided_by": d.decided_by, "prize_id": d.prize_id, "prize_kind": d.prize_kind,
            "prize_name": d.prize_name, "real_prize": d.real_prize, "slot": d.slot, "points": d.points,
            "coupon_id": d.coupon_id, "cost_points": d.cost_points, "spend_entry_id": d.spend_entry_id,
            "prize_entry_id": d.prize_entry_id, "day": str(d.day), "created_at": _iso(d.created_at)}


async def list_draws(lottery_id: int, member_id: int | None, cursor: int | None, limit: int) -> dict[str, Any]:
    await get_lottery(lottery_id)
    q = LotteryDraw.filter(lottery_id=lottery_id)
    if member_id is not None:
        q = q.filter(member_id=member_id)
    if cursor:
        q = q.filter(id__lt=cursor)
    rows = await q.order_by("-id").limit(limit + 1)
    return {"items": [admin_draw_view(d) for d in rows[:limit]],
            "next_cursor": str(rows[limit - 1].id) if len(rows) > limit else None}


async def list_gifts(state: str | None, lottery_id: int | None, cursor: int | None, limit: int) -> dict[str, Any]:
    q = LotteryGift.all()
    if state:
        q = q.filter(state=state)
    if lottery_id:
        q = q.filter(lottery_id=lottery_id)
    if cursor:
        q = q.filter(id__gt=cursor)
    rows = await q.order_by("id").limit(limit + 1)
    return {"items": [gift_view(g) for g in rows[:limit]],
            "next_cursor": str(rows[limit - 1].id) if len(rows) > limit else None}


async def ship_gift(rt: Runtime, gift_id: int, data: ShipIn) -> dict[str, Any]:
    """won -> shipped, only once the member has given an address; the member's shipping notice is queued in the
    same transaction (app/services/mall/notices.py)."""
    g = await LotteryGift.get_or_none(id=gift_id)
    if g is None:
        raise NotFound(f"no gift #{gift_id}", code="gift_not_found")
    if g.address is None:
        raise Conflict("the member has not given a delivery address yet", code="address_missing")
    now = rt.clock.now()
    async with in_transaction() as c:
        row = await fetchrow(c, "UPDATE lottery_gifts SET state = 'shipped', carrier = $2, tracking_no = $3, "
                                "shipped_at = $4 WHERE id = $1 AND state = 'won' RETURNING "
                                "(SELECT openid FROM members WHERE members.id = lottery_gifts.member_id) AS openid",
                             [g.id, data.carrier, data.tracking_no, now])
        if row is None:
            raise Conflict(f"the gift is already {g.state}", code="gift_not_won")
        await notices.queue_shipping_notice(rt, c, f"lottery-shipped:{g.id}", g.member_id, row["openid"], g.name,
                                            data.carrier, data.tracking_no, now)
    return gift_view(await LotteryGift.get(id=g.id))


async def deliver_gift(rt: Runtime, gift_id: int) -> dict[str, Any]:
    g = await LotteryGift.get_or_none(id=gift_id)
    if g is None:
        raise NotFound(f"no gift #{gift_id}", code="gift_not_found")
    if not await LotteryGift.filter(id=g.id, state="shipped").update(state="delivered",
                                                                     delivered_at=rt.clock.now()):
        raise Conflict(f"only a shipped gift can be delivered (it is {g.state})", code="gift_not_shipped")
    return gift_view(await LotteryGift.get(id=g.id))


async def stock_drift() -> list[dict[str, Any]]:
    """Prizes whose stock does not add up: total - left != wins drawn (for audits and tests)."""
    from app.db import conn

    rows = await fetch(conn(), "SELECT p.id, p.stock_total, p.stock_left, (SELECT COUNT(*) FROM lottery_draws d "
                               "WHERE d.prize_id = p.id) AS won FROM lottery_prizes p WHERE p.stock_left IS NOT NULL")
    return [{"prize_id": int(r["id"]), "stock_total": int(r["stock_total"]), "stock_left": int(r["stock_left"]),
             "won": int(r["won"])} for r in rows
            if int(r["stock_left"]) < 0 or int(r["stock_total"]) - int(r["stock_left"]) != int(r["won"])]

