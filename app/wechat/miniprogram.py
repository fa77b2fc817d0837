"""Mini-program server APIs (docs/wechat-protocols.md §1)."""

from __future__ import annotations

from dataclasses import dataclass
from json.encoder import encode_basestring  # type: ignore[attr-defined]  # the C one, as json.dumps uses
from typing import Any

from app.wechat.base import WeChatHttp, json_bytes
from app.wechat.tokens import TokenStore

SUBSCRIBE_SEND = "/cgi-bin/message/subscribe/send"

# '"<keyword>":{"value":' per template keyword: a template has a handful, shared by every message sent with it
_KEYWORD_PARTS: dict[str, str] = {}


def subscribe_body(openid: str, template_id: str, data: dict[str, Any], page: str | None = None,
                   state: str = "formal") -> bytes:
    """The subscribe/send body, byte for byte what `json_bytes` makes of it, assembled from pre-encoded parts.

    Why: this is the outbox's hot path (every payment receipt); the generic encoder walks a nested dict per
    message and cost ~6 us of the ~8 us per body. Anything but plain strings takes the generic encoder."""
    if type(openid) is not str or type(template_id) is not str or type(state) is not str or (
            page is not None and type(page) is not str):
        return json_bytes(_subscribe_payload(openid, template_id, data, page, state))
    parts = []
    for keyword, value in data.items():
        part = _KEYWORD_PARTS.get(keyword)
        if part is None:
            if type(keyword) is not str:
                return json_bytes(_subscribe_payload(openid, template_id, data, page, state))
            if len(_KEYWORD_PARTS) >= 1024:
                _KEYWORD_PARTS.clear()
            part = _KEYWORD_PARTS[keyword] = f'{encode_basestring(keyword)}:{{"value":'
        parts.append(part + (encode_basestring(value) if type(value) is str else json_bytes(value).decode()) + "}")
    text = (f'{{"touser":{encode_basestring(openid)},"template_id":{encode_basestring(template_id)},'
            f'"data":{{{",".join(parts)}}},"miniprogram_state":{encode_basestring(state)}')
    if page:
        text += f',"page":{encode_basestring(page)}'
    return (text + "}").encode()


def _subscribe_payload(openid: Any, template_id: Any, data: dict[str, Any], page: Any, state: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "touser": openid, "template_id": template_id,
        "data": {k: {"value": v} for k, v in data.items()}, "miniprogram_state": state,
    }
    if page:
        payload["page"] = page
    return payload


@dataclass(frozen=True)
class Session:
    openid: str
    session_key: str
    unionid: str | None


class MiniProgramClient:
    def __init__(self, http: WeChatHttp, tokens: TokenStore, appid: str, secret: str) -> None:
        self.http = http
        self.tokens = tokens
        self.appid = appid
        self.secret = secret

    async def code2session(self, js_code: str) -> Session:
        """GET /sns/jscode2session — needs appid+secret, not an access token."""
        body = await self.http.call("GET", "/sns/jscode2session", params={
            "appid": self.appid, "secret": self.secret, "js_code": js_code,
            "grant_type": "authorization_code",
        }, replay_safe=False)
        return Session(openid=body["openid"], session_key=body["session_key"], unionid=body.get("unionid"))

    async def phone_number(self, code: str) -> dict[str, Any]:
        body = await self.http.call("POST", "/wxa/business/getuserphonenumber", json_body={"code": code},
                                    token=self.tokens.get, replay_safe=False)
        return dict(body["phone_info"])

    async def send_subscribe_message(self, openid: str, template_id: str, data: dict[str, str],
                                     page: str | None = None, state: str = "formal") -> int | None:
        body = await self.http.call("POST", SUBSCRIBE_SEND, body=subscribe_body(openid, template_id, data, page, state),
                                    token=self.tokens.get, replay_safe=False)
        return body.get("msgid")
