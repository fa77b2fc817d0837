"""WeCom contact-me configurations (docs/wechat-protocols.md §5.13): a guide's personal QR code.

Called with the customer-contact secret's token. `add_contact_way` is not idempotent on WeCom's side (every
call makes a new configuration and there is no lookup by state), so it is never replayed after a timeout and
the caller claims the creation in the database first (`app.services.staff.cards`).
"""

from __future__ import annotations

from typing import Any

from app.runtime import Runtime

CONTACT = "/cgi-bin/externalcontact"


class ContactWays:
    def __init__(self, rt: Runtime) -> None:
        cfg = rt.settings.wecom
        self.http = rt.wecom_http
        self.token = rt.wecom_token(cfg.corpid, cfg.contact_secret)

    async def add_single_qr(self, userid: str, state: str, remark: str = "") -> dict[str, Any]:
        """POST add_contact_way, type 1 (one guide), scene 2 (QR code) -> {config_id, qr_code}."""
        body: dict[str, Any] = {"type": 1, "scene": 2, "style": 1, "skip_verify": True, "state": state,
                                "user": [userid]}
        if remark:
            body["remark"] = remark[:30]
        out = await self.http.call("POST", CONTACT + "/add_contact_way", json_body=body, token=self.token.get,
                                   replay_safe=False)
        return {"config_id": str(out["config_id"]), "qr_code": str(out.get("qr_code") or "")}

    async def get(self, config_id: str) -> dict[str, Any]:
        """POST get_contact_way -> the `contact_way` object (config_id, type, scene, state, qr_code, user[])."""
        out = await self.http.call("POST", CONTACT + "/get_contact_way", json_body={"config_id": config_id},
                                   token=self.token.get)
        return dict(out["contact_way"])
