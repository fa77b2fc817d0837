"""Scheduled delivery of the outbox and the payments backstop. Both claim work atomically in the database,
so overlapping runs or two schedulers do no harm."""

from __future__ import annotations

import time
from typing import Any

from app.runtime import Runtime
from app.services import outbox, payments

DRAIN_SECONDS = 4.0


async def deliver(rt: Runtime) -> dict[str, int] | None:
    """Every few seconds: recover rows a crashed deliverer left in `sending`, then send batches until
    nothing is due (bounded to just under the job interval, so a backlog drains at full speed)."""
    reaped = await outbox.reap_stuck(rt)
    total: dict[str, int] = {}
    deadline = time.monotonic() + DRAIN_SECONDS
    while True:
        out = await outbox.deliver_due(rt)
        for k, v in out.items():
            total[k] = total.get(k, 0) + v
        if sum(out.values()) < rt.settings.outbox.batch or time.monotonic() >= deadline:
            break
    if reaped:
        total["reaped"] = reaped
    return total or None


async def credit_pending_payments(rt: Runtime) -> dict[str, Any] | None:
    out = await payments.credit_pending(rt)
    return out if any(out.values()) else None
