"""Payment follow-ups a crash or a transient failure can strand, and `jifen reconcile` repairing them.

Each test simulates the failure the way it happens (an exception injected right after a step commits, or a
lost race), shows what is left behind, then runs the reconciler (or the retry) and checks that it repairs it
once: the second run finds nothing.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest

from app.clock import SHANGHAI, clock
from app.db import conn, is_postgres_conn
from app.services import reconcile
from app.services.coupons import service as coupon_service
from app.services.outbox import service as outbox
from app.services.payments import service as payments
from app.services.points import engine, ledger
from app.services.points.config_cache import config_cache
from models import (
    Coupon,
    EarningRule,
    Member,
    OutboxMessage,
    Payment,
    PaymentRefund,
    PointEntry,
    PointsBudget,
)
from sandbox.state import openid_for
from tests.conftest import Api
from tests.payhelpers import (
    NotifyRelay,
    assert_ledger_invariant,
    play_payment,
    play_refund,
    refund_during_single_statement,
    sandbox_call,
    wait_delivered,
)
from tests.test_coupons import WX_TEMPLATE, setup_gift
from tests.test_payments import APPID, coupon_rule


def rt_year() -> int:
    return clock.now().astimezone(SHANGHAI).year


def _later(rt: Any) -> None:
    """Past the grace in which a live notification (or its retry) may still finish the work itself."""
    rt.clock.shift(timedelta(seconds=rt.settings.payments.credit_retry_after_seconds + 60))


async def _reconcile(rt: Any, check: str, *, repair: bool = True) -> list[reconcile.Finding]:
    return [f for f in await reconcile.run(rt, repair=repair) if f.check == check]


# -- item 2: refund claw-back stranded after the credit ----------------------------------------------------------
async def test_refund_recorded_before_credit_and_crash_after_credited_at_is_reconciled(
        api: Api, seeded, rt, sandbox, notify_relay: NotifyRelay, monkeypatch: pytest.MonkeyPatch) -> None:
    openid = openid_for(APPID, "crash-after-credit")
    played = await play_payment(sandbox, notify_relay, openid, 10000)  # the payer is not a member yet
    tid = played["transaction_id"]
    assert (await play_refund(sandbox, notify_relay, tid, 2500))["status"] == 204  # recorded, nothing to claw

    async def crash(*args: Any) -> int:
        raise RuntimeError("process died after credited_at committed")

    monkeypatch.setattr(payments, "apply_refunds", crash)
    _, member = await api.login("crash-after-credit")  # registering credits the payment, then "crashes"
    monkeypatch.undo()
    payment = await Payment.get(transaction_id=tid)
    assert payment.credited_at is not None
    assert (await PaymentRefund.get()).applied_at is None
    m = await Member.get(id=member["id"])
    assert (m.balance, m.growth) == (200, 100)  # the refund's 50 points / 25 growth were never clawed back

    _later(rt)
    found = await _reconcile(rt, "payment_refunds", repair=False)
    assert [(f.subject, f.repaired) for f in found] == [(f"payment {tid}", False)]
    assert (await Member.get(id=member["id"])).balance == 200  # a dry run changes nothing
    found = await _reconcile(rt, "payment_refunds")
    assert [(f.subject, f.repaired, f.error) for f in found] == [(f"payment {tid}", True, None)]
    m = await Member.get(id=member["id"])
    assert (m.balance, m.growth) == (150, 75)
    assert (await PaymentRefund.get()).applied_at is not None
    assert (await Payment.get(transaction_id=tid)).refunded_fen == 2500
    assert await reconcile.run(rt, repair=True) == []
    assert (await Member.get(id=member["id"])).balance == 150
    await assert_ledger_invariant(member["id"])


async def test_settle_rerun_after_the_crash_applies_the_waiting_refund(
        api: Api, seeded, rt, sandbox, notify_relay: NotifyRelay, monkeypatch: pytest.MonkeyPatch) -> None:
    """The step-by-step path returned early on credited_at: a re-run (the credit job, a retry) now finishes
    the refund instead of skipping it."""
    openid = openid_for(APPID, "rerun-after-credit")
    played = await play_payment(sandbox, notify_relay, openid, 10000)
    await play_refund(sandbox, notify_relay, played["transaction_id"], 2500)

    async def crash(*args: Any) -> int:
        raise RuntimeError("process died after credited_at committed")

    real = payments.apply_refunds
    monkeypatch.setattr(payments, "apply_refunds", crash)
    _, member = await api.login("rerun-after-credit")
    monkeypatch.setattr(payments, "apply_refunds", real)
    assert await payments.settle(rt, await Payment.get()) is True
    m = await Member.get(id=member["id"])
    assert (m.balance, m.growth) == (150, 75)  # a quarter of the purchase and the bonus clawed back
    assert (await PaymentRefund.get()).applied_at is not None
    await assert_ledger_invariant(member["id"])


async def test_single_statement_credit_then_crash_before_the_claw_back_is_reconciled(
        api: Api, seeded, rt, sandbox, notify_relay: NotifyRelay, monkeypatch: pytest.MonkeyPatch) -> None:
    """After the single statement, WeChat Pay's retry is answered as a duplicate: only reconcile is left."""
    if not is_postgres_conn(conn()):
        pytest.skip("the single-statement credit is PostgreSQL's")
    _, member = await api.login("fast-crash")
    refund_during_single_statement(monkeypatch, rt)

    async def crash(*args: Any) -> bool:
        raise RuntimeError("process died after the statement committed")

    monkeypatch.setattr(payments, "refunds_waiting", crash)
    played = await play_payment(sandbox, notify_relay, member["openid"], 10000)
    assert played["status"] == 500
    monkeypatch.undo()
    headers, body = notify_relay.received[0]  # WeChat Pay's retry: already processed, a duplicate
    assert (await api.call("POST", "/wechatpay/notify", headers=headers, data=body))[0] == 204
    assert (await Member.get(id=member["id"])).balance == 200
    _later(rt)
    found = await reconcile.run(rt, repair=True)
    assert [(f.check, f.repaired) for f in found] == [("payment_refunds", True)]
    m = await Member.get(id=member["id"])
    assert (m.balance, m.growth) == (150, 75)
    assert await reconcile.run(rt, repair=True) == []
    await assert_ledger_invariant(member["id"])


