"""The OpenAPI spec explains the API by itself, derived from the code so it cannot drift from it.

One pass over the routes at startup (not a decorator per handler, which every new route would have to
remember) documents each operation from what the handler already declares:

- security: `@require(...)` records its roles on the handler (`__jifen_roles__`); those routes get the bearer
  scheme, a "Roles: ..." line and the 401/403 answers `require` gives. Pages for people (console, workbench:
  `app.web.page`, `__jifen_page__`) get the session-cookie scheme, their roles and what a page answers (HTML,
  the sign-in redirect, the CSRF/role refusal). The others are public (`security: [{}]`).
- errors: every error is the one shape `{"error": {"code", "message", "details"?}}` (app/errors.py); each
  route lists the codes it can answer from what it declares (a body: 400/413/415/422, a query: 422, a path
  id: 404, a rate limit, or the client IP passed to a limited service: 429) plus the 503s every route can
  give when a dependency is down. Codes a domain service raises (e.g. `insufficient_points`) are named by
  the route's docstring, not here.
- success: the 2xx statuses the handler returns (read from its `status=` arguments; 200 when it has none).

Callback routes speak their caller's protocol, not ours (WeChat Pay expects `{"code", "message"}`), so they
are documented by `CALLBACKS` below. `/docs` serves Swagger UI from the `swagger-ui-bundle` package, so the
page works without internet.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sanic import Sanic
from sanic_ext.extensions.openapi.builders import OperationBuilder, OperationStore, SpecificationBuilder
from sanic_ext.extensions.openapi.definitions import Response

BEARER = "bearer"
SESSION = "session"
ASSETS_PREFIX = "/docs/assets"
UI_HTML = Path(__file__).with_name("api_docs.html")

_STATUS_ARG = re.compile(r"status=([^)\n]*)")
_SUCCESS = re.compile(r"\b(2\d\d)\b")


def _error_schema(codes: list[str]) -> dict[str, Any]:
    return {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["code", "message"], "properties": {
            "code": {"type": "string", "enum": codes},
            "message": {"type": "string", "description": "for people; branch on `code`"},
            "details": {"description": "optional: field errors (422) or retry hints (503)"},
        }}}}


def _error(op: OperationBuilder, status: int, description: str, *codes: str) -> None:
    op.response(status, {"application/json": _error_schema(list(codes))}, description)


def _source(handler: Callable[..., Any]) -> str:
    try:
        return inspect.getsource(inspect.unwrap(handler))
    except (OSError, TypeError):
        return ""


def success_statuses(handler: Callable[..., Any]) -> list[int]:
    """The 2xx statuses a handler returns: the literals in its `status=` arguments, else 200."""
    found = {int(code) for arg in _STATUS_ARG.findall(_source(handler)) for code in _SUCCESS.findall(arg)}
    return sorted(found) or [200]


def roles_of(handler: Callable[..., Any]) -> tuple[str, ...] | None:
    """The roles `@require` recorded on the handler, or None for a public route."""
    return getattr(handler, "__jifen_roles__", None)


def page_of(handler: Callable[..., Any]) -> tuple[tuple[str, ...], str] | None:
    """(roles, sign-in path) `app.web.page` recorded on a page's handler, or None for anything else."""
    return getattr(handler, "__jifen_page__", None)


def _document_page(op: OperationBuilder, handler: Callable[..., Any], doc: str, roles: tuple[str, ...], login: str,
                   *, has_path_params: bool) -> None:
    """A page for people: HTML for a signed-in staff user of `roles` (the session cookie, no bearer token)."""
    op.secured(SESSION)
    op.describe(description=f"{doc}\n\nRoles: {', '.join(roles)} (a page: the session cookie from signing in at "
                            f"{login}).".strip())
    html = {"text/html": {"type": "string"}}
    op.response(200, html, "The page (after a refused form: the form again, the messages beside its fields)")
    if "status=303" in _source(handler):
        op.response(303, html, "Done: on to the next page (post/redirect/get)")
    op.response(302, html, f"Not signed in: to {login}")
    op.response(403, html, f"The form's CSRF token does not match its cookie, or the role is not one of: "
                           f"{', '.join(roles)}")
    if has_path_params:
        op.response(404, html, "No such record")
    _error(op, 503, "A dependency is down; retry after Retry-After seconds", "service_unavailable",
           "database_unavailable", "redis_unavailable")


def _callback_wechatpay(op: OperationBuilder) -> None:
    op.responses[204] = Response(status=204, description="Committed: WeChat Pay stops retrying (no body)")
    failure = {"application/json": {"type": "object", "required": ["code", "message"], "properties": {
        "code": {"type": "string"}, "message": {"type": "string"}}}}
    op.response(400, failure, "Malformed or undecryptable notification, or another merchant's (not retried "
                              "into success)")
    op.response(401, failure, "Signature, serial or timestamp refused (docs/wechat-protocols.md §6.2)")
    op.response(500, failure, "Not committed: WeChat Pay retries and the idempotent steps finish the work")


