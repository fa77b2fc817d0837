"""Scheduled delivery of the outbox and the payments backstop. Both claim work atomically in the database,
so overlapping runs or two schedulers do no harm."""

from __future__ import annotations

from typing import Any

from app.runtime import Runtime
from app.services import outbox, payments


async def deliver(rt: Runtime) -> dict[str, int] | None:
    """Every few seconds: recover rows a crashed deliverer left in `sending`, then send what is due."""
    reaped = await outbox.reap_stuck(rt)
    out = await outbox.deliver_due(rt)
    if reaped:
        out["reaped"] = reaped
    return out or None


async def credit_pending_payments(rt: Runtime) -> dict[str, Any] | None:
    out = await payments.credit_pending(rt)
    return out if any(out.values()) else None
