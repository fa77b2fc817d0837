"""Scheduled content work: the minute publisher (claims due editions in the database, so extra schedulers are
harmless and an edition due at 09:00 goes out once, at 09:00)."""

from __future__ import annotations

from typing import Any

from app.runtime import Runtime
from app.scheduling import scheduled
from app.services.content import publisher


@scheduled("content_publisher", trigger="cron", second=0)
async def publish_due_editions(rt: Runtime) -> dict[str, Any] | None:
    out = await publisher.run_due(rt)
    return out or None
