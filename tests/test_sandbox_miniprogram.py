"""The WeChat sandbox's mini-program APIs, driven over real HTTP by jifen's real client code (app/wechat).

Two purposes: the sandbox must answer like WeChat (docs/wechat-protocols.md §1), and the client's retry,
errcode mapping and token-refresh logic must hold up against it.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import fakeredis
import pytest
import pytest_asyncio

from app.wechat.base import WeChatHttp
from app.wechat.errors import (
    CodeUsed,
    ConfigError,
    InvalidArgument,
    InvalidCode,
    RateLimited,
    UserRefused,
    WeChatUnavailable,
)
from app.wechat.miniprogram import MiniProgramClient
from app.wechat.tokens import StableToken, TokenStore
from sandbox.server import SandboxServer
from sandbox.state import DEFAULT_APPID, DEFAULT_SECRET

TPL = "sandbox-tpl-points"
Ctl = Callable[..., Awaitable[Any]]


@pytest_asyncio.fixture(scope="module")
async def sb() -> AsyncIterator[SandboxServer]:
    async with SandboxServer(port=0) as server:
        yield server


@pytest_asyncio.fixture
async def session(sb: SandboxServer) -> AsyncIterator[aiohttp.ClientSession]:
    sb.state.reset()
    async with aiohttp.ClientSession() as s:
        yield s


@pytest.fixture
def ctl(sb: SandboxServer, session: aiohttp.ClientSession) -> Ctl:
    """Call the sandbox control API (or any path) and return the decoded JSON."""
    async def call(method: str, url_path: str, body: dict[str, Any] | None = None, **params: str) -> Any:
        async with session.request(method, sb.url + url_path, json=body, params=params) as resp:
            assert resp.status == 200, await resp.text()
            return await resp.json()
    return call


def make_client(sb: SandboxServer, session: aiohttp.ClientSession, redis: Any = None, *,
                secret: str = DEFAULT_SECRET, timeout: float = 5.0) -> MiniProgramClient:
    http = WeChatHttp(session, sb.url, retries=2, backoff=0.01, timeout=timeout)
    redis = redis if redis is not None else fakeredis.FakeAsyncRedis(decode_responses=True)
    tokens = TokenStore(http, redis, "test:", StableToken(DEFAULT_APPID, secret))
    return MiniProgramClient(http, tokens, DEFAULT_APPID, secret)


@pytest.fixture
def client(sb: SandboxServer, session: aiohttp.ClientSession) -> MiniProgramClient:
    return make_client(sb, session)


async def recorded(ctl: Ctl, path: str) -> list[dict[str, Any]]:
    return (await ctl("GET", "/__sandbox__/requests", path=path))["items"]


# -- code2session --------------------------------------------------------------------------------------
async def test_code2session_with_minted_code(client: MiniProgramClient, ctl: Ctl) -> None:
    minted = await ctl("POST", "/__sandbox__/codes", {"name": "alice"})
    got = await client.code2session(minted["code"])
    assert (got.openid, got.unionid) == (minted["openid"], minted["unionid"])
    assert len(got.openid) == 28 and got.openid.startswith("o")
    assert len(base64.b64decode(got.session_key)) == 16


async def test_reused_code_raises_code_used(client: MiniProgramClient, ctl: Ctl) -> None:
    code = (await ctl("POST", "/__sandbox__/codes", {}))["code"]
    await client.code2session(code)
    with pytest.raises(CodeUsed):
        await client.code2session(code)


async def test_unknown_code_raises_invalid_code(client: MiniProgramClient) -> None:
    with pytest.raises(InvalidCode):
        await client.code2session("no-such-code")


async def test_code_expires_after_five_minutes(client: MiniProgramClient, ctl: Ctl) -> None:
    code = (await ctl("POST", "/__sandbox__/codes", {}))["code"]
    await ctl("POST", "/__sandbox__/clock", {"offset_seconds": 301})
    with pytest.raises(InvalidCode):
        await client.code2session(code)


async def test_dev_code_is_deterministic_and_reusable(client: MiniProgramClient) -> None:
    first = await client.code2session("sandbox:bob")
    again = await client.code2session("sandbox:bob")
    other = await client.code2session("sandbox:carol")
    assert (first.openid, first.unionid) == (again.openid, again.unionid)
    assert first.openid != other.openid and first.unionid != other.unionid
    assert len(first.openid) == 28 and first.unionid and first.unionid.startswith("u")


async def test_injected_40029_raises_invalid_code(client: MiniProgramClient, ctl: Ctl) -> None:
    await ctl("POST", "/__sandbox__/faults", {"path": "/sns/jscode2session", "errcode": 40029, "count": 1})
    with pytest.raises(InvalidCode):
        await client.code2session("sandbox:dave")
    await client.code2session("sandbox:dave")  # the fault was single-shot


async def test_system_busy_once_is_retried(client: MiniProgramClient, ctl: Ctl) -> None:
    await ctl("POST", "/__sandbox__/faults", {"path": "/sns/jscode2session", "errcode": -1, "count": 1})
    assert (await client.code2session("sandbox:erin")).openid
    seen = await recorded(ctl, "/sns/jscode2session")
    assert [r["errcode"] for r in seen] == [-1, None]


async def test_system_busy_beyond_retries_raises_unavailable(client: MiniProgramClient, ctl: Ctl) -> None:
    await ctl("POST", "/__sandbox__/faults", {"path": "/sns/jscode2session", "errcode": -1, "count": 3})
    with pytest.raises(WeChatUnavailable):
        await client.code2session("sandbox:frank")
    assert len(await recorded(ctl, "/sns/jscode2session")) == 3


async def test_http_503_is_retried(client: MiniProgramClient, ctl: Ctl) -> None:
    await ctl("POST", "/__sandbox__/faults", {"path": "/sns/jscode2session", "http_status": 503, "count": 1})
    assert (await client.code2session("sandbox:gina")).openid
    assert [r["status"] for r in await recorded(ctl, "/sns/jscode2session")] == [503, 200]


async def test_slow_code_exchange_is_not_replayed(sb: SandboxServer, session: aiohttp.ClientSession,
                                                  ctl: Ctl) -> None:
    """A timed-out code exchange may have consumed the one-time code: fail with 'unavailable', don't replay."""
    client = make_client(sb, session, timeout=0.2)
    await ctl("POST", "/__sandbox__/faults", {"path": "/sns/jscode2session", "delay_ms": 500, "count": 1})
    with pytest.raises(WeChatUnavailable):
        await client.code2session("sandbox:hank")
    assert len(await recorded(ctl, "/sns/jscode2session")) == 1


