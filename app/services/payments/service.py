"""WeChat Pay v3 payment results: record payments and refunds, award points, issue coupons, queue pushes.

Notify flow — idempotent steps, acknowledged last. `award()` and the ledger commit their own statements, so
one big transaction is impossible; instead every step is keyed so that re-running it is a no-op, and
`POST /wechatpay/notify` answers 2xx only after all of them returned. Any failure answers 5xx and WeChat
Pay's retry re-runs the remaining steps (those already done find their key and do nothing):

  1. verify (docs/wechat-protocols.md §6.2: known serial, |wall clock − timestamp| < 300 s, RSA signature over the
     raw body), decrypt, check mchid/appid — a failure answers 4xx and records nothing;
  2. log the notification           unique notification_id (a processed id is acknowledged at once)
  3. record the payment             unique transaction_id   (or the refund: unique refund_id, out_refund_no)
  4. link the payer by openid       conditional UPDATE where member_id IS NULL
 4b. the payer's guide              unique member_guides.member_id (`staff.assignment`; before the credit, so
                                    the push names the guide)
  5. purchase points + growth       award idem key  pay:<transaction_id>
  6. first-purchase bonus           award idem key  first_purchase (once per member; an award that gives up on
                                    contention fails its step, so the payment is never credited without it)
     "first purchase"               the payment holding the ledger key first_purchase (decided once, under the
                                    member's lock, also when no bonus is posted: `decide_first_purchase`)
  7. coupons                        unique coupon issue_key pay-<transaction_id>-r<rule>-i<item>-n<n>, stock
                                    and the WeChat Pay outbox row in the coupon's own transaction
  8. subscribe message              outbox dedupe_key pay-push:<transaction_id>
  9. mark credited                  credited_at set where NULL; then pending refunds are applied
 10. mark the notification processed

On PostgreSQL the common TRANSACTION.SUCCESS (the payer is a member, plain purchase and first-purchase rules, a
budget below its warning line, coupon templates in stock, no refund first) skips steps 2-10:
`one_statement.credit` writes all of it in one atomic statement after one read, and anything unusual falls back
to the steps above.

What a crash between two commits can strand (a refund never clawed back after `credited_at` committed, a
payment never credited once WeChat Pay stops retrying) is found and repaired by `jifen reconcile` through the
same keyed calls (the checks at the end of this module).

Concurrent identical deliveries run the same steps side by side; the unique constraints decide, so points,
coupons and pushes happen once. A payer who is not a member yet stays at step 4 and is credited (steps 4-9)
when they register within `[payments] link_window_days` (`credit_new_member`, called by the registration hook)
or by the `payments_credit_pending` job.

Refunds claw back points and growth in proportion to the refunded amount: refund k takes
floor(E·R_k/P) − (what refunds before it took), with E what the payment earned (purchase + the first-purchase
bonus it triggered), R_k the cumulative refunded payer amount and P the payer total; a full refund takes
exactly E. Each refund's share is planned once under the payment's row lock and stored on the refund row,
then applied by `ledger.clawback` under the idem key refund:<refund_id>, so the total never exceeds E.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.db import conn
from app.runtime import Runtime
from app.services import reconcile
from app.services.coupons import service as coupon_service
from app.services.mall import orders as mall_orders
from app.services.outbox import service as outbox
from app.services.payments import one_statement
from app.services.payments import push as payment_push
from app.services.points import ledger
from app.services.points.engine import award
from app.services.staff import assignment
from app.sqlx import INTEGRITY_ERRORS, execute, fetch, fetchrow, row_lock
from app.wechatpay.crypto import Notification, NotificationBadRequest, WeChatPayNotificationError
from models import Coupon, CouponRule, Member, Payment, PaymentRefund, WeChatPayNotification

log = logging.getLogger("jifen.payments")

HANDLED_EVENTS = ("TRANSACTION.SUCCESS", "REFUND.SUCCESS")


class MerchantMismatch(WeChatPayNotificationError):
    """A genuine notification for another merchant or app: configuration is wrong, nothing is recorded."""

    code = "MERCHANT_MISMATCH"


class AwardGaveUp(RuntimeError):
    """An award of the payment lost every retry to concurrent awards: the step failed, so the payment stays
    uncredited and is settled again (WeChat Pay's retry, `payments_credit_pending`, `jifen reconcile`)."""


@dataclass
class NotifyOutcome:
    status: str  # processed | duplicate | ignored
    event_type: str
    ref: str | None


@dataclass(frozen=True)
class Txn:
    transaction_id: str
    out_trade_no: str
    mchid: str
    appid: str
    openid: str
    trade_type: str
    trade_state: str
    total: int
    payer_total: int
    currency: str
    success_time: datetime
    attach: str | None


@dataclass(frozen=True)
class Refund:
    refund_id: str
    out_refund_no: str
    transaction_id: str
    out_trade_no: str
    mchid: str
    status: str
    refund: int
    payer_refund: int
    total: int
    payer_total: int
    success_time: datetime | None


# -- parsing the decrypted resources ----------------------------------------------------------------------------
def _str(data: Mapping[str, Any], key: str, *, required: bool = True) -> str:
    value = data.get(key)
    if isinstance(value, str) and value:
        return value
    if required:
        raise NotificationBadRequest(f"resource lacks {key}")
    return ""


def _fen(data: Mapping[str, Any], key: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise NotificationBadRequest(f"resource amount.{key} is not a non-negative integer")
    return value


def _time(value: Any) -> datetime:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise NotificationBadRequest(f"bad RFC 3339 time {value!r}") from exc
    if moment.tzinfo is None:
        raise NotificationBadRequest(f"time without offset {value!r}")
    return moment


def parse_transaction(r: Mapping[str, Any]) -> Txn:
    amount, payer = r.get("amount"), r.get("payer")
    if not isinstance(amount, dict) or not isinstance(payer, dict):
        raise NotificationBadRequest("transaction lacks amount or payer")
    total = _fen(amount, "total")
    attach = r.get("attach") if isinstance(r.get("attach"), str) and r.get("attach") else None
    return Txn(transaction_id=_str(r, "transaction_id"), out_trade_no=_str(r, "out_trade_no"), mchid=_str(r, "mchid"),
               appid=_str(r, "appid"), openid=_str(payer, "openid"), trade_type=_str(r, "trade_type", required=False),
               trade_state=_str(r, "trade_state"), total=total, payer_total=_fen(amount, "payer_total", total),
               currency=str(amount.get("currency") or "CNY"), success_time=_time(r.get("success_time")),
               attach=attach[:255] if attach else None)


def parse_refund(r: Mapping[str, Any]) -> Refund:
    amount = r.get("amount")
    if not isinstance(amount, dict):
        raise NotificationBadRequest("refund lacks amount")
    refund, total = _fen(amount, "refund"), _fen(amount, "total")
    return Refund(refund_id=_str(r, "refund_id"), out_refund_no=_str(r, "out_refund_no"),
                  transaction_id=_str(r, "transaction_id"), out_trade_no=_str(r, "out_trade_no", required=False),
                  mchid=_str(r, "mchid"), status=_str(r, "refund_status"), refund=refund,
                  payer_refund=_fen(amount, "payer_refund", refund), total=total,
                  payer_total=_fen(amount, "payer_total", total),
                  success_time=_time(r["success_time"]) if r.get("success_time") else None)


# -- the notification ----------------------------------------------------------------------------------------
async def handle_notification(rt: Runtime, headers: Mapping[str, str], body: bytes) -> NotifyOutcome:
    """Verify, dedupe and process one notification. WeChatPayNotificationError = reject (4xx, nothing
    recorded); any other exception = retry later (5xx); returning = every step has committed."""
    wp = rt.wechatpay
    note = wp.verifier.verify_and_decrypt(headers, body, now=time.time())  # wall clock, never the business clock
    parsed: Txn | Refund | None = None
    if note.event_type == "TRANSACTION.SUCCESS":
        parsed = parse_transaction(note.resource)
        if parsed.mchid != wp.mchid or parsed.appid != wp.appid:
            raise MerchantMismatch(f"transaction for mchid {parsed.mchid} appid {parsed.appid}")
    elif note.event_type.startswith("REFUND."):
        mchid = note.resource.get("mchid")
        if mchid != wp.mchid:
            raise MerchantMismatch(f"refund for mchid {mchid}")
        if note.event_type == "REFUND.SUCCESS":
            parsed = parse_refund(note.resource)
    ref = None
    if isinstance(parsed, Txn):
        ref = parsed.transaction_id
    elif isinstance(parsed, Refund):
        ref = parsed.refund_id
    now = rt.clock.now()
    if isinstance(parsed, Txn | Refund) and mall_orders.mall.is_mall_order(parsed.out_trade_no):
        return await _mall_notification(rt, note, parsed, ref, now)
    paid = isinstance(parsed, Txn) and parsed.trade_state == "SUCCESS"
    guide = None
    if paid and isinstance(parsed, Txn):  # the payer's guide first, so the push can name them (step 4b)
        guide = await assignment.guide_for_payer(rt, parsed.openid, parsed.attach, parsed.transaction_id, now)
    if (paid and isinstance(parsed, Txn) and rt.settings.points.one_statement
            and await one_statement.credit(rt, note, parsed, now, guide)):
        if await refunds_waiting(parsed.transaction_id):  # recorded while the credit ran: claw back now
            await apply_refunds(rt, parsed.transaction_id)
        return NotifyOutcome("processed", note.event_type, ref)
    status = await _log_notification(note, ref, now)
    if status in ("processed", "ignored"):
        return NotifyOutcome("duplicate", note.event_type, ref)
    try:
        if isinstance(parsed, Txn) and parsed.trade_state == "SUCCESS":
            payment = await record_payment(parsed, now)
            await settle(rt, payment)
        elif isinstance(parsed, Refund) and parsed.status == "SUCCESS":
            await record_refund(parsed, now)
            await apply_refunds(rt, parsed.transaction_id)
        else:
            await WeChatPayNotification.filter(notification_id=note.id, status="received").update(
                status="ignored", processed_at=rt.clock.now())
            return NotifyOutcome("ignored", note.event_type, ref)
    except Exception as exc:
        await _note_error(note.id, exc)
        raise
    await WeChatPayNotification.filter(notification_id=note.id, status="received").update(
        status="processed", processed_at=rt.clock.now(), last_error=None)
    return NotifyOutcome("processed", note.event_type, ref)


async def _mall_notification(rt: Runtime, note: Notification, parsed: Txn | Refund, ref: str | None,
                             now: datetime) -> NotifyOutcome:
    """A points-mall order (`JFM…`): it completes (or refunds) a redemption instead of earning points. Same
    dedupe log and the same rule: answered only after the mall's transaction committed."""
    status = await _log_notification(note, ref, now)
    if status in ("processed", "ignored"):
        return NotifyOutcome("duplicate", note.event_type, ref)
    try:
        if isinstance(parsed, Txn) and parsed.trade_state == "SUCCESS":
            await mall_orders.on_transaction(rt, parsed)
        elif isinstance(parsed, Refund) and parsed.status == "SUCCESS":
            await mall_orders.on_refund(rt, parsed)
    except Exception as exc:
        await _note_error(note.id, exc)
        raise
    await WeChatPayNotification.filter(notification_id=note.id, status="received").update(
        status="processed", processed_at=rt.clock.now(), last_error=None)
    return NotifyOutcome("processed", note.event_type, ref)


async def _log_notification(note: Notification, ref: str | None, now: datetime) -> str:
    """Insert the notification once (its id is the key); every delivery bumps `deliveries`. -> its status."""
    row = await fetchrow(conn(), """
        INSERT INTO wechatpay_notifications (notification_id, event_type, resource_type, ref, resource, status,
                                             deliveries, created_at)
        VALUES ($1, $2, $3, $4, $5, 'received', 1, $6)
        ON CONFLICT (notification_id) DO UPDATE SET deliveries = wechatpay_notifications.deliveries + 1
        RETURNING status""", [note.id[:64], note.event_type[:40], note.resource_type[:40], ref, note.resource, now])
    return str(row["status"]) if row else "received"


async def _note_error(notification_id: str, exc: Exception) -> None:
    try:
        await WeChatPayNotification.filter(notification_id=notification_id).update(
            last_error=f"{type(exc).__name__}: {exc}"[:255])
    except Exception:  # the database may be what failed; the 5xx answer is what matters
        log.debug("could not record the notification error", exc_info=True)


# -- payments -----------------------------------------------------------------------------------------------
async def record_payment(txn: Txn, now: datetime) -> Payment:
    """Insert once per transaction_id; a concurrent or repeated delivery gets the existing row."""
    existing = await Payment.get_or_none(transaction_id=txn.transaction_id)
    if existing is not None:
        return existing
    try:
        return await Payment.create(
            transaction_id=txn.transaction_id, out_trade_no=txn.out_trade_no, mchid=txn.mchid, appid=txn.appid,
            openid=txn.openid, trade_type=txn.trade_type, total_fen=txn.total, payer_total_fen=txn.payer_total,
            currency=txn.currency, success_time=txn.success_time, attach=txn.attach, created_at=now,
            updated_at=now)
    except IntegrityError:
        return await Payment.get(transaction_id=txn.transaction_id)


async def _link(payment: Payment, member: Member, now: datetime) -> None:
    await Payment.filter(id=payment.id, member_id__isnull=True).update(member_id=member.id, updated_at=now)


@dataclass
class Earned:
    ids: list[int]
    points: int
    growth: int
    pending: int


async def earned_for(member_id: int, transaction_id: str) -> Earned:
    """What the payment's own awards granted: its purchase entry, and the bonus entry if this payment
    triggered it (release copies carry the same source, so only the award keys are counted)."""
    rows = await fetch(conn(), "SELECT id, amount, growth, account FROM point_entries WHERE member_id = $1 "
                               "AND source = $2 AND kind = 'earn' AND idem_key IN ($3, 'first_purchase') "
                               "ORDER BY id", [member_id, f"payment:{transaction_id}", f"pay:{transaction_id}"])
    return Earned(ids=[int(r["id"]) for r in rows], points=sum(int(r["amount"]) for r in rows),
                  growth=sum(int(r["growth"]) for r in rows),
                  pending=sum(int(r["amount"]) for r in rows if r["account"] == "pending"))


FIRST_PURCHASE_KEY = "first_purchase"


async def decide_first_purchase(payment: Payment, member_id: int, now: datetime) -> bool:
    """Is this the member's first purchase? Decided once per member, by the ledger key `first_purchase`.

    Why a ledger key: the first-purchase bonus already holds it (the payment that took the bonus is the first
    purchase), and its unique (member, idem_key) index is the one arbiter parallel payments cannot both pass.
    When no bonus was posted (rule inactive, refused by the budget, zero points) and a first-purchase-only
    coupon rule depends on the answer, the decision is taken under the member's row lock - no other credited
    payment, nothing holding the key - and recorded as a zero-point `first_purchase` entry, so a parallel or
    later payment reads the same answer instead of deciding again (issuing first-purchase coupons twice).
    Without such a rule nothing depends on the answer and no entry is written (a payment answered "not
    first" here issues nothing first-purchase-only, so answering so without a decision is safe).
    """
    source = f"payment:{payment.transaction_id}"
    row = await fetchrow(conn(), "SELECT source FROM point_entries WHERE member_id = $1 AND idem_key = $2",
                         [member_id, FIRST_PURCHASE_KEY])
    if row is not None:
        return row["source"] == source
    if not await CouponRule.filter(active=True, first_purchase_only=True).exists():
        return False
    try:
        async with in_transaction() as c:
            locked = await ledger.lock_member(c, member_id)
            held = await ledger.find_entry(c, member_id, FIRST_PURCHASE_KEY)
            if held is not None:
                return held["source"] == source
            if await fetchrow(c, "SELECT id FROM payments WHERE member_id = $1 AND credited_at IS NOT NULL "
                                 "AND id <> $2 LIMIT 1", [member_id, payment.id]):
                return False  # an earlier purchase was credited (before the key existed, or on the fast path)
            await ledger.insert_entry(c, member_id=member_id, account="available", amount=0, kind="earn",
                                      idem_key=FIRST_PURCHASE_KEY, balance_after=int(locked["balance"]), now=now,
                                      event="first_purchase", source=source,
                                      trace={"event": "first_purchase", "points": 0,
                                             "reason": "first purchase recorded without a bonus"})
            return True
    except INTEGRITY_ERRORS:  # SQLite has no row lock: the unique key decided for a parallel payment
        row = await fetchrow(conn(), "SELECT source FROM point_entries WHERE member_id = $1 AND idem_key = $2",
                             [member_id, FIRST_PURCHASE_KEY])
        return row is not None and row["source"] == source


async def _refunded_totals(transaction_id: str) -> tuple[int, int]:
    row = await fetchrow(conn(), "SELECT COALESCE(SUM(refund_fen), 0) AS r, COALESCE(SUM(payer_refund_fen), 0) AS p "
                                 "FROM payment_refunds WHERE transaction_id = $1", [transaction_id])
    return (int(row["r"]), int(row["p"])) if row else (0, 0)


async def refunds_waiting(transaction_id: str) -> bool:
    row = await fetchrow(conn(), "SELECT EXISTS (SELECT 1 FROM payment_refunds WHERE transaction_id = $1 "
                                 "AND applied_at IS NULL) AS waiting", [transaction_id])
    return bool(row and row["waiting"])


def _fully_refunded(payment: Payment, refunded: int, payer_refunded: int) -> bool:
    return refunded >= payment.total_fen or payer_refunded >= payment.payer_total_fen


async def settle(rt: Runtime, payment: Payment) -> bool:
    """Steps 4-9 for a recorded payment; False while the payer is not a member. Safe to re-run any time."""
    if payment.credited_at is not None:
        if await refunds_waiting(payment.transaction_id):  # a crash after the credit stranded a refund
            await apply_refunds(rt, payment.transaction_id)
        return True
    now = rt.clock.now()
    member = await Member.get_or_none(id=payment.member_id) if payment.member_id else \
        await Member.get_or_none(openid=payment.openid)
    if member is None:
        return False
    await _link(payment, member, now)
    if payment.tier_level is None:  # the tier the member held when first credited decides tier-bound coupons
        await Payment.filter(id=payment.id, tier_level__isnull=True).update(tier_level=member.tier_level)
    payment = await Payment.get(id=payment.id)
    tid = payment.transaction_id
    if _fully_refunded(payment, *await _refunded_totals(tid)):
        log.info("payment %s was fully refunded before it could be credited: no points, coupons or push", tid)
    else:
        source = f"payment:{tid}"
        at = min(payment.success_time, now)  # campaign multipliers follow the payment time
        for event, key, context in (("purchase", f"pay:{tid}", {"amount_fen": payment.payer_total_fen}),
                                    ("first_purchase", FIRST_PURCHASE_KEY, {})):
            result = await award(rt, member.id, event, key, {**context, "source": source}, at=at)
            if result.reason == "contention":  # not a decision: the payment is not done until it is made
                raise AwardGaveUp(f"{event} award for payment {tid} gave up on contention; retried later")
        first = await decide_first_purchase(payment, member.id, now)
        await coupon_service.issue_for_payment(rt, payment, member, is_first=first)
        guide = await assignment.ensure_guide(rt, member.id, payment.attach, tid, now)
        await _enqueue_push(rt, payment, member, now, guide)
    await Payment.filter(id=payment.id, credited_at__isnull=True).update(credited_at=now, updated_at=now)
    await apply_refunds(rt, tid)
    return True


# -- the push ------------------------------------------------------------------------------------------------
async def _enqueue_push(rt: Runtime, payment: Payment, member: Member, now: datetime,
                        guide: assignment.GuideCardInfo | None = None) -> None:
    if not rt.settings.miniprogram.subscribe_template_points:
        return
    earned = await earned_for(member.id, payment.transaction_id)
    coupon_count = await Coupon.filter(payment_id=payment.id).count()
    payload = payment_push.push_payload(
        rt, openid=member.openid, transaction_id=payment.transaction_id, out_trade_no=payment.out_trade_no,
        payer_total_fen=payment.payer_total_fen, success_time=payment.success_time, points=earned.points,
        pending=earned.pending, coupon_count=coupon_count, guide=guide)
    if payload is not None:
        await outbox.enqueue("subscribe", payment_push.push_key(payment.transaction_id), payload, now=now,
                             member_id=member.id)


# -- refunds -------------------------------------------------------------------------------------------------
async def record_refund(refund: Refund, now: datetime) -> PaymentRefund:
    """Insert once per refund (refund_id and out_refund_no are both unique)."""
    existing = await PaymentRefund.get_or_none(refund_id=refund.refund_id)
    if existing is not None:
        return existing
    try:
        return await PaymentRefund.create(
            refund_id=refund.refund_id, out_refund_no=refund.out_refund_no, transaction_id=refund.transaction_id,
            out_trade_no=refund.out_trade_no, refund_fen=refund.refund, payer_refund_fen=refund.payer_refund,
            total_fen=refund.total, payer_total_fen=refund.payer_total, success_time=refund.success_time,
            created_at=now)
    except IntegrityError:
        found = await PaymentRefund.get_or_none(refund_id=refund.refund_id) or \
            await PaymentRefund.get_or_none(out_refund_no=refund.out_refund_no)
        if found is None:
            raise
        return found


async def _plan_refund(payment: Payment, refund_pk: int, earned: Earned) -> tuple[int, int]:
    """This refund's share of the claw-back, decided once under the payment's row lock (see module doc)."""
    async with in_transaction() as c:
        await fetch(c, f"SELECT id FROM payments WHERE id = $1{row_lock(c)}", [payment.id])
        row = await fetchrow(c, "SELECT planned, points, growth, refund_fen, payer_refund_fen FROM payment_refunds "
                                "WHERE id = $1", [refund_pk])
        assert row is not None
        if row["planned"]:
            return int(row["points"] or 0), int(row["growth"] or 0)
        before = await fetchrow(c, "SELECT COALESCE(SUM(refund_fen), 0) AS r, COALESCE(SUM(payer_refund_fen), 0) AS p, "
                                   "COALESCE(SUM(points), 0) AS pts, COALESCE(SUM(growth), 0) AS g FROM "
                                   "payment_refunds WHERE transaction_id = $1 AND planned = $2",
                                [payment.transaction_id, True])
        assert before is not None
        refunded = int(before["r"]) + int(row["refund_fen"])
        payer_refunded = int(before["p"]) + int(row["payer_refund_fen"])
        if _fully_refunded(payment, refunded, payer_refunded):
            target_points, target_growth = earned.points, earned.growth
        else:
            target_points = earned.points * payer_refunded // payment.payer_total_fen
            target_growth = earned.growth * payer_refunded // payment.payer_total_fen
        points = max(target_points - int(before["pts"]), 0)
        growth = max(target_growth - int(before["g"]), 0)
        await execute(c, "UPDATE payment_refunds SET planned = $2, points = $3, growth = $4 WHERE id = $1",
                      [refund_pk, True, points, growth])
        return points, growth


async def apply_refunds(rt: Runtime, transaction_id: str) -> int:
    """Claw back every recorded, not yet applied refund of a credited payment. Returns points clawed back."""
    payment = await Payment.get_or_none(transaction_id=transaction_id)
    if payment is None or payment.member_id is None or payment.credited_at is None:
        return 0  # applied when the payment is credited (settle ends by calling this)
    refunds = await PaymentRefund.filter(transaction_id=transaction_id, applied_at__isnull=True).order_by("id")
    total = 0
    if not refunds:
        await _refund_followups(rt, payment)  # a crash may have come between applied_at and these
        return 0
    earned = await earned_for(payment.member_id, transaction_id)
    for refund in refunds:
        points, growth = await _plan_refund(payment, refund.id, earned)
        now = rt.clock.now()
        if points > 0 or growth > 0:
            await ledger.clawback(payment.member_id, earned.ids, points, growth, f"refund:{refund.refund_id}", now=now,
                                  source=f"payment:{transaction_id}",
                                  trace={"refund_id": refund.refund_id, "refund_fen": refund.refund_fen,
                                         "payer_refund_fen": refund.payer_refund_fen, "points": points,
                                         "growth": growth, "earned": earned.points})
        await PaymentRefund.filter(id=refund.id, applied_at__isnull=True).update(applied_at=now)
        total += points
    await _refund_followups(rt, payment)
    return total


async def _refund_followups(rt: Runtime, payment: Payment) -> None:
    """What applied refunds imply for the payment row and its coupons (idempotent: both are set, not added):
    `refunded_fen` is the recorded total, and a fully refunded payment's unused coupons are revoked."""
    refunded, payer_refunded = await _refunded_totals(payment.transaction_id)
    if refunded == 0 and payer_refunded == 0:
        return
    now = rt.clock.now()
    if payment.refunded_fen != refunded:
        await Payment.filter(id=payment.id).update(refunded_fen=refunded, updated_at=now)
    if _fully_refunded(payment, refunded, payer_refunded):
        revoked = await coupon_service.revoke_for_payment(payment.id, now, "payment_refunded")
        if revoked:
            log.info("payment %s fully refunded: %s unused coupons revoked", payment.transaction_id, revoked)


# -- payers who register later ------------------------------------------------------------------------------
async def credit_new_member(rt: Runtime, member: Member) -> int:
    """Credit payments the member made before registering, within link_window_days. Returns how many."""
    since = rt.clock.now() - timedelta(days=rt.settings.payments.link_window_days)
    done = 0
    for payment in await Payment.filter(openid=member.openid, member_id__isnull=True, success_time__gte=since):
        try:
            await _link(payment, member, rt.clock.now())
            payment = await Payment.get(id=payment.id)
            if await settle(rt, payment):
                done += 1
        except Exception:  # the payments_credit_pending job picks it up again
            log.exception("crediting payment %s to new member %s failed", payment.transaction_id, member.id)
    return done


async def credit_pending(rt: Runtime, limit: int = 200) -> dict[str, int]:
    """Backstop job: finish linked-but-uncredited payments (a failure after registration) and link payers
    who became members without the hook running. Notifications WeChat Pay still retries are left alone."""
    now = rt.clock.now()
    stale = now - timedelta(seconds=rt.settings.payments.credit_retry_after_seconds)
    since = now - timedelta(days=rt.settings.payments.link_window_days)
    out = {"credited": 0, "linked": 0, "failed": 0}
    rows = await fetch(conn(), "SELECT p.id FROM payments p JOIN members m ON m.openid = p.openid "
                               "WHERE p.member_id IS NULL AND p.success_time >= $1 ORDER BY p.id LIMIT $2",
                       [since, limit])
    for r in rows:
        payment = await Payment.get(id=int(r["id"]))
        try:
            await _link(payment, await Member.get(openid=payment.openid), now)
            out["linked"] += 1
            if await settle(rt, await Payment.get(id=payment.id)):
                out["credited"] += 1
        except Exception:
            out["failed"] += 1
            log.exception("crediting payment %s failed", payment.transaction_id)
    for payment in await Payment.filter(member_id__isnull=False, credited_at__isnull=True,
                                        updated_at__lt=stale).order_by("id").limit(limit):
        try:
            if await settle(rt, payment):
                out["credited"] += 1
        except Exception:
            out["failed"] += 1
            log.exception("crediting payment %s failed", payment.transaction_id)
    return out


# -- reconcile: what a crash between two of the steps above can leave behind ---------------------------------
def _stale(rt: Runtime) -> datetime:
    """Rows younger than this may still be in the hands of a live notification (or its retry): not stranded."""
    return rt.clock.now() - timedelta(seconds=rt.settings.payments.credit_retry_after_seconds)


_REFUNDS_STRANDED = """
SELECT p.transaction_id, s.waiting, s.refunded, p.refunded_fen
FROM payments p
JOIN (SELECT transaction_id, SUM(CASE WHEN applied_at IS NULL THEN 1 ELSE 0 END) AS waiting,
             SUM(refund_fen) AS refunded, SUM(payer_refund_fen) AS payer_refunded, MAX(created_at) AS newest
      FROM payment_refunds GROUP BY transaction_id) s ON s.transaction_id = p.transaction_id
WHERE p.member_id IS NOT NULL AND p.credited_at IS NOT NULL AND p.credited_at < $1 AND s.newest < $1
  AND (s.waiting > 0 OR p.refunded_fen <> s.refunded
       OR ((s.refunded >= p.total_fen OR s.payer_refunded >= p.payer_total_fen)
           AND EXISTS (SELECT 1 FROM coupons c WHERE c.payment_id = p.id AND c.state = 'issued'
                       AND (c.wxpay_status IS NULL OR c.wxpay_status IN ('pending', 'failed')))))
ORDER BY p.id LIMIT $2
"""


@reconcile.check("payment_refunds")
async def reconcile_refunds(rt: Runtime, repair: bool, limit: int = 500) -> list[reconcile.Finding]:
    """Refunds of a credited payment never clawed back (recorded before the credit, and the process died
    after `credited_at` committed: the step-by-step retry returned early, the single statement's retry was a
    duplicate), or applied without their follow-ups (refunded_fen, revoking a fully refunded payment's unused
    coupons). Repaired by `apply_refunds`, the keyed call the notification itself makes."""
    out = []
    for r in await fetch(conn(), _REFUNDS_STRANDED, [_stale(rt), limit]):
        tid = str(r["transaction_id"])
        detail = (f"{int(r['waiting'])} refund(s) not clawed back" if int(r["waiting"])
                  else f"refund follow-ups missing (refunded_fen {int(r['refunded_fen'])} of {int(r['refunded'])})")
        finding = reconcile.Finding(check="payment_refunds", subject=f"payment {tid}", detail=detail)
        if repair:
            try:
                points = await apply_refunds(rt, tid)
                finding.repaired = True
                finding.detail += f"; {points} points clawed back"
            except Exception as exc:
                finding.error = f"{type(exc).__name__}: {exc}"
        out.append(finding)
    return out


@reconcile.check("payments_uncredited")
async def reconcile_uncredited(rt: Runtime, repair: bool, limit: int = 500) -> list[reconcile.Finding]:
    """Payments of a member left uncredited: a step failed (an award that gave up on contention, a crash)
    and WeChat Pay has stopped retrying, or the payer registered without the hook finishing. Repaired by
    `settle`, which finishes only what is missing (every step is keyed)."""
    now = rt.clock.now()
    since = now - timedelta(days=rt.settings.payments.link_window_days)
    rows = await fetch(conn(), "SELECT p.id, p.transaction_id, p.member_id FROM payments p WHERE p.credited_at IS "
                               "NULL AND p.updated_at < $1 AND (p.member_id IS NOT NULL OR (p.success_time >= $2 "
                               "AND EXISTS (SELECT 1 FROM members m WHERE m.openid = p.openid))) "
                               "ORDER BY p.id LIMIT $3", [_stale(rt), since, limit])
    out = []
    for r in rows:
        finding = reconcile.Finding(check="payments_uncredited", subject=f"payment {r['transaction_id']}",
                                    detail="payer is a member but the payment was never credited")
        if repair:
            try:
                payment = await Payment.get(id=int(r["id"]))
                if payment.member_id is None:
                    await _link(payment, await Member.get(openid=payment.openid), now)
                    payment = await Payment.get(id=payment.id)
                finding.repaired = await settle(rt, payment)
            except Exception as exc:
                finding.error = f"{type(exc).__name__}: {exc}"
        out.append(finding)
    return out
