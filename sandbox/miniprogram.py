"""Mini-program server APIs of the sandbox, answering exactly as docs/wechat-protocols.md §1 describes.

Success and error bodies use WeChat's envelope (HTTP 200, `{"errcode", "errmsg": "... rid: ..."}`), so
jifen's real client code (app/wechat) is exercised unchanged. Also holds the mini-program parts of the
`/__sandbox__/` control API (login/phone codes, subscriptions, sent messages).
"""

from __future__ import annotations

import base64
import json
import re
import secrets
from collections import deque
from typing import Any

from aiohttp import web

from sandbox.state import CODE_TTL, DEFAULT_APPID, TOKEN_TTL, SandboxState, openid_for, state_of, unionid_for

# rotate a stable token this long before expiry; the old one stays valid until expiry [docs/wechat-protocols.md §1.2]
STABLE_ROTATE_BEFORE = 300
SANDBOX_CODE_PREFIX = "sandbox:"
SANDBOX_PHONE_PREFIX = "sandbox-phone:"
PHONE_RE = re.compile(r"\d{5,20}")

ERRMSGS: dict[int, str] = {
    -1: "system error",
    40001: "invalid credential, access_token is invalid or not latest",
    40002: "invalid grant_type",
    40003: "invalid openid",
    40013: "invalid appid",
    40029: "invalid code",
    40037: "invalid template_id",
    40125: "invalid appsecret",
    40163: "code been used",
    41001: "access_token missing",
    41004: "appsecret missing",
    41008: "missing code",
    42001: "access_token expired",
    43101: "user refuse to accept the msg",
    45009: "reach max api daily quota limit",
    45011: "api minute-quota reach limit mustslower retry next minute",
    47001: "data format error",
    47003: "argument invalid!",
}

# keyword-family length limits [docs/wechat-protocols.md §1.5, unconfirmed]; time/date/amount formats are not checked
KEYWORD_MAX_LEN: dict[str, int] = {
    "thing": 20, "number": 32, "letter": 32, "symbol": 5, "character_string": 32,
    "phone_number": 17, "car_number": 8, "name": 20, "phrase": 5,
}
KEYWORD_RE = re.compile(r"([a-z_]+?)(\d+)")


# -- envelope helpers (also used by sandbox.app) -------------------------------------------------------
def rid() -> str:
    return f"{secrets.token_hex(4)}-{secrets.token_hex(4)}-{secrets.token_hex(4)}"


def wx_error(errcode: int, errmsg: str | None = None, *, status: int = 200) -> web.Response:
    """WeChat error envelope: HTTP 200 with errcode and an errmsg ending in a request id."""
    text = errmsg or ERRMSGS.get(errcode, "sandbox error")
    return web.json_response({"errcode": errcode, "errmsg": f"{text} rid: {rid()}"}, status=status)


def wx_ok(**fields: Any) -> web.Response:
    return web.json_response({"errcode": 0, "errmsg": "ok", **fields})


async def json_body(request: web.Request) -> dict[str, Any] | None:
    """The request's JSON object, or None when the body is not one (WeChat answers 47001)."""
    try:
        body = json.loads(await request.read() or b"null")
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None


# -- credentials and tokens --------------------------------------------------------------------------
def check_credentials(state: SandboxState, appid: str | None, secret: str | None) -> web.Response | None:
    if not appid or appid not in state.apps:
        return wx_error(40013)
    if not secret:
        return wx_error(41004)
    if not secrets.compare_digest(secret.encode(), state.apps[appid].encode()):
        return wx_error(40125)
    return None


def check_token(state: SandboxState, request: web.Request) -> tuple[str | None, web.Response | None]:
    """(appid, None) for a usable `access_token` query parameter, else (None, error response)."""
    token = request.query.get("access_token")
    if not token:
        return None, wx_error(41001)
    record = state.tokens.get(token)
    if record is None or not record.valid or record.kind == "wecom":  # a WeCom token is foreign here
        return None, wx_error(40001)
    if record.expires_at <= state.now():
        return None, wx_error(42001)
    return record.appid, None


def _token_response(token: str, expires_in: float) -> web.Response:
    # no errcode key on success, like WeChat (clients must treat a missing errcode as success)
    return web.json_response({"access_token": token, "expires_in": max(int(expires_in), 1)})


async def classic_token(request: web.Request) -> web.Response:
    """GET /cgi-bin/token — each new token replaces the app's previous classic token."""
    state = state_of(request.app)
    q = request.query
    if q.get("grant_type") != "client_credential":
        return wx_error(40002)
    appid = q.get("appid")
    if (err := check_credentials(state, appid, q.get("secret"))) is not None:
        return err
    assert appid is not None
    token, _ = state.issue_token(appid, "classic")
    return _token_response(token, TOKEN_TTL)


