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

import functools
import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, model_validator

from app import caches
from app.db import conn, is_postgres_conn
from app.errors import NotFound, Unauthorized
from app.runtime import Runtime
from app.sqlx import fetch, fetchrow, to_json
from models import CommunityInteraction, CommunitySource

MAX_SKEW_SECONDS = 300
# an active source's secret is kept in the process this long: sources change rarely (created by an admin),
# and the hot path saves a statement; a source deactivated in the database is refused within this time
SOURCE_TTL_SECONDS = 10.0
_SOURCES: dict[int, tuple[str, float]] = {}
caches.register(_SOURCES.clear)
_monotonic = time.monotonic  # (tests move it)
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


@dataclass(frozen=True)
class Source:
    """The authenticated caller (the hot path reads only its id and secret, with one statement)."""

    id: int


async def authenticate(headers: Any, body: bytes, now: float) -> Source:
    """The source whose secret signed this request; 401 for anything else (same answer for every failure
    but the clock, so a caller cannot probe which sources exist)."""
    source_id, ts, sig = (headers.get("X-Jifen-Source") or "", headers.get("X-Jifen-Timestamp") or "",
                          headers.get("X-Jifen-Signature") or "")
    if not ts.isdigit() or len(ts) > 12:
        raise Unauthorized("X-Jifen-Timestamp must be a unix time", code="bad_timestamp")
    if abs(int(ts) - int(now)) > MAX_SKEW_SECONDS:
        raise Unauthorized("X-Jifen-Timestamp more than 5 minutes off", code="stale_timestamp")
    secret = await _secret(int(source_id)) if source_id.isdigit() and len(source_id) < 19 else None
    expected = sign(secret or "-", ts, body)
    if secret is None or not hmac.compare_digest(expected, sig.lower()):
        raise Unauthorized("bad source or signature", code="bad_signature")
    return Source(int(source_id))


async def _secret(source_id: int) -> str | None:
    """The secret of an active source (cached SOURCE_TTL_SECONDS per process), None for any other id."""
    hit = _SOURCES.get(source_id)
    if hit is not None and _monotonic() < hit[1]:
        return hit[0]
    row = await fetchrow(conn(), "SELECT secret FROM community_sources WHERE id = $1 AND active = $2",
                         [source_id, True])
    if row is None:
        _SOURCES.pop(source_id, None)
        return None
    if len(_SOURCES) >= 1024:  # bounded: a brand has a handful of sources
        _SOURCES.clear()
    _SOURCES[source_id] = (str(row["secret"]), _monotonic() + SOURCE_TTL_SECONDS)
    return str(row["secret"])


def forget_source(source_id: int) -> None:
    """Drop a source's cached secret in this process (call after deactivating or rotating it)."""
    _SOURCES.pop(source_id, None)


async def create_source(name: str, now: datetime) -> tuple[CommunitySource, str]:
    secret = secrets.token_urlsafe(32)
    return await CommunitySource.create(name=name, secret=secret, created_at=now), secret


def _answer(row: CommunityInteraction, status: str) -> dict[str, Any]:
    result = to_json(row.result) or {}
    return {"status": status, "interaction_id": row.id, "ref": row.ref, "kind": row.kind,
            "member_id": row.member_id, "points": result.get("points", 0), "reason": result.get("reason"),
            "trace": result.get("trace", {})}


async def _award(rt: Runtime, row_id: int, source_id: int, ref: str, kind: str, group_id: str | None,
                 member_id: int, *, at: datetime | None = None, snap: Any = None) -> tuple[str, dict[str, Any]]:
    """The award of one interaction, its outcome written on the row (one UPDATE) -> (status, result).
    `snap`: award()'s snapshot, already read at `at` with the interaction's INSERT."""
    from app.services.community.service import INTERACTION_EVENT
    from app.services.points.engine import award

    result = await award(rt, member_id, INTERACTION_EVENT, f"community:{source_id}:{ref}",
                         {"kind": kind, "group_id": group_id, "source": f"community:{source_id}"}, at=at, snap=snap)
    if result.status in ("awarded", "pending"):
        status = "awarded"
    elif result.status == "duplicate":
        status = "awarded" if result.points else "none"
    elif result.reason in _CAP_REASONS:
        status = "capped"
    else:
        status = "none"
    outcome = {"points": result.points, "reason": result.reason, "trace": result.trace}
    await fetch(conn(), "UPDATE community_interactions SET member_id = $2, status = $3, result = $4 WHERE id = $1",
                [row_id, member_id, status, outcome])
    return status, outcome


