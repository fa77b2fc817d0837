"""Coupons: issuing after payment (rules -> packages -> templates), the member wallet, redemption, revocation.

Concurrency and idempotency live in the database:
- issuing inserts the coupon under a unique `issue_key` (payment x rule x package item x n) and raises the
  template's `issued_count` with one conditional UPDATE (`stock_total IS NULL OR issued_count < stock_total`)
  in the same transaction, so a replayed notification issues nothing twice and stock is never oversold;
- redemption is `UPDATE ... WHERE state = 'issued'`: of any number of concurrent attempts exactly one wins;
- templates mapped to a WeChat Pay stock also write an outbox row in that transaction; the outbox calls
  the v3 coupon API later with `out_request_no` = the issue key (idempotent on WeChat Pay's side too).

Validity: `fixed` templates use their dates; `days` templates are valid for N Shanghai calendar days
counting the issue day. "expired" is never stored: it is `issued` past `valid_until`, computed on read.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from app.errors import Conflict, NotFound, ValidationFailed
from app.runtime import Runtime
from app.services import reconcile
from app.services.outbox import service as outbox
from app.sqlx import fetch
from app.wechatpay.client import WeChatPayRejected
from models import Coupon, CouponPackage, CouponRule, CouponTemplate, Member, Payment

log = logging.getLogger("jifen.coupons")

_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
STATES = ("issued", "used", "expired", "revoked")


class OutOfStock(Exception):
    pass


def new_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))


def state_of(coupon: Coupon, now: datetime) -> str:
    if coupon.state == "issued" and coupon.valid_until <= now:
        return "expired"
    return coupon.state


def discount_for(coupon: Coupon | CouponTemplate, order_fen: int) -> int:
    """What the coupon takes off an order of `order_fen` (never more than the order)."""
    if coupon.kind == "amount_off":
        return min(coupon.amount_off_fen or 0, order_fen)
    off = order_fen * (coupon.percent_off_bp or 0) // 10_000
    if coupon.max_discount_fen is not None:
        off = min(off, coupon.max_discount_fen)
    return min(off, order_fen)


def coupon_view(coupon: Coupon, now: datetime) -> dict[str, Any]:
    return {
        "code": coupon.code, "name": coupon.name, "kind": coupon.kind, "amount_off_fen": coupon.amount_off_fen,
        "percent_off_bp": coupon.percent_off_bp, "max_discount_fen": coupon.max_discount_fen,
        "min_spend_fen": coupon.min_spend_fen, "state": state_of(coupon, now),
        "valid_from": coupon.valid_from.isoformat(), "valid_until": coupon.valid_until.isoformat(),
        "issued_at": coupon.issued_at.isoformat(), "used_at": coupon.used_at.isoformat() if coupon.used_at else None,
        "discount_fen": coupon.discount_fen, "template_id": coupon.template_id, "payment_id": coupon.payment_id,
        "wechatpay": ({"stock_id": coupon.wxpay_stock_id, "coupon_id": coupon.wxpay_coupon_id,
                       "status": coupon.wxpay_status} if coupon.wxpay_stock_id else None),
    }


# -- issuing ------------------------------------------------------------------------------------------------
def validity_window(rt: Runtime, template: CouponTemplate, now: datetime) -> tuple[datetime, datetime] | None:
    """(valid_from, valid_until) for a coupon issued now; None when a fixed window has already ended."""
    if template.validity == "fixed":
        if template.valid_until is None or template.valid_until <= now:
            return None
        return template.valid_from or now, template.valid_until
    days = max(template.valid_days or 1, 1)
    return now, rt.clock.day_start(rt.clock.day_of(now) + timedelta(days=days))


@dataclass
class Issued:
    coupon: Coupon | None
    created: bool
    reason: str | None = None


async def issue(rt: Runtime, template: CouponTemplate, member: Member, issue_key: str, *, now: datetime,
                payment_id: int | None = None, rule_id: int | None = None) -> Issued:
    """Issue one coupon once per issue_key; stock and the WeChat Pay outbox row commit with it."""
    existing = await Coupon.get_or_none(issue_key=issue_key)
    if existing is not None:
        return Issued(existing, False)
    window = validity_window(rt, template, now)
    if window is None:
        return Issued(None, False, "template_expired")
    for _ in range(3):  # a code collision draws again
        try:
            async with in_transaction() as c:
                taken = await fetch(c, "UPDATE coupon_templates SET issued_count = issued_count + 1 WHERE id = $1 "
                                       "AND active = $2 AND (stock_total IS NULL OR issued_count < stock_total) "
                                       "RETURNING id", [template.id, True])
                if not taken:
                    raise OutOfStock()
                coupon = await Coupon.create(
                    code=new_code(), issue_key=issue_key, template_id=template.id, member_id=member.id,
                    payment_id=payment_id, rule_id=rule_id, name=template.name, kind=template.kind,
                    amount_off_fen=template.amount_off_fen, percent_off_bp=template.percent_off_bp,
                    max_discount_fen=template.max_discount_fen, min_spend_fen=template.min_spend_fen,
                    valid_from=window[0], valid_until=window[1], state="issued", issued_at=now,
                    wxpay_stock_id=template.stock_id, wxpay_out_request_no=issue_key if template.stock_id else None,
                    wxpay_status="pending" if template.stock_id else None, using_db=c)
                if template.stock_id:
                    await outbox.enqueue("wxpay_coupon", f"wxcoupon:{coupon.id}", {
                        "coupon_id": coupon.id, "openid": member.openid, "stock_id": template.stock_id,
                        "stock_creator_mchid": template.stock_creator_mchid, "out_request_no": issue_key,
                    }, now=now, member_id=member.id, c=c)
            return Issued(coupon, True)
        except OutOfStock:
            return Issued(None, False, "out_of_stock")
        except IntegrityError:
            existing = await Coupon.get_or_none(issue_key=issue_key)
            if existing is not None:
                return Issued(existing, False)
    raise RuntimeError("could not allocate a coupon code")


def rule_matches(rule: CouponRule, payment: Payment, is_first: bool) -> bool:
    if payment.payer_total_fen < rule.min_paid_fen:
        return False
    if rule.first_purchase_only and not is_first:
        return False
    if rule.tier_levels and (payment.tier_level or 0) not in rule.tier_levels:
        return False
    if rule.starts_at and payment.success_time < rule.starts_at:
        return False
    return not (rule.ends_at and payment.success_time >= rule.ends_at)


async def issue_for_payment(rt: Runtime, payment: Payment, member: Member, *, is_first: bool) -> list[Coupon]:
    """Every active rule the payment satisfies issues its package, at most once per payment per rule."""
    now = rt.clock.now()
    issued: list[Coupon] = []
    for rule in await CouponRule.filter(active=True).order_by("id"):
        if not rule_matches(rule, payment, is_first):
            continue
        package = await CouponPackage.get_or_none(id=rule.package_id, active=True)
        if package is None:
            continue
        for idx, item in enumerate(package.items or []):
            template = await CouponTemplate.get_or_none(id=int(item["template_id"]), active=True)
            if template is None:
                continue
            for n in range(max(int(item.get("quantity", 1)), 1)):
                key = f"pay-{payment.transaction_id}-r{rule.id}-i{idx}-n{n}"
                result = await issue(rt, template, member, key, now=now, payment_id=payment.id, rule_id=rule.id)
                if result.coupon is not None:
                    issued.append(result.coupon)
                elif result.reason:
                    log.info("coupon %s for payment %s not issued: %s", template.id, payment.transaction_id,
                             result.reason)
    return issued


async def revoke_for_payment(payment_id: int, now: datetime, reason: str) -> int:
    """Revoke a refunded payment's unused coupons. A WeChat Pay coupon already sent cannot be withdrawn
    through the API and stays; one not yet sent is revoked and the outbox skips it."""
    unsent = Q(wxpay_status__isnull=True) | Q(wxpay_status__in=("pending", "failed"))
    return await Coupon.filter(unsent, payment_id=payment_id, state="issued").update(
        state="revoked", revoked_at=now, revoke_reason=reason)


@outbox.sender("wxpay_coupon")
async def deliver_wxpay_coupon(rt: Runtime, msg: outbox.Claimed) -> None:
    """Outbox sender for `wxpay_coupon`: send through the v3 API and record WeChat Pay's coupon_id."""
    p = msg.payload
    coupon = await Coupon.get_or_none(id=int(p["coupon_id"]))
    if coupon is None or coupon.state == "revoked":  # e.g. its payment was refunded first
        raise outbox.Permanent("coupon revoked before it was sent")
    try:
        coupon_id = await rt.wechatpay.client.send_coupon(p["openid"], p["stock_id"], p["out_request_no"],
                                                          stock_creator_mchid=p.get("stock_creator_mchid"))
    except WeChatPayRejected as exc:
        await Coupon.filter(id=coupon.id).update(wxpay_status="failed", wxpay_error=str(exc)[:255])
        await Coupon.filter(id=coupon.id, state="issued").update(
            state="revoked", revoked_at=rt.clock.now(), revoke_reason=f"wechatpay:{exc.code}"[:64])
        raise outbox.Permanent(str(exc)) from exc
    except Exception as exc:
        await Coupon.filter(id=coupon.id).update(wxpay_error=f"{type(exc).__name__}: {exc}"[:255])
        raise
    await record_delivered(coupon.id, coupon_id)


