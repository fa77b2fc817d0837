"""WeChat Pay API v3 side of the sandbox (docs/wechat-protocols.md §6): signed API answers and played notifications.

Keys come from `generate_dev_keys(keys_dir)` (`JIFEN_SANDBOX_KEYS_DIR`, default `var/sandbox-keys`), the
same directory jifen reads in dev mode, so neither side needs committed key material. The sandbox acts as the
platform: it verifies jifen's `Authorization` with the merchant public key and signs every /v3 answer and
notification with the platform key, under the `PUB_KEY_ID_…` id (default) or the certificate serial.

Signature timestamps are wall-clock time, as on the real platform; business times (`success_time`,
`create_time`) follow the sandbox clock, so a shifted demo clock never makes signatures look stale.

Coupon stocks: `POST /__sandbox__/pay/stocks` sets a stock's budget (coupons left; null = unlimited). A stock
id starting with `sandbox-` that was never set is unlimited, so dev mode works with no setup; any other
unknown stock answers 404 RESOURCE_NOT_EXISTS.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import secrets
import time
import uuid
from collections.abc import Coroutine
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import aiohttp
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from yarl import URL

from app.wechatpay.crypto import (
    CHINA_TZ,
    SIGNTEST_PREFIX,
    SignatureError,
    notification_body,
    rfc3339,
    sign_response_headers,
    verify_request_authorization,
)
from app.wechatpay.keys import DevKeys, generate_dev_keys
from sandbox.miniprogram import bad_request, control_body, json_body
from sandbox.state import DEFAULT_APPID, STATE_KEY

DEFAULT_MCHID = "1900000001"
KEYS_DIR_ENV = "JIFEN_SANDBOX_KEYS_DIR"
DEFAULT_KEYS_DIR = "var/sandbox-keys"
UNLIMITED_STOCK_PREFIX = "sandbox-"
# seconds after each failed attempt [docs/wechat-protocols.md §6.4]; multiplied by the play request's time_scale
RETRY_SCHEDULE = (15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600)
MAX_COPIES = 50
OUT_REQUEST_NO_RE = re.compile(r"[A-Za-z0-9|_*\-]{1,128}")
KeyMode = Literal["public_key", "certificate"]


@dataclass
class Payment:
    transaction: dict[str, Any]
    refunded: int = 0

    @property
    def refundable(self) -> int:
        return self.transaction["amount"]["total"] - self.refunded

    def snapshot(self) -> dict[str, Any]:
        """The order as the query API shows it now (trade_state moves to REFUND once refunded)."""
        if not self.refunded:
            return self.transaction
        return {**self.transaction, "trade_state": "REFUND", "trade_state_desc": "转入退款"}


@dataclass
class Delivery:
    """One notification and every attempt to deliver it (copies and retries share id and body)."""

    id: str
    event: str
    notify_url: str
    ref: dict[str, str]
    attempts: int = 0
    status: int | None = None
    delivered: bool = False
    retrying: bool = False
    statuses: list[int | None] = field(default_factory=list)

    def record(self, statuses: list[int | None]) -> None:
        self.attempts += len(statuses)
        self.statuses.extend(statuses)
        self.status = statuses[-1]
        self.delivered = self.delivered or any(s is not None and 200 <= s < 300 for s in statuses)


@dataclass
class DeliveryOptions:
    copies: int = 1
    retry: bool = False
    time_scale: float = 0.001
    probe: bool = False  # sign as WeChat Pay's WECHATPAY/SIGNTEST/ probe: the receiver must refuse it
    timestamp_offset: int = 0  # seconds added to Wechatpay-Timestamp, to play stale/replayed deliveries
    key_mode: KeyMode | None = None


@dataclass
class Keyring:
    """Dev keys plus the two keys the sandbox uses on every call, loaded once."""

    dev: DevKeys
    platform_private: rsa.RSAPrivateKey
    merchant_public: rsa.RSAPublicKey


@dataclass
class PayState:
    keys_dir: Path
    mchid: str = DEFAULT_MCHID
    appid: str = DEFAULT_APPID
    key_mode: KeyMode = "public_key"  # which Wechatpay-Serial notifications are signed under by default
    notify_timeout: float = 5.0
    stocks: dict[str, int | None] = field(default_factory=dict)  # remaining coupons; None = unlimited
    coupons: dict[str, dict[str, Any]] = field(default_factory=dict)  # by out_request_no
    payments: dict[str, Payment] = field(default_factory=dict)  # by out_trade_no
    transactions: dict[str, str] = field(default_factory=dict)  # transaction_id -> out_trade_no
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)  # by out_refund_no
    deliveries: list[Delivery] = field(default_factory=list)
    _keyring: Keyring | None = field(default=None, init=False, repr=False)
    _session: aiohttp.ClientSession | None = field(default=None, init=False, repr=False)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set, init=False, repr=False)
    _coupon_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1_000_000_001),
                                              init=False, repr=False)

    @property
    def keyring(self) -> Keyring:
        """Loaded (or created) on first use, so sandbox runs that never touch WeChat Pay write no keys."""
        if self._keyring is None:
            dev = generate_dev_keys(self.keys_dir)
            self._keyring = Keyring(dev, dev.platform_private_key(), dev.merchant_public_key())
        return self._keyring

    def serial(self, mode: KeyMode | None = None) -> str:
        dev = self.keyring.dev
        mode = mode or self.key_mode
        return dev.platform_certificate_serial if mode == "certificate" else dev.platform_public_key_id

    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
        return self._session

    def next_coupon_id(self) -> str:
        return str(next(self._coupon_ids))

    def spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        """Run a background delivery, kept referenced until done and cancelled on shutdown."""
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._session is not None:
            await self._session.close()

    def reset(self) -> None:
        """Forget orders, coupons, stocks and deliveries (keys and configuration stay)."""
        for task in self._tasks:
            task.cancel()
        for store in (self.stocks, self.coupons, self.payments, self.transactions, self.refunds):
            store.clear()
        self.deliveries.clear()


PAY_KEY: web.AppKey[PayState] = web.AppKey("pay", PayState)


def pay_of(app: web.Application) -> PayState:
    return app[PAY_KEY]


def _sandbox_now(app: web.Application) -> float:
    state = app.get(STATE_KEY)
    return state.now() if state is not None else time.time()


def _digits(n: int) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(n))


# -- /v3 answers ---------------------------------------------------------------------------------------------
def _v3_response(request: web.Request, status: int, payload: dict[str, Any]) -> web.Response:
    """A JSON answer signed like the platform's: under the serial the caller named, else the default."""
    pay = pay_of(request.app)
    asked = request.headers.get("Wechatpay-Serial", "").upper()
    serial = asked if asked in (pay.serial("public_key"), pay.serial("certificate")) else pay.serial()
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    headers = sign_response_headers(pay.keyring.platform_private, serial, body)
    headers["Request-ID"] = str(uuid.uuid4())
    return web.Response(status=status, body=body, headers=headers, content_type="application/json")


