"""WeCom group-send (企业群发) and moments (客户朋友圈) of the sandbox, with state.

Protocol: docs/wechat-protocols.md §5.10, §5.11 (and §5.2 for the app-message limits).

A group-send (`add_msg_template`) is a task for its sender: nothing reaches a customer until the staff
confirms it in the WeCom client, played here by `POST /__sandbox__/wecom_sop/groupmsgs/{msgid}/send` or, with
`auto_send_after_seconds` configured, by time. Sending settles every recipient: 1 sent, 2 not a friend of the
sender (also listed in `fail_list` at creation), 3 over the month's limit (a customer receives at most <days in
month> corp group-sends a month). Moments (`add_moment_task`) finish their job at once; each sender publishes
by `POST /__sandbox__/wecom_sop/moments/{moment_id}/publish` (or by time). `remind_groupmsg_send` allows 3 per
24 h per msgid (the fourth answers 45009 [U: WeCom's exact code is not documented]); `cancel_groupmsg_send`
stops a task not yet sent. `message/send` beyond 30 a minute / 1000 an hour to one member is accepted and
silently dropped (a middleware over `sandbox.wecom`'s handler). `max_concurrent` (control) answers
45033 to calls beyond that many in flight, and `latency_ms` holds each call that long, which is what a bounded
client pool is tested against. Tokens are the shared WeCom tokens of `sandbox.wecom` (same checks, same errors).
"""

from __future__ import annotations

import asyncio
import calendar
import json
import secrets
import time
from typing import Any

from aiohttp import web

from sandbox.miniprogram import json_body
from sandbox.state import SandboxState, state_of
from sandbox.wecom import check_wecom_token, wecom_error, wecom_ok

KEY = "wecom_sop"
DAY = 86400


def sop_state(state: SandboxState) -> dict[str, Any]:
    """This module's store inside the shared state (`SandboxState.ext`)."""
    if KEY not in state.ext:
        reset(state)
    return state.ext[KEY]  # type: ignore[no-any-return]


def reset(state: SandboxState) -> None:
    state.ext[KEY] = {"groupmsgs": {}, "moments": {}, "jobs": {}, "received": {}, "in_flight": 0, "rejected_45033": 0,
                      "app_counts": {}, "dropped": [],
                      "config": {"auto_send_after_seconds": None, "max_concurrent": None, "latency_ms": 0,
                                 "check_friends": True}}


def _month(ts: float) -> str:
    return time.strftime("%Y-%m", time.gmtime(ts + 8 * 3600))  # WeCom's month, Beijing time


def _days_in_month(ts: float) -> int:
    t = time.gmtime(ts + 8 * 3600)
    return calendar.monthrange(t.tm_year, t.tm_mon)[1]


def _is_friend(state: SandboxState, ext: str, userid: str) -> bool:
    contact = state.wecom_contacts.get(ext)
    return contact is not None and any(f.get("userid") == userid for f in contact.get("follow_user", []))


def _settle(state: SandboxState, msg: dict[str, Any], now: float) -> None:
    """The sender confirmed: every pending recipient is sent, or over the month's limit."""
    if msg["status"] != 0 or msg["cancelled"]:
        return
    store = sop_state(state)
    msg["status"], msg["send_time"] = 2, int(now)
    month, cap = _month(now), _days_in_month(now)
    for ext, r in msg["results"].items():
        if r["status"] != 0:
            continue
        key = f"{ext}|{month}"
        if store["received"].get(key, 0) >= cap:
            r["status"] = 3
        else:
            store["received"][key] = store["received"].get(key, 0) + 1
            r["status"], r["send_time"] = 1, int(now)


def _tick(state: SandboxState) -> None:
    """Apply `auto_send_after_seconds`: tasks and moments older than that are sent / published."""
    store = sop_state(state)
    delay = store["config"]["auto_send_after_seconds"]
    if delay is None:
        return
    now = state.now()
    for msg in store["groupmsgs"].values():
        if msg["status"] == 0 and not msg["cancelled"] and now - msg["create_time"] >= delay:
            _settle(state, msg, now)
    for moment in store["moments"].values():
        if now - moment["create_time"] >= delay:
            for task in moment["tasks"].values():
                task["publish_status"] = 1


