"""HEAD on every GET route and OPTIONS on every path, added while the app is built (`add_head_and_options`).

sanic-ext's HTTP extension added them at server start, where Sanic re-finalizes its routers after every route
added: ~6 s of each worker's start and ~15 s of each test session's. These tests hold the behaviour (HEAD answers what
GET would, without a body; OPTIONS names the allowed methods) and that starting the server adds no route."""

from __future__ import annotations

from typing import Any

from jifen.server import create_app


async def test_head_answers_like_get_without_a_body_and_options_lists_the_methods(api, app) -> None:  # type: ignore[no-untyped-def]
    url = app.ctx.test_url
    async with api.session.get(f"{url}/healthz") as got:
        get_status, get_type = got.status, got.headers["content-type"]
    async with api.session.head(f"{url}/healthz") as head:
        assert (head.status, head.headers["content-type"]) == (get_status, get_type) == (200, "application/json")
        assert await head.read() == b""
        assert head.headers["x-request-id"]
    async with api.session.head(f"{url}/api/v1/me") as head:  # the GET handler's checks run: no token, 401
        assert head.status == 401
    async with api.session.options(f"{url}/api/v1/me") as opt:
        assert opt.status == 204 and opt.headers["allow"] == "GET,HEAD,PATCH,OPTIONS"
    async with api.session.head(f"{url}/api/v1/auth/login") as head:  # no GET: no HEAD either
        assert head.status == 405
    async with api.session.options(f"{url}/api/v1/auth/login") as opt:
        assert opt.status == 204 and opt.headers["allow"] == "POST,OPTIONS"


def _methods(application: Any) -> dict[str, frozenset[str]]:
    return {group.uri: frozenset(group.methods) for group in application.router.groups.values()}


async def test_the_routes_are_complete_when_built_and_starting_adds_none(app, rt) -> None:  # type: ignore[no-untyped-def]
    built = create_app(rt.settings, name="jifen_methods_probe", manage_resources=False)
    methods = _methods(built)
    assert len(methods) > 200
    for uri, allowed in methods.items():
        assert "OPTIONS" in allowed, uri
        assert "GET" not in allowed or "HEAD" in allowed, uri
    # the session's app has started (its before_server_start listeners ran): it has exactly the built routes
    assert _methods(app) == methods
