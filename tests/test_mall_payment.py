"""Points mall, points + cash over WeChat Pay v3 JSAPI (sandbox over real HTTP, real signatures): the hold,
the signed wx.requestPayment parameters, completion only on TRANSACTION.SUCCESS through the shared notify
route, release on timeout (order closed) and on cancel, a payment after the timeout refunded (not lost), a
refund of the cash part returning exactly the points; plus the paySign vector D-V1 and the close request
signature D-V2 (docs/wechat-protocols.md §6.5)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from app.clock import clock
from app.errors import InsufficientPoints
from app.services.mall import orders
from app.services.outbox import service as outbox
from app.services.points import ledger
from app.wechatpay.client import pay_params
from app.wechatpay.crypto import sign_request, verify_signature
from models import Coupon, MallRedemption, MallReward, Payment, PointEntry
from tests.conftest import Api
from tests.mallhelpers import balance, give_points, login, lots, make_reward, redeem
from tests.payhelpers import NotifyRelay, play_refund, sandbox_call
from tests.test_wechatpay_crypto import B3_MERCHANT_PRIVATE_PEM


@pytest.fixture
def mall_notify(rt: Any, notify_relay: NotifyRelay) -> NotifyRelay:
    """Mall orders name the relay as notify_url, so the sandbox's notifications reach the test app."""
    before = rt.settings.mall.notify_url
    rt.settings.mall.notify_url = notify_relay.url
    yield notify_relay
    rt.settings.mall.notify_url = before


async def pay(sandbox: Any, red: dict[str, Any], payment: dict[str, str] | None = None, **extra: Any) -> Any:
    body = {"out_trade_no": red["out_trade_no"], **(payment or {}), **extra}
    return await sandbox_call(sandbox, "POST", "/__sandbox__/pay/jsapi/pay", body, expect=None)


async def order_state(sandbox: Any, out_trade_no: str) -> str:
    return (await sandbox_call(sandbox, "GET", f"/__sandbox__/pay/jsapi/orders/{out_trade_no}"))["trade_state"]


def test_pay_sign_vector_d_v1() -> None:
    key = load_pem_private_key(B3_MERCHANT_PRIVATE_PEM, password=None)
    params = pay_params(key, "wx0123456789abcdef", "wx201410272009395522657a690389285100", timestamp=1700000200,
                        nonce="5K8264ILTKCH16CQ2502SI8ZNMTM67VS")
    assert params["package"] == "prepay_id=wx201410272009395522657a690389285100" and params["signType"] == "RSA"
    assert params["paySign"] == (
        "WkR3BHx3MhkH/8L9lh5KC1gro6vcHec8t8IA7Qy3TXKPrrjISRjcqdJjuvqOxoDPQJVv0CsqwlR4K5g1+tjJnE0gLMjV78MCCi3HJYcar"
        "jMQMveJ170hk4uYPtGQ3RzjYIUastPRaVutQKR/vQSwTW3K8/FiQf9Pq+OYi8+cVYsUMDR8iP5iSW5O/pG6xrNUGEHQgNZH5fRrvSJzE"
        "z8am8AY/rh/aunMxHcExzBxRNhK8qMgD7DmlvREr+y4mSkdSHlstYUMj4S7JbCpukzN6mAsfOlVYBG9HQ9bJ5qNARCuINgSaSREAW5cU"
        "AsWjWgnGmFiAF4plcew/RtARNkrTw==")


def test_close_request_signature_vector_d_v2() -> None:
    key = load_pem_private_key(B3_MERCHANT_PRIVATE_PEM, password=None)
    header = sign_request(key, "POST", "/v3/pay/transactions/out-trade-no/ORDER20231114000001/close",
                          '{"mchid":"1900000001"}', mchid="1900000001", serial_no="X", timestamp=1700000300,
                          nonce="593BEC0C930BF1AFEB40B4A08C8FB242")
    assert 'signature="L8UXeD3vEBJ2YKuFK24MXt7tzFoQg+T/ZakrSLIBsCJxrO1A5nPFMxOGK026mTrJVjsQ7nCy4z8tTtGc' in header


