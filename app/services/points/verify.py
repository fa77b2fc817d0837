"""`jifen ledger verify`: prove the ledger invariants for every member, set-based (fast on millions of rows).

Checked per member:
  balance == sum(available entries) == sum(remaining in active + debt buckets)
  pending == sum(pending entries)   == sum(remaining in pending buckets)
  the newest entry's balance_after == the member's balance (per account)
  no bucket holds more than it started with, and only debt buckets are negative.
"""

from __future__ import annotations

import logging
from typing import Any

from app import db
from app.config import Settings
from app.sqlx import fetch

log = logging.getLogger("jifen.verify")

_SUMS = """
SELECT m.id, m.balance, m.pending,
       COALESCE(ea.s, 0) AS entries_available, COALESCE(ep.s, 0) AS entries_pending,
       COALESCE(ba.s, 0) AS buckets_available, COALESCE(bp.s, 0) AS buckets_pending,
       la.balance_after AS last_available, lp.balance_after AS last_pending
FROM members m
LEFT JOIN (SELECT member_id, SUM(amount) AS s FROM point_entries WHERE account = 'available' GROUP BY member_id) ea
       ON ea.member_id = m.id
LEFT JOIN (SELECT member_id, SUM(amount) AS s FROM point_entries WHERE account = 'pending' GROUP BY member_id) ep
       ON ep.member_id = m.id
LEFT JOIN (SELECT member_id, SUM(remaining) AS s FROM point_buckets WHERE state IN ('active', 'debt')
           GROUP BY member_id) ba ON ba.member_id = m.id
LEFT JOIN (SELECT member_id, SUM(remaining) AS s FROM point_buckets WHERE state = 'pending' GROUP BY member_id) bp
       ON bp.member_id = m.id
LEFT JOIN point_entries la ON la.id = (SELECT MAX(id) FROM point_entries WHERE member_id = m.id
                                       AND account = 'available')
LEFT JOIN point_entries lp ON lp.id = (SELECT MAX(id) FROM point_entries WHERE member_id = m.id
                                       AND account = 'pending')
"""


async def find_violations(limit: int = 1000) -> list[dict[str, Any]]:
    c = db.conn()
    problems: list[dict[str, Any]] = []
    for r in await fetch(c, _SUMS):
        member_id, balance, pending = int(r[0]), int(r[1]), int(r[2])
        checks = {
            "entries_available": int(r[3]), "buckets_available": int(r[5]),
        }
        issues = [f"{k}={v} != balance={balance}" for k, v in checks.items() if v != balance]
        if int(r[4]) != pending or int(r[6]) != pending:
            issues.append(f"pending={pending} entries={int(r[4])} buckets={int(r[6])}")
        if r[7] is not None and int(r[7]) != balance:
            issues.append(f"last available balance_after={int(r[7])} != balance={balance}")
        if r[8] is not None and int(r[8]) != pending:
            issues.append(f"last pending balance_after={int(r[8])} != pending={pending}")
        if issues:
            problems.append({"member_id": member_id, "issues": issues})
            if len(problems) >= limit:
                return problems
    for r in await fetch(c, "SELECT id, member_id, state, initial, remaining FROM point_buckets WHERE "
                            "(state <> 'debt' AND (remaining < 0 OR remaining > initial)) "
                            "OR (state = 'debt' AND remaining > 0) OR (state = 'expired' AND remaining <> 0)"):
        problems.append({"member_id": int(r[1]), "issues": [f"bucket {r[0]} ({r[2]}) remaining={r[4]} "
                                                            f"initial={r[3]}"]})
    return problems


async def run_verify(settings: Settings) -> list[dict[str, Any]]:
    await db.connect(settings)
    try:
        problems = await find_violations()
        members = await fetch(db.conn(), "SELECT COUNT(*) FROM members")
        entries = await fetch(db.conn(), "SELECT COUNT(*) FROM point_entries")
    finally:
        await db.close()
    for p in problems:
        print(f"VIOLATION member {p['member_id']}: {'; '.join(p['issues'])}")
    print(f"ledger verify: {int(members[0][0])} members, {int(entries[0][0])} entries, "
          f"{len(problems)} violation(s)" + (" - OK" if not problems else ""))
    return problems
