"""Mall jobs: release unpaid points + cash holds past their time (the database decides; see orders.py)."""

from __future__ import annotations

from typing import Any

from app.runtime import Runtime
from app.scheduling import scheduled
from app.services.mall import orders


@scheduled("mall_release_holds", trigger="interval", minutes=1)
async def release_holds(rt: Runtime) -> dict[str, Any] | None:
    out = await orders.release_expired(rt)
    return out if any(out.values()) else None
