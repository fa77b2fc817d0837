"""The points mall: catalogue, redemption (pure points or points + cash), cancellation, fulfilment.

Points move only through the ledger. A redemption's points are one ledger spend keyed `mall:<redemption id>`
(FIFO over the member's lots, linked by spend allocations); giving them back is `reverse_spend` under
`mall-return:<redemption id>`, which restores exactly those lots with their original expiry and lets the part
of an expired lot lapse again at once (never revived). A points + cash "hold" is that same spend made before
the payment: the member cannot spend the points twice because they are spent; payment success lets the
spend stand, a timeout or a cancel reverses it.

One transaction per redemption, under the member's row lock (`ledger.lock_member`, the lock every ledger
writer takes first): the Idempotency-Key check, the per-member limits (per Shanghai day, per campaign,
lifetime), the redemption row (unique (member, idem_key): the Idempotency-Key needs no store of its own), the
spend, the conditional stock UPDATE (`stock > 0`, so it never oversells) and the fulfilment (coupon issued,
code assigned, slot booked, gift ordered) commit together or not at all.

Points + cash (docs/wechat-protocols.md §6.5): the hold commits first, then the JSAPI order is created
outside the transaction (`out_trade_no` = `JFM…`, `attach` = the redemption id) and the signed
`wx.requestPayment` parameters are answered; `orders.py` completes it on TRANSACTION.SUCCESS, releases it on
timeout or cancel, and refunds a payment that arrives after the release.

Budget guard: redeeming issues no points (it spends points the budget already counted when they were
awarded), and the cash part is the member's money, so nothing here is charged to the points budget.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, Field
from tortoise.transactions import in_transaction

from app.clock import SHANGHAI
from app.db import conn
from app.errors import (
    ApiError,
    Conflict,
    Forbidden,
    InsufficientPoints,
    NotFound,
    ServiceUnavailable,
    ValidationFailed,
)
from app.runtime import Runtime
from app.services.coupons import service as coupon_service
from app.services.points import ledger
from app.services.points.calc import campaign_applies
from app.sqlx import INTEGRITY_ERRORS, execute, fetch, fetchrow, row_lock
from app.wechatpay.client import WeChatPayError
from models import Campaign, CouponPackage, CouponTemplate, MallAddress, MallRedemption, MallReward, MallSlot, Member

log = logging.getLogger("jifen.mall")

ORDER_PREFIX = "JFM"
"""out_trade_no prefix of mall JSAPI orders: how the shared notify route tells them from shop payments."""

LIVE_STATES = ("pending_payment", "completed")
"""Redemptions that count against stock and limits (released or refunded ones gave theirs back)."""

KINDS = ("coupon", "gift", "service", "virtual")


def spend_key(redemption_id: int) -> str:
    return f"mall:{redemption_id}"


def return_key(redemption_id: int) -> str:
    return f"mall-return:{redemption_id}"


def is_mall_order(out_trade_no: str | None) -> bool:
    return bool(out_trade_no) and str(out_trade_no).startswith(ORDER_PREFIX)


class RedeemIn(BaseModel):
    reward_id: int = Field(ge=1, le=2**53)
    address_id: int | None = Field(default=None, ge=1, le=2**53, description="gifts: where to ship")
    slot_id: int | None = Field(default=None, ge=1, le=2**53, description="services: the booked slot")


def request_hash(body: RedeemIn) -> str:
    raw = json.dumps(body.model_dump(), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode()).hexdigest()


# -- catalogue ----------------------------------------------------------------------------------------------
async def is_member_day(now: datetime, tier_level: int = 0) -> bool:
    """A member day (or month) is any active campaign that applies now, whatever its events."""
    for c in await Campaign.filter(active=True):
        if campaign_applies(c, c.events[0] if c.events else "", tier_level if not c.tier_levels else
                            c.tier_levels[0], now):
            return True
    return False


def displayed(r: MallReward, now: datetime) -> bool:
    return r.active and not (r.display_from and now < r.display_from) and not (
        r.display_until and now >= r.display_until)


@dataclass
class Counts:
    today: int = 0
    life: int = 0
    campaign: int = 0


async def member_counts(c: Any, member_id: int, day: Any) -> tuple[dict[int, Counts], dict[str, int]]:
    """This member's live redemptions: per reward (today, lifetime) and per campaign tag."""
    rows = await fetch(c, "SELECT reward_id, campaign, day, COUNT(*) AS n FROM mall_redemptions WHERE member_id = $1 "
                          f"AND state IN ('{LIVE_STATES[0]}', '{LIVE_STATES[1]}') GROUP BY reward_id, campaign, day",
                       [member_id])
    per: dict[int, Counts] = {}
    camp: dict[str, int] = {}
    for r in rows:
        n = int(r["n"])
        cnt = per.setdefault(int(r["reward_id"]), Counts())
        cnt.life += n
        if str(r["day"]) == str(day):
            cnt.today += n
        if r["campaign"]:
            camp[r["campaign"]] = camp.get(r["campaign"], 0) + n
    return per, camp


