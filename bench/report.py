"""Results of one run: rows of (jifen figure, ceiling, ratio, target), memory, machine; JSON + markdown out."""

from __future__ import annotations

import json
import platform
import sys
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.env import RESULTS_DIR


@dataclass
class Row:
    """One comparison. `rate` figures are per second (higher is better), so ratio = jifen / ceiling always
    means "fraction of the ceiling reached" and a target is a minimum ratio."""

    scenario: str
    workers: str  # "1", "2" or "-" (in-process work)
    jifen: float
    ceiling_name: str
    ceiling: float
    unit: str = "req/s"
    jifen_p50_ms: float | None = None
    jifen_p99_ms: float | None = None
    ceiling_p50_ms: float | None = None
    ceiling_p99_ms: float | None = None
    jifen_errors: int = 0
    ceiling_errors: int = 0
    target: float | None = None
    note: str = ""
    # CPU per request (ms) of the server's workers and of PostgreSQL, from /proc over the run
    cpu_ms: dict[str, float] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.jifen / self.ceiling if self.ceiling else 0.0

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        return "PASS" if self.ratio >= self.target and self.jifen_errors == 0 else "FAIL"

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": round(self.ratio, 3), "verdict": self.verdict}


@dataclass
class Results:
    mode: str
    started: datetime
    rows: list[Row] = field(default_factory=list)
    runs: dict[str, Any] = field(default_factory=dict)  # every raw measurement by name
    memory: dict[str, Any] = field(default_factory=dict)
    soak: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    profiles: dict[str, str] = field(default_factory=dict)
    machine: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    only: frozenset[str] = frozenset()
    contended: dict[str, float] = field(default_factory=dict)  # measurement -> other processes' CPU %

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        return row


def machine_info(pg_version: str) -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return {"nproc": str(os.cpu_count()), "cpu": cpu, "python": sys.version.split()[0],
            "postgresql": pg_version, "kernel": platform.release()}


def _fmt(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def _lat(p50: float | None, p99: float | None) -> str:
    if p50 is None:
        return "–"
    return f"{_fmt(p50)} / {_fmt(p99)}"


def markdown(res: Results) -> str:
    m = res.machine
    lines = [
        f"### jifen benchmark — {res.mode} — {res.started:%Y-%m-%d %H:%M} UTC",
        "",
        f"Machine: nproc {m.get('nproc')}, {m.get('cpu')}, Python {m.get('python')}, "
        f"PostgreSQL {m.get('postgresql')}, kernel {m.get('kernel')}.",
        "",
        "| scenario | workers | jifen | p50 / p99 ms | errors | ceiling | ceiling figure | p50 / p99 ms | ratio "
        "| target |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in res.rows:
        target = f"≥ {r.target:.2f}x {r.verdict}" if r.target is not None else ""
        lines.append(
            f"| {r.scenario} | {r.workers} | {_fmt(r.jifen)} {r.unit} | {_lat(r.jifen_p50_ms, r.jifen_p99_ms)} | "
            f"{r.jifen_errors} | {r.ceiling_name} | {_fmt(r.ceiling)} {r.unit} | "
            f"{_lat(r.ceiling_p50_ms, r.ceiling_p99_ms)} | {r.ratio:.2f}x | {target} |")
    cost_rows = [r for r in res.rows if r.cpu_ms]
    if cost_rows:
        lines += ["", "CPU per request (ms; server workers / PostgreSQL; from /proc over the same runs):", "",
                  "| scenario | workers | ceiling | jifen workers | jifen PostgreSQL | ceiling workers | "
                  "ceiling PostgreSQL |",
                  "|---|---|---|---|---|---|---|"]
        seen = set()
        for r in cost_rows:  # one line per pair measured (check-in has two ceilings, each its own pair)
            if (r.scenario, r.workers, r.ceiling_name) in seen:
                continue
            seen.add((r.scenario, r.workers, r.ceiling_name))
            c = r.cpu_ms
            cells = " | ".join(f"{c.get(k, 0):.2f}" for k in ("jifen_workers", "jifen_pg", "ceiling_workers",
                                                               "ceiling_pg"))
            lines.append(f"| {r.scenario} | {r.workers} | {r.ceiling_name} | {cells} |")
    if res.memory:
        lines += ["", "Peak RSS per jifen worker (VmHWM): " + "; ".join(
            f"{k}: " + ", ".join(f"{v / 1024:.0f} MiB" for v in vals) for k, vals in res.memory.items()) + "."]
    if res.soak:
        s = res.soak
        lines += ["", f"Soak: {s.get('minutes')} min mixed load, {s.get('workers')} workers: RSS growth after warm-up "
                      f"{s.get('rss_growth_pct', 0):+.1f}% ({'flat' if s.get('rss_flat') else 'NOT flat'}), "
                      f"p99 slice {s.get('p99_slices_compared', ['first', 'last'])[0]} / "
                      f"{s.get('p99_slices_compared', ['first', 'last'])[1]}: {s.get('p99_first_ms', 0):.1f} / "
                      f"{s.get('p99_last_ms', 0):.1f} ms (drift {s.get('p99_drift_pct', 0):+.1f}%), "
                      f"errors {s.get('errors', 0)}; slices with other sessions' load: "
                      f"{s.get('contended_slices', [])}."]
        lines += ["", "| slice | req/s | p50 ms | p99 ms | RSS MiB (all workers) | other sessions' CPU % |",
                  "|---|---|---|---|---|---|"]
        lines += [f"| {x['slice']} | {x['rps']:,.0f} | {x['p50_ms']:.1f} | {x['p99_ms']:.1f} | "
                  f"{x['rss_kib_total'] / 1024:.0f} | {x.get('others_cpu_pct', 0):.0f} |" for x in s.get("slices", [])]
    if res.contended:
        worst = max(res.contended.values())
        lines += ["", f"- {len(res.contended)} measurement(s) ran while other sessions' processes used ≥ 30 % of a "
                      f"core (up to {worst:.0f} %); their figures are depressed: "
                      + ", ".join(f"{k} {v:.0f}%" for k, v in res.contended.items())]
    if res.notes:
        lines += ["", *[f"- {n}" for n in res.notes]]
    return "\n".join(lines) + "\n"


def stem(res: Results) -> str:
    """The run's file name stem in bench/results: `--only` runs are named apart, so they never overwrite a
    full run's table, JSON or profiles."""
    return f"{res.started:%Y-%m-%d}-{res.mode}" + (f"-only-{'-'.join(sorted(res.only))}" if res.only else "")


def write(res: Results) -> tuple[Path, Path]:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    name = stem(res)
    data = {"mode": res.mode, "started": res.started.isoformat(), "machine": res.machine,
            "rows": [r.to_json() for r in res.rows], "runs": res.runs, "memory_kib": res.memory,
            "soak": res.soak, "notes": res.notes, "profiles": res.profiles, "timings_s": res.timings,
            "contended_measurements": res.contended}
    json_path = RESULTS_DIR / f"{name}.json"
    md_path = RESULTS_DIR / f"{name}.md"
    json_path.write_text(json.dumps(data, indent=2, default=str) + "\n")
    md_path.write_text(markdown(res))
    return json_path, md_path
