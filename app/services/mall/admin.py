"""Mall administration for marketers: rewards, audited stock changes, code pools, slots, fulfilment, search.

Beside each price the marketer sees, per tier, the share of its members whose balance affords it (a first
version of the threshold advice: low tiers should reach practical rewards, high tiers scarce ones).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator
from tortoise.transactions import in_transaction

from app.auth import Principal
from app.db import conn
from app.errors import Conflict, NotFound, ValidationFailed
from app.runtime import Runtime
from app.services.mall import notices
from app.services.mall import service as mall
from app.sqlx import fetch, fetchrow
from models import (
    CouponPackage,
    CouponTemplate,
    MallCode,
    MallRedemption,
    MallReward,
    MallSlot,
    MallStockAdjustment,
    Tier,
)

Kind = Literal["coupon", "gift", "service", "virtual"]
INT32 = 2_147_483_647


class RewardFields(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    description: str | None = Field(default=None, max_length=255)
    image_url: str | None = Field(default=None, max_length=255)
    category: str = Field(default="", max_length=32)
    kind: Kind
    points: int = Field(ge=1, le=INT32)
    cash_fen: int = Field(default=0, ge=0, le=INT32, description="0 = pure points")
    min_tier: int = Field(default=0, ge=0, le=100)
    stock: int | None = Field(default=None, ge=0, le=INT32, description="null = unlimited (not for virtual)")
    limit_per_day: int | None = Field(default=None, ge=1, le=INT32)
    limit_per_campaign: int | None = Field(default=None, ge=1, le=INT32)
    limit_lifetime: int | None = Field(default=None, ge=1, le=INT32)
    campaign: str | None = Field(default=None, max_length=32)
    display_from: datetime | None = None
    display_until: datetime | None = None
    redeem_from: datetime | None = None
    redeem_until: datetime | None = None
    sort: int = Field(default=0, ge=-INT32, le=INT32)
    featured: bool = False
    featured_on_member_day: bool = False
    coupon_template_id: int | None = Field(default=None, ge=1, le=2**53)
    coupon_package_id: int | None = Field(default=None, ge=1, le=2**53)
    active: bool = True

    @model_validator(mode="after")
    def _consistent(self) -> RewardFields:
        if self.kind == "coupon" and not (self.coupon_template_id or self.coupon_package_id):
            raise ValueError("a coupon reward needs coupon_template_id or coupon_package_id")
        if self.kind != "coupon" and (self.coupon_template_id or self.coupon_package_id):
            raise ValueError("only coupon rewards issue coupons")
        if self.kind == "virtual" and self.stock is None:
            raise ValueError("a virtual reward's stock is its code pool (upload codes; start at 0)")
        if self.limit_per_campaign is not None and not self.campaign:
            raise ValueError("limit_per_campaign needs a campaign tag")
        for a, b in (("display_from", "display_until"), ("redeem_from", "redeem_until")):
            if getattr(self, a) and getattr(self, b) and getattr(self, a) >= getattr(self, b):
                raise ValueError(f"{a} must be before {b}")
        for name in ("display_from", "display_until", "redeem_from", "redeem_until"):
            v = getattr(self, name)
            if v is not None and v.tzinfo is None:
                raise ValueError(f"{name} needs a time zone offset")
        return self


class RewardPatch(BaseModel):
    model_config = {"extra": "forbid"}
    name: str | None = None
    description: str | None = None
    image_url: str | None = None
    category: str | None = None
    points: int | None = None
    cash_fen: int | None = None
    min_tier: int | None = None
    limit_per_day: int | None = None
    limit_per_campaign: int | None = None
    limit_lifetime: int | None = None
    campaign: str | None = None
    display_from: datetime | None = None
    display_until: datetime | None = None
    redeem_from: datetime | None = None
    redeem_until: datetime | None = None
    sort: int | None = None
    featured: bool | None = None
    featured_on_member_day: bool | None = None
    coupon_template_id: int | None = None
    coupon_package_id: int | None = None
    active: bool | None = None


async def _check_refs(body: RewardFields) -> None:
    if body.coupon_template_id and not await CouponTemplate.filter(id=body.coupon_template_id).exists():
        raise ValidationFailed("no such coupon template", details=[{"field": "coupon_template_id",
                                                                    "message": "not found"}])
    if body.coupon_package_id and not await CouponPackage.filter(id=body.coupon_package_id).exists():
        raise ValidationFailed("no such coupon package", details=[{"field": "coupon_package_id",
                                                                   "message": "not found"}])


async def affordability(points: int) -> list[dict[str, Any]]:
    """Per tier: members, how many have at least `points`, the share (basis points) and the tier's average
    balance (what the seeds set thresholds from: practical rewards within reach of low tiers)."""
    names = {t.level: t.name for t in await Tier.all()}
    rows = await fetch(conn(), "SELECT tier_level, COUNT(*) AS n, SUM(CASE WHEN balance >= $1 THEN 1 ELSE 0 END) "
                               "AS ok, SUM(CASE WHEN balance > 0 THEN balance ELSE 0 END) AS total FROM members "
                               "GROUP BY tier_level ORDER BY tier_level", [points])
    by = {int(r["tier_level"]): (int(r["n"]), int(r["ok"] or 0), int(r["total"] or 0)) for r in rows}
    out = []
    for level in sorted(set(names) | set(by)):
        n, ok, total = by.get(level, (0, 0, 0))
        out.append({"tier_level": level, "tier_name": names.get(level), "members": n, "can_afford": ok,
                    "share_bp": ok * 10_000 // n if n else None, "avg_balance": total // n if n else None})
    return out


async def admin_view(r: MallReward) -> dict[str, Any]:
    return {**mall.reward_view(r), "affordability": await affordability(r.points),
            "codes_left": await MallCode.filter(reward_id=r.id, redemption_id__isnull=True).count()
            if r.kind == "virtual" else None}


async def list_rewards(active: bool | None) -> dict[str, Any]:
    q = MallReward.all() if active is None else MallReward.filter(active=active)
    return {"items": [await admin_view(r) for r in await q.order_by("-sort", "id")]}


async def get(reward_id: int) -> MallReward:
    r = await MallReward.get_or_none(id=reward_id)
    if r is None:
        raise NotFound("no such reward", code="reward_not_found")
    return r


async def create(body: RewardFields) -> dict[str, Any]:
    await _check_refs(body)
    data = body.model_dump()
    if body.kind == "virtual":
        data["stock"] = 0  # the pool decides: uploading codes adds stock
    return await admin_view(await MallReward.create(**data))


async def update(reward_id: int, patch: RewardPatch) -> dict[str, Any]:
    r = await get(reward_id)
    merged = {**{k: getattr(r, k) for k in RewardFields.model_fields}, **patch.model_dump(exclude_unset=True)}
    try:
        body = RewardFields.model_validate(merged)
    except ValueError as exc:
        raise ValidationFailed(str(exc)) from exc
    await _check_refs(body)
    changes = patch.model_dump(exclude_unset=True)
    if changes:
        await MallReward.filter(id=r.id).update(**changes)
    return await admin_view(await get(reward_id))


class StockIn(BaseModel):
    delta: int = Field(ge=-1_000_000, le=1_000_000)
    reason: str = Field(min_length=1, max_length=128)


async def adjust_stock(rt: Runtime, reward_id: int, body: StockIn, who: Principal) -> dict[str, Any]:
    """Add or remove stock with a reason; the audit row commits with the change; never below zero."""
    r = await get(reward_id)
    if r.stock is None:
        raise Conflict("this reward has unlimited stock", code="stock_unlimited")
    if r.kind == "virtual" and body.delta > 0:
        raise Conflict("a virtual reward's stock grows by uploading codes", code="upload_codes")
    now = rt.clock.now()
    async with in_transaction() as c:
        row = await fetchrow(c, "UPDATE mall_rewards SET stock = stock + $2 WHERE id = $1 AND stock + $2 >= 0 "
                                "RETURNING stock", [reward_id, body.delta])
        if row is None:
            raise Conflict("stock cannot go below zero", code="stock_below_zero")
        await MallStockAdjustment.create(reward_id=reward_id, delta=body.delta, stock_after=int(row["stock"]),
                                         reason=body.reason, operator=f"{who.role}:{who.subject_id}",
                                         created_at=now, using_db=c)
    return await admin_view(await get(reward_id))


async def stock_history(reward_id: int) -> dict[str, Any]:
    rows = await MallStockAdjustment.filter(reward_id=reward_id).order_by("-id").limit(200)
    return {"items": [{"delta": a.delta, "stock_after": a.stock_after, "reason": a.reason,
                       "operator": a.operator, "created_at": a.created_at.isoformat()} for a in rows]}


class CodesIn(BaseModel):
    codes: list[str] = Field(min_length=1, max_length=10_000)
    reason: str = Field(default="codes uploaded", max_length=128)


MAX_CODE = 64
_BAD_CODE_CHAR = re.compile(r"[\x00-\x20\x7f]")  # control characters and spaces inside a code


def sort_codes(raw: list[str]) -> tuple[list[str], int, list[str]]:
    """An upload's codes as (valid and distinct, in order; repeats within the upload; rejected): blank lines are
    ignored, a code is stripped, and one longer than 64 characters or with a space or control character inside
    is rejected (it could never be typed back by a member)."""
    valid: list[str] = []
    seen: set[str] = set()
    repeats = 0
    rejected: list[str] = []
    for item in raw:
        code = item.strip()
        if not code:
            continue
        if len(code) > MAX_CODE or _BAD_CODE_CHAR.search(code):
            rejected.append(code)
        elif code in seen:
            repeats += 1
        else:
            seen.add(code)
            valid.append(code)
    return valid, repeats, rejected


async def upload_codes(rt: Runtime, reward_id: int, body: CodesIn, who: Principal) -> dict[str, Any]:
    """Add codes to a virtual reward's pool; stock grows by the codes added, audited. The answer counts them:
    `added`, `duplicates` (already in the pool or repeated in the upload; `skipped` is the same number) and
    `rejected` (too long, or spaces/control characters inside; the first 20 are listed). An upload with no
    valid code at all is refused (422)."""
    r = await get(reward_id)
    if r.kind != "virtual":
        raise Conflict("only virtual rewards have code pools", code="not_virtual")
    codes, repeats, rejected = sort_codes(body.codes)
    if not codes:
        raise ValidationFailed("no valid code in the upload (codes are 1-64 characters without spaces)",
                               details=[{"field": "codes", "message": "no valid code"}])
    now = rt.clock.now()
    async with in_transaction() as c:
        known = {m.code for m in await MallCode.filter(reward_id=reward_id, code__in=codes).using_db(c)}
        fresh = [x for x in codes if x not in known]
        if fresh:
            await MallCode.bulk_create([MallCode(reward_id=reward_id, code=x) for x in fresh], using_db=c)
            row = await fetchrow(c, "UPDATE mall_rewards SET stock = stock + $2 WHERE id = $1 RETURNING stock",
                                 [reward_id, len(fresh)])
            await MallStockAdjustment.create(reward_id=reward_id, delta=len(fresh), stock_after=int(row["stock"]),
                                             reason=body.reason, operator=f"{who.role}:{who.subject_id}",
                                             created_at=now, using_db=c)
    duplicates = repeats + len(codes) - len(fresh)
    return {"added": len(fresh), "duplicates": duplicates, "skipped": duplicates, "rejected": len(rejected),
            "rejected_codes": rejected[:20], "reward": await admin_view(await get(reward_id))}


class SlotIn(BaseModel):
    starts_at: datetime
    capacity: int = Field(ge=1, le=100_000)


def slot_view(s: MallSlot) -> dict[str, Any]:
    return {"id": s.id, "starts_at": s.starts_at.isoformat(), "capacity": s.capacity, "taken": s.taken,
            "left": s.capacity - s.taken}


async def add_slot(reward_id: int, body: SlotIn) -> dict[str, Any]:
    r = await get(reward_id)
    if r.kind != "service":
        raise Conflict("only services have slots", code="not_service")
    if body.starts_at.tzinfo is None:
        raise ValidationFailed("starts_at needs a time zone offset",
                               details=[{"field": "starts_at", "message": "starts_at needs a time zone offset"}])
    s = await MallSlot.create(reward_id=reward_id, starts_at=body.starts_at, capacity=body.capacity)
    return slot_view(s)


async def list_slots(reward_id: int) -> dict[str, Any]:
    """A service reward's slots in time order, each with its capacity, how many are taken and how many are left."""
    r = await get(reward_id)
    if r.kind != "service":
        raise Conflict("only services have slots", code="not_service")
    return {"items": [slot_view(s) for s in await MallSlot.filter(reward_id=reward_id).order_by("starts_at", "id")]}