def _v3_error(request: web.Request, status: int, code: str, message: str) -> web.Response:
    return _v3_response(request, status, {"code": code, "message": message})


async def _authenticate(request: web.Request) -> web.Response | None:
    """401 SIGN_ERROR unless the request carries our merchant's valid signature; None if it does.

    The signature is the one docs/wechat-protocols.md §6.1 describes.
    """
    pay = pay_of(request.app)
    try:
        fields = verify_request_authorization(
            pay.keyring.merchant_public, request.method, request.raw_path, await request.read(),
            request.headers.get("Authorization", ""), now=time.time())
    except SignatureError as exc:
        return _v3_error(request, 401, "SIGN_ERROR", f"签名错误: {exc}")
    if fields["mchid"] != pay.mchid or fields["serial_no"].upper() != pay.keyring.dev.merchant_serial:
        return _v3_error(request, 401, "SIGN_ERROR", "签名错误: unknown mchid or merchant serial_no")
    return None


def _coupon_problem(pay: PayState, body: dict[str, Any]) -> str | None:
    for name in ("stock_id", "out_request_no", "appid", "stock_creator_mchid"):
        if not isinstance(body.get(name), str) or not body[name]:
            return f"{name} is required"
    if not OUT_REQUEST_NO_RE.fullmatch(body["out_request_no"]):
        return "out_request_no: at most 128 letters, digits or |_*-"
    if body["appid"] != pay.appid:
        return f"appid {body['appid']} is not bound to mchid {pay.mchid}"
    if body["stock_creator_mchid"] != pay.mchid:
        return f"stock_creator_mchid {body['stock_creator_mchid']} did not create this stock"
    if "coupon_value" in body or "coupon_minimum" in body:
        return "coupon_value/coupon_minimum only apply to specified-face-value stocks"
    return None


