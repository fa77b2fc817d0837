"""The API explains itself: the OpenAPI spec at /docs/openapi.json carries the bearer scheme, each route's roles
(derived from `@require`), its success and error responses, and /docs renders from assets jifen serves itself.
"""

from __future__ import annotations

import re
from typing import Any

import aiohttp
from sanic import Sanic

from app.api_docs import page_of, roles_of
from tests.conftest import Api

ERROR_CODES = {401: {"missing_token", "invalid_token", "token_expired"}, 403: {"forbidden"}}


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(path, method, op) for path, item in spec["paths"].items() for method, op in item.items()]


def _spec_path(uri: str) -> str:
    return "/" + re.sub(r"<(\w+)(?::[^>]*)?>", r"{\1}", uri.strip("/"))


async def test_spec_declares_bearer_scheme_roles_and_responses(api: Api, app: Sanic) -> None:
    status, spec = await api.call("GET", "/docs/openapi.json")
    assert status == 200
    assert spec["components"]["securitySchemes"]["bearer"] == {
        "type": "http", "scheme": "bearer", "bearerFormat": "JWT",
        "description": spec["components"]["securitySchemes"]["bearer"]["description"]}
    ops = {(path, method.upper()): op for path, method, op in _operations(spec)}
    routes = [r for r in app.router.routes if ".openapi." not in r.name and "docs_assets" not in r.name]
    assert len(routes) >= 30
    assert not [path for path in spec["paths"] if path.startswith("/docs")]
    for route in routes:
        for method in route.methods - {"HEAD", "OPTIONS"}:
            op = ops[(_spec_path(route.path), method)]
            where = f"{method} {route.path}"
            roles = roles_of(route.handler)
            page = page_of(route.handler)
            assert "default" not in op["responses"], where
            assert any(code.startswith("2") for code in op["responses"]), where
            assert "Roles: " in op["description"], where
            if page is not None:  # a console / workbench page: the session cookie, HTML, the sign-in redirect
                page_roles, login = page
                assert op["security"] == [{"session": []}], where
                assert f"Roles: {', '.join(page_roles)} (a page: the session cookie from signing in at {login})." in (
                    op["description"]), where
                assert "text/html" in op["responses"]["200"]["content"], where
                assert {"302", "403", "503"} <= set(op["responses"]), where
            elif roles:
                assert op["security"] == [{"bearer": []}], where
                assert f"Roles: {', '.join(roles)}." in op["description"], where
                for status_code, codes in ERROR_CODES.items():
                    schema = op["responses"][str(status_code)]["content"]["application/json"]["schema"]
                    assert set(schema["properties"]["error"]["properties"]["code"]["enum"]) == codes, where
            else:
                assert op["security"] == [{}], where
    assert spec["components"]["securitySchemes"]["session"]["in"] == "cookie"
    export = ops[("/console/dashboard/export", "POST")]
    assert "303" in export["responses"] and "Roles: marketer, admin (a page" in export["description"]
    assert "303" not in ops[("/console/dashboard", "GET")]["responses"]
    assert "Roles: guide (a page" in ops[("/workbench/tasks", "GET")]["description"]


async def test_spec_responses_follow_what_handlers_declare(api: Api) -> None:
    _, spec = await api.call("GET", "/docs/openapi.json")
    paths = spec["paths"]
    checkin = paths["/api/v1/checkins"]["post"]["responses"]
    assert {"200", "201", "401", "403", "429", "503"} <= set(checkin)
    assert {"400", "415", "422", "404"}.isdisjoint(checkin)  # no body, no query, no path id
    create_rule = paths["/admin/v1/rules"]["post"]["responses"]
    assert {"201", "400", "413", "415", "422"} <= set(create_rule) and "200" not in create_rule
    assert "404" in paths["/admin/v1/rules/{rule_id}"]["get"]["responses"]
    login = paths["/api/v1/auth/login"]["post"]
    assert "Roles: public" in login["description"] and "429" in login["responses"]
    notify = next(item["post"] for path, item in paths.items() if "wechatpay" in path)
    assert {"204", "400", "401", "500"} <= set(notify["responses"])
    assert "content" not in notify["responses"]["204"] and "Roles: none, called by WeChat Pay" in notify["description"]
    assert notify["responses"]["401"]["content"]["application/json"]["schema"]["required"] == ["code", "message"]
    not_found = paths["/admin/v1/rules/{rule_id}"]["get"]["responses"]["404"]
    error = not_found["content"]["application/json"]["schema"]["properties"]["error"]
    assert error["required"] == ["code", "message"] and error["properties"]["code"]["enum"] == ["not_found"]


async def test_docs_page_uses_only_local_assets(api: Api, app: Sanic) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(app.ctx.test_url + "/docs") as resp:
            assert resp.status == 200
            page = await resp.text()
        urls = re.findall(r'(?:src|href)="([^"]+)"', page)
        assert any(u.endswith("swagger-ui-bundle.js") for u in urls) and any(u.endswith(".css") for u in urls)
        for url in urls:
            assert url.startswith("/") and not url.startswith("//"), url
            async with session.get(app.ctx.test_url + url) as resp:
                assert resp.status == 200, url
                assert len(await resp.read()) > 0
        spec_url = re.search(r'url: "([^"]+)"', page)
        assert spec_url and spec_url.group(1) == "/docs/openapi.json"
        assert "http" not in page.replace("http-equiv", "")
        async with session.get(app.ctx.test_url + "/docs/redoc") as resp:
            assert resp.status == 404  # ReDoc would load from a CDN: not served
