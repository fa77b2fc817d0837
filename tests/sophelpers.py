"""Building the community graph of SOP tests: stores, guides, their customers (in jifen and in the sandbox)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from app.auth import issue_token
from app.clock import clock
from models import ContactFollow, ContactTag, ExternalContact, Member, StaffUser, Store


async def store(code: str, region: str) -> Store:
    return await Store.create(code=code, name=f"店{code}", region=region)


async def guide(userid: str, store_id: int | None) -> StaffUser:
    return await StaffUser.create(name=f"导购{userid}", role="guide", wecom_userid=userid, store_id=store_id)


def token(rt: Any, staff: StaffUser) -> str:
    return issue_token(rt.settings.auth.secret, staff.id, staff.role, int(clock.now().timestamp()), 3600)


async def member(**fields: Any) -> Member:
    name = uuid.uuid4().hex[:12]
    return await Member.create(openid=f"o{name}", invite_code=name[:10], unionid=f"u{name}", **fields)


async def customer(sandbox: Any, userid: str, ext: str, *, member_id: int | None = None,
                   tags: tuple[str, ...] = (), primary: bool = True, sandbox_tags: tuple[str, ...] | None = None,
                   now: datetime | None = None) -> ExternalContact:
    """A customer of guide `userid` in jifen's graph, and the same relation in the sandbox's WeCom."""
    now = now or clock.now()
    contact = await ExternalContact.create(external_userid=ext, member_id=member_id, name=f"客户{ext}",
                                           created_at=now, updated_at=now)
    await ContactFollow.create(external_userid=ext, userid=userid, status="active", is_primary=primary,
                               added_at=now)
    for t in tags:
        await ContactTag.create(external_userid=ext, userid=userid, tag_id=t)
    record = sandbox.state.wecom_contacts.setdefault(ext, {"external_contact": {"external_userid": ext, "name": ext,
                                                                                "type": 1}, "follow_user": []})
    record["follow_user"].append({"userid": userid, "state": "", "add_way": 1, "createtime": int(now.timestamp()),
                                  "tags": [{"tag_id": t, "group_name": "g", "tag_name": t, "type": 1}
                                           for t in (tags if sandbox_tags is None else sandbox_tags)]})
    return contact
