"""WeCom server APIs of the sandbox (docs/wechat-protocols.md §5) and WeCom's callbacks to jifen.

APIs: `gettoken`, app messages to staff, and customer contact with state: `externalcontact/get`,
`batch/get_by_user`, `get_corp_tag_list`, `mark_tag`, `groupchat/list`, `groupchat/get`, `send_welcome_msg`.
Scenarios (`POST /__sandbox__/wecom/scenarios`) change that state as a customer or a guide would in the WeCom
client and post the matching callbacks to jifen, encrypted and signed with the corp's callback credentials
(docs/wechat-protocols.md §3.4), and the group bot's HMAC-signed interactions.

WeCom answers like the mini-program APIs (HTTP 200, `{"errcode", "errmsg"}`) but its success bodies always
carry `errcode: 0`, its errmsg has the `hint: [...]` / `more info at` tail, and a token belongs to one corp
*and* one app secret. Tokens live in the shared `SandboxState.tokens`, so `/__sandbox__/tokens/expire` and
`/invalidate` work on them too. Control API: `GET /__sandbox__/wecom/messages`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import xml.etree.ElementTree as ET
from typing import Any

import aiohttp
from aiohttp import web
from wechatpy.enterprise.crypto import WeChatCrypto

from sandbox.miniprogram import json_body
from sandbox.state import (
    DEFAULT_CALLBACK_AES_KEY,
    DEFAULT_CALLBACK_TOKEN,
    DEFAULT_CORPID,
    TOKEN_TTL,
    SandboxState,
    state_of,
)

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
    40068: "invalid tagid",
    40096: "invalid external userid",
    41051: "customer already started chatting",
    84061: "not external contact",
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


# -- customer contact (docs/wechat-protocols.md §5.3, §5.5-§5.7) -----------------------------------------


async def _authed_body(request: web.Request) -> tuple[SandboxState, dict[str, Any] | None, web.Response | None]:
    state = state_of(request.app)
    _, err = check_wecom_token(state, request)
    if err is not None:
        return state, None, err
    if request.method == "GET":
        return state, {}, None
    body = await json_body(request)
    return state, body, None if body is not None else wecom_error(40035)


async def contact_get(request: web.Request) -> web.Response:
    state, _, err = await _authed_body(request)
    if err is not None:
        return err
    contact = state.wecom_contacts.get(request.query.get("external_userid", ""))
    if contact is None:
        return wecom_error(84061)
    return wecom_ok(external_contact=contact["external_contact"], follow_user=contact["follow_user"])


async def batch_get_by_user(request: web.Request) -> web.Response:
    state, body, err = await _authed_body(request)
    if err is not None or body is None:
        return err or wecom_error(40035)
    users = set(body.get("userid_list") or [])
    limit = min(int(body.get("limit") or 50), 100)
    rows = [{"external_contact": c["external_contact"],
             "follow_info": {**{k: v for k, v in f.items() if k != "tags"},
                             "tag_id": [t["tag_id"] for t in f.get("tags", [])]}}
            for _, c in sorted(state.wecom_contacts.items()) for f in c["follow_user"] if f["userid"] in users]
    start = int(body.get("cursor") or 0)
    page = rows[start:start + limit]
    return wecom_ok(external_contact_list=page,
                    next_cursor=str(start + limit) if start + limit < len(rows) else "")


async def corp_tag_list(request: web.Request) -> web.Response:
    state, body, err = await _authed_body(request)
    if err is not None or body is None:
        return err or wecom_error(40035)
    groups = state.wecom_tag_groups
    if body.get("group_id"):
        groups = [g for g in groups if g["group_id"] in body["group_id"]]
    elif body.get("tag_id"):
        wanted = set(body["tag_id"])
        groups = [{**g, "tag": [t for t in g["tag"] if t["id"] in wanted]} for g in groups]
        groups = [g for g in groups if g["tag"]]
    return wecom_ok(tag_group=groups)


async def mark_tag(request: web.Request) -> web.Response:
    state, body, err = await _authed_body(request)
    if err is not None or body is None:
        return err or wecom_error(40035)
    contact = state.wecom_contacts.get(str(body.get("external_userid")))
    follow = next((f for f in (contact or {}).get("follow_user", []) if f["userid"] == body.get("userid")), None)
    if follow is None:
        return wecom_error(84061)
    catalogue = {t["id"]: (g, t) for g in state.wecom_tag_groups for t in g["tag"]}
    for tag_id in body.get("add_tag") or []:
        if tag_id not in catalogue:
            return wecom_error(40068)
        if all(t["tag_id"] != tag_id for t in follow["tags"]):
            g, t = catalogue[tag_id]
            follow["tags"].append({"group_name": g["group_name"], "tag_name": t["name"], "tag_id": tag_id,
                                   "type": 1})
    follow["tags"] = [t for t in follow["tags"] if t["tag_id"] not in set(body.get("remove_tag") or [])]
    return wecom_ok()


async def group_list(request: web.Request) -> web.Response:
    state, body, err = await _authed_body(request)
    if err is not None or body is None:
        return err or wecom_error(40035)
    owners = set((body.get("owner_filter") or {}).get("userid_list") or [])
    rows = [{"chat_id": cid, "status": 0} for cid, g in sorted(state.wecom_groups.items())
            if not owners or g["owner"] in owners]
    start, limit = int(body.get("cursor") or 0), min(int(body.get("limit") or 100), 1000)
    return wecom_ok(group_chat_list=rows[start:start + limit],
                    next_cursor=str(start + limit) if start + limit < len(rows) else "")


async def group_get(request: web.Request) -> web.Response:
    state, body, err = await _authed_body(request)
    if err is not None or body is None:
        return err or wecom_error(40035)
    group = state.wecom_groups.get(str(body.get("chat_id")))
    if group is None:
        return wecom_error(40035, "invalid chat_id")
    return wecom_ok(group_chat=group)


async def send_welcome_msg(request: web.Request) -> web.Response:
    state, body, err = await _authed_body(request)
    if err is not None or body is None:
        return err or wecom_error(40035)
    code = str(body.get("welcome_code") or "")
    if code not in state.wecom_welcome_codes:
        return wecom_error(41051)
    state.wecom_welcome_codes.discard(code)  # usable once
    state.wecom_welcomes.append(body)
    return wecom_ok()


# -- scenarios: WeCom's callbacks, encrypted and signed --------------------------------------------------


DEFAULT_CALLBACK_URL = "http://127.0.0.1:8000/wecom/callback"  # `scripts/dev`'s jifen


def _xml(corpid: str, fields: dict[str, Any], created: int, shape: str = "items") -> str:
    parts = [f"<ToUserName><![CDATA[{corpid}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>",
             f"<CreateTime>{created}</CreateTime><MsgType><![CDATA[event]]></MsgType>"]
    for key, value in fields.items():
        if isinstance(value, list):
            inner = ("".join(f"<Item><![CDATA[{v}]]></Item>" for v in value) if shape == "items"
                     else f"<![CDATA[{','.join(value)}]]>")
            parts.append(f"<{key}>{inner}</{key}>")
        elif isinstance(value, int):
            parts.append(f"<{key}>{value}</{key}>")
        elif value is not None:
            parts.append(f"<{key}><![CDATA[{value}]]></{key}>")
    return "<xml>" + "".join(parts) + "</xml>"


def _contact_record(state: SandboxState, ext: str, name: str | None, unionid: str | None) -> dict[str, Any]:
    contact = state.wecom_contacts.setdefault(ext, {"external_contact": {"external_userid": ext, "name": name
                                                                         or ext, "type": 1},
                                                    "follow_user": []})
    if unionid:
        contact["external_contact"]["unionid"] = unionid
    return contact


def _step_events(state: SandboxState, step: dict[str, Any], now: int) -> list[dict[str, Any]]:
    """Apply one scenario step to the sandbox's WeCom state -> the callback event(s) WeCom would send."""
    action = step.get("action")
    ext, userid = step.get("external_userid"), step.get("userid")
    if action == "add_contact":
        contact = _contact_record(state, ext, step.get("name"), step.get("unionid"))
        contact["follow_user"] = [f for f in contact["follow_user"] if f["userid"] != userid]
        contact["follow_user"].append({"userid": userid, "remark": "", "createtime": now, "tags": [],
                                       "state": step.get("state") or "", "add_way": 1})
        code = secrets.token_urlsafe(16)
        state.wecom_welcome_codes.add(code)
        return [{"Event": "change_external_contact", "ChangeType": "add_external_contact", "UserID": userid,
                 "ExternalUserID": ext, "State": step.get("state"), "WelcomeCode": code}]
    if action in ("delete_contact", "customer_deletes"):
        contact = state.wecom_contacts.get(ext)
        if contact:
            contact["follow_user"] = [f for f in contact["follow_user"] if f["userid"] != userid]
        change = "del_external_contact" if action == "delete_contact" else "del_follow_user"
        return [{"Event": "change_external_contact", "ChangeType": change, "UserID": userid, "ExternalUserID": ext}]
    chat_id = step.get("chat_id")
    if action == "create_group":
        state.wecom_groups[chat_id] = {"chat_id": chat_id, "name": step.get("name") or chat_id,
                                       "owner": step.get("owner") or userid, "create_time": now, "notice": "",
                                       "member_list": [{"userid": step.get("owner") or userid, "type": 1,
                                                        "join_time": now, "join_scene": 1}],
                                       "admin_list": [], "member_version": secrets.token_hex(16)}
        return [{"Event": "change_external_chat", "ChangeType": "create", "ChatId": chat_id}]
    group = state.wecom_groups.get(chat_id)
    if group is None:
        raise ValueError(f"unknown group {chat_id!r}: create it first")
    if action in ("join_group", "leave_group"):
        ids = step.get("external_userids") or [ext]
        last = group["member_version"]
        if action == "join_group":
            for uid in ids:
                if all(m["userid"] != uid for m in group["member_list"]):
                    group["member_list"].append({"userid": uid, "type": 2, "join_time": now, "join_scene": 3})
        else:
            group["member_list"] = [m for m in group["member_list"] if m["userid"] not in ids]
        group["member_version"] = secrets.token_hex(16)
        return [{"Event": "change_external_chat", "ChangeType": "update", "ChatId": chat_id,
                 "UpdateDetail": "add_member" if action == "join_group" else "del_member",
                 "JoinScene" if action == "join_group" else "QuitScene": 3 if action == "join_group" else 0,
                 "MemChangeCnt": len(ids), "MemChangeList": ids, "LastMemVer": last,
                 "CurMemVer": group["member_version"]}]
    if action == "dismiss_group":
        state.wecom_groups.pop(chat_id, None)
        return [{"Event": "change_external_chat", "ChangeType": "dismiss", "ChatId": chat_id}]
    raise ValueError(f"unknown action {action!r}")


