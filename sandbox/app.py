"""The sandbox aiohttp application: routes of every sandbox module, request log, fault injection, control API.

Faults are applied in a middleware, so any endpoint (including other modules' such as sandbox.pay) can be
made to answer an errcode or an HTTP error instead of running its handler, or to answer slowly, which is
what client retry logic must be tested against. Control calls (`/__sandbox__/...`) are neither recorded
nor subject to faults.
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import json
import warnings
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from sandbox import miniprogram, wecom
from sandbox.miniprogram import bad_request, control_body, wx_error
from sandbox.state import STATE_KEY, Fault, SandboxState, state_of

CONTROL_PREFIX = "/__sandbox__/"
RECORDED_HEADERS = ("Content-Type", "User-Agent", "Accept", "Authorization", "Wechatpay-Serial")
# modules beside miniprogram that plug in their routes with `setup(app)` when they exist
OPTIONAL_MODULES = ("sandbox.pay", "sandbox.pay_jsapi", "sandbox.wecom_guides", "sandbox.official_account",
                    "sandbox.wecom_sop")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def create_sandbox_app(state: SandboxState | None = None) -> web.Application:
    # WeChat takes a permanent image (an edition's cover) of up to 10 MB; aiohttp's default body limit is 1 MB
    app = web.Application(middlewares=[record_and_inject], client_max_size=12 * 1024 * 1024)
    state = state if state is not None else SandboxState()
    app[STATE_KEY] = state
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # plain-string key kept for modules that use app["state"]
        app["state"] = state
    setup_control(app)
    miniprogram.setup(app)
    wecom.setup(app)
    for name in OPTIONAL_MODULES:
        # find_spec, not try/except ImportError: a broken module must fail loudly, a missing one is fine
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).setup(app)
    return app


# -- middleware ----------------------------------------------------------------------------------------
@web.middleware
async def record_and_inject(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.path.startswith(CONTROL_PREFIX):
        return await handler(request)
    state = state_of(request.app)
    record = await _record(request, state)
    fault = state.take_fault(request.path)
    record["fault"] = fault is not None
    response = await _fault_response(fault) if fault is not None else None
    if response is None:
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            record["status"] = exc.status
            raise
        if fault is not None and fault.delay_ms:
            # a slow *answer*: the work is done (a code consumed, a message sent) before the client
            # gives up, which is exactly what makes blind retries of non-idempotent calls dangerous
            await asyncio.sleep(fault.delay_ms / 1000)
    _note_response(record, response)
    return response


async def _record(request: web.Request, state: SandboxState) -> dict[str, Any]:
    raw = await request.read()  # aiohttp caches the body, the handler can read it again
    body: Any = None
    if raw:
        try:
            body = json.loads(raw)
        except ValueError:
            body = raw.decode("utf-8", errors="replace")
    record = {
        "time": state.now(), "method": request.method, "path": request.path, "query": dict(request.query),
        "body": body, "headers": {h: request.headers[h] for h in RECORDED_HEADERS if h in request.headers},
        "status": None, "errcode": None, "fault": False,
    }
    state.requests.append(record)  # a bounded deque: the oldest entries fall off
    return record


async def _fault_response(fault: Fault) -> web.Response | None:
    """The injected answer (after `delay_ms`), or None for a delay-only fault (see the middleware)."""
    if fault.body is None and fault.errcode is None and fault.http_status is None:
        return None
    if fault.delay_ms:
        await asyncio.sleep(fault.delay_ms / 1000)
    status = fault.http_status or 200
    if fault.body is not None:
        return web.json_response(fault.body, status=status)
    if fault.errcode is not None:
        return wx_error(fault.errcode, fault.errmsg, status=status)
    return web.Response(status=status, text=f"sandbox injected HTTP {status}")


def _note_response(record: dict[str, Any], response: web.StreamResponse) -> None:
    record["status"] = response.status
    if isinstance(response, web.Response) and response.content_type == "application/json" and response.body:
        try:
            body = json.loads(response.body)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return
        if isinstance(body, dict):
            record["errcode"] = body.get("errcode")


# -- generic control API -------------------------------------------------------------------------------
def _int_field(body: dict[str, Any], key: str, default: int | None, minimum: int) -> int | None:
    value = body.get(key, default)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise bad_request(f"{key} must be an integer >= {minimum}")
    return value


async def ctl_add_fault(request: web.Request) -> web.Response:
    """POST /__sandbox__/faults {path, count?=1, errcode?, errmsg?, http_status?, delay_ms?, body?}."""
    body = await control_body(request)
    path = body.get("path")
    if not isinstance(path, str) or not path.startswith("/"):
        raise bad_request("path must start with /")
    fault = Fault(path=path, count=_int_field(body, "count", 1, 1) or 1,
                  errcode=_int_field(body, "errcode", None, -1_000_000),
                  errmsg=body.get("errmsg") if isinstance(body.get("errmsg"), str) else None,
                  http_status=_int_field(body, "http_status", None, 100),
                  delay_ms=_int_field(body, "delay_ms", 0, 0) or 0, body=body.get("body"))
    if fault.errcode is None and fault.http_status is None and not fault.delay_ms and fault.body is None:
        raise bad_request("a fault needs errcode, http_status, delay_ms or body")
    state_of(request.app).faults.append(fault)
    return web.json_response({"fault": fault.to_dict()})


async def ctl_list_faults(request: web.Request) -> web.Response:
    return web.json_response({"items": [f.to_dict() for f in state_of(request.app).faults if f.count > 0]})


async def ctl_clear_faults(request: web.Request) -> web.Response:
    faults = state_of(request.app).faults
    removed = len(faults)
    faults.clear()
    return web.json_response({"removed": removed})


async def ctl_requests(request: web.Request) -> web.Response:
    """GET /__sandbox__/requests?path=&method= -> recorded API requests, oldest first."""
    filters = {k: request.query[k] for k in ("path", "method") if k in request.query}
    items = [r for r in state_of(request.app).requests if all(r[k] == v for k, v in filters.items())]
    return web.json_response({"items": items})


async def ctl_clear_requests(request: web.Request) -> web.Response:
    log = state_of(request.app).requests
    removed = len(log)
    log.clear()
    return web.json_response({"removed": removed})


async def ctl_expire_tokens(request: web.Request) -> web.Response:
    """Every live token now answers 42001 (the client must refresh)."""
    return web.json_response({"expired": state_of(request.app).expire_tokens()})


async def ctl_invalidate_tokens(request: web.Request) -> web.Response:
    """Every token now answers 40001 (as after a refresh elsewhere)."""
    return web.json_response({"invalidated": state_of(request.app).invalidate_tokens()})


async def ctl_clock(request: web.Request) -> web.Response:
    """POST {offset_seconds} sets the offset from real time, {advance_seconds} adds to it; GET reads it."""
    state = state_of(request.app)
    if request.method == "POST":
        body = await control_body(request)
        for key in ("offset_seconds", "advance_seconds"):
            value = body.get(key)
            if value is not None and (not isinstance(value, int | float) or isinstance(value, bool)):
                raise bad_request(f"{key} must be a number")
        if body.get("offset_seconds") is not None:
            state.clock_offset = float(body["offset_seconds"])
        state.clock_offset += float(body.get("advance_seconds") or 0)
    return web.json_response({"offset_seconds": state.clock_offset, "now": state.now()})


async def ctl_reset(request: web.Request) -> web.Response:
    state_of(request.app).reset()
    return web.json_response({"ok": True})


async def ctl_health(request: web.Request) -> web.Response:
    state = state_of(request.app)
    return web.json_response({"status": "ok", "apps": sorted(state.apps), "now": state.now()})


def setup_control(app: web.Application) -> None:
    r = app.router
    r.add_get("/__sandbox__/health", ctl_health)
    r.add_post("/__sandbox__/reset", ctl_reset)
    r.add_post("/__sandbox__/faults", ctl_add_fault)
    r.add_get("/__sandbox__/faults", ctl_list_faults)
    r.add_delete("/__sandbox__/faults", ctl_clear_faults)
    r.add_get("/__sandbox__/requests", ctl_requests)
    r.add_delete("/__sandbox__/requests", ctl_clear_requests)
    r.add_post("/__sandbox__/tokens/expire", ctl_expire_tokens)
    r.add_post("/__sandbox__/tokens/invalidate", ctl_invalidate_tokens)
    r.add_get("/__sandbox__/clock", ctl_clock)
    r.add_post("/__sandbox__/clock", ctl_clock)

