"""Sanic application factory: blueprints, error rendering, request ids, body limits, resource lifecycle."""

from __future__ import annotations

import gc
import itertools
import logging
import os
import time
from functools import partial
from inspect import isawaitable
from typing import Any

from sanic import Request, Sanic
from sanic.exceptions import SanicException
from sanic.response import HTTPResponse, empty, json
from sanic.response.types import HEADER_TRANSLATION_TABLE, BaseHTTPResponse
from sanic_ext.extensions.openapi.extension import OpenAPIExtension
from tortoise.exceptions import IntegrityError, OperationalError

from app import db
from app.api_docs import configure_docs_ui
from app.config import Settings, ensure_auth_secret, load_settings
from app.errors import ApiError, NotFound, ServiceUnavailable, ValidationFailed
from app.logging_setup import configure_logging, log_access, request_id_var
from app.runtime import Runtime

log = logging.getLogger("jifen.http")

_BIGINT = 2**63

_SANIC_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 408: "request_timeout", 413: "payload_too_large",
                416: "range_not_satisfiable", 503: "service_unavailable"}


_rid_prefix = os.urandom(4).hex()
_rid_count = itertools.count(1)


def _reseed_request_ids() -> None:
    global _rid_prefix, _rid_count
    _rid_prefix, _rid_count = os.urandom(4).hex(), itertools.count(1)


os.register_at_fork(after_in_child=_reseed_request_ids)


def new_request_id() -> str:
    """16 hex characters: 8 random per process, then a counter. Request ids only correlate log lines and
    answers, they guard nothing; a uuid4 per request (a getrandom system call and a UUID object) was a visible
    share of a WeCom callback's and a login's CPU. A forked worker draws its own prefix."""
    return f"{_rid_prefix}{next(_rid_count) & 0xFFFFFFFF:08x}"


def _sanitize_header_value(value: str) -> str:
    """Sanic's header sanitising (CR, LF and NUL removed: no header injection through an echoed value such as
    X-Request-ID), scanning first: Sanic's `str.translate` maps every character through a dict, 3-4 µs per name
    and per value measured here, ~14 µs of every answer, where the three C scans take ~0.1 µs each. The
    translation still runs, unchanged, on a value that holds one of the three."""
    if "\r" in value or "\n" in value or "\x00" in value:
        return value.translate(HEADER_TRANSLATION_TABLE)
    return value


BaseHTTPResponse._sanitize_header_value = staticmethod(_sanitize_header_value)  # type: ignore[method-assign]


def error_response(exc: ApiError, request_id: str) -> HTTPResponse:
    return json(exc.body(), status=exc.status, headers={**exc.headers, "X-Request-ID": request_id})


def _is_redis_error(exc: Exception) -> bool:
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    return isinstance(exc, RedisConnectionError | RedisTimeoutError)


def _is_data_error(exc: BaseException) -> bool:
    """A value the database itself rejects (numeric overflow, bad encoding, too long for its column; Tortoise
    checks the length on the database's behalf, even in a filter): the client's input, not an outage."""
    from asyncpg import exceptions as pg
    from tortoise.exceptions import ValidationError as ColumnRefused

    refused = (pg.NumericValueOutOfRangeError, pg.CharacterNotInRepertoireError, pg.UntranslatableCharacterError,
               pg.StringDataRightTruncationError, pg.InvalidTextRepresentationError, pg.DatetimeFieldOverflowError,
               OverflowError, ColumnRefused)
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, refused):
            return True
        seen = seen.__cause__ or seen.__context__
        if seen is exc:
            break
    return False


async def _head(request: Request, *args: Any, get: Any, **kwargs: Any) -> Any:
    """The GET handler's answer; Sanic sends its headers only (the request's method is HEAD)."""
    answer = get(request, *args, **kwargs)
    return await answer if isawaitable(answer) else answer


async def _options(request: Request, *args: Any, allow: str, **kwargs: Any) -> HTTPResponse:
    return empty(headers={"allow": allow})


def add_head_and_options(app: Sanic) -> None:
    """HEAD on every GET route and OPTIONS (204 with `Allow`) on every path, as HTTP expects of a server (load
    balancers probe with HEAD).

    Added while the app is built, which costs nothing. sanic-ext's HTTP extension adds the same routes in a
    before_server_start listener instead, where Sanic re-finalizes its routers after each route added: with
    jifen's ~350 routes that was ~6 s of every worker's start (`jifen serve` launch to first answer 16.6 -> 10.7 s,
    bench/startup.py) and ~15 s of every test session's. The OpenAPI document
    leaves both methods out, as it did (OAS_IGNORE_HEAD / OAS_IGNORE_OPTIONS)."""
    for group in list(app.router.groups.values()):
        methods = set(group.methods)
        if "GET" in methods and "HEAD" not in methods:
            get_route = next(r for r in group if "GET" in r.methods)
            app.add_route(partial(_head, get=get_route.handler), group.uri, methods=["HEAD"],
                          name=f"{get_route.name}_head", strict_slashes=group.strict, unquote=group.unquote)
            methods.add("HEAD")
        if "OPTIONS" not in methods:
            app.add_route(partial(_options, allow=",".join([*sorted(methods), "OPTIONS"])), group.uri,
                          methods=["OPTIONS"], name=f"{group[0].name}_options", strict_slashes=group.strict,
                          unquote=group.unquote)


