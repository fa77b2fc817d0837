"""Login, jifen against its ceiling, in many short alternating parts: worker CPU per request and rate per side.

Why: this VM's speed moves by 20-30 % within seconds, so one ABBA of 5 s halves put the same tree anywhere
between 0.80x and 1.00x of the ceiling. Sixteen 3 s parts (`jccj` x 4) give each side the same answer within a
few per cent from run to run, and the worker CPU per request beside the rate says whether a change made jifen
cheaper or the machine faster. Extra `KEY=VALUE` arguments go into jifen's environment (e.g.
`JIFEN_RATELIMIT_LOGIN_PER_IP=0 JIFEN_RATELIMIT_LOGIN_PER_OPENID=0` to see what the rate limit costs).

`--preload SECONDS` splits the rounds around that much check-in, ledger and balance load on both sides (what a full
run serves before login), to see whether it leaves jifen's login dearer than a fresh worker's.

Needs the benchmark database (`scripts/bench --only balance --workers 1 --keep-db` leaves it):

    PYTHONPATH=. .venv/bin/python -m bench.alternate [--rounds 4] [--seconds 3] [--workers 1] [--preload 0] \
        [KEY=VALUE ...]
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


def _preload(servers: dict, seconds: int, work: Path) -> None:
    """What the full run serves before login, on both sides: check-ins, then the ledger's first page, then the
    balance, `seconds` in all (a third each)."""
    from bench.dataset import mint_tokens

    readers, writers = mint_tokens(PLAN, work)
    n, part = PLAN.threads, max(seconds // 3, 1)
    for j_path, c_path, tokens, method in (("/api/v1/checkins", "/checkin_raw", writers, "POST"),
                                           ("/api/v1/points/ledger", "/ledger_raw", readers, "GET"),
                                           ("/api/v1/points", "/points_raw", readers, "GET")):
        for side, path in (("j", j_path), ("c", c_path)):
            run_wrk(f"preload {path}", servers[side].url, "authed.lua", [method, path, tokens, 0, n], PLAN,
                    duration=part, expected=(200, 201, 429))
    print(f"preloaded {seconds}s of check-in, ledger and balance on both sides", flush=True)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=4, help="jccj rounds (default 4: sixteen parts)")
    p.add_argument("--seconds", type=int, default=3, help="seconds per part")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--preload", type=int, default=0,
                   help="seconds of check-in, ledger and balance load on both sides halfway through (the full "
                        "run's order before login): the rounds before and after it are reported apart")
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
        phases = [("", args.rounds)] if not args.preload else [("before the preload: ", args.rounds // 2 or 1),
                                                                ("after the preload: ", args.rounds // 2 or 1)]
        for n, (label, rounds) in enumerate(phases):
            if n:
                _preload(servers, args.preload, work)
            results: dict[str, list[tuple[float, float]]] = {"j": [], "c": []}
            for side in "jccj" * rounds:
                rps, us = _load(sides[side][0], sides[side][1], args.seconds, worker_pids[side])
                results[side].append((rps, us))
                print(f"{'jifen  ' if side == 'j' else 'ceiling'} {rps:7,.0f} req/s  {us:5.0f} µs worker "
                      "CPU/request", flush=True)
            mean = {s: (statistics.mean(r for r, _ in v), statistics.mean(u for _, u in v))
                    for s, v in results.items()}
            print(f"{label}jifen {mean['j'][0]:,.0f} req/s at {mean['j'][1]:.0f} µs, ceiling {mean['c'][0]:,.0f} "
                  f"req/s at {mean['c'][1]:.0f} µs: ratio {mean['j'][0] / mean['c'][0]:.2f}x, CPU per request "
                  f"{mean['j'][1] / mean['c'][1]:.2f}x the ceiling's", flush=True)
    finally:
        for proc in reversed(started):
            procs.stop(proc)


if __name__ == "__main__":
    main()
