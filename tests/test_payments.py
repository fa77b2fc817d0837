"""WeChat Pay payment results end to end: the sandbox plays signed v3 notifications over real HTTP into
POST /wechatpay/notify; points, growth, first-purchase bonus, refunds, late registration, rejections."""

from __future__ import annotations

import asyncio
import base64
import json
import re
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from app.clock import SHANGHAI, clock
from app.db import conn, is_postgres_conn
from app.services.coupons import service as coupon_service
from app.services.outbox import service as outbox
from app.services.payments import one_statement
from app.services.payments import service as payments
from app.services.points import expiry, ledger
from app.services.points.config_cache import config_cache
from app.sqlx import fetch
from app.wechatpay import generate_dev_keys, sign_response_headers
from models import (
    Coupon,
    CouponPackage,
    CouponRule,
    CouponTemplate,
    EarningRule,
    Member,
    OutboxMessage,
    Payment,
    PaymentRefund,
    PointEntry,
    WeChatPayNotification,
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
    written_rows,
)

APPID = "wxsandbox0000001"


async def nothing_recorded() -> None:
    assert await Payment.all().count() == 0
    assert await WeChatPayNotification.all().count() == 0
    assert await PointEntry.filter(source__startswith="payment:").count() == 0
    assert await OutboxMessage.all().count() == 0


async def coupon_rule(name: str = "pay-gift", *, min_paid_fen: int = 0, first_purchase_only: bool = False,
                      templates: int = 1, stock_total: int | None = None, **rule: Any) -> CouponRule:
    items = []
    for n in range(templates):
        t = await CouponTemplate.create(name=f"{name}-{n}", kind="amount_off", amount_off_fen=500 + n,
                                        min_spend_fen=1000, validity="days", valid_days=30, stock_total=stock_total)
        items.append({"template_id": t.id, "quantity": 1})
    package = await CouponPackage.create(name=name, items=items)
    return await CouponRule.create(name=name, package_id=package.id, min_paid_fen=min_paid_fen,
                                   first_purchase_only=first_purchase_only, **rule)


# -- the happy path ------------------------------------------------------------------------------------------
async def test_payment_awards_points_growth_bonus_and_queues_push(api: Api, seeded, sandbox,
                                                                   notify_relay: NotifyRelay) -> None:
    token, member = await api.login("pay1")
    played = await play_payment(sandbox, notify_relay, member["openid"], 12345, attach="order:1")
    assert (played["delivered"], played["status"]) == (True, 204), notify_relay.answers
    payment = await Payment.get(transaction_id=played["transaction_id"])
    assert (payment.member_id, payment.total_fen, payment.payer_total_fen, payment.attach) == (
        member["id"], 12345, 12345, "order:1")
    assert payment.out_trade_no == played["out_trade_no"] and payment.credited_at is not None
    entries = await PointEntry.filter(member_id=member["id"]).order_by("id")
    assert [(e.event, e.amount, e.growth, e.idem_key, e.source) for e in entries] == [
        ("purchase", 123, 123, f"pay:{payment.transaction_id}", f"payment:{payment.transaction_id}"),
        ("first_purchase", 100, 0, "first_purchase", f"payment:{payment.transaction_id}"),
    ]
    status, points = await api.call("GET", "/api/v1/points", token=token)
    assert status == 200 and (points["balance"], points["growth"]) == (223, 123)
    note = await WeChatPayNotification.get(notification_id=played["notification_id"])
    assert (note.status, note.event_type, note.ref) == ("processed", "TRANSACTION.SUCCESS", payment.transaction_id)
    push = await OutboxMessage.get(dedupe_key=f"pay-push:{payment.transaction_id}")
    assert push.status == "pending" and push.payload["data"]["number3"] == "223"
    await assert_ledger_invariant(member["id"])

    # a second payment earns no second bonus
    played2 = await play_payment(sandbox, notify_relay, member["openid"], 5000)
    assert played2["status"] == 204
    assert (await Member.get(id=member["id"])).balance == 223 + 50
    await assert_ledger_invariant(member["id"])


@pytest.mark.parametrize("with_coupons", [True, False], ids=["coupon-rule", "single-statement"])
async def test_twenty_concurrent_copies_award_once(api: Api, seeded, sandbox, notify_relay: NotifyRelay,
                                                   settled: list[str], with_coupons: bool) -> None:
    """A duplicate storm: WeChat Pay delivers the same notification 20 times at once. On PostgreSQL the single
    statement races itself, with and without a coupon package to issue (on SQLite the steps do). One effect
    each: one credit, one package (one coupon, its stock taken once), one push."""
    if with_coupons:
        await coupon_rule()
    _, member = await api.login("pay-copies")
    played = await play_payment(sandbox, notify_relay, member["openid"], 9900, copies=20)
    assert played["statuses"] == [204] * 20, notify_relay.answers
    tid = played["transaction_id"]
    assert await Payment.filter(transaction_id=tid).count() == 1
    assert await PointEntry.filter(member_id=member["id"], kind="earn").count() == 2
    assert (await Member.get(id=member["id"])).balance == 99 + 100
    assert await Coupon.filter(member_id=member["id"]).count() == (1 if with_coupons else 0)
    assert await OutboxMessage.filter(kind="subscribe").count() == 1
    note = await WeChatPayNotification.get(notification_id=played["notification_id"])
    assert (note.status, note.deliveries) == ("processed", 20)
    if with_coupons:
        assert [t.issued_count for t in await CouponTemplate.all()] == [1]
    if is_postgres_conn(conn()):
        assert tid not in settled  # the statement credited it; the other 19 copies found it done
    await assert_ledger_invariant(member["id"])

    # WeChat Pay delivers the same notification again later: acknowledged, nothing changes
    headers, body = notify_relay.received[0]
    status, _ = await api.call("POST", "/wechatpay/notify", headers=headers, data=body)
    assert status == 204
    assert (await Member.get(id=member["id"])).balance == 199
    assert (await WeChatPayNotification.get()).deliveries == 21


