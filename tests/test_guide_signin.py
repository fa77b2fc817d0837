"""Guides sign in from the WeCom workbench: an OAuth code (single use, 5 minutes, docs/wechat-protocols.md
§5.12) becomes a guide token for the active guide with that WeCom userid; everyone else is refused clearly."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from models import StaffUser
from sandbox.wecom_guides import guides_of
from tests.conftest import Api
from tests.payhelpers import sandbox_call


@pytest.fixture(autouse=True)
def _fresh_guides_sandbox(sandbox: Any) -> None:
    guides_of(sandbox.state).reset()


async def mint(sandbox: Any, **who: Any) -> str:
    return str((await sandbox_call(sandbox, "POST", "/__sandbox__/wecom/oauth/codes", who))["code"])


async def sign_in(api: Api, code: Any) -> tuple[int, Any]:
    return await api.call("POST", "/guide/v1/auth/wecom", json={"code": code})


async def test_a_valid_code_gives_the_guide_a_working_guide_token(api: Api, rt, sandbox) -> None:
    guide = await StaffUser.create(name="王导购", role="guide", wecom_userid="wang01")
    status, out = await sign_in(api, await mint(sandbox, userid="wang01"))
    assert status == 200, out
    assert out["staff"]["id"] == guide.id and out["staff"]["role"] == "guide"
    status, who = await api.call("GET", "/guide/v1/whoami", token=out["token"])
    assert (status, who) == (200, {"staff_id": guide.id, "role": "guide"})
    # the token is a guide's: admin routes refuse it
    status, err = await api.call("GET", "/admin/v1/stores", token=out["token"])
    assert status == 403 and err["error"]["code"] == "forbidden"


async def test_a_code_works_once(api: Api, rt, sandbox) -> None:
    await StaffUser.create(name="g", role="guide", wecom_userid="once01")
    code = await mint(sandbox, userid="once01")
    assert (await sign_in(api, code))[0] == 200
    status, err = await sign_in(api, code)
    assert status == 401 and err["error"]["code"] == "invalid_code"


async def test_an_expired_code_is_refused(api: Api, rt, sandbox) -> None:
    await StaffUser.create(name="g", role="guide", wecom_userid="late01")
    fresh, stale = await mint(sandbox, userid="late01"), await mint(sandbox, userid="late01")
    await sandbox_call(sandbox, "POST", "/__sandbox__/clock", {"advance_seconds": 299})
    assert (await sign_in(api, fresh))[0] == 200  # within the 5 minutes
    await sandbox_call(sandbox, "POST", "/__sandbox__/clock", {"advance_seconds": 2})
    status, err = await sign_in(api, stale)
    assert status == 401 and err["error"]["code"] == "invalid_code"


async def test_unknown_inactive_non_guide_and_outsiders_are_refused(api: Api, rt, sandbox) -> None:
    await StaffUser.create(name="left", role="guide", wecom_userid="left01", active=False)
    await StaffUser.create(name="mkt", role="marketer", wecom_userid="mkt01")
    cases = [({"userid": "stranger"}, 403, "not_a_guide"),
             ({"userid": "left01"}, 403, "staff_inactive"),
             ({"userid": "mkt01"}, 403, "not_a_guide"),
             ({"openid": "oOUTSIDER", "external_userid": "wmOUT"}, 403, "not_corp_member")]
    for who, status, code in cases:
        got, err = await sign_in(api, await mint(sandbox, **who))
        assert (got, err["error"]["code"]) == (status, code), who


async def test_wecom_down_is_503_not_500(api: Api, rt, sandbox) -> None:
    await StaffUser.create(name="g", role="guide", wecom_userid="down01")
    code = await mint(sandbox, userid="down01")
    await sandbox_call(sandbox, "POST", "/__sandbox__/faults",
                       {"path": "/cgi-bin/auth/getuserinfo", "http_status": 502, "count": 10})
    status, err = await sign_in(api, code)
    assert status == 503 and err["error"]["code"] == "wechat_unavailable"


async def test_authorize_url_is_wecoms_silent_oauth_link(api: Api, rt) -> None:
    status, out = await api.call("GET", "/guide/v1/auth/wecom/url?state=task42&redirect_uri="
                                        "https%3A%2F%2Fjifen.example.com%2Fguide%2F%3Fp%3D1")
    assert status == 200, out
    url = urlsplit(out["url"])
    assert (url.scheme, url.netloc, url.path, url.fragment) == ("https", "open.weixin.qq.com",
                                                                "/connect/oauth2/authorize", "wechat_redirect")
    q = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert q == {"appid": rt.settings.wecom.corpid, "redirect_uri": "https://jifen.example.com/guide/?p=1",
                 "response_type": "code", "scope": "snsapi_base", "state": "task42",
                 "agentid": str(rt.settings.wecom.agent_id)}
    status, out = await api.call("GET", "/guide/v1/auth/wecom/url")  # the configured page by default
    assert status == 200 and "state=jifen" in out["url"]


@pytest.mark.parametrize("payload, status", [
    (None, 400), ({}, 422), ({"code": ""}, 422), ({"code": 123}, 422), ({"code": "x" * 513}, 422),
    (["code"], 422)])
async def test_bad_sign_in_input_is_json_4xx(api: Api, rt, payload: Any, status: int) -> None:
    got, err = await api.call("POST", "/guide/v1/auth/wecom", json=payload,
                              **({} if payload is not None else {"data": "not json",
                                                                 "headers": {"content-type": "application/json"}}))
    assert got == status and set(err["error"]) >= {"code", "message"}, err


@pytest.mark.parametrize("query", ["state=has-dash", "state=" + "a" * 129, "redirect_uri=ftp://x.example/",
                                   "redirect_uri=short"])
async def test_bad_authorize_url_input_is_422(api: Api, rt, query: str) -> None:
    status, err = await api.call("GET", f"/guide/v1/auth/wecom/url?{query}")
    assert status == 422 and err["error"]["code"] == "validation_failed", err


async def test_sandbox_speaks_the_documented_errors(rt, sandbox) -> None:
    """The sandbox's OAuth and contact-way endpoints answer WeCom's envelopes, so the client is tested
    against the protocol (docs/wechat-protocols.md §5.12 and §5.13), not against a stub."""
    import aiohttp

    token = await rt.wecom_token(rt.settings.wecom.corpid, rt.settings.wecom.contact_secret).get(None)

    async def call(method: str, path: str, body: Any = None, **params: str) -> dict[str, Any]:
        async with aiohttp.ClientSession() as s, s.request(method, sandbox.url + path, json=body,
                                                           params=params) as resp:
            return dict(await resp.json())

    assert (await call("GET", "/cgi-bin/auth/getuserinfo", code="x", access_token="bogus"))["errcode"] == 40014
    assert (await call("GET", "/cgi-bin/auth/getuserinfo", code="never-minted", access_token=token))["errcode"] \
        == 40029
    code = await mint(sandbox, openid="oOUT")
    assert await call("GET", "/cgi-bin/auth/getuserinfo", code=code, access_token=token) == {
        "errcode": 0, "errmsg": "ok", "openid": "oOUT"}
    way = "/cgi-bin/externalcontact/add_contact_way"
    for body in ({"type": 1, "scene": 2, "user": ["a", "b"]}, {"type": 3, "scene": 2, "user": ["a"]},
                 {"type": 1, "scene": 2, "user": ["a"], "state": "s" * 31}, {"type": 2, "scene": 1}):
        out = await call("POST", way, body, access_token=token)
        assert out["errcode"] == 40035 and "more info at" in out["errmsg"], body
    made = await call("POST", way, {"type": 1, "scene": 1, "user": ["a"], "state": "s" * 30}, access_token=token)
    assert made["errcode"] == 0 and made["config_id"] and "qr_code" not in made  # scene 1: no QR
    got = await call("POST", "/cgi-bin/externalcontact/get_contact_way", {"config_id": made["config_id"]},
                     access_token=token)
    assert got["contact_way"]["state"] == "s" * 30 and got["contact_way"]["user"] == ["a"]
    unknown = await call("POST", "/cgi-bin/externalcontact/get_contact_way", {"config_id": "nope"},
                         access_token=token)
    assert unknown["errcode"] == 40035
