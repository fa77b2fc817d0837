"""Scheduled outbox delivery. Batches are held in the database (`held_batch`), so overlapping runs or two schedulers
do no harm."""

from __future__ import annotations

from app.runtime import Runtime
from app.scheduling import scheduled
from app.services.outbox import service as outbox

DRAIN_SECONDS = 4.0


@scheduled("outbox_deliver", trigger="interval", seconds=5)
async def deliver(rt: Runtime) -> dict[str, int] | None:
    """Every few seconds: recover rows a SQLite deliverer that died left in `sending`, then send until nothing is
    due (bounded to just under the job interval, so a backlog drains at full speed)."""
    reaped = await outbox.reap_stuck(rt)
    total = await outbox.deliver_due(rt, seconds=DRAIN_SECONDS)
    if reaped:
        total["reaped"] = reaped
    return total or None