def refusal(r: MallReward, member_tier: int, now: datetime, counts: Counts, campaign_count: int) -> ApiError | None:
    """Why this member may not redeem this reward now (None: allowed, affordability aside)."""
    if not displayed(r, now):
        return NotFound("no such reward", code="reward_not_found")
    if member_tier < r.min_tier:
        return Forbidden(f"this reward needs tier {r.min_tier}", code="tier_too_low")
    if (r.redeem_from and now < r.redeem_from) or (r.redeem_until and now >= r.redeem_until):
        return Conflict("this reward cannot be redeemed at this time", code="not_redeemable_now")
    if r.stock is not None and r.stock <= 0:
        return Conflict("out of stock", code="out_of_stock")
    if r.limit_per_day is not None and counts.today >= r.limit_per_day:
        return Conflict("daily limit reached for this reward", code="limit_per_day")
    if r.limit_lifetime is not None and counts.life >= r.limit_lifetime:
        return Conflict("limit reached for this reward", code="limit_lifetime")
    if r.limit_per_campaign is not None and r.campaign and campaign_count >= r.limit_per_campaign:
        return Conflict("limit reached for this campaign", code="limit_per_campaign")
    return None


def reward_view(r: MallReward, *, featured: bool | None = None) -> dict[str, Any]:
    return {
        "id": r.id, "name": r.name, "description": r.description, "image_url": r.image_url, "category": r.category,
        "kind": r.kind, "points": r.points, "cash_fen": r.cash_fen, "min_tier": r.min_tier, "stock": r.stock,
        "redeemed_count": r.redeemed_count, "limit_per_day": r.limit_per_day,
        "limit_per_campaign": r.limit_per_campaign, "limit_lifetime": r.limit_lifetime, "campaign": r.campaign,
        "display_from": _iso(r.display_from), "display_until": _iso(r.display_until),
        "redeem_from": _iso(r.redeem_from), "redeem_until": _iso(r.redeem_until), "sort": r.sort,
        "featured": r.featured if featured is None else featured, "featured_on_member_day": r.featured_on_member_day,
        "coupon_template_id": r.coupon_template_id, "coupon_package_id": r.coupon_package_id, "active": r.active,
    }


def _iso(v: datetime | None) -> str | None:
    return v.isoformat() if v else None


SORTS = {"default": None, "points_asc": ("points", False), "points_desc": ("points", True),
         "newest": ("id", True)}


async def list_rewards(rt: Runtime, member_id: int, *, category: str | None, kind: str | None,
                       affordable: bool | None, featured: bool | None, sort: str, page: int, size: int,
                       ) -> dict[str, Any]:
    """The catalogue as this member sees it: displayed rewards, each with can_afford, allowed and reason.
    Featured first (always-featured ones, and member-day ones on a member day), then the marketer's order."""
    now = rt.clock.now()
    member = await Member.get(id=member_id)
    member_day = await is_member_day(now, member.tier_level)
    q = MallReward.filter(active=True)
    if category:
        q = q.filter(category=category)
    if kind:
        q = q.filter(kind=kind)
    rewards = [r for r in await q if displayed(r, now)]
    per, camp = await member_counts(conn(), member_id, rt.clock.day_of(now))
    items = []
    for r in rewards:
        feat = r.featured or (member_day and r.featured_on_member_day)
        why = refusal(r, member.tier_level, now, per.get(r.id, Counts()), camp.get(r.campaign or "", 0))
        can_afford = member.balance >= r.points
        if affordable is not None and can_afford != affordable:
            continue
        if featured is not None and feat != featured:
            continue
        items.append((r, feat, {**reward_view(r, featured=feat), "can_afford": can_afford,
                                "allowed": why is None, "reason": why.code if why else None}))
    order = SORTS[sort]
    if order is None:
        items.sort(key=lambda x: (not x[1], -x[0].sort, x[0].id))
    else:
        items.sort(key=lambda x: (not x[1], getattr(x[0], order[0]) * (-1 if order[1] else 1), x[0].id))
    total = len(items)
    chunk = items[(page - 1) * size: page * size]
    return {"items": [x[2] for x in chunk], "page": page, "size": size, "total": total,
            "member_day": member_day, "balance": member.balance}