async def test_slow_token_fetch_times_out_and_is_retried(sb: SandboxServer, session: aiohttp.ClientSession,
                                                        ctl: Ctl) -> None:
    client = make_client(sb, session, timeout=0.2)
    await ctl("POST", "/__sandbox__/faults", {"path": "/cgi-bin/stable_token", "delay_ms": 500, "count": 1})
    assert await client.tokens.get()
    assert len(await recorded(ctl, "/cgi-bin/stable_token")) == 2


async def test_wrong_secret_raises_config_error(sb: SandboxServer, session: aiohttp.ClientSession) -> None:
    client = make_client(sb, session, secret="wrong")
    with pytest.raises(ConfigError) as code_err:
        await client.code2session("sandbox:ivan")
    with pytest.raises(ConfigError) as token_err:
        await client.phone_number("sandbox-phone:13800138000")  # stable_token rejects the secret
    assert code_err.value.errcode == token_err.value.errcode == 40125


# -- access tokens -------------------------------------------------------------------------------------
async def test_expired_token_is_refreshed_once(client: MiniProgramClient, ctl: Ctl) -> None:
    await client.phone_number("sandbox-phone:13800138000")
    assert (await ctl("POST", "/__sandbox__/tokens/expire"))["expired"] == 1
    code = (await ctl("POST", "/__sandbox__/phone-codes", {"phone": "13900139000"}))["code"]
    assert (await client.phone_number(code))["purePhoneNumber"] == "13900139000"
    refreshes = await recorded(ctl, "/cgi-bin/stable_token")
    assert [r["body"]["force_refresh"] for r in refreshes] == [False, True]
    calls = await recorded(ctl, "/wxa/business/getuserphonenumber")
    assert [r["errcode"] for r in calls] == [0, 42001, 0]


