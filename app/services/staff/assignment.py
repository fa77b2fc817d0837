"""After payment: a paying member with no guide gets the store's guide, and the member's card is found.

The store is the one the payment's `attach` names (`{"store_code": "S001"}` as JSON, or `store_code=S001` /
`store=S001` pairs separated by `&` or `;`), else `[guides] default_store`. A member whose customer record in
the community graph has an active primary guide keeps that guide (recorded as source `community`). Otherwise
`[guides] assignment` decides: `round_robin` hands the store's active guides out in turn (the per-store
counter `guide_store_rotations.turns`, advanced under its row lock), `daily` gives every payer of a Shanghai day
that day's guide (the day number modulo the guides), `off` assigns nobody.

Exactly one guide per member: `member_guides.member_id` is unique. The counter is advanced and the row inserted
in one transaction, which rolls back when the member was assigned meanwhile (a concurrent payment of the same
member), so the losers never move the rotation and N members are spread evenly. The assignment runs before the
payment is credited (the push then names the guide) and, for payers who register later, in `settle`; a failure
fails the notification (WeChat Pay retries) and `jifen reconcile` (`guides_unassigned`) finds credited payments
whose member still has no guide.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl

from tortoise.transactions import in_transaction

from app import caches
from app.db import conn
from app.runtime import Runtime
from app.services import reconcile
from app.services.staff import cards
from app.sqlx import INTEGRITY_ERRORS, execute, fetch, fetchrow

log = logging.getLogger("jifen.guides")

MODES = ("round_robin", "daily", "off")


@dataclass(frozen=True)
class GuideCardInfo:
    """The assigned guide as the push and the member API show it."""

    staff_id: int
    name: str
    avatar: str | None
    qr_code: str | None

    def view(self) -> dict[str, Any]:
        return {"staff_id": self.staff_id, "name": self.name, "avatar": self.avatar, "qr_code": self.qr_code}


class _Taken(Exception):
    """The member got a guide while this transaction ran: roll the rotation back."""


def store_code_of(attach: str | None, default: str) -> str | None:
    """The store a payment belongs to, from its attach (JSON object or key=value pairs), else the default."""
    code: Any = None
    if attach:
        text = attach.strip()
        if text.startswith("{"):
            try:
                data = json.loads(text)
            except ValueError:
                data = None
            if isinstance(data, dict):
                code = data.get("store_code") or data.get("store")
        else:
            pairs = dict(parse_qsl(text.replace(";", "&")))
            code = pairs.get("store_code") or pairs.get("store")
    if isinstance(code, str) and code.strip():
        return code.strip()[:32]
    return default or None


_CARD_SQL = """
SELECT g.staff_id, s.name, c.avatar, CASE WHEN c.status = 'ready' THEN c.qr_code END AS qr_code
FROM member_guides g JOIN staff_users s ON s.id = g.staff_id AND s.active
LEFT JOIN guide_cards c ON c.staff_id = g.staff_id
WHERE g.member_id = $1
"""


async def card_for_member(member_id: int) -> GuideCardInfo | None:
    """The member's guide card (an inactive guide shows no card)."""
    row = await fetchrow(conn(), _CARD_SQL, [member_id])
    if row is None:
        return None
    return GuideCardInfo(int(row["staff_id"]), row["name"], row["avatar"], row["qr_code"])


_PRIMARY_SQL = """
SELECT s.id, s.store_id FROM wecom_contacts x
JOIN wecom_contact_follows f ON f.external_userid = x.external_userid AND f.is_primary AND f.status = 'active'
JOIN staff_users s ON s.wecom_userid = f.userid AND s.active
WHERE x.member_id = $1 ORDER BY f.added_at LIMIT 1
"""

_ROTATE_SQL = "UPDATE guide_store_rotations SET turns = turns + 1 WHERE store_id = $1 RETURNING turns"
_GUIDES_SQL = ("SELECT id FROM staff_users WHERE store_id = $1 AND active AND role = 'guide' ORDER BY id")
_INSERT_SQL = """
INSERT INTO member_guides (member_id, staff_id, store_id, source, transaction_id, created_at)
VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (member_id) DO NOTHING RETURNING id
"""


