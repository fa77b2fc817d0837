"""The payments backstop: credit payers who became members without the registration hook finishing."""

from __future__ import annotations

from typing import Any

from app.runtime import Runtime
from app.scheduling import scheduled
from app.services.payments import service as payments


@scheduled("payments_credit_pending", trigger="interval", minutes=1)
async def credit_pending_payments(rt: Runtime) -> dict[str, Any] | None:
    out = await payments.credit_pending(rt)
    return out if any(out.values()) else None