def _take_coupon(pay: PayState, stock_id: str) -> tuple[int, str, str] | None:
    """Spend one coupon of the stock's budget; (status, code, message) when that is impossible."""
    if stock_id not in pay.stocks:
        if not stock_id.startswith(UNLIMITED_STOCK_PREFIX):
            return 404, "RESOURCE_NOT_EXISTS", f"批次不存在: {stock_id}"
        pay.stocks[stock_id] = None
    remaining = pay.stocks[stock_id]
    if remaining is not None:
        if remaining <= 0:
            return 403, "NOT_ENOUGH", "批次预算不足"
        pay.stocks[stock_id] = remaining - 1
    return None


async def send_coupon(request: web.Request) -> web.Response:
    """POST /v3/marketing/favor/users/{openid}/coupons (docs/wechat-protocols.md §6.6), idempotent on out_request_no."""
    if denied := await _authenticate(request):
        return denied
    pay = pay_of(request.app)
    body = await json_body(request)
    if body is None:
        return _v3_error(request, 400, "PARAM_ERROR", "body must be a JSON object")
    if problem := _coupon_problem(pay, body):
        return _v3_error(request, 400, "PARAM_ERROR", problem)
    if known := pay.coupons.get(body["out_request_no"]):
        return _v3_response(request, 200, {"coupon_id": known["coupon_id"]})
    if refused := _take_coupon(pay, body["stock_id"]):
        return _v3_error(request, *refused)
    coupon = {"coupon_id": pay.next_coupon_id(), "openid": request.match_info["openid"],
              "stock_id": body["stock_id"], "out_request_no": body["out_request_no"], "appid": body["appid"],
              "stock_creator_mchid": body["stock_creator_mchid"],
              "create_time": rfc3339(_sandbox_now(request.app))}
    pay.coupons[body["out_request_no"]] = coupon
    return _v3_response(request, 200, {"coupon_id": coupon["coupon_id"]})


async def query_transaction(request: web.Request) -> web.Response:
    """GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid= (and /id/{transaction_id}?mchid=)."""
    if denied := await _authenticate(request):
        return denied
    pay = pay_of(request.app)
    if request.query.get("mchid") != pay.mchid:
        return _v3_error(request, 400, "PARAM_ERROR", "mchid is required and must be the caller's")
    out_trade_no = request.match_info.get("out_trade_no") or pay.transactions.get(
        request.match_info.get("transaction_id", ""), "")
    payment = pay.payments.get(out_trade_no)
    if payment is None:
        return _v3_error(request, 404, "ORDER_NOT_EXIST", "订单不存在")
    return _v3_response(request, 200, payment.snapshot())


# -- playing notifications ---------------------------------------------------------------------------------
async def _post_once(pay: PayState, url: str, headers: dict[str, str], body: bytes) -> int | None:
    """HTTP status of one delivery attempt; None when the receiver could not be reached in time."""
    try:
        async with pay.session().post(url, data=body, headers=headers,
                                      timeout=aiohttp.ClientTimeout(total=pay.notify_timeout)) as resp:
            await resp.read()
            return resp.status
    except (aiohttp.ClientError, TimeoutError):
        return None