async def ctl_scenarios(request: web.Request) -> web.Response:
    """POST /__sandbox__/wecom/scenarios {callback_url?, steps: [{action, ...}], corpid?, token?, aes_key?,
    shape?: "items"|"comma"} -> each callback's HTTP answer from jifen. Actions: add_contact (userid,
    external_userid, state, unionid, name), delete_contact / customer_deletes, create_group (chat_id, owner,
    name), join_group / leave_group (chat_id, external_userid or external_userids), dismiss_group (chat_id),
    interaction (url, source_id, secret, body: signed like the group bot)."""
    state = state_of(request.app)
    body = await json_body(request)
    if body is None or not isinstance(body.get("steps"), list) or not all(isinstance(x, dict) for x in body["steps"]):
        return web.json_response({"error": "steps: a list of {action, ...}"}, status=400)
    corpid = body.get("corpid") or DEFAULT_CORPID
    crypto = WeChatCrypto(body.get("token") or DEFAULT_CALLBACK_TOKEN, body.get("aes_key")
                          or DEFAULT_CALLBACK_AES_KEY, corpid)
    results: list[dict[str, Any]] = []
    async with aiohttp.ClientSession() as session:
        for step in body["steps"]:
            now = int(state.now())
            if step.get("action") == "interaction":
                results.append(await _post_interaction(session, step, now))
                continue
            try:
                events = _step_events(state, step, now)
            except (ValueError, TypeError) as exc:
                return web.json_response({"error": str(exc), "results": results}, status=400)
            for event in events:
                plaintext = _xml(corpid, event, now, body.get("shape") or "items")
                nonce = str(secrets.randbelow(10**10))
                envelope = crypto.encrypt_message(plaintext, nonce, str(now))
                root = ET.fromstring(envelope)
                encrypted, sig = root.findtext("Encrypt"), root.findtext("MsgSignature")
                post = (f"<xml><ToUserName><![CDATA[{corpid}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]>"
                        f"</Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>")
                async with session.post(body.get("callback_url") or DEFAULT_CALLBACK_URL, data=post.encode(),
                                        params={"msg_signature": sig, "timestamp": str(now), "nonce": nonce},
                                        headers={"content-type": "text/xml"}) as resp:
                    results.append({"action": step.get("action"), "event": event.get("ChangeType"),
                                    "status": resp.status, "body": await resp.text()})
    return web.json_response({"results": results})


