"""Community interactions reported server to server (`POST /community/v1/interactions`) and their sources.

A source (the brand's group bot, a community tool) signs each request: `X-Jifen-Signature` = hex
HMAC-SHA256(secret, timestamp + "\\n" + raw body), `X-Jifen-Timestamp` within 5 minutes of our clock. `ref`
is the source's id of the interaction and its idempotency key: the row is unique per (source, ref) and the
award key is `community:<source>:<ref>`, so a repeat answers `duplicate` with the first outcome. The award
goes through `award()` with the `community_interaction` rule (10 points, daily caps by default), so caps,
multipliers and the budget are the same as everywhere; a customer who is not a member yet gets `pending`,
credited if the member registers within `[wecom] pending_window_days`.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, model_validator

from app.errors import NotFound, Unauthorized
from app.runtime import Runtime
from app.sqlx import to_json
from models import CommunityInteraction, CommunitySource, ExternalContact, Member

MAX_SKEW_SECONDS = 300
BUILTIN_KINDS = ("sign_in", "post", "reply", "like", "share", "buyer_show", "morning_read", "q_and_a")
_KIND = re.compile(r"^[a-z][a-z0-9_]{1,31}$")
_CAP_REASONS = frozenset({"daily_count_cap", "daily_points_cap", "total_points_cap", "once_per_member"})


class InteractionIn(BaseModel):
    external_userid: str | None = Field(default=None, min_length=1, max_length=64)
    member_id: int | None = Field(default=None, ge=1, le=2**62)
    kind: str = Field(min_length=2, max_length=32, pattern=_KIND.pattern,
                      description="sign_in, post, reply, like, share, buyer_show, morning_read, q_and_a, or the "
                                  "brand's own (lowercase, digits, underscore)")
    group_id: str | None = Field(default=None, min_length=1, max_length=64)
    ref: str = Field(min_length=1, max_length=128, description="the source's id of the interaction (idempotency)")

    @model_validator(mode="after")
    def _one_subject(self) -> InteractionIn:
        if (self.external_userid is None) == (self.member_id is None):
            raise ValueError("give exactly one of external_userid and member_id")
        return self


class SourceIn(BaseModel):
    name: str = Field(min_length=1, max_length=64)


def sign(secret: str, timestamp: str, body: bytes) -> str:
    return hmac.new(secret.encode(), timestamp.encode() + b"\n" + body, hashlib.sha256).hexdigest()


async def authenticate(headers: Any, body: bytes, now: float) -> CommunitySource:
    """The source whose secret signed this request; 401 for anything else (same answer for every failure
    but the clock, so a caller cannot probe which sources exist)."""
    source_id, ts, sig = (headers.get("X-Jifen-Source") or "", headers.get("X-Jifen-Timestamp") or "",
                          headers.get("X-Jifen-Signature") or "")
    if not ts.isdigit() or len(ts) > 12:
        raise Unauthorized("X-Jifen-Timestamp must be a unix time", code="bad_timestamp")
    if abs(int(ts) - int(now)) > MAX_SKEW_SECONDS:
        raise Unauthorized("X-Jifen-Timestamp more than 5 minutes off", code="stale_timestamp")
    source = None
    if source_id.isdigit() and len(source_id) < 19:
        source = await CommunitySource.get_or_none(id=int(source_id), active=True)
    expected = sign(source.secret if source else "-", ts, body)
    if source is None or not hmac.compare_digest(expected, sig.lower()):
        raise Unauthorized("bad source or signature", code="bad_signature")
    return source


async def create_source(name: str, now: datetime) -> tuple[CommunitySource, str]:
    secret = secrets.token_urlsafe(32)
    return await CommunitySource.create(name=name, secret=secret, created_at=now), secret


def _answer(row: CommunityInteraction, status: str) -> dict[str, Any]:
    result = to_json(row.result) or {}
    return {"status": status, "interaction_id": row.id, "ref": row.ref, "kind": row.kind,
            "member_id": row.member_id, "points": result.get("points", 0), "reason": result.get("reason"),
            "trace": result.get("trace", {})}


async def _award(rt: Runtime, row: CommunityInteraction, member_id: int) -> str:
    from app.services.community.service import INTERACTION_EVENT
    from app.services.points.engine import award

    result = await award(rt, member_id, INTERACTION_EVENT, f"community:{row.source_id}:{row.ref}",
                         {"kind": row.kind, "group_id": row.group_id, "source": f"community:{row.source_id}"})
    if result.status in ("awarded", "pending"):
        status = "awarded"
    elif result.status == "duplicate":
        status = "awarded" if result.points else "none"
    elif result.reason in _CAP_REASONS:
        status = "capped"
    else:
        status = "none"
    row.member_id, row.status = member_id, status
    row.result = {"points": result.points, "reason": result.reason, "trace": result.trace}
    await row.save(update_fields=["member_id", "status", "result"])
    return status


async def report(rt: Runtime, source: CommunitySource, body: InteractionIn) -> tuple[int, dict[str, Any]]:
    """-> (HTTP status, answer): awarded | duplicate | capped | pending_registration | none."""
    now = rt.clock.now()
    member_id: int | None = None
    if body.member_id is not None:
        if not await Member.exists(id=body.member_id):
            raise NotFound("no such member", code="member_not_found")
        member_id = body.member_id
    else:
        contact = await ExternalContact.get_or_none(external_userid=body.external_userid)
        member_id = contact.member_id if contact else None
    row, created = await CommunityInteraction.get_or_create(
        source_id=source.id, ref=body.ref,
        defaults={"kind": body.kind, "external_userid": body.external_userid, "member_id": member_id,
                  "group_id": body.group_id, "status": "new", "occurred_at": now})
    if not created:
        if row.status == "new" and row.member_id is not None:  # the first request died before awarding
            await _award(rt, row, row.member_id)
        return 200, _answer(row, "duplicate") | {"first_status": row.status}
    if member_id is None:
        row.status = "pending"
        await row.save(update_fields=["status"])
        return 202, _answer(row, "pending_registration")
    status = await _award(rt, row, member_id)
    return (201 if status == "awarded" else 200), _answer(row, status)


async def credit_pending(rt: Runtime, external_userid: str, member_id: int, since: datetime) -> int:
    """Interactions of a customer who just became a member, reported within the window."""
    made = 0
    for row in await CommunityInteraction.filter(external_userid=external_userid, status="pending",
                                                 occurred_at__gte=since).order_by("id"):
        await _award(rt, row, member_id)
        made += 1
    return made


def source_view(source: CommunitySource) -> dict[str, Any]:
    return {"id": source.id, "name": source.name, "active": source.active,
            "created_at": source.created_at.isoformat()}

