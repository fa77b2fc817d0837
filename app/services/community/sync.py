"""Backfill and weekly reconciliation: pull customers, groups and tags from WeCom for the configured guides.

Callbacks are not the only truth (a lost callback, or a brand with 100k contacts before jifen): this pulls
the corp tag catalogue, every guide's customers (`batch/get_by_user`, 100 guides and 100 customers a page)
and every group (`groupchat/list` + `groupchat/get`) into the same graph the events keep. Relations dated
within the registration window earn what a callback would have (keyed awards, so nothing twice); older
history is mirrored without points. Guides are the active `StaffUser`s with a `wecom_userid`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from app.runtime import Runtime
from app.services.community import service
from app.wechat.wecom.client import WeComClient
from models import ContactFollow, ExternalContact, StaffUser

log = logging.getLogger("jifen.community")

Progress = Callable[[str], None]


async def run(rt: Runtime, progress: Progress | None = None) -> dict[str, int]:
    client = WeComClient(rt)
    now = rt.clock.now()
    since = now - timedelta(days=rt.settings.wecom.pending_window_days)
    say = progress or (lambda line: log.info(line))
    out = {"tags": await service.sync_all_tags(client, now), "customers": 0, "relations": 0, "groups": 0}
    say(f"wecom sync: {out['tags']} corp tags")
    guides = [s.wecom_userid for s in await StaffUser.filter(active=True, wecom_userid__not_isnull=True)
              .order_by("id") if s.wecom_userid]
    linked: set[tuple[str, int]] = set()
    for i in range(0, len(guides), 100):
        cursor = ""
        while True:
            page = await client.batch_get_by_user(guides[i:i + 100], cursor)
            for row in page.get("external_contact_list") or []:
                pair = await _store_relation(row, now)
                out["relations"] += 1
                if pair:
                    linked.add(pair)
            say(f"wecom sync: {out['relations']} guide-customer relations")
            cursor = page.get("next_cursor") or ""
            if not cursor:
                break
    cursor = ""
    while True:
        page = await client.group_list(cursor)
        for item in page.get("group_chat_list") or []:
            group = await service._group(str(item["chat_id"]), now)
            await service._pull_group(client, group, now, 0)
            out["groups"] += 1
        say(f"wecom sync: {out['groups']} groups")
        cursor = page.get("next_cursor") or ""
        if not cursor:
            break
    for contact in await ExternalContact.filter(member_id__not_isnull=True):
        linked.add((contact.external_userid, int(contact.member_id or 0)))
    for ext, member_id in sorted(linked):
        await service.credit_contact(rt, ext, member_id, since)
    out["customers"] = len({ext for ext, _ in linked})
    say(f"wecom sync done: {out}")
    return out


async def _store_relation(row: dict[str, Any], now: datetime) -> tuple[str, int] | None:
    ext_info, follow = row.get("external_contact") or {}, row.get("follow_info") or {}
    ext, userid = str(ext_info.get("external_userid") or ""), str(follow.get("userid") or "")
    if not ext or not userid:
        return None
    contact = await service._contact(ext, now)
    await service._link(contact, ext_info.get("unionid"), ext_info.get("name"), now)
    created = follow.get("createtime")
    added = datetime.fromtimestamp(int(created), UTC) if isinstance(created, int) else now
    existing = await ContactFollow.get_or_none(external_userid=ext, userid=userid)
    if existing is None:
        await ContactFollow.create(external_userid=ext, userid=userid, staff_id=await service._staff_id(userid),
                                   state=follow.get("state") or None, status="active", added_at=min(added, now))
    elif existing.status not in ("active", "half"):
        await ContactFollow.filter(id=existing.id).update(status="active", removed_at=None)
    await service._ensure_primary(ext)
    await service._sync_contact_tags(ext, userid, [{"tag_id": t, "type": 1} for t in follow.get("tag_id") or []])
    refreshed = await ExternalContact.get(external_userid=ext)
    return (ext, refreshed.member_id) if refreshed.member_id else None

