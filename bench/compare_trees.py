"""Before/after on a shared machine: two jifen trees served side by side, measured ABBA, CPU per request.

`python -m bench.compare_trees --base /tmp/jifen-base --only checkin login [--rounds 2] [--seconds 4]`

Why: throughput on this 2-core machine moves 2x between runs minutes apart when other sessions run test
suites, so a "before" run and an "after" run cannot be compared. Here both trees serve at once (one worker
each, same database, Redis and sandbox), and every scenario runs in the order base, new, new, base (per round)
so drift falls on both alike. Reported per tree: requests/s and the worker's CPU per request (user + system
from /proc over the measurement), the load-robust figure, and the new/base ratios of both.

`--base` is a plain copy of the earlier commit (`git archive <commit> | tar -x -C DIR`); it is served by this
tree's virtualenv with PYTHONPATH pointing at it. Holds the benchmark's lock and its database like `python -m
bench` (or, with BENCH_DB_NAME and BENCH_REDIS_PREFIX set, its own); the database is dropped at the end.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from bench import dataset, procs
from bench.env import DB_NAME, JIFEN, PYTHON, ROOT, free_port, jifen_env, plan_for
from bench.runner import _single_run_lock, _wait_workers, clean_redis, run_async, say
from bench.wrk import run_wrk

SCENARIOS = {
    "checkin": ("authed.lua", "/api/v1/checkins", (201, 200)),
    "login": ("login.lua", "/api/v1/auth/login", (200, 201)),
}


def _serve(name: str, tree: Path, work: Path, sandbox_url: str) -> tuple[procs.Proc, str, list[int]]:
    port = free_port()
    env = {**jifen_env(port, sandbox_url), "PYTHONPATH": str(tree)}
    launcher = tree / "bench" / "slow_start.py"
    if not launcher.exists():  # an older tree: lend it this one's launcher
        shutil.copy(ROOT / "bench" / "slow_start.py", launcher)
    proc = procs.start(name, [PYTHON, "-m", "bench.slow_start", "jifen", "serve", "--workers", "1"], env, work,
                       cwd=tree)
    url = f"http://127.0.0.1:{port}"
    procs.wait_http(f"{url}/healthz", proc, timeout=150)
    return proc, url, _wait_workers(proc, 1)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.compare_trees")
    p.add_argument("--base", type=Path, required=True)
    p.add_argument("--only", nargs="+", choices=sorted(SCENARIOS), default=sorted(SCENARIOS))
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--seconds", type=float, default=4.0)
    args = p.parse_args(argv)
    plan = plan_for(True, None, None)
    # the lock guards the default database and key prefix; with BENCH_DB_NAME/BENCH_REDIS_PREFIX of its own
    # this can run beside another session's run (both then share the CPU: the figures are ABBA ratios)
    lock = _single_run_lock() if DB_NAME == "jifen_bench" else True
    if lock is None:
        return 3
    procs.install_cleanup()
    work = Path(tempfile.mkdtemp(prefix="jifen-compare-"))
    try:
        run_async(dataset.recreate_database())
        dataset.migrate(work)
        run_async(dataset.seed(plan))
        _, writers = dataset.mint_tokens(plan, work)
        clean_redis()
        sport = free_port()
        sandbox = procs.start("sandbox", [JIFEN, "sandbox", "--port", str(sport)],
                              jifen_env(0, "http://127.0.0.1:9"), work)
        sandbox_url = f"http://127.0.0.1:{sport}"
        procs.wait_http(f"{sandbox_url}/__sandbox__/health", sandbox, timeout=120)
        servers = {"base": _serve("jifen-base", args.base.resolve(), work, sandbox_url),
                   "new": _serve("jifen-new", ROOT, work, sandbox_url)}
        say(f"python {sys.version.split()[0]}; base {args.base} workers {servers['base'][2]}, "
            f"new {ROOT} workers {servers['new'][2]}")
        for scenario in args.only:
            script, path, expected = SCENARIOS[scenario]
            wrk_args: list[object] = (["POST", path, writers, 0, plan.threads] if scenario == "checkin"
                                      else [path, plan.members])
            totals = {side: {"req": 0, "s": 0.0, "cpu": 0.0} for side in servers}
            for r in range(args.rounds):
                for side in ("base", "new", "new", "base"):
                    if scenario == "checkin":
                        run_async(dataset.reset(plan))
                    workers = servers[side][2]
                    meter = procs.CpuMeter({"w": lambda workers=workers: workers})
                    res = run_wrk(f"{scenario}-{side}", servers[side][1], script, wrk_args, plan,
                                  duration=args.seconds, expected=expected)
                    cpu = meter.stop()
                    seconds = res.duration_s or args.seconds
                    cpu_s = cpu["w"] / 100 * seconds
                    totals[side]["req"] += res.requests
                    totals[side]["s"] += seconds
                    totals[side]["cpu"] += cpu_s
                    say(f"  {scenario} r{r + 1} {side:<4} {res.rps:7,.0f} req/s  "
                        f"{cpu_s / max(res.requests, 1) * 1e6:6.0f} us CPU/req  errors {res.errors}  "
                        f"others {cpu['others']:.0f}%")
            out = {side: (t["req"] / t["s"], t["cpu"] / max(t["req"], 1) * 1e6) for side, t in totals.items()}
            say(f"{scenario}: base {out['base'][0]:,.0f} req/s {out['base'][1]:.0f} us/req; new {out['new'][0]:,.0f} "
                f"req/s {out['new'][1]:.0f} us/req; throughput new/base {out['new'][0] / out['base'][0]:.2f}x, "
                f"CPU per request new/base {out['new'][1] / out['base'][1]:.2f}x")
    finally:
        procs.stop_all()
        clean_redis()
        run_async(dataset.drop_database())
        say(f"logs in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