async def test_points_and_cash_completes_only_after_payment(api: Api, rt, sandbox, staff_token,
                                                            mall_notify: NotifyRelay) -> None:
    token, member = await login(api)
    await give_points(member["id"], 300)
    _, tpl = await api.call("POST", "/admin/v1/coupon-templates", token=staff_token("marketer"), json={
        "name": "免单券", "kind": "amount_off", "amount_off_fen": 3000, "validity": "days", "valid_days": 7})
    reward = await make_reward(api, staff_token, kind="coupon", points=200, cash_fen=1990, stock=5,
                               coupon_template_id=tpl["id"])
    status, out = await redeem(api, token, reward["id"], key="pc-1")
    assert status == 201, out
    red, params = out["redemption"], out["payment"]
    assert red["state"] == "pending_payment" and red["out_trade_no"].startswith("JFM")
    # the wx.requestPayment parameters verify with the merchant key over appId, timeStamp, nonceStr, package
    merchant_public = rt.wechatpay.credentials.merchant_key.public_key()
    verify_signature(merchant_public, f"{params['appId']}\n{params['timeStamp']}\n{params['nonceStr']}\n"
                                      f"{params['package']}\n", params["paySign"])
    assert params["appId"] == rt.wechatpay.appid and params["package"].startswith("prepay_id=wx")
    # the points are held: spent from the lots, not spendable twice, nothing fulfilled yet
    assert await balance(member["id"]) == 100
    with pytest.raises(InsufficientPoints):
        await ledger.spend(member["id"], 150, "elsewhere", now=clock.now())
    assert await Coupon.filter(member_id=member["id"]).count() == 0
    # the same key again: the same order, the same prepay_id (no second hold)
    status, again = await redeem(api, token, reward["id"], key="pc-1")
    assert status == 200 and again["payment"]["package"] == params["package"]
    assert await balance(member["id"]) == 100
    # a forged paySign is refused by wx.requestPayment; the real one pays
    bad = await pay(sandbox, red, {**params, "paySign": params["paySign"][::-1]})
    assert "paySign" in str(bad)
    paid = await pay(sandbox, red, params, copies=3)  # three copies at once, as WeChat Pay may send
    assert paid["statuses"] == [204, 204, 204], mall_notify.answers
    done = await MallRedemption.get(id=red["id"])
    assert (done.state, done.fulfilment, done.transaction_id) == ("completed", "issued", paid["transaction_id"])
    assert await Coupon.filter(member_id=member["id"]).count() == 1
    assert await balance(member["id"]) == 100  # the hold stands; no purchase points for a mall order
    assert await Payment.filter(transaction_id=paid["transaction_id"]).count() == 0
    assert await PointEntry.filter(member_id=member["id"], kind="earn").count() == 0
    assert (await MallReward.get(id=reward["id"])).stock == 4


async def test_timeout_releases_and_a_late_payment_is_refunded(api: Api, rt, sandbox, staff_token,
                                                               mall_notify: NotifyRelay) -> None:
    token, member = await login(api)
    await give_points(member["id"], 70, expires_in_days=20)
    await give_points(member["id"], 100, expires_in_days=200)
    before = await lots(member["id"])
    reward = await make_reward(api, staff_token, points=120, cash_fen=990, stock=1)
    _, out = await redeem(api, token, reward["id"])
    red = out["redemption"]
    assert (await MallReward.get(id=reward["id"])).stock == 0
    assert await orders.release_expired(rt) == {"released": 0, "paid": 0, "failed": 0}  # not due yet
    clock.shift(timedelta(minutes=rt.settings.mall.hold_minutes, seconds=1))
    assert await orders.release_expired(rt) == {"released": 1, "paid": 0, "failed": 0}
    assert await orders.release_expired(rt) == {"released": 0, "paid": 0, "failed": 0}
    assert await order_state(sandbox, red["out_trade_no"]) == "CLOSED"
    released = await MallRedemption.get(id=red["id"])
    assert (released.state, released.cancel_reason) == ("expired", "timeout")
    assert await lots(member["id"]) == before  # exactly back into the lots it came from
    assert (await MallReward.get(id=reward["id"])).stock == 1
    refused = await pay(sandbox, red)
    assert "closed" in str(refused)
    # a payment that was in flight when the order closed still arrives: refunded, not lost
    late = await pay(sandbox, red, race=True)
    assert (late["delivered"], late["status"]) == (True, 204), mall_notify.answers
    row = await MallRedemption.get(id=red["id"])
    assert (row.state, row.late_payment, row.refund_state) == ("expired", True, "requested")
    assert row.transaction_id == late["transaction_id"]
    assert await balance(member["id"]) == 170  # the late payment did not take the points again
    assert await outbox.deliver_due(rt) == {"sent": 1}
    for _ in range(250):  # the sandbox plays REFUND.SUCCESS in the background
        acked = [a for a in mall_notify.answers if a[0] == 204]
        if len(acked) == 2:  # the late payment and its refund were both acknowledged
            break
        await asyncio.sleep(0.02)
    assert len(acked) == 2, mall_notify.answers
    assert (await MallRedemption.get(id=red["id"])).refund_state == "refunded"
    assert await balance(member["id"]) == 170


async def test_member_cancel_closes_the_order_and_releases(api: Api, rt, sandbox, staff_token,
                                                           mall_notify: NotifyRelay) -> None:
    token, member = await login(api)
    await give_points(member["id"], 500)
    reward = await make_reward(api, staff_token, points=300, cash_fen=100)
    _, out = await redeem(api, token, reward["id"])
    red = out["redemption"]
    assert await balance(member["id"]) == 200
    other, _ = await login(api)
    assert (await api.call("POST", f"/api/v1/mall/redemptions/{red['id']}/cancel", token=other))[0] == 404
    status, cancelled = await api.call("POST", f"/api/v1/mall/redemptions/{red['id']}/cancel", token=token)
    assert status == 200 and cancelled["state"] == "cancelled", cancelled
    assert await order_state(sandbox, red["out_trade_no"]) == "CLOSED"
    assert await balance(member["id"]) == 500
    status, paid_once = await redeem(api, token, reward["id"])
    assert status == 201
    paid = await pay(sandbox, paid_once["redemption"], paid_once["payment"])
    assert paid["status"] == 204
    status, refused = await api.call("POST", f"/api/v1/mall/redemptions/{paid_once['redemption']['id']}/cancel",
                                     token=token)
    assert status == 200 and refused["state"] == "cancelled"  # a gift not shipped: cancelled, cash refunded
    assert refused["refund_state"] == "requested" and await balance(member["id"]) == 500