# blueprint name -> (who may call, how the route is documented)
CALLBACKS: dict[str, tuple[str, Callable[[OperationBuilder], None]]] = {
    "wechatpay_callbacks": ("WeChat Pay (authenticated by its signature, docs/wechat-protocols.md §6.2)",
                            _callback_wechatpay),
}


def document_operation(op: OperationBuilder, handler: Callable[..., Any], *, has_path_params: bool,
                       blueprint: str | None) -> None:
    """Fill security, roles and responses of one operation from what its handler declares."""
    op.responses.clear()
    op.security.clear()
    doc = inspect.getdoc(handler) or ""
    if blueprint in CALLBACKS:
        caller, document = CALLBACKS[blueprint]
        op.secured()  # [{}]: no bearer token
        op.describe(description=f"{doc}\n\nRoles: none, called by {caller}.".strip())
        document(op)
        return
    page = page_of(handler)
    if page is not None:
        _document_page(op, handler, doc, *page, has_path_params=has_path_params)
        return
    roles = roles_of(handler)
    if roles:
        op.secured(BEARER)
        op.describe(description=f"{doc}\n\nRoles: {', '.join(roles)}.".strip())
    else:
        op.secured()
        op.describe(description=f"{doc}\n\nRoles: public (no token).".strip())
    for status in success_statuses(handler):
        op.response(status, {"application/json": {"type": "object"}}, "Success")
    if roles:
        _error(op, 401, "No valid bearer token", "missing_token", "invalid_token", "token_expired")
        _error(op, 403, f"The token's role is not one of: {', '.join(roles)}", "forbidden")
    body = getattr(op, "requestBody", None)
    query = any(p.fields.get("in") == "query" for p in op.parameters)
    if body is not None:
        _error(op, 400, "The body is not JSON", "malformed_json", "bad_request")
        _error(op, 413, "The body is larger than [server] max_body_bytes", "payload_too_large")
        _error(op, 415, "The body is not sent as application/json", "unsupported_media_type")
    if body is not None or query:
        _error(op, 422, "A field is missing or invalid (`details` lists them)", "validation_failed",
               "invalid_input")
    if has_path_params:
        _error(op, 404, "No such resource", "not_found")
    source = _source(handler)
    if "ratelimit." in source or "client_ip(" in source:  # limits by member, or hands the IP to one
        _error(op, 429, "Too many requests (Retry-After says when to come back)", "rate_limited")
    _error(op, 503, "A dependency is down; retry after Retry-After seconds", "service_unavailable",
           "database_unavailable", "redis_unavailable")


def document_routes(app: Sanic) -> int:
    """Document every API route of `app` (the docs' own routes excluded); returns how many."""
    spec = SpecificationBuilder()
    if not spec.has_component("securitySchemes", BEARER):
        spec.add_security_scheme(BEARER, "http", scheme="bearer", bearer_format="JWT",
                                 description="jifen token from POST /api/v1/auth/login (members) or "
                                             "`jifen token` (staff): `Authorization: Bearer <token>`")
    if not spec.has_component("securitySchemes", SESSION):
        from app.web import SESSION_COOKIE

        spec.add_security_scheme(SESSION, "apiKey", location="cookie", name=SESSION_COOKIE,
                                 description="the console's and the workbench's session, set by signing in "
                                             "(/console/login, WeCom OAuth for /workbench/); pages for people")
    store = OperationStore()
    count = 0
    for route in app.router.routes:
        name = route.name.split(".")
        blueprint = name[1] if len(name) > 2 else None
        if blueprint == "openapi" or route.path.startswith(ASSETS_PREFIX.strip("/")):
            continue
        handler = route.handler
        document_operation(store[handler], handler, has_path_params=bool(route.params), blueprint=blueprint)
        count += 1
    return count


def configure_docs_ui(app: Sanic) -> None:
    """Swagger UI at /docs from the vendored `swagger-ui-bundle` assets (no CDN); no ReDoc (it needs one).

    Call before `app.extend()`, which reads the OAS_UI settings.
    """
    from swagger_ui_bundle import swagger_ui_path

    app.config.OAS_UI_DEFAULT = "swagger"
    app.config.OAS_UI_REDOC = False
    app.config.OAS_PATH_TO_SWAGGER_HTML = str(UI_HTML)
    app.config.OAS_UI_SWAGGER_CDN_URL = ASSETS_PREFIX
    app.static(ASSETS_PREFIX, swagger_ui_path, name="docs_assets")

    @app.before_server_start
    async def _document(app: Sanic) -> None:
        # once per app: the ASGI test client runs the startup listeners again for every request it sends
        if not getattr(app.ctx, "api_documented", False):
            document_routes(app)
            app.ctx.api_documented = True