# the interaction recorded in one statement: unique per (source, ref); with a member id, only if the member
# exists (no row back: a duplicate or no such member, told apart off the hot path)
_INSERT = """
INSERT INTO community_interactions (source_id, ref, kind, external_userid, member_id, group_id, status, occurred_at)
{values}
ON CONFLICT (source_id, ref) DO NOTHING RETURNING id
"""
_BY_MEMBER = _INSERT.format(values="SELECT $1, $2, $3, $4, m.id, $6, $7, $8 FROM members m WHERE m.id = $5")
_BY_CONTACT = _INSERT.format(values="VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")


@functools.cache
def _by_member_with_snapshot() -> str:
    """PostgreSQL: the INSERT by member id and award()'s snapshot (rule $9, day $10, award key $11) in one
    statement, one round trip less. No row back: a duplicate or no such member, as for `_BY_MEMBER`. The
    snapshot is read as of the statement's start, as a statement of its own before the INSERT would; the
    ledger statement re-checks the caps (a race re-plans with a fresh snapshot)."""
    from app.services.points.engine import snapshot_sql

    return (f"WITH ins AS ({_BY_MEMBER}) SELECT ins.id, s.* FROM ins CROSS JOIN "
            f"({snapshot_sql('$5', '$9', '$10', '$11')}) AS s")


async def report(rt: Runtime, source: Source, body: InteractionIn) -> tuple[int, dict[str, Any]]:
    """-> (HTTP status, answer): awarded | duplicate | capped | pending_registration | none.

    The hot path is what the raw award transaction does plus the signature: the source's secret (cached), one
    INSERT of the interaction, the award (`award()`: snapshot and one ledger statement), one UPDATE of the
    outcome; on PostgreSQL the INSERT also reads the award's snapshot (three round trips in all)."""
    now = rt.clock.now()
    c = conn()
    member_id: int | None = body.member_id
    if member_id is None:
        contact = await fetchrow(c, "SELECT member_id FROM wecom_contacts WHERE external_userid = $1",
                                 [body.external_userid])
        member_id = int(contact["member_id"]) if contact and contact["member_id"] is not None else None
    status0 = "new" if member_id is not None else "pending"
    args = [source.id, body.ref, body.kind, body.external_userid, member_id, body.group_id, status0, now]
    snap = rule = None
    if body.member_id is not None and is_postgres_conn(c):
        from app.services.community.service import INTERACTION_EVENT
        from app.services.points.config_cache import config_cache

        rule = (await config_cache.get()).rule_for(INTERACTION_EVENT, now)
    if rule is not None:
        day = f"d:{rt.clock.day_of(now).isoformat()}"
        rows = await fetch(c, _by_member_with_snapshot(), [*args, rule.id, day, f"community:{source.id}:{body.ref}"])
        snap = rows[0] if rows else None
    else:
        rows = await fetch(c, _BY_MEMBER if body.member_id is not None else _BY_CONTACT, args)
    if not rows:
        row = await CommunityInteraction.get_or_none(source_id=source.id, ref=body.ref)
        if row is None:
            raise NotFound("no such member", code="member_not_found")
        if row.status == "new" and row.member_id is not None:  # the first request died before awarding
            row.status, row.result = await _award(rt, row.id, source.id, row.ref, row.kind, row.group_id,
                                                  row.member_id)
        return 200, _answer(row, "duplicate") | {"first_status": row.status}
    row_id = int(rows[0]["id"])
    answer = {"interaction_id": row_id, "ref": body.ref, "kind": body.kind, "member_id": member_id}
    if member_id is None:
        return 202, answer | {"status": "pending_registration", "points": 0, "reason": None, "trace": {}}
    status, outcome = await _award(rt, row_id, source.id, body.ref, body.kind, body.group_id, member_id, at=now,
                                   snap=snap)
    answer |= {"status": status, "points": outcome["points"], "reason": outcome["reason"], "trace": outcome["trace"]}
    return (201 if status == "awarded" else 200), answer


async def credit_pending(rt: Runtime, external_userid: str, member_id: int, since: datetime) -> int:
    """Interactions of a customer who just became a member, reported within the window."""
    made = 0
    for row in await CommunityInteraction.filter(external_userid=external_userid, status="pending",
                                                 occurred_at__gte=since).order_by("id"):
        await _award(rt, row.id, row.source_id, row.ref, row.kind, row.group_id, member_id)
        made += 1
    return made


def source_view(source: CommunitySource) -> dict[str, Any]:
    return {"id": source.id, "name": source.name, "active": source.active,
            "created_at": source.created_at.isoformat()}