async def get_reward(rt: Runtime, member_id: int, reward_id: int) -> dict[str, Any]:
    now = rt.clock.now()
    r = await MallReward.get_or_none(id=reward_id)
    if r is None or not displayed(r, now):
        raise NotFound("no such reward", code="reward_not_found")
    member = await Member.get(id=member_id)
    per, camp = await member_counts(conn(), member_id, rt.clock.day_of(now))
    why = refusal(r, member.tier_level, now, per.get(r.id, Counts()), camp.get(r.campaign or "", 0))
    feat = r.featured or (r.featured_on_member_day and await is_member_day(now, member.tier_level))
    slots = []
    if r.kind == "service":
        slots = [{"id": s.id, "starts_at": s.starts_at.isoformat(), "capacity": s.capacity,
                  "left": s.capacity - s.taken} for s in await MallSlot.filter(reward_id=r.id).order_by("starts_at")]
    return {**reward_view(r, featured=feat), "can_afford": member.balance >= r.points, "allowed": why is None,
            "reason": why.code if why else None, "slots": slots}


# -- redemption -----------------------------------------------------------------------------------------------
def redemption_view(red: MallRedemption) -> dict[str, Any]:
    return {
        "id": red.id, "reward_id": red.reward_id, "reward_name": red.reward_name, "kind": red.kind,
        "points": red.points, "cash_fen": red.cash_fen, "state": red.state, "fulfilment": red.fulfilment,
        "out_trade_no": red.out_trade_no, "transaction_id": red.transaction_id, "hold_until": _iso(red.hold_until),
        "paid_at": _iso(red.paid_at), "late_payment": red.late_payment, "refund_state": red.refund_state,
        "address": red.address, "slot_id": red.slot_id, "coupon_ids": red.coupon_ids, "code": red.code,
        "carrier": red.carrier, "tracking_no": red.tracking_no, "shipped_at": _iso(red.shipped_at),
        "delivered_at": _iso(red.delivered_at), "completed_at": _iso(red.completed_at),
        "cancelled_at": _iso(red.cancelled_at), "cancel_reason": red.cancel_reason,
        "created_at": red.created_at.isoformat(), "member_id": red.member_id,
    }


class _Replay(Exception):
    pass


@dataclass
class Redeemed:
    redemption: MallRedemption
    created: bool
    payment: dict[str, str] | None = None

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {"redemption": redemption_view(self.redemption)}
        if self.payment is not None:
            out["payment"] = self.payment
        return out


