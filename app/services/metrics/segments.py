"""The store / channel roll-up (`metrics_segment_daily`): issue 16's filters by member attributes.

A store (the store of the member's guide, `member_guides.store_id`) and a channel (the contact-me code the
member came through: `state` of their primary active WeCom contact) are not on the ledger entry, so they are
read when an entry is rolled, as the tier is: a member who changes store later leaves the figures already
rolled under the old one. In `metrics_daily`'s key they would multiply its rows (and its 50M-validated hot
path), so they get their own table, filled by one set-based INSERT ... SELECT per dim (a GROUP BY of
`classify.classified_sql` joined to the member's store / channel, upserted by adding) behind their own
watermark `segments`. The discipline is the ledger roll-up's, with its helpers: under the ledger watermark's
row lock (one roll-up writer at a time), only settled entries, never into an id gap, the watermark moved in
the transaction that added the rows (`rollup.py`).

`verify` compares it with a full scan: per day x dim x rule key x category, summed over the values (an entry
has one store and one channel when rolled, but which one may legitimately differ from a scan made later).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from app.db import conn, is_postgres_conn
from app.runtime import Runtime
from app.services import reconcile
from app.services.metrics import rollup
from app.services.metrics.classify import MEASURES, classified_sql
from app.sqlx import execute, fetch

SEGMENTS = "segments"
DIMS = ("store", "channel")
# per dim: what joins the member's value to a classified entry `x`, and the value ('' = none)
_SOURCES: dict[str, tuple[str, str]] = {
    "store": ("LEFT JOIN member_guides g ON g.member_id = x.member_id",
              "COALESCE(CAST(g.store_id AS TEXT), '')"),
    # a member may be linked to more than one WeCom contact: one value per member (the smallest state); only
    # the members of the entries being rolled ({where}) are looked up, through the member_id and
    # external_userid indexes, not every contact of the brand each minute
    "channel": ("LEFT JOIN (SELECT wc.member_id, MIN(f.state) AS state FROM wecom_contacts wc "
                "JOIN wecom_contact_follows f ON f.external_userid = wc.external_userid "
                "WHERE wc.member_id IN (SELECT e.member_id FROM point_entries e WHERE {where}) "
                "AND f.status = 'active' AND f.is_primary GROUP BY wc.member_id) ch "
                "ON ch.member_id = x.member_id", "COALESCE(ch.state, '')"),
}
_COLS = ", ".join(MEASURES)
_SUMS = ", ".join(f"SUM(x.{m})" for m in MEASURES)
_ADD = ", ".join(f"{m} = metrics_segment_daily.{m} + excluded.{m}" for m in MEASURES)


@dataclass
class SegmentResult:
    entries: int
    watermark: int


async def _roll(c: BaseDBAsyncClient, where: str, args: list[Any]) -> None:
    """Add the classified entries matching `where` (on `point_entries e`) to the table, one statement per dim
    (the GROUP BY makes each key once, so the upsert adds a batch's sum to what earlier batches rolled)."""
    src = classified_sql(is_postgres_conn(c), where)
    for dim, (join_sql, value) in _SOURCES.items():
        join = join_sql.format(where=where)
        # `WHERE true`: SQLite's parser needs it between an INSERT's SELECT and its ON CONFLICT
        await execute(c, f"INSERT INTO metrics_segment_daily (day, dim, value, rule_key, category, {_COLS}, entries) "
                         f"SELECT x.day, '{dim}', {value}, x.rule_key, x.category, {_SUMS}, COUNT(*) "
                         f"FROM ({src}) x {join} WHERE true GROUP BY x.day, {value}, x.rule_key, x.category "
                         "ON CONFLICT (day, dim, value, rule_key, category) DO UPDATE SET "
                         f"{_ADD}, entries = metrics_segment_daily.entries + excluded.entries", args)


async def refresh(rt: Runtime, *, batch: int | None = None, settle_seconds: int | None = None,
                  until: datetime | None = None) -> SegmentResult:
    """Roll the next settled entries after the `segments` watermark (at most `batch`) and advance it."""
    cfg = rt.settings.metrics
    batch = batch or cfg.rollup_batch
    settle = cfg.rollup_settle_seconds if settle_seconds is None else settle_seconds
    cutoff = (until or rt.clock.now()) - timedelta(seconds=settle)
    await rollup._ensure_watermark(conn(), SEGMENTS)
    async with in_transaction() as c:
        await rollup._lock_watermark(c)  # the one roll-up lock: writers of every roll-up take turns
        wm = await rollup._mark(c, SEGMENTS)
        upto, count = await rollup._settled(c, "point_entries", wm, batch, cutoff)
        if upto != wm:
            await _roll(c, "e.id > $1 AND e.id <= $2", [wm, upto])
            await execute(c, "UPDATE metrics_watermarks SET last_entry_id = $1, updated_at = $2 WHERE name = $3",
                          [upto, rt.clock.now(), SEGMENTS])
    return SegmentResult(count, upto)


async def refresh_all(rt: Runtime, **kw: Any) -> int:
    """Refresh until nothing settled is left (backfill; tests). Entries rolled."""
    total = 0
    while (n := (await refresh(rt, **kw)).entries) > 0:
        total += n
    return total


async def watermark() -> int:
    return await rollup._mark(conn(), SEGMENTS)


async def rolled(days: list[date] | None = None) -> dict[tuple[str, str, str, str], dict[str, int]]:
    """(day, dim, rule key, category) -> the measures and entries, summed over the dim's values."""
    where, args = "true", []
    if days:
        where = "day IN (" + ", ".join(f"${i + 1}" for i in range(len(days))) + ")"
        args = list(days)
    sums = ", ".join(f"SUM({m})" for m in (*MEASURES, "entries"))
    rows = await fetch(conn(), f"SELECT day, dim, rule_key, category, {sums} FROM metrics_segment_daily "
                               f"WHERE {where} GROUP BY day, dim, rule_key, category", args)
    return {(str(rollup._d(r[0])), r[1], r[2], r[3]): {k: int(r[4 + i]) for i, k in enumerate((*MEASURES, "entries"))}
            for r in rows}


async def verify(days: list[date] | None = None) -> list[rollup.Drift]:
    """The segment table against a full scan of the ledger up to its watermark, per day x dim x rule key x
    category (values summed); [] when they agree. Retaken when the job moved the watermark meanwhile."""
    for _ in range(5):
        upto = await watermark()
        scan = await rollup.full_scan(days, upto)
        have = await rolled(days)
        if await watermark() == upto:
            break
    fields = (*MEASURES, "entries")
    zero = dict.fromkeys(fields, 0)
    out = []
    for dim in DIMS:
        mine = {(d, r, cat): v for (d, dm, r, cat), v in have.items() if dm == dim}
        for key in sorted(set(scan) | set(mine)):
            a, b = mine.get(key, zero), scan.get(key, zero)
            out += [rollup.Drift(key[0], key[1], f"{dim}:{key[2]}", f, a[f], b[f]) for f in fields if a[f] != b[f]]
    return out


async def rebuild_days(days: list[date]) -> None:
    """Recompute the table's rows of `days` from the ledger (entries up to its watermark), under the roll-up
    lock; members are attributed to their store / channel now."""
    if not days:
        return
    await rollup._ensure_watermark(conn(), SEGMENTS)
    async with in_transaction() as c:
        await rollup._lock_watermark(c)
        wm = await rollup._mark(c, SEGMENTS)
        marks = ", ".join(f"${i + 1}" for i in range(len(days)))
        await execute(c, f"DELETE FROM metrics_segment_daily WHERE day IN ({marks})", list(days))
        where, args = rollup._day_where(days, is_postgres_conn(c), 2)
        await _roll(c, f"e.id <= $1 AND {where}", [wm, *args])


@reconcile.check("metrics_segments_drift")
async def reconcile_segments(rt: Runtime, repair: bool) -> list[reconcile.Finding]:
    """The store / channel roll-up of today and yesterday against the ledger, as `metrics_rollup_drift` does
    for the main one; repair rebuilds a drifted day. `jifen metrics verify` checks every day."""
    return await rollup.reconcile_recent(rt, "metrics_segments_drift", verify, rebuild_days,
                                         lambda d: f"{d.category}/{d.field}", repair)
