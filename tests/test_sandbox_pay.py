"""The sandbox's WeChat Pay side over real HTTP: played notifications reach a receiver and verify with the dev
keys; /v3 calls demand our merchant signature and answer signed; coupons, stocks and refunds keep state.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web

from app.wechatpay import (
    DevKeys,
    NotificationVerifier,
    SignatureProbe,
    generate_dev_keys,
    sign_request,
    verify_response,
)
from sandbox.pay import PayState, pay_of
from sandbox.server import SandboxServer

MCHID = "1900000001"
APPID = "wxsandbox0000001"
OPENID = "oSANDBOX_PAYER_000000000001"
COUPON_PATH = f"/v3/marketing/favor/users/{OPENID}/coupons"


class Receiver:
    """A merchant notify endpoint that records what arrives and answers the statuses it is told to."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.answers: list[int] = []
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def handle(self, request: web.Request) -> web.Response:
        self.received.append((dict(request.headers), await request.read()))
        status = self.answers.pop(0) if self.answers else 204
        if status >= 400:
            return web.json_response({"code": "FAIL", "message": "not now"}, status=status)
        return web.Response(status=status)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/notify", self.handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/notify"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


@pytest_asyncio.fixture(scope="module")
async def sb(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[SandboxServer]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JIFEN_SANDBOX_KEYS_DIR", str(tmp_path_factory.mktemp("sandbox-keys")))
        server = SandboxServer(port=0)
    async with server:
        yield server


@pytest.fixture
def pay(sb: SandboxServer) -> PayState:
    state = pay_of(sb.app)
    state.reset()
    return state


@pytest.fixture
def keys(pay: PayState) -> DevKeys:
    """What jifen would load in dev mode: the same directory, read independently of the sandbox."""
    return generate_dev_keys(Path(pay.keys_dir))


@pytest.fixture
def verifier(keys: DevKeys) -> NotificationVerifier:
    return NotificationVerifier(keys.trusted_platform_keys(), keys.apiv3_key.encode())


@pytest_asyncio.fixture
async def receiver() -> AsyncIterator[Receiver]:
    rx = Receiver()
    await rx.start()
    yield rx
    await rx.stop()


@pytest_asyncio.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


async def control(session: aiohttp.ClientSession, sb: SandboxServer, method: str, path: str,
                  body: dict[str, Any] | None = None, *, expect: int = 200) -> Any:
    async with session.request(method, sb.url + path, json=body) as resp:
        assert resp.status == expect, await resp.text()
        return await resp.json()


async def v3(session: aiohttp.ClientSession, sb: SandboxServer, keys: DevKeys, method: str, path: str,
             payload: dict[str, Any] | None = None, *, private_key: Any = None, serial_no: str | None = None,
             send_body: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    """A /v3 call signed like jifen's client (docs/wechat-protocols.md §6.1); `send_body`: other bytes than signed."""
    body = "" if payload is None else json.dumps(payload, separators=(",", ":"))
    auth = sign_request(private_key or keys.merchant_private_key(), method, path, body, mchid=MCHID,
                        serial_no=serial_no or keys.merchant_serial)
    headers = {"Authorization": auth, "Accept": "application/json", "Content-Type": "application/json"}
    data = send_body if send_body is not None else body.encode()
    async with session.request(method, sb.url + path, data=data or None, headers=headers) as resp:
        return resp.status, dict(resp.headers), await resp.read()


async def play_payment(session: aiohttp.ClientSession, sb: SandboxServer, receiver: Receiver,
                       **extra: Any) -> dict[str, Any]:
    body = {"notify_url": receiver.url, "openid": OPENID, "amount": 990, **extra}
    return await control(session, sb, "POST", "/__sandbox__/pay/payments", body)


# -- payments ----------------------------------------------------------------------------------------------
async def test_played_payment_verifies_and_decrypts(sb, pay, keys, verifier, receiver, session):
    played = await play_payment(session, sb, receiver, attach="order:42")
    assert (played["delivered"], played["status"], played["attempts"]) == (True, 204, 1)
    assert len(receiver.received) == 1
    headers, body = receiver.received[0]
    assert headers["Wechatpay-Serial"] == keys.platform_public_key_id
    note = verifier.verify_and_decrypt(headers, body, now=time.time())
    assert (note.id, note.event_type, note.original_type) == (
        played["notification_id"], "TRANSACTION.SUCCESS", "transaction")
    tx = note.resource
    assert tx["transaction_id"] == played["transaction_id"]
    assert len(tx["transaction_id"]) == 28 and tx["transaction_id"].isdigit()
    assert tx["out_trade_no"] == played["out_trade_no"]
    assert (tx["appid"], tx["mchid"], tx["trade_type"], tx["trade_state"], tx["attach"]) == (
        APPID, MCHID, "JSAPI", "SUCCESS", "order:42")
    assert tx["payer"] == {"openid": OPENID}
    assert tx["amount"] == {"total": 990, "payer_total": 990, "currency": "CNY", "payer_currency": "CNY"}
    assert tx["success_time"].endswith("+08:00") and tx["trade_state_desc"] and tx["bank_type"]

    listed = await control(session, sb, "GET", "/__sandbox__/pay/notifications")
    assert [(n["id"], n["event"], n["status"], n["attempts"]) for n in listed["items"]] == [
        (played["notification_id"], "TRANSACTION.SUCCESS", 204, 1)]


async def test_query_order_is_signed_and_verifiable(sb, pay, keys, verifier, receiver, session):
    played = await play_payment(session, sb, receiver)
    path = f"/v3/pay/transactions/out-trade-no/{played['out_trade_no']}?mchid={MCHID}"
    status, headers, body = await v3(session, sb, keys, "GET", path)
    assert status == 200, body
    verify_response(verifier, headers, body, now=time.time())
    assert headers["Request-ID"]
    assert json.loads(body)["transaction_id"] == played["transaction_id"]

    status, headers, body = await v3(session, sb, keys, "GET",
                                     f"/v3/pay/transactions/out-trade-no/NOPE?mchid={MCHID}")
    assert (status, json.loads(body)["code"]) == (404, "ORDER_NOT_EXIST")
    verify_response(verifier, headers, body, now=time.time())


async def test_duplicate_storm_sends_identical_bodies(sb, pay, verifier, receiver, session):
    played = await play_payment(session, sb, receiver, copies=5)
    assert (played["delivered"], played["attempts"]) == (True, 5)
    assert len(receiver.received) == 5
    bodies = {body for _, body in receiver.received}
    assert len(bodies) == 1
    ids = {verifier.verify_and_decrypt(h, b, now=time.time()).id for h, b in receiver.received}
    assert ids == {played["notification_id"]}


async def test_failed_delivery_is_retried_on_the_scaled_schedule(sb, pay, verifier, receiver, session):
    receiver.answers = [500, 503]
    played = await play_payment(session, sb, receiver, retry=True, time_scale=0.0001)
    assert (played["delivered"], played["status"], played["attempts"], played["retrying"]) == (
        False, 500, 1, True)
    for _ in range(200):
        [record] = (await control(session, sb, "GET", "/__sandbox__/pay/notifications"))["items"]
        if record["delivered"]:
            break
        await asyncio.sleep(0.01)
    assert (record["attempts"], record["statuses"], record["retrying"]) == (3, [500, 503, 204], False)
    bodies = {body for _, body in receiver.received}
    assert len(bodies) == 1  # retries resend the same notification, freshly signed
    for headers, body in receiver.received:
        verifier.verify_and_decrypt(headers, body, now=time.time())


async def test_probe_notification_is_refused_by_the_verifier(sb, pay, verifier, receiver, session):
    await play_payment(session, sb, receiver, probe=True)
    headers, body = receiver.received[0]
    assert headers["Wechatpay-Signature"].startswith("WECHATPAY/SIGNTEST/")
    with pytest.raises(SignatureProbe):
        verifier.verify_and_decrypt(headers, body, now=time.time())


async def test_certificate_key_mode(sb, pay, keys, verifier, receiver, session):
    await play_payment(session, sb, receiver, key_mode="certificate")
    headers, body = receiver.received[0]
    assert headers["Wechatpay-Serial"] == keys.platform_certificate_serial
    assert verifier.verify_and_decrypt(headers, body, now=time.time()).event_type == "TRANSACTION.SUCCESS"


# -- refunds -----------------------------------------------------------------------------------------------
async def test_refunds_are_capped_by_the_remaining_amount(sb, pay, verifier, receiver, session):
    played = await play_payment(session, sb, receiver, amount=1000)

    async def refund(amount: int, expect: int = 200) -> Any:
        body = {"notify_url": receiver.url, "transaction_id": played["transaction_id"], "amount": amount}
        return await control(session, sb, "POST", "/__sandbox__/pay/refunds", body, expect=expect)

    first = await refund(600)
    assert first["delivered"] and first["refundable"] == 400
    note = verifier.verify_and_decrypt(*receiver.received[-1], now=time.time())
    assert (note.event_type, note.original_type) == ("REFUND.SUCCESS", "refund")
    assert note.resource["amount"] == {"total": 1000, "refund": 600, "payer_total": 1000, "payer_refund": 600}
    refund_fields = ("refund_status", "out_trade_no", "out_refund_no", "refund_id", "transaction_id")
    assert [note.resource[k] for k in refund_fields] == [
        "SUCCESS", played["out_trade_no"], first["out_refund_no"], first["refund_id"],
        played["transaction_id"]]
    assert note.resource["mchid"] == MCHID and note.resource["user_received_account"]

    before = len(receiver.received)
    assert "exceeds" in (await refund(401, expect=400))["error"]
    assert len(receiver.received) == before  # a rejected refund sends nothing
    assert (await refund(400))["refundable"] == 0
    await refund(1, expect=400)
    body = {"notify_url": receiver.url, "transaction_id": "4200000000000000000000000000", "amount": 1}
    await control(session, sb, "POST", "/__sandbox__/pay/refunds", body, expect=404)


# -- coupons -----------------------------------------------------------------------------------------------
def coupon_body(out_request_no: str, stock_id: str = "sandbox-welcome") -> dict[str, str]:
    return {"stock_id": stock_id, "out_request_no": out_request_no, "appid": APPID,
            "stock_creator_mchid": MCHID}


async def test_coupon_send_is_signed_and_idempotent(sb, pay, keys, verifier, session):
    status, headers, body = await v3(session, sb, keys, "POST", COUPON_PATH, coupon_body("req-0001"))
    assert status == 200, body
    verify_response(verifier, headers, body, now=time.time())
    coupon_id = json.loads(body)["coupon_id"]

    status, _, again = await v3(session, sb, keys, "POST", COUPON_PATH, coupon_body("req-0001"))
    assert (status, json.loads(again)["coupon_id"]) == (200, coupon_id)
    status, _, other = await v3(session, sb, keys, "POST", COUPON_PATH, coupon_body("req-0002"))
    assert status == 200 and json.loads(other)["coupon_id"] != coupon_id

    listed = await control(session, sb, "GET", f"/__sandbox__/pay/coupons?openid={OPENID}")
    assert [c["out_request_no"] for c in listed["items"]] == ["req-0001", "req-0002"]
    assert (await control(session, sb, "GET", "/__sandbox__/pay/coupons?openid=someone-else"))["items"] == []


async def test_coupon_stock_budget_and_unknown_stock(sb, pay, keys, session):
    await control(session, sb, "POST", "/__sandbox__/pay/stocks", {"stock_id": "9856000", "budget": 1})
    status, _, _ = await v3(session, sb, keys, "POST", COUPON_PATH, coupon_body("b-1", "9856000"))
    assert status == 200
    status, _, body = await v3(session, sb, keys, "POST", COUPON_PATH, coupon_body("b-2", "9856000"))
    assert (status, json.loads(body)["code"]) == (403, "NOT_ENOUGH")
    status, _, body = await v3(session, sb, keys, "POST", COUPON_PATH, coupon_body("b-1", "9856000"))
    assert status == 200  # a replay of a granted request still answers its coupon
    status, _, body = await v3(session, sb, keys, "POST", COUPON_PATH, coupon_body("b-3", "1234567"))
    assert (status, json.loads(body)["code"]) == (404, "RESOURCE_NOT_EXISTS")


@pytest.mark.parametrize("change", [{"stock_id": ""}, {"appid": "wxsomeoneelse00001"},
                                    {"out_request_no": "a b"}, {"stock_creator_mchid": "1900000002"},
                                    {"coupon_value": 100}])
async def test_coupon_param_errors(sb, pay, keys, session, change):
    status, _, body = await v3(session, sb, keys, "POST", COUPON_PATH, {**coupon_body("p-1"), **change})
    assert (status, json.loads(body)["code"]) == (400, "PARAM_ERROR")


async def test_bad_signatures_get_401_sign_error(sb, pay, keys, verifier, session):
    cases = {
        "wrong key": {"private_key": keys.platform_private_key()},
        "wrong serial_no": {"serial_no": "0" * 40},
        "body changed after signing": {"send_body": json.dumps(coupon_body("s-2")).encode()},
    }
    for label, kwargs in cases.items():
        status, headers, body = await v3(session, sb, keys, "POST", COUPON_PATH, coupon_body("s-1"), **kwargs)
        assert (status, json.loads(body)["code"]) == (401, "SIGN_ERROR"), label
        verify_response(verifier, headers, body, now=time.time())
    async with session.post(sb.url + COUPON_PATH, json=coupon_body("s-1")) as resp:  # no Authorization
        assert (resp.status, (await resp.json())["code"]) == (401, "SIGN_ERROR")
    assert pay.coupons == {}