async def test_crash_between_applying_a_full_refund_and_revoking_its_coupons_is_reconciled(
        api: Api, seeded, rt, sandbox, notify_relay: NotifyRelay, monkeypatch: pytest.MonkeyPatch) -> None:
    await coupon_rule(templates=2)
    _, member = await api.login("revoke-crash")
    played = await play_payment(sandbox, notify_relay, member["openid"], 8000)
    assert await Coupon.filter(member_id=member["id"], state="issued").count() == 2

    async def crash(*args: Any) -> int:
        raise RuntimeError("process died after applied_at committed")

    monkeypatch.setattr(coupon_service, "revoke_for_payment", crash)
    assert (await play_refund(sandbox, notify_relay, played["transaction_id"], 8000))["status"] == 500
    monkeypatch.undo()
    assert (await PaymentRefund.get()).applied_at is not None
    assert await Coupon.filter(member_id=member["id"], state="issued").count() == 2  # left usable
    _later(rt)
    found = await reconcile.run(rt, repair=True)
    assert [(f.check, f.repaired) for f in found] == [("payment_refunds", True)]
    assert await Coupon.filter(member_id=member["id"], state="revoked").count() == 2
    assert (await Payment.get()).refunded_fen == 8000
    assert await reconcile.run(rt, repair=True) == []
    await assert_ledger_invariant(member["id"])