_HELD_SQL = """
SELECT m.id AS member_id, g.staff_id, (s.active AND s.role = 'guide') AS ok, s.name, c.avatar,
       CASE WHEN c.status = 'ready' THEN c.qr_code END AS qr_code
FROM members m LEFT JOIN member_guides g ON g.member_id = m.id
LEFT JOIN staff_users s ON s.id = g.staff_id LEFT JOIN guide_cards c ON c.staff_id = g.staff_id
WHERE {where}
"""


async def _held(rt: Runtime, row: Any, attach: str | None, transaction_id: str | None,
                now: datetime) -> GuideCardInfo | None:
    """From the member's row of `_HELD_SQL`: their card, assigning a guide first when they have none (or
    theirs was deactivated or left the guide role: then the member is free again, by a conditional delete)."""
    if row["staff_id"] is not None and row["ok"]:
        return GuideCardInfo(int(row["staff_id"]), row["name"], row["avatar"], row["qr_code"])
    member_id = int(row["member_id"])
    if row["staff_id"] is not None:
        await execute(conn(), "DELETE FROM member_guides WHERE member_id = $1 AND staff_id = $2",
                      [member_id, int(row["staff_id"])])
    await _assign(rt, member_id, attach, transaction_id, now)
    return await card_for_member(member_id)


async def ensure_guide(rt: Runtime, member_id: int, attach: str | None, transaction_id: str | None,
                       now: datetime) -> GuideCardInfo | None:
    """Give the member a guide if they have none (see the module doc); -> the member's card, if any."""
    if not await _any_guide():
        return None
    row = await fetchrow(conn(), _HELD_SQL.format(where="m.id = $1"), [member_id])
    return None if row is None else await _held(rt, row, attach, transaction_id, now)


async def _assign(rt: Runtime, member_id: int, attach: str | None, transaction_id: str | None,
                  now: datetime) -> None:
    primary = await fetchrow(conn(), _PRIMARY_SQL, [member_id])
    if primary is not None:  # the community graph already names the guide: keep that one
        await _insert(conn(), member_id, int(primary["id"]), primary["store_id"], "community", transaction_id, now)
        return
    cfg = rt.settings.guides
    if cfg.assignment not in ("round_robin", "daily"):
        if cfg.assignment not in MODES:
            log.warning("[guides] assignment = %r is not one of %s: no guide assigned", cfg.assignment, MODES)
        return
    code = store_code_of(attach, cfg.default_store)
    if code is None:
        return
    store = await fetchrow(conn(), "SELECT id FROM stores WHERE code = $1 AND active", [code])
    if store is None:
        log.info("payment %s names store %r, which is unknown or inactive: no guide assigned", transaction_id, code)
        return
    store_id = int(store["id"])
    await execute(conn(), "INSERT INTO guide_store_rotations (store_id, turns) VALUES ($1, 0) "
                          "ON CONFLICT (store_id) DO NOTHING", [store_id])
    try:
        async with in_transaction() as c:
            turns = int((await fetchrow(c, _ROTATE_SQL, [store_id]))["turns"])  # locks the store's rotation
            guides = [int(r["id"]) for r in await fetch(c, _GUIDES_SQL, [store_id])]
            if not guides:
                raise _Taken  # nobody to assign: undo the turn
            if cfg.assignment == "daily":
                pick = guides[rt.clock.day_of(now).toordinal() % len(guides)]
            else:
                pick = guides[(turns - 1) % len(guides)]
            if not await _insert(c, member_id, pick, store_id, cfg.assignment, transaction_id, now):
                raise _Taken
            if not await fetchrow(c, "SELECT 1 FROM guide_cards WHERE staff_id = $1 AND status = 'ready'", [pick]):
                await cards.queue_card(pick, now, c)
    except _Taken:
        return
    except INTEGRITY_ERRORS:  # SQLite: a concurrent assignment of the same member won
        return


