"""Time the metric queries again on a database `bench.metrics --keep-db` left behind (no generation, no
backfill): the dashboard's sections, threshold advice from the reach histogram and by the scan, the reach job,
and the 30-day what-ifs (set-based replay on PostgreSQL, and the row loop with `--loop` for an A/B).

    python -m bench.metrics --members 1000000 --entries 1 --keep-db --no-what-if
    python -m bench.metrics_rerun [--loop] [--drop]

Tables added since the database was made are created from the models (`generate_schemas(safe=True)`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from bench.metrics import DB, _admin, timed


async def run(args: argparse.Namespace) -> list[tuple[str, float]]:
    from tortoise import Tortoise

    from app import db
    from app.clock import clock
    from app.config import load_settings
    from app.runtime import Runtime
    from app.services.metrics import planner, reach, simulation
    from app.services.metrics import points as svc

    settings = load_settings(env={k: v for k, v in os.environ.items() if not k.startswith("JIFEN_")})
    settings.database.url = f"{args.pg}/{DB}"
    settings.redis.url = "memory://"
    settings.sandbox.enabled = False
    settings.auth.secret = "bench"
    await db.connect(settings)
    await Tortoise.generate_schemas(safe=True)
    rt = await Runtime.create(settings)
    clock.set(rt.clock.now())  # one instant for every query: the what-if's two modes replay the same window
    rows: list[tuple[str, float]] = []
    try:
        today = rt.clock.today()
        f30 = svc.Filters(today - timedelta(days=29), today)
        await reach.reset()
        queries: list[tuple[str, Callable[[], Awaitable[Any]]]] = [
            ("mix, 30 days (sales from the payments roll-up)", lambda: svc.mix(rt, f30)),
            ("funnel, 30 days (payers: bitmaps)", lambda: svc.funnel(f30)),
            ("repurchase + ROI, 30 days (payments roll-up)", lambda: svc.repurchase(rt, f30, 3000, 0)),
            ("GET /metrics/points (everything), 30 days", lambda: svc.report(rt, f30)),
            ("threshold advice, all tiers, SCAN (no histogram)",
             lambda: planner.threshold_advice(rt, goal_bp=8000, days=30, window_days=30)),
        ]
        for name, fn in queries:
            rows.append((name, await timed(fn, args.repeat)))
            print(f"| {name} | {rows[-1][1] * 1000:,.1f} |", flush=True)
        t0 = time.perf_counter()
        n = await reach.refresh(rt)
        rows.append((f"metrics_reach job: histogram recomputed ({n:,} rows)", time.perf_counter() - t0))
        print(f"| {rows[-1][0]} | {rows[-1][1] * 1000:,.1f} |", flush=True)
        for name, fn in [
            ("threshold advice, all tiers, from the histogram",
             lambda: planner.threshold_advice(rt, goal_bp=8000, days=30, window_days=30)),
            ("threshold advice, one tier, from the histogram",
             lambda: planner.threshold_advice(rt, goal_bp=8000, days=30, window_days=30, tier=1)),
        ]:
            rows.append((name, await timed(fn, args.repeat)))
            print(f"| {name} | {rows[-1][1] * 1000:,.1f} |", flush=True)
        drafts = [("draft check-in rule", simulation.SimulationIn(
            days=30, rule={"code": "check_in_v2", "name": "v2", "event": "check_in", "points_fixed": 10,
                           "streak_bonuses": {"3": 50}})),
                  ("draft campaign on every event", simulation.SimulationIn(
                      days=30, campaign={"name": "x2 Wed", "multiplier_bp": 20000, "recurrence": "weekly",
                                         "weekday": 3}))]
        answers: dict[str, Any] = {}
        for label, draft in drafts:
            for mode in (["set", "loop"] if args.loop else ["set"]):
                out: dict[str, Any] = {}

                async def what_if(draft: Any = draft, mode: str = mode, out: dict[str, Any] = out) -> None:
                    if mode == "loop":  # the row loop: what runs on SQLite, and ran on PostgreSQL before
                        real = simulation.is_postgres_conn
                        simulation.is_postgres_conn = lambda c: False  # type: ignore[assignment]
                        try:
                            out.update(await simulation.simulate(rt, draft))
                        finally:
                            simulation.is_postgres_conn = real  # type: ignore[assignment]
                    else:
                        out.update(await simulation.simulate(rt, draft))

                secs = await timed(what_if, 1)
                answers[f"{label}/{mode}"] = out
                rows.append((f"what-if, 30 days, {label}, {mode} ({out['events']:,} events)", secs))
                print(f"| {rows[-1][0]} | {secs * 1000:,.1f} |", flush=True)
            if args.loop:
                same = answers[f"{label}/set"] == answers[f"{label}/loop"]
                print(f"  {label}: set-based answer == row loop answer: {same}", flush=True)
    finally:
        await rt.close()
        await db.close()
        if args.drop:
            await _admin(args.pg, f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.metrics_rerun", description=__doc__.split("\n")[0])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--loop", action="store_true", help="also time the what-if's row loop (A/B)")
    p.add_argument("--drop", action="store_true", help="drop the bench database at the end")
    p.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    args = p.parse_args(argv)
    asyncio.run(run(args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