# -- redemptions and fulfilment -------------------------------------------------------------------------------------
class SearchQuery(BaseModel):
    member_id: int | None = Field(default=None, ge=1, le=2**53)
    reward_id: int | None = Field(default=None, ge=1, le=2**53)
    state: Literal["pending_payment", "completed", "cancelled", "expired", "refunded"] | None = None
    fulfilment: Literal["ordered", "shipped", "delivered", "cancelled", "issued", "booked"] | None = None
    out_trade_no: str | None = Field(default=None, max_length=32)
    late_payment: bool | None = None
    page: int = Field(default=1, ge=1, le=100_000)
    size: int = Field(default=50, ge=1, le=200)


async def search(q: SearchQuery) -> dict[str, Any]:
    filters = {k: v for k, v in q.model_dump().items() if v is not None and k not in ("page", "size")}
    base = MallRedemption.filter(**filters)
    total = await base.count()
    rows = await base.order_by("-id").offset((q.page - 1) * q.size).limit(q.size)
    return {"items": [mall.redemption_view(r) for r in rows], "total": total, "page": q.page, "size": q.size}


async def get_redemption(redemption_id: int) -> MallRedemption:
    red = await MallRedemption.get_or_none(id=redemption_id)
    if red is None:
        raise NotFound("no such redemption", code="redemption_not_found")
    return red


