"""The member's shipping notice: a subscribe message telling them a gift is on its way, with its tracking number.

One builder for every shipped gift (a mall redemption's, a lottery prize's), queued through the outbox in the
shipment's own transaction: shipped and told, or neither, and told once (the dedupe key names the parcel).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from app.runtime import Runtime
from app.services.outbox import service as outbox

# Keyword keys of the subscribe template configured as [miniprogram] subscribe_template_shipping (a "发货通知"
# template: gift, tracking number, carrier, time); WeChat limits thing to 20 chars and character_string to 32
# letters, digits and symbols (docs/wechat-protocols.md §1.5, 47003 otherwise).
SHIPPING_FIELDS = {"gift": "thing1", "tracking_no": "character_string2", "carrier": "thing3", "time": "time4"}
_TRACKING_OK = re.compile(r"[\x21-\x7e]{1,32}")


def shipping_notice(rt: Runtime, gift: str, carrier: str, tracking_no: str, shipped_at: datetime,
                    openid: str | None) -> dict[str, Any] | None:
    """The outbox payload, or None without a template, an openid, or a tracking number a character_string can
    carry (cut short it would be a wrong number: the member finds it on the gift in the mini-program instead)."""
    template = rt.settings.miniprogram.subscribe_template_shipping
    if not template or not openid or not _TRACKING_OK.fullmatch(tracking_no):
        return None
    values = {"gift": gift[:20], "tracking_no": tracking_no, "carrier": carrier[:20],
              "time": f"{shipped_at.astimezone(rt.clock.tz):%Y-%m-%d %H:%M}"}
    return {"openid": openid, "template_id": template, "page": None,
            "data": {SHIPPING_FIELDS[k]: v for k, v in values.items()}}


async def queue_shipping_notice(rt: Runtime, c: BaseDBAsyncClient, key: str, member_id: int, openid: str | None,
                                gift: str, carrier: str, tracking_no: str, shipped_at: datetime) -> bool:
    """Queue the notice inside the shipment's transaction `c`, once per `key`. True if a notice was queued.
    (The caller reads the member's openid with its shipment's UPDATE ... RETURNING: one round trip less a row.)"""
    payload = shipping_notice(rt, gift, carrier, tracking_no, shipped_at, openid)
    if payload is None:
        return False
    return await outbox.enqueue("subscribe", key, payload, now=shipped_at, member_id=member_id, c=c)
