"""The payments roll-up (issue 16, scale round 3): sales, payers and the ROI's per-member sums without reading
`payments` or joining `members` per request.

Payments change after they are written (a refund sets `refunded_fen`, a payer who registers later gets a
`member_id`), each time with a new `updated_at`. So this roll-up does not add rows behind an id watermark like
the ledger's: it follows the `payments` watermark over (updated_at, id) and RECOMPUTES every Shanghai success
day that one of the changed payments belongs to, from `payments` itself (one GROUP BY per table, index on
success_time). A recomputed day is exact whatever changed and however often (idempotent), and a backfill is the
same statement over every day at once. Same discipline as the ledger's: the caller holds the roll-up lock (the
ledger watermark's row), changes are taken once `rollup_settle_seconds` old, and the watermark moves in the
same transaction as the rows it produced.

Per day:
  metrics_payments_daily   payments / paid / refunded (all payments: sales), member payments and their net,
                           before vs after the payer joined
  metrics_payment_members  (day, member): payments and net fen (the ROI's split by the redeemer bitmap)
  metrics_day_members      kinds `paid` (paid that day) and `paid_twice` (paid at least twice that day): the
                           payers of any period are the OR of its days, its repeat payers are the members in
                           two of its days' `paid` bitmaps or in one `paid_twice` (exact, see `repeat_bits`)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from app.clock import SHANGHAI
from app.db import is_postgres_conn
from app.services.metrics import bitmaps
from app.services.metrics.classify import day_sql
from app.sqlx import execute, fetch, fetchrow, to_dt

PAYMENTS = "payments"
PAY_KINDS = ("paid", "paid_twice")
# a run of more days than this is recomputed as the range from its first to its last day (a backfill)
MAX_LISTED_DAYS = 31
DAILY_COLS = ("payments", "paid_fen", "refunded_fen", "member_payments", "member_net_fen", "before_join_payments",
              "before_join_fen", "after_join_payments", "after_join_fen")


def _net(p: str = "p") -> str:
    return f"({p}.total_fen - {p}.refunded_fen)"


def daily_select(pg: bool, where: str) -> str:
    """Per success day, every `DAILY_COLS` figure of the payments matching `where` (alias p; m = the payer)."""
    before = "p.member_id IS NOT NULL AND p.success_time < m.created_at"
    after = "p.member_id IS NOT NULL AND p.success_time >= m.created_at"
    return (f"SELECT {day_sql(pg, 'p.success_time')} AS day, COUNT(*), SUM(p.total_fen), SUM(p.refunded_fen), "
            "SUM(CASE WHEN p.member_id IS NOT NULL THEN 1 ELSE 0 END), "
            f"SUM(CASE WHEN p.member_id IS NOT NULL THEN {_net()} ELSE 0 END), "
            f"SUM(CASE WHEN {before} THEN 1 ELSE 0 END), SUM(CASE WHEN {before} THEN {_net()} ELSE 0 END), "
            f"SUM(CASE WHEN {after} THEN 1 ELSE 0 END), SUM(CASE WHEN {after} THEN {_net()} ELSE 0 END) "
            f"FROM payments p LEFT JOIN members m ON m.id = p.member_id WHERE {where} GROUP BY 1")


def member_select(pg: bool, where: str) -> str:
    return (f"SELECT {day_sql(pg, 'p.success_time')} AS day, p.member_id, COUNT(*), SUM({_net()}) "
            f"FROM payments p WHERE p.member_id IS NOT NULL AND {where} GROUP BY 1, 2")


def days_where(days: list[date], first: int, col: str = "p.success_time") -> tuple[str, list[Any], str, list[Any]]:
    """(success_time condition, its args, day condition, its args) selecting `days`; many days: their range."""
    days = sorted(set(days))
    if len(days) > MAX_LISTED_DAYS:
        lo = datetime(days[0].year, days[0].month, days[0].day, tzinfo=SHANGHAI)
        hi = datetime(days[-1].year, days[-1].month, days[-1].day, tzinfo=SHANGHAI) + timedelta(days=1)
        return (f"{col} >= ${first} AND {col} < ${first + 1}", [lo, hi], f"day >= ${first} AND day <= ${first + 1}",
                [days[0], days[-1]])
    parts, args = [], []
    for d in days:
        start = datetime(d.year, d.month, d.day, tzinfo=SHANGHAI)
        parts.append(f"({col} >= ${first + len(args)} AND {col} < ${first + len(args) + 1})")
        args += [start, start + timedelta(days=1)]
    marks = ", ".join(f"${first + i}" for i in range(len(days)))
    return "(" + " OR ".join(parts) + ")", args, f"day IN ({marks})", list(days)


def _d(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


_BITS = ("SELECT x.day, CASE WHEN k.twice THEN 'paid_twice' ELSE 'paid' END, COALESCE(m.tier_level, 0), "
         "x.member_id FROM metrics_payment_members x LEFT JOIN members m ON m.id = x.member_id "
         "JOIN (SELECT false AS twice UNION ALL SELECT true) k ON NOT k.twice OR x.payments >= 2 WHERE {where}")


async def _recompute_daily(c: BaseDBAsyncClient, days: list[date]) -> None:
    pwhere, pargs, dwhere, dargs = days_where(days, 1)
    await execute(c, f"DELETE FROM metrics_payments_daily WHERE {dwhere}", dargs)
    await execute(c, f"INSERT INTO metrics_payments_daily (day, {', '.join(DAILY_COLS)}) "
                     f"{daily_select(is_postgres_conn(c), pwhere)}", pargs)


async def recompute_days(c: BaseDBAsyncClient, days: Iterable[date]) -> None:
    """Rebuild the payments roll-up of `days` from `payments` as they are now, bitmaps included (backfill,
    reconcile; the caller holds the lock)."""
    from app.services.metrics.rollup import _add_bits_sql  # the day bitmaps' writer (one place ORs them)

    days = sorted(set(days))
    if not days:
        return
    pwhere, pargs, dwhere, dargs = days_where(days, 1)
    await _recompute_daily(c, days)
    await execute(c, f"DELETE FROM metrics_payment_members WHERE {dwhere}", dargs)
    await execute(c, f"DELETE FROM metrics_day_members WHERE {dwhere} AND kind IN ('paid', 'paid_twice')", dargs)
    await execute(c, "INSERT INTO metrics_payment_members (day, member_id, payments, net_fen) "
                     f"{member_select(is_postgres_conn(c), pwhere)}", pargs)
    # the tier of a payer's bitmap row is their tier when the day was rolled (as for the ledger's bitmaps)
    await _add_bits_sql(c, _BITS.format(where=f"x.{dwhere}"), dargs)


async def _recompute_pairs(c: BaseDBAsyncClient, changed: str, args: list[Any]) -> None:
    """Rebuild the (day, member) rows of the members whose payments of a day are in `changed` (success_time,
    member_id rows) and OR them into the payer bitmaps: a payment is never removed and its member never
    unlinked, so a day's payers and twice-payers only ever grow and their bitmaps need no rebuild."""
    from app.services.metrics.rollup import _add_bits_sql

    pg = is_postgres_conn(c)
    pairs = (f"SELECT DISTINCT {day_sql(pg, 'b.success_time')} AS day, b.member_id FROM ({changed}) b "
             "WHERE b.member_id IS NOT NULL")
    succ_day = day_sql(pg, "p.success_time")
    await execute(c, f"DELETE FROM metrics_payment_members WHERE (day, member_id) IN ({pairs})", args)
    mine = f"p.member_id IN (SELECT q.member_id FROM ({pairs}) q) AND ({succ_day}, p.member_id) IN ({pairs})"
    await execute(c, f"INSERT INTO metrics_payment_members (day, member_id, payments, net_fen) "
                     f"{member_select(pg, mine)}", args)
    await _add_bits_sql(c, _BITS.format(where=f"(x.day, x.member_id) IN ({pairs})"), args)


