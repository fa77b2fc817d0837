"""Transactional outbox: messages written beside the business change, delivered later with bounded retries.

Why: a payment notification must be answered as soon as the payment, points and coupons are committed;
sending a subscribe message (or calling WeChat Pay's coupon API) inline would let a slow or failing
WeChat delay or fail that answer. `enqueue` inserts a row keyed by `dedupe_key` (a replayed step adds
nothing); `deliver_due` claims due rows with a conditional UPDATE (pending -> sending, attempts + 1), so
two schedulers never send the same row, and records the outcome:

- sent;
- refused (43101, the member declined the subscription): recorded, never retried;
- failed: a permanent error, or `max_attempts` reached;
- otherwise back to pending with exponential backoff.

`reap_stuck` returns rows left in `sending` by a crashed deliverer. Outbox times follow `rt.clock`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from app.db import conn, is_postgres_conn
from app.runtime import Runtime
from app.sqlx import execute, fetch, to_json
from app.wechat import errors as wx
from models import OutboxMessage

log = logging.getLogger("jifen.outbox")


class Refused(Exception):
    """The recipient declined (43101): record and stop."""


class Permanent(Exception):
    """Retrying cannot help (bad argument, unknown openid, rejected by WeChat Pay)."""


Sender = Callable[[Runtime, OutboxMessage], Awaitable[None]]


async def enqueue(kind: str, dedupe_key: str, payload: dict[str, Any], *, now: datetime, member_id: int | None,
                  c: BaseDBAsyncClient | None = None) -> bool:
    """Insert once per dedupe_key (inside the caller's transaction when `c` is given). True if new."""
    rows = await fetch(c or conn(), """
        INSERT INTO outbox_messages (kind, dedupe_key, member_id, payload, status, attempts, next_attempt_at,
                                     created_at, updated_at)
        VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5, $5)
        ON CONFLICT (dedupe_key) DO NOTHING RETURNING id""", [kind, dedupe_key, member_id, payload, now])
    return bool(rows)


# -- senders ----------------------------------------------------------------------------------------------
async def send_subscribe(rt: Runtime, msg: OutboxMessage) -> None:
    p = msg.payload
    try:
        await rt.miniprogram.send_subscribe_message(p["openid"], p["template_id"], p["data"], page=p.get("page"))
    except wx.UserRefused as exc:
        raise Refused(str(exc)) from exc
    except (wx.InvalidArgument, wx.InvalidOpenid) as exc:
        raise Permanent(str(exc)) from exc


async def send_wxpay_coupon(rt: Runtime, msg: OutboxMessage) -> None:
    from app.services import coupons

    await coupons.deliver_wxpay_coupon(rt, msg)


SENDERS: dict[str, Sender] = {"subscribe": send_subscribe, "wxpay_coupon": send_wxpay_coupon}


# -- delivery ---------------------------------------------------------------------------------------------
def backoff(rt: Runtime, attempts: int) -> timedelta:
    cfg = rt.settings.outbox
    return timedelta(seconds=min(cfg.backoff_seconds * 2 ** max(attempts - 1, 0), cfg.backoff_max_seconds))


_CLAIM = """
UPDATE outbox_messages SET status = 'sending', attempts = attempts + 1, updated_at = $1
WHERE status = 'pending' AND id IN (SELECT id FROM outbox_messages WHERE status = 'pending' AND next_attempt_at <= $1
                                    ORDER BY next_attempt_at, id LIMIT $2{lock})
RETURNING id, kind, dedupe_key, member_id, payload, attempts
"""


async def claim_batch(now: datetime, limit: int) -> list[OutboxMessage]:
    """Claim up to `limit` due rows in one statement (pending -> sending); concurrent deliverers get
    disjoint batches (SKIP LOCKED on PostgreSQL, the single writer on SQLite)."""
    c = conn()
    rows = await fetch(c, _CLAIM.format(lock=" FOR UPDATE SKIP LOCKED" if is_postgres_conn(c) else ""), [now, limit])
    return [OutboxMessage(id=int(r["id"]), kind=r["kind"], dedupe_key=r["dedupe_key"], member_id=r["member_id"],
                          payload=to_json(r["payload"]), attempts=int(r["attempts"]), status="sending")
            for r in rows]


async def _finish(msg_id: int, status: str, now: datetime, *, error: str | None = None,
                  next_at: datetime | None = None) -> None:
    sets, args = ["status = $2", "updated_at = $3", "last_error = $4"], [msg_id, status, now, error and error[:255]]
    if next_at is not None:
        sets.append("next_attempt_at = $5")
        args.append(next_at)
    await execute(conn(), f"UPDATE outbox_messages SET {', '.join(sets)} WHERE id = $1 AND status = 'sending'",
                  args)


async def _send(rt: Runtime, msg: OutboxMessage) -> str:
    """Send one claimed row; returns its outcome. Every outcome but `sent` is written here."""
    sender = SENDERS.get(msg.kind)
    try:
        if sender is None:
            raise Permanent(f"no sender for kind {msg.kind!r}")
        await sender(rt, msg)
    except Refused as exc:
        await _finish(msg.id, "refused", rt.clock.now(), error=str(exc))
        return "refused"
    except Permanent as exc:
        log.warning("outbox %s (%s) failed permanently: %s", msg.id, msg.kind, exc)
        await _finish(msg.id, "failed", rt.clock.now(), error=str(exc))
        return "failed"
    except Exception as exc:  # transient by default: WeChat down, rate limited, DB hiccup
        error = f"{type(exc).__name__}: {exc}"
        if msg.attempts >= rt.settings.outbox.max_attempts:
            log.warning("outbox %s (%s) gave up after %s attempts: %s", msg.id, msg.kind, msg.attempts, error)
            await _finish(msg.id, "failed", rt.clock.now(), error=error)
            return "failed"
        await _finish(msg.id, "pending", rt.clock.now(), error=error,
                      next_at=rt.clock.now() + backoff(rt, msg.attempts))
        return "retry"
    return "sent"


async def _mark_sent(ids: list[int], now: datetime) -> None:
    if ids:
        marks = ", ".join(f"${i + 2}" for i in range(len(ids)))
        await execute(conn(), f"UPDATE outbox_messages SET status = 'sent', updated_at = $1, last_error = NULL "
                              f"WHERE status = 'sending' AND id IN ({marks})", [now, *ids])


async def deliver_due(rt: Runtime, limit: int | None = None) -> dict[str, int]:
    """Claim every due pending row (up to `limit`) in one statement, send a few at a time, record the
    successes in one statement. Returns counts per outcome."""
    cfg = rt.settings.outbox
    batch = await claim_batch(rt.clock.now(), limit or cfg.batch)
    outcome: dict[str, int] = {}
    sent: list[int] = []
    sem = asyncio.Semaphore(max(cfg.concurrency, 1))

    async def one(msg: OutboxMessage) -> None:
        async with sem:
            try:
                status = await _send(rt, msg)
            except Exception:  # e.g. the database went away mid-way: the reaper recovers the row
                log.exception("outbox delivery of %s crashed", msg.id)
                status = "error"
        if status == "sent":
            sent.append(msg.id)
        outcome[status] = outcome.get(status, 0) + 1

    await asyncio.gather(*(one(m) for m in batch))
    await _mark_sent(sent, rt.clock.now())
    return outcome


async def reap_stuck(rt: Runtime) -> int:
    """Rows in `sending` for longer than reap_after_seconds go back to pending (their attempt counts)."""
    now = rt.clock.now()
    cutoff = now - timedelta(seconds=rt.settings.outbox.reap_after_seconds)
    rows = await fetch(conn(), "UPDATE outbox_messages SET status = 'pending', next_attempt_at = $1, updated_at = $1, "
                               "last_error = 'reaped: stuck in sending' WHERE status = 'sending' AND updated_at < $2 "
                               "RETURNING id", [now, cutoff])
    if rows:
        log.warning("outbox: reaped %s rows stuck in sending", len(rows))
    return len(rows)