async def redeem(rt: Runtime, member_id: int, idem_key: str, body: RedeemIn) -> Redeemed:
    """Redeem once per (member, Idempotency-Key); the same key with another body is refused (422)."""
    digest = request_hash(body)
    # hand-written read, as the login's member read: the ORM's query building was ~half the CPU of this read
    row = await fetchrow(conn(), "SELECT * FROM mall_rewards WHERE id = $1", [body.reward_id])
    reward = MallReward._init_from_db(**dict(row)) if row is not None else None
    now = rt.clock.now()
    if reward is None or not displayed(reward, now):
        found = await MallRedemption.get_or_none(member_id=member_id, idem_key=idem_key)
        if found is not None:  # a replay after the reward was withdrawn still answers the redemption
            return await _replay(rt, found, digest)
        raise NotFound("no such reward", code="reward_not_found")
    day = rt.clock.day_of(now)
    cash = reward.cash_fen > 0
    limited = reward.limit_per_day or reward.limit_lifetime or reward.limit_per_campaign
    try:
        async with in_transaction() as c:
            locked = await ledger.lock_member(c, member_id)
            now_row = await fetchrow(c, "SELECT (SELECT id FROM mall_redemptions WHERE member_id = $1 AND "
                                        "idem_key = $2) AS dup, (SELECT stock FROM mall_rewards WHERE id = $3) "
                                        "AS stock", [member_id, idem_key, reward.id])
            if now_row["dup"] is not None:
                raise _Replay()
            reward.stock = now_row["stock"]  # as committed now: in a burst, losers stop here, before any write
            per, camp = await member_counts(c, member_id, day) if limited else ({}, {})
            if why := refusal(reward, int(locked["tier_level"]), now, per.get(reward.id, Counts()),
                              camp.get(reward.campaign or "", 0)):
                raise why
            address = await _address_for(c, reward, member_id, body)
            if reward.kind == "service" and body.slot_id is None:
                raise ValidationFailed("choose a slot", code="slot_required",
                                       details=[{"field": "slot_id", "message": "required"}])
            if int(locked["balance"]) < reward.points:  # the ledger decides below; this saves the inserts
                raise InsufficientPoints(f"needs {reward.points} points, has {max(int(locked['balance']), 0)}",
                                         details={"required": reward.points, "balance": int(locked["balance"])})
            red = await _insert_redemption(
                c, member_id=member_id, reward_id=reward.id, idem_key=idem_key, request_hash=digest,
                kind=reward.kind, reward_name=reward.name, points=reward.points, cash_fen=reward.cash_fen,
                campaign=reward.campaign, day=day, state="pending_payment" if cash else "completed",
                fulfilment=None if cash else {"gift": "ordered", "service": "booked"}.get(reward.kind),
                out_trade_no=f"{ORDER_PREFIX}{secrets.token_hex(10).upper()}" if cash else None,
                hold_until=now + timedelta(minutes=rt.settings.mall.hold_minutes) if cash else None,
                late_payment=False, address=address, slot_id=body.slot_id, completed_at=None if cash else now,
                created_at=now, updated_at=now)
            await ledger.spend_locked(c, member_id, reward.points, spend_key(red.id), now=now,
                                      source=f"mall:{red.id}", event="mall_hold" if cash else "mall_redeem",
                                      trace={"reward_id": reward.id, "redemption_id": red.id,
                                             "cash_fen": reward.cash_fen}, fresh_key=True)
            if not await fetch(c, "UPDATE mall_rewards SET stock = stock - 1, redeemed_count = redeemed_count + 1 "
                                  "WHERE id = $1 AND (stock IS NULL OR stock > 0) RETURNING id", [reward.id]):
                raise Conflict("out of stock", code="out_of_stock")
            if body.slot_id is not None:
                await _book_slot(c, reward, body.slot_id)
            if not cash and reward.kind in ("coupon", "virtual"):
                await fulfil(rt, c, red, reward, await Member.get(id=member_id).using_db(c), now)
                await red.save(using_db=c, update_fields=["coupon_ids", "code", "fulfilment"])
    except _Replay:
        return await _replay(rt, await MallRedemption.get(member_id=member_id, idem_key=idem_key), digest)
    except INTEGRITY_ERRORS:
        found = await MallRedemption.get_or_none(member_id=member_id, idem_key=idem_key)
        if found is None:
            raise
        return await _replay(rt, found, digest)
    if red.state == "pending_payment":
        from app.services.mall import orders

        return Redeemed(red, True, await orders.prepay(rt, red, await Member.get(id=member_id)))
    return Redeemed(red, True)


async def _insert_redemption(c: Any, **cols: Any) -> MallRedemption:
    """The redemption row by one hand-written INSERT (the hot path; the ORM's create costs more CPU than the
    statement), returned as the model the rest of the code uses."""
    names = list(cols)
    marks = ", ".join(f"${i + 1}" for i in range(len(names)))
    row = await fetchrow(c, f"INSERT INTO mall_redemptions ({', '.join(names)}) VALUES ({marks}) RETURNING id",
                         list(cols.values()))
    return MallRedemption.construct(_saved_in_db=True, id=int(row["id"]), **cols)


async def _replay(rt: Runtime, red: MallRedemption, digest: str) -> Redeemed:
    if red.request_hash != digest:
        raise ValidationFailed("this Idempotency-Key was used for another request", code="idempotency_key_reused")
    if red.state == "pending_payment":
        from app.services.mall import orders

        return Redeemed(red, False, await orders.prepay(rt, red, await Member.get(id=red.member_id)))
    return Redeemed(red, False)


