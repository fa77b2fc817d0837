"""Mini-program login through the real client code and the sandbox over HTTP."""

from __future__ import annotations

import asyncio

from sandbox.state import Fault
from tests.conftest import Api


async def test_login_returns_token_that_me_accepts(api: Api, sandbox) -> None:
    status, body = await api.call("POST", "/api/v1/auth/login", json={"code": "sandbox:alice"})
    assert status == 201
    assert "session_key" not in str(body)
    token, member = body["token"], body["member"]
    assert member["openid"].startswith("o")
    status, me = await api.call("GET", "/api/v1/me", token=token)
    assert status == 200
    assert me["member"]["id"] == member["id"]
    # second login: same member, 200 not 201
    status, again = await api.call("POST", "/api/v1/auth/login", json={"code": "sandbox:alice"})
    assert status == 200 and again["member"]["id"] == member["id"]
    # the first login (a created row), a returning one (on PostgreSQL the view is built from the statement's
    # row, not the model) and /me show the member alike, field for field
    assert again["member"] == member == me["member"]
    assert set(member) == {"id", "openid", "unionid", "phone", "nickname", "invite_code", "balance", "pending",
                           "growth", "tier_level", "created_at"}
    seen = [r for r in sandbox.state.requests if r["path"] == "/sns/jscode2session"]
    assert seen and seen[-1]["query"]["grant_type"] == "authorization_code"


async def test_minted_code_is_single_use(api: Api, sandbox) -> None:
    import aiohttp

    async with aiohttp.ClientSession() as s:
        async with s.post(f"{sandbox.url}/__sandbox__/codes", json={"name": "bob"}) as r:
            code = (await r.json())["code"]
    status, _ = await api.call("POST", "/api/v1/auth/login", json={"code": code})
    assert status == 201
    status, body = await api.call("POST", "/api/v1/auth/login", json={"code": code})
    assert status == 400 and body["error"]["code"] == "code_used"
    status, body = await api.call("POST", "/api/v1/auth/login", json={"code": "never-issued"})
    assert status == 400 and body["error"]["code"] == "invalid_code"


async def test_wechat_down_is_503_with_retry_hint(api: Api, sandbox) -> None:
    sandbox.state.faults.append(Fault(path="/sns/jscode2session", errcode=-1, count=10))
    status, body = await api.call("POST", "/api/v1/auth/login", json={"code": "sandbox:carol"})
    assert status == 503
    assert body["error"]["code"] == "wechat_unavailable"
    assert body["error"]["details"]["retry_after_seconds"] > 0


async def test_rate_limit_and_risky_user(api: Api, sandbox) -> None:
    sandbox.state.faults.append(Fault(path="/sns/jscode2session", errcode=45011))
    status, body = await api.call("POST", "/api/v1/auth/login", json={"code": "sandbox:dave"})
    assert status == 429 and body["error"]["code"] == "wechat_rate_limited"
    sandbox.state.faults.append(Fault(path="/sns/jscode2session", errcode=40226))
    status, body = await api.call("POST", "/api/v1/auth/login", json={"code": "sandbox:dave"})
    assert status == 403 and body["error"]["code"] == "login_blocked"


async def test_concurrent_first_logins_create_one_member(api: Api) -> None:
    results = await asyncio.gather(*[api.call("POST", "/api/v1/auth/login", json={"code": "sandbox:erin"})
                                     for _ in range(10)])
    ids = {body["member"]["id"] for status, body in results if status in (200, 201)}
    assert len(ids) == 1, results
    assert sum(1 for status, _ in results if status == 201) == 1


async def test_bad_bodies_get_field_errors(api: Api) -> None:
    status, body = await api.call("POST", "/api/v1/auth/login", json={})
    assert status == 422 and body["error"]["details"][0]["field"] == "code"
    status, body = await api.call("POST", "/api/v1/auth/login", data=b"{not json",
                                  headers={"content-type": "application/json"})
    assert status == 400 and body["error"]["code"] == "malformed_json"
    status, body = await api.call("POST", "/api/v1/auth/login", data=b"code=1",
                                  headers={"content-type": "application/x-www-form-urlencoded"})
    assert status == 415
    status, body = await api.call("POST", "/api/v1/auth/login", json=[1, 2])
    assert status == 422


async def test_auth_errors(api: Api, staff_token) -> None:
    status, body = await api.call("GET", "/api/v1/me")
    assert status == 401 and body["error"]["code"] == "missing_token"
    status, body = await api.call("GET", "/api/v1/me", token="garbage")
    assert status == 401 and body["error"]["code"] == "invalid_token"
    status, body = await api.call("GET", "/api/v1/me", token=staff_token("guide"))
    assert status == 403
    token, _ = await api.login("frank")
    status, body = await api.call("GET", "/admin/v1/whoami", token=token)
    assert status == 403
    status, body = await api.call("GET", "/admin/v1/whoami", token=staff_token("marketer"))
    assert status == 200 and body["role"] == "marketer"


async def test_unknown_route_is_json_404(api: Api) -> None:
    status, body = await api.call("GET", "/nope")
    assert status == 404 and body["error"]["code"] == "not_found"


async def test_phone_binding(api: Api, sandbox) -> None:
    token, _ = await api.login("grace")
    status, body = await api.call("POST", "/api/v1/me/phone", token=token,
                                  json={"code": "sandbox-phone:13800138000"})
    assert status == 200, body
    assert body["member"]["phone"] == "13800138000"
    status, body = await api.call("POST", "/api/v1/me/phone", token=token, json={"code": "bogus"})
    assert status == 400 and body["error"]["code"] == "invalid_code"


async def test_health_and_ready(api: Api) -> None:
    assert (await api.call("GET", "/healthz"))[0] == 200
    status, body = await api.call("GET", "/readyz")
    assert status == 200 and body["checks"] == {"database": "ok", "redis": "ok"}
    status, spec = await api.call("GET", "/docs/openapi.json")
    assert status == 200 and "/api/v1/auth/login" in spec["paths"]
