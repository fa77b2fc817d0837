"""The reach histogram behind threshold advice (issue 16, scale round 3).

Threshold advice asks, per tier, what members could hold within `days` at their own earning rate of the last
`window_days`: reach = max(balance, 0) + earned x days / window_days (integer arithmetic). Grouping the window's
ledger entries per member and joining every member took 2-4 s per request at a million members. The
`metrics_reach` job computes the same statement's inner part once per run for the configured window
(`[metrics] reach_window_days`) as a histogram (tier, balance, earned) -> members; a request turns it into reach
values for any `days` with one GROUP BY over the histogram.

Exact as of the histogram's instant (`as_of` in the answer, at most `reach_max_age_seconds` old): the same SQL as
the per-request scan, with that instant as "now". A request for another window, or with no fresh histogram (the
scheduler stopped), runs the scan (`source: scan` in the answer).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from app.db import conn, is_postgres_conn
from app.runtime import Runtime
from app.services.metrics.classify import release_sql
from app.sqlx import execute, fetch, fetchrow, to_dt

REACH = "reach"


def member_sql(first: int) -> str:
    """tier_level, balance (negative as 0), earned in [${first}, ${first + 1}) per member (every member)."""
    return ("SELECT m.tier_level, CASE WHEN m.balance > 0 THEN m.balance ELSE 0 END AS balance, "
            "COALESCE(e.s, 0) AS earned FROM members m LEFT JOIN (SELECT e.member_id, SUM(e.amount) AS s "
            f"FROM point_entries e WHERE e.created_at >= ${first} AND e.created_at < ${first + 1} "
            f"AND (e.kind = 'earn' OR (e.kind = 'adjust' AND e.amount > 0)) AND NOT {release_sql()} "
            "GROUP BY e.member_id) e ON e.member_id = m.id")


async def refresh(rt: Runtime, now: datetime | None = None) -> int:
    """Recompute the histogram for the configured window ending now; returns its rows. One writer at a time:
    the `reach` watermark row is locked first (SQLite serialises writers)."""
    window = rt.settings.metrics.reach_window_days
    now = now or rt.clock.now()
    await execute(conn(), "INSERT INTO metrics_watermarks (name, last_entry_id) VALUES ($1, 0) "
                          "ON CONFLICT (name) DO NOTHING", [REACH])
    async with in_transaction() as c:
        lock = " FOR UPDATE" if is_postgres_conn(c) else ""
        if not lock:
            await execute(c, "UPDATE metrics_watermarks SET last_entry_id = last_entry_id WHERE name = $1", [REACH])
        await fetchrow(c, f"SELECT name FROM metrics_watermarks WHERE name = $1{lock}", [REACH])
        await execute(c, "DELETE FROM metrics_reach")
        await execute(c, "INSERT INTO metrics_reach (tier_level, balance, earned, members) "
                         f"SELECT tier_level, balance, earned, COUNT(*) FROM ({member_sql(1)}) x "
                         "GROUP BY tier_level, balance, earned", [now - timedelta(days=window), now])
        await execute(c, "UPDATE metrics_watermarks SET last_entry_id = $1, position_at = $2, updated_at = $2 "
                         "WHERE name = $3", [window, now, REACH])
        row = await fetchrow(c, "SELECT COUNT(*) FROM metrics_reach")
    return int(row[0]) if row else 0


async def histogram(rt: Runtime, *, days: int, window_days: int, tier: int | None,
                    now: datetime) -> tuple[list[Any], datetime, str]:
    """(tier_level, reach, members) rows in order, the instant they hold for and where they came from."""
    c = conn()
    mark = await fetchrow(c, "SELECT last_entry_id, position_at FROM metrics_watermarks WHERE name = $1", [REACH])
    tier_sql = "" if tier is None else f" WHERE tier_level = {int(tier)}"
    at = to_dt(mark[1]) if mark is not None and mark[1] is not None else None
    fresh = (at is not None and int(mark[0]) == window_days
             and now - at <= timedelta(seconds=rt.settings.metrics.reach_max_age_seconds) and at <= now)
    if fresh:
        assert at is not None
        rows = await fetch(c, "SELECT tier_level, reach, SUM(members) FROM (SELECT tier_level, "
                              f"balance + earned * $1 / $2 AS reach, members FROM metrics_reach{tier_sql}) x "
                              "GROUP BY tier_level, reach ORDER BY tier_level, reach", [days, window_days])
        return rows, at, "rollup"
    rows = await fetch(c, "SELECT tier_level, reach, COUNT(*) FROM (SELECT tier_level, "
                          f"balance + earned * $3 / $4 AS reach FROM ({member_sql(1)}) y{tier_sql}) x "
                          "GROUP BY tier_level, reach ORDER BY tier_level, reach",
                       [now - timedelta(days=window_days), now, days, window_days])
    return rows, now, "scan"


async def reset() -> None:
    """Forget the histogram (tests; a changed window): requests scan until the job runs again."""
    await execute(conn(), "UPDATE metrics_watermarks SET position_at = NULL WHERE name = $1", [REACH])
    await execute(conn(), "DELETE FROM metrics_reach")
