"""Awards owed after a commit that cannot include them: kept as outbox rows until made.

Why: the invitation award is owed once the invitee's member row exists, but `award()` commits its own
statement, so the two cannot share a transaction. The debt is therefore written *with* the member row, as an
outbox row (kind `award`, dedupe key `award:<idem_key>`, the one outbox every deferred effect uses), and paid
by calling the keyed `award()`: right away by the request that created it, else by the outbox deliverer with
its retries and backoff, else by `jifen reconcile` once the deliverer has given up. A transient failure (an
error, or an award that gave up on contention) leaves the row to be retried; a decision (awarded, already
awarded, or refused by its rule or the budget) settles it. The award key makes every extra attempt a no-op.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from app.db import conn
from app.runtime import Runtime
from app.services import reconcile
from app.services.outbox import service as outbox
from app.services.points.engine import award
from app.sqlx import fetch, to_json

log = logging.getLogger("jifen.awards")

KIND = "award"


def dedupe_key(idem_key: str) -> str:
    return f"award:{idem_key}"


async def owe(member_id: int, event: str, idem_key: str, context: dict[str, Any], *, now: datetime,
              c: BaseDBAsyncClient | None = None) -> bool:
    """Record the award as owed (inside the caller's transaction when `c` is given). True if new."""
    return await outbox.enqueue(KIND, dedupe_key(idem_key), {"member_id": member_id, "event": event,
                                                            "idem_key": idem_key, "context": context},
                                now=now, member_id=member_id, c=c)


class NotYet(Exception):
    """The award gave up on contention: not a decision, try again later."""


async def make(rt: Runtime, payload: dict[str, Any]) -> str:
    """Make the owed award (keyed: a second call is a duplicate). -> its status; NotYet if it must be retried."""
    result = await award(rt, int(payload["member_id"]), str(payload["event"]), str(payload["idem_key"]),
                         dict(payload.get("context") or {}))
    if result.reason == "contention":
        raise NotYet(f"{payload['event']} award {payload['idem_key']} gave up on contention")
    return result.status if result.status != "none" else f"none: {result.reason}"


@outbox.sender(KIND)
async def send(rt: Runtime, msg: outbox.Claimed) -> None:
    """Outbox sender for `award`: a refusal by the rule or the budget is final (recorded as refused)."""
    status = await make(rt, msg.payload)
    if status.startswith("none"):
        raise outbox.Refused(status)


async def settle_now(rt: Runtime, idem_key: str) -> str | None:
    """Pay an owed award inline (the request that created it), so the member sees it at once. A failure is
    logged and left to the outbox; returns the award status, or None when it stays owed."""
    rows = await fetch(conn(), "SELECT payload FROM outbox_messages WHERE dedupe_key = $1 AND status = 'pending'",
                       [dedupe_key(idem_key)])
    if not rows:
        return None  # already claimed by the deliverer, or settled
    try:
        status = await make(rt, to_json(rows[0]["payload"]))
    except Exception:
        log.warning("award %s stays owed: the outbox retries it", idem_key, exc_info=True)
        return None
    await _settle_row(dedupe_key(idem_key), status, ("pending",), rt.clock.now())
    return status


async def _settle_row(key: str, status: str, from_states: tuple[str, ...], now: datetime) -> None:
    final, error = ("refused", status[:255]) if status.startswith("none") else ("sent", None)
    marks = ", ".join(f"${i + 5}" for i in range(len(from_states)))
    await fetch(conn(), f"UPDATE outbox_messages SET status = $2, last_error = $3, updated_at = $4, "
                        f"next_attempt_at = NULL WHERE dedupe_key = $1 AND status IN ({marks}) RETURNING id",
                [key, final, error, now, *from_states])


@reconcile.check("awards_owed")
async def reconcile_owed(rt: Runtime, repair: bool) -> list[reconcile.Finding]:
    """Owed awards the outbox gave up on (max attempts spent on transient failures): made now, keyed."""
    rows = await fetch(conn(), "SELECT dedupe_key, payload, attempts, last_error FROM outbox_messages "
                               "WHERE kind = $1 AND status = 'failed' ORDER BY id LIMIT 500", [KIND])
    out = []
    for r in rows:
        payload = to_json(r["payload"])
        finding = reconcile.Finding(check="awards_owed", subject=f"member {payload['member_id']} {r['dedupe_key']}",
                                    detail=f"owed award given up after {int(r['attempts'])} attempts: "
                                           f"{r['last_error']}")
        if repair:
            try:
                status = await make(rt, payload)
                await _settle_row(str(r["dedupe_key"]), status, ("failed",), rt.clock.now())
                finding.repaired = True
            except Exception as exc:
                finding.error = f"{type(exc).__name__}: {exc}"
        out.append(finding)
    return out
