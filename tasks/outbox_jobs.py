"""Scheduled delivery of the outbox and the payments backstop. Both claim work atomically in the database,
so overlapping runs or two schedulers do no harm."""

from __future__ import annotations

from typing import Any

from app.runtime import Runtime
from app.services.outbox import service as outbox
from app.services.payments import service as payments

DRAIN_SECONDS = 4.0


async def deliver(rt: Runtime) -> dict[str, int] | None:
    """Every few seconds: recover rows a crashed deliverer left in `sending`, then send until nothing is
    due (bounded to just under the job interval, so a backlog drains at full speed)."""
    reaped = await outbox.reap_stuck(rt)
    total = await outbox.deliver_due(rt, seconds=DRAIN_SECONDS)
    if reaped:
        total["reaped"] = reaped
    return total or None


async def credit_pending_payments(rt: Runtime) -> dict[str, Any] | None:
    out = await payments.credit_pending(rt)
    return out if any(out.values()) else None