async def _post_interaction(session: Any, step: dict[str, Any], now: int) -> dict[str, Any]:
    raw = json.dumps(step.get("body") or {}, ensure_ascii=False).encode()
    sig = hmac.new(str(step.get("secret", "")).encode(), str(now).encode() + b"\n" + raw, hashlib.sha256)
    async with session.post(step["url"], data=raw, headers={
            "content-type": "application/json", "X-Jifen-Source": str(step.get("source_id")),
            "X-Jifen-Timestamp": str(now), "X-Jifen-Signature": sig.hexdigest()}) as resp:
        return {"action": "interaction", "status": resp.status, "body": await resp.text()}


async def ctl_welcomes(request: web.Request) -> web.Response:
    """GET /__sandbox__/wecom/welcomes -> welcome messages jifen sent, oldest first."""
    return web.json_response({"items": state_of(request.app).wecom_welcomes})


def setup(app: web.Application) -> None:
    app.router.add_get("/cgi-bin/gettoken", gettoken)
    app.router.add_post("/cgi-bin/message/send", message_send)
    app.router.add_get("/cgi-bin/externalcontact/get", contact_get)
    app.router.add_post("/cgi-bin/externalcontact/batch/get_by_user", batch_get_by_user)
    app.router.add_post("/cgi-bin/externalcontact/get_corp_tag_list", corp_tag_list)
    app.router.add_post("/cgi-bin/externalcontact/mark_tag", mark_tag)
    app.router.add_post("/cgi-bin/externalcontact/groupchat/list", group_list)
    app.router.add_post("/cgi-bin/externalcontact/groupchat/get", group_get)
    app.router.add_post("/cgi-bin/externalcontact/send_welcome_msg", send_welcome_msg)
    app.router.add_get("/__sandbox__/wecom/messages", ctl_messages)
    app.router.add_get("/__sandbox__/wecom/welcomes", ctl_welcomes)
    app.router.add_post("/__sandbox__/wecom/scenarios", ctl_scenarios)
