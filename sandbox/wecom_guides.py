"""WeCom APIs of the guide side in the sandbox: workbench OAuth and contact-me configurations.

- `GET /cgi-bin/auth/getuserinfo?access_token=&code=` (docs/wechat-protocols.md §5.12): codes minted by the
  control call below, single use, valid 300 s of sandbox time; a bad, used or expired code answers 40029. A
  code minted for a corp member answers `userid`; one minted for an outsider answers `openid` (and
  `external_userid` when given).
- `POST /cgi-bin/externalcontact/add_contact_way` and `get_contact_way` (docs/wechat-protocols.md §5.13): type
  1 (exactly one user) or 2, scene 1 or 2, state ≤ 30 chars; every add makes a new configuration (as WeCom does);
  scene 2 answers a `qr_code` URL.

Control: `POST /__sandbox__/wecom/oauth/codes {"userid"} | {"openid", "external_userid"?}` (optional
`expires_in`) -> `{"code", "expires_at"}`; `GET /__sandbox__/wecom/contact_ways`; `POST
/__sandbox__/wecom/guides/reset`. State lives in `SandboxState.ext["wecom_guides"]`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from sandbox.miniprogram import bad_request, control_body, json_body
from sandbox.state import STATE_KEY, SandboxState, state_of
from sandbox.wecom import check_wecom_token, wecom_error, wecom_ok

CODE_TTL = 300.0
STATE_MAX = 30


@dataclass
class GuidesState:
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    contact_ways: dict[str, dict[str, Any]] = field(default_factory=dict)

    def reset(self) -> None:
        self.codes.clear()
        self.contact_ways.clear()


def guides_of(state: SandboxState) -> GuidesState:
    return state.ext.setdefault("wecom_guides", GuidesState())  # type: ignore[no-any-return]


async def getuserinfo(request: web.Request) -> web.Response:
    """GET /cgi-bin/auth/getuserinfo: the code's visitor, once, within 5 minutes."""
    state = state_of(request.app)
    _, err = check_wecom_token(state, request)
    if err is not None:
        return err
    code = request.query.get("code", "")
    record = guides_of(state).codes.get(code)
    if record is None or record["used"] or record["expires_at"] <= state.now():
        return wecom_error(40029, "invalid code")
    record["used"] = True
    if record.get("userid"):
        return wecom_ok(userid=record["userid"])
    extra = {"external_userid": record["external_userid"]} if record.get("external_userid") else {}
    return wecom_ok(openid=record["openid"], **extra)


async def add_contact_way(request: web.Request) -> web.Response:
    """POST externalcontact/add_contact_way: a new configuration per call."""
    state = state_of(request.app)
    corpid, err = check_wecom_token(state, request)
    if err is not None:
        return err
    body = await json_body(request)
    if body is None:
        return wecom_error(40035)
    kind, scene, users = body.get("type"), body.get("scene"), body.get("user")
    if kind not in (1, 2) or scene not in (1, 2):
        return wecom_error(40035, "invalid parameter: type and scene must be 1 or 2")
    if users is not None and (not isinstance(users, list) or not all(isinstance(u, str) and u for u in users)):
        return wecom_error(40035, "invalid parameter: user")
    users = list(users or [])
    if kind == 1 and len(users) != 1:
        return wecom_error(40035, "invalid parameter: type 1 takes exactly one user")
    if kind == 2 and not users and not body.get("party"):
        return wecom_error(40035, "invalid parameter: user and party are both empty")
    st = body.get("state", "")
    if not isinstance(st, str) or len(st) > STATE_MAX:
        return wecom_error(40035, "invalid parameter: state longer than 30 characters")
    config_id = secrets.token_hex(16)
    qr = f"https://wework.qpic.cn/wwpic/sandbox/{config_id}/0" if scene == 2 else None
    guides_of(state).contact_ways[config_id] = {
        "config_id": config_id, "corpid": corpid, "type": kind, "scene": scene, "style": body.get("style", 1),
        "remark": body.get("remark", ""), "skip_verify": body.get("skip_verify", True), "state": st,
        "user": users, "party": body.get("party") or [], **({"qr_code": qr} if qr else {})}
    return wecom_ok(config_id=config_id, **({"qr_code": qr} if qr else {}))


async def get_contact_way(request: web.Request) -> web.Response:
    """POST externalcontact/get_contact_way {config_id}."""
    state = state_of(request.app)
    _, err = check_wecom_token(state, request)
    if err is not None:
        return err
    body = await json_body(request)
    found = guides_of(state).contact_ways.get(str((body or {}).get("config_id", "")))
    if found is None:
        return wecom_error(40035, "invalid parameter: config_id")
    return wecom_ok(contact_way={k: v for k, v in found.items() if k != "corpid"})


# -- control ---------------------------------------------------------------------------------------------------
async def ctl_mint_code(request: web.Request) -> web.Response:
    state = state_of(request.app)
    body = await control_body(request)
    userid, openid = body.get("userid"), body.get("openid")
    if bool(userid) == bool(openid) or not isinstance(userid or openid, str):
        raise bad_request("give exactly one of userid (a corp member) or openid (an outsider)")
    ttl = body.get("expires_in", CODE_TTL)
    if not isinstance(ttl, int | float) or isinstance(ttl, bool):
        raise bad_request("expires_in must be a number of seconds")
    code = secrets.token_urlsafe(24)
    expires_at = state.now() + float(ttl)
    guides_of(state).codes[code] = {"userid": userid, "openid": openid, "used": False, "expires_at": expires_at,
                                    "external_userid": body.get("external_userid")}
    return web.json_response({"code": code, "expires_at": expires_at})


async def ctl_contact_ways(request: web.Request) -> web.Response:
    items = list(guides_of(state_of(request.app)).contact_ways.values())
    return web.json_response({"items": items})


async def ctl_reset(request: web.Request) -> web.Response:
    guides_of(state_of(request.app)).reset()
    return web.json_response({"ok": True})


def setup(app: web.Application) -> None:
    state = app.get(STATE_KEY)
    if state is not None:
        guides_of(state)
    r = app.router
    r.add_get("/cgi-bin/auth/getuserinfo", getuserinfo)
    r.add_post("/cgi-bin/externalcontact/add_contact_way", add_contact_way)
    r.add_post("/cgi-bin/externalcontact/get_contact_way", get_contact_way)
    r.add_post("/__sandbox__/wecom/oauth/codes", ctl_mint_code)
    r.add_get("/__sandbox__/wecom/contact_ways", ctl_contact_ways)
    r.add_post("/__sandbox__/wecom/guides/reset", ctl_reset)