SENT_AFTER_REVOKE = "late"
"""`wxpay_status` of a coupon WeChat Pay delivered after jifen revoked it (its payment was refunded in full
while the send was in flight): `state` stays `revoked` (jifen's decision), `wxpay_coupon_id` records what the
member holds in WeChat, and operators and `jifen reconcile` can tell it from one never sent."""


async def record_delivered(coupon_pk: int, wxpay_coupon_id: str) -> bool:
    """Record WeChat Pay's delivery. `sent` only while the coupon is not revoked (a conditional transition, so
    a revocation that committed during the call is never overwritten into "sent and revoked"); a coupon
    revoked meanwhile is recorded as delivered after revocation and flagged. True if it was still live."""
    if await Coupon.filter(id=coupon_pk).exclude(state="revoked").update(
            wxpay_coupon_id=wxpay_coupon_id, wxpay_status="sent", wxpay_error=None):
        return True
    await Coupon.filter(id=coupon_pk, state="revoked").update(
        wxpay_coupon_id=wxpay_coupon_id, wxpay_status=SENT_AFTER_REVOKE,
        wxpay_error="delivered by WeChat Pay after jifen revoked it (cannot be withdrawn through the API)")
    log.warning("WeChat Pay coupon %s (%s) was delivered after it was revoked", coupon_pk, wxpay_coupon_id)
    return False