async def _insert(c: Any, member_id: int, staff_id: int, store_id: Any, source: str, transaction_id: str | None,
                  now: datetime) -> bool:
    return bool(await fetch(c, _INSERT_SQL, [member_id, staff_id, store_id, source, transaction_id, now]))


# "no active guide at all" remembered for a few seconds per process: a brand that has no guides (yet) would
# otherwise pay three reads per payment (the member's guide, the community's primary guide, the card) that can
# find nothing. Forgotten at once when this process creates, changes or deactivates staff; another instance's
# new guide is seen within GUIDES_TTL, and a payer credited meanwhile is assigned by reconcile
# (`guides_unassigned`) or at their next payment.
# (A remembered "yes" only costs the usual reads when it has gone stale, so both answers are kept.)
GUIDES_TTL = 5.0
_guides: tuple[float, bool] = (0.0, True)


def staff_changed() -> None:
    """The staff service calls this on every create / role change / deactivation."""
    global _guides
    _guides = (0.0, True)


caches.register(staff_changed)


async def _any_guide() -> bool:
    global _guides
    until, exists = _guides
    if time.monotonic() < until:
        return exists
    exists = await fetchrow(conn(), "SELECT 1 FROM staff_users WHERE active AND role = 'guide' LIMIT 1", []) \
        is not None
    _guides = (time.monotonic() + GUIDES_TTL, exists)
    return exists


async def guide_for_payer(rt: Runtime, openid: str, attach: str | None, transaction_id: str,
                          now: datetime) -> GuideCardInfo | None:
    """Before a payment is credited: assign the payer (if a member) and return their card for the push. A
    member who has a guide costs this one read; while the brand has no active guide, nothing (see above)."""
    if not await _any_guide():
        return None
    row = await fetchrow(conn(), _HELD_SQL.format(where="m.openid = $1"), [openid])
    if row is None:
        return None  # not a member yet: `settle` assigns when they register
    return await _held(rt, row, attach, transaction_id, now)


# -- reconcile ------------------------------------------------------------------------------------------------
_UNASSIGNED_SQL = """
SELECT p.member_id, p.attach, p.transaction_id FROM payments p
WHERE p.credited_at IS NOT NULL AND p.credited_at >= $1 AND p.credited_at < $2 AND p.member_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM member_guides g WHERE g.member_id = p.member_id)
ORDER BY p.id LIMIT $3
"""


@reconcile.check("guides_unassigned")
async def reconcile_unassigned(rt: Runtime, repair: bool, limit: int = 500) -> list[reconcile.Finding]:
    """Credited payments (within the link window) whose member has no guide although their store has active
    guides: a crash between the credit and the assignment. Repaired by the same keyed `ensure_guide`."""
    if rt.settings.guides.assignment not in ("round_robin", "daily"):
        return []
    now = rt.clock.now()
    since = now - timedelta(days=rt.settings.payments.link_window_days)
    stale = now - timedelta(seconds=rt.settings.payments.credit_retry_after_seconds)
    findings: list[reconcile.Finding] = []
    seen: set[int] = set()
    for r in await fetch(conn(), _UNASSIGNED_SQL, [since, stale, limit]):
        member_id = int(r["member_id"])
        if member_id in seen:
            continue
        seen.add(member_id)
        code = store_code_of(r["attach"], rt.settings.guides.default_store)
        if code is None or not await fetchrow(conn(), (
                "SELECT 1 FROM stores s JOIN staff_users u ON u.store_id = s.id AND u.active AND u.role = 'guide' "
                "WHERE s.code = $1 AND s.active LIMIT 1"), [code]):
            continue  # no store or nobody to assign: nothing is missing
        repaired = False
        if repair:
            staff_changed()  # the query above just saw an active guide: never let a remembered "none" skip it
            repaired = await ensure_guide(rt, member_id, r["attach"], r["transaction_id"], now) is not None
        findings.append(reconcile.Finding("guides_unassigned", f"member:{member_id}",
                                          f"paid at store {code} ({r['transaction_id']}) without a guide",
                                          repaired))
    return findings