# -- item 4: "first purchase" decided once ---------------------------------------------------------------------
@pytest.mark.parametrize("bonus", ["inactive", "zero", "refused"])
async def test_parallel_payments_issue_first_purchase_coupons_once(api: Api, seeded, sandbox,
                                                                   notify_relay: NotifyRelay, bonus: str) -> None:
    """Six payments of one new member settle at once while no first-purchase bonus is posted (the rule is
    off, grants nothing, or the budget refuses it): exactly one of them is the first purchase and gets the
    coupons."""
    if bonus == "inactive":
        await EarningRule.filter(event="first_purchase").update(active=False)
    elif bonus == "zero":
        await EarningRule.filter(event="first_purchase").update(points_fixed=0, growth_fixed=0)
    else:  # an exhausted budget refuses every award, the bonus included
        await PointsBudget.create(year=rt_year(), budget_points=1, mode="refuse")
    config_cache.invalidate()
    rule = await coupon_rule("first-only", first_purchase_only=True)
    _, member = await api.login(f"first-only-{bonus}")
    played = await asyncio.gather(*[play_payment(sandbox, notify_relay, member["openid"], 1000 * (n + 1))
                                    for n in range(6)])
    assert all(p["status"] == 204 for p in played), notify_relay.answers
    coupons = await Coupon.filter(member_id=member["id"], rule_id=rule.id)
    assert len(coupons) == 1, [c.payment_id for c in coupons]
    first = await PointEntry.get(member_id=member["id"], idem_key="first_purchase")
    assert first.amount == 0
    assert first.source == f"payment:{(await Payment.get(id=coupons[0].payment_id)).transaction_id}"
    assert (await Member.get(id=member["id"])).balance == (0 if bonus == "refused" else 10 + 20 + 30 + 40 + 50 + 60)
    # a later payment is not a first purchase either
    assert (await play_payment(sandbox, notify_relay, member["openid"], 7000))["status"] == 204
    assert await Coupon.filter(member_id=member["id"], rule_id=rule.id).count() == 1
    await assert_ledger_invariant(member["id"])


# -- item 5: a WeChat Pay coupon delivered after it was revoked ----------------------------------------------
async def test_wechatpay_coupon_revoked_while_being_sent_is_recorded_as_delivered_after_revocation(
        api: Api, seeded, rt, sandbox, staff_token, notify_relay: NotifyRelay,
        monkeypatch: pytest.MonkeyPatch) -> None:
    await setup_gift(api, staff_token, templates=[WX_TEMPLATE])
    _, member = await api.login("wx-revoke-race")
    played = await play_payment(sandbox, notify_relay, member["openid"], 5000)
    await OutboxMessage.filter(kind="subscribe").delete()
    real = rt.wechatpay.client.send_coupon

    async def refund_lands_mid_call(*args: Any, **kwargs: Any) -> str:
        coupon_id = await real(*args, **kwargs)  # WeChat Pay has delivered it...
        refunded = await play_refund(sandbox, notify_relay, played["transaction_id"], 5000)  # ...as jifen revokes
        assert refunded["status"] == 204
        return coupon_id

    monkeypatch.setattr(rt.wechatpay.client, "send_coupon", refund_lands_mid_call)
    assert await outbox.deliver_due(rt) == {"sent": 1}
    coupon = await Coupon.get(member_id=member["id"])
    delivered = (await sandbox_call(sandbox, "GET", f"/__sandbox__/pay/coupons?openid={member['openid']}"))["items"]
    assert [c["coupon_id"] for c in delivered] == [coupon.wxpay_coupon_id]
    assert (coupon.state, coupon.revoke_reason, coupon.wxpay_status) == ("revoked", "payment_refunded", "late")
    assert "after jifen revoked" in (coupon.wxpay_error or "")
    status, wallet = await api.call("GET", "/api/v1/coupons", token=(await api.login("wx-revoke-race"))[0])
    assert status == 200 and wallet["items"][0]["wechatpay"]["status"] == "late"
    assert await reconcile.run(rt, repair=True) == []