async def _address_for(c: Any, reward: MallReward, member_id: int, body: RedeemIn) -> dict[str, Any] | None:
    """The gift's delivery address, copied onto the redemption: the one named, else the member's default."""
    if reward.kind != "gift":
        return None
    cols = "SELECT name, phone, region, detail FROM mall_addresses WHERE member_id = $1"
    if body.address_id is not None:
        row = await fetchrow(c, f"{cols} AND id = $2", [member_id, body.address_id])
    else:
        row = await fetchrow(c, f"{cols} ORDER BY is_default DESC, id DESC LIMIT 1", [member_id])
    if row is None:
        raise ValidationFailed("a gift needs a delivery address", code="address_required",
                               details=[{"field": "address_id", "message": "no such address of yours"}])
    return {k: str(row[k]) for k in ("name", "phone", "region", "detail")}


async def _book_slot(c: Any, reward: MallReward, slot_id: int) -> None:
    if reward.kind != "service":
        raise ValidationFailed("only services have slots", code="slot_not_applicable")
    if not await fetch(c, "UPDATE mall_slots SET taken = taken + 1 WHERE id = $1 AND reward_id = $2 "
                          "AND taken < capacity RETURNING id", [slot_id, reward.id]):
        if not await MallSlot.filter(id=slot_id, reward_id=reward.id).exists():
            raise NotFound("no such slot", code="slot_not_found")
        raise Conflict("this slot is full", code="slot_full")


async def fulfil(rt: Runtime, c: Any, red: MallRedemption, reward: MallReward, member: Member,
                 now: datetime) -> None:
    """Deliver what was redeemed inside the redemption's transaction (Conflict rolls the whole redemption back)."""
    if reward.kind == "coupon":
        templates: list[tuple[CouponTemplate | None, int]] = []
        if reward.coupon_package_id:
            pkg = await CouponPackage.get_or_none(id=reward.coupon_package_id, active=True)
            for item in (pkg.items if pkg else []) or []:
                templates.append((await CouponTemplate.get_or_none(id=int(item["template_id"]), active=True),
                                  max(int(item.get("quantity", 1)), 1)))
        elif reward.coupon_template_id:
            templates.append((await CouponTemplate.get_or_none(id=reward.coupon_template_id, active=True), 1))
        ids = []
        for idx, (tpl, qty) in enumerate(templates):
            if tpl is None:
                raise Conflict("the reward's coupon is no longer available", code="coupon_unavailable")
            for n in range(qty):
                issued = await coupon_service.issue(rt, tpl, member, f"mall-{red.id}-i{idx}-n{n}", now=now)
                if issued.coupon is None:
                    raise Conflict(f"the reward's coupon cannot be issued ({issued.reason})",
                                   code="coupon_unavailable")
                ids.append(issued.coupon.id)
        if not ids:
            raise Conflict("the reward has no coupon to issue", code="coupon_unavailable")
        red.coupon_ids, red.fulfilment = ids, "issued"
    elif reward.kind == "virtual":
        # a scalar subquery runs once, so this pick of one code needs no CTE (app/sqlx.py, "Claims")
        row = await fetchrow(c, "UPDATE mall_codes SET redemption_id = $1 WHERE id = (SELECT id FROM mall_codes "
                                "WHERE reward_id = $2 AND redemption_id IS NULL ORDER BY id LIMIT 1"
                                f"{row_lock(c, skip_locked=True)}) "
                                "RETURNING code", [red.id, reward.id])
        if row is None:
            raise Conflict("no code left for this reward", code="out_of_stock")
        red.code, red.fulfilment = str(row["code"]), "issued"
    elif reward.kind == "service":
        red.fulfilment = "booked"
    else:
        red.fulfilment = "ordered"


# -- giving points back -----------------------------------------------------------------------------------------
async def release(rt: Runtime, redemption_id: int, *, from_states: tuple[str, ...], to_state: str, reason: str,
                  refund: bool = False) -> MallRedemption | None:
    """Undo a redemption once: state moves conditionally, the spend is reversed to its lots, stock and slot
    go back, and a paid cash part is refunded through the outbox (`mall_refund`), all in one transaction.
    None when another path moved it first."""
    from app.services.mall import orders

    now = rt.clock.now()
    red = await MallRedemption.get(id=redemption_id)
    async with in_transaction() as c:
        await ledger.lock_member(c, red.member_id)
        red = await MallRedemption.get(id=redemption_id, using_db=c)  # as the lock holder sees it
        marks = ", ".join(f"'{s}'" for s in from_states)
        fulfilment = "cancelled" if red.kind == "gift" else red.fulfilment
        row = await fetchrow(c, f"UPDATE mall_redemptions SET state = $2, cancelled_at = $3, cancel_reason = $4, "
                                f"fulfilment = $5, updated_at = $3 WHERE id = $1 AND state IN ({marks}) RETURNING id",
                             [red.id, to_state, now, reason[:64], fulfilment])
        if row is None:
            return None
        await ledger.reverse_spend(red.member_id, spend_key(red.id), return_key(red.id), now=now,
                                   source=f"mall:{red.id}")
        await execute(c, "UPDATE mall_rewards SET stock = stock + 1, redeemed_count = redeemed_count - 1 "
                         "WHERE id = $1 AND stock IS NOT NULL", [red.reward_id])
        await execute(c, "UPDATE mall_rewards SET redeemed_count = redeemed_count - 1 WHERE id = $1 "
                         "AND stock IS NULL", [red.reward_id])
        if red.slot_id is not None:
            await execute(c, "UPDATE mall_slots SET taken = taken - 1 WHERE id = $1 AND taken > 0", [red.slot_id])
        if refund and red.transaction_id and red.cash_fen > 0 and red.refund_state is None:
            await orders.enqueue_refund(c, red, now, reason)
    return await MallRedemption.get(id=red.id)


