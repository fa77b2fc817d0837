"""`jifen ledger verify` (filled in by the points engine)."""

from app.config import Settings


async def run_verify(settings: Settings) -> list[str]:
    return []