async def _enter(request: web.Request) -> tuple[SandboxState, dict[str, Any] | None, web.Response | None]:
    """Token check, body, the concurrency limit (45033) and the configured latency."""
    state = state_of(request.app)
    _, err = check_wecom_token(state, request)
    if err is not None:
        return state, None, err
    store = sop_state(state)
    limit = store["config"]["max_concurrent"]
    if limit is not None and store["in_flight"] >= limit:
        store["rejected_45033"] += 1
        return state, None, wecom_error(45033, "api concurrent out of limit")
    store["in_flight"] += 1
    try:
        if store["config"]["latency_ms"]:
            await asyncio.sleep(store["config"]["latency_ms"] / 1000)
    finally:
        store["in_flight"] -= 1
    if request.method == "GET":
        body: dict[str, Any] | None = {}
    else:
        body = await json_body(request)
        if body is None:
            return state, None, wecom_error(40035)
    _tick(state)
    return state, body, None


async def add_msg_template(request: web.Request) -> web.Response:
    """POST /cgi-bin/externalcontact/add_msg_template -> {msgid, fail_list}."""
    state, body, err = await _enter(request)
    if err is not None or body is None:
        return err or wecom_error(40035)
    chat_type = body.get("chat_type") or "single"
    sender = body.get("sender")
    if chat_type not in ("single", "group"):
        return wecom_error(40035, "invalid parameter: chat_type")
    if chat_type == "group" and not sender:
        return wecom_error(40035, "invalid parameter: sender is required for group")
    text = (body.get("text") or {}).get("content") or ""
    if not text and not body.get("attachments"):
        return wecom_error(40035, "invalid parameter: text and attachments are both empty")
    if len(body.get("attachments") or []) > 9:
        return wecom_error(40035, "invalid parameter: at most 9 attachments")
    store = sop_state(state)
    fail: list[str] = []
    results: dict[str, dict[str, Any]] = {}
    if chat_type == "single":
        ids = body.get("external_userid") or []
        if not isinstance(ids, list) or len(ids) > 10000:
            return wecom_error(40035, "invalid parameter: external_userid")
        for ext in ids:
            ext = str(ext)
            if store["config"]["check_friends"] and sender and not _is_friend(state, ext, sender):
                fail.append(ext)
                results[ext] = {"external_userid": ext, "chat_id": "", "userid": sender, "status": 2, "send_time": 0}
            else:
                results[ext] = {"external_userid": ext, "chat_id": "", "userid": sender, "status": 0, "send_time": 0}
        if ids and len(fail) == len(ids):
            return wecom_error(40035, "invalid parameter: no valid external_userid")
    else:
        for chat_id in body.get("chat_id_list") or []:
            results[str(chat_id)] = {"external_userid": "", "chat_id": str(chat_id), "userid": sender, "status": 0,
                                     "send_time": 0}
    msgid = "msg" + secrets.token_urlsafe(24)
    store["groupmsgs"][msgid] = {"msgid": msgid, "chat_type": chat_type, "sender": sender, "text": text,
                                 "attachments": body.get("attachments") or [], "create_time": state.now(),
                                 "status": 0, "send_time": 0, "results": results, "reminds": [],
                                 "cancelled": False}
    return wecom_ok(fail_list=fail, msgid=msgid)


def _page(items: list[dict[str, Any]], body: dict[str, Any]) -> tuple[list[dict[str, Any]], str]:
    start = int(body.get("cursor") or 0)
    limit = min(int(body.get("limit") or 500), 1000)
    page = items[start:start + limit]
    return page, str(start + limit) if start + limit < len(items) else ""


async def get_groupmsg_task(request: web.Request) -> web.Response:
    """POST get_groupmsg_task -> task_list[{userid, status 0 | 2, send_time}]."""
    state, body, err = await _enter(request)
    if err is not None or body is None:
        return err or wecom_error(40035)
    msg = sop_state(state)["groupmsgs"].get(str(body.get("msgid")))
    if msg is None:
        return wecom_error(40035, "invalid parameter: msgid")
    items = [{"userid": msg["sender"], "status": msg["status"], "send_time": msg["send_time"]}]
    page, cursor = _page(items, body)
    return wecom_ok(next_cursor=cursor, task_list=page)


async def get_groupmsg_send_result(request: web.Request) -> web.Response:
    """POST get_groupmsg_send_result -> send_list[{external_userid, chat_id, userid, status, send_time}]."""
    state, body, err = await _enter(request)
    if err is not None or body is None:
        return err or wecom_error(40035)
    msg = sop_state(state)["groupmsgs"].get(str(body.get("msgid")))
    if msg is None:
        return wecom_error(40035, "invalid parameter: msgid")
    items = [r for r in msg["results"].values() if not body.get("userid") or r["userid"] == body.get("userid")]
    page, cursor = _page(items, body)
    return wecom_ok(next_cursor=cursor, send_list=page)