async def test_coupon_left_revoked_and_sent_is_flagged_by_reconcile(api: Api, seeded, rt, sandbox, staff_token,
                                                                    notify_relay: NotifyRelay) -> None:
    """What the unconditional sender used to write (revoked, yet `sent`) is found and flagged, once."""
    await setup_gift(api, staff_token, templates=[WX_TEMPLATE])
    _, member = await api.login("wx-legacy")
    played = await play_payment(sandbox, notify_relay, member["openid"], 5000)
    coupon = await Coupon.get(member_id=member["id"])
    await Coupon.filter(id=coupon.id).update(wxpay_status="pending")  # its delivery is in flight ...
    assert (await play_refund(sandbox, notify_relay, played["transaction_id"], 5000))["status"] == 204
    assert (await Coupon.get(id=coupon.id)).state == "revoked"  # ... when the full refund revokes it
    # the old unconditional sender then wrote `sent` over the revocation
    await Coupon.filter(id=coupon.id).update(wxpay_status="sent", wxpay_coupon_id="sandbox-coupon-x")
    found = await _reconcile(rt, "wxpay_coupons_sent_after_revoke")
    assert [(f.subject, f.repaired) for f in found] == [(f"coupon {coupon.id}", True)]
    coupon = await Coupon.get(id=coupon.id)
    assert (coupon.state, coupon.wxpay_status, coupon.wxpay_coupon_id) == ("revoked", "late", "sandbox-coupon-x")
    assert await _reconcile(rt, "wxpay_coupons_sent_after_revoke") == []


# -- item 6: awards lost to transient failures ------------------------------------------------------------------
def _contend(monkeypatch: pytest.MonkeyPatch, event: str, times: int | None = None) -> dict[str, int]:
    """Every award of `event` loses its race (for the first `times` attempts, or always)."""
    real = ledger.post_earn
    seen = {"n": 0}

    async def racing(post: ledger.EarnPosting, c: Any = None) -> ledger.Posted:
        if post.event == event and (times is None or seen["n"] < times):
            seen["n"] += 1
            raise ledger.CapRace()
        return await real(post, c)

    monkeypatch.setattr(ledger, "post_earn", racing)
    return seen


async def test_invitation_award_that_gives_up_is_owed_and_delivered_by_the_outbox(
        api: Api, seeded, rt, monkeypatch: pytest.MonkeyPatch) -> None:
    _, inviter = await api.login("inviter-contended")
    _contend(monkeypatch, "invite_accepted")
    status, body = await api.call("POST", "/api/v1/auth/login",
                                  json={"code": "sandbox:invitee-contended", "invite_code": inviter["invite_code"]})
    assert status in (200, 201), body
    assert (await Member.get(id=inviter["id"])).balance == 0
    owed = await OutboxMessage.get(kind="award")
    assert (owed.status, owed.member_id, owed.payload["idem_key"]) == (
        "pending", inviter["id"], f"invite:{body['member']['id']}")
    monkeypatch.undo()
    assert await outbox.deliver_due(rt) == {"sent": 1}
    assert (await Member.get(id=inviter["id"])).balance == 50
    assert await outbox.deliver_due(rt) == {}
    assert await reconcile.run(rt, repair=True) == []
    await assert_ledger_invariant(inviter["id"])


