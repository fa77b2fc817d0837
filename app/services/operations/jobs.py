"""The scheduler's backstop for long actions: runs nobody took, and runs whose worker died."""

from __future__ import annotations

from app.runtime import Runtime
from app.scheduling import scheduled
from app.services.operations import service

WORK_SECONDS = 4.0


@scheduled("operations_run", trigger="interval", seconds=5)
async def run_operations(rt: Runtime) -> dict[str, int] | None:
    """Every few seconds: recover stale runs, then take queued ones (claims are atomic: no run twice)."""
    out = await service.work(rt, WORK_SECONDS)
    return out if any(out.values()) else None
