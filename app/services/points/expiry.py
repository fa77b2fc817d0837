"""Set-based scheduled work on buckets: expire due points, release pending points.

Each batch is a few SQL statements over many buckets (no per-row Python loop), in one transaction that
first locks the batch's member rows in id order — the same lock order as spends and awards, so sweeps
and member traffic never deadlock. A run can be interrupted anywhere: uncommitted batches roll back and
the next run (any scheduler instance) picks the same buckets up again. Idempotency keys
(`expire:<bucket>`, `release:<bucket>`) make a double run harmless.

Debt is netted inside the batch's transaction: released points pay a member's debt as they become
spendable (before this they stood beside the debt, and if they later expired the member paid the debt
twice), and before expiring, a debtor's points that are about to lapse pay the debt first. Only members
of the batch with a debt beside positive points are touched (one indexed query when there are none).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from app.db import is_postgres_conn
from app.services.points import ledger
from app.sqlx import execute, fetch

DEFAULT_BATCH = 20000

_EXPIRE_DUE = "state = 'active' AND expires_at <= $1 AND remaining > 0"
_RELEASE_DUE = "state = 'pending' AND release_at <= $1"


@dataclass
class SweepResult:
    buckets: int = 0
    points: int = 0
    members: int = 0
    batches: int = 0


async def _lock_batch(c: BaseDBAsyncClient, due: str, now: datetime, batch: int) -> list[int] | None:
    """Pick up to `batch` members with due buckets and lock them (PostgreSQL); None when nothing is due."""
    pick = (f"SELECT DISTINCT member_id FROM point_buckets WHERE {due} ORDER BY member_id LIMIT $2")
    if is_postgres_conn(c):
        rows = await fetch(c, f"SELECT id FROM members WHERE id IN ({pick}) ORDER BY id FOR UPDATE", [now, batch])
    else:
        rows = await fetch(c, pick, [now, batch])
    ids = [int(r[0]) for r in rows]
    return ids or None


def _in_batch(c: BaseDBAsyncClient, ids: list[int], first_param: int) -> tuple[str, list[object]]:
    if is_postgres_conn(c):
        return f"member_id = ANY(${first_param}::bigint[])", [ids]
    return f"member_id BETWEEN ${first_param} AND ${first_param + 1}", [min(ids), max(ids)]


Apply = Callable[[BaseDBAsyncClient, str, datetime, str, list[object]], Awaitable[None]]


async def _sweep(now: datetime, batch: int, due: str, prefix: str, amount_col: str, apply: Apply,
                 net_after: bool) -> SweepResult:
    """Batches of members: lock, mark their due buckets with a run id, `apply` the set-based statements;
    net the batch's debts before (expiry: lapsing points pay first) or after (release) in the same
    transaction."""
    result = SweepResult()
    while True:
        run = f"{prefix}:{uuid.uuid4().hex}"
        async with in_transaction() as c:
            ids = await _lock_batch(c, due, now, batch)
            if ids is None:
                return result
            where, extra = _in_batch(c, ids, 3)
            net_where, net_params = _in_batch(c, ids, 1)
            if not net_after:
                await ledger.net_debts_where(c, net_where, net_params)
            await apply(c, run, now, where, extra)
            stats = await fetch(c, f"SELECT COUNT(*), COALESCE(SUM({amount_col}), 0), COUNT(DISTINCT member_id) "
                                   "FROM point_buckets WHERE expire_run = $1", [run])
            if net_after:  # after counting: released points that pay a debt were released all the same
                await ledger.net_debts_where(c, net_where, net_params)
        result.buckets += int(stats[0][0])
        result.points += int(stats[0][1])
        result.members += int(stats[0][2])
        result.batches += 1


async def _apply_expiry(c: BaseDBAsyncClient, run: str, now: datetime, where: str, extra: list[object]) -> None:
    await execute(c, "UPDATE point_buckets SET state = 'expired', expired_amount = remaining, remaining = 0, "
                     f"expire_run = $2 WHERE {_EXPIRE_DUE} AND {where}", [now, run, *extra])
    await execute(c, "UPDATE members SET balance = balance - x.amt, updated_at = $2 FROM (SELECT member_id, "
                     "SUM(expired_amount) AS amt FROM point_buckets WHERE expire_run = $1 "
                     "GROUP BY member_id) x WHERE members.id = x.member_id", [run, now])
    await execute(c, """
        INSERT INTO point_entries (member_id, account, amount, kind, event, source, rule_id, idem_key,
                                   balance_after, growth, trace, created_at)
        SELECT b.member_id, 'available', -b.expired_amount, 'expire', NULL, 'expiry', NULL,
               'expire:' || CAST(b.id AS TEXT),
               m.balance + COALESCE(SUM(b.expired_amount) OVER (PARTITION BY b.member_id ORDER BY b.id DESC
                                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0),
               0, NULL, $2
        FROM point_buckets b JOIN members m ON m.id = b.member_id WHERE b.expire_run = $1
        ORDER BY b.member_id, b.id""", [run, now])


async def _apply_release(c: BaseDBAsyncClient, run: str, now: datetime, where: str, extra: list[object]) -> None:
    await execute(c, f"UPDATE point_buckets SET state = 'active', expire_run = $2 WHERE {_RELEASE_DUE} "
                     f"AND {where}", [now, run, *extra])
    await execute(c, "UPDATE members SET balance = balance + x.amt, pending = pending - x.amt, updated_at = $2 "
                     "FROM (SELECT member_id, SUM(remaining) AS amt FROM point_buckets WHERE expire_run = $1 "
                     "GROUP BY member_id) x WHERE members.id = x.member_id", [run, now])
    later = ("COALESCE(SUM(b.remaining) OVER (PARTITION BY b.member_id ORDER BY b.id DESC "
             "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)")
    for account, sign, key, running in (("pending", "-", ":p", f"m.pending + {later}"),
                                         ("available", "", "", f"m.balance - {later}")):
        await execute(c, f"""
            INSERT INTO point_entries (member_id, account, amount, kind, event, source, rule_id, idem_key,
                                       balance_after, growth, trace, created_at)
            SELECT b.member_id, '{account}', {sign}b.remaining, '{"release" if sign else "earn"}', e.event,
                   e.source, e.rule_id, 'release:' || CAST(b.id AS TEXT) || '{key}', {running}, 0, NULL, $2
            FROM point_buckets b JOIN members m ON m.id = b.member_id
            LEFT JOIN point_entries e ON e.id = b.entry_id
            WHERE b.expire_run = $1 AND b.remaining > 0
            ORDER BY b.member_id, b.id""", [run, now])


async def expire_due(now: datetime, batch: int = DEFAULT_BATCH) -> SweepResult:
    """Due buckets (expires_at <= now) lose their remaining points, one `expire` entry per bucket."""
    return await _sweep(now, batch, _EXPIRE_DUE, "x", "expired_amount", _apply_expiry, net_after=False)


async def release_due(now: datetime, batch: int = DEFAULT_BATCH) -> SweepResult:
    """Pending points whose hold (e.g. a return window) ended become spendable, keeping their expiry."""
    return await _sweep(now, batch, _RELEASE_DUE, "r", "remaining", _apply_release, net_after=True)
