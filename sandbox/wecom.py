"""WeCom server APIs of the sandbox (docs/wechat-protocols.md §5): `gettoken` and app messages to staff.

WeCom answers like the mini-program APIs (HTTP 200, `{"errcode", "errmsg"}`) but its success bodies always
carry `errcode: 0`, its errmsg has the `hint: [...]` / `more info at` tail, and a token belongs to one corp
*and* one app secret. Tokens live in the shared `SandboxState.tokens`, so `/__sandbox__/tokens/expire` and
`/invalidate` work on them too. Control API: `GET /__sandbox__/wecom/messages`.
"""

from __future__ import annotations

import secrets
from typing import Any

from aiohttp import web

from sandbox.miniprogram import json_body
from sandbox.state import TOKEN_TTL, SandboxState, state_of

ERRMSGS: dict[int, str] = {
    -1: "system busy",
    40001: "invalid secret",
    40013: "invalid corpid",
    40014: "invalid access_token",
    40035: "invalid parameter",
    40056: "invalid agentid",
    41001: "access_token missing",
    41004: "corpsecret missing",
    42001: "access_token expired",
}
MSGTYPES = frozenset({"text", "textcard", "markdown", "template_card", "image", "voice", "video", "file", "news",
                      "mpnews", "miniprogram_notice"})


def wecom_error(errcode: int, errmsg: str | None = None) -> web.Response:
    """WeCom's error envelope: the text, a hint id and a link to the error-code lookup."""
    text = errmsg or ERRMSGS.get(errcode, "sandbox error")
    return web.json_response({"errcode": errcode, "errmsg": (
        f"{text}, hint: [{secrets.token_hex(8)}], from ip: 127.0.0.1, "
        f"more info at https://open.work.weixin.qq.com/devtool/query?e={errcode}")})


def wecom_ok(**fields: Any) -> web.Response:
    return web.json_response({"errcode": 0, "errmsg": "ok", **fields})


async def gettoken(request: web.Request) -> web.Response:
    """GET /cgi-bin/gettoken?corpid=&corpsecret= — one token per (corp, secret), the same one while valid."""
    state = state_of(request.app)
    corpid, secret = request.query.get("corpid"), request.query.get("corpsecret")
    if not corpid or corpid not in state.corps:
        return wecom_error(40013)
    if not secret:
        return wecom_error(41004)
    if not any(secrets.compare_digest(secret.encode(), known.encode()) for known in state.corps[corpid]):
        return wecom_error(40001)
    now = state.now()
    current = state.tokens.get(state.current_wecom.get((corpid, secret), ""))
    if current is not None and current.valid and current.expires_at > now:
        return wecom_ok(access_token=state.current_wecom[(corpid, secret)],
                        expires_in=max(int(current.expires_at - now), 1))
    token, _ = state.issue_token(corpid, "wecom")
    state.current_wecom[(corpid, secret)] = token
    return wecom_ok(access_token=token, expires_in=TOKEN_TTL)


def check_wecom_token(state: SandboxState, request: web.Request) -> tuple[str | None, web.Response | None]:
    """(corpid, None) for a usable WeCom `access_token`, else (None, error); mini-program tokens are foreign."""
    token = request.query.get("access_token")
    if not token:
        return None, wecom_error(41001)
    record = state.tokens.get(token)
    if record is None or not record.valid or record.kind != "wecom":
        return None, wecom_error(40014)
    if record.expires_at <= state.now():
        return None, wecom_error(42001)
    return record.appid, None


async def message_send(request: web.Request) -> web.Response:
    """POST /cgi-bin/message/send — recorded, never delivered; unknown recipients are not checked."""
    state = state_of(request.app)
    corpid, err = check_wecom_token(state, request)
    if err is not None:
        return err
    body = await json_body(request)
    if body is None:
        return wecom_error(40035)
    agentid = body.get("agentid")
    if not isinstance(agentid, int) or isinstance(agentid, bool) or agentid <= 0:
        return wecom_error(40056)
    msgtype = body.get("msgtype")
    if msgtype not in MSGTYPES or not isinstance(body.get(msgtype), dict):
        return wecom_error(40035, f"invalid parameter: msgtype {msgtype!r} with its payload")
    if not any(body.get(k) for k in ("touser", "toparty", "totag")):
        return wecom_error(40035, "invalid parameter: touser, toparty and totag are all empty")
    msgid = secrets.token_urlsafe(24)
    state.wecom_messages.append({"msgid": msgid, "corpid": corpid, "agentid": agentid,
                                 "touser": body.get("touser", ""), "msgtype": msgtype, msgtype: body[msgtype]})
    return wecom_ok(invaliduser="", invalidparty="", invalidtag="", unlicenseduser="", msgid=msgid)


async def ctl_messages(request: web.Request) -> web.Response:
    """GET /__sandbox__/wecom/messages?touser= -> app messages sent to staff, oldest first."""
    touser = request.query.get("touser")
    items = [m for m in state_of(request.app).wecom_messages if touser is None or m["touser"] == touser]
    return web.json_response({"items": items})


def setup(app: web.Application) -> None:
    app.router.add_get("/cgi-bin/gettoken", gettoken)
    app.router.add_post("/cgi-bin/message/send", message_send)
    app.router.add_get("/__sandbox__/wecom/messages", ctl_messages)