def create_app(settings: Settings | None = None, *, name: str = "jifen", manage_resources: bool = True) -> Sanic:
    """Build the app. Tests pass manage_resources=False and attach a Runtime themselves."""
    settings = settings or load_settings()
    ensure_auth_secret(settings)
    configure_logging(settings.log.level)
    app = Sanic(name)
    app.config.REQUEST_MAX_SIZE = settings.server.max_body_bytes
    app.config.FALLBACK_ERROR_FORMAT = "json"
    app.config.OAS_URL_PREFIX = "/docs"
    configure_docs_ui(app)  # before extend(): sanic-ext reads its UI settings there
    app.config.API_TITLE = "jifen"
    app.config.API_DESCRIPTION = "Points and membership backend for a brand's WeChat private domain"
    app.config.CORS = False
    app.config.HEALTH = False
    app.ctx.settings = settings
    # only the extension jifen uses (the OpenAPI document): the default set adds dependency injection, which
    # dispatches a signal on every request (~13 us of a login) for nothing here, and HTTP's automatic HEAD/OPTIONS,
    # which `add_head_and_options` adds instead
    app.extend(extensions=[OpenAPIExtension], built_in_extensions=False,
               config={"oas_autodoc": True, "cors": False, "health": False})

    from app.web import error_page, refuse_nul
    from handlers import PAGE_PREFIXES, is_page_path, register_blueprints

    register_blueprints(app)
    add_head_and_options(app)

    # plain functions, not coroutines: Sanic awaits a middleware only when it returns an awaitable, and these
    # two run on every request
    @app.on_request
    def start(request: Request) -> None:
        rid = request.headers.get("x-request-id") or new_request_id()
        request.ctx.request_id = rid[:64]
        request.ctx.started = time.perf_counter()
        request_id_var.set(request.ctx.request_id)
        for value in (request.match_info or {}).values():
            if isinstance(value, int) and not -_BIGINT <= value < _BIGINT:
                raise NotFound(f"no such resource: {value}")
        if request.path.startswith(PAGE_PREFIXES) and is_page_path(request.path) and not (
                request.route is not None and getattr(request.route.handler, "is_stream", False)):
            refuse_nul(request)  # an upload route's body is not read yet: handlers.accepts_upload checks it

    @app.on_response
    def finish(request: Request, response: HTTPResponse) -> None:
        rid = getattr(request.ctx, "request_id", "-")
        response.headers["X-Request-ID"] = rid
        started = getattr(request.ctx, "started", None)
        if started is not None:
            log_access(request.method, request.path, response.status,
                       round((time.perf_counter() - started) * 1000, 2))

    @app.exception(Exception)
    async def render_error(request: Request, exc: Exception) -> HTTPResponse:
        rid = getattr(request.ctx, "request_id", "-")

        def answer(error: ApiError) -> HTTPResponse:
            """JSON for the APIs; on the console and the workbench a page saying it in Chinese (a person clicked
            a stale link or typed a bad address: raw JSON would be all they saw), same status and headers."""
            if not is_page_path(request.path):
                return error_response(error, rid)
            page = error_page(request, error.status, error)
            page.headers.update({**error.headers, "X-Request-ID": rid})
            return page

        if isinstance(exc, ApiError):
            return answer(exc)
        if isinstance(exc, SanicException):
            status = exc.status_code or 500
            if status < 500:
                code = _SANIC_CODES.get(status, "bad_request")
                message = str(exc) or code.replace("_", " ")
                if status == 404:
                    message = f"no route for {request.method} {request.path}"
                return answer(ApiError(message, code=code, status=status))
        if _is_redis_error(exc):
            log.warning("redis unavailable: %s", exc)
            return answer(ServiceUnavailable("cache unavailable, retry shortly", code="redis_unavailable"))
        if _is_data_error(exc):
            log.warning("input the validators let through was refused by the database on %s %s: %s", request.method,
                        request.path, exc)
            return answer(ValidationFailed("a value is out of range or malformed", code="invalid_input"))
        if isinstance(exc, OperationalError | ConnectionError | OSError) and not isinstance(exc, IntegrityError):
            log.warning("database unavailable: %s", exc)
            return answer(ServiceUnavailable("database unavailable, retry shortly", code="database_unavailable"))
        log.exception("unhandled error on %s %s", request.method, request.path)
        return answer(ApiError("internal error", code="internal_error", status=500))

    if manage_resources:
        @app.before_server_start
        async def open_resources(app: Sanic) -> None:
            await db.connect(settings)
            app.ctx.rt = await Runtime.create(settings)

        @app.after_server_start
        async def freeze_startup_objects(app: Sanic) -> None:
            """Move what start-up built (modules, routes, models, schemas: most of a worker's ~170 MiB) out of
            the collector's reach. Left in, every full collection walks all of it while requests wait, and
            requests only ever add short-lived objects; a frozen object is still freed by reference counting."""
            gc.collect()
            gc.freeze()

        @app.after_server_stop
        async def close_resources(app: Sanic) -> None:
            rt: Runtime | None = getattr(app.ctx, "rt", None)
            if rt is not None:
                await rt.close()
            await db.close()

    return app