async def test_invalidated_token_is_refreshed_once(client: MiniProgramClient, ctl: Ctl) -> None:
    await client.phone_number("sandbox-phone:13800138000")
    await ctl("POST", "/__sandbox__/tokens/invalidate")
    await client.phone_number("sandbox-phone:13800138000")
    calls = await recorded(ctl, "/wxa/business/getuserphonenumber")
    assert [r["errcode"] for r in calls] == [0, 40001, 0]
    assert len(await recorded(ctl, "/cgi-bin/stable_token")) == 2


async def test_two_token_stores_share_one_stable_token(sb: SandboxServer, session: aiohttp.ClientSession,
                                                       ctl: Ctl) -> None:
    redis = fakeredis.FakeAsyncRedis(decode_responses=True)
    a, b = make_client(sb, session, redis), make_client(sb, session, redis)
    await asyncio.gather(a.phone_number("sandbox-phone:13800138000"),
                         b.phone_number("sandbox-phone:13800138001"))
    assert len(await recorded(ctl, "/cgi-bin/stable_token")) == 1
    tokens = {r["query"]["access_token"] for r in await recorded(ctl, "/wxa/business/getuserphonenumber")}
    assert len(tokens) == 1


async def test_late_rejection_of_old_token_does_not_force_refresh_again(
        sb: SandboxServer, client: MiniProgramClient, ctl: Ctl) -> None:
    await client.phone_number("sandbox-phone:13800138000")
    await ctl("POST", "/__sandbox__/tokens/expire")
    # one of two concurrent calls gets its 42001 after the other has already refreshed the token
    await ctl("POST", "/__sandbox__/faults",
              {"path": "/wxa/business/getuserphonenumber", "delay_ms": 150, "count": 1})
    await asyncio.gather(client.phone_number("sandbox-phone:13800138000"),
                         client.phone_number("sandbox-phone:13800138001"))
    forced = [r for r in await recorded(ctl, "/cgi-bin/stable_token") if r["body"]["force_refresh"]]
    assert len(forced) == 1  # WeChat allows a forced refresh only every 30 s (20 a day)


async def test_token_protocol(sb: SandboxServer, session: aiohttp.ClientSession) -> None:
    """Raw protocol: classic vs stable tokens, replacement and force refresh (docs/wechat-protocols.md §1.1, §1.2)."""
    creds = {"grant_type": "client_credential", "appid": DEFAULT_APPID, "secret": DEFAULT_SECRET}

    async def get(path: str, **params: str) -> dict[str, Any]:
        async with session.get(sb.url + path, params=params) as resp:
            return await resp.json()

    async def post(path: str, body: Any, **params: str) -> dict[str, Any]:
        async with session.post(sb.url + path, json=body, params=params) as resp:
            return await resp.json()

    async def usable(token: str) -> int:
        body = await post("/wxa/business/getuserphonenumber", {"code": "sandbox-phone:13800138000"},
                          access_token=token)
        return body["errcode"]

    classic1 = await get("/cgi-bin/token", **creds)
    assert "errcode" not in classic1 and classic1["expires_in"] == 7200
    assert len(classic1["access_token"]) >= 32
    stable1 = (await post("/cgi-bin/stable_token", {**creds, "force_refresh": False}))["access_token"]
    classic2 = (await get("/cgi-bin/token", **creds))["access_token"]
    assert await usable(classic1["access_token"]) == 40001  # replaced by the newer classic token
    assert await usable(classic2) == 0 and await usable(stable1) == 0  # stable unaffected by classic
    assert (await post("/cgi-bin/stable_token", creds))["access_token"] == stable1
    stable2 = (await post("/cgi-bin/stable_token", {**creds, "force_refresh": True}))["access_token"]
    assert stable2 != stable1 and await usable(stable1) == 40001 and await usable(stable2) == 0
    assert (await get("/cgi-bin/token", **{**creds, "appid": "wxnope"}))["errcode"] == 40013
    bad_secret = await get("/cgi-bin/token", **{**creds, "secret": "nope"})
    assert bad_secret["errcode"] == 40125 and bad_secret["errmsg"].startswith("invalid appsecret rid: ")
    assert (await get("/cgi-bin/token", **{**creds, "grant_type": "password"}))["errcode"] == 40002
    async with session.post(sb.url + "/cgi-bin/stable_token", data=b"not json") as resp:
        assert (await resp.json())["errcode"] == 47001
    async with session.post(sb.url + "/wxa/business/getuserphonenumber", json={"code": "x"}) as resp:
        assert (await resp.json())["errcode"] == 41001
    assert await usable("unknown-token") == 40001


