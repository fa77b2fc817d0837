"""Expiry sweep: jifen's `expiry.expire_due` in-process vs the hand-written set-based SQL, same data.

The data lives in schema `sweep` of jifen_bench (members, point_buckets, point_entries created LIKE the
real tables, indexes included), so the HTTP scenarios' rows never mix in. For each due count the buckets
are re-seeded set-based (indexes dropped and rebuilt around the insert), jifen's sweep runs and is timed,
the data is re-seeded identically, and the ceiling runs: one data-modifying statement in one transaction
doing the same work (buckets expired, balances lowered, one ledger entry per bucket with its running
balance_after). The outcomes are compared so a ratio is never quoted over different work.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import asyncpg

from bench.env import DSN, Plan
from bench.report import Row

SCHEMA = "sweep"

CEILING_SQL = """
WITH due AS (
    UPDATE point_buckets SET state = 'expired', expired_amount = remaining, remaining = 0
    WHERE state = 'active' AND expires_at <= $1 AND remaining > 0
    RETURNING id, member_id, expired_amount
), per_member AS (
    SELECT member_id, SUM(expired_amount) AS amt FROM due GROUP BY member_id
), m AS (
    UPDATE members SET balance = members.balance - p.amt, updated_at = $1
    FROM per_member p WHERE members.id = p.member_id
    RETURNING members.id, members.balance
)
INSERT INTO point_entries (member_id, account, amount, kind, event, source, rule_id, idem_key, balance_after,
                           growth, trace, created_at)
