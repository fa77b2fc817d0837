"""Points + cash: the WeChat Pay JSAPI order of a mall redemption, its completion, release and refunds.

Protocols: JSAPI order, close, `wx.requestPayment` paySign and refunds (docs/wechat-protocols.md §6.5),
notifications (docs/wechat-protocols.md §6.3, §6.4).

- `prepay`: after the hold committed, create the order (`out_trade_no` = `JFM…`, `attach` = the redemption id,
  `time_expire` = the hold's end) and answer the signed `wx.requestPayment` parameters. Identical parameters
  answer the same prepay_id, so a replayed Idempotency-Key re-creates nothing. If WeChat Pay refuses or is
  down, the hold is released at once (503): the member keeps their points.
- `on_transaction` (TRANSACTION.SUCCESS of a `JFM` order, dispatched by the shared notify route): one
  conditional UPDATE `pending_payment -> completed` plus the fulfilment in one transaction; the route answers
  success only after it commits. A payment for a hold already released (timeout, cancel) is recorded as a
  late payment and its refund is queued in the outbox in that same transaction (`mall_refund`), so it is
  refunded, never lost, even if WeChat Pay is down at that moment.
- `on_refund` (REFUND.SUCCESS): a refund jifen asked for is marked done; a full refund of a completed
  redemption's cash part made elsewhere (the merchant platform) releases it: the points return to their
  lots. A partial refund there (a goodwill discount) keeps the redemption.
- `release_expired` (the `mall_release_holds` job, jobs.py): unpaid holds past `hold_until` are closed at
  WeChat Pay, then released by the same conditional transition the member's cancel uses, so any number of
  schedulers release each once.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from app.errors import Conflict
from app.runtime import Runtime
from app.services import reconcile
from app.services.mall import service as mall
from app.services.outbox import service as outbox
from app.sqlx import fetchrow
from app.wechatpay.client import WeChatPayError, WeChatPayRejected
from models import MallRedemption, MallReward, Member

log = logging.getLogger("jifen.mall")

CLOSED_CODES = ("ORDER_CLOSED", "ORDERNOTEXIST", "ORDER_NOT_EXIST")
PAID_CODES = ("ORDERPAID", "ORDER_PAID", "TRADE_STATE_ERROR")


async def prepay(rt: Runtime, red: MallRedemption, member: Member) -> dict[str, str]:
    client = rt.wechatpay.client
    try:
        prepay_id = await client.jsapi_order(
            out_trade_no=str(red.out_trade_no), description=f"{rt.settings.mall.order_description}-{red.reward_name}",
            total_fen=red.cash_fen, openid=member.openid, notify_url=rt.settings.mall.notify_url,
            attach=f"mall_redemption:{red.id}", time_expire=mall.hold_expire_rfc3339(red))
    except WeChatPayError as exc:
        log.warning("JSAPI order for mall redemption %s failed: %s", red.id, exc)
        await mall.release(rt, red.id, from_states=("pending_payment",), to_state="cancelled",
                           reason="order_failed")
        raise mall.unavailable(exc) from exc
    if red.prepay_id != prepay_id:
        await MallRedemption.filter(id=red.id).update(prepay_id=prepay_id)
        red.prepay_id = prepay_id
    return client.pay_params(prepay_id)


async def close(rt: Runtime, red: MallRedemption) -> None:
    """Close the order before releasing its hold; a paid order is not released (409: it completes instead)."""
    try:
        await rt.wechatpay.client.close_order(str(red.out_trade_no))
    except WeChatPayRejected as exc:
        if exc.code in PAID_CODES:
            raise Conflict("the order is already paid", code="order_paid") from exc
        if exc.code not in CLOSED_CODES:
            raise mall.unavailable(exc) from exc
    except WeChatPayError as exc:
        raise mall.unavailable(exc) from exc


async def enqueue_refund(c: Any, red: MallRedemption, now: datetime, reason: str) -> None:
    """Queue the refund of the cash part inside the caller's transaction; out_refund_no is derived from the
    redemption, so the outbox and WeChat Pay both refund it once."""
    refund_no = f"{red.out_trade_no}R"
    await fetchrow(c, "UPDATE mall_redemptions SET refund_no = $2, refund_state = 'requested', updated_at = $3 "
                      "WHERE id = $1 RETURNING id", [red.id, refund_no, now])
    await outbox.enqueue("mall_refund", f"mall-refund:{red.id}", {
        "redemption_id": red.id, "out_trade_no": red.out_trade_no, "out_refund_no": refund_no,
        "refund_fen": red.cash_fen, "total_fen": red.cash_fen, "reason": reason,
    }, now=now, member_id=red.member_id, c=c)


@outbox.sender("mall_refund")
async def send_refund(rt: Runtime, msg: outbox.Claimed) -> None:
    p = msg.payload
    try:
        await rt.wechatpay.client.refund(out_trade_no=p["out_trade_no"], out_refund_no=p["out_refund_no"],
                                         refund_fen=int(p["refund_fen"]), total_fen=int(p["total_fen"]),
                                         reason="积分商城退款", notify_url=rt.settings.mall.notify_url)
    except WeChatPayRejected as exc:
        raise outbox.Permanent(str(exc)) from exc


async def on_transaction(rt: Runtime, txn: Any) -> str:
    """TRANSACTION.SUCCESS of a mall order -> completed | late | duplicate | unknown."""
    now = rt.clock.now()
    red = await MallRedemption.get_or_none(out_trade_no=txn.out_trade_no)
    if red is None:
        log.error("payment %s for unknown mall order %s", txn.transaction_id, txn.out_trade_no)
        return "unknown"
    if txn.total != red.cash_fen:
        log.error("mall order %s paid %s fen, expected %s", txn.out_trade_no, txn.total, red.cash_fen)
    reward = await MallReward.get(id=red.reward_id)
    member = await Member.get(id=red.member_id)
    try:
        async with in_transaction() as c:
            row = await fetchrow(c, "UPDATE mall_redemptions SET state = 'completed', transaction_id = $2, "
                                    "paid_at = $3, completed_at = $3, updated_at = $3 WHERE id = $1 "
                                    "AND state = 'pending_payment' RETURNING id", [red.id, txn.transaction_id, now])
            if row is not None:
                red = await MallRedemption.get(id=red.id, using_db=c)
                await mall.fulfil(rt, c, red, reward, member, now)
                await red.save(using_db=c, update_fields=["coupon_ids", "code", "fulfilment"])
                return "completed"
            late = await fetchrow(c, "UPDATE mall_redemptions SET late_payment = $2, transaction_id = $3, "
                                     "paid_at = $4, updated_at = $4 WHERE id = $1 AND state IN "
                                     "('expired', 'cancelled') AND transaction_id IS NULL RETURNING id",
                                  [red.id, True, txn.transaction_id, now])
            if late is None:
                return "duplicate"
            red = await MallRedemption.get(id=red.id, using_db=c)
            await enqueue_refund(c, red, now, "paid after the hold was released")
            log.warning("mall order %s paid after its hold was released: refund queued", red.out_trade_no)
            return "late"
    except Conflict as exc:  # paid, but the fulfilment is gone (e.g. coupon template exhausted): undo in full
        log.warning("mall redemption %s paid but cannot be fulfilled (%s): points back, cash refunded",
                    red.id, exc.code)
        await MallRedemption.filter(id=red.id, state="pending_payment").update(
            transaction_id=txn.transaction_id, paid_at=now)
        await mall.release(rt, red.id, from_states=("pending_payment",), to_state="cancelled",
                           reason=f"unfulfillable:{exc.code}", refund=True)
        return "unfulfillable"


async def on_refund(rt: Runtime, refund: Any) -> str:
    """REFUND.SUCCESS of a mall order."""
    red = await MallRedemption.get_or_none(out_trade_no=refund.out_trade_no)
    if red is None:
        return "unknown"
    if red.refund_no == refund.out_refund_no:
        await MallRedemption.filter(id=red.id).update(refund_state="refunded", updated_at=rt.clock.now())
        return "refunded"
    # a refund we did not request (the merchant refunded in WeChat Pay's merchant platform): the whole cash
    # part refunded undoes the redemption; a partial refund (a goodwill discount) leaves it standing
    if refund.refund < red.cash_fen:
        log.warning("mall order %s partly refunded (%s of %s fen): redemption kept", red.out_trade_no,
                    refund.refund, red.cash_fen)
        return "partial"
    await MallRedemption.filter(id=red.id).update(refund_no=refund.out_refund_no, refund_state="refunded")
    done = await mall.release(rt, red.id, from_states=("completed", "pending_payment"), to_state="refunded",
                              reason="cash refunded")
    return "released" if done else "duplicate"


async def release_one(rt: Runtime, red: MallRedemption) -> str:
    """Close one overdue order, then release its hold -> released | paid | gone (another run released it)."""
    try:
        await close(rt, red)
    except Conflict:
        return "paid"  # its TRANSACTION.SUCCESS completes it
    done = await mall.release(rt, red.id, from_states=("pending_payment",), to_state="expired", reason="timeout")
    return "released" if done else "gone"


async def release_expired(rt: Runtime, limit: int = 200) -> dict[str, int]:
    """Close and release every unpaid hold past its time. Several schedulers may run this at once: the
    conditional state transition in `release` lets exactly one of them give the points back."""
    now = rt.clock.now()
    out = {"released": 0, "paid": 0, "failed": 0}
    for red in await MallRedemption.filter(state="pending_payment", hold_until__lte=now).order_by("id").limit(limit):
        try:
            outcome = await release_one(rt, red)
        except Exception:
            out["failed"] += 1
            log.exception("releasing mall order %s failed; retried next run", red.out_trade_no)
            continue
        if outcome in out:
            out[outcome] += 1
    return out


OVERDUE_GRACE = timedelta(minutes=10)


@reconcile.check("mall_holds_overdue")
async def reconcile_overdue_holds(rt: Runtime, repair: bool) -> list[reconcile.Finding]:
    """Unpaid points + cash holds still held well after their time (the release job was down, or WeChat Pay
    could not be reached to close the order): the member's points are stuck. Repaired by `release_one`,
    the job's own keyed step; a paid order is left for its notification."""
    findings = []
    cutoff = rt.clock.now() - OVERDUE_GRACE
    for red in await MallRedemption.filter(state="pending_payment", hold_until__lt=cutoff).order_by("id").limit(500):
        finding = reconcile.Finding(check="mall_holds_overdue", subject=f"mall redemption {red.id}",
                                    detail=f"{red.points} points held past {red.hold_until}")
        if repair:
            try:
                outcome = await release_one(rt, red)
                finding.repaired = outcome in ("released", "gone")
                finding.detail += f"; {outcome}"
            except Exception as exc:
                finding.error = f"{type(exc).__name__}: {exc}"
        findings.append(finding)
    return findings
