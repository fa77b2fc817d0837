"""`python -m bench`: bring everything up, measure jifen beside its ceilings, write bench/results/.

Order of a run: database (drop/create, migrate, seed) → tokens → sandbox → pgbench (nothing else
running) → for 1 and then 2 workers: jifen serve + the ceiling app with the same worker count, warm-up,
then each request scenario as jifen / ceiling pairs back to back → expiry sweep → push delivery →
report. Every write scenario starts from the same reset state; every process is killed on exit.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import dataset, procs
from bench.env import (
    APP_SECRET,
    APPID,
    AUTH_SECRET,
    CHECKIN_POINTS,
    DB_NAME,
    DSN,
    JIFEN,
    PG_HOST,
    PG_PORT,
    PG_USER,
    PGBENCH_DIR,
    POOL_MAX,
    PYTHON,
    REDIS_PREFIX,
    REDIS_URL,
    ROOT,
    SCENARIOS,
    Plan,
    free_port,
    jifen_env,
    plan_for,
)
from bench.report import Results, Row, machine_info, markdown, write
from bench.wrk import LoadResult, merge, run_wrk


def say(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def run_async(coro: Any) -> Any:
    """uvloop like jifen's own processes (`jifen serve`, `jifen scheduler`)."""
    try:
        import uvloop

        return uvloop.run(coro)
    except ImportError:  # pragma: no cover
        return asyncio.run(coro)


@dataclass
class Ctx:
    plan: Plan
    work: Path
    res: Results
    readers: Path = Path()
    writers: Path = Path()
    sandbox_url: str = ""
    keys_dir: Path = Path()
    keys_env: dict[str, str] = field(default_factory=dict)
    pgbench: LoadResult | None = None
    payments_ok: bool = False
    outbox_ok: bool = False
    wecom_ok: bool = False
    notifications: tuple[Path, float, int] | None = None  # signed file, signed at, how many


@dataclass
class Server:
    proc: procs.Proc
    url: str
    workers: list[int]


# -- setup --------------------------------------------------------------------------------------------------
def prepare(ctx: Ctx) -> None:
    plan = ctx.plan
    t0 = time.perf_counter()
    say(f"database {DB_NAME}: drop/create, migrate")
    run_async(dataset.recreate_database())
    dataset.migrate(ctx.work)
    say(f"seeding {plan.members:,} members and {plan.read_members * plan.read_entries:,} ledger entries")
    ctx.res.timings.update({f"seed_{k}": round(v, 2) for k, v in run_async(dataset.seed(plan)).items()})
    ctx.readers, ctx.writers = dataset.mint_tokens(plan, ctx.work)
    ctx.keys_dir = ctx.work / "keys"
    ctx.keys_env = _wechatpay_env(ctx.keys_dir)
    clean_redis()
    ctx.res.machine = machine_info(run_async(dataset.server_version()))
    from bench import payments, push, wecom

    ctx.payments_ok, why_not_pay = payments.available()
    ctx.outbox_ok, why_not_push = push.available()
    ctx.wecom_ok, why_not_wecom = wecom.available()
    for ok, why in ((ctx.payments_ok, why_not_pay), (ctx.outbox_ok, why_not_push), (ctx.wecom_ok, why_not_wecom)):
        if not ok:
            ctx.res.notes.append(why)
    ctx.res.timings["setup"] = round(time.perf_counter() - t0, 1)


def _wecom_env() -> dict[str, str]:
    """The callback credentials jifen serves `/wecom/callback` with, for the ceiling's `/wecom_raw`."""
    try:
        from bench.wecom import credentials

        token, aes_key, corpid = credentials()
    except Exception:
        return {}
    return {"BENCH_WECOM_TOKEN": token, "BENCH_WECOM_AES_KEY": aes_key, "BENCH_WECOM_CORPID": corpid}