# -- phone number ------------------------------------------------------------------------------------
async def test_phone_number_flow(client: MiniProgramClient, ctl: Ctl) -> None:
    code = (await ctl("POST", "/__sandbox__/phone-codes", {"phone": "13700137000"}))["code"]
    info = await client.phone_number(code)
    assert info["phoneNumber"] == info["purePhoneNumber"] == "13700137000"
    assert info["countryCode"] == 86 and info["watermark"]["appid"] == DEFAULT_APPID
    with pytest.raises(InvalidCode):
        await client.phone_number(code)  # single-use
    with pytest.raises(InvalidCode):
        await client.phone_number("never-minted")
    assert (await client.phone_number("sandbox-phone:13800138000"))["purePhoneNumber"] == "13800138000"


# -- subscribe messages --------------------------------------------------------------------------------
async def test_subscribe_send_records_message(client: MiniProgramClient, ctl: Ctl) -> None:
    msgid = await client.send_subscribe_message("oUser1", TPL, {"thing1": "积分到账", "number2": "100"},
                                                page="pages/points/index")
    assert isinstance(msgid, int)
    items = (await ctl("GET", "/__sandbox__/messages", touser="oUser1"))["items"]
    assert [(m["msgid"], m["template_id"], m["data"], m["page"]) for m in items] == [
        (msgid, TPL, {"thing1": "积分到账", "number2": "100"}, "pages/points/index")]
    assert (await ctl("GET", "/__sandbox__/messages", touser="oSomeoneElse"))["items"] == []


async def test_subscribe_quota_exhausted_raises_user_refused(client: MiniProgramClient, ctl: Ctl) -> None:
    await ctl("POST", "/__sandbox__/subscriptions", {"openid": "oUser2", "template_id": TPL, "quota": 1})
    await client.send_subscribe_message("oUser2", TPL, {"thing1": "x"})
    with pytest.raises(UserRefused):
        await client.send_subscribe_message("oUser2", TPL, {"thing1": "x"})
    await ctl("POST", "/__sandbox__/subscriptions", {"openid": "oUser3", "template_id": TPL, "quota": 0})
    with pytest.raises(UserRefused):
        await client.send_subscribe_message("oUser3", TPL, {"thing1": "x"})


async def test_subscribe_45009_raises_rate_limited(client: MiniProgramClient, ctl: Ctl,
                                                   sb: SandboxServer) -> None:
    path = "/cgi-bin/message/subscribe/send"
    await ctl("POST", "/__sandbox__/faults", {"path": path, "errcode": 45009, "count": 1})
    with pytest.raises(RateLimited):
        await client.send_subscribe_message("oUser4", TPL, {"thing1": "x"})
    sb.state.subscribe_rate_per_second = 1
    try:
        await client.send_subscribe_message("oUser4", TPL, {"thing1": "x"})
        with pytest.raises(RateLimited):
            await client.send_subscribe_message("oUser4", TPL, {"thing1": "x"})
    finally:
        sb.state.subscribe_rate_per_second = None


async def test_subscribe_empty_value_raises_invalid_argument(client: MiniProgramClient) -> None:
    with pytest.raises(InvalidArgument) as err:
        await client.send_subscribe_message("oUser5", TPL, {"thing1": ""})
    assert err.value.errcode == 47003
    assert err.value.errmsg.startswith("argument invalid! data.thing1.value is empty")
    with pytest.raises(InvalidArgument):  # `thing` values are limited to 20 characters
        await client.send_subscribe_message("oUser5", TPL, {"thing1": "字" * 21})