async def stable_token(request: web.Request) -> web.Response:
    """POST /cgi-bin/stable_token — same token while valid; force_refresh replaces it."""
    state = state_of(request.app)
    body = await json_body(request)
    if body is None:
        return wx_error(47001)
    if body.get("grant_type") != "client_credential":
        return wx_error(40002)
    appid = body.get("appid")
    if (err := check_credentials(state, appid, body.get("secret"))) is not None:
        return err
    assert isinstance(appid, str)
    now = state.now()
    current = state.tokens.get(state.current_stable.get(appid, ""))
    if body.get("force_refresh") is True:
        last = state.last_force_refresh.get(appid)
        if state.force_refresh_min_interval is not None and last is not None \
                and now - last < state.force_refresh_min_interval:
            return wx_error(45009)
        state.last_force_refresh[appid] = now
        if current is not None:
            current.valid = False
    elif current is not None and current.valid and current.expires_at - now > STABLE_ROTATE_BEFORE:
        return _token_response(state.current_stable[appid], current.expires_at - now)
    token, _ = state.issue_token(appid, "stable")
    return _token_response(token, TOKEN_TTL)


# -- login ---------------------------------------------------------------------------------------------
async def jscode2session(request: web.Request) -> web.Response:
    """GET /sns/jscode2session — minted codes are single-use and expire; `sandbox:<name>` always works."""
    state = state_of(request.app)
    q = request.query
    appid = q.get("appid")
    if (err := check_credentials(state, appid, q.get("secret"))) is not None:
        return err
    assert appid is not None
    if q.get("grant_type") != "authorization_code":
        return wx_error(40002)
    code = q.get("js_code")
    if not code:
        return wx_error(41008)
    if code.startswith(SANDBOX_CODE_PREFIX) and len(code) > len(SANDBOX_CODE_PREFIX):
        name = code[len(SANDBOX_CODE_PREFIX):]
        return _session(openid_for(appid, name), unionid_for(name))
    record = state.login_codes.get(code)
    if record is None or record.appid != appid or state.now() - record.issued_at > CODE_TTL:
        return wx_error(40029)
    if record.used:
        return wx_error(40163)
    record.used = True
    return _session(record.openid, record.unionid)


def _session(openid: str, unionid: str | None) -> web.Response:
    session_key = base64.b64encode(secrets.token_bytes(16)).decode()
    body: dict[str, Any] = {"openid": openid, "session_key": session_key}
    if unionid:
        body["unionid"] = unionid
    return web.json_response(body)


async def phone_number(request: web.Request) -> web.Response:
    """POST /wxa/business/getuserphonenumber — minted codes are single-use; `sandbox-phone:<n>` always ok."""
    state = state_of(request.app)
    appid, err = check_token(state, request)
    if err is not None:
        return err
    body = await json_body(request)
    if body is None:
        return wx_error(47001)
    code = body.get("code")
    phone = _redeem_phone_code(state, appid or "", code if isinstance(code, str) else "")
    if phone is None:
        return wx_error(40029)
    return wx_ok(phone_info={
        "phoneNumber": phone, "purePhoneNumber": phone, "countryCode": 86,
        "watermark": {"timestamp": int(state.now()), "appid": appid},
    })


def _redeem_phone_code(state: SandboxState, appid: str, code: str) -> str | None:
    if code.startswith(SANDBOX_PHONE_PREFIX):
        phone = code[len(SANDBOX_PHONE_PREFIX):]
        return phone if PHONE_RE.fullmatch(phone) else None
    record = state.phone_codes.get(code)
    if record is None or record.used or record.appid != appid or state.now() - record.issued_at > CODE_TTL:
        return None
    record.used = True
    return record.phone


# -- subscribe messages --------------------------------------------------------------------------------
async def subscribe_send(request: web.Request) -> web.Response:
    """POST /cgi-bin/message/subscribe/send — validates like WeChat, then spends one quota unit."""
    state = state_of(request.app)
    appid, err = check_token(state, request)
    if err is not None:
        return err
    assert appid is not None
    body = await json_body(request)
    if body is None:
        return wx_error(47001)
    if (err := _validate_message(state, body)) is not None:
        return err
    if _rate_limited(state, appid):
        return wx_error(45009)
    touser, template_id = body["touser"], body["template_id"]
    key = (touser, template_id)
    if key in state.subscribe_quota:
        if state.subscribe_quota[key] <= 0:
            return wx_error(43101)
        state.subscribe_quota[key] -= 1
    elif not state.auto_subscribe:
        return wx_error(43101)
    msgid = state.next_msgid()
    state.recent_sends.setdefault(appid, deque()).append(state.now())
    state.sent_messages.append({
        "msgid": msgid, "appid": appid, "touser": touser, "template_id": template_id,
        "page": body.get("page"), "data": {k: v["value"] for k, v in body["data"].items()},
        "miniprogram_state": body.get("miniprogram_state", "formal"), "lang": body.get("lang", "zh_CN"),
        "time": state.now(),
    })
    return wx_ok(msgid=msgid)