async def _position(c: BaseDBAsyncClient) -> tuple[datetime | None, int]:
    row = await fetchrow(c, "SELECT position_at, last_entry_id FROM metrics_watermarks WHERE name = $1", [PAYMENTS])
    if row is None or row[0] is None:
        return None, 0
    return to_dt(row[0]), int(row[1])  # type: ignore[return-value]


async def refresh(c: BaseDBAsyncClient, batch: int, cutoff: datetime, now: datetime) -> int:
    """Roll the next (at most `batch`) payments changed after the watermark and settled (updated_at <= cutoff):
    recompute their success days' sums and their (day, member) rows, OR their payers into the bitmaps, move
    the watermark to the last of them. From an empty watermark (a backfill): every day of the range at once.
    How many changed payments were taken."""
    pg = is_postgres_conn(c)
    at, last_id = await _position(c)
    after = "true" if at is None else "(p.updated_at > $3 OR (p.updated_at = $3 AND p.id > $4))"
    args: list[Any] = [cutoff, batch, *([] if at is None else [at, last_id])]
    day = day_sql(pg, "b.success_time")
    row = await fetchrow(c, f"WITH b AS (SELECT p.id, p.updated_at, p.success_time FROM payments p "
                            f"WHERE p.updated_at <= $1 AND {after} ORDER BY p.updated_at, p.id LIMIT $2), "
                            "l AS (SELECT updated_at, id FROM b ORDER BY updated_at DESC, id DESC LIMIT 1) "
                            "SELECT (SELECT COUNT(*) FROM b), (SELECT updated_at FROM l), (SELECT id FROM l), "
                            f"(SELECT MIN({day}) FROM b), (SELECT MAX({day}) FROM b)", args)
    assert row is not None
    n = int(row[0])
    if not n:
        return 0
    upto_at, upto_id = to_dt(row[1]), int(row[2])
    if at is None:  # a backfill: every day of the range in one pass per table
        lo, hi = _d(row[3]), _d(row[4])
        await recompute_days(c, [lo + timedelta(days=i) for i in range((hi - lo).days + 1)])
    else:
        # the batch, bounded by its last row (not a LIMIT: each statement below reads the same rows)
        changed = ("SELECT p.success_time, p.member_id FROM payments p WHERE (p.updated_at > $1 OR "
                   "(p.updated_at = $1 AND p.id > $2)) AND (p.updated_at < $3 OR (p.updated_at = $3 AND p.id <= $4))")
        bargs = [at, last_id, upto_at, upto_id]
        days = [_d(r[0]) for r in await fetch(c, f"SELECT DISTINCT {day} FROM ({changed}) b", bargs)]
        await _recompute_daily(c, days)
        await _recompute_pairs(c, changed, bargs)
    await execute(c, "UPDATE metrics_watermarks SET position_at = $1, last_entry_id = $2, updated_at = $3 "
                     "WHERE name = $4", [upto_at, upto_id, now, PAYMENTS])
    return n


