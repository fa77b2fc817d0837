"""WeChat Pay v3 JSAPI in the sandbox: order creation, close, refund, and the member paying.

Protocol: docs/wechat-protocols.md §6.5 (orders, paySign, close, refunds), §6.3 (the notifications played).

- `POST /v3/pay/transactions/jsapi`: signed by the merchant, validated as the
  platform does (out_trade_no 6-32 of `[0-9A-Za-z_-|*]`, description <= 127, attach <= 128, amount > 0);
  identical parameters again answer the same prepay_id, other parameters under a used out_trade_no are
  400 INVALID_REQUEST.
- `POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close` {mchid} -> 204; 404 ORDERNOTEXIST, 400
  ORDERPAID for a paid order, 400 ORDER_CLOSED for one already closed.
- `POST /v3/refund/domestic/refunds`: idempotent on out_refund_no; the refund
  succeeds at once and REFUND.SUCCESS is played to its notify_url (else the order's) in the background.

Control: `POST /__sandbox__/pay/jsapi/pay {out_trade_no, timeStamp?, nonceStr?, package?, paySign?, race?,
copies?}` plays the member paying through `wx.requestPayment`: the paySign (when given) is verified with the
merchant public key over appId, timeStamp, nonceStr, package, and TRANSACTION.SUCCESS is sent to the order's
notify_url. A closed order cannot be paid, except with `race: true`, which plays a payment that was already
in flight when the merchant closed it (what WeChat Pay can deliver after a close). `GET
/__sandbox__/pay/jsapi/orders/{out_trade_no}` shows an order.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from aiohttp import web

from app.wechatpay.crypto import CHINA_TZ, SignatureError, rfc3339, sign_response_headers, verify_signature
from sandbox.miniprogram import bad_request, control_body, json_body
from sandbox.pay import (
    DeliveryOptions,
    Payment,
    _authenticate,
    _delivery_result,
    _digits,
    _options,
    _sandbox_now,
    _v3_error,
    _v3_response,
    deliver,
    pay_of,
)

OUT_TRADE_NO_RE = re.compile(r"[0-9A-Za-z_\-|*]{6,32}")
ORDERS_KEY: web.AppKey[dict[str, dict[str, Any]]] = web.AppKey("jsapi_orders", dict)


def _order_problem(pay: Any, body: dict[str, Any]) -> str | None:
    for name in ("appid", "mchid", "description", "out_trade_no", "notify_url"):
        if not isinstance(body.get(name), str) or not body[name]:
            return f"{name} is required"
    if body["mchid"] != pay.mchid:
        return f"mchid {body['mchid']} does not match the caller"
    if body["appid"] != pay.appid:
        return f"appid {body['appid']} is not bound to mchid {pay.mchid}"
    if not OUT_TRADE_NO_RE.fullmatch(body["out_trade_no"]):
        return "out_trade_no: 6-32 of [0-9A-Za-z_-|*]"
    if len(body["description"]) > 127:
        return "description: at most 127 characters"
    if "attach" in body and (not isinstance(body["attach"], str) or len(body["attach"]) > 128):
        return "attach: a string of at most 128 characters"
    amount, payer = body.get("amount"), body.get("payer")
    if not isinstance(amount, dict) or not isinstance(amount.get("total"), int) or isinstance(
            amount.get("total"), bool) or amount["total"] <= 0:
        return "amount.total must be a positive integer (fen)"
    if not isinstance(payer, dict) or not isinstance(payer.get("openid"), str) or not payer["openid"]:
        return "payer.openid is required"
    return None


async def create_jsapi_order(request: web.Request) -> web.Response:
    if denied := await _authenticate(request):
        return denied
    pay = pay_of(request.app)
    orders = request.app[ORDERS_KEY]
    body = await json_body(request)
    if body is None:
        return _v3_error(request, 400, "PARAM_ERROR", "body must be a JSON object")
    if problem := _order_problem(pay, body):
        return _v3_error(request, 400, "PARAM_ERROR", problem)
    known = orders.get(body["out_trade_no"])
    if known is not None:
        if known["request"] != body:
            return _v3_error(request, 400, "INVALID_REQUEST", "out_trade_no already used with other parameters")
        return _v3_response(request, 200, {"prepay_id": known["prepay_id"]})
    stamp = datetime.fromtimestamp(_sandbox_now(request.app), CHINA_TZ)
    prepay_id = f"wx{stamp:%d%H%M%S}{_digits(24)}"
    orders[body["out_trade_no"]] = {"request": body, "prepay_id": prepay_id, "trade_state": "NOTPAY",
                                    "transaction_id": None}
    return _v3_response(request, 200, {"prepay_id": prepay_id})


async def close_order(request: web.Request) -> web.Response:
    if denied := await _authenticate(request):
        return denied
    pay = pay_of(request.app)
    body = await json_body(request)
    if body is None or body.get("mchid") != pay.mchid:
        return _v3_error(request, 400, "PARAM_ERROR", "mchid is required and must be the caller's")
    order = request.app[ORDERS_KEY].get(request.match_info["out_trade_no"])
    if order is None:
        return _v3_error(request, 404, "ORDERNOTEXIST", "订单不存在")
    if order["trade_state"] == "SUCCESS":
        return _v3_error(request, 400, "ORDERPAID", "订单已支付")
    if order["trade_state"] == "CLOSED":
        return _v3_error(request, 400, "ORDER_CLOSED", "订单已关闭")
    order["trade_state"] = "CLOSED"
    return _empty_204(request)


def _empty_204(request: web.Request) -> web.Response:
    """204 with no body, still signed over the empty body like every platform answer."""
    pay = pay_of(request.app)
    headers = sign_response_headers(pay.keyring.platform_private, pay.serial(), b"")
    return web.Response(status=204, headers=headers)


async def create_refund(request: web.Request) -> web.Response:
    if denied := await _authenticate(request):
        return denied
    pay = pay_of(request.app)
    body = await json_body(request)
    if body is None:
        return _v3_error(request, 400, "PARAM_ERROR", "body must be a JSON object")
    out_refund_no = body.get("out_refund_no")
    amount = body.get("amount")
    if not isinstance(out_refund_no, str) or not out_refund_no or not isinstance(amount, dict):
        return _v3_error(request, 400, "PARAM_ERROR", "out_refund_no and amount are required")
    if known := pay.refunds.get(out_refund_no):
        return _v3_response(request, 200, _refund_answer(known))
    out_trade_no = body.get("out_trade_no") or pay.transactions.get(str(body.get("transaction_id")), "")
    payment = pay.payments.get(str(out_trade_no))
    if payment is None:
        return _v3_error(request, 404, "RESOURCE_NOT_EXISTS", "订单不存在")
    refund_fen, total = amount.get("refund"), amount.get("total")
    if not isinstance(refund_fen, int) or refund_fen <= 0 or total != payment.transaction["amount"]["total"]:
        return _v3_error(request, 400, "PARAM_ERROR", "amount.refund must be positive and amount.total the order's")
    if refund_fen > payment.refundable:
        return _v3_error(request, 403, "NOT_ENOUGH", "可退金额不足")
    payment.refunded += refund_fen
    now = _sandbox_now(request.app)
    stamp = datetime.fromtimestamp(now, CHINA_TZ)
    refund = {
        "mchid": pay.mchid, "transaction_id": payment.transaction["transaction_id"],
        "out_trade_no": payment.transaction["out_trade_no"],
        "refund_id": f"5030{_digits(7)}{stamp:%Y%m%d}{_digits(10)}", "out_refund_no": out_refund_no,
        "refund_status": "SUCCESS", "success_time": rfc3339(now), "user_received_account": "支付用户零钱",
        "amount": {"total": total, "refund": refund_fen, "payer_total": total, "payer_refund": refund_fen},
    }
    pay.refunds[out_refund_no] = refund
    order = request.app[ORDERS_KEY].get(refund["out_trade_no"])
    notify_url = body.get("notify_url") or (order["request"]["notify_url"] if order else None)
    if isinstance(notify_url, str) and notify_url:
        pay.spawn(_notify_refund(request.app, notify_url, refund))
    return _v3_response(request, 200, _refund_answer(refund))


async def _notify_refund(app: web.Application, notify_url: str, refund: dict[str, Any]) -> None:
    await deliver(app, notify_url, "REFUND.SUCCESS", "refund", refund, DeliveryOptions(retry=True),
                  {"out_refund_no": refund["out_refund_no"], "transaction_id": refund["transaction_id"]})


def _refund_answer(refund: dict[str, Any]) -> dict[str, Any]:
    return {"refund_id": refund["refund_id"], "out_refund_no": refund["out_refund_no"],
            "transaction_id": refund["transaction_id"], "out_trade_no": refund["out_trade_no"],
            "channel": "ORIGINAL", "user_received_account": refund["user_received_account"],
            "success_time": refund["success_time"], "create_time": refund["success_time"],
            "status": "SUCCESS", "amount": {**refund["amount"], "currency": "CNY"}}


async def ctl_pay(request: web.Request) -> web.Response:
    pay = pay_of(request.app)
    body = await control_body(request)
    out_trade_no = body.get("out_trade_no")
    order = request.app[ORDERS_KEY].get(out_trade_no) if isinstance(out_trade_no, str) else None
    if order is None:
        raise web.HTTPNotFound(text=json.dumps({"error": f"unknown out_trade_no {out_trade_no}"}),
                               content_type="application/json")
    req = order["request"]
    if "paySign" in body:  # what wx.requestPayment checks: the merchant's signature over the four lines
        package = f"prepay_id={order['prepay_id']}"
        if body.get("package") != package:
            raise bad_request(f"package must be {package}")
        message = f"{req['appid']}\n{body.get('timeStamp')}\n{body.get('nonceStr')}\n{package}\n"
        try:
            verify_signature(pay.keyring.merchant_public, message, str(body["paySign"]))
        except SignatureError as exc:
            raise bad_request(f"requestPayment:fail paySign invalid ({exc})") from exc
    if order["trade_state"] == "SUCCESS":
        raise bad_request("requestPayment:fail the order is already paid")
    if order["trade_state"] == "CLOSED" and body.get("race") is not True:
        raise bad_request("requestPayment:fail the order is closed")
    options: DeliveryOptions = _options(body)
    now = _sandbox_now(request.app)
    stamp = datetime.fromtimestamp(now, CHINA_TZ)
    transaction_id = f"4200{_digits(6)}{stamp:%Y%m%d}{_digits(10)}"
    total = req["amount"]["total"]
    transaction = {
        "appid": req["appid"], "mchid": req["mchid"], "out_trade_no": out_trade_no,
        "transaction_id": transaction_id, "trade_type": "JSAPI", "trade_state": "SUCCESS",
        "trade_state_desc": "支付成功", "bank_type": "OTHERS", "attach": req.get("attach", ""),
        "success_time": rfc3339(now), "payer": {"openid": req["payer"]["openid"]},
        "amount": {"total": total, "payer_total": total, "currency": "CNY", "payer_currency": "CNY"},
    }
    order["trade_state"] = "SUCCESS"
    order["transaction_id"] = transaction_id
    pay.payments[out_trade_no] = Payment(transaction)
    pay.transactions[transaction_id] = out_trade_no
    delivery = await deliver(request.app, req["notify_url"], "TRANSACTION.SUCCESS", "transaction", transaction,
                             options, {"out_trade_no": out_trade_no, "transaction_id": transaction_id})
    return web.json_response({"transaction_id": transaction_id, "out_trade_no": out_trade_no,
                              **_delivery_result(delivery)})


async def ctl_order(request: web.Request) -> web.Response:
    order = request.app[ORDERS_KEY].get(request.match_info["out_trade_no"])
    if order is None:
        raise web.HTTPNotFound(text=json.dumps({"error": "unknown out_trade_no"}), content_type="application/json")
    return web.json_response(order)


def setup(app: web.Application) -> None:
    orders: dict[str, dict[str, Any]] = {}
    app[ORDERS_KEY] = orders
    pay = pay_of(app)
    plain_reset = pay.reset

    def reset() -> None:  # the sandbox reset forgets JSAPI orders too
        plain_reset()
        orders.clear()

    pay.reset = reset  # type: ignore[method-assign]
    r = app.router
    r.add_post("/v3/pay/transactions/jsapi", create_jsapi_order)
    r.add_post("/v3/pay/transactions/out-trade-no/{out_trade_no}/close", close_order)
    r.add_post("/v3/refund/domestic/refunds", create_refund)
    r.add_post("/__sandbox__/pay/jsapi/pay", ctl_pay)
    r.add_get("/__sandbox__/pay/jsapi/orders/{out_trade_no}", ctl_order)