def _wechatpay_env(keys_dir: Path) -> dict[str, str]:
    """Production-style WeChat Pay settings pointing at throw-away dev keys (sandbox mode is off in jifen)."""
    from app.wechatpay.keys import generate_dev_keys

    keys = generate_dev_keys(keys_dir)
    return {
        "JIFEN_SANDBOX_KEYS_DIR": str(keys_dir),
        "JIFEN_WECHATPAY_APIV3_KEY": keys.apiv3_key,
        "JIFEN_WECHATPAY_PUBLIC_KEY_PATH": str(keys.platform_public_key_path),
        "JIFEN_WECHATPAY_PUBLIC_KEY_ID": keys.platform_public_key_id,
        "JIFEN_WECHATPAY_PRIVATE_KEY_PATH": str(keys.merchant_private_key_path),
        "JIFEN_WECHATPAY_CERT_SERIAL": keys.merchant_serial,
    }


def clean_redis() -> int:
    """Delete only this harness's keys (prefix jifen-bench: in db 9); never FLUSHALL."""
    import redis

    r = redis.Redis.from_url(REDIS_URL)
    try:
        keys = list(r.scan_iter(match=f"{REDIS_PREFIX}*", count=1000))
        for i in range(0, len(keys), 500):
            r.delete(*keys[i:i + 500])
        return len(keys)
    finally:
        r.close()


def start_sandbox(ctx: Ctx) -> procs.Proc:
    port = free_port()
    env = jifen_env(0, "http://127.0.0.1:9", ctx.keys_env)
    proc = procs.start("sandbox", [JIFEN, "sandbox", "--port", str(port)], env, ctx.work)
    ctx.sandbox_url = f"http://127.0.0.1:{port}"
    procs.wait_http(f"{ctx.sandbox_url}/__sandbox__/health", proc, timeout=120)
    return proc


# -- servers --------------------------------------------------------------------------------------------------
def spawn_jifen(ctx: Ctx, workers: int) -> tuple[procs.Proc, str]:
    port = free_port()
    env = jifen_env(port, ctx.sandbox_url, ctx.keys_env)
    # through bench.slow_start: a loaded machine must not abort the run at Sanic's 30 s start-up limit
    proc = procs.start(f"jifen-w{workers}", [PYTHON, "-m", "bench.slow_start", "jifen", "serve", "--workers",
                                             str(workers)], env, ctx.work)
    return proc, f"http://127.0.0.1:{port}"


def ceiling_env(port: int, sandbox_url: str, keys_dir: Path | None = None) -> dict[str, str]:
    """The ceiling app's environment: jifen's, plus what its raw handlers read (`bench/ceiling_app.py`)."""
    env = {**jifen_env(port, sandbox_url), "BENCH_DSN": DSN, "BENCH_SECRET": AUTH_SECRET,
           "BENCH_POOL_MAX": str(POOL_MAX), "BENCH_WECHAT_BASE": sandbox_url, "BENCH_APPID": APPID,
           "BENCH_APP_SECRET": APP_SECRET, "BENCH_CHECKIN_POINTS": str(CHECKIN_POINTS), **_wecom_env()}
    if keys_dir is not None:
        env["BENCH_KEYS_DIR"] = str(keys_dir)
    return env


def spawn_ceiling(ctx: Ctx, workers: int) -> tuple[procs.Proc, str]:
    port = free_port()
    argv = [PYTHON, "-m", "bench.slow_start", "ceiling", "--port", str(port), "--workers", str(workers)]
    return (procs.start(f"ceiling-w{workers}", argv, ceiling_env(port, ctx.sandbox_url, ctx.keys_dir), ctx.work),
            f"http://127.0.0.1:{port}")


def ready(spawned: tuple[procs.Proc, str], path: str, workers: int) -> Server:
    proc, url = spawned
    procs.wait_http(f"{url}{path}", proc, timeout=150)
    return Server(proc, url, _wait_workers(proc, workers))


def start_jifen(ctx: Ctx, workers: int) -> Server:
    return ready(spawn_jifen(ctx, workers), "/healthz", workers)


