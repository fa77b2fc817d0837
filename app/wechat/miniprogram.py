"""Mini-program server APIs (docs/wechat-protocols.md §1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.wechat.base import WeChatHttp
from app.wechat.tokens import TokenStore


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
        payload: dict[str, Any] = {
            "touser": openid, "template_id": template_id,
            "data": {k: {"value": v} for k, v in data.items()}, "miniprogram_state": state,
        }
        if page:
            payload["page"] = page
        body = await self.http.call("POST", "/cgi-bin/message/subscribe/send", json_body=payload,
                                    token=self.tokens.get, replay_safe=False)
        return body.get("msgid")
