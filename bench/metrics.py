"""Metrics benchmark (issue 16): a set-based data generator and the timing of every metric query and of the
roll-up refresh, each reported against a full scan of the ledger measured in the same run.

    python -m bench.metrics --quick                         # 20,000 members x 10 entries (200k), ~1 minute
    python -m bench.metrics --members 200000 --entries 25   # 5M entries
    python -m bench.metrics --members 1000000 --entries 50  # the issue's size: 1M members, 50M entries

Standalone: it needs only PostgreSQL at 127.0.0.1:5432 (user postgres, trust; `--pg` to change) and uses its own
database `jifen_bench_metrics` (dropped and created at the start, dropped at the end unless `--keep-db`); no
Redis (the runtime uses the in-process one), no HTTP server: the services are called in-process, so a figure
is the query's own time.

Generator: members, ledger entries (awards by the seeded rules, spends, expiries, reversals, adjustments,
spread over the last 365 days), check-ins and payments are each `INSERT ... SELECT generate_series` with
values (ids included) derived from the row numbers: deterministic, no client round trip per row. The tables'
secondary indexes are dropped first and rebuilt after, the ledger is inserted in two halves by member on two
connections, and the sessions commit without waiting for the WAL flush: 50M entries in minutes. It does not
keep the ledger's invariants (balances are drawn, not summed): it exists to time the metric queries.

Ceiling: the full scan is `rollup.full_scan()`: the one GROUP BY over every ledger entry that a dashboard
without roll-ups would run per request; a metric query should take a small fraction of it (ratio << 1).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

DB = "jifen_bench_metrics"
EVENTS = ("check_in", "purchase", "share", "community_interaction", "invite_accepted", "phone_bound")


async def _admin(pg: str, sql: str) -> None:
    import asyncpg

    c = await asyncpg.connect(f"{pg}/postgres", timeout=10)
    try:
        await c.execute(sql)
    finally:
        await c.close()


BULK_TABLES = ("members", "point_entries", "checkins", "payments")


async def _connect(dsn: str) -> Any:
    """A generator session: commits do not wait for the WAL flush (a lost tail after a crash only costs a
    rerun of the benchmark)."""
    import asyncpg

    c = await asyncpg.connect(dsn, timeout=10, command_timeout=None)
    await c.execute("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'")
    return c


async def _drop_indexes(c: Any) -> list[str]:
    """Drop the secondary indexes and unique constraints of the bulk tables (primary keys stay); returns the
    statements that rebuild them. Filling the tables bare and indexing once is several times faster than
    maintaining four indexes row by row over 50M inserts."""
    rows = await c.fetch("""
        SELECT t.relname, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), con.conname,
               pg_get_constraintdef(con.oid)
        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.contype IN ('u', 'x')
        WHERE t.relname = ANY($1::text[]) AND NOT i.indisprimary""", list(BULK_TABLES))
    rebuild = []
    for table, index, indexdef, constraint, condef in rows:
        if constraint:
            await c.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{constraint}"')
            rebuild.append(f'ALTER TABLE "{table}" ADD CONSTRAINT "{constraint}" {condef}')
        else:
            await c.execute(f"DROP INDEX {index}")
            rebuild.append(indexdef)
    return sorted(rebuild, key=lambda sql: "point_entries" not in sql)  # the largest first


async def generate(dsn: str, members: int, entries: int) -> dict[str, float]:
    """Fill the database set-based on two connections; returns the seconds each step took.

    Deterministic: every value, ids included, derives from the row numbers, so the two halves of the ledger
    (members 1..n/2 and the rest, inserted at once) give the same rows whatever their interleaving."""
    a, b = await _connect(dsn), await _connect(dsn)
    try:
        t: dict[str, float] = {}
        t0 = time.perf_counter()
        rebuild = await _drop_indexes(a)
        await a.execute("""
            INSERT INTO members (id, openid, invite_code, balance, pending, growth, tier_level, checkin_streak,
                                 created_at, updated_at)
            SELECT i, 'bm' || i, 'M' || lpad(to_hex(i), 8, '0'), (i * 37) % 5000, 0, (i * 53) % 30000,
                   CASE WHEN i % 20 = 0 THEN 3 WHEN i % 7 = 0 THEN 2 WHEN i % 3 = 0 THEN 1 ELSE 0 END, 0,
                   now() - make_interval(days => 30 + i % 700), now()
            FROM generate_series(1, $1::int) AS i""", members)
        await a.execute("SELECT setval(pg_get_serial_sequence('members', 'id'), $1::bigint)", members)
        t["members"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        rules = {r[0]: r[1] for r in await a.fetch("SELECT event, MIN(id) FROM earning_rules GROUP BY event")}
        events = "ARRAY[" + ", ".join(f"'{e}'" for e in EVENTS) + "]"
        rule_ids = "ARRAY[" + ", ".join(str(rules.get(e) or "NULL") for e in EVENTS) + "]::bigint[]"
        # kind by h = a hash of (member, n): 55 % awards, 20 % spends, 10 % expiries, 5 % reversals, 5 %
        # adjustments +, 5 % spends of the mall's kind; amounts 1..200; created over the last 365 days (at least an
        # hour ago); entry n of member m has id (m - 1) x entries + n
        ledger = f"""
            INSERT INTO point_entries (id, member_id, account, amount, kind, event, source, rule_id, idem_key,
                                       balance_after, growth, trace, created_at)
            SELECT (m - 1) * $3 + j, m, 'available',
                   CASE WHEN h < 55 OR h >= 85 AND h < 95 THEN 1 + (m * 31 + j * 17) % 200
                        ELSE -(1 + (m * 31 + j * 17) % 200) END,
                   CASE WHEN h < 55 THEN 'earn' WHEN h < 75 THEN 'spend' WHEN h < 85 THEN 'expire'
                        WHEN h < 90 THEN 'refund' WHEN h < 95 THEN 'adjust' ELSE 'mall_buy' END,
                   CASE WHEN h < 55 THEN ({events})[1 + (m + j) % {len(EVENTS)}]
                        WHEN h >= 90 AND h < 95 THEN 'adjust' END,
                   'bench', CASE WHEN h < 55 THEN ({rule_ids})[1 + (m + j) % {len(EVENTS)}] END, 'g:' || j, 0, 0,
                   NULL, now() - interval '1 hour' - make_interval(mins => ((m * 7919 + j * 104729) % 525600)::int)
            FROM generate_series($1::bigint, $2::bigint) AS m, generate_series(1, $3::bigint) AS j,
                 LATERAL (SELECT (m * 13 + j * 29 + (m * j) % 11) % 100 AS h) hh"""
        half = members // 2
        await asyncio.gather(a.execute(ledger, 1, half, entries), b.execute(ledger, half + 1, members, entries))
        await a.execute("SELECT setval(pg_get_serial_sequence('point_entries', 'id'), $1::bigint)",
                        members * entries)
        t["point_entries"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        await asyncio.gather(a.execute("""
            INSERT INTO checkins (member_id, day, streak, makeup, created_at)
            SELECT m, CAST(now() AS date) - d, 1 + d % 7, false, now() - make_interval(days => d)
            FROM generate_series(1, $1::int, 4) AS m, generate_series(1, 20) AS d""", members), b.execute("""
            INSERT INTO payments (transaction_id, out_trade_no, mchid, appid, openid, member_id, total_fen,
                                  payer_total_fen, success_time, created_at, updated_at)
            SELECT 'tx' || m || '-' || k, 'o' || m || '-' || k, 'mch', 'app', 'bm' || m, m, 1000 + (m * 7) % 50000,
                   1000 + (m * 7) % 50000, now() - make_interval(days => (m + k * 13) % 60), now(), now()
            FROM generate_series(1, $1::int, 3) AS m, generate_series(1, 2) AS k""", members))
        t["checkins_payments"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        queue = list(rebuild)

        async def build(c: Any) -> None:
            while queue:
                await c.execute(queue.pop(0))

        await asyncio.gather(build(a), build(b))
        t["indexes"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        await a.execute("ANALYZE")
        t["analyze"] = time.perf_counter() - t0
        return t
    finally:
        await a.close()
        await b.close()


class _Done(Exception):
    """--no-what-if: the run stops after verify."""


async def timed(fn: Callable[[], Awaitable[Any]], repeat: int) -> float:
    """Median seconds of `repeat` runs (the first warms the caches and is dropped when repeat > 1)."""
    runs = []
    for i in range(repeat + (1 if repeat > 1 else 0)):
        t0 = time.perf_counter()
        await fn()
        if repeat == 1 or i > 0:
            runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


async def run(args: argparse.Namespace) -> dict[str, Any]:
    from app import db
    from app.clock import SHANGHAI
    from app.config import load_settings
    from app.runtime import Runtime
    from app.services.metrics import member_report, planner, reach, rollup, segments, simulation
    from app.services.metrics import points as svc
    from app.services.points.seed import seed_first_install
    from app.sqlx import fetch, fetchrow

    settings = load_settings(env={k: v for k, v in os.environ.items() if not k.startswith("JIFEN_")})
    settings.database.url = f"{args.pg}/{DB}"
    settings.redis.url = "memory://"
    settings.sandbox.enabled = False
    settings.auth.secret = "bench"
    await _admin(args.pg, f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    await _admin(args.pg, f'CREATE DATABASE "{DB}"')
    try:
        await db.migrate(settings, then=lambda: seed_first_install(demo=False))
        await db.connect(settings)
        rt = await Runtime.create(settings)
        try:
            print(f"generating {args.members:,} members x {args.entries} entries ...", flush=True)
            gen = await generate(f"{args.pg}/{DB}", args.members, args.entries)
            total = int((await fetchrow(db.conn(), "SELECT COUNT(*) FROM point_entries"))[0])
            print(f"  {total:,} entries; " + ", ".join(f"{k} {v:.1f}s" for k, v in gen.items()), flush=True)
            rows: list[tuple[str, float]] = []
            drifts = -1
            scan = await timed(lambda: rollup.full_scan(upto=2**62), 1)
            t0 = time.perf_counter()
            rolled = await rollup.refresh_all(rt, batch=args.batch or rollup.BACKFILL_BATCH, settle_seconds=0)
            refresh_full = time.perf_counter() - t0
            how = f"batches of {args.batch:,}" if args.batch else "one pass, as `jifen metrics refresh` from empty"
            rows.append((f"roll-up from zero ({rolled:,} entries + payments + check-ins, {how})", refresh_full))
            # the steady state: 0.1 % new entries since the last refresh
            new = max(total // 1000, 1)
            await db.conn().execute_query(f"""
                INSERT INTO point_entries (member_id, account, amount, kind, event, source, rule_id, idem_key,
                                           balance_after, growth, trace, created_at)
                SELECT 1 + (j * 7) % {args.members}, 'available', 5, 'earn', 'check_in', 'bench', NULL,
                       'new:' || j, 0, 0, NULL, now() - interval '10 seconds'
                FROM generate_series(1, {new}) AS j""")
            rows.append((f"incremental refresh ({new:,} new entries) + member distributions",
                         await timed(lambda: rollup.refresh_all(rt, settle_seconds=0), 1)))
            rows.append(("member distributions alone (balance histogram + join days, every tick)",
                         await timed(rollup.refresh_members, 1)))
            # the payments roll-up: 10,000 changed payments (half new today, half refunded) since the last tick,
            # written now (its watermark follows updated_at: a row backdated behind the last refresh, which a
            # quick run makes within seconds, would be one the roll-up never sees; the settle time is for that)
            await db.conn().execute_query(f"""
                INSERT INTO payments (transaction_id, out_trade_no, mchid, appid, openid, member_id, total_fen,
                                      payer_total_fen, success_time, created_at, updated_at)
                SELECT 'newtx' || j, 'newo' || j, 'mch', 'app', 'bm' || (1 + (j * 11) % {args.members}),
                       1 + (j * 11) % {args.members}, 2000, 2000, now() - interval '20 seconds', now(), now()
                FROM generate_series(1, 5000) AS j""")
            await db.conn().execute_query("""
                UPDATE payments SET refunded_fen = total_fen / 2, updated_at = now()
                WHERE id IN (SELECT id FROM payments WHERE transaction_id NOT LIKE 'new%' ORDER BY id LIMIT 5000)""")
            rows.append(("incremental refresh (5,000 new + 5,000 refunded payments: their days recomputed)",
                         await timed(lambda: rollup.refresh_all(rt, settle_seconds=0), 1)))
            # the store / channel roll-up (issue 16's filters): every member gets a guide in one of 200 stores,
            # then the segment table is rolled from zero in one pass, as `jifen metrics refresh` does
            await db.conn().execute_query(f"""
                INSERT INTO member_guides (member_id, staff_id, store_id, source, created_at)
                SELECT i, 1, 1 + i % 200, 'bench', now() FROM generate_series(1, {args.members}) AS i""")
            rows.append((f"store / channel roll-up from zero ({total + new:,} entries, one pass)",
                         await timed(lambda: segments.refresh_all(rt, batch=rollup.BACKFILL_BATCH,
                                                                   settle_seconds=0), 1)))
            await db.conn().execute_query(f"""
                INSERT INTO point_entries (member_id, account, amount, kind, event, source, rule_id, idem_key,
                                           balance_after, growth, trace, created_at)
                SELECT 1 + (j * 13) % {args.members}, 'available', 5, 'earn', 'check_in', 'bench', NULL,
                       'seg:' || j, 0, 0, NULL, now() - interval '10 seconds'
                FROM generate_series(1, {new}) AS j""")
            await rollup.refresh_all(rt, settle_seconds=0)
            rows.append((f"store / channel roll-up, incremental ({new:,} new entries; every tick)",
                         await timed(lambda: segments.refresh_all(rt, settle_seconds=0), 1)))
            size = await fetchrow(db.conn(), "SELECT pg_total_relation_size('metrics_day_members'), "
                                             "(SELECT COUNT(*) FROM metrics_day_members), "
                                             "(SELECT COUNT(*) FROM metrics_balances), "
                                             "(SELECT COUNT(*) FROM metrics_daily), "
                                             "pg_total_relation_size('point_entries')")
            print(f"  day bitmaps {int(size[0]) / 1e6:,.0f} MB in {int(size[1]):,} rows; balance histogram "
                  f"{int(size[2]):,} rows; metrics_daily {int(size[3]):,} rows; point_entries "
                  f"{int(size[4]) / 1e6:,.0f} MB", flush=True)
            rows.append(("threshold advice (goal 80 %, 30 days, window 30), all tiers, SCAN (no histogram)",
                         await timed(lambda: planner.threshold_advice(rt, goal_bp=8000, days=30, window_days=30), 1)))
            rows.append(("metrics_reach job (reach histogram recomputed, every 5 minutes)",
                         await timed(lambda: reach.refresh(rt), 1)))
            today = rt.clock.today()
            f30 = svc.Filters(today - timedelta(days=29), today)
            f365 = svc.Filters(today - timedelta(days=364), today, granularity="month")
            queries: list[tuple[str, Callable[[], Awaitable[Any]]]] = [
                ("series, 30 days by day", lambda: svc.series(rt, f30)),
                ("series, 365 days by month", lambda: svc.series(rt, f365)),
                ("series, 30 days, one rule", lambda: svc.series(rt, svc.Filters(f30.start, f30.end, rule="purchase"))),
                ("utilisation, 30 days", lambda: svc.utilisation(f30)),
                ("tiers (percentiles of balance)", lambda: svc.tiers(f30)),
                ("issuance mix, 30 days", lambda: svc.mix(rt, f30)),
                ("funnel, 30 days", lambda: svc.funnel(f30)),
                ("repurchase + ROI, 30 days", lambda: svc.repurchase(rt, f30, 3000, 0)),
                ("GET /metrics/points (everything), 30 days", lambda: svc.report(rt, f30)),
                ("GET /metrics/points, 30 days, one store (series, totals, mix)",
                 lambda: svc.report(rt, svc.Filters(f30.start, f30.end, store=7))),
                ("series, 365 days by month, one store",
                 lambda: svc.series(rt, svc.Filters(f365.start, f365.end, granularity="month", store=7))),
                ("budget plan", lambda: planner.plan(rt, planner.PlanIn(mode="fixed", budget_fen=10**8))),
                ("threshold advice (goal 80 %, 30 days, window 30), all tiers, from the reach histogram",
                 lambda: planner.threshold_advice(rt, goal_bp=8000, days=30, window_days=30)),
                ("annual report, one member", lambda: member_report.annual_report(rt, 12345 % args.members + 1,
                                                                                  today.year)),
            ]
            lo = datetime(f30.start.year, f30.start.month, f30.start.day, tzinfo=SHANGHAI)
            # what a dashboard without the member roll-ups ran per request (the previous implementation)
            c = db.conn()
            queries += [
                ("BASELINE per request: percentiles of balance from members",
                 lambda: fetch(c, "SELECT tier_level, COUNT(*), SUM(balance), percentile_disc(ARRAY[.25, .5, .75, .9]) "
                                  "WITHIN GROUP (ORDER BY balance) FROM members GROUP BY tier_level")),
                ("BASELINE per request: distinct redeemers, 30 days, from the ledger",
                 lambda: fetch(c, "SELECT COUNT(DISTINCT member_id) FROM point_entries WHERE kind IN ('spend', "
                                  "'mall_buy') AND created_at >= $1 AND created_at < $2",
                               [lo, lo + timedelta(days=30)])),
                ("BASELINE per request: distinct check-ins, 30 days, from checkins",
                 lambda: fetch(c, "SELECT COUNT(DISTINCT member_id) FROM checkins WHERE day >= $1 AND day <= $2",
                               [f30.start, f30.end])),
                ("BASELINE per request: members joined by a day (COUNT over members)",
                 lambda: fetch(c, "SELECT COUNT(*) FROM members WHERE created_at < $1", [lo + timedelta(days=30)])),
                ("BASELINE per request: rank band (COUNT over members)",
                 lambda: fetch(c, "SELECT COUNT(*), COUNT(CASE WHEN balance > 2500 THEN 1 END) FROM members")),
            ]
            for name, fn in queries:
                rows.append((name, await timed(fn, args.repeat)))
            drift: list[Any] = []

            async def verify() -> None:
                drift[:] = await rollup.verify()

            rows.append(("jifen metrics verify (full scan + compare)", await timed(verify, 1)))
            seg_drift: list[Any] = []

            async def verify_segments() -> None:
                seg_drift[:] = await segments.verify()

            rows.append(("store / channel roll-up verify (full scan + compare)", await timed(verify_segments, 1)))
            drift += seg_drift
            drifts = len(drift)
            print(f"  verify: {drifts} drifts" + "".join(f"\n    {d.view()}" for d in drift[:10]), flush=True)
            if args.no_what_if:
                raise _Done
            draft = simulation.SimulationIn(days=30, rule={"code": "check_in_v2", "name": "v2", "event": "check_in",
                                                          "points_fixed": 10, "streak_bonuses": {"3": 50}})
            out: dict[str, Any] = {}

            async def what_if() -> None:
                out.update(await simulation.simulate(rt, draft))

            secs = await timed(what_if, 1)
            rows.append((f"what-if, 30 days, draft check-in rule ({out['events']:,} events)", secs))
            draft2 = simulation.SimulationIn(days=30, campaign={"name": "x2 Wed", "multiplier_bp": 20000,
                                                                "recurrence": "weekly", "weekday": 3})
            out.clear()

            async def what_if_campaign() -> None:
                out.update(await simulation.simulate(rt, draft2))

            secs = await timed(what_if_campaign, 1)
            rows.append((f"what-if, 30 days, draft campaign on every event ({out['events']:,} events)", secs))
        except _Done:
            pass
        finally:
            await rt.close()
            await db.close()
    finally:
        if not args.keep_db:
            await _admin(args.pg, f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    print(f"\nceiling: full scan of the ledger (GROUP BY over {total:,} entries) {scan * 1000:,.0f} ms\n")
    print("| what | ms | / full scan |\n|---|---|---|")
    for name, secs in rows:
        print(f"| {name} | {secs * 1000:,.1f} | {secs / scan:.3f}x |")
    return {"members": args.members, "entries": total, "generator_s": gen, "full_scan_ms": scan * 1000,
            "verify_drifts": drifts,
            "rows": [{"what": n, "ms": s * 1000, "ratio": s / scan} for n, s in rows]}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.metrics", description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="20,000 members x 10 entries (the default size)")
    p.add_argument("--members", type=int, default=20_000)
    p.add_argument("--entries", type=int, default=10, help="ledger entries per member")
    p.add_argument("--batch", type=int, default=0,
                   help="roll-up batch (entries per transaction); 0: one pass, as `jifen metrics refresh` from empty")
    p.add_argument("--repeat", type=int, default=3, help="runs per query (median)")
    p.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    p.add_argument("--keep-db", action="store_true")
    p.add_argument("--no-what-if", action="store_true", help="stop after verify (the what-ifs take minutes)")
    p.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = p.parse_args(argv)
    if args.quick:
        args.members, args.entries = 20_000, 10
    result = asyncio.run(run(args))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