def _attempt_headers(pay: PayState, serial: str, body: bytes, options: DeliveryOptions) -> dict[str, str]:
    """Freshly signed headers per round, as the platform re-signs each retry."""
    headers = sign_response_headers(pay.keyring.platform_private, serial, body,
                                    timestamp=int(time.time()) + options.timestamp_offset)
    if options.probe:
        headers["Wechatpay-Signature"] = SIGNTEST_PREFIX + headers["Wechatpay-Signature"]
    headers["Content-Type"] = "application/json"
    return headers


async def _retry(pay: PayState, delivery: Delivery, serial: str, body: bytes,
                 options: DeliveryOptions) -> None:
    try:
        for delay in RETRY_SCHEDULE:
            await asyncio.sleep(delay * options.time_scale)
            headers = _attempt_headers(pay, serial, body, options)
            delivery.record([await _post_once(pay, delivery.notify_url, headers, body)])
            if delivery.delivered:
                break
    finally:
        delivery.retrying = False


async def deliver(app: web.Application, notify_url: str, event_type: str, original_type: str,
                  resource: dict[str, Any], options: DeliveryOptions, ref: dict[str, str]) -> Delivery:
    """Send one notification (`copies` times at once); on failure keep retrying in the background."""
    pay = pay_of(app)
    serial = pay.serial(options.key_mode)
    delivery = Delivery(id=str(uuid.uuid4()), event=event_type, notify_url=notify_url, ref=ref)
    body = notification_body(pay.keyring.dev.apiv3_key, event_type, resource, original_type,
                             notification_id=delivery.id, create_time=_sandbox_now(app))
    pay.deliveries.append(delivery)
    headers = _attempt_headers(pay, serial, body, options)
    delivery.record(list(await asyncio.gather(
        *(_post_once(pay, notify_url, headers, body) for _ in range(options.copies)))))
    if options.retry and not delivery.delivered:
        delivery.retrying = True
        pay.spawn(_retry(pay, delivery, serial, body, options))
    return delivery


def _delivery_result(delivery: Delivery) -> dict[str, Any]:
    return {"notification_id": delivery.id, "delivered": delivery.delivered, "status": delivery.status,
            "attempts": delivery.attempts, "statuses": delivery.statuses, "retrying": delivery.retrying}


# -- control API: field readers ------------------------------------------------------------------------------
def _str(body: dict[str, Any], key: str, default: str | None = None) -> str:
    value = body.get(key, default)
    if not isinstance(value, str) or (not value and default != ""):
        raise bad_request(f"{key} must be a non-empty string")
    return value


def _int(body: dict[str, Any], key: str, default: int | None = None, *, minimum: int = 1) -> int:
    value = body.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise bad_request(f"{key} must be an integer >= {minimum}")
    return value


def _notify_url(body: dict[str, Any]) -> str:
    url = _str(body, "notify_url")
    parsed = URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise bad_request("notify_url must be an absolute http(s) URL")
    return url


def _options(body: dict[str, Any]) -> DeliveryOptions:
    copies = _int(body, "copies", 1)
    if copies > MAX_COPIES:
        raise bad_request(f"copies must be at most {MAX_COPIES}")
    scale = body.get("time_scale", 0.001)
    if not isinstance(scale, int | float) or isinstance(scale, bool) or not 0 <= scale <= 1:
        raise bad_request("time_scale must be a number in [0, 1]")
    key_mode = body.get("key_mode")
    if key_mode not in (None, "public_key", "certificate"):
        raise bad_request("key_mode must be public_key or certificate")
    offset = body.get("timestamp_offset", 0)
    if not isinstance(offset, int) or isinstance(offset, bool):
        raise bad_request("timestamp_offset must be an integer")
    return DeliveryOptions(copies=copies, retry=body.get("retry") is True, time_scale=float(scale),
                           probe=body.get("probe") is True, timestamp_offset=offset, key_mode=key_mode)


