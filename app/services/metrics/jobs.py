"""Scheduled metrics work: the roll-up refresh (claims its entries under the watermark's row lock), the
member distributions (balance histogram, members by join day) recomputed every tick and the store / channel
roll-up behind its own watermark; the reach histogram of
threshold advice every 5 minutes (a GROUP BY over the window's ledger entries: seconds at a million members)."""

from __future__ import annotations

from typing import Any

from app.runtime import Runtime
from app.scheduling import scheduled
from app.services.metrics import reach, rollup, segments


@scheduled("metrics_rollup", trigger="interval", minutes=1)
async def refresh_rollups(rt: Runtime) -> dict[str, Any] | None:
    total = 0
    for _ in range(20):  # a backlog is worked off in batches; the next tick continues
        r = await rollup.refresh(rt)
        total += r.entries
        if r.entries == 0 and r.checkins == 0 and r.payments == 0:
            break
    await rollup.refresh_members()
    seg = 0
    for _ in range(20):  # the store / channel roll-up, behind its own watermark, after the main one
        n = (await segments.refresh(rt)).entries
        seg += n
        if n == 0:
            break
    out = {k: v for k, v in (("rolled_entries", total), ("segment_entries", seg)) if v}
    return out or None


@scheduled("metrics_reach", trigger="interval", minutes=5)
async def refresh_reach(rt: Runtime) -> dict[str, Any] | None:
    return {"reach_rows": await reach.refresh(rt)}
