"""Login, jifen against its ceiling, in many short alternating parts: worker CPU per request and rate per side.

Why: this VM's speed moves by 20-30 % within seconds, so one ABBA of 5 s halves put the same tree anywhere
between 0.80x and 1.00x of the ceiling. Sixteen 3 s parts (`jccj` x 4) give each side the same answer within a
few per cent from run to run, and the worker CPU per request beside the rate says whether a change made jifen
cheaper or the machine faster. Extra `KEY=VALUE` arguments go into jifen's environment (e.g.
`JIFEN_RATELIMIT_LOGIN_PER_IP=0 JIFEN_RATELIMIT_LOGIN_PER_OPENID=0` to see what the rate limit costs).

Needs the benchmark database (`scripts/bench --only balance --workers 1 --keep-db` leaves it):

    PYTHONPATH=. .venv/bin/python -m bench.alternate [--rounds 4] [--seconds 3] [--workers 1] [KEY=VALUE ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from bench import procs
from bench.env import PYTHON, free_port, jifen_env, plan_for
from bench.runner import ceiling_env, ready
from bench.wrk import run_wrk

PLAN = plan_for(quick=False, soak_minutes=None, only=None)


def _load(url: str, path: str, seconds: int, workers: list[int]) -> tuple[float, float]:
    """wrk's login load for `seconds` (the full run's threads and connections): (requests per second, worker CPU
    µs per request)."""
    before = {p: procs.cpu_seconds(p) for p in workers}
    result = run_wrk(f"alternate {path}", url, "login.lua", [path, PLAN.members], PLAN, duration=seconds)
    used = sum(procs.cpu_seconds(p) - before[p] for p in workers)
    return result.requests / seconds, used / max(result.requests, 1) * 1e6


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=4, help="jccj rounds (default 4: sixteen parts)")
    p.add_argument("--seconds", type=int, default=3, help="seconds per part")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("env", nargs="*", help="KEY=VALUE for jifen's environment")
    args = p.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jifen-alternate-"))
    sandbox_port = free_port()
    sandbox_url = f"http://127.0.0.1:{sandbox_port}"
    started: list[procs.Proc] = []
    try:
        sandbox = procs.start("sandbox", [PYTHON, "-m", "bench.sandbox_proc", "--port", str(sandbox_port)],
                              dict(os.environ), work)
        started.append(sandbox)
        procs.wait_http(f"{sandbox_url}/__sandbox__/health", sandbox, timeout=60)
        jport, cport = free_port(), free_port()
        jenv = {**jifen_env(jport, sandbox_url, {}), **dict(kv.split("=", 1) for kv in args.env)}
        workers = str(args.workers)
        jifen = procs.start("jifen", [PYTHON, "-m", "bench.slow_start", "jifen", "serve", "--workers", workers],
                            jenv, work)
        started.append(jifen)
        ceiling = procs.start("ceiling", [PYTHON, "-m", "bench.slow_start", "ceiling", "--port", str(cport),
                                          "--workers", workers], ceiling_env(cport, sandbox_url), work)
        started.append(ceiling)
        servers = {"j": ready((jifen, f"http://127.0.0.1:{jport}"), "/healthz", args.workers),
                   "c": ready((ceiling, f"http://127.0.0.1:{cport}"), "/bare", args.workers)}
        sides = {"j": (servers["j"].url, "/api/v1/auth/login"), "c": (servers["c"].url, "/login_raw")}
        worker_pids = {k: server.workers for k, server in servers.items()}
        for side in "jc":  # each side's own warm-up, not measured
            _load(sides[side][0], sides[side][1], 2, worker_pids[side])
        results: dict[str, list[tuple[float, float]]] = {"j": [], "c": []}
        for side in "jccj" * args.rounds:
            rps, us = _load(sides[side][0], sides[side][1], args.seconds, worker_pids[side])
            results[side].append((rps, us))
            print(f"{'jifen  ' if side == 'j' else 'ceiling'} {rps:7,.0f} req/s  {us:5.0f} µs worker CPU/request",
                  flush=True)
        mean = {s: (statistics.mean(r for r, _ in v), statistics.mean(u for _, u in v)) for s, v in results.items()}
        print(f"jifen {mean['j'][0]:,.0f} req/s at {mean['j'][1]:.0f} µs, ceiling {mean['c'][0]:,.0f} req/s at "
              f"{mean['c'][1]:.0f} µs: ratio {mean['j'][0] / mean['c'][0]:.2f}x, CPU per request "
              f"{mean['j'][1] / mean['c'][1]:.2f}x the ceiling's")
    finally:
        for proc in reversed(started):
            procs.stop(proc)


if __name__ == "__main__":
    main()
