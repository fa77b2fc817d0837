"""The member's annual points report (the seed's "annual bill"): one member, one Shanghai year.

Read from that member's own rows only (their ledger entries by the (member_id, id) index, check-ins, tier
changes, coupons), so it stays cheap whatever the size of the membership; the rank band is the one figure
that looks at every member: read from the roll-up's balance histogram (`metrics_balances`, at most a minute
old), not from `members`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.clock import SHANGHAI
from app.db import conn
from app.errors import NotFound, ValidationFailed
from app.runtime import Runtime
from app.services.metrics import catalogue as _catalogue  # noqa: F401  (registers the coupon provider)
from app.services.metrics import extensions
from app.services.metrics.classify import category_sql, redeem_sql, release_sql
from app.services.metrics.points import liability_fen, yuan
from app.sqlx import fetch, fetchrow

RANK_BANDS = (1, 5, 10, 25, 50)


async def annual_report(rt: Runtime, member_id: int, year: int) -> dict[str, Any]:
    if not 2000 <= year <= 2100:
        raise ValidationFailed("year must be between 2000 and 2100", details=[{"field": "year", "message": "range"}])
    c = conn()
    ppy = rt.settings.metrics.points_per_yuan
    m = await fetchrow(c, "SELECT id, balance, pending, tier_level, created_at FROM members WHERE id = $1",
                       [member_id])
    if m is None:
        raise NotFound("member not found", code="member_not_found")
    lo = datetime(year, 1, 1, tzinfo=SHANGHAI)
    hi = datetime(year + 1, 1, 1, tzinfo=SHANGHAI)
    base = (f"FROM point_entries e LEFT JOIN earning_rules r ON r.id = e.rule_id WHERE e.member_id = $1 "
            f"AND e.created_at >= $2 AND e.created_at < $3 AND NOT {release_sql()}")
    earned = await fetch(c, f"SELECT {category_sql()} AS category, COALESCE(r.code, e.event, e.kind) AS rule, "
                            "MAX(r.name) AS name, SUM(e.amount) AS points, COUNT(*) AS times "
                            f"{base} AND (e.kind = 'earn' OR (e.kind = 'adjust' AND e.amount > 0)) "
                            "GROUP BY 1, 2 ORDER BY 4 DESC", [member_id, lo, hi])
    spent = await fetch(c, "SELECT e.kind, COALESCE(e.source, e.kind) AS what, SUM(-e.amount) AS points, "
                           f"COUNT(*) AS times {base} AND {redeem_sql()} AND e.amount < 0 "
                           "GROUP BY 1, 2 ORDER BY 3 DESC",
                        [member_id, lo, hi])
    other = await fetchrow(c, "SELECT "
                              "COALESCE(SUM(CASE WHEN e.kind = 'refund' AND e.amount > 0 THEN e.amount END), 0), "
                              "COALESCE(SUM(CASE WHEN e.kind = 'expire' THEN -e.amount END), 0), "
                              "COALESCE(SUM(CASE WHEN e.kind = 'refund' AND e.amount < 0 THEN -e.amount END), 0) "
                              f"{base}", [member_id, lo, hi])
    reversed_, expired, clawed = (int(x) for x in other)
    spent_points = sum(int(s["points"]) for s in spent)
    redeemed_net = spent_points - reversed_
    coupons = await fetchrow(c, "SELECT COALESCE(SUM(discount_fen), 0), COUNT(*) FROM coupons WHERE member_id = $1 "
                                "AND state = 'used' AND used_at >= $2 AND used_at < $3", [member_id, lo, hi])
    streak = await fetchrow(c, "SELECT COALESCE(MAX(streak), 0), COUNT(*) FROM checkins WHERE member_id = $1 "
                               "AND day >= $2 AND day <= $3", [member_id, lo.date(), datetime(year, 12, 31).date()])
    changes = await fetch(c, "SELECT from_level, to_level, reason, created_at FROM tier_changes WHERE member_id = $1 "
                             "AND created_at >= $2 AND created_at < $3 ORDER BY created_at, id", [member_id, lo, hi])
    names = {int(r[0]): r[1] for r in await fetch(c, "SELECT level, name FROM tiers")}
    balance = int(m["balance"])
    items = [i for i in await extensions.catalogue_items(ppy) if i["points"] <= balance]
    points_saved_fen = liability_fen(max(redeemed_net, 0), ppy)
    return {
        "year": year,
        "member_id": member_id,
        "earned": {"points": sum(int(e["points"]) for e in earned),
                   "by_source": [{"category": e["category"], "rule": e["rule"], "name": e["name"],
                                  "points": int(e["points"]), "times": int(e["times"])} for e in earned]},
        "spent": {"points": spent_points, "reversed": reversed_, "net": redeemed_net,
                  "on": [{"kind": s["kind"], "what": s["what"], "points": int(s["points"]), "times": int(s["times"])}
                         for s in spent]},
        "saved": {"points_fen": points_saved_fen, "coupons_fen": int(coupons[0]), "coupons_used": int(coupons[1]),
                  "total_fen": points_saved_fen + int(coupons[0]),
                  "total_yuan": yuan(points_saved_fen + int(coupons[0]))},
        "expired": expired,
        "clawed_back": clawed,
        "checkins": {"days": int(streak[1]), "best_streak": int(streak[0])},
        "tier_journey": _journey(changes, int(m["tier_level"]), names),
        "rank": await _rank(balance),
        "balance": balance,
        "can_buy_now": items[-5:][::-1],
    }


def _journey(changes: list[Any], current: int, names: dict[int, str]) -> dict[str, Any]:
    start = int(changes[0]["from_level"]) if changes else current
    steps = [{"from": int(ch["from_level"]), "to": int(ch["to_level"]), "reason": ch["reason"],
              "at": str(ch["created_at"])} for ch in changes]
    end = int(changes[-1]["to_level"]) if changes else current
    return {"start": {"level": start, "name": names.get(start)}, "end": {"level": end, "name": names.get(end)},
            "changes": steps}


async def _rank(balance: int) -> dict[str, Any]:
    """The member's band by balance among all members (as of the last roll-up tick): top 1/5/10/25/50 %, else
    the rest."""
    row = await fetchrow(conn(), "SELECT COALESCE(SUM(members), 0), COALESCE(SUM(CASE WHEN balance > $1 THEN members "
                                 "END), 0) FROM metrics_balances", [balance])
    total, above = int(row[0]), int(row[1])
    top_pct = (above + 1) * 100 / total if total else 100.0
    label = next((f"top_{b}%" for b in RANK_BANDS if top_pct <= b), "rest")
    return {"band": label, "members": total, "members_above": above}
