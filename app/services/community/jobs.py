"""Scheduled community work: the backstop of the callback worker (a crash, a retry after backoff)."""

from __future__ import annotations

from typing import Any

from app.runtime import Runtime
from app.scheduling import scheduled
from app.services.community import service


@scheduled("wecom_events", trigger="interval", seconds=5)
async def process_wecom_events(rt: Runtime) -> dict[str, Any] | None:
    out = await service.process_due(rt)
    return out if any(out.values()) else None
