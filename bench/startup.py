"""Start-up: how long `jifen serve --workers 1` takes from launch to its first answer, beside the ceiling app.

Why it is measured: a worker's start is what a rolling deploy, a crashed worker's replacement and a scale-out
wait for, and Sanic's main process kills the whole server when a worker has not acknowledged its start in time
(`[server] worker_start_seconds`). Until 2026-12-03 sanic-ext added HEAD and OPTIONS to every route at server
start, where Sanic re-finalized its routers after each one: ~15 s of every start (jifen.server.add_head_and_options).

Each server is started alone (jifen, ceiling, ceiling, jifen: ABBA, the medians kept), in production shape
(PostgreSQL, Redis, the sandbox as WeChat; the database already migrated), and timed from launch to the first
answer of its health route with every worker ready. The rate is starts per minute (60 / seconds), so the ratio
reads like the others: the fraction of the ceiling's speed. The ceiling is the bench's ceiling app: Sanic with
its ~20 raw routes and its pools, no ORM, no models, no ~350 routes; jifen's imports and route table are its
own cost, so there is no target, only the figure to watch.
"""

from __future__ import annotations

import statistics
import time

from bench import procs
from bench.report import Row
from bench.runner import Ctx, ready, say, spawn_ceiling, spawn_jifen


def _start_seconds(ctx: Ctx, which: str) -> float:
    started = time.monotonic()
    spawned = spawn_jifen(ctx, 1) if which == "jifen" else spawn_ceiling(ctx, 1)
    try:
        ready(spawned, "/healthz" if which == "jifen" else "/bare", 1)
        return time.monotonic() - started
    finally:
        procs.stop(spawned[0])


def run(ctx: Ctx) -> None:
    say("== start-up: launch to first answer, one worker, each server alone (ABBA)")
    seconds: dict[str, list[float]] = {"jifen": [], "ceiling": []}
    for which in ("jifen", "ceiling", "ceiling", "jifen"):
        seconds[which].append(_start_seconds(ctx, which))
    jifen, ceiling = statistics.median(seconds["jifen"]), statistics.median(seconds["ceiling"])
    ctx.res.runs["startup"] = {k: [round(s, 2) for s in v] for k, v in seconds.items()}
    say(f"  jifen {jifen:.1f} s, ceiling app {ceiling:.1f} s (each the median of two)")
    ctx.res.add(Row(scenario="start-up, launch to first answer (1 worker)", workers="1", jifen=round(60 / jifen, 1),
                    ceiling_name="bench ceiling app (Sanic, raw routes)", ceiling=round(60 / ceiling, 1),
                    unit="starts/min", note=f"jifen {jifen:.1f} s, ceiling {ceiling:.1f} s"))