async def remind_groupmsg_send(request: web.Request) -> web.Response:
    """POST remind_groupmsg_send: at most 3 per 24 h per msgid."""
    state, body, err = await _enter(request)
    if err is not None or body is None:
        return err or wecom_error(40035)
    msg = sop_state(state)["groupmsgs"].get(str(body.get("msgid")))
    if msg is None:
        return wecom_error(40035, "invalid parameter: msgid")
    now = state.now()
    msg["reminds"] = [t for t in msg["reminds"] if now - t < DAY]
    if len(msg["reminds"]) >= 3:
        return wecom_error(45009, "remind frequency limit: 3 per 24 hours")
    msg["reminds"].append(now)
    return wecom_ok()


async def cancel_groupmsg_send(request: web.Request) -> web.Response:
    """POST cancel_groupmsg_send: the sender's task disappears; what was sent stays sent."""
    state, body, err = await _enter(request)
    if err is not None or body is None:
        return err or wecom_error(40035)
    msg = sop_state(state)["groupmsgs"].get(str(body.get("msgid")))
    if msg is None:
        return wecom_error(40035, "invalid parameter: msgid")
    msg["cancelled"] = True
    return wecom_ok()


async def add_moment_task(request: web.Request) -> web.Response:
    """POST add_moment_task -> {jobid}; the job is done at once (status 3) with a moment_id."""
    state, body, err = await _enter(request)
    if err is not None or body is None:
        return err or wecom_error(40035)
    text = (body.get("text") or {}).get("content") or ""
    if len(text) > 2000:
        return wecom_error(40035, "invalid text size")
    kinds = [a.get("msgtype") for a in body.get("attachments") or []]
    if len(set(kinds)) > 1 or (kinds and kinds[0] in ("video", "link") and len(kinds) > 1) or len(kinds) > 9:
        return wecom_error(40035, "invalid attachments msgtype")
    senders = ((body.get("visible_range") or {}).get("sender_list") or {}).get("user_list") or []
    store = sop_state(state)
    jobid, moment_id = "job" + secrets.token_urlsafe(16), "mom" + secrets.token_urlsafe(16)
    store["moments"][moment_id] = {"moment_id": moment_id, "text": text, "create_time": state.now(),
                                   "tasks": {u: {"userid": u, "publish_status": 0} for u in senders}}
    store["jobs"][jobid] = {"status": 3, "type": "add_moment_task",
                            "result": {"errcode": 0, "errmsg": "ok", "moment_id": moment_id,
                                       "invalid_sender_list": {"user_list": [], "department_list": []},
                                       "invalid_external_contact_list": {"tag_list": []}}}
    return wecom_ok(jobid=jobid)


async def get_moment_task_result(request: web.Request) -> web.Response:
    """GET get_moment_task_result?jobid= -> {status, type, result}."""
    state, _, err = await _enter(request)
    if err is not None:
        return err
    job = sop_state(state)["jobs"].get(request.query.get("jobid", ""))
    if job is None:
        return wecom_error(40035, "invalid parameter: jobid")
    return wecom_ok(**job)


async def get_moment_task(request: web.Request) -> web.Response:
    """POST get_moment_task {moment_id} -> task_list[{userid, publish_status}]."""
    state, body, err = await _enter(request)
    if err is not None or body is None:
        return err or wecom_error(40035)
    moment = sop_state(state)["moments"].get(str(body.get("moment_id")))
    if moment is None:
        return wecom_error(40035, "invalid parameter: moment_id")
    page, cursor = _page(list(moment["tasks"].values()), body)
    return wecom_ok(next_cursor=cursor, task_list=page)


# -- app message limits (docs/wechat-protocols.md §5.2) ---------------------------------------------------
APP_LIMITS = ((60, 30), (3600, 1000))  # per member per app: 30 a minute, 1000 an hour


@web.middleware
async def app_message_limits(request: web.Request, handler: Any) -> web.StreamResponse:
    """`message/send` beyond 30 a minute or 1000 an hour to one member is answered errcode 0 and silently not
    delivered, as WeCom does: the message leaves `wecom_messages` for this module's `dropped` list."""
    response = await handler(request)
    if request.path != "/cgi-bin/message/send" or not isinstance(response, web.Response) or response.status != 200:
        return response
    try:
        body = json.loads(response.body or b"{}")  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return response
    state = state_of(request.app)
    if body.get("errcode") != 0 or not state.wecom_messages or state.wecom_messages[-1]["msgid"] != body.get("msgid"):
        return response
    store, now = sop_state(state), state.now()
    msg = state.wecom_messages[-1]
    over = False
    for user in str(msg["touser"]).split("|"):
        for window, cap in APP_LIMITS:
            key = f"{user}|{window}|{int(now // window)}"
            store["app_counts"][key] = store["app_counts"].get(key, 0) + 1
            over = over or store["app_counts"][key] > cap
    if over:
        store["dropped"].append(state.wecom_messages.pop())
    return response


