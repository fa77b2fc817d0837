"""`jifen ledger verify`: prove the ledger invariants for every member, set-based (fast on millions of rows).

Checked per member:
  balance == sum(available entries) == sum(remaining in active + debt buckets)
  pending == sum(pending entries)   == sum(remaining in pending buckets)
  the newest entry's balance_after == the member's balance (per account)
  no bucket holds more than it started with, and only debt buckets are negative.
And lot semantics (the sums can agree while the lots are wrong, which is how drift used to hide):
  no debt bucket beside a positive active bucket (netting is part of every credit);
  every expired lot has exactly one `expire:<lot>` entry, for exactly what it lost, and every such entry
  belongs to an expired lot (a reopened lot would collide with it in the next sweep);
  every spend/debit allocation draws from an active-or-expired lot of the same member whose earning entry
  precedes it (entry ids are assigned under the member lock, so id order is creation order on both
  backends, unlike timestamps stored as text);
  coupons match their payment's refunds: a fully refunded payment keeps no unused, undelivered coupon, and a
  coupon is revoked for `payment_refunded` only when its payment is fully refunded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app import db
from app.config import Settings
from app.services.points.ledger import UNNETTED
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
    for query, describe in _LOT_CHECKS:
        for r in await fetch(c, query):
            problems.append({"member_id": int(r[0]), "issues": [describe(r)]})
            if len(problems) >= limit:
                return problems
    return problems


_EXPIRE_KEY = "'expire:' || CAST(b.id AS TEXT)"

_LOT_CHECKS: list[tuple[str, Callable[[Any], str]]] = [
    (UNNETTED, lambda r: "debt bucket beside positive active buckets (not netted)"),
    (f"SELECT b.member_id, b.id, b.expired_amount, e.amount FROM point_buckets b LEFT JOIN point_entries e "
     f"ON e.member_id = b.member_id AND e.idem_key = {_EXPIRE_KEY} WHERE b.state = 'expired' "
     "AND (e.id IS NULL OR e.amount <> -b.expired_amount)",
     lambda r: f"expired bucket {r[1]} (expired_amount={r[2]}) has "
               + ("no expire entry" if r[3] is None else f"an expire entry of {r[3]}")),
    ("SELECT e.member_id, e.idem_key FROM point_entries e WHERE e.kind = 'expire' AND e.idem_key LIKE 'expire:%' "
     "AND NOT EXISTS (SELECT 1 FROM point_buckets b WHERE b.member_id = e.member_id AND b.state = 'expired' "
     f"AND {_EXPIRE_KEY} = e.idem_key)",
     lambda r: f"entry {r[1]} expired a lot that is not expired (reopened, or of another member)"),
    ("SELECT e.member_id, a.entry_id, a.bucket_id, b.state, b.entry_id FROM spend_allocations a "
     "JOIN point_entries e ON e.id = a.entry_id LEFT JOIN point_buckets b ON b.id = a.bucket_id "
     "WHERE a.amount <= 0 OR b.id IS NULL OR b.member_id <> e.member_id OR b.state NOT IN ('active', 'expired') "
     "OR b.entry_id IS NULL OR b.entry_id >= a.entry_id",
     lambda r: f"entry {r[1]} drew from bucket {r[2]} ({r[3] or 'missing'}, earned by entry {r[4]}) that it "
               "could not have drawn from at the time"),
    ("SELECT c.member_id, c.id, p.transaction_id, c.state FROM coupons c JOIN payments p ON p.id = c.payment_id "
     "LEFT JOIN (SELECT transaction_id, SUM(refund_fen) AS r, SUM(payer_refund_fen) AS pr FROM payment_refunds "
     "GROUP BY transaction_id) x ON x.transaction_id = p.transaction_id "
     "WHERE CASE WHEN COALESCE(x.r, 0) >= p.total_fen OR COALESCE(x.pr, 0) >= p.payer_total_fen "
     "THEN c.state = 'issued' AND (c.wxpay_status IS NULL OR c.wxpay_status <> 'sent') "
     "ELSE c.state = 'revoked' AND c.revoke_reason = 'payment_refunded' END",
     lambda r: f"coupon {r[1]} is {r[3]} but payment {r[2]} is "
               + ("fully refunded" if r[3] == "issued" else "not fully refunded")),
]
"""(query returning member_id first, how to describe a row) for each lot-semantics check."""


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