def _wait_workers(proc: procs.Proc, n: int, timeout: float = 60.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = procs.sanic_workers(proc)
        if len(workers) >= n and proc.log_path.read_text(errors="replace").count("Worker ready") >= n:
            return workers[:n]
        time.sleep(0.2)
    raise RuntimeError(f"{proc.name}: {n} workers not ready\n{proc.log_tail()}")


# -- measuring ------------------------------------------------------------------------------------------------
QUIET_PCT = 30.0  # other processes' CPU (% of one core) below which the machine counts as ours


def wait_quiet(ctx: Ctx, what: str) -> float:
    """Wait (bounded) until other sessions' processes leave the CPU to us; returns their last CPU %.

    On 2 shared cores a test suite running elsewhere halves every figure, so a measurement waits for it
    first — at most 45 s per wait and 150 s per run in full mode (8 s / 12 s in quick) — and each
    measurement records the CPU other processes took meanwhile."""
    per_wait, budget = ctx.plan.quiet_wait
    spent = ctx.res.timings.get("waited_for_quiet", 0.0)
    if spent >= budget:
        return -1.0
    t0 = time.monotonic()
    while True:
        meter = procs.CpuMeter({})
        time.sleep(0.5)
        others = meter.stop()["others"]
        waited = time.monotonic() - t0
        if others < QUIET_PCT or waited >= per_wait or spent + waited >= budget:
            break
        if waited < 1.0:
            say(f"  waiting for other processes to leave the CPU ({others:.0f}% of a core) before {what}")
    ctx.res.timings["waited_for_quiet"] = round(spent + time.monotonic() - t0, 1)
    return others


def note_foreign(ctx: Ctx, what: str, cpu: dict[str, float]) -> None:
    """Remember measurements taken while other sessions' processes used the CPU (their figures are low)."""
    if cpu.get("others", 0.0) >= QUIET_PCT:
        ctx.res.contended[what] = cpu["others"]


def measure(ctx: Ctx, name: str, server: Server, script: str, args: list[object], *,
            expected: tuple[int, ...] = (200,), duration: float | None = None, record: bool = True) -> LoadResult:
    """One wrk run against `server`, with the CPU split of workers / PostgreSQL / Redis over it."""
    wait_quiet(ctx, name)
    meter = procs.CpuMeter({"server_workers": lambda: server.workers,
                            "postgres": lambda: procs.pids_named("postgres"),
                            "redis": lambda: procs.pids_named("redis-server")})
    result = run_wrk(name, server.url, script, args, ctx.plan, duration=duration, expected=expected)
    result.extra["cpu_pct"] = meter.stop()
    if record:
        note_foreign(ctx, name, result.extra["cpu_pct"])
        ctx.res.runs[name] = result.to_json()
    say(f"  {name:<28} {result.rps:>9,.0f} req/s  p50 {result.p50_ms:6.1f} ms  p99 {result.p99_ms:6.1f} ms  "
        f"errors {result.errors}  statuses {result.statuses}  cpu {result.extra['cpu_pct']}")
    return result


def warmups(ctx: Ctx) -> int:
    """How many unmeasured parts `measure_pair(..., warm=True)` runs first (one per side, full mode only)."""
    return 2 if ctx.plan.mode == "full" and ctx.plan.warmup > 0 else 0


def measure_pair(ctx: Ctx, name: str, jifen: tuple[Server, str, list[object]],
                 ceiling: tuple[Server, str, list[object]], *, expected: tuple[int, ...] = (200,),
                 before: Callable[[], None] | None = None, warm: bool = False) -> tuple[LoadResult, LoadResult]:
    """jifen and its ceiling under the same load. In full mode as eight parts of a quarter of the duration each
    (rounded up to whole seconds) in the order jifen, ceiling, ceiling, jifen twice (ABBA ABBA), so drift and
    other sessions' load over the pair fall on both sides alike; `before` (e.g. a database reset) runs before
    every part. (Halves, ABBA once, until 2026-12-03: this VM's speed moves by 20-30 % within seconds (steal
    time), and a login pair measured 0.80-1.00x from one run to the next; alternating 3-second parts gave the
    same side the same answer within a few per cent on every run.)

    `warm` (full mode; loads whose requests may repeat): first each side's own load for `plan.warmup`
    seconds, not measured. The server-wide warm-up is a mixed load on jifen and a read on the ceiling; a
    scenario with its own outbound calls (login: keep-alive connections to the sandbox, which aiohttp drops
    after 15 s idle) had its first part measured cold: 10-20 % below the side's later part on every run, and
    jifen's first part is always first in its pair. `before` runs before each warm-up too (`warmups` says how
    many there are, for callers that count what each part left behind)."""
    alternating = ctx.plan.mode == "full"
    order = ("j", "c", "c", "j") * 2 if alternating else ("j", "c")
    duration = float(math.ceil(ctx.plan.duration * 2 / len(order)))  # whole seconds: wrk's -d takes integers
    parts: dict[str, list[LoadResult]] = {"j": [], "c": []}
    for server, script, args in (jifen, ceiling)[:warmups(ctx) if warm else 0]:
        if before is not None:
            before()
        run_wrk(f"warmup {name}", server.url, script, args, ctx.plan, duration=ctx.plan.warmup,
                expected=expected)
    for i, side in enumerate(order):
        server, script, args = jifen if side == "j" else ceiling
        if before is not None:
            before()
        label = f"{name}{'' if side == 'j' else '_raw'}"
        parts[side].append(measure(ctx, f"{label}#{i + 1}" if alternating else label, server, script, args,
                                   expected=expected, duration=duration, record=not alternating))
    j, c = merge(name, parts["j"]), merge(f"{name}_raw", parts["c"])
    for r in (j, c):
        ctx.res.runs[r.name] = r.to_json()
        note_foreign(ctx, r.name, r.extra.get("cpu_pct", {}))
    return j, c


def pair_row(scenario: str, workers: int, jifen: LoadResult, ceiling: LoadResult, ceiling_name: str,
             target: float | None = None, note: str = "") -> Row:
    def per_request(r: LoadResult, group: str) -> float:
        pct = r.extra.get("cpu_pct", {}).get(group, 0.0)
        return round(pct * 10 / r.rps, 3) if r.rps else 0.0  # % of a core -> ms of CPU per request

    cpu = {"jifen_workers": per_request(jifen, "server_workers"), "jifen_pg": per_request(jifen, "postgres"),
           "ceiling_workers": per_request(ceiling, "server_workers"), "ceiling_pg": per_request(ceiling, "postgres")}
    return Row(scenario=scenario, workers=str(workers), jifen=jifen.rps, ceiling_name=ceiling_name,
               ceiling=ceiling.rps, jifen_p50_ms=jifen.p50_ms, jifen_p99_ms=jifen.p99_ms,
               ceiling_p50_ms=ceiling.p50_ms, ceiling_p99_ms=ceiling.p99_ms, jifen_errors=jifen.errors,
               ceiling_errors=ceiling.errors, target=target, note=note, cpu_ms=cpu)


def reset_db(ctx: Ctx) -> None:
    run_async(dataset.reset(ctx.plan))


def run_pgbench(ctx: Ctx) -> LoadResult:
    """pgbench running the check-in statements on random writers (-c16 -j2 -M prepared), latencies logged."""
    plan = ctx.plan
    ids = dataset.writer_ids(plan)
    logdir = ctx.work / "pgbench"
    logdir.mkdir(exist_ok=True)
    cmd = ["pgbench", "-n", "-f", str(PGBENCH_DIR / "checkin.sql"), "-c", "16", "-j", "2",
           "-T", str(int(plan.pgbench_seconds)), "-M", "prepared", "-D", f"first={ids.start}",
           "-D", f"last={ids.stop - 1}", "-l", "--log-prefix", str(logdir / "log"),
           "-h", PG_HOST, "-p", str(PG_PORT), "-U", PG_USER, DB_NAME]
    wait_quiet(ctx, "pgbench")
    meter = procs.CpuMeter({})  # pgbench's backends come and go within the run: only machine-wide figures
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=plan.pgbench_seconds + 60)
    cpu = meter.stop()
    note_foreign(ctx, "pgbench", cpu)
    if proc.returncode != 0:
        raise RuntimeError(f"pgbench failed: {proc.stderr[-2000:]}")
    tps = float(re.search(r"tps = ([\d.]+) \(without initial connection time\)", proc.stdout).group(1))  # type: ignore[union-attr]
    latencies: list[int] = []
    failed = 0
    for f in logdir.glob("log*"):
        for line in f.read_text().splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[2].isdigit():
                latencies.append(int(parts[2]))
            elif len(parts) >= 3:
                failed += 1
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(int(len(latencies) * p), len(latencies) - 1)] / 1000 if latencies else 0.0

    result = LoadResult(name="pgbench_checkin", rps=tps, p50_ms=pct(0.50), p99_ms=pct(0.99),
                        requests=len(latencies), duration_s=plan.pgbench_seconds, socket_errors=failed)
    result.extra["cpu_pct"] = cpu
    ctx.res.runs["pgbench_checkin"] = result.to_json()
    say(f"  pgbench check-in            {tps:>9,.0f} tps    p50 {result.p50_ms:6.1f} ms  p99 {result.p99_ms:6.1f} ms")
    shutil.rmtree(logdir, ignore_errors=True)
    return result


