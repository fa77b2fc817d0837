"""WeCom customer group-send (企业群发) and moments (客户朋友圈), over the one client base (`WeComClient`).

docs/wechat-protocols.md §5.10 (add_msg_template and its follow-ups; the last-interacting staff gets the task;
a customer receives at most <days in month> corp group-sends a month; remind <= 3 times per 24 h) and
docs/wechat-protocols.md §5.11 (add_moment_task, get_moment_task_result, get_moment_task).
"""

from __future__ import annotations

from typing import Any

from app.wechat.wecom.client import WeComClient


async def add_msg_template(client: WeComClient, *, chat_type: str, sender: str, text: str,
                           external_userids: list[str] | None = None, chat_ids: list[str] | None = None,
                           link: dict[str, str] | None = None) -> dict[str, Any]:
    """POST externalcontact/add_msg_template -> {msgid, fail_list}. A task for `sender` to confirm."""
    body: dict[str, Any] = {"chat_type": chat_type, "sender": sender, "text": {"content": text}}
    if chat_type == "single":
        body["external_userid"] = list(external_userids or [])
    elif chat_ids:
        body["chat_id_list"] = list(chat_ids)
    if link:
        body["attachments"] = [{"msgtype": "link", "link": link}]
    return await client._contact("POST", "/add_msg_template", body=body, replay_safe=False)


async def _pages(client: WeComClient, path: str, body: dict[str, Any], key: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cursor = ""
    while True:
        page = await client._contact("POST", path, body={**body, "limit": 1000, "cursor": cursor})
        out.extend(page.get(key) or [])
        cursor = str(page.get("next_cursor") or "")
        if not cursor:
            return out


async def groupmsg_task(client: WeComClient, msgid: str) -> list[dict[str, Any]]:
    """POST get_groupmsg_task -> task_list[{userid, status (0 not sent, 2 sent), send_time}], all pages."""
    return await _pages(client, "/get_groupmsg_task", {"msgid": msgid}, "task_list")


async def groupmsg_send_result(client: WeComClient, msgid: str, userid: str) -> list[dict[str, Any]]:
    """POST get_groupmsg_send_result -> send_list[{external_userid, chat_id, userid, status, send_time}]
    (status 0 not sent, 1 sent, 2 not a friend, 3 over the limit), all pages."""
    return await _pages(client, "/get_groupmsg_send_result", {"msgid": msgid, "userid": userid}, "send_list")


async def remind_groupmsg_send(client: WeComClient, msgid: str) -> None:
    """POST remind_groupmsg_send: at most 3 per 24 h per msgid (docs/wechat-protocols.md §5.10)."""
    await client._contact("POST", "/remind_groupmsg_send", body={"msgid": msgid}, replay_safe=False)


async def cancel_groupmsg_send(client: WeComClient, msgid: str) -> None:
    """POST cancel_groupmsg_send: stop a task not yet sent."""
    await client._contact("POST", "/cancel_groupmsg_send", body={"msgid": msgid})


async def add_moment_task(client: WeComClient, *, senders: list[str], text: str,
                          link: dict[str, str] | None = None, tag_ids: list[str] | None = None) -> str:
    """POST add_moment_task -> jobid (asynchronous; poll get_moment_task_result)."""
    body: dict[str, Any] = {"text": {"content": text},
                            "visible_range": {"sender_list": {"user_list": senders}}}
    if tag_ids:
        body["visible_range"]["external_contact_list"] = {"tag_list": tag_ids}
    if link:
        body["attachments"] = [{"msgtype": "link", "link": link}]
    return str((await client._contact("POST", "/add_moment_task", body=body, replay_safe=False))["jobid"])


async def moment_task_result(client: WeComClient, jobid: str) -> dict[str, Any]:
    """GET get_moment_task_result -> {status 1|2|3, type, result{moment_id, invalid_sender_list, ...}}."""
    return await client._contact("GET", "/get_moment_task_result", params={"jobid": jobid})


async def moment_task(client: WeComClient, moment_id: str) -> list[dict[str, Any]]:
    """POST get_moment_task -> task_list[{userid, publish_status (0 not published, 1 published)}], all pages."""
    return await _pages(client, "/get_moment_task", {"moment_id": moment_id}, "task_list")
