"""Operator metrics (issue 16): roll-ups of the points ledger, the dashboard, budget planner, threshold advice
and the member's annual report. See `rollup.py` for how the roll-ups stay exact."""

from __future__ import annotations

from collections.abc import Callable

from app.config import Settings
from app.runtime import Runtime


async def run_command(rt: Runtime, command: str, out: Callable[[str], None] = print) -> int:
    """`jifen metrics refresh|verify` on a connected runtime; the exit code (1 = drift)."""
    from app.services.metrics import rollup, segments

    if command == "refresh":
        # from empty (a new install, a rebuilt database): everything settled in one pass, one GROUP BY per
        # roll-up table, instead of thousands of batches that each recount the days they touch
        n = await rollup.refresh_all(rt, batch=None if await rollup.watermark() else rollup.BACKFILL_BATCH)
        s = await segments.refresh_all(rt, batch=None if await segments.watermark() else rollup.BACKFILL_BATCH)
        out(f"metrics refresh: {n} entries rolled, watermark {await rollup.watermark()}; "
            f"{s} into the store / channel roll-up, watermark {await segments.watermark()}")
        return 0
    drift = await rollup.verify() + await segments.verify()
    for d in drift:
        out(f"drift {d.day} {d.rule_key}/{d.category} {d.field}: roll-up {d.rollup}, ledger {d.ledger}")
    out(f"metrics verify: {len(drift)} drifted figure(s) up to entry {await rollup.watermark()}"
        + (" - OK" if not drift else ""))
    return 1 if drift else 0


async def metrics_command(settings: Settings, command: str) -> int:
    """The CLI's body: connect, run, close (kept here so the CLI stays a thin dispatcher)."""
    from app import db

    await db.connect(settings)
    rt = await Runtime.create(settings)
    try:
        return await run_command(rt, command)
    finally:
        await rt.close()
        await db.close()
