"""WeCom OAuth for the workbench H5 (docs/wechat-protocols.md §5.12): how a guide signs in from WeCom.

The authorize URL is a browser redirect (no API call); `auth/getuserinfo` turns the code into the member's
userid with the self-built app's token. Codes are single use, so the exchange is never replayed after a timeout
(`replay_safe=False`): a second try would only answer 40029.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from app.runtime import Runtime


@dataclass(frozen=True)
class WeComVisitor:
    """Who opened the page: a corp member (`userid`) or an outsider (`openid`, maybe `external_userid`)."""

    userid: str | None
    openid: str | None = None
    external_userid: str | None = None


class WeComOAuth:
    def __init__(self, rt: Runtime) -> None:
        cfg = rt.settings.wecom
        self.http = rt.wecom_http
        self.token = rt.wecom_token(cfg.corpid, cfg.agent_secret)
        self.corpid = cfg.corpid
        self.agent_id = cfg.agent_id
        self.authorize_base = rt.settings.guides.oauth_authorize_base.rstrip("/")

    def authorize_url(self, redirect_uri: str, state: str) -> str:
        """The silent `snsapi_base` link (docs/wechat-protocols.md §5.12): WeCom returns to
        `redirect_uri?code=&state=`."""
        query = urlencode({"appid": self.corpid, "redirect_uri": redirect_uri, "response_type": "code",
                           "scope": "snsapi_base", "state": state, "agentid": self.agent_id}, quote_via=quote)
        return f"{self.authorize_base}/connect/oauth2/authorize?{query}#wechat_redirect"

    async def visitor(self, code: str) -> WeComVisitor:
        """GET auth/getuserinfo (docs/wechat-protocols.md §5.12); 40029 arrives as `InvalidCode`. The legacy
        capitalised keys (`UserId`, `OpenId`) are accepted too."""
        body: dict[str, Any] = await self.http.call("GET", "/cgi-bin/auth/getuserinfo", params={"code": code},
                                                    token=self.token.get, replay_safe=False)
        userid = body.get("userid") or body.get("UserId")
        return WeComVisitor(userid=str(userid) if userid else None,
                            openid=body.get("openid") or body.get("OpenId"),
                            external_userid=body.get("external_userid"))
