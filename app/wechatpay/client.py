"""The one way jifen calls WeChat Pay API v3: signed requests, verified answers, typed errors.

Protocol: docs/wechat-protocols.md §6.1 (signing), §6.2 (verifying).

Every request carries the merchant `Authorization` signature over the exact bytes sent (the URL is passed
pre-encoded so aiohttp cannot re-quote it under us). Every 2xx answer must carry a valid platform signature
(checked with `verify_response` against the same trusted keys as notifications) or it is treated as not
received: a forged "success" could otherwise make us record a coupon that does not exist.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any
from urllib.parse import quote, urlencode

import aiohttp
from yarl import URL

from app.config import Settings
from app.wechatpay.crypto import (
    WeChatPayNotificationError,
    random_nonce,
    sign_message,
    sign_request,
    verify_response,
)
from app.wechatpay.setup import WeChatPayCredentials, WeChatPayMisconfigured, load_credentials

log = logging.getLogger("jifen.wechatpay")


class WeChatPayError(Exception):
    """A WeChat Pay API call failed."""

    def __init__(self, message: str, *, status: int | None = None, code: str = "", path: str = "") -> None:
        super().__init__(f"{path}: {status} {code} {message}".strip())
        self.status = status
        self.code = code
        self.message = message
        self.path = path


class WeChatPayUnavailable(WeChatPayError):
    """Transport failure, timeout, 429/5xx or an unverifiable answer: retry later."""


class WeChatPayRejected(WeChatPayError):
    """A 4xx answer that retrying the same request will not change (PARAM_ERROR, NOT_ENOUGH, RULE_LIMIT...)."""


class WeChatPayClient:
    def __init__(self, session: aiohttp.ClientSession, base_url: str, credentials: WeChatPayCredentials, *,
                 timeout: float = 5.0, retries: int = 2, backoff: float = 0.2) -> None:
        self.session = session
        self.base_url = base_url.rstrip("/")
        self.credentials = credentials
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.retries = retries
        self.backoff = backoff

    async def request(self, method: str, path: str, *, query: dict[str, str] | None = None,
                      payload: dict[str, Any] | None = None, replay_safe: bool = True) -> dict[str, Any]:
        """Call `path` (already percent-encoded) and return the verified JSON answer.

        `replay_safe=False`: after a timeout the request may have taken effect, so it is not repeated.
        """
        creds = self.credentials
        if creds.merchant_key is None:
            raise WeChatPayMisconfigured("JIFEN_WECHATPAY_PRIVATE_KEY_PATH is needed to call WeChat Pay")
        canonical = path + (f"?{urlencode(query)}" if query else "")
        body = "" if payload is None else json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        attempt = 0
        while True:
            headers = {
                "Authorization": sign_request(creds.merchant_key, method, canonical, body, mchid=creds.mchid,
                                              serial_no=creds.merchant_serial),
                "Accept": "application/json", "Content-Type": "application/json", "User-Agent": "jifen/0.1",
            }
            if creds.platform_serial:
                headers["Wechatpay-Serial"] = creds.platform_serial
            try:
                return await self._send(method, canonical, body, headers)
            except WeChatPayUnavailable as exc:
                timed_out = isinstance(exc.__cause__, TimeoutError)
                if attempt >= self.retries or (timed_out and not replay_safe):
                    raise
                attempt += 1
                log.info("WeChat Pay %s %s failed (%s), retry %s", method, path, exc, attempt)
                await asyncio.sleep(self.backoff * (2 ** (attempt - 1)))

    async def _send(self, method: str, canonical: str, body: str, headers: dict[str, str]) -> dict[str, Any]:
        path = canonical.split("?", 1)[0]
        url = URL(self.base_url + canonical, encoded=True)
        try:
            async with self.session.request(method, url, data=body.encode() if body else None, headers=headers,
                                            timeout=self.timeout) as resp:
                raw = await resp.read()
                status, resp_headers = resp.status, dict(resp.headers)
        except TimeoutError as exc:
            raise WeChatPayUnavailable("timeout", path=path) from exc
        except aiohttp.ClientError as exc:
            raise WeChatPayUnavailable(f"{type(exc).__name__}: {exc}", path=path) from exc
        signed = "Wechatpay-Signature" in resp_headers
        if 200 <= status < 300 or signed:
            try:
                verify_response(self.credentials.verifier, resp_headers, raw, now=time.time())
            except WeChatPayNotificationError as exc:
                raise WeChatPayUnavailable(f"answer signature rejected: {exc.code} {exc.message}", status=status,
                                           path=path) from exc
        try:
            data = json.loads(raw) if raw else {}
        except ValueError as exc:
            raise WeChatPayUnavailable("answer is not JSON", status=status, path=path) from exc
        if not isinstance(data, dict):
            raise WeChatPayUnavailable("answer is not a JSON object", status=status, path=path)
        if 200 <= status < 300:
            return data
        code, message = str(data.get("code", "")), str(data.get("message", ""))
        if status == 429 or status >= 500:
            raise WeChatPayUnavailable(message, status=status, code=code, path=path)
        raise WeChatPayRejected(message, status=status, code=code, path=path)

    # -- APIs -------------------------------------------------------------------------------------------------
    async def send_coupon(self, openid: str, stock_id: str, out_request_no: str, *,
                          stock_creator_mchid: str | None = None) -> str:
        """POST /v3/marketing/favor/users/{openid}/coupons; idempotent on out_request_no. -> coupon_id.

        docs/wechat-protocols.md §6.6.
        """
        creds = self.credentials
        data = await self.request("POST", f"/v3/marketing/favor/users/{quote(openid, safe='')}/coupons", payload={
            "stock_id": stock_id, "out_request_no": out_request_no, "appid": creds.appid,
            "stock_creator_mchid": stock_creator_mchid or creds.mchid,
        })
        coupon_id = data.get("coupon_id")
        if not coupon_id:
            raise WeChatPayUnavailable("answer lacks coupon_id", path="/v3/marketing/favor/users/-/coupons")
        return str(coupon_id)

    async def jsapi_order(self, *, out_trade_no: str, description: str, total_fen: int, openid: str,
                          notify_url: str, attach: str | None = None, time_expire: str | None = None) -> str:
        """POST /v3/pay/transactions/jsapi -> prepay_id (docs/wechat-protocols.md §6.5).

        Re-calling with identical parameters before `time_expire` answers the same prepay_id, so a retry after
        a timeout is safe (replay_safe)."""
        creds = self.credentials
        payload: dict[str, Any] = {"appid": creds.appid, "mchid": creds.mchid, "description": description[:127],
                                   "out_trade_no": out_trade_no, "notify_url": notify_url,
                                   "amount": {"total": total_fen, "currency": "CNY"}, "payer": {"openid": openid}}
        if attach:
            payload["attach"] = attach[:128]
        if time_expire:
            payload["time_expire"] = time_expire
        data = await self.request("POST", "/v3/pay/transactions/jsapi", payload=payload)
        prepay_id = data.get("prepay_id")
        if not prepay_id:
            raise WeChatPayUnavailable("answer lacks prepay_id", path="/v3/pay/transactions/jsapi")
        return str(prepay_id)

    async def close_order(self, out_trade_no: str) -> None:
        """POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close {mchid} -> 204 (docs/wechat-protocols.md §6.5).

        Raises WeChatPayRejected with WeChat Pay's code (ORDER_CLOSED, ORDERNOTEXIST, ORDERPAID...)."""
        await self.request("POST", f"/v3/pay/transactions/out-trade-no/{quote(out_trade_no, safe='')}/close",
                           payload={"mchid": self.credentials.mchid})

    async def refund(self, *, out_trade_no: str, out_refund_no: str, refund_fen: int, total_fen: int,
                     reason: str | None = None, notify_url: str | None = None) -> dict[str, Any]:
        """POST /v3/refund/domestic/refunds (docs/wechat-protocols.md §6.5); idempotent on out_refund_no."""
        payload: dict[str, Any] = {"out_trade_no": out_trade_no, "out_refund_no": out_refund_no,
                                   "amount": {"refund": refund_fen, "total": total_fen, "currency": "CNY"}}
        if reason:
            payload["reason"] = reason[:80]
        if notify_url:
            payload["notify_url"] = notify_url
        return await self.request("POST", "/v3/refund/domestic/refunds", payload=payload)

    def pay_params(self, prepay_id: str, *, timestamp: int | None = None, nonce: str | None = None) -> dict[str, str]:
        """The parameters of `wx.requestPayment` (docs/wechat-protocols.md §6.5): paySign =
        base64(SHA256withRSA(merchant key, appId\ntimeStamp\nnonceStr\npackage\n)); signType is not signed."""
        creds = self.credentials
        if creds.merchant_key is None:
            raise WeChatPayMisconfigured("JIFEN_WECHATPAY_PRIVATE_KEY_PATH is needed to sign payments")
        return pay_params(creds.merchant_key, creds.appid, prepay_id, timestamp=timestamp, nonce=nonce)

    async def query_transaction(self, transaction_id: str) -> dict[str, Any]:
        """GET /v3/pay/transactions/id/{transaction_id}?mchid= (reconciliation when a notification is missing)."""
        return await self.request("GET", f"/v3/pay/transactions/id/{quote(transaction_id, safe='')}",
                                  query={"mchid": self.credentials.mchid})


def pay_params(private_key: Any, appid: str, prepay_id: str, *, timestamp: int | None = None,
               nonce: str | None = None) -> dict[str, str]:
    """`wx.requestPayment` parameters signed with the merchant key (docs/wechat-protocols.md §6.5)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)  # WeChat checks it against the wall clock
    nonce_str = nonce or random_nonce()
    package = f"prepay_id={prepay_id}"
    sign = sign_message(private_key, f"{appid}\n{ts}\n{nonce_str}\n{package}\n")
    return {"appId": appid, "timeStamp": ts, "nonceStr": nonce_str, "package": package, "signType": "RSA",
            "paySign": sign}


class WeChatPay:
    """What the runtime holds: credentials plus the v3 client on the shared aiohttp session."""

    def __init__(self, settings: Settings, session: aiohttp.ClientSession) -> None:
        self.credentials = load_credentials(settings)
        self.verifier = self.credentials.verifier
        self.client = WeChatPayClient(session, settings.wechatpay.api_base, self.credentials,
                                      timeout=settings.wechat.timeout_seconds, retries=settings.wechat.retries)

    @property
    def mchid(self) -> str:
        return self.credentials.mchid

    @property
    def appid(self) -> str:
        return self.credentials.appid
