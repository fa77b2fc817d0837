"""Run wrk with one of bench/lua's scripts and read back the JSON line its done() prints."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from bench.env import LUA_DIR, Plan


@dataclass
class LoadResult:
    """One measured load run: throughput, latency and every answer that was not expected."""

    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    duration_s: float
    statuses: dict[str, int] = field(default_factory=dict)
    expected: tuple[int, ...] = (200,)
    socket_errors: int = 0
    wraps: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        """Answers outside the expected statuses (non-2xx included) plus connect/read/write/timeouts."""
        unexpected = sum(n for code, n in self.statuses.items() if int(code) not in self.expected)
        return unexpected + self.socket_errors

    @property
    def non_2xx(self) -> int:
        return sum(n for code, n in self.statuses.items() if not 200 <= int(code) < 300)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(errors=self.errors, non_2xx=self.non_2xx)
        return out


def merge(name: str, parts: list[LoadResult]) -> LoadResult:
    """One figure from several runs of the same load: throughput over the summed time, latency percentiles
    as the request-weighted mean of each part's (wrk reports percentiles, not histograms)."""
    if len(parts) == 1:
        parts[0].name = name
        return parts[0]
    requests = sum(p.requests for p in parts)
    duration = sum(p.duration_s for p in parts)
    weight = [p.requests / requests if requests else 1 / len(parts) for p in parts]
    statuses: dict[str, int] = {}
    for p in parts:
        for code, n in p.statuses.items():
            statuses[code] = statuses.get(code, 0) + n
    cpu: dict[str, float] = {}
    for p in parts:
        for k, v in p.extra.get("cpu_pct", {}).items():
            cpu[k] = round(cpu.get(k, 0.0) + v * p.duration_s / duration, 1)
    return LoadResult(name=name, rps=requests / duration if duration else 0.0,
                      p50_ms=sum(w * p.p50_ms for w, p in zip(weight, parts, strict=True)),
                      p99_ms=sum(w * p.p99_ms for w, p in zip(weight, parts, strict=True)),
                      requests=requests, duration_s=duration, statuses=dict(sorted(statuses.items())),
                      expected=parts[0].expected, socket_errors=sum(p.socket_errors for p in parts),
                      wraps=sum(p.wraps for p in parts),
                      extra={"cpu_pct": cpu, "parts_rps": [round(p.rps, 1) for p in parts]})


class WrkFailed(RuntimeError):
    pass


def run_wrk(name: str, url: str, script: str, args: Iterable[object], plan: Plan, *, duration: float | None = None,
            expected: tuple[int, ...] = (200,), connections: int | None = None) -> LoadResult:
    """`wrk -t<threads> -c<connections> -d<duration>` against url with bench/lua/<script> and its args."""
    seconds = duration if duration is not None else plan.duration
    cmd = ["wrk", f"-t{plan.threads}", f"-c{connections or plan.connections}", f"-d{seconds:g}s", "--timeout", "10s",
           "-s", str(LUA_DIR / script), url, "--", *[str(a) for a in args]]
    env = {**os.environ, "BENCH_LUA_DIR": str(LUA_DIR)}
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=seconds + 60)
    except subprocess.TimeoutExpired as exc:
        raise WrkFailed(f"wrk for {name} did not finish") from exc
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if proc.returncode != 0 or line is None:
        raise WrkFailed(f"wrk for {name} failed ({proc.returncode}): {proc.stderr.strip()[-2000:]} "
                        f"{proc.stdout.strip()[-2000:]}")
    data = json.loads(line[len("BENCH_JSON "):])
    errors = data["errors"]
    duration_s = data["duration_us"] / 1e6
    return LoadResult(
        name=name, rps=data["requests"] / duration_s if duration_s else 0.0, p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000, requests=data["requests"], duration_s=duration_s,
        statuses={str(k): int(v) for k, v in sorted(data["statuses"].items())}, expected=expected,
        socket_errors=errors["connect"] + errors["read"] + errors["write"] + errors["timeout"],
        wraps=int(data.get("wraps", 0)))
