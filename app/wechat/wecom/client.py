"""WeCom server APIs jifen calls (docs/wechat-protocols.md §5), over the one client base.

Two credentials, two tokens from the one store (`Runtime.wecom_token`, one refresher per secret across
workers): the customer-contact secret for `externalcontact/*`, the self-built app's secret for
`message/send`. Errcodes arrive as the typed errors of `app.wechat.errors` (40014/42001 refresh the token
once inside the base; 45009/45033 `RateLimited` with the errcode kept, so the caller picks the backoff: the
community worker backs off 45009 (frequency) for a jittered minute doubling to an hour, and on 45033
(concurrency) puts its batch back and processes single-flight across workers for a minute; 60011
`NoPrivilege` and 84061 `NotExternalContact` are permanent, never retried; 41051/41096
`WelcomeNotSendable`).
"""

from __future__ import annotations

from typing import Any

from app.runtime import Runtime

CONTACT = "/cgi-bin/externalcontact"


class WeComClient:
    def __init__(self, rt: Runtime) -> None:
        cfg = rt.settings.wecom
        self.http = rt.wecom_http
        self.contact_token = rt.wecom_token(cfg.corpid, cfg.contact_secret)
        self.agent_token = rt.wecom_token(cfg.corpid, cfg.agent_secret)
        self.agent_id = cfg.agent_id

    async def _contact(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                       body: dict[str, Any] | None = None, replay_safe: bool = True) -> dict[str, Any]:
        return await self.http.call(method, CONTACT + path, params=params, json_body=body,
                                    token=self.contact_token.get, replay_safe=replay_safe)

    async def get_contact(self, external_userid: str) -> dict[str, Any]:
        """GET externalcontact/get (docs/wechat-protocols.md §5.6): `external_contact` (unionid when the
        mini-program shares the open-platform account) and `follow_user[]` (userid, state, tags[])."""
        return await self._contact("GET", "/get", params={"external_userid": external_userid})

    async def batch_get_by_user(self, userids: list[str], cursor: str = "", limit: int = 100) -> dict[str, Any]:
        """POST externalcontact/batch/get_by_user (docs/wechat-protocols.md §5.6): a page of the guides' customers."""
        return await self._contact("POST", "/batch/get_by_user",
                                   body={"userid_list": userids, "cursor": cursor, "limit": limit})

    async def corp_tags(self, tag_ids: list[str] | None = None, group_ids: list[str] | None = None,
                        ) -> list[dict[str, Any]]:
        """POST externalcontact/get_corp_tag_list (docs/wechat-protocols.md §5.5) -> tag groups with their tags."""
        body: dict[str, Any] = {}
        if tag_ids:
            body["tag_id"] = tag_ids
        if group_ids:
            body["group_id"] = group_ids
        return list((await self._contact("POST", "/get_corp_tag_list", body=body)).get("tag_group", []))

    async def mark_tag(self, userid: str, external_userid: str, add: list[str], remove: list[str]) -> None:
        """POST externalcontact/mark_tag (docs/wechat-protocols.md §5.5)."""
        await self._contact("POST", "/mark_tag", body={"userid": userid, "external_userid": external_userid,
                                                       "add_tag": add, "remove_tag": remove})

    async def group_list(self, cursor: str = "", limit: int = 1000, owners: list[str] | None = None,
                         ) -> dict[str, Any]:
        """POST externalcontact/groupchat/list (docs/wechat-protocols.md §5.7)."""
        body: dict[str, Any] = {"status_filter": 0, "cursor": cursor, "limit": limit}
        if owners:
            body["owner_filter"] = {"userid_list": owners}
        return await self._contact("POST", "/groupchat/list", body=body)

    async def group(self, chat_id: str) -> dict[str, Any]:
        """POST externalcontact/groupchat/get (docs/wechat-protocols.md §5.7) -> `group_chat` (owner, name,
        member_list, member_version)."""
        return dict((await self._contact("POST", "/groupchat/get", body={"chat_id": chat_id,
                                                                        "need_name": 1}))["group_chat"])

    async def send_welcome(self, welcome_code: str, text: str, link: str | None) -> None:
        """POST externalcontact/send_welcome_msg (docs/wechat-protocols.md §5.3): once per code, within 20 s
        of the event."""
        body: dict[str, Any] = {"welcome_code": welcome_code, "text": {"content": text}}
        if link:
            body["attachments"] = [{"msgtype": "link", "link": {"title": "会员中心", "url": link}}]
        await self._contact("POST", "/send_welcome_msg", body=body, replay_safe=False)

    async def send_text(self, touser: str, content: str) -> dict[str, Any]:
        """POST message/send (docs/wechat-protocols.md §5.2) as the self-built app."""
        return await self.http.call("POST", "/cgi-bin/message/send", json_body={
            "touser": touser, "msgtype": "text", "agentid": self.agent_id, "text": {"content": content},
        }, token=self.agent_token.get, replay_safe=False)
