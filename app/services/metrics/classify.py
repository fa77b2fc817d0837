"""How a ledger entry counts in the metrics: one SQL expression per measure, shared by the incremental
roll-up and the full scan (`jifen metrics verify`), so the two can only differ by what they read.

Measures (points, all >= 0 except `net`):
  issued        awards (`earn`, a pending award counted when awarded, not again when released) + positive
                manual adjustments: the budget guard's definition (`app/services/points/budget.py`)
  redeemed      spends of a redemption kind: `spend`, and every `mall_*` / `lottery_*` kind the mall and the
                lottery post (issue 15), so their redemptions count here by ledger kind, without a change here
  reversed      redemptions given back (`refund` entries with a positive amount: `ledger.reverse_spend`)
  expired       lapsed points (`expire`)
  clawed_back   points taken back by a payment refund (`refund` entries with a negative amount)
  adjusted_out  negative manual adjustments
  net           the change of outstanding points (available + pending): sum of every amount
Release pairs (pending -> available) move points between a member's accounts: they change nothing here and
are left out.
"""

from __future__ import annotations

from app.clock import SHANGHAI

REDEEM_KINDS = ("spend",)
REDEEM_KIND_PREFIXES = ("mall_", "lottery_")

# the seed's issuance categories; an event not listed here is `other`
EVENT_CATEGORIES: dict[str, str] = {
    "phone_bound": "newbie", "profile_completed": "newbie", "wecom_guide_added": "newbie",
    "wecom_group_joined": "newbie",
    "check_in": "daily", "community_interaction": "daily",
    "purchase": "consumption", "first_purchase": "consumption",
    "share": "sharing", "invite_accepted": "sharing",
}
ISSUE_CATEGORIES = ("newbie", "daily", "consumption", "sharing", "other", "adjust")

# recommended shares of issued points (basis points, inclusive bounds) after the seed: newbie tasks 10-15 %,
# daily tasks 30-40 %, sharing and invitation ~30 % (read as 25-35 %); consumption is judged against sales
# (1-2 % of sales at the unit value), not as a share of points
RECOMMENDED_SHARES_BP: dict[str, tuple[int, int]] = {
    "newbie": (1000, 1500), "daily": (3000, 4000), "sharing": (2500, 3500),
}
CONSUMPTION_OF_SALES_BP = (100, 200)


def redeem_sql(e: str = "e") -> str:
    likes = " OR ".join(f"{e}.kind LIKE '{p}%'" for p in REDEEM_KIND_PREFIXES)
    kinds = ", ".join(f"'{k}'" for k in REDEEM_KINDS)
    return f"({e}.kind IN ({kinds}) OR {likes})"


def is_redeem_kind(kind: str) -> bool:
    return kind in REDEEM_KINDS or kind.startswith(REDEEM_KIND_PREFIXES)


def release_sql(e: str = "e") -> str:
    return (f"({e}.kind = 'release' OR ({e}.kind = 'earn' AND {e}.account = 'available' "
            f"AND {e}.idem_key LIKE 'release:%'))")


def day_sql(pg: bool, col: str = "e.created_at") -> str:
    """The Shanghai day of a timestamp (SQLite stores UTC text; Shanghai has no daylight saving)."""
    if pg:
        return f"CAST(timezone('{SHANGHAI.key}', {col}) AS date)"
    return f"date({col}, '+8 hours')"


def category_sql(e: str = "e") -> str:
    events = " ".join(f"WHEN '{ev}' THEN '{cat}'" for ev, cat in EVENT_CATEGORIES.items())
    return (f"CASE WHEN {e}.kind = 'earn' THEN (CASE {e}.event {events} ELSE 'other' END) "
            f"WHEN {e}.kind = 'adjust' THEN 'adjust' WHEN {e}.kind = 'expire' THEN 'expiry' "
            f"WHEN {e}.kind = 'refund' AND {e}.amount > 0 THEN 'redeem' WHEN {e}.kind = 'refund' THEN 'refund' "
            f"WHEN {redeem_sql(e)} THEN 'redeem' ELSE 'other' END")


def rule_key_sql(e: str = "e") -> str:
    """Awards by their rule's id (`rule:<id>`: a rule's code and event can be edited, its id cannot, so a
    roll-up never drifts from a later full scan); everything else by its ledger kind (refunds split into
    reversal / clawback)."""
    return (f"CASE WHEN {e}.kind = 'earn' THEN COALESCE('rule:' || CAST({e}.rule_id AS TEXT), {e}.event, 'earn') "
            f"WHEN {e}.kind = 'refund' AND {e}.amount > 0 THEN 'reversal' WHEN {e}.kind = 'refund' THEN 'clawback' "
            f"ELSE {e}.kind END")


def measures_sql(e: str = "e") -> dict[str, str]:
    return {
        "issued": f"CASE WHEN ({e}.kind = 'earn' OR ({e}.kind = 'adjust' AND {e}.amount > 0)) "
                  f"THEN {e}.amount ELSE 0 END",
        "redeemed": f"CASE WHEN {redeem_sql(e)} AND {e}.amount < 0 THEN -{e}.amount ELSE 0 END",
        "reversed": f"CASE WHEN {e}.kind = 'refund' AND {e}.amount > 0 THEN {e}.amount ELSE 0 END",
        "expired": f"CASE WHEN {e}.kind = 'expire' THEN -{e}.amount ELSE 0 END",
        "clawed_back": f"CASE WHEN {e}.kind = 'refund' AND {e}.amount < 0 THEN -{e}.amount ELSE 0 END",
        "adjusted_out": f"CASE WHEN {e}.kind = 'adjust' AND {e}.amount < 0 THEN -{e}.amount ELSE 0 END",
        "net": f"{e}.amount",
    }


MEASURES = ("issued", "redeemed", "reversed", "expired", "clawed_back", "adjusted_out", "net")


def classified_sql(pg: bool, where: str) -> str:
    """One row per ledger entry (releases left out) with its day, rule key, category, member tier and measures."""
    cols = ", ".join(f"{expr} AS {name}" for name, expr in measures_sql().items())
    return (f"SELECT e.id, e.member_id, {day_sql(pg)} AS day, {rule_key_sql()} AS rule_key, "
            f"{category_sql()} AS category, COALESCE(m.tier_level, 0) AS tier_level, {cols} "
            f"FROM point_entries e LEFT JOIN members m ON m.id = e.member_id WHERE NOT {release_sql()} AND ({where})")
