"""What the official account's callback does with a verified, decrypted message.

- `PUBLISHJOBFINISH` (docs/wechat-protocols.md §2.3): the edition with that publish_id is published or failed;
- `MASSSENDJOBFINISH` (docs/wechat-protocols.md §2.4): the edition with that MsgID is published or failed,
  with the sent, filtered and error counts kept;
- `subscribe`: the passive reply is the brand's points introduction with the guide / customer-service entry
  (`[official_account] subscribe_reply`), the seed's first exposure point;
- anything else: acknowledged (`success`).

Both finished events only move an edition out of `publishing` (and counts are overwritten with the same
values), so WeChat's retries of an event change nothing more.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from typing import Any

from app.runtime import Runtime
from app.services.content import publisher
from app.wechat.official_account import text_reply
from app.wechat.wecom.crypto import CallbackRejected

log = logging.getLogger("jifen.content")


def parse(text: str | bytes) -> ET.Element:
    """The message's root element (the standard parser resolves no external entities)."""
    try:
        return ET.fromstring(text)
    except ET.ParseError as exc:
        raise CallbackRejected("bad_xml", f"malformed XML: {exc}") from exc


def _int(node: ET.Element, path: str) -> int | None:
    value = (node.findtext(path) or "").strip()
    return int(value) if value.lstrip("-").isdigit() else None


async def handle(rt: Runtime, msg: ET.Element) -> str | None:
    """Apply the message; the passive reply's plaintext XML, or None to answer `success`."""
    msg_type = (msg.findtext("MsgType") or "").strip()
    event = (msg.findtext("Event") or "").strip()
    if msg_type != "event":
        return None
    if event == "PUBLISHJOBFINISH":
        info = msg.find("PublishEventInfo")
        if info is None or (_int(info, "publish_id") is None and not (info.findtext("publish_id") or "").strip()):
            return None
        status = _int(info, "publish_status")
        urls = [(i.findtext("article_url") or "").strip() for i in info.iterfind("article_detail/item")]
        fail_idx = [(f.text or "").strip() for f in info.iterfind("fail_idx")]
        applied = await publisher.publish_finished(rt, (info.findtext("publish_id") or "").strip(),
                                                   status if status is not None else 3,
                                                   (info.findtext("article_id") or "").strip() or None, urls, fail_idx)
        log.info("PUBLISHJOBFINISH %s status %s (%s)", info.findtext("publish_id"), status,
                 "applied" if applied else "nothing to change")
        return None
    if event == "MASSSENDJOBFINISH":
        msg_id = _int(msg, "MsgID")
        if msg_id is None:
            return None
        counts: dict[str, Any] = {"total": _int(msg, "TotalCount"), "filtered": _int(msg, "FilterCount"),
                                  "sent": _int(msg, "SentCount"), "errors": _int(msg, "ErrorCount")}
        applied = await publisher.mass_finished(rt, msg_id, (msg.findtext("Status") or "").strip(), counts)
        log.info("MASSSENDJOBFINISH %s %s (%s)", msg_id, msg.findtext("Status"),
                 "applied" if applied else "nothing to change")
        return None
    if event == "subscribe":
        reply = rt.settings.official_account.subscribe_reply
        if not reply:
            return None
        return text_reply((msg.findtext("FromUserName") or "").strip(), (msg.findtext("ToUserName") or "").strip(),
                          reply, int(rt.clock.now().timestamp()))
    return None
