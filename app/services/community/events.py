"""Recording WeCom callbacks and claiming them for processing (the inbox half of the callback).

Why record first: WeCom waits 5 s and retries; processing calls WeCom's own APIs and the ledger. So the
callback only verifies, decrypts and records the event (one INSERT, unique on a key derived from its
content), and a worker claims recorded events in batches with a conditional UPDATE (a lease in
`next_attempt_at`, SKIP LOCKED on PostgreSQL): the event task of the process that recorded them (signalled
by the record, see `service.signal`), and every few seconds the scheduler, which also picks up what a
crashed worker left half done.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.db import conn, is_postgres_conn
from app.sqlx import Claim, fetch, to_json

LEASE = timedelta(seconds=120)
RECEIVED = "_jifen_received_at"
KNOWN_EVENTS = frozenset({"change_external_contact", "change_external_chat", "change_external_tag"})
# the ids each event carries (docs/wechat-protocols.md §4.1-§4.3), in key order
_KEY_FIELDS = ("UpdateDetail", "UserID", "ExternalUserID", "ChatId", "Id", "TagType", "StrategyId", "CurMemVer",
               "Source")


def member_changes(value: Any) -> list[str]:
    """`MemChangeList` in either wire shape (docs/wechat-protocols.md §4.2): `<Item>` elements, or one
    comma-separated text."""
    if isinstance(value, list):
        items = value
    elif isinstance(value, str):
        items = value.split(",")
    else:
        return []
    return [i.strip() for i in items if i and i.strip()]


def event_key(msg: dict[str, Any]) -> str:
    """Derived from the content, never from FromUserName (`sys` for every customer event): the event,
    its change type, the ids it carries, the changed members and CreateTime. WeCom's retries carry the same
    content, so they collide; two distinct changes never do. Unknown events: the whole message."""
    event = str(msg.get("Event") or msg.get("MsgType") or "unknown")
    if event not in KNOWN_EVENTS:
        material = repr(sorted(msg.items()))
    else:
        parts = [event, str(msg.get("ChangeType", ""))] + [str(msg.get(f, "")) for f in _KEY_FIELDS]
        parts += [",".join(sorted(member_changes(msg.get("MemChangeList")))), str(msg.get("CreateTime", ""))]
        material = "\x1f".join(parts)
    digest = hashlib.sha256(material.encode()).hexdigest()[:40]
    return f"{event[:40]}:{str(msg.get('ChangeType', ''))[:40]}:{digest}"


NEW, DUPLICATE, REPLAYED = "new", "duplicate", "replayed"

_RECORD = """
INSERT INTO wecom_events (event_key, event, change_type, payload, status, attempts, next_attempt_at, received_at,
                          deliveries)
VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5, $6)
ON CONFLICT (event_key) DO UPDATE SET deliveries = coalesce(wecom_events.deliveries, '') || excluded.deliveries
WHERE {find}(coalesce(wecom_events.deliveries, ''), excluded.deliveries) = 0
RETURNING id, deliveries"""
_RECORD_PG, _RECORD_SQLITE = _RECORD.format(find="strpos"), _RECORD.format(find="instr")
_RECORD_UNSIGNED = """
INSERT INTO wecom_events (event_key, event, change_type, payload, status, attempts, next_attempt_at, received_at)
VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5)
ON CONFLICT (event_key) DO NOTHING RETURNING id"""


async def record(msg: dict[str, Any], now: datetime, delivery: str = "") -> tuple[str, int | None]:
    """Store the decrypted event -> (outcome, id): `NEW` with its id; `DUPLICATE` (the same content carried by
    another signed request: WeCom's retry) changes nothing but noting the request; `REPLAYED` (this very
    signed request was recorded before) changes nothing. `delivery` is the request's `msg_signature`: it covers
    timestamp, nonce and ciphertext, so it names the request, and a replay of it meets the row its first
    delivery recorded (same ciphertext, same content key). One statement: the replay check, the dedupe and the
    record commit together, so a failed record leaves nothing that would refuse WeCom's retry. Without a
    delivery (events recorded in-process, not received) a conflict is a duplicate."""
    key = event_key(msg)
    # business time of receipt: relations are dated by it (the registration window is business time), while
    # WeCom's CreateTime (transport time) only orders the changes of one relation
    msg = {**msg, RECEIVED: now.timestamp()}
    args: list[Any] = [key, str(msg.get("Event") or msg.get("MsgType") or "unknown")[:48],
                       str(msg.get("ChangeType", ""))[:48], msg, now]
    c = conn()
    if not delivery:
        rows = await fetch(c, _RECORD_UNSIGNED, args)
        return (NEW, int(rows[0]["id"])) if rows else (DUPLICATE, None)
    token = delivery.lower() + ";"  # hex, so a token can only match where a whole one starts
    rows = await fetch(c, _RECORD_PG if is_postgres_conn(c) else _RECORD_SQLITE, [*args, token])
    if not rows:
        return REPLAYED, None
    return (NEW, int(rows[0]["id"])) if rows[0]["deliveries"] == token else (DUPLICATE, None)


@dataclass(frozen=True)
class Claimed:
    id: int
    event: str
    change_type: str
    payload: dict[str, Any]
    attempts: int


def _claim(only: str = "") -> Claim:
    return Claim("wecom_events",
                 pick="SELECT id FROM wecom_events WHERE status IN ('pending', 'processing') "
                      f"AND next_attempt_at <= $1{only} ORDER BY id LIMIT $3",
                 set="status = 'processing', attempts = attempts + 1, next_attempt_at = $2",
                 returning="id, event, change_type, payload, attempts")


_CLAIM, _CLAIM_ONE = _claim(), _claim(" AND id = $4")


async def claim(now: datetime, limit: int, only_id: int | None = None) -> list[Claimed]:
    """Due events (pending, or processing with an expired lease), oldest first; each claim is exclusive."""
    c = conn()
    args: list[Any] = [now, now + LEASE, limit]
    if only_id is None:
        rows = await _CLAIM.run(c, args)
    else:
        rows = await _CLAIM_ONE.run(c, [*args, only_id])
    return sorted((Claimed(int(r["id"]), r["event"], r["change_type"], to_json(r["payload"]), int(r["attempts"]))
                   for r in rows), key=lambda e: e.id)


async def finish(event_id: int, status: str, now: datetime, error: str | None = None) -> None:
    await fetch(conn(), "UPDATE wecom_events SET status = $2, processed_at = $3, last_error = $4 WHERE id = $1",
                [event_id, status, now, error[:255] if error else None])


async def finish_many(event_ids: list[int], status: str, now: datetime) -> None:
    """A batch's events that finished with the same status and nothing to note: one statement."""
    c = conn()
    if is_postgres_conn(c):
        await fetch(c, "UPDATE wecom_events SET status = $2, processed_at = $3, last_error = NULL "
                       "WHERE id = ANY($1::bigint[])", [event_ids, status, now])
        return
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start:start + 500]
        marks = ", ".join(f"${n}" for n in range(3, 3 + len(chunk)))
        await fetch(c, f"UPDATE wecom_events SET status = $1, processed_at = $2, last_error = NULL "
                       f"WHERE id IN ({marks})", [status, now, *chunk])


async def retry_later(event_id: int, at: datetime, error: str, *, count_attempt: bool = True) -> None:
    """Back to pending, due at `at`; `count_attempt=False` gives back the attempt its claim counted (an event
    put back untried)."""
    back = "" if count_attempt else ", attempts = attempts - 1"
    await fetch(conn(), f"UPDATE wecom_events SET status = 'pending', next_attempt_at = $2, last_error = $3{back} "
                        "WHERE id = $1", [event_id, at, error[:255]])


async def requeue(event_id: int, now: datetime) -> tuple[str, bool] | None:
    """An admin's retry of an `ignored` or `failed` event: pending again with a fresh attempt count, due now.
    -> (status before, requeued); None if there is no such event. Idempotent: an event that is already
    pending or processing (requeued by an earlier call) is left as it is."""
    rows = await fetch(conn(), "SELECT status FROM wecom_events WHERE id = $1", [event_id])
    if not rows:
        return None
    before = str(rows[0]["status"])
    changed = await fetch(conn(), """
        UPDATE wecom_events SET status = 'pending', attempts = 0, next_attempt_at = $2, processed_at = NULL
        WHERE id = $1 AND status IN ('ignored', 'failed') RETURNING id""", [event_id, now])
    return before, bool(changed)
