"""WeCom access tokens over real HTTP: the sandbox's `gettoken` answers like WeCom (docs/wechat-protocols.md
§5.1), and the one token store, given the WeCom strategy, shares, refreshes and replaces tokens as it does for
the mini-program's stable_token.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import fakeredis
import pytest
import pytest_asyncio

from app.wechat.base import WeChatHttp
from app.wechat.errors import ConfigError
from app.wechat.tokens import TokenStore, WeComToken
from sandbox.server import SandboxServer
from sandbox.state import DEFAULT_APPID, DEFAULT_CORP_SECRET, DEFAULT_CORPID, DEFAULT_SECRET

TEXT = {"touser": "guide01", "msgtype": "text", "agentid": 1000002, "text": {"content": "今日任务"}}


@pytest_asyncio.fixture(scope="module")
async def sb() -> AsyncIterator[SandboxServer]:
    async with SandboxServer(port=0) as server:
        yield server


@pytest_asyncio.fixture
async def session(sb: SandboxServer) -> AsyncIterator[aiohttp.ClientSession]:
    sb.state.reset()
    sb.state.corps = {DEFAULT_CORPID: {DEFAULT_CORP_SECRET, "contact-secret"}}
    async with aiohttp.ClientSession() as s:
        yield s


def make_store(sb: SandboxServer, session: aiohttp.ClientSession, redis: Any = None, *,
               secret: str = DEFAULT_CORP_SECRET) -> TokenStore:
    http = WeChatHttp(session, sb.url, retries=2, backoff=0.01)
    redis = redis if redis is not None else fakeredis.FakeAsyncRedis(decode_responses=True)
    return TokenStore(http, redis, "test:", WeComToken(DEFAULT_CORPID, secret))


async def send(store: TokenStore) -> dict[str, Any]:
    return await store.http.call("POST", "/cgi-bin/message/send", json_body=TEXT, token=store.get,
                                 replay_safe=False)


def recorded(sb: SandboxServer, path: str) -> list[dict[str, Any]]:
    return [r for r in sb.state.requests if r["path"] == path]


async def test_gettoken_protocol(sb: SandboxServer, session: aiohttp.ClientSession) -> None:
    async def get(path: str, **params: str) -> dict[str, Any]:
        async with session.get(sb.url + path, params=params) as resp:
            assert resp.status == 200
            return await resp.json()

    first = await get("/cgi-bin/gettoken", corpid=DEFAULT_CORPID, corpsecret=DEFAULT_CORP_SECRET)
    assert (first["errcode"], first["errmsg"], first["expires_in"]) == (0, "ok", 7200)
    assert len(first["access_token"]) >= 32
    sb.state.clock_offset += 100
    again = await get("/cgi-bin/gettoken", corpid=DEFAULT_CORPID, corpsecret=DEFAULT_CORP_SECRET)
    assert again["access_token"] == first["access_token"] and 7099 <= again["expires_in"] <= 7100
    other_app = await get("/cgi-bin/gettoken", corpid=DEFAULT_CORPID, corpsecret="contact-secret")
    assert other_app["access_token"] != first["access_token"]  # one token per app secret
    assert (await get("/cgi-bin/gettoken", corpid="wwnope", corpsecret=DEFAULT_CORP_SECRET))["errcode"] == 40013
    assert (await get("/cgi-bin/gettoken", corpid=DEFAULT_CORPID))["errcode"] == 41004
    wrong = await get("/cgi-bin/gettoken", corpid=DEFAULT_CORPID, corpsecret="nope")
    assert wrong["errcode"] == 40001
    assert wrong["errmsg"].startswith("invalid secret, hint: [") and wrong["errmsg"].endswith("?e=40001")

    async def post(path: str, body: Any, token: str) -> int:
        async with session.post(sb.url + path, json=body, params={"access_token": token}) as resp:
            return (await resp.json())["errcode"]

    assert await post("/cgi-bin/message/send", TEXT, first["access_token"]) == 0
    assert await post("/cgi-bin/message/send", {**TEXT, "agentid": "x"}, first["access_token"]) == 40056
    assert await post("/cgi-bin/message/send", {**TEXT, "touser": ""}, first["access_token"]) == 40035
    # tokens of the two platforms are not interchangeable
    async with session.post(sb.url + "/cgi-bin/stable_token", json={
            "grant_type": "client_credential", "appid": DEFAULT_APPID, "secret": DEFAULT_SECRET}) as resp:
        mp_token = (await resp.json())["access_token"]
    assert await post("/cgi-bin/message/send", TEXT, mp_token) == 40014
    assert await post("/wxa/business/getuserphonenumber", {"code": "sandbox-phone:13800138000"},
                      first["access_token"]) == 40001


async def test_store_fetches_once_and_sends(sb: SandboxServer, session: aiohttp.ClientSession) -> None:
    redis = fakeredis.FakeAsyncRedis(decode_responses=True)
    a, b = make_store(sb, session, redis), make_store(sb, session, redis)  # two workers, one Redis
    results = await asyncio.gather(send(a), send(b), send(a))
    assert all(r["errcode"] == 0 and r["msgid"] for r in results)
    assert len(recorded(sb, "/cgi-bin/gettoken")) == 1
    assert [m["text"]["content"] for m in sb.state.wecom_messages] == ["今日任务"] * 3
    assert 7200 - 301 <= await redis.ttl(a.key) <= 7200 - 300  # refreshed five minutes before WeCom expires it


@pytest.mark.parametrize(("control", "errcode"), [("expire", 42001), ("invalidate", 40014)])
async def test_rejected_token_is_replaced_once(sb: SandboxServer, session: aiohttp.ClientSession,
                                               control: str, errcode: int) -> None:
    store = make_store(sb, session)
    await send(store)
    getattr(sb.state, f"{control}_tokens")()
    await asyncio.gather(send(store), send(store))
    assert len(recorded(sb, "/cgi-bin/gettoken")) == 2  # one forced refresh for both rejected sends
    codes = [r["errcode"] for r in recorded(sb, "/cgi-bin/message/send")]
    assert codes.count(0) == 3 and set(codes) == {0, errcode}


async def test_wrong_secret_is_a_config_error_not_a_refresh_loop(sb: SandboxServer,
                                                                 session: aiohttp.ClientSession) -> None:
    store = make_store(sb, session, secret="wrong")
    with pytest.raises(ConfigError) as err:
        await send(store)
    assert err.value.errcode == 40001 and err.value.path == "/cgi-bin/gettoken"
    assert len(recorded(sb, "/cgi-bin/gettoken")) == 1
    assert recorded(sb, "/cgi-bin/message/send") == []


async def test_runtime_keeps_one_store_per_credential(rt: Any) -> None:
    one = rt.wecom_token(DEFAULT_CORPID, DEFAULT_CORP_SECRET)
    assert rt.wecom_token(DEFAULT_CORPID, DEFAULT_CORP_SECRET) is one
    other = rt.wecom_token(DEFAULT_CORPID, "contact-secret")
    assert other is not one and other.key != one.key
    assert DEFAULT_CORP_SECRET not in one.key  # secrets never appear in Redis key names
    assert rt.miniprogram.tokens.key == f"{rt.prefix}wxtoken:{rt.settings.miniprogram.appid}"
    assert await one.get() == await rt.wecom_token(DEFAULT_CORPID, DEFAULT_CORP_SECRET).get()
