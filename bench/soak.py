"""Soak: M minutes of mixed member traffic in 1-minute slices; RSS and p99 per slice.

Why slices with a reset between them: the check-in share must stay check-ins of fresh members for the
whole soak (otherwise the mix drifts towards cheap "already checked in" answers and p99 drift is an
artefact). Growth is judged after warm-up, i.e. against the end of the first slice: flat = ≤ 10 %.
"""

from __future__ import annotations

from typing import Any

from bench import procs

MIX = "points:35,ledger:35,checkin:20,login:10"


def run(ctx: Any) -> None:
    from bench.runner import measure, reset_db, say, start_jifen

    plan = ctx.plan
    workers = plan.workers[-1]
    slices = max(round(plan.soak_minutes), 2)
    say(f"== soak: {slices} x 1-minute slices of mixed load ({MIX}), {workers} worker(s)")
    jifen = start_jifen(ctx, workers)
    samples: list[dict[str, Any]] = []
    try:
        for i in range(1, slices + 1):
            reset_db(ctx)
            r = measure(ctx, f"soak_slice_{i}", jifen, "mixed.lua",
                        ["/api/v1", ctx.readers, ctx.writers, plan.threads, plan.members, MIX],
                        expected=(200, 201), duration=60.0)
            mem = {pid: procs.memory_kib(pid) for pid in jifen.workers}
            rss = sum(m.get("VmRSS", 0) for m in mem.values())
            samples.append({"slice": i, "rps": r.rps, "p50_ms": r.p50_ms, "p99_ms": r.p99_ms, "errors": r.errors,
                            "rss_kib_total": rss, "per_worker": {str(k): v for k, v in mem.items()},
                            "others_cpu_pct": r.extra["cpu_pct"].get("others", 0.0)})
            say(f"  slice {i}: RSS {rss / 1024:.0f} MiB over {len(mem)} workers")
    finally:
        procs.stop(jifen.proc)
    first, last = samples[0], samples[-1]
    growth = 100 * (last["rss_kib_total"] - first["rss_kib_total"]) / max(first["rss_kib_total"], 1)
    # p99 drift between the first and last slices other sessions left alone (their load inflates p99)
    clean = [x for x in samples if x["others_cpu_pct"] < 30.0] or samples
    drift = 100 * (clean[-1]["p99_ms"] - clean[0]["p99_ms"]) / max(clean[0]["p99_ms"], 1e-6)
    ctx.res.soak = {"minutes": slices, "workers": workers, "mix": MIX, "slices": samples,
                    "rss_growth_pct": round(growth, 1), "rss_flat": growth <= 10.0,
                    "p99_first_ms": clean[0]["p99_ms"], "p99_last_ms": clean[-1]["p99_ms"],
                    "p99_drift_pct": round(drift, 1), "p99_slices_compared": [clean[0]["slice"], clean[-1]["slice"]],
                    "contended_slices": [x["slice"] for x in samples if x["others_cpu_pct"] >= 30.0],
                    "p99_max_ms": max(s["p99_ms"] for s in samples),
                    "errors": sum(s["errors"] for s in samples)}
    ctx.res.memory[f"soak {workers} worker(s) peak"] = [s.get("VmHWM", 0) for s in
                                                         last["per_worker"].values()]