async def cancel_by_member(rt: Runtime, member_id: int, redemption_id: int) -> MallRedemption:
    """Unpaid: close the order, then release the hold. Completed gift not shipped / service: cancel, the points
    return to their lots and a paid cash part is refunded. Anything delivered already cannot be cancelled."""
    from app.services.mall import orders

    red = await MallRedemption.get_or_none(id=redemption_id, member_id=member_id)
    if red is None:
        raise NotFound("no such redemption", code="redemption_not_found")
    if red.state == "pending_payment":
        await orders.close(rt, red)
        done = await release(rt, red.id, from_states=("pending_payment",), to_state="cancelled", reason="member")
    elif red.state == "completed" and (red.kind in ("gift", "service") and red.fulfilment in ("ordered", "booked")):
        done = await release(rt, red.id, from_states=("completed",), to_state="cancelled", reason="member",
                             refund=True)
    else:
        raise Conflict(f"a {red.kind} redemption that is {red.fulfilment or red.state} cannot be cancelled",
                       code="not_cancellable")
    if done is None:
        raise Conflict("the redemption changed meanwhile; look again", code="not_cancellable")
    return done


async def my_redemptions(member_id: int, state: str | None, limit: int, cursor: int | None) -> dict[str, Any]:
    q = MallRedemption.filter(member_id=member_id)
    if state:
        q = q.filter(state=state)
    if cursor:
        q = q.filter(id__lt=cursor)
    rows = await q.order_by("-id").limit(limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return {"items": [redemption_view(r) for r in rows], "next_cursor": str(rows[-1].id) if more and rows else None}


async def my_redemption(member_id: int, redemption_id: int) -> dict[str, Any]:
    red = await MallRedemption.get_or_none(id=redemption_id, member_id=member_id)
    if red is None:
        raise NotFound("no such redemption", code="redemption_not_found")
    return redemption_view(red)


# -- address book -------------------------------------------------------------------------------------------------
class AddressIn(BaseModel):
    name: str = Field(min_length=1, max_length=32)
    phone: str = Field(min_length=5, max_length=20, pattern=r"^[0-9+\- ]+$")
    region: str = Field(min_length=1, max_length=64)
    detail: str = Field(min_length=1, max_length=128)
    is_default: bool = False


def address_view(a: MallAddress) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "phone": a.phone, "region": a.region, "detail": a.detail,
            "is_default": a.is_default}


async def add_address(member_id: int, body: AddressIn) -> dict[str, Any]:
    if await MallAddress.filter(member_id=member_id).count() >= 20:
        raise Conflict("at most 20 addresses", code="too_many_addresses")
    async with in_transaction():
        if body.is_default:
            await MallAddress.filter(member_id=member_id).update(is_default=False)
        a = await MallAddress.create(member_id=member_id, **body.model_dump())
    return address_view(a)


async def list_addresses(member_id: int) -> dict[str, Any]:
    rows = await MallAddress.filter(member_id=member_id).order_by("-is_default", "-id")
    return {"items": [address_view(a) for a in rows]}


def hold_expire_rfc3339(red: MallRedemption) -> str | None:
    return red.hold_until.astimezone(SHANGHAI).isoformat(timespec="seconds") if red.hold_until else None


def unavailable(exc: WeChatPayError) -> ServiceUnavailable:
    return ServiceUnavailable(f"WeChat Pay: {exc.code or exc.message}", code="wechatpay_unavailable")