def http_round(ctx: Ctx, workers: int) -> None:
    """Every request scenario with `workers` jifen workers, each beside its ceiling with as many workers."""
    plan, res = ctx.plan, ctx.res
    n = plan.threads
    say(f"== {workers} worker(s): starting jifen serve and the ceiling app")
    spawned_j, spawned_c = spawn_jifen(ctx, workers), spawn_ceiling(ctx, workers)
    try:
        jifen = ready(spawned_j, "/healthz", workers)
        ceiling = ready(spawned_c, "/bare", workers)
    except BaseException:
        procs.stop(spawned_j[0])
        procs.stop(spawned_c[0])
        raise
    try:
        say(f"  jifen workers {jifen.workers}, ceiling workers {ceiling.workers}; warm-up {plan.warmup:g}s")
        mix = "points:30,ledger:30,checkin:30,login:10"
        with ThreadPoolExecutor(2) as pool:  # both warm-ups at once: they are not measurements
            warm = [pool.submit(run_wrk, "warmup", jifen.url, "mixed.lua",
                                ["/api/v1", ctx.readers, ctx.writers, n, plan.members, mix], plan,
                                duration=plan.warmup, expected=(200, 201)),
                    pool.submit(run_wrk, "warmup", ceiling.url, "authed.lua",
                                ["GET", "/points_raw", ctx.readers, 0, n], plan, duration=plan.warmup)]
            for f in warm:
                f.result()
        w = f"w{workers}"
        later = plan.later_rounds if workers != plan.workers[0] else None

        def wants(scenario: str) -> bool:
            return plan.wants(scenario) and (later is None or scenario in later)

        if wants("bare"):
            if plan.mode != "quick":  # jifen's own plain JSON route beside it: the framework/middleware share
                j, c = measure_pair(ctx, f"healthz_{w}",
                                    (jifen, "authed.lua", ["GET", "/healthz", ctx.readers, 0, n]),
                                    (ceiling, "authed.lua", ["GET", "/bare", ctx.readers, 0, n]))
                ctx.res.runs[f"bare_{w}"] = c.to_json()
                res.add(pair_row("framework: GET /healthz", workers, j, c, "bare Sanic /bare"))
            else:
                measure(ctx, f"bare_{w}", ceiling, "authed.lua", ["GET", "/bare", ctx.readers, 0, n])
        if wants("checkin"):
            j, c = measure_pair(ctx, f"checkin_{w}",
                                (jifen, "authed.lua", ["POST", "/api/v1/checkins", ctx.writers, 0, n]),
                                (ceiling, "authed.lua", ["POST", "/checkin_raw", ctx.writers, 0, n]),
                                expected=(201, 200), before=lambda: reset_db(ctx))
            reset_db(ctx)
            note = f"{j.statuses.get('200', 0)} already-checked-in answers (200) after the token list wrapped" \
                if j.statuses.get("200") else ""
            res.add(pair_row("check-in", workers, j, c, "raw asyncpg txn", target=1.0, note=note))
            # the real ceiling (issue #17 item 3): one hand-written statement + the same rate-limit call,
            # no pool reset; its own jifen/ceiling pair so the ratio is paired like every other
            j1, c1 = measure_pair(ctx, f"checkin_one_{w}",
                                  (jifen, "authed.lua", ["POST", "/api/v1/checkins", ctx.writers, 0, n]),
                                  (ceiling, "authed.lua", ["POST", "/checkin_one", ctx.writers, 0, n]),
                                  expected=(201, 200), before=lambda: reset_db(ctx))
            reset_db(ctx)
            res.add(pair_row("check-in", workers, j1, c1, "1 SQL stmt + rate limit (asyncpg, no reset)",
                             target=0.7))
            if ctx.pgbench is not None:
                p = ctx.pgbench
                res.add(Row(scenario="check-in", workers=str(workers), jifen=j.rps, ceiling_name="pgbench (tps)",
                            ceiling=p.rps, jifen_p50_ms=j.p50_ms, jifen_p99_ms=j.p99_ms, ceiling_p50_ms=p.p50_ms,
                            ceiling_p99_ms=p.p99_ms, jifen_errors=j.errors, target=0.5))
            bare = ctx.res.runs.get(f"bare_{w}")
            if bare:
                res.add(Row(scenario="check-in", workers=str(workers), jifen=j.rps, ceiling_name="bare Sanic /bare",
                            ceiling=bare["rps"], jifen_p50_ms=j.p50_ms, jifen_p99_ms=j.p99_ms,
                            ceiling_p50_ms=bare["p50_ms"], ceiling_p99_ms=bare["p99_ms"], jifen_errors=j.errors))
        if wants("ledger"):
            j, c = measure_pair(ctx, f"ledger_{w}", (jifen, "authed.lua", ["GET", "/api/v1/points/ledger", ctx.readers,
                                                                            0, n]),
                                (ceiling, "authed.lua", ["GET", "/ledger_raw", ctx.readers, 0, n]))
            res.add(pair_row("ledger first page", workers, j, c, "raw asyncpg"))
        if wants("balance"):
            j, c = measure_pair(ctx, f"balance_{w}",
                                (jifen, "authed.lua", ["GET", "/api/v1/points", ctx.readers, 0, n]),
                                (ceiling, "authed.lua", ["GET", "/points_raw", ctx.readers, 0, n]))
            res.add(pair_row("balance", workers, j, c, "raw asyncpg"))
        if wants("login"):
            j, c = measure_pair(ctx, f"login_{w}", (jifen, "login.lua", ["/api/v1/auth/login", plan.members]),
                                (ceiling, "login.lua", ["/login_raw", plan.members]), warm=True)
            res.add(pair_row("login (sandbox)", workers, j, c, "raw aiohttp+asyncpg", target=0.9))
        if wants("notify") and ctx.payments_ok:
            from bench import payments

            payments.http_pair(ctx, workers, jifen, ceiling)
        if wants("notify_coupon") and ctx.payments_ok:
            from bench import payments

            payments.http_pair(ctx, workers, jifen, ceiling, coupons=True)
        if wants("wecom") and ctx.wecom_ok:
            from bench import wecom

            wecom.http_pair(ctx, workers, jifen, ceiling)
            wecom.interactions_pair(ctx, workers, jifen, ceiling)
        if "profile" in plan.only or (plan.mode == "full" and workers == plan.workers[0]):
            profile_round(ctx, jifen, workers, ceiling)
        res.memory[f"{workers} worker(s)"] = [procs.memory_kib(pid).get("VmHWM", 0) for pid in jifen.workers]
        res.memory[f"ceiling {workers} worker(s)"] = [procs.memory_kib(pid).get("VmHWM", 0)
                                                      for pid in ceiling.workers]
    finally:
        procs.stop(jifen.proc)
        procs.stop(ceiling.proc)