@reconcile.check("wxpay_coupons_sent_after_revoke")
async def reconcile_sent_after_revoke(rt: Runtime, repair: bool) -> list[reconcile.Finding]:
    """Coupons marked both revoked and sent (what the unconditional sender used to write): WeChat Pay
    delivered them after the revocation. Repaired by flagging them as such (`wxpay_status` = late), the
    record `record_delivered` now writes at once; a flagged coupon is no longer a finding."""
    out = []
    for coupon in await Coupon.filter(state="revoked", wxpay_status="sent").order_by("id").limit(500):
        finding = reconcile.Finding(check="wxpay_coupons_sent_after_revoke", subject=f"coupon {coupon.id}",
                                    detail=f"revoked ({coupon.revoke_reason}) but delivered as WeChat Pay coupon "
                                           f"{coupon.wxpay_coupon_id}")
        if repair:
            await Coupon.filter(id=coupon.id, state="revoked", wxpay_status="sent").update(
                wxpay_status=SENT_AFTER_REVOKE,
                wxpay_error="delivered by WeChat Pay after jifen revoked it (cannot be withdrawn through the API)")
            finding.repaired = True
        out.append(finding)
    return out


# -- wallet and redemption ------------------------------------------------------------------------------------
async def wallet(rt: Runtime, member_id: int, state: str | None, limit: int, before_id: int | None) -> dict[str, Any]:
    now = rt.clock.now()
    q = Coupon.filter(member_id=member_id)
    if state == "issued":
        q = q.filter(state="issued", valid_until__gt=now)
    elif state == "expired":
        q = q.filter(state="issued", valid_until__lte=now)
    elif state in ("used", "revoked"):
        q = q.filter(state=state)
    if before_id is not None:
        q = q.filter(id__lt=before_id)
    rows = await q.order_by("-id").limit(limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return {"items": [coupon_view(c, now) for c in rows],
            "next_cursor": str(rows[-1].id) if more and rows else None}


CODE_MAX = 24  # the column's width: a longer code (a misread barcode) cannot be a coupon


async def get_by_code(code: str) -> Coupon:
    code = code.strip().upper()
    coupon = await Coupon.get_or_none(code=code) if 0 < len(code) <= CODE_MAX else None
    if coupon is None:
        raise NotFound("no coupon with this code", code="coupon_not_found")
    return coupon


def _unusable(coupon: Coupon, now: datetime, order_fen: int | None) -> Conflict | ValidationFailed | None:
    state = state_of(coupon, now)
    if state != "issued":
        return Conflict(f"the coupon is {state}", code=f"coupon_{state}")
    if coupon.valid_from > now:
        return Conflict("the coupon is not valid yet", code="coupon_not_yet_valid")
    if coupon.wxpay_stock_id:
        return Conflict("a WeChat Pay coupon is used when paying with WeChat Pay", code="coupon_wechatpay_only")
    if order_fen is not None and order_fen < coupon.min_spend_fen:
        return ValidationFailed(f"the order must be at least {coupon.min_spend_fen} fen", code="min_spend_not_met",
                                details=[{"field": "order_amount_fen", "message": "below the coupon's minimum spend"}])
    return None


async def check(rt: Runtime, code: str, order_fen: int | None) -> dict[str, Any]:
    """What a till sees before redeeming: the coupon, whether it is usable, and its discount."""
    now = rt.clock.now()
    coupon = await get_by_code(code)
    problem = _unusable(coupon, now, order_fen)
    return {"coupon": coupon_view(coupon, now), "usable": problem is None,
            "reason": problem.code if problem else None,
            "discount_fen": discount_for(coupon, order_fen) if order_fen is not None and problem is None else None}


def _order_required(coupon: Coupon) -> bool:
    """A till must say what the order comes to when the coupon depends on it: a minimum spend cannot be
    checked, nor a percentage discount recorded, without it. A plain amount-off coupon without a minimum
    spend may be redeemed without one (a till that only scans the coupon): its face value is recorded."""
    return coupon.min_spend_fen > 0 or coupon.kind != "amount_off"


async def redeem(rt: Runtime, code: str, staff_id: int, order_fen: int | None, order_no: str | None) -> dict[str, Any]:
    """Mark the coupon used; exactly one of any number of concurrent redemptions succeeds."""
    now = rt.clock.now()
    coupon = await get_by_code(code)
    if problem := _unusable(coupon, now, order_fen):
        raise problem
    if order_fen is None and _order_required(coupon):
        raise ValidationFailed("this coupon needs the order amount (minimum spend or a percentage discount)",
                               code="order_amount_required",
                               details=[{"field": "order_amount_fen", "message": "required for this coupon"}])
    discount = discount_for(coupon, order_fen) if order_fen is not None else coupon.amount_off_fen
    won = await Coupon.filter(id=coupon.id, state="issued", valid_until__gt=now).update(
        state="used", used_at=now, used_by_staff_id=staff_id, used_order_no=order_no, used_order_fen=order_fen,
        discount_fen=discount)
    if not won:
        coupon = await Coupon.get(id=coupon.id)
        state = state_of(coupon, now)
        raise Conflict(f"the coupon is {state}", code=f"coupon_{state}")
    coupon = await Coupon.get(id=coupon.id)
    return {"coupon": coupon_view(coupon, now), "discount_fen": discount}