async def test_parallel_payments_of_one_member_award_bonus_once(api: Api, seeded, sandbox,
                                                                 notify_relay: NotifyRelay) -> None:
    _, member = await api.login("pay-parallel")
    played = await asyncio.gather(*[play_payment(sandbox, notify_relay, member["openid"], 1000 * (n + 1))
                                    for n in range(6)])
    assert all(p["status"] == 204 for p in played), notify_relay.answers
    assert await PointEntry.filter(member_id=member["id"], event="first_purchase").count() == 1
    assert (await Member.get(id=member["id"])).balance == 10 + 20 + 30 + 40 + 50 + 60 + 100
    await assert_ledger_invariant(member["id"])


# -- rejections: nothing recorded ---------------------------------------------------------------------------
def _platform_key(rt) -> rsa.RSAPrivateKey:
    return generate_dev_keys(Path(rt.settings.sandbox.keys_dir)).platform_private_key()


def _tamper_body(headers: dict[str, str], body: bytes) -> tuple[dict[str, str], bytes]:
    envelope = json.loads(body)
    envelope["summary"] = "支付成功!"
    return headers, json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()


def _wrong_key(headers: dict[str, str], body: bytes) -> tuple[dict[str, str], bytes]:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return {**headers, **sign_response_headers(other, headers["Wechatpay-Serial"], body)}, body


def _unknown_serial(headers: dict[str, str], body: bytes) -> tuple[dict[str, str], bytes]:
    return {**headers, "Wechatpay-Serial": "PUB_KEY_ID_0000000000000000000000000000000000"}, body


@pytest.mark.parametrize(("case", "expect_code"), [
    ("tampered_body", "SIGN_ERROR"), ("wrong_key", "SIGN_ERROR"), ("stale_timestamp", "STALE_TIMESTAMP"),
    ("future_timestamp", "STALE_TIMESTAMP"), ("bad_ciphertext", "DECRYPT_ERROR"),
    ("unknown_serial", "UNKNOWN_SERIAL"), ("signature_probe", "SIGN_ERROR"), ("missing_header", "BAD_REQUEST"),
])
async def test_rejected_notifications_record_nothing(api: Api, seeded, sandbox, notify_relay: NotifyRelay,
                                                    case: str, expect_code: str) -> None:
    _, member = await api.login(f"reject-{case}")
    extra: dict[str, Any] = {}
    if case == "tampered_body":
        notify_relay.mutate = _tamper_body
    elif case == "wrong_key":
        notify_relay.mutate = _wrong_key
    elif case == "stale_timestamp":
        extra["timestamp_offset"] = -301
    elif case == "future_timestamp":
        extra["timestamp_offset"] = 310
    elif case == "unknown_serial":
        notify_relay.mutate = _unknown_serial
    elif case == "signature_probe":
        extra["probe"] = True
    elif case == "missing_header":
        notify_relay.mutate = lambda h, b: ({k: v for k, v in h.items() if k != "Wechatpay-Nonce"}, b)
    elif case == "bad_ciphertext":
        platform = _platform_key(api.app.ctx.rt)

        def corrupt(headers: dict[str, str], body: bytes) -> tuple[dict[str, str], bytes]:
            envelope = json.loads(body)
            raw = bytearray(base64.b64decode(envelope["resource"]["ciphertext"]))
            raw[0] ^= 0xFF
            envelope["resource"]["ciphertext"] = base64.b64encode(bytes(raw)).decode()
            new_body = json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()
            # correctly signed by the platform: only the AEAD can tell
            return {**headers, **sign_response_headers(platform, headers["Wechatpay-Serial"], new_body)}, new_body

        notify_relay.mutate = corrupt
    played = await play_payment(sandbox, notify_relay, member["openid"], 5000, **extra)
    assert played["delivered"] is False
    status, body = notify_relay.answers[-1]
    assert 400 <= status < 500, (status, body)
    assert set(body) == {"code", "message"} and body["code"] == expect_code, body
    await nothing_recorded()
    assert (await Member.get(id=member["id"])).balance == 0


async def test_unknown_serial_makes_no_outbound_call(api: Api, seeded, sandbox, notify_relay: NotifyRelay) -> None:
    _, member = await api.login("reject-serial-quiet")
    sandbox.state.requests.clear()
    notify_relay.mutate = _unknown_serial
    played = await play_payment(sandbox, notify_relay, member["openid"], 5000)
    assert played["status"] == 401
    assert list(sandbox.state.requests) == []  # no certificate download, no order query: nothing went out


async def test_other_merchant_or_app_is_refused(api: Api, seeded, sandbox, notify_relay: NotifyRelay) -> None:
    _, member = await api.login("reject-appid")
    played = await play_payment(sandbox, notify_relay, member["openid"], 5000, appid="wxsomeoneelse0001")
    assert played["status"] == 400 and notify_relay.answers[-1][1]["code"] == "MERCHANT_MISMATCH"
    await nothing_recorded()


async def test_certificate_serial_mode_is_accepted(api: Api, seeded, sandbox, notify_relay: NotifyRelay) -> None:
    _, member = await api.login("cert-mode")
    played = await play_payment(sandbox, notify_relay, member["openid"], 2000, key_mode="certificate")
    assert played["status"] == 204
    assert (await Member.get(id=member["id"])).balance == 20 + 100


