"""Admin views of the community graph: a member's guides, groups and tags; a guide's customers; events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.errors import Conflict, NotFound
from app.services.community import events
from models import (
    ContactFollow,
    ContactTag,
    CorpTag,
    CustomerGroup,
    ExternalContact,
    GroupMember,
    Member,
    WecomEvent,
    WecomEventRetry,
)


def _follow_view(f: ContactFollow) -> dict[str, Any]:
    return {"userid": f.userid, "external_userid": f.external_userid, "staff_id": f.staff_id, "state": f.state,
            "status": f.status, "is_primary": f.is_primary, "added_at": f.added_at.isoformat(),
            "removed_at": f.removed_at.isoformat() if f.removed_at else None}


async def member_graph(member_id: int) -> dict[str, Any]:
    if not await Member.exists(id=member_id):
        raise NotFound("no such member", code="member_not_found")
    contacts = await ExternalContact.filter(member_id=member_id)
    ids = [c.external_userid for c in contacts]
    follows = await ContactFollow.filter(external_userid__in=ids).order_by("added_at") if ids else []
    members = await GroupMember.filter(userid__in=ids).order_by("joined_at") if ids else []
    groups = {g.chat_id: g for g in await CustomerGroup.filter(chat_id__in=[m.chat_id for m in members])} \
        if members else {}
    tags = await ContactTag.filter(external_userid__in=ids) if ids else []
    catalogue = {t.tag_id: t for t in await CorpTag.filter(tag_id__in=[t.tag_id for t in tags])} if tags else {}
    return {
        "member_id": member_id,
        "contacts": [{"external_userid": c.external_userid, "name": c.name} for c in contacts],
        "guides": [_follow_view(f) for f in follows],
        "groups": [{"chat_id": m.chat_id, "name": groups[m.chat_id].name if m.chat_id in groups else None,
                    "owner_userid": groups[m.chat_id].owner_userid if m.chat_id in groups else None,
                    "group_status": groups[m.chat_id].status if m.chat_id in groups else None,
                    "status": m.status, "joined_at": m.joined_at.isoformat()} for m in members],
        "tags": [{"tag_id": t.tag_id, "by_userid": t.userid,
                  "name": catalogue[t.tag_id].name if t.tag_id in catalogue else None,
                  "group_name": catalogue[t.tag_id].group_name if t.tag_id in catalogue else None} for t in tags],
    }


async def guide_customers(userid: str, cursor: int | None, limit: int) -> dict[str, Any]:
    q = ContactFollow.filter(userid=userid).order_by("id")
    if cursor:
        q = q.filter(id__gt=cursor)
    rows = await q.limit(limit + 1)
    page = rows[:limit]
    contacts = {c.external_userid: c for c in await ExternalContact.filter(
        external_userid__in=[f.external_userid for f in page])} if page else {}
    items = [_follow_view(f) | {"member_id": contacts[f.external_userid].member_id
                                if f.external_userid in contacts else None} for f in page]
    return {"items": items, "next_cursor": page[-1].id if len(rows) > limit else None}


async def list_events(status: str | None, cursor: int | None, limit: int) -> dict[str, Any]:
    q = WecomEvent.all().order_by("-id")
    if status:
        q = q.filter(status=status)
    if cursor:
        q = q.filter(id__lt=cursor)
    rows = await q.limit(limit + 1)
    page = rows[:limit]
    return {"items": [event_view(e) for e in page], "next_cursor": page[-1].id if len(rows) > limit else None}


def event_view(e: WecomEvent) -> dict[str, Any]:
    return {"id": e.id, "event": e.event, "change_type": e.change_type, "status": e.status,
            "attempts": e.attempts, "last_error": e.last_error, "payload": e.payload,
            "received_at": e.received_at.isoformat(),
            "processed_at": e.processed_at.isoformat() if e.processed_at else None}


async def retry_event(event_id: int, operator: str, now: datetime) -> tuple[dict[str, Any], bool]:
    """Re-process an `ignored` or `failed` event (after the brand fixed what made it fail, or once jifen
    knows an event it ignored): pending again, due now, attempts from zero. Audited (`WecomEventRetry`).
    Idempotent: an event already requeued (pending or processing) is answered as it is, nothing added;
    a `done` event is a 409 (its effects happened; processing is keyed anyway). -> (event, requeued)."""
    before = await WecomEvent.get_or_none(id=event_id)
    if before is None:
        raise NotFound("no such event", code="event_not_found")
    if before.status == "done":
        raise Conflict("this event was processed; there is nothing to retry", code="event_done")
    outcome = await events.requeue(event_id, now)
    requeued = bool(outcome and outcome[1])
    if requeued and outcome is not None:
        await WecomEventRetry.create(event_id=event_id, operator=operator[:64], status_before=outcome[0],
                                     last_error=before.last_error, requested_at=now)
    return event_view(await WecomEvent.get(id=event_id)), requeued