async def test_refund_of_the_cash_part_returns_the_points(api: Api, rt, sandbox, staff_token,
                                                          mall_notify: NotifyRelay) -> None:
    token, member = await login(api)
    await give_points(member["id"], 400)
    reward = await make_reward(api, staff_token, kind="service", points=250, cash_fen=5000, stock=None)
    _, slot = await api.call("POST", f"/admin/v1/mall/rewards/{reward['id']}/slots", token=staff_token("marketer"),
                             json={"starts_at": (clock.now() + timedelta(days=2)).isoformat(), "capacity": 3})
    _, out = await redeem(api, token, reward["id"], slot_id=slot["id"])
    paid = await pay(sandbox, out["redemption"], out["payment"])
    assert (await MallRedemption.get(id=out["redemption"]["id"])).state == "completed"
    assert await balance(member["id"]) == 150
    refund = await play_refund(sandbox, mall_notify, paid["transaction_id"], 5000)
    assert refund["status"] == 204, mall_notify.answers
    row = await MallRedemption.get(id=out["redemption"]["id"])
    assert (row.state, row.refund_state) == ("refunded", "refunded")
    assert await balance(member["id"]) == 400
    assert (await MallReward.get(id=reward["id"])).stock is None
    assert [(x[1], x[2]) for x in await lots(member["id"])] == [("active", 400)]
    # a partial refund (a goodwill discount in the merchant platform) keeps the redemption and its points
    _, kept = await redeem(api, token, reward["id"], slot_id=slot["id"])
    paid2 = await pay(sandbox, kept["redemption"], kept["payment"])
    assert (await play_refund(sandbox, mall_notify, paid2["transaction_id"], 1000))["status"] == 204
    assert (await MallRedemption.get(id=kept["redemption"]["id"])).state == "completed"
    assert await balance(member["id"]) == 150


async def test_wechatpay_down_releases_the_hold(api: Api, rt, sandbox, staff_token, mall_notify,
                                                monkeypatch) -> None:
    from app.wechatpay.client import WeChatPayUnavailable

    token, member = await login(api)
    await give_points(member["id"], 100)
    reward = await make_reward(api, staff_token, points=60, cash_fen=100, stock=2)

    async def down(*args: Any, **kwargs: Any) -> str:
        raise WeChatPayUnavailable("timeout", path="/v3/pay/transactions/jsapi")

    monkeypatch.setattr(rt.wechatpay.client, "jsapi_order", down)
    status, out = await redeem(api, token, reward["id"])
    assert (status, out["error"]["code"]) == (503, "wechatpay_unavailable")
    assert await balance(member["id"]) == 100
    assert (await MallReward.get(id=reward["id"])).stock == 2
    assert (await MallRedemption.filter(member_id=member["id"]).first()).state == "cancelled"


async def test_concurrent_release_runs_release_once_and_leave_paid_orders(api: Api, rt, sandbox, staff_token,
                                                                          mall_notify: NotifyRelay,
                                                                          monkeypatch) -> None:
    token, member = await login(api)
    await give_points(member["id"], 1000)
    reward = await make_reward(api, staff_token, points=100, cash_fen=500, stock=10)
    _, unpaid = await redeem(api, token, reward["id"])
    _, paid_late = await redeem(api, token, reward["id"])
    assert await balance(member["id"]) == 800
    # the second is paid at WeChat Pay but its notification has not arrived yet
    monkeypatch.setattr(mall_notify, "mutate", lambda h, b: (h, b + b"x"))  # delivery lost (jifen refuses it)
    await pay(sandbox, paid_late["redemption"], paid_late["payment"])
    monkeypatch.setattr(mall_notify, "mutate", None)
    clock.shift(timedelta(minutes=rt.settings.mall.hold_minutes + 1))
    outs = await asyncio.gather(*[orders.release_expired(rt) for _ in range(3)])
    assert sum(o["released"] for o in outs) == 1, outs
    assert sum(o["paid"] for o in outs) >= 1  # ORDERPAID: not released, the notification completes it
    assert (await MallRedemption.get(id=unpaid["redemption"]["id"])).state == "expired"
    assert (await MallRedemption.get(id=paid_late["redemption"]["id"])).state == "pending_payment"
    assert await balance(member["id"]) == 900
    assert len(await PointEntry.filter(member_id=member["id"], kind="refund")) == 1  # points returned once
    from app.services import reconcile

    clock.shift(orders.OVERDUE_GRACE)
    findings = await reconcile.run(rt, repair=False)
    assert [f.subject for f in findings if f.check == "mall_holds_overdue"] == \
        [f"mall redemption {paid_late['redemption']['id']}"]