class ShipIn(BaseModel):
    carrier: str = Field(min_length=1, max_length=32)
    tracking_no: str = Field(min_length=1, max_length=64)


# The shipment and what its notice needs, in one statement (the shipping path of a bulk CSV is row after row)
_SHIP = """
UPDATE mall_redemptions SET fulfilment = 'shipped', carrier = $2, tracking_no = $3, shipped_at = $4, updated_at = $4
WHERE id = $1 AND kind = 'gift' AND state = 'completed' AND fulfilment = 'ordered'
RETURNING member_id, reward_name, (SELECT openid FROM members WHERE members.id = mall_redemptions.member_id) AS openid
"""


async def ship(rt: Runtime, redemption_id: int, body: ShipIn) -> MallRedemption:
    """ordered -> shipped (a gift, completed); a second ship of the same parcel is refused (409)."""
    await _ship(rt, redemption_id, body)
    return await get_redemption(redemption_id)


async def _ship(rt: Runtime, redemption_id: int, body: ShipIn) -> None:
    """The shipment and the member's shipping notice in one transaction: shipped and told, or neither. The
    conditional UPDATE goes first; only a refused one reads the row, to say why (404, or 409 with its state)."""
    now = rt.clock.now()
    async with in_transaction() as c:
        row = await fetchrow(c, _SHIP, [redemption_id, body.carrier, body.tracking_no, now])
        if row is None:
            red = await get_redemption(redemption_id)
            raise Conflict(f"a {red.kind} redemption that is {red.fulfilment or red.state} cannot be shipped",
                           code="not_shippable")
        await notices.queue_shipping_notice(rt, c, f"mall-shipped:{redemption_id}", int(row["member_id"]),
                                            row["openid"], str(row["reward_name"]), body.carrier, body.tracking_no,
                                            now)


