"""Coupons after payment: admin configuration, issuing rules, stock, wallet states, redemption under
concurrency, and WeChat Pay stock coupons through the signed v3 API of the sandbox."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.auth import issue_token
from app.services.coupons import service as coupon_service
from app.services.outbox import service as outbox
from models import Coupon, CouponTemplate, Member, OutboxMessage, Payment
from tests.conftest import Api
from tests.payhelpers import NotifyRelay, assert_ledger_invariant, play_payment, play_refund, sandbox_call

FUTURE = "2030-01-01T00:00:00+08:00"


async def admin(api: Api, staff_token, method: str, path: str, body: Any = None, *, role: str = "marketer",
                expect: int | None = None) -> Any:
    status, answer = await api.call(method, f"/admin/v1{path}", token=staff_token(role), json=body)
    if expect is not None:
        assert status == expect, (status, answer)
    return status, answer


async def setup_gift(api: Api, staff_token, *, templates: list[dict[str, Any]] | None = None,
                     **rule: Any) -> dict[str, Any]:
    """Templates -> package -> rule through the admin API."""
    ids = []
    for t in templates or [{"name": "满50减5", "kind": "amount_off", "amount_off_fen": 500, "min_spend_fen": 5000,
                            "validity": "days", "valid_days": 30}]:
        _, created = await admin(api, staff_token, "POST", "/coupon-templates", t, expect=201)
        ids.append(created["id"])
    _, package = await admin(api, staff_token, "POST", "/coupon-packages",
                             {"name": "支付有礼", "items": [{"template_id": i, "quantity": 1} for i in ids]},
                             expect=201)
    _, created_rule = await admin(api, staff_token, "POST", "/coupon-rules",
                                  {"name": "支付有礼", "package_id": package["id"], **rule}, expect=201)
    return {"templates": ids, "package": package, "rule": created_rule}


# -- admin ------------------------------------------------------------------------------------------------------
async def test_admin_crud_and_roles(api: Api, rt, staff_token) -> None:
    body = {"name": "九折券", "kind": "percent_off", "percent_off_bp": 1000, "max_discount_fen": 3000,
            "validity": "fixed", "valid_from": "2026-01-01T00:00:00+08:00", "valid_until": FUTURE, "stock_total": 100}
    _, t = await admin(api, staff_token, "POST", "/coupon-templates", body, expect=201)
    assert (t["stock_remaining"], t["issued_count"], t["active"]) == (100, 0, True)
    _, got = await admin(api, staff_token, "GET", f"/coupon-templates/{t['id']}", role="admin", expect=200)
    assert got["name"] == "九折券"
    _, patched = await admin(api, staff_token, "PATCH", f"/coupon-templates/{t['id']}", {"stock_total": None},
                             expect=200)
    assert patched["stock_total"] is None and patched["percent_off_bp"] == 1000
    _, listed = await admin(api, staff_token, "GET", "/coupon-templates", expect=200)
    assert [i["id"] for i in listed["items"]] == [t["id"]]
    _, deleted = await admin(api, staff_token, "DELETE", f"/coupon-templates/{t['id']}", expect=200)
    assert deleted["active"] is False
    _, active = await admin(api, staff_token, "GET", "/coupon-templates?active=true", expect=200)
    assert active["items"] == []
    await admin(api, staff_token, "GET", "/coupon-templates/999", expect=404)
    for role in ("guide", "member"):
        status, _ = await admin(api, staff_token, "POST", "/coupon-templates", body, role=role)
        assert status == 403
    member_token, _ = await api.login("not-staff")
    status, _ = await api.call("GET", "/admin/v1/coupon-rules", token=member_token)
    assert status == 403


@pytest.mark.parametrize(("body", "field"), [
    ({"kind": "amount_off", "validity": "days", "valid_days": 7}, "amount_off_fen"),
    ({"kind": "percent_off", "percent_off_bp": 10000, "validity": "days", "valid_days": 7}, "percent_off_bp"),
    ({"kind": "amount_off", "amount_off_fen": 100, "validity": "fixed"}, "valid_until"),
    ({"kind": "amount_off", "amount_off_fen": 100, "validity": "fixed", "valid_from": FUTURE,
      "valid_until": "2029-01-01T00:00:00+08:00"}, "valid_until"),
    ({"kind": "amount_off", "amount_off_fen": 100, "validity": "fixed", "valid_until": "2030-01-01T00:00:00"},
     "valid_until"),
    ({"kind": "amount_off", "amount_off_fen": 100, "validity": "days"}, "valid_days"),
    ({"kind": "amount_off", "amount_off_fen": -5, "validity": "days", "valid_days": 1}, "amount_off_fen"),
    ({"kind": "amount_off", "amount_off_fen": 100, "validity": "days", "valid_days": 1, "stock_total": -1},
     "stock_total"),
    ({"kind": "percent_off", "percent_off_bp": 500, "validity": "days", "valid_days": 1, "stock_id": "s-1"},
     "stock_id"),
    ({"kind": "cash", "validity": "days", "valid_days": 1}, "kind"),
])
async def test_template_validation_names_the_field(api: Api, rt, staff_token, body: dict[str, Any],
                                                   field: str) -> None:
    status, answer = await admin(api, staff_token, "POST", "/coupon-templates", {"name": "x", **body})
    assert status == 422, answer
    assert answer["error"]["code"] == "validation_failed"
    assert field in [d["field"] for d in answer["error"]["details"]], answer


async def test_package_and_rule_validation(api: Api, rt, staff_token) -> None:
    status, answer = await admin(api, staff_token, "POST", "/coupon-packages",
                                 {"name": "p", "items": [{"template_id": 4242}]})
    assert status == 422 and answer["error"]["details"][0]["field"] == "items.0.template_id"
    status, answer = await admin(api, staff_token, "POST", "/coupon-packages", {"name": "p", "items": []})
    assert status == 422 and answer["error"]["details"][0]["field"] == "items"
    status, answer = await admin(api, staff_token, "POST", "/coupon-rules", {"name": "r", "package_id": 4242})
    assert status == 422 and answer["error"]["details"][0]["field"] == "package_id"
    gift = await setup_gift(api, staff_token)
    status, answer = await admin(api, staff_token, "PATCH", f"/coupon-rules/{gift['rule']['id']}",
                                 {"starts_at": FUTURE, "ends_at": "2029-01-01T00:00:00+08:00"})
    assert status == 422 and answer["error"]["details"][0]["field"] == "ends_at"
    # an id beyond BIGINT is the model's refusal naming the field (it had reached the database: no field named)
    for path, body, field in (("/coupon-rules", {"name": "r", "package_id": 2**63}, "package_id"),
                              (f"/coupon-rules/{gift['rule']['id']}", {"package_id": 2**63}, "package_id"),
                              ("/coupon-packages", {"name": "p", "items": [{"template_id": 2**63}]},
                               "items.0.template_id")):
        status, answer = await admin(api, staff_token, "PATCH" if path[-1].isdigit() else "POST", path, body)
        assert status == 422 and answer["error"]["details"][0]["field"] == field, answer


# -- issuing rules ----------------------------------------------------------------------------------------------
async def test_rules_min_paid_first_purchase_tier_and_window(api: Api, seeded, sandbox, staff_token,
                                                             notify_relay: NotifyRelay) -> None:
    await setup_gift(api, staff_token, min_paid_fen=10000)
    first_only = await setup_gift(api, staff_token, first_purchase_only=True)
    await setup_gift(api, staff_token, tier_levels=[2, 3])
    await setup_gift(api, staff_token, starts_at="2020-01-01T00:00:00+08:00", ends_at="2021-01-01T00:00:00+08:00")
    _, member = await api.login("rules")
    mid = member["id"]
    await play_payment(sandbox, notify_relay, member["openid"], 9999)  # first purchase, below the minimum
    assert [c.rule_id for c in await Coupon.filter(member_id=mid)] == [first_only["rule"]["id"]]
    await play_payment(sandbox, notify_relay, member["openid"], 10000)  # meets the minimum, not the first
    assert await Coupon.filter(member_id=mid).count() == 2
    await Member.filter(id=mid).update(tier_level=2)
    await play_payment(sandbox, notify_relay, member["openid"], 100)  # tier 2 now: the tier rule applies
    assert await Coupon.filter(member_id=mid).count() == 3
    assert all(c.payment_id is not None for c in await Coupon.filter(member_id=mid))
    await assert_ledger_invariant(mid)


async def test_package_issues_every_item_once_per_payment(api: Api, seeded, sandbox, staff_token,
                                                          notify_relay: NotifyRelay) -> None:
    gift = await setup_gift(api, staff_token, templates=[
        {"name": "满50减5", "kind": "amount_off", "amount_off_fen": 500, "validity": "days", "valid_days": 7},
        {"name": "8折", "kind": "percent_off", "percent_off_bp": 2000, "max_discount_fen": 2000,
         "validity": "fixed", "valid_until": FUTURE},
    ])
    await admin(api, staff_token, "PATCH", f"/coupon-packages/{gift['package']['id']}",
                {"items": [{"template_id": gift["templates"][0], "quantity": 2},
                           {"template_id": gift["templates"][1]}]}, expect=200)
    token, member = await api.login("package")
    await play_payment(sandbox, notify_relay, member["openid"], 3000, copies=3)
    status, wallet = await api.call("GET", "/api/v1/coupons", token=token)
    assert status == 200 and sorted(c["name"] for c in wallet["items"]) == ["8折", "满50减5", "满50减5"]
    assert {c["state"] for c in wallet["items"]} == {"issued"}
    assert (await CouponTemplate.get(id=gift["templates"][0])).issued_count == 2


# -- stock ------------------------------------------------------------------------------------------------------
async def test_stock_is_never_oversold_under_concurrency(api: Api, rt, seeded) -> None:
    template = await CouponTemplate.create(name="限量", kind="amount_off", amount_off_fen=100, validity="days",
                                           valid_days=1, stock_total=5)
    _, m = await api.login("stock")
    member = await Member.get(id=m["id"])
    results = await asyncio.gather(*[coupon_service.issue(rt, template, member, f"stock-test-{n}", now=rt.clock.now())
                                     for n in range(30)])
    assert sum(1 for r in results if r.created) == 5
    assert {r.reason for r in results if not r.created} == {"out_of_stock"}
    assert (await CouponTemplate.get(id=template.id)).issued_count == 5
    assert await Coupon.filter(template_id=template.id).count() == 5
    issued_key = next(r.coupon.issue_key for r in results if r.created and r.coupon)
    again = await asyncio.gather(*[coupon_service.issue(rt, template, member, issued_key, now=rt.clock.now())
                                   for _ in range(5)])  # a replay of an issued key: no stock consumed
    assert all(r.coupon is not None and not r.created for r in again)
    assert (await CouponTemplate.get(id=template.id)).issued_count == 5


async def test_stock_holds_across_concurrent_payments(api: Api, seeded, sandbox, staff_token,
                                                      notify_relay: NotifyRelay) -> None:
    gift = await setup_gift(api, staff_token, templates=[
        {"name": "限量3张", "kind": "amount_off", "amount_off_fen": 100, "validity": "days", "valid_days": 3,
         "stock_total": 3}])
    members = [(await api.login(f"stock-pay-{n}"))[1] for n in range(8)]
    played = await asyncio.gather(*[play_payment(sandbox, notify_relay, m["openid"], 2000, copies=2)
                                    for m in members])
    assert all(p["statuses"] == [204, 204] for p in played), notify_relay.answers
    assert await Coupon.all().count() == 3
    _, t = await admin(api, staff_token, "GET", f"/coupon-templates/{gift['templates'][0]}", expect=200)
    assert (t["issued_count"], t["stock_remaining"]) == (3, 0)
    assert await Payment.filter(credited_at__isnull=False).count() == 8


# -- wallet and redemption ----------------------------------------------------------------------------------
async def test_wallet_states_and_expiry(api: Api, seeded, rt, sandbox, staff_token, staff_rows,
                                        notify_relay: NotifyRelay) -> None:
    await setup_gift(api, staff_token, templates=[
        {"name": f"t{n}", "kind": "amount_off", "amount_off_fen": 100, "validity": "days", "valid_days": 2}
        for n in range(3)])
    token, member = await api.login("wallet")
    # valid across the clock shift below (PyJWT refuses an `iat` in the future, so issue it now, long-lived)
    guide = issue_token(rt.settings.auth.secret, staff_rows.id_for("guide", 1), "guide",
                        int(rt.clock.now().timestamp()), 10 * 86400)
    played = await play_payment(sandbox, notify_relay, member["openid"], 2000)
    a, b, _ = await Coupon.filter(member_id=member["id"]).order_by("id")
    await api.call("POST", f"/guide/v1/coupons/{a.code}/redeem", token=guide, json={})
    await Coupon.filter(id=b.id).update(state="revoked")
    states = {s: [c["code"] for c in (await api.call("GET", f"/api/v1/coupons?state={s}", token=token))[1]["items"]]
              for s in ("issued", "used", "expired", "revoked")}
    assert (len(states["issued"]), states["used"], states["expired"], states["revoked"]) == (1, [a.code], [],
                                                                                             [b.code])
    rt.clock.shift(timedelta(days=3))  # valid 2 Shanghai days counting the issue day
    _, expired = await api.call("GET", "/api/v1/coupons?state=expired", token=token)
    assert len(expired["items"]) == 1 and expired["items"][0]["state"] == "expired"
    _, issued = await api.call("GET", "/api/v1/coupons?state=issued", token=token)
    assert issued["items"] == []
    status, answer = await api.call("POST", f"/guide/v1/coupons/{expired['items'][0]['code']}/redeem",
                                    token=guide, json={})
    assert status == 409 and answer["error"]["code"] == "coupon_expired", answer
    status, _ = await api.call("GET", "/api/v1/coupons?state=lost", token=token)
    assert status == 422
    _, page = await api.call("GET", "/api/v1/coupons?limit=2", token=token)
    assert len(page["items"]) == 2 and page["next_cursor"]
    _, page2 = await api.call("GET", f"/api/v1/coupons?limit=2&cursor={page['next_cursor']}", token=token)
    assert len(page2["items"]) == 1
    assert played["status"] == 204


async def test_redeemed_at_most_once_under_20_concurrent_attempts(api: Api, seeded, sandbox, staff_token,
                                                                  notify_relay: NotifyRelay) -> None:
    await setup_gift(api, staff_token)
    _, member = await api.login("redeem-race")
    await play_payment(sandbox, notify_relay, member["openid"], 6000)
    coupon = await Coupon.get(member_id=member["id"])
    guides = [staff_token("guide", staff_id=n + 1) for n in range(20)]
    results = await asyncio.gather(*[api.call("POST", f"/guide/v1/coupons/{coupon.code.lower()}/redeem", token=g,
                                              json={"order_amount_fen": 8000, "order_no": f"POS-{n}"})
                                     for n, g in enumerate(guides)])
    ok = [b for s, b in results if s == 200]
    assert len(ok) == 1, results
    assert ok[0]["discount_fen"] == 500 and ok[0]["coupon"]["state"] == "used"
    assert {(s, b["error"]["code"]) for s, b in results if s != 200} == {(409, "coupon_used")}
    used = await Coupon.get(id=coupon.id)
    assert (used.state, used.used_order_fen) == ("used", 8000) and (used.used_order_no or "").startswith("POS-")


async def test_redeem_checks_min_spend_role_and_code(api: Api, seeded, sandbox, staff_token,
                                                     notify_relay: NotifyRelay) -> None:
    await setup_gift(api, staff_token)
    token, member = await api.login("redeem-checks")
    await play_payment(sandbox, notify_relay, member["openid"], 6000)
    coupon = await Coupon.get(member_id=member["id"])
    guide = staff_token("guide")
    status, answer = await api.call("GET", f"/guide/v1/coupons/{coupon.code}?order_amount_fen=4999", token=guide)
    assert status == 200 and (answer["usable"], answer["reason"]) == (False, "min_spend_not_met")
    status, answer = await api.call("GET", f"/guide/v1/coupons/{coupon.code}?order_amount_fen=5000", token=guide)
    assert (answer["usable"], answer["discount_fen"]) == (True, 500)
    status, answer = await api.call("POST", f"/guide/v1/coupons/{coupon.code}/redeem", token=guide,
                                    json={"order_amount_fen": 4999})
    assert status == 422 and answer["error"]["code"] == "min_spend_not_met"
    status, _ = await api.call("POST", f"/guide/v1/coupons/{coupon.code}/redeem", token=token, json={})
    assert status == 403  # a member cannot mark their own coupon used
    status, answer = await api.call("POST", "/guide/v1/coupons/NOSUCHCODE99/redeem", token=guide, json={})
    assert status == 404 and answer["error"]["code"] == "coupon_not_found"
    assert (await Coupon.get(id=coupon.id)).state == "issued"


def test_discounts() -> None:
    amount = Coupon(kind="amount_off", amount_off_fen=500)
    percent = Coupon(kind="percent_off", percent_off_bp=1500, max_discount_fen=1000)
    assert coupon_service.discount_for(amount, 300) == 300
    assert coupon_service.discount_for(amount, 8000) == 500
    assert coupon_service.discount_for(percent, 3333) == 499
    assert coupon_service.discount_for(percent, 100000) == 1000


# -- WeChat Pay stock coupons -----------------------------------------------------------------------------------
WX_TEMPLATE = {"name": "微信代金券10元", "kind": "amount_off", "amount_off_fen": 1000, "validity": "days",
               "valid_days": 30, "stock_id": "sandbox-stock-10"}


async def test_wechatpay_stock_coupon_is_sent_through_the_v3_api(api: Api, seeded, rt, sandbox, staff_token,
                                                                 notify_relay: NotifyRelay) -> None:
    await setup_gift(api, staff_token, templates=[WX_TEMPLATE])
    _, member = await api.login("wx-coupon")
    await play_payment(sandbox, notify_relay, member["openid"], 5000, copies=2)
    coupon = await Coupon.get(member_id=member["id"])
    assert (coupon.wxpay_status, coupon.wxpay_coupon_id) == ("pending", None)
    assert await OutboxMessage.filter(kind="wxpay_coupon").count() == 1
    out = await outbox.deliver_due(rt)
    assert out == {"sent": 2}  # the coupon and the subscribe message
    coupon = await Coupon.get(id=coupon.id)
    assert coupon.wxpay_status == "sent" and coupon.wxpay_coupon_id
    sent = (await sandbox_call(sandbox, "GET", f"/__sandbox__/pay/coupons?openid={member['openid']}"))["items"]
    assert [(c["stock_id"], c["out_request_no"], c["coupon_id"]) for c in sent] == [
        ("sandbox-stock-10", coupon.issue_key, coupon.wxpay_coupon_id)]
    # replaying the call (e.g. after a lost answer) is idempotent on WeChat Pay's side
    again = await rt.wechatpay.client.send_coupon(member["openid"], "sandbox-stock-10", coupon.issue_key)
    assert again == coupon.wxpay_coupon_id
    assert len((await sandbox_call(sandbox, "GET", "/__sandbox__/pay/coupons"))["items"]) == 1
    status, answer = await api.call("POST", f"/guide/v1/coupons/{coupon.code}/redeem", token=staff_token("guide"),
                                    json={})
    assert status == 409 and answer["error"]["code"] == "coupon_wechatpay_only"


async def test_wechatpay_budget_exhausted_revokes_the_coupon(api: Api, seeded, rt, sandbox, staff_token,
                                                             notify_relay: NotifyRelay) -> None:
    await setup_gift(api, staff_token, templates=[{**WX_TEMPLATE, "stock_id": "brand-stock-empty"}])
    await sandbox_call(sandbox, "POST", "/__sandbox__/pay/stocks", {"stock_id": "brand-stock-empty", "budget": 0})
    _, member = await api.login("wx-empty")
    await play_payment(sandbox, notify_relay, member["openid"], 5000)
    out = await outbox.deliver_due(rt)
    assert out == {"failed": 1, "sent": 1}
    coupon = await Coupon.get(member_id=member["id"])
    assert (coupon.state, coupon.wxpay_status, coupon.revoke_reason) == ("revoked", "failed", "wechatpay:NOT_ENOUGH")
    msg = await OutboxMessage.get(kind="wxpay_coupon")
    assert msg.status == "failed" and "NOT_ENOUGH" in (msg.last_error or "")
    assert (await Member.get(id=member["id"])).balance == 150  # points never depend on coupons


async def test_wechatpay_unavailable_or_forged_answer_is_retried(api: Api, seeded, rt, sandbox, staff_token,
                                                                 notify_relay: NotifyRelay) -> None:
    await setup_gift(api, staff_token, templates=[WX_TEMPLATE])
    _, member = await api.login("wx-retry")
    await play_payment(sandbox, notify_relay, member["openid"], 5000)
    await OutboxMessage.filter(kind="subscribe").delete()
    path = f"/v3/marketing/favor/users/{member['openid']}/coupons"
    # an unsigned "success" (not from the platform) must not be believed
    await sandbox_call(sandbox, "POST", "/__sandbox__/faults",
                       {"path": path, "count": 3, "http_status": 200, "body": {"coupon_id": "forged"}})
    assert await outbox.deliver_due(rt) == {"retry": 1}
    coupon = await Coupon.get(member_id=member["id"])
    assert coupon.wxpay_status == "pending" and coupon.wxpay_coupon_id is None
    assert "signature" in (coupon.wxpay_error or "")
    await sandbox_call(sandbox, "POST", "/__sandbox__/faults",
                       {"path": path, "count": 3, "http_status": 500,
                        "body": {"code": "SYSTEM_ERROR", "message": "busy"}})
    rt.clock.shift(timedelta(seconds=31))
    assert await outbox.deliver_due(rt) == {"retry": 1}
    msg = await OutboxMessage.get(kind="wxpay_coupon")
    assert msg.attempts == 2 and msg.next_attempt_at > rt.clock.now() + timedelta(seconds=59)
    rt.clock.shift(timedelta(seconds=61))
    assert await outbox.deliver_due(rt) == {"sent": 1}
    coupon = await Coupon.get(id=coupon.id)
    assert coupon.wxpay_status == "sent" and coupon.wxpay_coupon_id != "forged" and coupon.wxpay_error is None


async def test_full_refund_cancels_a_wechatpay_coupon_not_yet_sent(api: Api, seeded, rt, sandbox, staff_token,
                                                                   notify_relay: NotifyRelay) -> None:
    await setup_gift(api, staff_token, templates=[WX_TEMPLATE])
    _, member = await api.login("wx-refund")
    played = await play_payment(sandbox, notify_relay, member["openid"], 5000)
    await play_refund(sandbox, notify_relay, played["transaction_id"], 5000)
    coupon = await Coupon.get(member_id=member["id"])
    assert coupon.state == "revoked"
    await outbox.deliver_due(rt)
    assert (await sandbox_call(sandbox, "GET", "/__sandbox__/pay/coupons"))["items"] == []
    msg = await OutboxMessage.get(kind="wxpay_coupon")
    assert (msg.status, msg.last_error) == ("failed", "coupon revoked before it was sent")
    await assert_ledger_invariant(member["id"])


async def test_fixed_validity_template_past_its_end_issues_nothing(api: Api, seeded, rt) -> None:
    template = await CouponTemplate.create(name="过期模板", kind="amount_off", amount_off_fen=100, validity="fixed",
                                           valid_until=datetime(2020, 1, 1, tzinfo=UTC))
    _, m = await api.login("expired-template")
    result = await coupon_service.issue(rt, template, await Member.get(id=m["id"]), "k-expired", now=rt.clock.now())
    assert (result.coupon, result.reason) == (None, "template_expired")
    assert (await CouponTemplate.get(id=template.id)).issued_count == 0