# -- control API: handlers ---------------------------------------------------------------------------------
async def ctl_play_payment(request: web.Request) -> web.Response:
    """POST /__sandbox__/pay/payments {notify_url, openid, amount, out_trade_no?, attach?, appid?, copies?,
    retry?, time_scale?, probe?, timestamp_offset?, key_mode?} -> TRANSACTION.SUCCESS sent to notify_url."""
    pay = pay_of(request.app)
    body = await control_body(request)
    notify_url, openid, amount = _notify_url(body), _str(body, "openid"), _int(body, "amount")
    options = _options(body)
    now = _sandbox_now(request.app)
    stamp = datetime.fromtimestamp(now, CHINA_TZ)
    out_trade_no = _str(body, "out_trade_no", f"SBX{stamp:%Y%m%d%H%M%S}{_digits(6)}")
    if out_trade_no in pay.payments:
        raise bad_request(f"out_trade_no {out_trade_no} was already paid")
    transaction_id = f"4200{_digits(6)}{stamp:%Y%m%d}{_digits(10)}"
    transaction = {
        "appid": _str(body, "appid", pay.appid), "mchid": pay.mchid, "out_trade_no": out_trade_no,
        "transaction_id": transaction_id, "trade_type": "JSAPI", "trade_state": "SUCCESS",
        "trade_state_desc": "支付成功", "bank_type": "OTHERS", "attach": _str(body, "attach", ""),
        "success_time": rfc3339(now), "payer": {"openid": openid},
        "amount": {"total": amount, "payer_total": amount, "currency": "CNY", "payer_currency": "CNY"},
    }
    pay.payments[out_trade_no] = Payment(transaction)
    pay.transactions[transaction_id] = out_trade_no
    delivery = await deliver(request.app, notify_url, "TRANSACTION.SUCCESS", "transaction", transaction,
                             options, {"out_trade_no": out_trade_no, "transaction_id": transaction_id})
    return web.json_response({"transaction_id": transaction_id, "out_trade_no": out_trade_no,
                              **_delivery_result(delivery)})


async def ctl_play_refund(request: web.Request) -> web.Response:
    """POST /__sandbox__/pay/refunds {notify_url, transaction_id, amount, out_refund_no?, + delivery options}
    -> REFUND.SUCCESS; 400 when amount exceeds what is left to refund."""
    pay = pay_of(request.app)
    body = await control_body(request)
    notify_url, transaction_id, amount = _notify_url(body), _str(body, "transaction_id"), _int(body, "amount")
    options = _options(body)
    payment = pay.payments.get(pay.transactions.get(transaction_id, ""))
    if payment is None:
        raise web.HTTPNotFound(text=json.dumps({"error": f"unknown transaction_id {transaction_id}"}),
                               content_type="application/json")
    if amount > payment.refundable:
        raise bad_request(f"refund amount {amount} exceeds the refundable remainder {payment.refundable}")
    now = _sandbox_now(request.app)
    stamp = datetime.fromtimestamp(now, CHINA_TZ)
    out_refund_no = _str(body, "out_refund_no", f"SBXR{stamp:%Y%m%d%H%M%S}{_digits(6)}")
    if out_refund_no in pay.refunds:
        raise bad_request(f"out_refund_no {out_refund_no} was already used")
    payment.refunded += amount
    total = payment.transaction["amount"]["total"]
    refund = {
        "mchid": pay.mchid, "transaction_id": transaction_id,
        "out_trade_no": payment.transaction["out_trade_no"],
        "refund_id": f"5030{_digits(7)}{stamp:%Y%m%d}{_digits(10)}", "out_refund_no": out_refund_no,
        "refund_status": "SUCCESS", "success_time": rfc3339(now),
        "user_received_account": "支付用户零钱",
        "amount": {"total": total, "refund": amount, "payer_total": total, "payer_refund": amount},
    }
    pay.refunds[out_refund_no] = refund
    delivery = await deliver(request.app, notify_url, "REFUND.SUCCESS", "refund", refund, options,
                             {"out_refund_no": out_refund_no, "transaction_id": transaction_id})
    return web.json_response({"refund_id": refund["refund_id"], "out_refund_no": out_refund_no,
                              "transaction_id": transaction_id, "out_trade_no": refund["out_trade_no"],
                              "refundable": payment.refundable, **_delivery_result(delivery)})


