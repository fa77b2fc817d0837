"""The daily roll-ups, maintained incrementally from the ledger, and their proof against a full scan.

`refresh` rolls the ledger entries after the watermark into `metrics_daily` and the day bitmaps and moves
the watermark, all in one transaction under the watermark's row lock (`FOR UPDATE` on PostgreSQL; SQLite
serialises writers): a second scheduler waits for the first and then finds only what is left, so each entry
is rolled exactly once. Entries are rolled in id order only once they are `rollup_settle_seconds` old: ids are
taken when a ledger transaction inserts, not when it commits, so a younger entry may become visible before an
older one; waiting lets every transaction in flight commit first (a ledger transaction takes milliseconds).
If one ever took longer and got skipped, `verify` finds the drift (exit 1 of `jifen metrics verify`) and the
`metrics_rollup_drift` reconcile check rebuilds the drifted recent days from the ledger.

The tier of a row is the member's tier when the entry was rolled (a minute after it was written): the ledger
does not record it on every entry. Members touched: a member counts once per day x rule key x category, under
their tier when the day was last counted; summed over tiers it is the distinct members of the day, rule key
and category (`_roll`: a day's first batch counts its own members, a later batch recounts the day from the
ledger; at 50M entries no per-member-day table is kept, whose backfill alone took most of a 10M run).

For the admin metrics to answer in well under a second at a million members, nothing per request reads
`members` or the ledger:
- `metrics_day_members`: a bitmap of member ids per day x kind x tier (redeem, sharing from the ledger in the
  same transaction as `metrics_daily`; checked_in from `checkins` behind its own watermark `checkins`). The
  distinct members of any period are the OR of its days' bitmaps (exact). `verify` compares them with the
  ledger / check-ins (distinct counts per day and kind; the member sets themselves for the days it is given).
- `metrics_balances` (balance histogram per tier) and `metrics_joined` (members by join day and tier):
  recomputed set-based from `members` by every tick of the job (`refresh_members`, ~1 s at 1M members on
  PostgreSQL); `verify_members` compares them with `members`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from app.clock import SHANGHAI
from app.db import conn, is_postgres_conn
from app.runtime import Runtime
from app.services import reconcile
from app.services.metrics import bitmaps, payment_rollup
from app.services.metrics.classify import MEASURES, classified_sql, day_sql
from app.sqlx import execute, fetch, fetchrow

log = logging.getLogger("jifen.metrics")

WATERMARK = "ledger"
CHECKINS = "checkins"
LEDGER_BIT_KINDS = ("redeem", "sharing")
BACKFILL_BATCH = 2**40  # `jifen metrics refresh` from an empty roll-up: every settled entry in one pass
# the ledger's day bitmaps: who redeemed (reversals are not redemptions) and who earned a sharing award
_BITS_SQL = ("SELECT DISTINCT day, CASE WHEN category = 'sharing' THEN 'sharing' ELSE 'redeem' END AS kind, "
             "tier_level, member_id FROM ({src}) x WHERE (category = 'redeem' AND rule_key <> 'reversal') "
             "OR category = 'sharing'")
_SUMS = ", ".join(f"SUM({m})" for m in MEASURES)
_COLS = ", ".join(MEASURES)
_ADD = ", ".join(f"{m} = metrics_daily.{m} + excluded.{m}" for m in MEASURES)


@dataclass
class RefreshResult:
    entries: int
    watermark: int
    checkins: int = 0
    payments: int = 0


async def _lock_watermark(c: BaseDBAsyncClient) -> int:
    pg = is_postgres_conn(c)
    if pg:
        row = await fetchrow(c, "SELECT last_entry_id FROM metrics_watermarks WHERE name = $1 FOR UPDATE",
                             [WATERMARK])
    else:  # take SQLite's write lock first, so two processes cannot both read the same watermark
        await execute(c, "UPDATE metrics_watermarks SET last_entry_id = last_entry_id WHERE name = $1", [WATERMARK])
        row = await fetchrow(c, "SELECT last_entry_id FROM metrics_watermarks WHERE name = $1", [WATERMARK])
    assert row is not None
    return int(row["last_entry_id"])


async def _ensure_watermark(c: BaseDBAsyncClient, *extra: str) -> None:
    """Create the roll-up watermarks at 0 (and `extra`: another roll-up's own, e.g. `segments.SEGMENTS`)."""
    for name in (WATERMARK, CHECKINS, payment_rollup.PAYMENTS, *extra):
        await execute(c, "INSERT INTO metrics_watermarks (name, last_entry_id) VALUES ($1, 0) ON CONFLICT (name) "
                         "DO NOTHING", [name])


async def watermark() -> int:
    row = await fetchrow(conn(), "SELECT last_entry_id FROM metrics_watermarks WHERE name = $1", [WATERMARK])
    return int(row["last_entry_id"]) if row else 0


async def _roll(c: BaseDBAsyncClient, where: str, args: list[Any], upto: int) -> None:
    """Add the classified entries matching `where` (ids up to `upto`) to the roll-ups (the caller holds the
    watermark lock).

    The sums are grouped by a plain SELECT (parallel on PostgreSQL, which an INSERT ... SELECT is not) and
    upserted from arrays. Members touched: on a day with no roll-up row yet (a backfill from empty, a rebuilt
    day, the first batch after midnight) the batch holds all of the day's rolled entries, so its distinct
    members are the figure; a day rolled before is recounted from its ledger entries up to `upto` (adding would
    count a member twice across batches, and no per-member table is kept to subtract them)."""
    pg = is_postgres_conn(c)
    src = classified_sql(pg, where)
    rows = await fetch(c, f"SELECT day, rule_key, category, tier_level, {_SUMS}, COUNT(*), "
                          f"COUNT(DISTINCT member_id) FROM ({src}) x GROUP BY day, rule_key, category, tier_level",
                       args)
    if rows:
        days = sorted({_d(r[0]) for r in rows})
        seen = {_d(r[0]) for r in await fetch(c, "SELECT DISTINCT day FROM metrics_daily WHERE day >= $1 "
                                                 "AND day <= $2", [days[0], days[-1]])}
        n = len(MEASURES)
        await _upsert_daily(c, [[_d(r[0]), r[1], r[2], int(r[3]), *(int(v) for v in r[4:5 + n]),
                                 0 if _d(r[0]) in seen else int(r[5 + n])] for r in rows], add=True)
        await _recount_members(c, sorted(seen.intersection(days)), upto)
    await _add_bits_sql(c, _BITS_SQL.format(src=src), args)


async def _recount_members(c: BaseDBAsyncClient, days: list[date], upto: int) -> None:
    """Members touched of `days`, recounted from their ledger entries up to `upto` (the `created_at` index
    finds a day's entries): COUNT(DISTINCT member) per day x rule key x category, under each member's tier
    now, written over every row of those days."""
    if not days:
        return
    pg = is_postgres_conn(c)
    where, args = _day_where(days, pg, 2)
    rows = await fetch(c, "SELECT day, rule_key, category, tier_level, COUNT(DISTINCT member_id) "
                          f"FROM ({classified_sql(pg, f'e.id <= $1 AND {where}')}) x "
                          "GROUP BY day, rule_key, category, tier_level", [upto, *args])
    marks = ", ".join(f"${i + 1}" for i in range(len(days)))
    await execute(c, f"UPDATE metrics_daily SET members = 0 WHERE day IN ({marks})", list(days))
    zeros = [0] * (len(MEASURES) + 1)
    await _upsert_daily(c, [[_d(r[0]), r[1], r[2], int(r[3]), *zeros, int(r[4])] for r in rows], add=False)


_DAILY_COLS = f"day, rule_key, category, tier_level, {_COLS}, entries, members"
_DAILY_TYPES = ("date", "text", "text", "int", *(["bigint"] * (len(MEASURES) + 2)))


async def _upsert_daily(c: BaseDBAsyncClient, rows: list[list[Any]], *, add: bool) -> None:
    """Upsert `metrics_daily` rows (key, measures, entries, members): `add` adds every figure to an existing
    row, else only `members` is set. One statement from arrays on PostgreSQL (a backfill's tens of thousands
    of rows in one round trip); row by row on SQLite."""
    if not rows:
        return
    update = (f"{_ADD}, entries = metrics_daily.entries + excluded.entries, "
              "members = metrics_daily.members + excluded.members") if add else "members = excluded.members"
    tail = f"ON CONFLICT (day, rule_key, category, tier_level) DO UPDATE SET {update}"
    if is_postgres_conn(c):
        arrays = ", ".join(f"${i + 1}::{t}[]" for i, t in enumerate(_DAILY_TYPES))
        await execute(c, f"INSERT INTO metrics_daily ({_DAILY_COLS}) SELECT * FROM unnest({arrays}) {tail}",
                      [list(col) for col in zip(*rows, strict=True)])
        return
    marks = ", ".join(f"${i + 1}" for i in range(len(_DAILY_TYPES)))
    for r in rows:
        await execute(c, f"INSERT INTO metrics_daily ({_DAILY_COLS}) VALUES ({marks}) {tail}", r)


def _d(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


async def _add_bits_sql(c: BaseDBAsyncClient, sql: str, args: list[Any]) -> None:
    """`_add_bits` of the (day, kind, tier, member) rows of `sql`; on PostgreSQL grouped in the database (one
    array of member ids per day x kind x tier: a backfill's millions of rows do not cross as rows)."""
    if not is_postgres_conn(c):
        await _add_bits(c, await fetch(c, sql, args))
        return
    rows = await fetch(c, f"SELECT b.day, b.kind, b.tier_level, array_agg(b.member_id) FROM ({sql}) "
                          "AS b(day, kind, tier_level, member_id) GROUP BY 1, 2, 3", args)
    await _or_bits(c, {(_d(r[0]), r[1], int(r[2])): r[3] for r in rows})


async def _add_bits(c: BaseDBAsyncClient, rows: list[Any]) -> None:
    """OR (day, kind, tier, member) rows into the day bitmaps (the caller holds the roll-up lock)."""
    groups: dict[tuple[date, str, int], list[int]] = {}
    for r in rows:
        groups.setdefault((_d(r[0]), r[1], int(r[2])), []).append(int(r[3]))
    await _or_bits(c, groups)


async def _or_bits(c: BaseDBAsyncClient, groups: dict[tuple[date, str, int], list[int]]) -> None:
    if not groups:
        return
    days = sorted({k[0] for k in groups})
    kinds = sorted({k[1] for k in groups})
    marks = ", ".join(f"${i + 1}" for i in range(len(days)))
    kmarks = ", ".join(f"${len(days) + i + 1}" for i in range(len(kinds)))
    have = {(_d(r[0]), r[1], int(r[2])): r[3] for r in await fetch(
        c, f"SELECT day, kind, tier_level, bits FROM metrics_day_members WHERE day IN ({marks}) "
           f"AND kind IN ({kmarks})", [*days, *kinds])}
    for key, ids in groups.items():
        v = bitmaps.from_ids(ids) | bitmaps.unpack(have.get(key))
        await execute(c, "INSERT INTO metrics_day_members (day, kind, tier_level, members, bits) "
                         "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (day, kind, tier_level) DO UPDATE SET "
                         "members = excluded.members, bits = excluded.bits",
                      [key[0], key[1], key[2], v.bit_count(), bitmaps.pack(v)])


async def _settled(c: BaseDBAsyncClient, table: str, wm: int, batch: int, cutoff: datetime) -> tuple[int, int]:
    """The last id of the next batch after `wm` that ends before its first row not settled yet, and how many."""
    # computed in the database, not by reading the batch. The watermark only ever moves to an id it has seen
    # settled, never into a gap that an uncommitted row may still fill
    row = await fetchrow(c, f"WITH b AS (SELECT id, created_at FROM {table} WHERE id > $1 ORDER BY id "
                            "LIMIT $2), f AS (SELECT MIN(id) AS stop FROM b WHERE created_at > $3), "
                            "s AS (SELECT b.id FROM b, f WHERE f.stop IS NULL OR b.id < f.stop) "
                            "SELECT COALESCE((SELECT MAX(id) FROM s), $1) AS upto, (SELECT COUNT(*) FROM s) AS n",
                         [wm, batch, cutoff])
    assert row is not None
    return int(row["upto"]), int(row["n"])


async def _mark(c: BaseDBAsyncClient, name: str) -> int:
    row = await fetchrow(c, "SELECT last_entry_id FROM metrics_watermarks WHERE name = $1", [name])
    return int(row[0]) if row else 0


async def refresh(rt: Runtime, *, batch: int | None = None, settle_seconds: int | None = None,
                  until: datetime | None = None) -> RefreshResult:
    """Roll the next settled entries after the watermark (at most `batch`) and advance it; the same for the
    check-ins behind theirs (the `checked_in` day bitmaps). Returns how many of each."""
    cfg = rt.settings.metrics
    batch = batch or cfg.rollup_batch
    settle = cfg.rollup_settle_seconds if settle_seconds is None else settle_seconds
    cutoff = (until or rt.clock.now()) - timedelta(seconds=settle)
    await _ensure_watermark(conn())
    async with in_transaction() as c:
        wm = await _lock_watermark(c)  # the ledger watermark's lock serialises every roll-up writer
        upto, count = await _settled(c, "point_entries", wm, batch, cutoff)
        if upto != wm:
            await _roll(c, "e.id > $1 AND e.id <= $2", [wm, upto], upto)
            await execute(c, "UPDATE metrics_watermarks SET last_entry_id = $1, updated_at = $2 WHERE name = $3",
                          [upto, rt.clock.now(), WATERMARK])
        cwm = await _mark(c, CHECKINS)
        cupto, ccount = await _settled(c, "checkins", cwm, batch, cutoff)
        if cupto != cwm:
            await _add_bits_sql(c, "SELECT k.day, 'checked_in', COALESCE(m.tier_level, 0), k.member_id "
                                   "FROM checkins k LEFT JOIN members m ON m.id = k.member_id "
                                   "WHERE k.id > $1 AND k.id <= $2", [cwm, cupto])
            await execute(c, "UPDATE metrics_watermarks SET last_entry_id = $1, updated_at = $2 WHERE name = $3",
                          [cupto, rt.clock.now(), CHECKINS])
        pcount = await payment_rollup.refresh(c, batch, cutoff, rt.clock.now())
    return RefreshResult(count, upto, ccount, pcount)


async def refresh_all(rt: Runtime, **kw: Any) -> int:
    """Refresh until nothing settled is left, then the member distributions (backfill; tests). Entries rolled."""
    total = 0
    while True:
        r = await refresh(rt, **kw)
        total += r.entries
        if r.entries == 0 and r.checkins == 0 and r.payments == 0:
            await refresh_members()
            return total


async def refresh_members() -> None:
    """Recompute the balance histogram per tier and the members by join day and tier from `members`: two
    set-based GROUP BYs (under the roll-up lock, so two schedulers take turns), run by the job every tick."""
    await _ensure_watermark(conn())
    async with in_transaction() as c:
        await _lock_watermark(c)
        await execute(c, "DELETE FROM metrics_balances")
        await execute(c, "INSERT INTO metrics_balances (tier_level, balance, members) "
                         "SELECT tier_level, balance, COUNT(*) FROM members GROUP BY tier_level, balance")
        await execute(c, "DELETE FROM metrics_joined")
        await execute(c, f"INSERT INTO metrics_joined (day, tier_level, members) "
                         f"SELECT {day_sql(is_postgres_conn(c), 'created_at')} AS d, tier_level, COUNT(*) "
                         "FROM members GROUP BY 1, 2")


# --- the proof: roll-ups against a full scan -----------------------------------------------------------------


@dataclass
class Drift:
    day: str
    rule_key: str
    category: str
    field: str
    rollup: int
    ledger: int

    def view(self) -> dict[str, Any]:
        return self.__dict__.copy()


def _day_where(days: list[date] | None, pg: bool, first: int) -> tuple[str, list[Any]]:
    if not days:
        return "true", []
    parts, args = [], []
    for d in days:
        start = datetime(d.year, d.month, d.day, tzinfo=SHANGHAI)
        parts.append(f"(e.created_at >= ${first + len(args)} AND e.created_at < ${first + len(args) + 1})")
        args += [start, start + timedelta(days=1)]
    return "(" + " OR ".join(parts) + ")", args


Figures = dict[tuple[str, str, str], dict[str, int]]


async def full_scan(days: list[date] | None = None, upto: int | None = None) -> Figures:
    """Every (day, rule key, category) figure computed from the ledger itself (entries up to `upto`)."""
    c = conn()
    pg = is_postgres_conn(c)
    upto = await watermark() if upto is None else upto
    where, args = _day_where(days, pg, 2)
    src = classified_sql(pg, f"e.id <= $1 AND {where}")
    rows = await fetch(c, f"SELECT day, rule_key, category, {_SUMS}, COUNT(*) AS entries, "
                          f"COUNT(DISTINCT member_id) AS members FROM ({src}) x GROUP BY day, rule_key, category",
                       [upto, *args])
    return {(str(r[0]), r[1], r[2]): {k: int(r[3 + i]) for i, k in enumerate((*MEASURES, "entries", "members"))}
            for r in rows}


async def rolled(days: list[date] | None = None) -> Figures:
    c = conn()
    where, args = "true", []
    if days:
        where = "day IN (" + ", ".join(f"${i + 1}" for i in range(len(days))) + ")"
        args = list(days)
    rows = await fetch(c, f"SELECT day, rule_key, category, {_SUMS}, SUM(entries), SUM(members) FROM metrics_daily "
                          f"WHERE {where} GROUP BY day, rule_key, category", args)
    return {(str(r[0]), r[1], r[2]): {k: int(r[3 + i]) for i, k in enumerate((*MEASURES, "entries", "members"))}
            for r in rows}


async def verify(days: list[date] | None = None) -> list[Drift]:
    """Compare the roll-ups with a full scan of the ledger up to the watermark; [] when they agree.

    Not under the watermark's lock (a full scan can take minutes; the roll-up job must not wait for it): when
    the job moved the watermark during the comparison, the comparison is taken again."""
    for _ in range(5):
        upto = await watermark()
        scan = await full_scan(days, upto)
        have = await rolled(days)
        if await watermark() == upto:
            break
    zero = dict.fromkeys((*MEASURES, "entries", "members"), 0)
    out = []
    for key in sorted(set(scan) | set(have)):
        a, b = have.get(key, zero), scan.get(key, zero)
        for f in zero:
            if a[f] != b[f]:
                out.append(Drift(key[0], key[1], key[2], f, a[f], b[f]))
    pay = [Drift(day, table, "payments", field, a, b) for day, table, field, a, b in
           await payment_rollup.verify(conn(), days)]
    return out + await verify_day_members(days) + pay


async def verify_day_members(days: list[date] | None = None) -> list[Drift]:
    """The day bitmaps against the ledger and `checkins` up to their watermarks: per day and kind (tiers
    together), the distinct members; with `days` given (the reconcile check), the member sets themselves."""
    c = conn()
    pg = is_postgres_conn(c)
    exact = bool(days)
    for _ in range(5):
        upto, cupto = await watermark(), await _mark(c, CHECKINS)
        where, args = _day_where(days, pg, 2)
        src = _BITS_SQL.format(src=classified_sql(pg, f"e.id <= $1 AND {where}"))
        kwhere = "true" if not days else "day IN (" + ", ".join(f"${i + 2}" for i in range(len(days))) + ")"
        if exact:
            rows = [*await fetch(c, f"SELECT DISTINCT day, kind, member_id FROM ({src}) y", [upto, *args]),
                    *await fetch(c, f"SELECT day, 'checked_in', member_id FROM checkins WHERE id <= $1 AND {kwhere}",
                                 [cupto, *(days or [])])]
            scan: dict[tuple[str, str], Any] = {}
            for r in rows:
                scan.setdefault((str(_d(r[0])), r[1]), set()).add(int(r[2]))
        else:
            rows = [*await fetch(c, f"SELECT day, kind, COUNT(DISTINCT member_id) FROM ({src}) y GROUP BY day, kind",
                                 [upto, *args]),
                    *await fetch(c, "SELECT day, 'checked_in', COUNT(DISTINCT member_id) FROM checkins "
                                    f"WHERE id <= $1 AND {kwhere} GROUP BY day", [cupto, *(days or [])])]
            scan = {(str(_d(r[0])), r[1]): int(r[2]) for r in rows}
        dwhere = "true" if not days else "day IN (" + ", ".join(f"${i + 1}" for i in range(len(days))) + ")"
        union: dict[tuple[str, str], int] = {}
        for r in await fetch(c, f"SELECT day, kind, bits FROM metrics_day_members WHERE {dwhere} "
                                "AND kind NOT IN ('paid', 'paid_twice')", list(days or [])):
            key = (str(_d(r[0])), r[1])
            union[key] = union.get(key, 0) | bitmaps.unpack(r[2])
        if (await watermark(), await _mark(c, CHECKINS)) == (upto, cupto):
            break
    out = []
    for key in sorted(set(scan) | set(union)):
        v = union.get(key, 0)
        want = scan.get(key, set() if exact else 0)
        n = len(want) if exact else want
        if v.bit_count() != n:
            out.append(Drift(key[0], key[1], "day_members", "members", v.bit_count(), n))
        elif exact and bitmaps.to_ids(v) != want:
            out.append(Drift(key[0], key[1], "day_members", "member_set", v.bit_count(), n))
    return out


async def rebuild_days(rt: Runtime, days: list[date]) -> None:
    """Recompute the roll-ups of `days` from the ledger (entries up to the watermark), under the watermark lock."""
    if not days:
        return
    await _ensure_watermark(conn())
    async with in_transaction() as c:
        wm = await _lock_watermark(c)
        marks = ", ".join(f"${i + 1}" for i in range(len(days)))
        await execute(c, f"DELETE FROM metrics_daily WHERE day IN ({marks})", list(days))
        await execute(c, f"DELETE FROM metrics_day_members WHERE day IN ({marks})", list(days))
        cwm = await _mark(c, CHECKINS)
        kmarks = ", ".join(f"${i + 2}" for i in range(len(days)))
        await _add_bits(c, await fetch(c, "SELECT k.day, 'checked_in', COALESCE(m.tier_level, 0), k.member_id "
                                          "FROM checkins k LEFT JOIN members m ON m.id = k.member_id "
                                          f"WHERE k.id <= $1 AND k.day IN ({kmarks})", [cwm, *days]))
        where, args = _day_where(days, is_postgres_conn(c), 2)
        await _roll(c, f"e.id <= $1 AND {where}", [wm, *args], wm)
        await payment_rollup.recompute_days(c, days)


RECONCILE_DAYS = 2


async def reconcile_recent(rt: Runtime, check: str, verify_days: Callable[[list[date]], Awaitable[list[Drift]]],
                           rebuild: Callable[[list[date]], Awaitable[None]], label: Callable[[Drift], str],
                           repair: bool) -> list[reconcile.Finding]:
    """The body of every roll-up's reconcile check: today and yesterday (where an entry could have been
    skipped) against the ledger, one finding per drifted day; repair rebuilds that day from the ledger."""
    today = rt.clock.today()
    drift = await verify_days([today - timedelta(days=i) for i in range(RECONCILE_DAYS)])
    findings = []
    for day in sorted({d.day for d in drift}):
        fields = [d for d in drift if d.day == day]
        f = reconcile.Finding(check=check, subject=f"day:{day}",
                              detail="; ".join(f"{label(d)}: {d.rollup} != {d.ledger}" for d in fields[:5]))
        if repair:
            try:
                await rebuild([date.fromisoformat(day)])
                f.repaired = True
            except Exception as exc:  # one day's failure must not stop the others' repair
                f.error = repr(exc)
        findings.append(f)
    return findings


@reconcile.check("metrics_rollup_drift")
async def reconcile_rollup(rt: Runtime, repair: bool) -> list[reconcile.Finding]:
    """The roll-ups of today and yesterday against the ledger; repair rebuilds a drifted day. `jifen metrics
    verify` checks every day."""
    return await reconcile_recent(rt, "metrics_rollup_drift", verify, lambda days: rebuild_days(rt, days),
                                  lambda d: f"{d.rule_key}/{d.field}", repair)


async def verify_members() -> list[Drift]:
    """The balance histogram and members by join day against `members` now (equal right after a tick that
    saw no member change since: the job recomputes both every minute)."""
    c = conn()
    pg = is_postgres_conn(c)
    out = []
    pairs = [
        ("SELECT tier_level, balance, members FROM metrics_balances",
         "SELECT tier_level, balance, COUNT(*) FROM members GROUP BY tier_level, balance", "balance"),
        ("SELECT day, tier_level, members FROM metrics_joined",
         f"SELECT {day_sql(pg, 'created_at')} AS d, tier_level, COUNT(*) FROM members GROUP BY 1, 2", "joined"),
    ]
    for have_sql, scan_sql, what in pairs:
        have = {(str(_d(r[0])) if what == "joined" else str(r[0]), str(r[1])): int(r[2])
                for r in await fetch(c, have_sql)}
        scan = {(str(_d(r[0])) if what == "joined" else str(r[0]), str(r[1])): int(r[2])
                for r in await fetch(c, scan_sql)}
        for key in sorted(set(have) | set(scan)):
            if have.get(key, 0) != scan.get(key, 0):
                out.append(Drift(key[0], key[1], what, "members", have.get(key, 0), scan.get(key, 0)))
    return out