def profile_round(ctx: Ctx, jifen: Server, workers: int, ceiling: Server | None = None) -> None:
    """py-spy on a worker under the check-in load and, when payments exist, the notification load; only for
    scenarios that missed their target in this round (or all of them with --only profile)."""
    from bench import profile

    forced = "profile" in ctx.plan.only
    failing = {r.scenario for r in ctx.res.rows if r.workers == str(workers) and r.verdict == "FAIL"}
    if forced or "check-in" in failing:
        reset_db(ctx)
        ctx.res.profiles[f"checkin_w{workers}"] = profile.record_under_load(
            ctx, jifen, f"checkin_w{workers}", "authed.lua",
            ["POST", "/api/v1/checkins", ctx.writers, 0, ctx.plan.threads])
        reset_db(ctx)
        if forced and ceiling is not None:  # the same load on the raw ceiling, for a side-by-side breakdown
            ctx.res.profiles[f"checkin_raw_w{workers}"] = profile.record_under_load(
                ctx, ceiling, f"checkin_raw_w{workers}", "authed.lua",
                ["POST", "/checkin_raw", ctx.writers, 0, ctx.plan.threads])
            reset_db(ctx)
            ctx.res.profiles[f"checkin_one_w{workers}"] = profile.record_under_load(
                ctx, ceiling, f"checkin_one_w{workers}", "authed.lua",
                ["POST", "/checkin_one", ctx.writers, 0, ctx.plan.threads])
            reset_db(ctx)
    if forced or "login (sandbox)" in failing:
        ctx.res.profiles[f"login_w{workers}"] = profile.record_under_load(
            ctx, jifen, f"login_w{workers}", "login.lua", ["/api/v1/auth/login", ctx.plan.members])
        if forced and ceiling is not None:
            ctx.res.profiles[f"login_raw_w{workers}"] = profile.record_under_load(
                ctx, ceiling, f"login_raw_w{workers}", "login.lua", ["/login_raw", ctx.plan.members])
    if ctx.payments_ok and (forced or "payment notification" in failing):
        from bench import payments

        path = payments.fresh_notifications(ctx, 3_000)
        reset_db(ctx)
        ctx.res.profiles[f"notify_w{workers}"] = profile.record_under_load(
            ctx, jifen, f"notify_w{workers}", "notify.lua", [payments.notify_path(), path, 0, ctx.plan.threads])
        reset_db(ctx)


