"""Transactional outbox: messages written beside the business change, delivered later with bounded retries.

Why: a payment notification must be answered as soon as the payment, points and coupons are committed;
sending a subscribe message (or calling WeChat Pay's coupon API) inline would let a slow or failing
WeChat delay or fail that answer. `enqueue` inserts a row keyed by `dedupe_key` (a replayed step adds
nothing); `deliver_due` takes due rows a batch at a time, held so that two schedulers never send the same row
(`held_batch`: row locks for a transaction on PostgreSQL, a claim into `sending` on SQLite), and records the
outcome:

- sent;
- refused (43101, the member declined the subscription): recorded, never retried;
- failed: a permanent error, or `max_attempts` reached;
- quota (45009, the app's daily quota for the API): pending until the next midnight, Beijing time, with the
  attempt given back, and every other pending message of that kind held until then as well (sending them
  would only collect more 45009s); 45011 (minute quota): that message a minute later, attempt given back;
- otherwise back to pending with exponential backoff.

Delivery is at least once: a message whose send was cut off (a deliverer that died or was stopped mid-send) is
sent again. `reap_stuck` returns rows left in `sending` by a SQLite deliverer that died (and by deliverers before
the batch transaction, 2026-12-04). Outbox times follow `rt.clock`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from app.db import conn, detached, is_postgres_conn
from app.runtime import Runtime
from app.sqlx import Claim, execute, fetch, row_lock, to_json
from app.wechat import errors as wx

log = logging.getLogger("jifen.outbox")


class Refused(Exception):
    """The recipient declined (43101): record and stop."""


class Permanent(Exception):
    """Retrying cannot help (bad argument, unknown openid, rejected by WeChat Pay)."""


class QuotaReached(Exception):
    """WeChat refused for quota, not for this message: retry at `until` without spending an attempt;
    `whole_kind` (the daily quota, 45009) holds back every message of the kind until then."""

    def __init__(self, message: str, until: datetime, *, whole_kind: bool) -> None:
        super().__init__(message)
        self.until = until
        self.whole_kind = whole_kind


Sender = Callable[[Runtime, "Claimed"], Awaitable[None]]


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
_SENDERS: dict[str, Sender] = {}


def sender(kind: str) -> Callable[[Sender], Sender]:
    """Register the sender of a message kind. Domains register theirs beside the code that enqueues them;
    a kind with no sender fails permanently instead of looping."""

    def deco(fn: Sender) -> Sender:
        if _SENDERS.get(kind, fn) is not fn:
            raise ValueError(f"outbox kind {kind!r} registered twice")
        _SENDERS[kind] = fn
        return fn

    return deco


def sender_of(kind: str) -> Sender | None:
    from app import domains

    domains.load()
    return _SENDERS.get(kind)


@sender("subscribe")
async def send_subscribe(rt: Runtime, msg: Claimed) -> None:
    """Mini-program subscribe messages (any domain's: payment receipts, reminders, tier notices)."""
    p = msg.payload
    try:
        await rt.miniprogram.send_subscribe_message(p["openid"], p["template_id"], p["data"], page=p.get("page"))
    except wx.UserRefused as exc:
        raise Refused(str(exc)) from exc
    except (wx.InvalidArgument, wx.InvalidOpenid) as exc:
        raise Permanent(str(exc)) from exc
    except wx.RateLimited as exc:
        now = rt.clock.now()
        if exc.errcode == 45009:  # the app's daily quota for this API: it resets at midnight (Beijing time)
            midnight = rt.clock.day_start(rt.clock.day_of(now) + timedelta(days=1))
            raise QuotaReached(str(exc), midnight, whole_kind=True) from exc
        raise QuotaReached(str(exc), now + timedelta(seconds=60), whole_kind=False) from exc  # 45011: a minute




# -- delivery ---------------------------------------------------------------------------------------------
def backoff(rt: Runtime, attempts: int) -> timedelta:
    cfg = rt.settings.outbox
    return timedelta(seconds=min(cfg.backoff_seconds * 2 ** max(attempts - 1, 0), cfg.backoff_max_seconds))


# Due rows come from the partial due index (next_attempt_at of unfinished rows, models/outbox.py), in its order:
# a tie-break on id made PostgreSQL read and sort every due row on each claim (a burst enqueued in one transaction
# shares one timestamp). Rows other deliverers hold are stepped over (SKIP LOCKED on PostgreSQL; `sending` rows on
# SQLite, still in the index).
_DUE = "FROM outbox_messages WHERE next_attempt_at <= $1 AND status = 'pending' ORDER BY next_attempt_at LIMIT $2"
_COLUMNS = "id, kind, dedupe_key, member_id, payload, attempts"
# SQLite: the batch is claimed (pending -> sending, attempts + 1) in a statement of its own; the batch is picked
# once, in a MATERIALIZED CTE (app/sqlx.py, "Claims").
_CLAIM = Claim("outbox_messages", pick=f"SELECT id {_DUE}",
               set="status = 'sending', attempts = attempts + 1, updated_at = $1", recheck="status = 'pending'",
               returning=_COLUMNS)
# PostgreSQL: the batch is locked, not changed: rows stay `pending` (their attempt counted when the outcome is
# recorded) until the batch's transaction ends.
_PICK = f"SELECT id, kind, dedupe_key, member_id, payload, attempts + 1 AS attempts {_DUE}"


@dataclass(slots=True)
class Claimed:
    """A row this deliverer holds until its outcome is recorded; `attempts` counts this one. (Not frozen: a frozen
    dataclass sets each field through object.__setattr__, 3x the cost, for every message held.)"""

    id: int
    kind: str
    dedupe_key: str
    member_id: int | None
    payload: dict[str, Any]
    attempts: int


def _claimed(rows: list[Any]) -> list[Claimed]:
    """The batch's rows as `Claimed`. Payloads come as JSON text (PostgreSQL's jsonb, SQLite's text) and are
    decoded in one `json.loads` over the batch (half the cost of one call per row, measured: ~1.7 against ~3.1 µs a
    payment receipt)."""
    texts = [r["payload"] for r in rows]
    payloads = (json.loads(f"[{','.join(texts)}]") if texts and all(type(t) is str for t in texts)
                else [to_json(t) for t in texts])
    return [Claimed(r["id"], r["kind"], r["dedupe_key"], r["member_id"], payload, r["attempts"])
            for r, payload in zip(rows, payloads, strict=True)]


class Batch:
    """Due rows one deliverer holds, and how it lets go of them (`finish`): see `held_batch`."""

    def __init__(self, c: BaseDBAsyncClient, locked: bool, messages: list[Claimed]) -> None:
        self.c, self.locked, self.messages = c, locked, messages

    async def finish(self, done: list[tuple[int, Outcome]], unsent: list[Claimed], now: datetime) -> None:
        """Record the outcomes; give back the rows not sent (due as before, their attempt not spent). Rows neither
        done nor unsent (a send cut off mid-way) are left: on PostgreSQL pending and due at once, on SQLite in
        `sending` for the reaper; either way sent again (at least once)."""
        await _record(self.c, done, now, locked=self.locked)
        if unsent and not self.locked:  # a lock just ends with the transaction; a claim is undone
            marks = ", ".join(f"${n + 2}" for n in range(len(unsent)))
            await execute(self.c, "UPDATE outbox_messages SET status = 'pending', attempts = attempts - 1, "
                                  f"updated_at = $1 WHERE status = 'sending' AND id IN ({marks})",
                          [now, *(m.id for m in unsent)])


# A batch is "idle in transaction" while it sends. A database-wide idle_in_transaction_session_timeout shorter than
# a batch's life would end every batch mid-way, its messages sent but never recorded, then sent again by the next
# batch, which dies the same way: members spammed, nothing ever recorded. So the batch sets its own, for its
# transaction only (`set_config(..., true)` = SET LOCAL, which takes a parameter): `idle_allowance`.
_IDLE_LIMIT = "SELECT set_config('idle_in_transaction_session_timeout', $1, true)"


def idle_allowance(rt: Runtime, hold_for: timedelta) -> timedelta:
    """How long a PostgreSQL batch may sit idle in its transaction: the hold, then the sends in flight when it
    ends, each at worst an access-token fetch and the call itself, every try up to the client's timeout
    (`[wechat] timeout_seconds` x (1 + retries), WeChat Pay's client has the same bounds), plus a minute's
    margin. Longer means a deliverer that hangs: PostgreSQL ends its session, the rows are due again at once."""
    w = rt.settings.wechat
    return hold_for + timedelta(seconds=2 * w.timeout_seconds * (1 + w.retries) + 60)


@asynccontextmanager
async def held_batch(now: datetime, limit: int, idle_limit: timedelta | None = None) -> AsyncIterator[Batch]:
    """Up to `limit` due rows, held by this deliverer until the block ends; concurrent deliverers get disjoint
    batches.

    PostgreSQL: the batch is a transaction. Its rows are locked (`FOR UPDATE SKIP LOCKED`), sent, their outcomes
    recorded, and committed: one row version per message (the outcome), where a claim into `sending` made two;
    the lock is the lease: a deliverer that dies loses its connection, its transaction rolls back and the rows are
    due again at once (no reaper wait). Inside the block the transaction is the context's connection: code that
    must not join it (the senders, whose own writes commit on their own) runs detached (`app.db.detached`).
    SQLite (one writer: a transaction held across sends would stop every other write) claims the batch into
    `sending` in a statement of its own; `reap_stuck` returns the rows of a deliverer that died.
    `idle_limit` (PostgreSQL): the transaction's own idle_in_transaction_session_timeout (`idle_allowance`)."""
    c = conn()
    if is_postgres_conn(c):
        async with in_transaction() as tx:
            if idle_limit is not None:
                await fetch(tx, _IDLE_LIMIT, [f"{max(int(idle_limit.total_seconds() * 1000), 1)}ms"])
            yield Batch(tx, True, _claimed(await fetch(tx, _PICK + row_lock(tx, skip_locked=True), [now, limit])))
    else:
        yield Batch(c, False, _claimed(await _CLAIM.run(c, [now, limit])))


@dataclass(frozen=True)
class Outcome:
    """What happened to one send; equal outcomes of a batch are recorded by one UPDATE (hence no
    per-message timestamps here: a retry carries its backoff, the time is taken when recording)."""

    status: str  # sent | refused | failed | pending (retry later)
    error: str | None = None
    retry_in: timedelta | None = None  # backoff after a failure (spends the attempt)
    retry_at: datetime | None = None  # a quota's reset (gives the attempt back)
    holds_kind: bool = False  # the daily quota: every message of the kind waits for retry_at

    @property
    def label(self) -> str:
        return "retry" if self.status == "pending" else self.status


SENT = Outcome("sent")


async def _send(rt: Runtime, msg: Claimed, send: Sender | None) -> Outcome:
    """Send one claimed row with its kind's sender (resolved once per kind by the caller) and decide its
    outcome (recorded later, per batch, by `_record`)."""
    try:
        if send is None:
            raise Permanent(f"no sender for kind {msg.kind!r}")
        await send(rt, msg)
    except Refused as exc:
        return Outcome("refused", str(exc)[:255])
    except Permanent as exc:
        log.warning("outbox %s (%s) failed permanently: %s", msg.id, msg.kind, exc)
        return Outcome("failed", str(exc)[:255])
    except QuotaReached as exc:
        return Outcome("pending", str(exc)[:255], retry_at=exc.until, holds_kind=exc.whole_kind)
    except Exception as exc:  # transient by default: WeChat down, rate limited, DB hiccup
        error = f"{type(exc).__name__}: {exc}"[:255]
        if msg.attempts >= rt.settings.outbox.max_attempts:
            log.warning("outbox %s (%s) gave up after %s attempts: %s", msg.id, msg.kind, msg.attempts, error)
            return Outcome("failed", error)
        return Outcome("pending", error, backoff(rt, msg.attempts))
    return SENT


# PostgreSQL: one statement text whatever the batch size (ids and errors as two arrays), so asyncpg prepares it
# once per connection; the rows are the batch's, locked by its transaction (still `pending`: the attempt is counted
# here). SQLite has no arrays and gets a VALUES list; its rows are claimed (`sending`, attempt counted), and only
# rows still `sending` are touched: the outcome of a row the reaper took back meanwhile is dropped.
# `next_attempt_at` is the retry's time, or NULL for a finished message (which so leaves the due index).
_RECORD_PG = """
UPDATE outbox_messages AS o SET status = $1, last_error = v.err, updated_at = $2,
       next_attempt_at = $3, attempts = o.attempts + 1 - $4
FROM unnest($5::bigint[], $6::varchar(255)[]) AS v(id, err) WHERE o.id = v.id
"""


async def _record(c: BaseDBAsyncClient, done: list[tuple[int, Outcome]], now: datetime, *, locked: bool) -> None:
    """One UPDATE per kind of outcome (a batch is mostly `sent`, or mostly quota deferrals); each row keeps
    its own error text, which differs per request (WeChat appends a request id to errmsg)."""
    groups: dict[tuple[str, timedelta | None, datetime | None], tuple[list[int], list[str | None]]] = {}
    for msg_id, outcome in done:
        key = (outcome.status, outcome.retry_in, outcome.retry_at)
        group = groups.get(key)
        if group is None:
            group = groups[key] = ([], [])
        group[0].append(msg_id)
        group[1].append(outcome.error)
    for (status, retry_in, retry_at), (ids, errors) in groups.items():
        # a row going back to pending must keep a time (NULL would take it out of the due index for good)
        next_at = (retry_at or now + (retry_in or timedelta(0))) if status == "pending" else None
        head = [status, now, next_at, 1 if retry_at else 0]
        if locked:
            await execute(c, _RECORD_PG, [*head, ids, errors])
            continue
        values = ", ".join(f"(CAST(${2 * i + 5} AS BIGINT), CAST(${2 * i + 6} AS VARCHAR(255)))"
                           for i in range(len(ids)))
        await execute(c, "UPDATE outbox_messages SET status = $1, last_error = v.column2, updated_at = $2, "
                         "next_attempt_at = $3, attempts = attempts - $4 "
                         f"FROM (VALUES {values}) AS v WHERE outbox_messages.id = v.column1 "
                         "AND outbox_messages.status = 'sending'",
                      [*head, *(x for row in zip(ids, errors, strict=True) for x in row)])


async def hold_kind(kind: str, until: datetime, now: datetime) -> int:
    """Move every pending message of `kind` due before `until` to `until` (a daily quota is spent: sending
    them now would only collect more 45009s). Returns how many were held."""
    rows = await fetch(conn(), "UPDATE outbox_messages SET next_attempt_at = $2, updated_at = $3 WHERE kind = $1 "
                               "AND status = 'pending' AND next_attempt_at < $2 RETURNING id", [kind, until, now])
    if rows:
        log.warning("outbox: %s quota reached; %s pending messages held until %s", kind, len(rows), until)
    return len(rows)


async def deliver_due(rt: Runtime, limit: int | None = None, *, seconds: float | None = None) -> dict[str, int]:
    """Send due rows a batch at a time (`held_batch`), `concurrency` sends in flight; stops when nothing is due,
    after `limit` rows (default: one batch) or, with `seconds`, when that time is up (checked between batches).
    Returns counts per outcome.

    A batch holds its rows at most `hold_seconds` (and never more than a quarter of reap_after, so the reaper
    cannot take a live SQLite batch's rows): then no further send starts, the rest is given back and the next
    batch takes it. That bounds a PostgreSQL batch's transaction (a slow WeChat would otherwise keep it open for
    minutes) to that time plus one send (bounded by the WeChat client's timeout and retries).

    Batches do not overlap (the next is taken when the last send of this one is back): on PostgreSQL a batch's
    database work costs milliseconds beside seconds of sending in production, and measured here, overlapping it
    with the sends lost more to the two cores' contention than it hid (bench/README, "Issue 17, tenth round").
    The per-message path is kept short: a fixed set of `concurrency` sender loops pops from one queue (no task
    per message), each kind's sender is looked up once, nothing is logged for a message that went out.
    A 45009 (daily quota) reply holds its kind: the batch's later messages of the kind are given back without
    calling WeChat, and once the batch is over every pending message of the kind is moved to the reset."""
    cfg = rt.settings.outbox
    width, size = max(cfg.concurrency, 1), max(cfg.batch, 1)
    limit = size if limit is None and seconds is None else limit
    deadline = time.monotonic() + seconds if seconds is not None else None
    hold_for = timedelta(seconds=min(cfg.hold_seconds, cfg.reap_after_seconds / 4))
    idle_limit = idle_allowance(rt, hold_for)
    counts: dict[str, int] = {}
    senders: dict[str, Sender | None] = {}
    held_until: dict[str, datetime] = {}

    async def sender(queue: deque[Claimed], done: list[tuple[int, Outcome]], holds: dict[str, datetime],
                     stop_at: datetime) -> None:
        while queue:
            msg = queue.popleft()
            kind = msg.kind
            held = held_until.get(kind) if held_until else None
            if held is not None:  # its kind's daily quota is spent: give it back without calling WeChat
                outcome = Outcome("pending", "held: daily quota reached (45009)", retry_at=held)
            else:
                send = senders[kind] if kind in senders else senders.setdefault(kind, sender_of(kind))
                outcome = await _send(rt, msg, send)
                if outcome.holds_kind and outcome.retry_at and kind not in held_until:
                    held_until[kind] = holds[kind] = outcome.retry_at
            done.append((msg.id, outcome))
            label = outcome.label
            counts[label] = counts.get(label, 0) + 1
            if rt.clock.now() >= stop_at:  # held long enough: the rest is given back (checked after a send, so
                return  # every batch makes progress even with a hold of zero)

    taken = 0
    while limit is None or taken < limit:
        if deadline is not None and time.monotonic() >= deadline:
            break
        want = size if limit is None else min(size, limit - taken)
        holds: dict[str, datetime] = {}
        done: list[tuple[int, Outcome]] = []
        failure: BaseException | None = None
        async with held_batch(rt.clock.now(), want, idle_limit) as batch:
            queue = deque(batch.messages)
            stop_at = rt.clock.now() + hold_for
            # the senders run outside the batch's transaction: their own writes (a refund, an award) commit alone
            tasks = [detached(sender(queue, done, holds, stop_at)) for _ in range(min(width, len(queue)))]
            try:
                await asyncio.gather(*tasks)
            except BaseException as exc:  # cancelled (shutdown) or a bug: what went out is still recorded
                failure = exc
                for task in tasks:
                    task.cancel()
            await batch.finish(done, list(queue), rt.clock.now())
        if failure is not None:
            raise failure
        for kind, until in holds.items():  # after the batch's commit: its rows of the kind are no longer locked
            await hold_kind(kind, until, rt.clock.now())
        taken += len(done)
        if len(batch.messages) < want and not queue:  # nothing more was due
            break
    return counts


async def reap_stuck(rt: Runtime) -> int:
    """Rows in `sending` (a SQLite batch's claim, see `held_batch`) whose `updated_at` is older than
    reap_after_seconds go back to pending (their attempt counts): their deliverer died, since a live batch gives
    its unsent rows back within a quarter of that (`deliver_due`)."""
    now = rt.clock.now()
    cutoff = now - timedelta(seconds=rt.settings.outbox.reap_after_seconds)
    rows = await fetch(conn(), "UPDATE outbox_messages SET status = 'pending', next_attempt_at = $1, updated_at = $1, "
                               "last_error = 'reaped: stuck in sending' WHERE next_attempt_at IS NOT NULL "
                               "AND status = 'sending' AND updated_at < $2 "
                               "RETURNING id", [now, cutoff])
    if rows:
        log.warning("outbox: reaped %s rows stuck in sending", len(rows))
    return len(rows)