def _validate_message(state: SandboxState, body: dict[str, Any]) -> web.Response | None:
    if not isinstance(body.get("touser"), str) or not body["touser"]:
        return wx_error(40003)
    template_id = body.get("template_id")
    if not isinstance(template_id, str) or not template_id or (
            state.known_templates is not None and template_id not in state.known_templates):
        return wx_error(40037)
    data = body.get("data")
    if not isinstance(data, dict) or not data:
        return wx_error(47003, "argument invalid! data is empty")
    for key, item in data.items():
        if problem := _keyword_problem(state, key, item):
            return wx_error(47003, f"argument invalid! data.{key}.value {problem}")
    return None


def _keyword_problem(state: SandboxState, key: str, item: Any) -> str | None:
    value = item.get("value") if isinstance(item, dict) else None
    if value is None or value == "":
        return "is empty"
    if not isinstance(value, str):
        return "invalid"
    match = KEYWORD_RE.fullmatch(key)
    limit = KEYWORD_MAX_LEN.get(match.group(1)) if match else None
    if state.strict_keywords and limit is not None and len(value) > limit:
        return "invalid"
    return None


def _rate_limited(state: SandboxState, appid: str) -> bool:
    limit = state.subscribe_rate_per_second
    if limit is None:
        return False
    window = state.recent_sends.setdefault(appid, deque())
    now = state.now()
    while window and window[0] <= now - 1:
        window.popleft()
    return len(window) >= limit


# -- control API ---------------------------------------------------------------------------------------
def bad_request(message: str) -> web.HTTPBadRequest:
    return web.HTTPBadRequest(text=json.dumps({"error": message}), content_type="application/json")


async def control_body(request: web.Request) -> dict[str, Any]:
    """JSON object body of a control call (empty body = {}); 400 otherwise."""
    if not await request.read():
        return {}
    body = await json_body(request)
    if body is None:
        raise bad_request("body must be a JSON object")
    return body


def _opt_str(body: dict[str, Any], key: str) -> str | None:
    value = body.get(key)
    if value is not None and (not isinstance(value, str) or not value):
        raise bad_request(f"{key} must be a non-empty string")
    return value


def _appid(state: SandboxState, body: dict[str, Any]) -> str:
    appid = _opt_str(body, "appid") or DEFAULT_APPID
    if appid not in state.apps:
        raise bad_request(f"unknown appid {appid}")
    return appid


async def ctl_mint_code(request: web.Request) -> web.Response:
    """POST /__sandbox__/codes {openid?, unionid?, name?, appid?}; `"unionid": null` = user without one."""
    state = state_of(request.app)
    body = await control_body(request)
    code, record = state.mint_login_code(
        _appid(state, body), openid=_opt_str(body, "openid"), unionid=_opt_str(body, "unionid"),
        name=_opt_str(body, "name"), with_unionid=not ("unionid" in body and body["unionid"] is None))
    return web.json_response({"code": code, "openid": record.openid, "unionid": record.unionid})


async def ctl_mint_phone_code(request: web.Request) -> web.Response:
    """POST /__sandbox__/phone-codes {phone, appid?} -> {code} (single-use)."""
    state = state_of(request.app)
    body = await control_body(request)
    phone = body.get("phone")
    if not isinstance(phone, str) or not PHONE_RE.fullmatch(phone):
        raise bad_request("phone must be a string of 5-20 digits")
    return web.json_response({"code": state.mint_phone_code(phone, _appid(state, body))})


async def ctl_subscription(request: web.Request) -> web.Response:
    """POST /__sandbox__/subscriptions {openid, template_id, quota}; quota null = back to auto_subscribe."""
    state = state_of(request.app)
    body = await control_body(request)
    openid, template_id = _opt_str(body, "openid"), _opt_str(body, "template_id")
    if openid is None or template_id is None:
        raise bad_request("openid and template_id are required")
    quota = body.get("quota")
    if quota is None:
        state.subscribe_quota.pop((openid, template_id), None)
    elif isinstance(quota, int) and not isinstance(quota, bool) and quota >= 0:
        state.subscribe_quota[(openid, template_id)] = quota
    else:
        raise bad_request("quota must be a non-negative integer or null")
    return web.json_response({"openid": openid, "template_id": template_id, "quota": quota})


async def ctl_messages(request: web.Request) -> web.Response:
    """GET /__sandbox__/messages?touser=&template_id= -> sent subscribe messages, oldest first."""
    state = state_of(request.app)
    filters = {k: request.query[k] for k in ("touser", "template_id") if k in request.query}
    items = [m for m in state.sent_messages if all(m[k] == v for k, v in filters.items())]
    return web.json_response({"items": items})


def setup(app: web.Application) -> None:
    app.router.add_get("/cgi-bin/token", classic_token)
    app.router.add_post("/cgi-bin/stable_token", stable_token)
    app.router.add_get("/sns/jscode2session", jscode2session)
    app.router.add_post("/wxa/business/getuserphonenumber", phone_number)
    app.router.add_post("/cgi-bin/message/subscribe/send", subscribe_send)
    app.router.add_post("/__sandbox__/codes", ctl_mint_code)
    app.router.add_post("/__sandbox__/phone-codes", ctl_mint_phone_code)
    app.router.add_post("/__sandbox__/subscriptions", ctl_subscription)
    app.router.add_get("/__sandbox__/messages", ctl_messages)
