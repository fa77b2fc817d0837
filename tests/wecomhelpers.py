"""Playing WeCom against the test app: encrypted, signed callbacks built with the configured credentials."""

from __future__ import annotations

import secrets
import time
from typing import Any
from urllib.parse import urlencode

from app.wechat.wecom.crypto import WeComCallbackCrypto


def event_xml(corpid: str, fields: dict[str, Any]) -> str:
    """A decrypted WeCom event; list values become `<Item>` children, other values CDATA text."""
    parts = [f"<ToUserName><![CDATA[{corpid}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>",
             "<MsgType><![CDATA[event]]></MsgType>"]
    fields = {"CreateTime": int(time.time()), **fields}
    for key, value in fields.items():
        if isinstance(value, list):
            items = "".join(f"<Item><![CDATA[{v}]]></Item>" for v in value)
            parts.append(f"<{key}>{items}</{key}>")
        elif isinstance(value, int):
            parts.append(f"<{key}>{value}</{key}>")
        else:
            parts.append(f"<{key}><![CDATA[{value}]]></{key}>")
    return "<xml>" + "".join(parts) + "</xml>"


def signed_post(cfg: Any, plaintext: str, *, timestamp: int | None = None, nonce: str | None = None,
                receive_id: str | None = None, to_user: str | None = None) -> tuple[str, bytes]:
    """(path with query, body) of an encrypted event POST, as WeCom sends it (docs/wechat-protocols.md §3.4)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    nonce = nonce or str(secrets.randbelow(10**10))
    crypto = WeComCallbackCrypto(cfg.callback_token, cfg.callback_aes_key, receive_id or cfg.corpid)
    encrypted, sig = crypto.encrypt(plaintext, nonce, ts)
    body = (f"<xml><ToUserName><![CDATA[{to_user or cfg.corpid}]]></ToUserName>"
            f"<Encrypt><![CDATA[{encrypted}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>")
    return "/wecom/callback?" + urlencode({"msg_signature": sig, "timestamp": ts, "nonce": nonce}), body.encode()


async def deliver(api: Any, cfg: Any, fields: dict[str, Any], **kw: Any) -> tuple[int, Any]:
    path, body = signed_post(cfg, event_xml(cfg.corpid, fields), **kw)
    return await api.call("POST", path, data=body, headers={"content-type": "text/xml"})
