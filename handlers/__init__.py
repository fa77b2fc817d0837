"""HTTP handlers, one package per audience, one module per domain inside each.

`AUDIENCES` is the one table of what is served where: every module listed exports `bp` (a Blueprint without a
prefix; `make_blueprint(settings)` instead when its routes depend on configuration, as the WeChat Pay notify path
does), and is mounted under its audience's prefix. A new domain adds its module to its audiences' lists here.
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

import sanic
from sanic import Sanic

from app.config import Settings

AUDIENCES: dict[str, tuple[str, list[str]]] = {
    # audience: (url prefix, domain modules under handlers/<audience>/)
    "consumer": ("/api/v1", ["auth", "points", "coupons", "metrics", "lottery", "mall"]),
    "guide": ("/guide/v1", ["staff", "coupons", "sop"]),
    "admin": ("/admin/v1", ["staff", "points", "coupons", "community", "content", "metrics", "sop", "lottery", "mall",
                            "operations"]),
    "community": ("/community/v1", ["interactions"]),
    "callbacks": ("", ["wechatpay", "wecom", "official_account"]),
    # server-rendered pages for people (app/web: cookie sessions, CSRF, templates/)
    "console": ("/console", ["session", "dashboard", "content", "plans", "sop", "sop_tasks", "sop_templates", "mall",
                             "lottery", "members", "points", "coupons", "community", "operations"]),
    "workbench": ("/workbench", ["staff", "sop"]),
}
# where people read pages: an error there is answered as a page too (jifen/server.py), not as the APIs' JSON
PAGE_PREFIXES = tuple(AUDIENCES[audience][0] for audience in ("console", "workbench"))


def is_page_path(path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/") for prefix in PAGE_PREFIXES)


class Blueprint(sanic.Blueprint):
    """Every handler module's Blueprint: Sanic's, without its guess of each route's error format.

    Why: for a route declared without `error_format`, Sanic reads the handler's source and walks its syntax tree
    to guess whether errors should be HTML, text or JSON: ~0.17 s of every process's start for ~350 routes. jifen
    renders every error itself as JSON (`jifen.server.render_error`, which also covers the console's pages), so
    the guess decided nothing; "" leaves the route on the app's FALLBACK_ERROR_FORMAT ("json")."""

    def _determine_error_format(self, handler: Any) -> str:
        return ""


def accepts_upload(handler: Any) -> Any:
    """For a route declared with `stream=True`: its body may be up to `[server] max_upload_bytes` instead of
    `max_body_bytes` (a cover image of up to WeChat's 10 MB, as base64 or a file; a CSV or codes file).

    Why a streamed route: Sanic's body limit is one number for the process, checked while the body is read,
    before any handler or middleware. Raised for everyone, every JSON route would buffer that much per request;
    a streaming route's limit is lifted, so this wrapper sets the upload limit and reads the body itself (a body
    past it is 413 payload_too_large, as anywhere) before the rest of the handler (sign-in, CSRF, parsing) runs.
    Every other route pays nothing for it."""
    @functools.wraps(handler)
    async def read_upload(request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.stream is not None:
            request.stream.request_max_size = request.app.ctx.settings.server.max_upload_bytes
            await request.receive_body()
        if is_page_path(request.path):  # what jifen.server's request middleware checks on every other page
            from app.web import refuse_nul

            refuse_nul(request)
        return await handler(request, *args, **kwargs)

    return read_upload


def _module_blueprint(audience: str, domain: str, settings: Settings) -> Blueprint:
    module = importlib.import_module(f"handlers.{audience}.{domain}")
    if hasattr(module, "make_blueprint"):
        return module.make_blueprint(settings)  # type: ignore[no-any-return]
    return module.bp  # type: ignore[no-any-return]


def register_blueprints(app: Sanic) -> None:
    from handlers.health import bp as health_bp

    app.blueprint(health_bp)
    settings: Settings = app.ctx.settings
    for audience, (prefix, domains) in AUDIENCES.items():
        bps = [_module_blueprint(audience, d, settings) for d in domains]
        if prefix:
            app.blueprint(Blueprint.group(*bps, url_prefix=prefix))
        else:
            for bp in bps:
                app.blueprint(bp)
