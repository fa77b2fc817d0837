"""Transactional outbox: messages written beside the business change, delivered later with bounded retries.

Why: a payment notification must be answered as soon as the payment, points and coupons are committed;
sending a subscribe message (or calling WeChat Pay's coupon API) inline would let a slow or failing
WeChat delay or fail that answer. `enqueue` inserts a row keyed by `dedupe_key` (a replayed step adds
nothing); `deliver_due` claims due rows with a conditional UPDATE (pending -> sending, attempts + 1), so
two schedulers never send the same row, and records the outcome:

- sent;
- refused (43101, the member declined the subscription): recorded, never retried;
- failed: a permanent error, or `max_attempts` reached;
- quota (45009, the app's daily quota for the API): pending until the next midnight, Beijing time, with the
  attempt given back, and every other pending message of that kind held until then as well (sending them
  would only collect more 45009s); 45011 (minute quota): that message a minute later, attempt given back;
- otherwise back to pending with exponential backoff.

`reap_stuck` returns rows left in `sending` by a crashed deliverer. Outbox times follow `rt.clock`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from app.db import conn, is_postgres_conn
from app.runtime import Runtime
from app.sqlx import Claim, execute, fetch, to_json
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
# shares one timestamp). Rows other deliverers hold (`sending`, still in the index) are stepped over. The UPDATE
# changes no indexed column: a HOT update on PostgreSQL. The batch is picked once, in a MATERIALIZED CTE (app/sqlx.py,
# "Claims"): a join that re-ran it per row would claim every due row.
_CLAIM = Claim(
    "outbox_messages",
    pick="SELECT id FROM outbox_messages WHERE next_attempt_at <= $1 AND status = 'pending' "
         "ORDER BY next_attempt_at LIMIT $2",
    set="status = 'sending', attempts = attempts + 1, updated_at = $1", recheck="status = 'pending'",
    returning="id, kind, dedupe_key, member_id, payload, attempts")


@dataclass(slots=True)
class Claimed:
    """A row this deliverer owns (status `sending`) until its outcome is recorded. (Not frozen: a frozen
    dataclass sets each field through object.__setattr__, 3x the cost, for every message claimed.)"""

    id: int
    kind: str
    dedupe_key: str
    member_id: int | None
    payload: dict[str, Any]
    attempts: int


async def claim_batch(now: datetime, limit: int) -> list[Claimed]:
    """Claim up to `limit` due rows in one statement (pending -> sending); concurrent deliverers get
    disjoint batches (SKIP LOCKED on PostgreSQL, the single writer on SQLite)."""
    c = conn()
    rows = await _CLAIM.run(c, [now, limit])
    return [Claimed(r["id"], r["kind"], r["dedupe_key"], r["member_id"], to_json(r["payload"]), r["attempts"])
            for r in rows]


@dataclass(frozen=True)
class Outcome:
    """What happened to one send; equal outcomes of a batch are recorded by one UPDATE (hence no
    per-message timestamps here: a retry carries its backoff, the time is taken when recording)."""

    status: str  # sent | refused | failed | pending (retry later) | error (crashed: left for the reaper)
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
# once per connection; SQLite has no arrays and gets a VALUES list. `next_attempt_at` is the retry's time, or
# NULL for a finished message (which so leaves the due index).
_RECORD_PG = """
UPDATE outbox_messages AS o SET status = $1, last_error = v.err, updated_at = $2,
       next_attempt_at = $3, attempts = o.attempts - $4
