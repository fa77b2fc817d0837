"""WeCom app messages to staff (`message/send`), over the one client base (`WeComClient`).

docs/wechat-protocols.md §5.2: textcard (title <= 128 B, description <= 512 B, url with scheme, btntxt <= 4
chars); per member per app <= 30 a minute and <= 1000 an hour, the excess silently dropped, so callers count
before sending.
"""

from __future__ import annotations

from typing import Any

from app.wechat.wecom.client import WeComClient


def _cut(text: str, limit: int) -> str:
    raw = text.encode()
    return text if len(raw) <= limit else raw[:limit].decode(errors="ignore")


async def send_textcard(client: WeComClient, touser: str, title: str, description: str, url: str,
                        btntxt: str = "详情") -> dict[str, Any]:
    """POST message/send, msgtype textcard, as the self-built app."""
    return await client.http.call("POST", "/cgi-bin/message/send", json_body={
        "touser": touser, "msgtype": "textcard", "agentid": client.agent_id,
        "textcard": {"title": _cut(title, 128), "description": _cut(description, 512), "url": url,
                     "btntxt": btntxt[:4]},
    }, token=client.agent_token.get, replay_safe=False)