async def test_invitation_award_failing_does_not_fail_the_login_and_is_not_lost(
        api: Api, seeded, rt, monkeypatch: pytest.MonkeyPatch) -> None:
    _, inviter = await api.login("inviter-down")
    real = ledger.post_earn

    async def down(post: ledger.EarnPosting, c: Any = None) -> ledger.Posted:
        if post.event == "invite_accepted":
            raise ConnectionError("database went away")
        return await real(post, c)

    monkeypatch.setattr(ledger, "post_earn", down)
    status, body = await api.call("POST", "/api/v1/auth/login",
                                  json={"code": "sandbox:invitee-down", "invite_code": inviter["invite_code"]})
    assert status in (200, 201), body
    assert (await Member.get(id=inviter["id"])).balance == 0
    assert await outbox.deliver_due(rt) == {"retry": 1}  # still down: retried later, not dropped
    monkeypatch.undo()
    rt.clock.shift(timedelta(minutes=5))
    assert await outbox.deliver_due(rt) == {"sent": 1}
    assert (await Member.get(id=inviter["id"])).balance == 50
    await assert_ledger_invariant(inviter["id"])


async def test_owed_award_the_outbox_gave_up_on_is_made_by_reconcile(
        api: Api, seeded, rt, monkeypatch: pytest.MonkeyPatch) -> None:
    _, inviter = await api.login("inviter-given-up")
    _contend(monkeypatch, "invite_accepted")
    await api.call("POST", "/api/v1/auth/login",
                   json={"code": "sandbox:invitee-given-up", "invite_code": inviter["invite_code"]})
    monkeypatch.setattr(rt.settings.outbox, "max_attempts", 1)
    assert await outbox.deliver_due(rt) == {"failed": 1}
    monkeypatch.undo()
    found = await reconcile.run(rt, repair=True)
    assert [(f.check, f.repaired, f.error) for f in found] == [("awards_owed", True, None)]
    assert (await Member.get(id=inviter["id"])).balance == 50
    owed = await OutboxMessage.get(kind="award")
    assert (owed.status, owed.next_attempt_at) == ("sent", None)  # settled: out of the outbox's due index
    assert await reconcile.run(rt, repair=True) == []
    assert (await Member.get(id=inviter["id"])).balance == 50
    await assert_ledger_invariant(inviter["id"])


async def test_purchase_award_giving_up_on_contention_leaves_the_payment_uncredited_until_retried(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api.app.ctx.rt.settings.points, "one_statement", False)  # the step-by-step path
    await coupon_rule()
    _, member = await api.login("purchase-contended")
    seen = _contend(monkeypatch, "purchase", times=engine.MAX_RACE_RETRIES)  # the first delivery gives up
    played = await play_payment(sandbox, notify_relay, member["openid"], 8800, retry=True, time_scale=0.05)
    assert played["status"] == 500 and seen["n"] == engine.MAX_RACE_RETRIES
    assert (await Payment.get()).credited_at is None  # not done: its purchase award is still owed
    delivery = await wait_delivered(sandbox, played["notification_id"])
    assert delivery["delivered"] and delivery["statuses"][-1] == 204, delivery
    assert (await Member.get(id=member["id"])).balance == 88 + 100
    assert await PointEntry.filter(member_id=member["id"], event="purchase").count() == 1
    assert await Coupon.filter(member_id=member["id"]).count() == 1
    await assert_ledger_invariant(member["id"])


async def test_payment_left_uncredited_after_retries_end_is_settled_by_reconcile(
        api: Api, seeded, rt, sandbox, notify_relay: NotifyRelay, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api.app.ctx.rt.settings.points, "one_statement", False)  # the step-by-step path
    await coupon_rule()
    _, member = await api.login("purchase-given-up")
    _contend(monkeypatch, "purchase")
    played = await play_payment(sandbox, notify_relay, member["openid"], 8800)  # WeChat Pay retries no more
    assert played["status"] == 500
    monkeypatch.undo()
    assert (await Payment.get()).credited_at is None
    _later(rt)
    found = await reconcile.run(rt, repair=True)
    assert [(f.check, f.repaired, f.error) for f in found] == [("payments_uncredited", True, None)]
    assert (await Payment.get()).credited_at is not None
    assert (await Member.get(id=member["id"])).balance == 88 + 100
    assert await reconcile.run(rt, repair=True) == []
    await assert_ledger_invariant(member["id"])