async def deliver(rt: Runtime, redemption_id: int) -> MallRedemption:
    red = await get_redemption(redemption_id)
    now = rt.clock.now()
    if not await MallRedemption.filter(id=red.id, fulfilment="shipped").update(
            fulfilment="delivered", delivered_at=now, updated_at=now):
        raise Conflict("only a shipped gift can be delivered", code="not_shipped")
    return await get_redemption(red.id)


async def ship_csv(rt: Runtime, text: str,
                   progress: Callable[[int, int], Awaitable[None]] | None = None) -> dict[str, Any]:
    """Bulk shipping: CSV rows `redemption_id,carrier,tracking_no` (a header row is allowed). Each row is
    applied on its own; the answer lists every row's outcome, so a re-upload only reports the rows done.
    `progress(done, total)` after each row (the console runs this as a long action, app/services/operations)."""
    rows = [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)
            if row and "".join(row).strip() and not (n == 1 and not row[0].strip().isdigit())]  # header skipped
    results = []
    for i, (n, row) in enumerate(rows, start=1):
        if len(row) < 3 or not row[0].strip().isdigit() or len(row[0].strip()) > 15:
            results.append({"line": n, "ok": False, "error": "expected redemption_id,carrier,tracking_no"})
        else:
            try:
                body = ShipIn(carrier=row[1].strip(), tracking_no=row[2].strip())
                await _ship(rt, int(row[0]), body)
                results.append({"line": n, "ok": True, "redemption_id": int(row[0])})
            except (Conflict, NotFound) as exc:
                results.append({"line": n, "ok": False, "redemption_id": int(row[0]), "error": exc.code})
            except ValueError as exc:
                results.append({"line": n, "ok": False, "error": str(exc)[:200]})
        if progress is not None:
            await progress(i, len(rows))
    return {"shipped": sum(1 for r in results if r["ok"]), "failed": sum(1 for r in results if not r["ok"]),
            "results": results}


class CancelIn(BaseModel):
    reason: str = Field(min_length=1, max_length=64)


async def cancel(rt: Runtime, redemption_id: int, body: CancelIn) -> MallRedemption:
    """An operator cancels (e.g. a gift that cannot be delivered): the points return to their lots and a paid
    cash part is refunded. A delivered gift or an issued coupon/code is final."""
    red = await get_redemption(redemption_id)
    if red.fulfilment in ("delivered", "issued"):
        raise Conflict(f"a redemption that is {red.fulfilment} cannot be cancelled", code="not_cancellable")
    if red.state == "pending_payment":
        from app.services.mall import orders

        await orders.close(rt, red)
    done = await mall.release(rt, red.id, from_states=("pending_payment", "completed"), to_state="cancelled",
                              reason=f"operator:{body.reason}", refund=True)
    if done is None:
        raise Conflict(f"the redemption is {red.state}", code="not_cancellable")
    return done