def repeat_bits(paid: list[int], paid_twice: list[int]) -> tuple[int, int]:
    """(payers, repeat payers) of a period from its days' `paid` and `paid_twice` bitmaps: a member paid at
    least twice in the period iff they paid twice on one day or paid on two different days."""
    once = twice = 0
    for v in paid:
        twice |= once & v
        once |= v
    for v in paid_twice:
        twice |= v
    return once, twice


async def verify(c: BaseDBAsyncClient, days: list[date] | None = None) -> list[tuple[str, str, str, int, int]]:
    """The payments roll-up against `payments` as they are: (day, table, field, roll-up, scan) per difference.
    Days with a payment changed after the watermark are left out (not rolled yet, not drift): looked up after
    the reads, from the watermark taken before them, so a change the job rolled meanwhile is left out too."""
    pg = is_postgres_conn(c)
    at, last_id = await _position(c)
    if days:
        pwhere, pargs, dwhere, dargs = days_where(days, 1)
    else:
        pwhere, pargs, dwhere, dargs = "true", [], "true", []
    out: list[tuple[str, str, str, int, int]] = []
    cols = ", ".join(DAILY_COLS)
    have = {str(_d(r[0])): [int(v) for v in r[1:]] for r in await fetch(
        c, f"SELECT day, {cols} FROM metrics_payments_daily WHERE {dwhere}", dargs)}
    scan = {str(_d(r[0])): [int(v or 0) for v in r[1:]] for r in await fetch(c, daily_select(pg, pwhere), pargs)}
    mhave = {(str(_d(r[0])), int(r[1])): (int(r[2]), int(r[3])) for r in await fetch(
        c, f"SELECT day, member_id, payments, net_fen FROM metrics_payment_members WHERE {dwhere}", dargs)}
    mscan = {(str(_d(r[0])), int(r[1])): (int(r[2]), int(r[3])) for r in await fetch(c, member_select(pg, pwhere),
                                                                                     pargs)}
    union: dict[tuple[str, str], int] = {}
    for r in await fetch(c, f"SELECT day, kind, bits FROM metrics_day_members WHERE {dwhere} "
                            "AND kind IN ('paid', 'paid_twice')", dargs):
        key = (str(_d(r[0])), r[1])
        union[key] = union.get(key, 0) | bitmaps.unpack(r[2])
    if at is None:
        pending = {str(_d(r[0])) for r in await fetch(c, f"SELECT DISTINCT {day_sql(pg, 'p.success_time')} "
                                                         "FROM payments p")}
    else:
        pending = {str(_d(r[0])) for r in await fetch(
            c, f"SELECT DISTINCT {day_sql(pg, 'p.success_time')} FROM payments p WHERE p.updated_at > $1 "
               "OR (p.updated_at = $1 AND p.id > $2)", [at, last_id])}
    zero = [0] * len(DAILY_COLS)
    for day in sorted((set(have) | set(scan)) - pending):
        for i, col in enumerate(DAILY_COLS):
            a, b = have.get(day, zero)[i], scan.get(day, zero)[i]
            if a != b:
                out.append((day, "payments_daily", col, a, b))
    differing: dict[str, int] = {}
    for key in set(mhave) | set(mscan):
        if key[0] not in pending and mhave.get(key) != mscan.get(key):
            differing[key[0]] = differing.get(key[0], 0) + 1
    out += [(day, "payment_members", "rows_differing", n, 0) for day, n in sorted(differing.items())]
    # the payer bitmaps (tiers together) against the scan's members of each day
    want: dict[tuple[str, str], set[int]] = {}
    for (day, mid), (n, _) in mscan.items():
        want.setdefault((day, "paid"), set()).add(mid)
        if n >= 2:
            want.setdefault((day, "paid_twice"), set()).add(mid)
    for key in sorted(set(union) | set(want)):
        if key[0] in pending:
            continue
        ids = want.get(key, set())
        if union.get(key, 0) != bitmaps.from_ids(ids):
            out.append((key[0], "day_members", key[1], union.get(key, 0).bit_count(), len(ids)))
    return out