# -- control ------------------------------------------------------------------------------------------------
async def ctl_send(request: web.Request) -> web.Response:
    """POST /__sandbox__/wecom_sop/groupmsgs/{msgid}/send: the sender confirms the task in the client."""
    state = state_of(request.app)
    msg = sop_state(state)["groupmsgs"].get(request.match_info["msgid"])
    if msg is None:
        raise web.HTTPNotFound(text="no such msgid")
    _settle(state, msg, state.now())
    return web.json_response({"msgid": msg["msgid"], "status": msg["status"],
                              "results": list(msg["results"].values())})


async def ctl_publish(request: web.Request) -> web.Response:
    """POST /__sandbox__/wecom_sop/moments/{moment_id}/publish {"userid"}: the staff publishes the moment."""
    state = state_of(request.app)
    moment = sop_state(state)["moments"].get(request.match_info["moment_id"])
    body = await json_body(request) or {}
    if moment is None or body.get("userid") not in moment["tasks"]:
        raise web.HTTPNotFound(text="no such moment or sender")
    moment["tasks"][body["userid"]]["publish_status"] = 1
    return web.json_response({"moment_id": moment["moment_id"], "tasks": list(moment["tasks"].values())})


async def ctl_groupmsgs(request: web.Request) -> web.Response:
    """GET /__sandbox__/wecom_sop/groupmsgs?sender= -> the group-send tasks created, oldest first."""
    state = state_of(request.app)
    _tick(state)
    sender = request.query.get("sender")
    items = [{k: v for k, v in m.items() if k != "results"} | {"results": list(m["results"].values())}
             for m in sop_state(state)["groupmsgs"].values() if sender is None or m["sender"] == sender]
    return web.json_response({"items": items})


async def ctl_moments(request: web.Request) -> web.Response:
    """GET /__sandbox__/wecom_sop/moments -> moments with their per-sender publish status."""
    state = state_of(request.app)
    return web.json_response({"items": [{**m, "tasks": list(m["tasks"].values())}
                                        for m in sop_state(state)["moments"].values()]})


async def ctl_config(request: web.Request) -> web.Response:
    """POST /__sandbox__/wecom_sop/config {auto_send_after_seconds, max_concurrent, latency_ms, check_friends}."""
    state = state_of(request.app)
    body = await json_body(request) or {}
    cfg = sop_state(state)["config"]
    for k in list(cfg):
        if k in body:
            cfg[k] = body[k]
    return web.json_response(cfg)


async def ctl_dropped(request: web.Request) -> web.Response:
    """GET /__sandbox__/wecom_sop/dropped -> app messages accepted but not delivered (over the member's limits)."""
    return web.json_response({"items": sop_state(state_of(request.app))["dropped"]})


async def ctl_reset(request: web.Request) -> web.Response:
    reset(state_of(request.app))
    return web.json_response({"ok": True})


def setup(app: web.Application) -> None:
    app.middlewares.append(app_message_limits)
    base = "/cgi-bin/externalcontact"
    app.router.add_post(f"{base}/add_msg_template", add_msg_template)
    app.router.add_post(f"{base}/get_groupmsg_task", get_groupmsg_task)
    app.router.add_post(f"{base}/get_groupmsg_send_result", get_groupmsg_send_result)
    app.router.add_post(f"{base}/remind_groupmsg_send", remind_groupmsg_send)
    app.router.add_post(f"{base}/cancel_groupmsg_send", cancel_groupmsg_send)
    app.router.add_post(f"{base}/add_moment_task", add_moment_task)
    app.router.add_get(f"{base}/get_moment_task_result", get_moment_task_result)
    app.router.add_post(f"{base}/get_moment_task", get_moment_task)
    app.router.add_post("/__sandbox__/wecom_sop/groupmsgs/{msgid}/send", ctl_send)
    app.router.add_post("/__sandbox__/wecom_sop/moments/{moment_id}/publish", ctl_publish)
    app.router.add_get("/__sandbox__/wecom_sop/groupmsgs", ctl_groupmsgs)
    app.router.add_get("/__sandbox__/wecom_sop/moments", ctl_moments)
    app.router.add_post("/__sandbox__/wecom_sop/config", ctl_config)
    app.router.add_post("/__sandbox__/wecom_sop/reset", ctl_reset)
    app.router.add_get("/__sandbox__/wecom_sop/dropped", ctl_dropped)