SELECT d.member_id, 'available', -d.expired_amount, 'expire', NULL, 'expiry', NULL, 'expire:' || d.id,
       m.balance + COALESCE(SUM(d.expired_amount) OVER (PARTITION BY d.member_id ORDER BY d.id DESC
                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0),
       0, NULL, $1
FROM due d JOIN m ON m.id = d.member_id
"""


async def _conn() -> asyncpg.Connection:
    return await asyncpg.connect(DSN, server_settings={"search_path": SCHEMA})


async def create_schema() -> None:
    c = await asyncpg.connect(DSN)
    try:
        await c.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; CREATE SCHEMA {SCHEMA}")
        for table in ("members", "point_buckets", "point_entries"):
            await c.execute(f"CREATE TABLE {SCHEMA}.{table} (LIKE public.{table} INCLUDING ALL)")
    finally:
        await c.close()


async def drop_schema() -> None:
    c = await asyncpg.connect(DSN)
    try:
        await c.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    finally:
        await c.close()


async def seed(total: int, due: int) -> float:
    """`total` active buckets over all members (bucket i → member (i-1) % members + 1), the first `due`
    already expired; member balances = their buckets. Returns seconds taken."""
    t0 = time.perf_counter()
    c = await _conn()
    try:
        members = int(await c.fetchval("SELECT count(*) FROM public.members"))
        await c.execute("TRUNCATE point_buckets, point_entries, members")
        indexes = await c.fetch("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND "
                                "tablename = 'point_buckets' AND indexname <> 'point_buckets_pkey'", SCHEMA)
        for ix in indexes:
            await c.execute(f"DROP INDEX {SCHEMA}.{ix['indexname']}")
        await c.execute("""
            INSERT INTO point_buckets (id, member_id, entry_id, state, initial, remaining, expired_amount,
                                       expires_at, release_at, created_at)
            SELECT i, (i - 1) % $3::int + 1, NULL, 'active', 10 + i % 50, 10 + i % 50, 0,
                   CASE WHEN i <= $2::int THEN now() - interval '1 day' - make_interval(mins => (i % 1440)::int)
                        ELSE now() + interval '30 days' + make_interval(mins => (i % 1440)::int) END,
                   NULL, now() - interval '400 days'
            FROM generate_series(1, $1::int) AS i""", total, due, members)
        for ix in indexes:
            await c.execute(ix["indexdef"])
        await c.execute("""
            INSERT INTO members SELECT m.id, m.openid, m.unionid, m.phone, m.phone_country, m.nickname,
                   m.invite_code, m.invited_by_id, COALESCE(x.s, 0), 0, m.growth, m.tier_level, m.checkin_streak,
                   m.last_checkin_day, m.created_at, m.updated_at
            FROM public.members m LEFT JOIN (SELECT member_id, SUM(remaining) AS s FROM point_buckets
                                             GROUP BY member_id) x ON x.member_id = m.id""")
        await c.execute("VACUUM ANALYZE point_buckets")
        await c.execute("ANALYZE members")
    finally:
        await c.close()
    return time.perf_counter() - t0


async def outcome() -> dict[str, int]:
    c = await _conn()
    try:
        row = await c.fetchrow("""
            SELECT (SELECT count(*) FROM point_buckets WHERE state = 'expired') AS expired_buckets,
                   (SELECT count(*) FROM point_entries WHERE kind = 'expire') AS entries,
                   (SELECT COALESCE(-SUM(amount), 0) FROM point_entries WHERE kind = 'expire') AS points,
                   (SELECT SUM(balance) FROM members) AS balances,
                   (SELECT count(*) FROM members m WHERE m.balance <> (SELECT COALESCE(SUM(remaining), 0)
                        FROM point_buckets b WHERE b.member_id = m.id)) AS inconsistent""")
        return {k: int(v) for k, v in dict(row).items()}
    finally:
        await c.close()


async def run_jifen(batch: int) -> dict[str, Any]:
    """`expire_due` exactly as the scheduler calls it, on Tortoise with search_path = sweep."""
    from app import db
    from app.config import load_settings
    from app.services.points import expiry

    settings = load_settings(env={})
    settings.database.url = f"{DSN}?schema={SCHEMA}"
    settings.database.pool_max = 10
    await db.connect(settings)
    try:
        t0 = time.perf_counter()
        r = await expiry.expire_due(datetime.now(UTC), batch)
        seconds = time.perf_counter() - t0
    finally:
        await db.close()
    return {"seconds": seconds, "buckets": r.buckets, "points": r.points, "batches": r.batches}


async def run_ceiling() -> dict[str, Any]:
    c = await _conn()
    try:
        t0 = time.perf_counter()
        async with c.transaction():
            status = await c.execute(CEILING_SQL, datetime.now(UTC))
        seconds = time.perf_counter() - t0
    finally:
        await c.close()
    return {"seconds": seconds, "entries": int(status.split()[-1])}


def run(ctx: Any) -> None:
    from bench.procs import CpuMeter
    from bench.runner import note_foreign, run_async, say, wait_quiet

    plan: Plan = ctx.plan
    batch = 5000
    try:
        from app.config import load_settings

        batch = load_settings().points.sweep_batch_members
    except Exception:
        pass
    run_async(create_schema())
    try:
        for due in plan.sweep_due:
            say(f"== expiry sweep: {plan.sweep_total:,} buckets, {due:,} due")
            seeded = run_async(seed(plan.sweep_total, due))
            wait_quiet(ctx, f"sweep {due}")
            meter = CpuMeter({})
            j = run_async(run_jifen(batch))
            note_foreign(ctx, f"jifen sweep {due}", meter.stop())
            j_out = run_async(outcome())
            say(f"  jifen expire_due (batch {batch}): {j['seconds']:.2f}s, {j['batches']} batches, outcome {j_out}")
            seeded2 = run_async(seed(plan.sweep_total, due))
            wait_quiet(ctx, f"sweep ceiling {due}")
            meter = CpuMeter({})
            c = run_async(run_ceiling())
            note_foreign(ctx, f"ceiling sweep {due}", meter.stop())
            c_out = run_async(outcome())
            say(f"  hand-written set-based SQL:  {c['seconds']:.2f}s, outcome {c_out}")
            same = {k: v for k, v in j_out.items() if k != "balances"} == \
                {k: v for k, v in c_out.items() if k != "balances"} and j_out["balances"] == c_out["balances"]
            name = f"sweep_{due}"
            ctx.res.runs[name] = {"jifen": {**j, "outcome": j_out}, "ceiling": {**c, "outcome": c_out},
                                  "seed_seconds": [round(seeded, 2), round(seeded2, 2)], "same_outcome": same}
            note = f"jifen {j['seconds']:.2f}s in {j['batches']} batches of {batch} members vs {c['seconds']:.2f}s"
            if not same:
                note += "; OUTCOMES DIFFER"
            ctx.res.add(Row(scenario=f"expiry sweep, {due:,} of {plan.sweep_total:,} due", workers="-",
                            jifen=due / j["seconds"], ceiling_name="set-based SQL (1 stmt)",
                            ceiling=due / c["seconds"], unit="buckets/s", target=1 / 1.5,
                            jifen_errors=0 if same else 1, note=note))
    finally:
        run_async(drop_schema())