FROM unnest($5::bigint[], $6::varchar(255)[]) AS v(id, err) WHERE o.id = v.id AND o.status = 'sending'
"""


async def _record(done: list[tuple[int, Outcome]], now: datetime) -> None:
    """One UPDATE per kind of outcome (a batch is mostly `sent`, or mostly quota deferrals); each row keeps
    its own error text, which differs per request (WeChat appends a request id to errmsg). Only rows still
    `sending` are touched: the outcome of a row the reaper took back meanwhile is dropped."""
    groups: dict[tuple[str, timedelta | None, datetime | None], tuple[list[int], list[str | None]]] = {}
    for msg_id, outcome in done:
        if outcome.status != "error":
            key = (outcome.status, outcome.retry_in, outcome.retry_at)
            group = groups.get(key)
            if group is None:
                group = groups[key] = ([], [])
            group[0].append(msg_id)
            group[1].append(outcome.error)
    c = conn()
    pg = is_postgres_conn(c)
    for (status, retry_in, retry_at), (ids, errors) in groups.items():
        # a row going back to pending must keep a time (NULL would take it out of the due index for good)
        next_at = (retry_at or now + (retry_in or timedelta(0))) if status == "pending" else None
        head = [status, now, next_at, 1 if retry_at else 0]
        if pg:
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
    """Send due rows with `concurrency` senders always busy: the next batch is claimed while the current
    one is being sent (from half a batch left), and outcomes are recorded a batch at a time beside the
    sends. Stops when nothing is due, after claiming `limit` rows (default: one batch) or, with `seconds`,
    when that time is up (everything claimed is still sent). Returns counts per outcome.

    Rows this deliverer holds (claimed, outcome not yet recorded) are leased, not owned for good: the reaper
    returns a `sending` row whose `updated_at` is older than reap_after_seconds. So while a batch drains (a slow
    WeChat can take longer than that for a whole batch), every quarter of that time (checked whenever a sender
    takes its next message; one send is bounded by the WeChat client's timeout and retries) the outcomes so far
    are recorded and the rows still held get their lease renewed; only a deliverer that died stops renewing.

    The per-message path is kept short (it is most of the deliverer's CPU at full speed): a fixed set of
    `concurrency` sender loops pops from one queue (no task per message), each kind's sender is looked up once,
    the lease check is one comparison (awaited only when due), and nothing is logged for a message that went out."""
    cfg = rt.settings.outbox
    width, size = max(cfg.concurrency, 1), max(cfg.batch, 1)
    limit = size if limit is None and seconds is None else limit
    deadline = time.monotonic() + seconds if seconds is not None else None
    counts: dict[str, int] = {}
    queue: deque[Claimed] = deque()
    done: list[tuple[int, Outcome]] = []
    records: list[asyncio.Future[None]] = []
    state = {"claimed": 0, "more": True}
    claim: asyncio.Future[None] | None = None
    held_until: dict[str, datetime] = {}
    holds: list[asyncio.Future[int]] = []
    senders: dict[str, Sender | None] = {}
    leased: set[int] = set()  # claimed rows whose outcome is not recorded yet: their lease is renewed
    lease_every = timedelta(seconds=cfg.reap_after_seconds / 4)
    renew = {"due": rt.clock.now() + lease_every}
    low_water = max(size // 2, width)

    async def record(batch: list[tuple[int, Outcome]]) -> None:
        await _record(batch, rt.clock.now())
        leased.difference_update(msg_id for msg_id, _ in batch)

    def flush() -> None:
        """Record the outcomes so far (a batch at a time, beside the sends)."""
        nonlocal done
        if done:
            records.append(asyncio.ensure_future(record(done)))
            done = []

    async def renew_leases(now: datetime) -> None:
        """Every quarter of reap_after: record what is done and renew the lease of every row still held. The
        renewal is awaited before the next send (once per quarter of reap_after, so it costs nothing): left in
        the background it could fall behind a slow batch and let another scheduler's reaper take live rows.
        Due by `rt.clock`, the clock the reaper compares leases with (a shifted clock must renew too)."""
        renew["due"] = now + lease_every
        flush()
        if leased:
            await _renew(sorted(leased), now)

    async def refill() -> None:
        want = size if limit is None else min(size, limit - state["claimed"])
        if want <= 0 or (deadline is not None and time.monotonic() >= deadline):
            state["more"] = False
            return
        if holds:  # a kind's quota is spent: claim after its rows are moved, not the rows being moved
            await asyncio.gather(*holds)
        batch = await claim_batch(rt.clock.now(), want)
        leased.update(msg.id for msg in batch)
        state["claimed"] += len(batch)
        state["more"] = len(batch) == want
        queue.extend(batch)

    def refilling() -> asyncio.Future[None] | None:
        """The claim in progress, starting one when the queue runs low (one claim at a time)."""
        nonlocal claim
        if claim is None or claim.done():
            claim = asyncio.ensure_future(refill()) if state["more"] and len(queue) < low_water else None
        return claim

    async def sender() -> None:
        while True:
            if (now := rt.clock.now()) >= renew["due"]:  # a comparison per message, a coroutine only when due
                await renew_leases(now)
            pending = refilling()
            if not queue:
                if pending is None:
                    return
                await pending
                continue
            msg = queue.popleft()
            kind = msg.kind
            held = held_until.get(kind) if held_until else None
            if held is not None:  # its kind's daily quota is spent: give it back without calling WeChat
                outcome = Outcome("pending", "held: daily quota reached (45009)", retry_at=held)
            else:
                send = senders[kind] if kind in senders else senders.setdefault(kind, sender_of(kind))
                try:
                    outcome = await _send(rt, msg, send)
                except Exception:  # e.g. the database went away mid-way: the reaper recovers the row
                    log.exception("outbox delivery of %s crashed", msg.id)
                    outcome = Outcome("error")
                if outcome.holds_kind and outcome.retry_at and kind not in held_until:
                    held_until[kind] = outcome.retry_at
                    holds.append(asyncio.ensure_future(hold_kind(kind, outcome.retry_at, rt.clock.now())))
            done.append((msg.id, outcome))
            if outcome is SENT:
                counts["sent"] = counts.get("sent", 0) + 1
            else:
                if outcome.status == "error":  # not recorded: left in `sending` for the reaper, lease not renewed
                    leased.discard(msg.id)
                counts[outcome.label] = counts.get(outcome.label, 0) + 1
            if len(done) >= size:
                flush()

    try:
        await asyncio.gather(*(sender() for _ in range(width)))
    finally:
        flush()
        await asyncio.gather(*records, *holds)
    return counts


async def _renew(ids: list[int], now: datetime) -> None:
    """Renew the lease (`updated_at`) of rows this deliverer still holds, so the reaper leaves them alone."""
    marks = ", ".join(f"${n + 2}" for n in range(len(ids)))
    await execute(conn(), f"UPDATE outbox_messages SET updated_at = $1 WHERE status = 'sending' AND id IN ({marks})",
                  [now, *ids])


async def reap_stuck(rt: Runtime) -> int:
    """Rows in `sending` whose lease (claim or last renewal by their deliverer, see `deliver_due`) is older than
    reap_after_seconds go back to pending (their attempt counts): their deliverer died."""
    now = rt.clock.now()
    cutoff = now - timedelta(seconds=rt.settings.outbox.reap_after_seconds)
    rows = await fetch(conn(), "UPDATE outbox_messages SET status = 'pending', next_attempt_at = $1, updated_at = $1, "
                               "last_error = 'reaped: stuck in sending' WHERE next_attempt_at IS NOT NULL "
                               "AND status = 'sending' AND updated_at < $2 "
                               "RETURNING id", [now, cutoff])
    if rows:
        log.warning("outbox: reaped %s rows stuck in sending", len(rows))
    return len(rows)