async def test_other_event_types_are_acknowledged_without_effect(api: Api, seeded, rt) -> None:
    from app.wechatpay import build_notification

    keys = generate_dev_keys(Path(rt.settings.sandbox.keys_dir))
    headers, body = build_notification(keys.platform_private_key(), keys.platform_public_key_id, keys.apiv3_key,
                                       "REFUND.CLOSED", {"mchid": "1900000001", "refund_id": "503x",
                                                         "refund_status": "CLOSED"}, "refund")
    for _ in range(2):
        status, answer = await api.call("POST", "/wechatpay/notify", headers=headers, data=body)
        assert status == 204, answer
    note = await WeChatPayNotification.get()
    assert (note.status, note.event_type, note.deliveries) == ("ignored", "REFUND.CLOSED", 2)
    assert await Payment.all().count() == 0 and await PaymentRefund.all().count() == 0


# -- failures mid-way: 5xx, then the retry completes everything exactly once --------------------------------
async def test_failure_midway_answers_500_and_retry_completes_once(api: Api, seeded, sandbox,
                                                                  notify_relay: NotifyRelay,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The step-by-step path (forced: on PostgreSQL a coupon-issuing payment would take the single statement,
    which has no "midway") fails after its coupons committed; WeChat Pay's retry finishes the rest once."""
    monkeypatch.setattr(api.app.ctx.rt.settings.points, "one_statement", False)
    await coupon_rule(templates=2)
    _, member = await api.login("pay-midway")
    real = coupon_service.issue_for_payment
    calls = {"n": 0}

    async def flaky(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            await real(*args, **kwargs)  # the coupons commit, then the step "crashes"
            raise RuntimeError("injected failure after issuing coupons")
        return await real(*args, **kwargs)

    monkeypatch.setattr(coupon_service, "issue_for_payment", flaky)
    played = await play_payment(sandbox, notify_relay, member["openid"], 8800, retry=True, time_scale=0.05)
    assert played["status"] == 500 and played["delivered"] is False
    assert notify_relay.answers[0] == (500, {"code": "FAIL", "message": "internal error, please retry"})
    tid = played["transaction_id"]
    payment = await Payment.get(transaction_id=tid)
    assert payment.credited_at is None  # points were awarded, but the payment is not done
    delivery = await wait_delivered(sandbox, played["notification_id"])
    assert delivery["delivered"] and delivery["statuses"] == [500, 204], delivery
    assert calls["n"] == 2
    assert await PointEntry.filter(member_id=member["id"], kind="earn").count() == 2
    assert (await Member.get(id=member["id"])).balance == 88 + 100
    assert await Coupon.filter(member_id=member["id"]).count() == 2
    assert await OutboxMessage.filter(kind="subscribe").count() == 1
    assert (await Payment.get(transaction_id=tid)).credited_at is not None
    note = await WeChatPayNotification.get(notification_id=played["notification_id"])
    assert (note.status, note.deliveries, note.last_error) == ("processed", 2, None)
    await assert_ledger_invariant(member["id"])


async def test_database_failure_answers_500_in_wechatpay_shape(api: Api, seeded, sandbox, notify_relay: NotifyRelay,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _, member = await api.login("pay-dbdown")

    async def down(*args: Any, **kwargs: Any) -> Any:
        raise ConnectionError("database unavailable")

    monkeypatch.setattr(payments, "record_payment", down)  # the general path's first write
    monkeypatch.setattr(one_statement, "fetchrow", down)  # the PostgreSQL single statement
    played = await play_payment(sandbox, notify_relay, member["openid"], 1000, retry=True, time_scale=0.05)
    assert played["status"] == 500
    assert set(notify_relay.answers[-1][1]) == {"code", "message"}
    assert await Payment.all().count() == 0 and await PointEntry.all().count() == 0
    if not is_postgres_conn(conn()):  # the general path logged it first; the fast path writes all or nothing
        assert (await WeChatPayNotification.get()).status == "received"
    monkeypatch.undo()
    delivery = await wait_delivered(sandbox, played["notification_id"])
    assert delivery["delivered"] and delivery["statuses"][-1] == 204, delivery
    assert (await Member.get(id=member["id"])).balance == 10 + 100
    assert (await WeChatPayNotification.get()).status == "processed"


# -- the PostgreSQL single-statement credit ------------------------------------------------------------------
async def _written(member_id: int, tid: str, out_trade_no: str, openid: str) -> str:
    """Everything a credited payment wrote for a member, without ids, times and per-payment names."""
    text = await written_rows(
        member_id,
        payment=("SELECT member_id = $1 AS linked, tier_level, refunded_fen, total_fen, payer_total_fen, "
                 "credited_at IS NOT NULL AS credited FROM payments WHERE transaction_id = $2", [member_id, tid]),
        notification=("SELECT status, deliveries, ref, last_error FROM wechatpay_notifications WHERE ref = $1",
                      [tid]),
        outbox=("SELECT kind, dedupe_key, status, attempts, payload FROM outbox_messages WHERE member_id = $1 "
                "ORDER BY id", [member_id]))
    for actual, placeholder in ((tid, "TID"), (out_trade_no, "ORDER"), (openid, "OPENID")):
        text = text.replace(actual, placeholder)
    # the push shows WeChat's payment time to the minute: two payments may straddle a minute
    return re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?=[\\\"])", "PAID-AT", text)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Transactions that went through the step-by-step `payments.settle` during the test."""
    calls: list[str] = []
    real_settle = payments.settle

    async def spy(rt, payment: Payment) -> bool:  # type: ignore[no-untyped-def]
        calls.append(payment.transaction_id)
        return await real_settle(rt, payment)

    monkeypatch.setattr(payments, "settle", spy)
    return calls


@pytest.mark.parametrize("budget", [None, 1_000_000], ids=["no-budget", "budget"])
async def test_single_statement_credit_writes_what_the_general_path_writes(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay, monkeypatch: pytest.MonkeyPatch, staff_token,
        settled: list[str], budget: int | None) -> None:
    """Two members in the same state pay the same amount (crossing two tiers: the bonus is multiplied by the
    new tier); on PostgreSQL one payment takes the single statement and the other is forced through settle().
    With a points budget far from its warning line both count what they issued against it."""
    admin = staff_token("admin")
    year = clock.now().astimezone(SHANGHAI).year  # the payment is dated now (sandbox time)
    if budget is not None:
        assert (await api.call("PUT", f"/admin/v1/budget/{year}", token=admin,
                               json={"budget_points": budget}))[0] == 200
    written = []
    for n, label in enumerate(("fast", "general")):
        if label == "general":
            monkeypatch.setattr(api.app.ctx.rt.settings.points, "one_statement", False)
        _, member = await api.login(f"parity-{label}")
        played = await play_payment(sandbox, notify_relay, member["openid"], 600_000, attach="order:9")
        assert played["status"] == 204, notify_relay.answers
        expect_fast = label == "fast" and is_postgres_conn(conn())
        assert (played["transaction_id"] in settled) is not expect_fast, settled
        written.append(await _written(member["id"], played["transaction_id"], played["out_trade_no"],
                                      member["openid"]))
        assert len(settled) == (n + 1 if not is_postgres_conn(conn()) else n)
    assert written[0] == written[1]
    snapshot = json.loads(written[0])
    assert [(e["event"], e["amount"], e["balance_after"]) for e in snapshot["entries"]] == [
        ("purchase", 6000, 6000), ("first_purchase", 150, 6150)]
    assert [(t["from_level"], t["to_level"]) for t in snapshot["tiers"]] == [(0, 2)]
    assert snapshot["member"][0]["tier_level"] == 2 and snapshot["payment"][0]["tier_level"] == 0
    assert json.loads(snapshot["outbox"][0]["payload"])["data"]["number3"] == "6150"
    if budget is not None:
        status, body = await api.call("GET", f"/admin/v1/budget?year={year}", token=admin)
        assert status == 200 and body["issued"] == 2 * 6150


# -- coupon packages on the single statement ------------------------------------------------------------------
async def _coupon_package_rules() -> list[CouponTemplate]:
    """Rules that exercise every part of issuing: a WeChat Pay stock template issued twice, a fixed-window
    template, a first-purchase-only rule, and two rules that do not match (tier, minimum paid)."""
    now = clock.now()
    wx = await CouponTemplate.create(name="wx-5", kind="amount_off", amount_off_fen=500, min_spend_fen=1000,
                                     validity="days", valid_days=7, stock_total=50, stock_id="9856000",
                                     stock_creator_mchid="1900000109")
    fixed = await CouponTemplate.create(name="fixed-10pc", kind="percent_off", percent_off_bp=1000,
                                        max_discount_fen=2000, validity="fixed", valid_from=now - timedelta(days=1),
                                        valid_until=now + timedelta(days=20), stock_total=50)
    welcome = await CouponTemplate.create(name="welcome", kind="amount_off", amount_off_fen=1000, validity="days",
                                          valid_days=30)
    ended = await CouponTemplate.create(name="ended", kind="amount_off", amount_off_fen=100, validity="fixed",
                                        valid_from=now - timedelta(days=9), valid_until=now - timedelta(days=1))
    gift = await CouponPackage.create(name="gift", items=[{"template_id": wx.id, "quantity": 2},
                                                          {"template_id": fixed.id, "quantity": 1},
                                                          {"template_id": ended.id, "quantity": 1}])
    first = await CouponPackage.create(name="first", items=[{"template_id": welcome.id, "quantity": 1}])
    await CouponRule.create(name="gift", package_id=gift.id, min_paid_fen=1000)
    await CouponRule.create(name="first", package_id=first.id, first_purchase_only=True)
    await CouponRule.create(name="vip", package_id=gift.id, tier_levels=[5])
    await CouponRule.create(name="big", package_id=gift.id, min_paid_fen=10_000_000)
    return [wx, fixed, welcome, ended]


async def _written_with_coupons(member_id: int, tid: str, out_trade_no: str, openid: str) -> str:
    """`_written` plus the coupons, the stock and the WeChat Pay outbox rows' link to their coupons; coupon ids
    (in the outbox rows) become their rank among the member's coupons (C0, C1... in keys, -1, -2... in payloads)."""
    text = await _written(member_id, tid, out_trade_no, openid)
    ids = [c.id for c in await Coupon.filter(member_id=member_id).order_by("id")]
    for n, cid in enumerate(ids):
        text = re.sub(rf"wxcoupon:{cid}\b", f"wxcoupon:C{n}", text)
        text = re.sub(rf'(coupon_id\\"\s*:\s*){cid}\b', rf"\g<1>-{n + 1}", text)
    coupons = await written_rows(
        member_id,
        coupons=("SELECT issue_key, template_id, rule_id, name, kind, amount_off_fen, percent_off_bp, "
                 "max_discount_fen, min_spend_fen, CASE WHEN valid_from = issued_at THEN 'ISSUED' "
                 "ELSE CAST(valid_from AS TEXT) END AS valid_from, valid_until, state, wxpay_stock_id, "
                 "wxpay_out_request_no, wxpay_status, wxpay_coupon_id, "
                 "payment_id = (SELECT id FROM payments WHERE transaction_id = $2) AS of_payment "
                 "FROM coupons WHERE member_id = $1 ORDER BY id", [member_id, tid]),
        wx_linked=("SELECT count(*) AS n FROM outbox_messages o JOIN coupons c ON o.dedupe_key = 'wxcoupon:' || c.id "
                   "WHERE c.member_id = $1 AND o.kind = 'wxpay_coupon'", [member_id]))
    return text + "\n" + coupons.replace(tid, "TID")


async def test_coupon_issuing_single_statement_writes_what_the_general_path_writes(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay, monkeypatch: pytest.MonkeyPatch,
        settled: list[str]) -> None:
    """Issue #17: a payment that issues coupon packages (stock, coupons, the WeChat Pay coupon outbox rows, the
    push) takes the single statement on PostgreSQL and writes exactly what the step-by-step path writes."""
    templates = await _coupon_package_rules()
    written = []
    for n, label in enumerate(("fast", "general")):
        if label == "general":
            monkeypatch.setattr(api.app.ctx.rt.settings.points, "one_statement", False)
        _, member = await api.login(f"coupon-parity-{label}")
        played = await play_payment(sandbox, notify_relay, member["openid"], 25_000, attach="order:7")
        assert played["status"] == 204, notify_relay.answers
        expect_fast = label == "fast" and is_postgres_conn(conn())
        assert (played["transaction_id"] in settled) is not expect_fast, settled
        written.append(await _written_with_coupons(member["id"], played["transaction_id"], played["out_trade_no"],
                                                   member["openid"]))
        await assert_ledger_invariant(member["id"])
        assert len(settled) == (n + 1 if not is_postgres_conn(conn()) else n)
    assert written[0] == written[1]
    snapshot, coupons = (json.loads(part) for part in written[0].split("\n"))
    assert [(c["name"], c["rule_id"] is not None, c["wxpay_status"]) for c in coupons["coupons"]] == [
        ("wx-5", True, "pending"), ("wx-5", True, "pending"), ("fixed-10pc", True, None), ("welcome", True, None)]
    assert all(c["of_payment"] for c in coupons["coupons"]) and coupons["wx_linked"] == [{"n": 2}]
    assert [(o["kind"], o["dedupe_key"]) for o in snapshot["outbox"]] == [
        ("wxpay_coupon", "wxcoupon:C0"), ("wxpay_coupon", "wxcoupon:C1"), ("subscribe", "pay-push:TID")]
    wx_payload = json.loads(snapshot["outbox"][0]["payload"])
    assert (wx_payload["openid"], wx_payload["stock_id"], wx_payload["stock_creator_mchid"],
            wx_payload["out_request_no"], wx_payload["coupon_id"]) == (
        "OPENID", "9856000", "1900000109", coupons["coupons"][0]["issue_key"], -1)
    assert json.loads(snapshot["outbox"][2]["payload"])["data"]["thing4"] == "获得4张优惠券"
    assert [(await CouponTemplate.get(id=t.id)).issued_count for t in templates] == [4, 2, 2, 0]
    for o in await OutboxMessage.filter(kind="wxpay_coupon"):  # each row names its own coupon
        assert o.dedupe_key == f"wxcoupon:{o.payload['coupon_id']}"
        assert (await Coupon.get(id=o.payload["coupon_id"])).wxpay_out_request_no == o.payload["out_request_no"]


async def test_package_beyond_the_stock_takes_the_steps_and_issues_what_is_left(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay, settled: list[str]) -> None:
    """A package needing more than the stock left is the rare case: the statement aborts (nothing written) and
    the step-by-step path issues coupon by coupon what the stock allows; points and the push still happen."""
    await coupon_rule("scarce", stock_total=1)
    await CouponPackage.all().update(items=[{"template_id": (await CouponTemplate.get()).id, "quantity": 2}])
    _, member = await api.login("pay-scarce")
    played = await play_payment(sandbox, notify_relay, member["openid"], 5000)
    assert played["status"] == 204, notify_relay.answers
    assert played["transaction_id"] in settled
    assert await Coupon.filter(member_id=member["id"]).count() == 1
    assert (await CouponTemplate.get()).issued_count == 1
    push = await OutboxMessage.get(kind="subscribe")
    assert push.payload["data"]["thing4"] == "获得1张优惠券"
    assert (await Member.get(id=member["id"])).balance == 50 + 100
    await assert_ledger_invariant(member["id"])


async def test_payments_racing_for_scarce_stock_never_oversell(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay, settled: list[str]) -> None:
    """Eight payers at once against a stock of five: the statements take the stock under the template's row
    lock and the ones that find it gone fall back to the steps; exactly five coupons, every payment credited."""
    await coupon_rule("race", stock_total=5)
    members = [(await api.login(f"pay-race-{n}"))[1] for n in range(8)]
    played = await asyncio.gather(*[play_payment(sandbox, notify_relay, m["openid"], 3000) for m in members])
    assert [p["status"] for p in played] == [204] * 8, notify_relay.answers
    assert await Coupon.all().count() == 5
    assert (await CouponTemplate.get()).issued_count == 5
    assert await Payment.filter(credited_at__isnull=False).count() == 8
    pushes = await OutboxMessage.filter(kind="subscribe")
    assert len(pushes) == 8
    assert sorted(p.payload["data"]["thing4"] for p in pushes) == ["本单无优惠券"] * 3 + ["获得1张优惠券"] * 5
    if is_postgres_conn(conn()):
        assert len(settled) >= 3  # at most five statements could take the stock
    for m in members:
        await assert_ledger_invariant(m["id"])


async def test_first_purchase_only_rule_without_a_bonus_takes_the_steps(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay, settled: list[str]) -> None:
    """With no first-purchase bonus to take the `first_purchase` key, only the steps can decide "first
    purchase" (under the member's lock): the statement is skipped and the welcome package is issued once. The
    decision is recorded (a zero-point `first_purchase` entry), so the member's next payment takes the statement."""
    await EarningRule.filter(code="first_purchase").update(active=False)
    config_cache.invalidate()
    await coupon_rule("welcome", first_purchase_only=True)
    _, member = await api.login("pay-first-only")
    first = await play_payment(sandbox, notify_relay, member["openid"], 5000)
    second = await play_payment(sandbox, notify_relay, member["openid"], 5000)
    assert (first["status"], second["status"]) == (204, 204), notify_relay.answers
    assert first["transaction_id"] in settled
    assert (second["transaction_id"] in settled) is not is_postgres_conn(conn())
    coupons = await Coupon.filter(member_id=member["id"])
    assert len(coupons) == 1 and coupons[0].issue_key.startswith(f"pay-{first['transaction_id']}-")
    await assert_ledger_invariant(member["id"])


async def test_refund_recorded_while_the_single_statement_runs_is_clawed_back(
        api: Api, seeded, rt, sandbox, notify_relay: NotifyRelay, monkeypatch: pytest.MonkeyPatch) -> None:
    """A refund whose own claw-back ran before the payment committed is applied right after the commit."""
    if not is_postgres_conn(conn()):
        pytest.skip("the single-statement credit is PostgreSQL's; SQLite always settles step by step")
    _, member = await api.login("refund-race")
    async def nothing_to_claw_back_yet(txn: str) -> None:
        assert await payments.apply_refunds(rt, txn) == 0  # no credited payment yet

    calls = refund_during_single_statement(monkeypatch, rt, then=nothing_to_claw_back_yet)
    played = await play_payment(sandbox, notify_relay, member["openid"], 10000)
    assert played["status"] == 204
    m = await Member.get(id=member["id"])
    assert (m.balance, m.growth) == (200 - 50, 100 - 25)
    assert (await PaymentRefund.get()).applied_at is not None
    assert calls["n"] == 2
    await assert_ledger_invariant(member["id"])


# -- refunds ------------------------------------------------------------------------------------------------
async def test_partial_refunds_add_up_and_never_exceed_what_was_earned(api: Api, seeded, sandbox,
                                                                       notify_relay: NotifyRelay) -> None:
    _, member = await api.login("refund-partial")
    mid = member["id"]
    played = await play_payment(sandbox, notify_relay, member["openid"], 10000)
    tid = played["transaction_id"]
    assert (await Member.get(id=mid)).balance == 200  # 100 purchase + 100 first-purchase bonus; growth 100
    expected = [(3000, 140, 70), (3333, 74, 37), (1, 74, 37), (3666, 0, 0)]  # (refund, balance, growth after)
    for amount, balance, growth in expected:
        r = await play_refund(sandbox, notify_relay, tid, amount, copies=2)
        assert r["statuses"] == [204, 204], notify_relay.answers
        m = await Member.get(id=mid)
        assert (m.balance, m.growth) == (balance, growth), (amount, m.balance, m.growth)
        await assert_ledger_invariant(mid)
    refunds = await PaymentRefund.filter(transaction_id=tid).order_by("id")
    assert [r.points for r in refunds] == [60, 66, 0, 74] and sum(r.points for r in refunds) == 200
    assert [r.growth for r in refunds] == [30, 33, 0, 37]
    assert (await Payment.get(transaction_id=tid)).refunded_fen == 10000
    # a refund beyond the payment is refused by the platform; nothing can take more than was earned
    assert (await sandbox_call(sandbox, "POST", "/__sandbox__/pay/refunds", {
        "notify_url": notify_relay.url, "transaction_id": tid, "amount": 1}, expect=400))


async def test_concurrent_distinct_refunds_never_overclaw(api: Api, seeded, sandbox,
                                                          notify_relay: NotifyRelay) -> None:
    _, member = await api.login("refund-concurrent")
    played = await play_payment(sandbox, notify_relay, member["openid"], 10000)
    results = await asyncio.gather(*[play_refund(sandbox, notify_relay, played["transaction_id"], 2500)
                                     for _ in range(4)])
    assert all(r["status"] == 204 for r in results), notify_relay.answers
    refunds = await PaymentRefund.filter(transaction_id=played["transaction_id"])
    assert sum(r.points for r in refunds) == 200 and sum(r.growth for r in refunds) == 100
    m = await Member.get(id=member["id"])
    assert (m.balance, m.growth) == (0, 0)
    await assert_ledger_invariant(member["id"])


async def test_full_refund_reverses_bonus_revokes_unused_coupons_and_spent_points_become_debt(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay, staff_token) -> None:
    await coupon_rule(templates=2)
    _, member = await api.login("refund-full")
    mid = member["id"]
    played = await play_payment(sandbox, notify_relay, member["openid"], 20000)
    assert (await Member.get(id=mid)).balance == 300
    used, unused = await Coupon.filter(member_id=mid).order_by("id")
    status, _ = await api.call("POST", f"/guide/v1/coupons/{used.code}/redeem", token=staff_token("guide"),
                               json={"order_amount_fen": 5000})
    assert status == 200
    await ledger.spend(mid, 250, "spend-before-refund", now=api.app.ctx.rt.clock.now())
    r = await play_refund(sandbox, notify_relay, played["transaction_id"], 20000)
    assert r["status"] == 204
    m = await Member.get(id=mid)
    assert (m.balance, m.growth, m.pending) == (50 - 300, 0, 0)  # the spent 250 became a debt
    assert {c.code: c.state for c in await Coupon.filter(member_id=mid)} == {used.code: "used",
                                                                            unused.code: "revoked"}
    assert (await Coupon.get(id=unused.id)).revoke_reason == "payment_refunded"
    await assert_ledger_invariant(mid)
    # the next payment pays the debt off first (no new first-purchase bonus)
    await play_payment(sandbox, notify_relay, member["openid"], 30000)
    m = await Member.get(id=mid)
    assert m.balance == -250 + 300
    await assert_ledger_invariant(mid)


async def test_a_debt_is_paid_off_by_the_next_single_statement_credit(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay, settled: list[str]) -> None:
    """No coupon rule: on PostgreSQL the next payment takes the single statement; the debt bucket left by a
    refund of spent points is netted against the new points right after it."""
    _, member = await api.login("debt-fast")
    mid = member["id"]
    played = await play_payment(sandbox, notify_relay, member["openid"], 20000)
    await ledger.spend(mid, 250, "spend-before-refund", now=api.app.ctx.rt.clock.now())
    await play_refund(sandbox, notify_relay, played["transaction_id"], 20000)
    assert (await Member.get(id=mid)).balance == -250
    settled.clear()
    await play_payment(sandbox, notify_relay, member["openid"], 30000)
    assert (settled == []) is is_postgres_conn(conn())
    assert (await Member.get(id=mid)).balance == -250 + 300
    debt = await fetch(conn(), "SELECT COALESCE(SUM(remaining), 0) AS s FROM point_buckets WHERE member_id = $1 "
                               "AND state = 'debt'", [mid])
    assert int(debt[0]["s"]) == 0  # paid off: no negative bucket left beside the new points
    await assert_ledger_invariant(mid)


async def test_pending_points_show_at_once_and_refunds_take_pending_first(api: Api, seeded, sandbox,
                                                                          notify_relay: NotifyRelay) -> None:
    await EarningRule.filter(code="purchase").update(pending_days=7)
    config_cache.invalidate()
    token, member = await api.login("refund-pending")
    mid = member["id"]
    played = await play_payment(sandbox, notify_relay, member["openid"], 10000)
    m = await Member.get(id=mid)
    assert (m.balance, m.pending) == (100, 100)  # bonus available, purchase pending for the return window
    _, points = await api.call("GET", "/api/v1/points", token=token)
    assert points["pending"] == 100 and points["pending_releases"][0]["amount"] == 100
    push = await OutboxMessage.get(kind="subscribe")
    assert push.payload["data"]["number3"] == "200"
    await play_refund(sandbox, notify_relay, played["transaction_id"], 5000)  # takes 100 of 200: pending first
    m = await Member.get(id=mid)
    assert (m.balance, m.pending) == (100, 0)
    await assert_ledger_invariant(mid)
    # after the window the scheduler releases nothing more; the remaining refund takes the bonus back
    await expiry.release_due(api.app.ctx.rt.clock.now() + timedelta(days=8))
    await play_refund(sandbox, notify_relay, played["transaction_id"], 5000)
    m = await Member.get(id=mid)
    assert (m.balance, m.pending, m.growth) == (0, 0, 0)
    await assert_ledger_invariant(mid)


async def test_refund_of_released_points_counts_them_once(api: Api, seeded, sandbox,
                                                          notify_relay: NotifyRelay) -> None:
    await EarningRule.filter(code="purchase").update(pending_days=7)
    config_cache.invalidate()
    _, member = await api.login("refund-released")
    mid = member["id"]
    played = await play_payment(sandbox, notify_relay, member["openid"], 10000)
    released = await expiry.release_due(api.app.ctx.rt.clock.now() + timedelta(days=8))
    assert released.points == 100
    assert (await Member.get(id=mid)).balance == 200
    await play_refund(sandbox, notify_relay, played["transaction_id"], 10000)
    m = await Member.get(id=mid)
    assert (m.balance, m.pending) == (0, 0)
    await assert_ledger_invariant(mid)


# -- payers who are not members yet ---------------------------------------------------------------------------
async def test_payer_registering_later_is_credited(api: Api, seeded, sandbox, notify_relay: NotifyRelay) -> None:
    await coupon_rule(first_purchase_only=True)
    openid = openid_for(APPID, "late-payer")
    played = await play_payment(sandbox, notify_relay, openid, 6600)
    assert played["status"] == 204
    payment = await Payment.get(transaction_id=played["transaction_id"])
    assert payment.member_id is None and payment.credited_at is None
    assert await OutboxMessage.all().count() == 0
    _, member = await api.login("late-payer")
    assert member["openid"] == openid
    payment = await Payment.get(id=payment.id)
    assert payment.member_id == member["id"] and payment.credited_at is not None
    m = await Member.get(id=member["id"])
    assert (m.balance, m.growth) == (66 + 100, 66)
    assert await Coupon.filter(member_id=member["id"]).count() == 1
    assert await OutboxMessage.filter(kind="subscribe", member_id=member["id"]).count() == 1
    await assert_ledger_invariant(member["id"])


async def test_late_registration_outside_the_window_is_not_credited(api: Api, seeded, sandbox,
                                                                    notify_relay: NotifyRelay) -> None:
    openid = openid_for(APPID, "too-late-payer")
    await play_payment(sandbox, notify_relay, openid, 6600)
    paid_at = (await Payment.get()).success_time  # WeChat's time (the wall clock), not the pinned business clock
    api.app.ctx.rt.clock.set(paid_at + timedelta(days=api.app.ctx.rt.settings.payments.link_window_days, hours=1))
    _, member = await api.login("too-late-payer")
    assert (await Member.get(id=member["id"])).balance == 0
    assert (await Payment.get()).member_id is None


async def test_refund_before_registration_then_registering_credits_nothing(api: Api, seeded, sandbox,
                                                                            notify_relay: NotifyRelay) -> None:
    openid = openid_for(APPID, "refunded-before-join")
    played = await play_payment(sandbox, notify_relay, openid, 6600)
    r = await play_refund(sandbox, notify_relay, played["transaction_id"], 6600)
    assert r["status"] == 204
    _, member = await api.login("refunded-before-join")
    m = await Member.get(id=member["id"])
    assert (m.balance, m.growth) == (0, 0)
    assert await PointEntry.filter(member_id=member["id"]).count() == 0
    assert (await Payment.get()).credited_at is not None


async def test_refund_notification_before_its_payment_is_applied_when_the_payment_arrives(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay) -> None:
    """Notifications can arrive out of order: a refund recorded first waits for its payment."""
    _, member = await api.login("refund-first")
    seen = {"n": 0}

    def lose_first_delivery(headers: dict[str, str], body: bytes) -> tuple[dict[str, str], bytes]:
        seen["n"] += 1
        if seen["n"] == 1:  # garbled in transit: refused, WeChat Pay retries later
            return {k: v for k, v in headers.items() if k != "Wechatpay-Signature"}, body
        return headers, body

    notify_relay.mutate = lose_first_delivery
    played = await play_payment(sandbox, notify_relay, member["openid"], 4000, retry=True, time_scale=0.05)
    assert played["status"] == 400
    r = await play_refund(sandbox, notify_relay, played["transaction_id"], 4000)
    assert r["status"] == 204
    assert await Payment.all().count() == 0 and await PaymentRefund.all().count() == 1
    delivery = await wait_delivered(sandbox, played["notification_id"])
    assert delivery["delivered"], delivery
    m = await Member.get(id=member["id"])
    assert (m.balance, m.growth) == (0, 0)  # refunded in full before it was credited: nothing credited
    assert (await Payment.get()).credited_at is not None
    await assert_ledger_invariant(member["id"])


async def test_partial_refund_before_the_payment_is_clawed_back_after_credit(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay) -> None:
    openid = openid_for(APPID, "partial-before-join")
    played = await play_payment(sandbox, notify_relay, openid, 10000)
    await play_refund(sandbox, notify_relay, played["transaction_id"], 2500)
    _, member = await api.login("partial-before-join")
    m = await Member.get(id=member["id"])
    assert (m.balance, m.growth) == (200 - 50, 100 - 25)
    assert (await PaymentRefund.get()).points == 50
    await assert_ledger_invariant(member["id"])


async def test_credit_pending_job_finishes_linked_payments(api: Api, seeded, rt, sandbox,
                                                           notify_relay: NotifyRelay,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    openid = openid_for(APPID, "job-payer")
    await play_payment(sandbox, notify_relay, openid, 3000)

    async def broken(rt: Any, member: Any) -> int:
        raise RuntimeError("hook failed")

    monkeypatch.setattr(payments, "credit_new_member", broken)
    _, member = await api.login("job-payer")  # the login itself succeeds
    assert (await Member.get(id=member["id"])).balance == 0
    rt.clock.shift(timedelta(minutes=5))
    out = await payments.credit_pending(rt)
    assert out["credited"] == 1
    assert (await Member.get(id=member["id"])).balance == 130
    assert (await payments.credit_pending(rt))["credited"] == 0
    await assert_ledger_invariant(member["id"])


# -- push content ---------------------------------------------------------------------------------------------
async def test_push_is_delivered_with_template_keywords(api: Api, seeded, rt, sandbox,
                                                        notify_relay: NotifyRelay) -> None:
    await coupon_rule(templates=2)
    _, member = await api.login("push-content")
    played = await play_payment(sandbox, notify_relay, member["openid"], 12345)
    out = await outbox.deliver_due(rt)
    assert out == {"sent": 1}
    sent = sandbox.state.sent_messages
    assert len(sent) == 1 and sent[0]["touser"] == member["openid"]
    assert sent[0]["template_id"] == rt.settings.miniprogram.subscribe_template_points
    data = sent[0]["data"]
    assert data["character_string1"] == played["out_trade_no"] and data["amount2"] == "123.45元"
    assert data["number3"] == "223" and data["thing4"] == "获得2张优惠券" and len(data["thing6"]) <= 20
    assert (await OutboxMessage.get()).status == "sent"


async def test_wall_clock_is_used_for_signature_freshness(rt) -> None:
    """A shifted business clock must not make WeChat Pay's signatures look stale (or replays fresh)."""
    from app.wechatpay import build_notification

    keys = generate_dev_keys(Path(rt.settings.sandbox.keys_dir))

    rt.clock.shift(timedelta(days=3))
    headers, body = build_notification(keys.platform_private_key(), keys.platform_public_key_id, keys.apiv3_key,
                                       "TRANSACTION.SUCCESS", {"x": 1}, "transaction", timestamp=int(time.time()))
    note = rt.wechatpay.verifier.verify_and_decrypt(headers, body, now=time.time())
    assert note.resource == {"x": 1}


async def test_v3_client_queries_the_order_with_a_verified_answer(api: Api, seeded, rt, sandbox,
                                                                 notify_relay: NotifyRelay) -> None:
    from app.wechatpay.client import WeChatPayRejected

    _, member = await api.login("query-order")
    played = await play_payment(sandbox, notify_relay, member["openid"], 1500)
    order = await rt.wechatpay.client.query_transaction(played["transaction_id"])
    assert (order["trade_state"], order["amount"]["total"], order["payer"]["openid"]) == (
        "SUCCESS", 1500, member["openid"])
    with pytest.raises(WeChatPayRejected) as err:
        await rt.wechatpay.client.query_transaction("4200000000000000000000000000")
    assert (err.value.status, err.value.code) == (404, "ORDER_NOT_EXIST")
