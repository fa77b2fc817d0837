"""Default rule set loaded by `jifen serve` on the embedded default (idempotent)."""

from __future__ import annotations

from app import db
from app.config import Settings


async def seed_defaults(settings: Settings) -> None:
    await db.connect(settings)
    try:
        from app.services.points.seed import seed_points_defaults

        await seed_points_defaults()
    finally:
        await db.close()
