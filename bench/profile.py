"""Sampling profiles of a jifen worker under load (py-spy), summarised to the functions that cost most.

Why py-spy: it attaches to the running Sanic worker from outside, so jifen imports nothing for it and the
profile shows the real server process, uvloop and all. Raw collapsed stacks are reduced to "self" time
(the innermost frame) and "inclusive" time (any frame) per function, which is what README quotes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench import report
from bench.env import LUA_DIR, RESULTS_DIR, ROOT


def _pyspy() -> str | None:
    local = ROOT / ".venv" / "bin" / "py-spy"
    return str(local) if local.exists() else shutil.which("py-spy")


_COMPONENTS = (("asyncpg/", "asyncpg"), ("redis/", "redis-py"), ("sanic_ext/", "sanic-ext"),
               ("sanic_routing/", "sanic"), ("sanic/", "sanic"), ("tortoise/", "tortoise"),
               ("pypika", "tortoise"), ("aiohttp/", "aiohttp"), ("jwt/", "PyJWT"), ("cryptography", "cryptography"),
               ("app/", "jifen"), ("handlers/", "jifen"), ("models/", "jifen"), ("bench/ceiling_app", "ceiling app"),
               ("json/", "json"), ("asyncio/", "asyncio"), ("uuid.py", "uuid"))
_SYSCALLS = ("write", "read", "writev", "sendto", "recvfrom", "sendmsg", "recvmsg", "epoll_wait", "epoll_pwait",
             "getpid", "getrandom", "clock_gettime")


def _component(frame: str) -> str | None:
    return next((name for key, name in _COMPONENTS if key in frame), None)


# a thread that only waits: with --native, py-spy cannot tell its lock wait from work, so the access-log
# writer's timed Event.wait was ~40 % of a login profile's samples and was counted as jifen's CPU
_WAITING_THREADS = ("LineWriter._run",)


def _stacks(raw: Path) -> Iterator[tuple[list[str], int]]:
    """(frames outermost first, sample count) per line of py-spy's raw (collapsed) output, without the samples of
    threads that only wait (the access-log writer sleeping on its timer; its writes are a sliver of a request)."""
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        frames = [f.strip() for f in stack.split(";") if f.strip()]
        if frames and not any(w in f for f in frames for w in _WAITING_THREADS if "wait" in stack.lower()):
            yield frames, int(count)


def components(raw: Path) -> list[tuple[str, float]]:
    """Samples by what runs: a system call (named with the component that made it), else the innermost
    frame's package. With --native stacks this separates kernel time from Python time."""
    counts: Counter[str] = Counter()
    total = 0
    for frames, n in _stacks(raw):
        total += n
        leaf = frames[-1].split(" (")[0]
        owner = next((c for f in reversed(frames) if (c := _component(f))), None)
        if leaf in _SYSCALLS:
            counts[f"{leaf}() from {owner or 'event loop'}"] += n
        else:
            counts[owner or "other (interpreter, uvloop, C)"] += n
    return [(k, 100 * v / total) for k, v in counts.most_common()] if total else []


def summarize(raw: Path, top: int = 25) -> str:
    """Self and inclusive sample shares per function from py-spy's raw (collapsed) output."""
    self_c: Counter[str] = Counter()
    incl: Counter[str] = Counter()
    total = 0
    for frames, n in _stacks(raw):
        total += n
        self_c[frames[-1]] += n
        for f in set(frames):
            incl[f] += n
    if not total:
        return "no samples"
    out = [f"{total} samples", "", "by component (system calls named with their caller):"]
    out += [f"  {pct:5.1f}%  {name}" for name, pct in components(raw)[:top]]
    out += ["", "self time (innermost frame):"]
    out += [f"  {100 * n / total:5.1f}%  {f}" for f, n in self_c.most_common(top)]
    out += ["", "inclusive time (function anywhere on the stack):"]
    out += [f"  {100 * n / total:5.1f}%  {f}" for f, n in incl.most_common(top * 2)]
    return "\n".join(out)


def record_under_load(ctx: Any, server: Any, name: str, script: str, args: list[object],
                      seconds: float = 5.0) -> str:
    """Drive `script` at the server with wrk and sample its first worker with py-spy meanwhile."""
    spy = _pyspy()
    if spy is None:
        return "py-spy not installed (.venv/bin/uv pip install -p .venv/bin/python py-spy)"
    plan = ctx.plan
    duration = seconds + 3
    wrk = subprocess.Popen(["wrk", f"-t{plan.threads}", f"-c{plan.connections}", f"-d{duration:g}s", "-s",
                            str(LUA_DIR / script), server.url, "--", *[str(a) for a in args]],
                           env={**os.environ, "BENCH_LUA_DIR": str(LUA_DIR)}, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        raw = ctx.work / f"profile-{name}.txt"
        # native stacks (C/Cython frames of asyncpg, uvloop, libc) show where CPU goes below Python; py-spy
        # then pauses the worker per sample, which lowers its throughput meanwhile but not the shares.
        # BENCH_PYSPY_NATIVE=0 samples Python frames only, without pausing.
        mode = ["--nonblocking"] if os.environ.get("BENCH_PYSPY_NATIVE") == "0" else ["--native"]
        spied = subprocess.run([spy, "record", "-p", str(server.workers[0]), "-d", f"{int(seconds)}", "-r", "250",
                                *mode, "-f", "raw", "-o", str(raw)], capture_output=True, text=True,
                               timeout=seconds + 30)
        text = summarize(raw) if raw.exists() else f"py-spy produced no output: {spied.stderr[-500:]}"
    finally:
        wrk.wait(timeout=duration + 30)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"{report.stem(ctx.res)}-profile-{name}.txt"
    out.write_text(f"py-spy record, {seconds:g}s at 250 Hz, worker {server.workers[0]}, load {script} {args[:2]}\n\n"
                   f"{text}\n")
    return str(out.relative_to(ROOT))


class SelfProfile:
    """py-spy on this harness process while it runs jifen code in-process (the outbox), summarised like the
    worker profiles. Start before the work, `finish()` after it."""

    def __init__(self, ctx: Any, name: str, seconds: float) -> None:
        self.ctx, self.name = ctx, name
        self.raw = ctx.work / f"profile-{name}.txt"
        spy = _pyspy()
        self.proc = None if spy is None else subprocess.Popen(
            [spy, "record", "-p", str(os.getpid()), "-d", f"{max(int(seconds), 1)}", "-r", "250", "--native",
             "-f", "raw", "-o", str(self.raw)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.3)  # let py-spy attach before the work starts

    def finish(self) -> str:
        if self.proc is None:
            return "py-spy not installed"
        self.proc.wait(timeout=60)
        text = summarize(self.raw) if self.raw.exists() else "py-spy produced no output"
        out = RESULTS_DIR / f"{report.stem(self.ctx.res)}-profile-{self.name}.txt"
        out.write_text(f"py-spy record --native on the harness process during {self.name}\n\n{text}\n")
        return str(out.relative_to(ROOT))