def _single_run_lock(wait_s: float = 600.0) -> Any:
    """One run at a time per machine: runs share database jifen_bench, Redis db 9 and the CPU. A second
    run waits (bounded) for the first; the lock dies with the process."""
    import fcntl

    handle = open("/tmp/jifen-bench.lock", "w")
    deadline = time.monotonic() + wait_s
    announced = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() > deadline:
                handle.close()
                return None
            if not announced:
                say("another benchmark run is in progress; waiting for it to finish")
                announced = True
            time.sleep(2.0)


@contextlib.contextmanager
def phase(ctx: Ctx, name: str) -> Iterator[None]:
    t0 = time.perf_counter()
    try:
        yield
    finally:
        ctx.res.timings[name] = round(time.perf_counter() - t0, 1)


# -- entry --------------------------------------------------------------------------------------------------
def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description="jifen benchmarks against measured ceilings")
    p.add_argument("--quick", action="store_true", help="~3 s per scenario, scaled-down sweep/push; < 2 minutes")
    p.add_argument("--soak", type=float, nargs="?", const=10.0, default=None, metavar="MINUTES",
                   help="mixed load in 1-minute slices (default 10, at most 30): RSS and p99 per slice")
    p.add_argument("--only", nargs="+", choices=[*SCENARIOS, "profile"], metavar="SCENARIO",
                   help=f"run only these scenarios: {', '.join(SCENARIOS)} (and 'profile': py-spy on check-in)")
    p.add_argument("--workers", type=int, nargs="+", choices=[1, 2], help="worker counts (default 1 2)")
    p.add_argument("--keep-db", action="store_true", help="leave jifen_bench in place afterwards")
    p.add_argument("--budget", action="store_true",
                   help="configure a points budget for the year (far below its warning line): awards then also "
                        "read and add to the budget counter in Redis")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    plan = plan_for(args.quick, args.soak, args.only)
    if args.workers:
        plan = replace(plan, workers=tuple(args.workers))
    if args.budget:
        plan = replace(plan, budget=True)
    for tool in ("wrk", "pgbench"):
        if shutil.which(tool) is None:
            print(f"{tool} is required on PATH", file=sys.stderr)
            return 2
    # the lock guards the default database and key prefix; a run given its own (BENCH_DB_NAME and
    # BENCH_REDIS_PREFIX) shares only the CPU with another run - its ratios are still same-run pairs
    lock = _single_run_lock() if DB_NAME == "jifen_bench" else True
    if lock is None:
        print("another `python -m bench` holds /tmp/jifen-bench.lock (it owns database jifen_bench); "
              "waited 10 minutes, giving up", file=sys.stderr)
        return 3
    procs.install_cleanup()
    work = Path(tempfile.mkdtemp(prefix="jifen-bench-"))
    res = Results(mode=plan.mode + ("-budget" if plan.budget else ""), started=datetime.now(UTC),
                  only=frozenset(args.only or ()))
    if plan.budget:
        res.notes.append(f"a points budget of {dataset.BUDGET_POINTS:,} is configured for the year (warning line "
                         "80 %, far from reached): the single-statement check-in and payment credit also read and "
                         "add to the Redis budget counter")
    ctx = Ctx(plan=plan, work=work, res=res)
    t_start = time.perf_counter()
    failed = False
    try:
        prepare(ctx)
        start_sandbox(ctx)
        if plan.mode == "soak":
            from bench import soak

            soak.run(ctx)
        else:
            if plan.wants("roundtrips"):
                from bench import roundtrips

                with phase(ctx, "roundtrips"):
                    say("== round trips per operation (in-process, unloaded)")
                    roundtrips.run(ctx)
            if plan.wants("startup"):
                from bench import startup

                with phase(ctx, "startup"):
                    startup.run(ctx)
            if plan.wants("pgbench") or plan.wants("checkin"):
                with phase(ctx, "pgbench"):
                    reset_db(ctx)
                    ctx.pgbench = run_pgbench(ctx)
                    reset_db(ctx)
            if any(plan.wants(s) for s in ("bare", "checkin", "ledger", "balance", "login", "notify",
                                           "notify_coupon", "wecom", "profile")):
                for workers in plan.workers:
                    with phase(ctx, f"round_w{workers}"):
                        http_round(ctx, workers)
            if plan.wants("wecom") and ctx.wecom_ok:
                from bench import wecom

                with phase(ctx, "wecom_burst"):
                    wecom.burst(ctx)
            if plan.wants("sweep"):
                from bench import sweep

                with phase(ctx, "sweep"):
                    sweep.run(ctx)
            if plan.wants("push") and ctx.outbox_ok:
                from bench import push

                with phase(ctx, "push"):
                    push.run(ctx)
            if plan.wants("mall"):
                from bench import mall

                with phase(ctx, "mall"):
                    mall.run(ctx)
    except Exception as exc:  # recorded in the results, which are still written
        failed = True
        res.notes.append(f"run aborted: {type(exc).__name__}: {str(exc)[:500]}")
        say(f"ABORTED: {exc}")
    finally:
        procs.stop_all()
        res.timings["total"] = round(time.perf_counter() - t_start, 1)
        clean_redis()
        if not args.keep_db:
            run_async(dataset.drop_database())
        for bulky in ("tokens_read.txt", "tokens_write.txt", "notifications.tsv", "wecom_callbacks.tsv",
                      "interactions.tsv"):
            (work / bulky).unlink(missing_ok=True)
        say(f"process logs in {work}")
    json_path, md_path = write(res)
    print()
    print(markdown(res))
    say(f"wrote {json_path.relative_to(ROOT)} and {md_path.relative_to(ROOT)} in {res.timings['total']:.0f}s")
    return 1 if failed else 0