async def ctl_set_stock(request: web.Request) -> web.Response:
    """POST /__sandbox__/pay/stocks {stock_id, budget} (coupons left; null = unlimited)."""
    pay = pay_of(request.app)
    body = await control_body(request)
    stock_id = _str(body, "stock_id")
    budget = None if body.get("budget") is None else _int(body, "budget", minimum=0)
    pay.stocks[stock_id] = budget
    return web.json_response({"stock_id": stock_id, "remaining": budget})


async def ctl_list_stocks(request: web.Request) -> web.Response:
    stocks = pay_of(request.app).stocks
    return web.json_response({"items": [{"stock_id": k, "remaining": v} for k, v in stocks.items()]})


async def ctl_notifications(request: web.Request) -> web.Response:
    """GET /__sandbox__/pay/notifications -> every played notification with its delivery record."""
    return web.json_response({"items": [asdict(d) for d in pay_of(request.app).deliveries]})


async def ctl_coupons(request: web.Request) -> web.Response:
    """GET /__sandbox__/pay/coupons?openid= -> coupons sent through the v3 API, oldest first."""
    openid = request.query.get("openid")
    coupons = pay_of(request.app).coupons.values()
    return web.json_response({"items": [c for c in coupons if openid is None or c["openid"] == openid]})


async def ctl_config(request: web.Request) -> web.Response:
    """GET /__sandbox__/pay/config -> ids jifen needs to talk to this sandbox (no key material)."""
    pay = pay_of(request.app)
    dev = pay.keyring.dev
    return web.json_response({
        "mchid": pay.mchid, "appid": pay.appid, "keys_dir": str(dev.directory), "key_mode": pay.key_mode,
        "platform_public_key_id": dev.platform_public_key_id,
        "platform_certificate_serial": dev.platform_certificate_serial,
        "merchant_serial": dev.merchant_serial,
    })


async def ctl_reset(request: web.Request) -> web.Response:
    pay_of(request.app).reset()
    return web.json_response({"ok": True})


# -- wiring --------------------------------------------------------------------------------------------------
async def _shutdown(app: web.Application) -> None:
    await pay_of(app).close()


def setup(app: web.Application, *, keys_dir: Path | None = None) -> None:
    keys_dir = keys_dir or Path(os.environ.get(KEYS_DIR_ENV, DEFAULT_KEYS_DIR))
    pay = PayState(keys_dir=keys_dir)
    app[PAY_KEY] = pay
    state = app.get(STATE_KEY)
    if state is not None:
        state.ext["pay"] = pay
    app.on_cleanup.append(_shutdown)
    r = app.router
    r.add_post("/v3/marketing/favor/users/{openid}/coupons", send_coupon)
    r.add_get("/v3/pay/transactions/out-trade-no/{out_trade_no}", query_transaction)
    r.add_get("/v3/pay/transactions/id/{transaction_id}", query_transaction)
    r.add_post("/__sandbox__/pay/payments", ctl_play_payment)
    r.add_post("/__sandbox__/pay/refunds", ctl_play_refund)
    r.add_post("/__sandbox__/pay/stocks", ctl_set_stock)
    r.add_get("/__sandbox__/pay/stocks", ctl_list_stocks)
    r.add_get("/__sandbox__/pay/notifications", ctl_notifications)
    r.add_get("/__sandbox__/pay/coupons", ctl_coupons)
    r.add_get("/__sandbox__/pay/config", ctl_config)
    r.add_post("/__sandbox__/pay/reset", ctl_reset)
