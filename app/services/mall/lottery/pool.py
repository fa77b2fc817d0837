"""The draw's decision and the pool's economics as pure functions: the live draw and the replay share `decide`.

A draw draws ONE number `r` (63 random bits from `secrets`) and decides from it, the pool version's weights, the
prizes excluded at that moment and the member's pity count:

* weight pick: `r mod W` (W = every prize's weight, the consolation's included) falls in one prize's range of the
  cumulative weights (in the version's prize order). The consolation prize, or a real prize that is available,
  is won as picked (`weight`); a real prize that is out (stock, caps) gives the consolation
  (`consolation_unavailable`). Its odds never go to the other real prizes, so the odds shown to the marketer
  are upper bounds and the expected cost below is never exceeded because a prize ran out.
* pity: when this draw is the member's Nth in a row without a real prize (`pity_count + 1 >= pity_after`), it
  picks among the available real prizes by their weights (`r mod W_real`); none available gives the
  consolation (`consolation_pity_unavailable`).

The modulo of a 63-bit number by a weight sum below 2^31 is biased by less than 2^-32: negligible.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

RANDOM_BITS = 63
REAL_DECISIONS = ("weight", "pity")


@dataclass(frozen=True)
class Decision:
    prize_id: int
    decided_by: str


def consolation_of(prizes: list[dict[str, Any]]) -> dict[str, Any]:
    return next(p for p in prizes if p["consolation"])


def pity_due(pity_count: int, pity_after: int | None) -> bool:
    """This draw is the `pity_after`th in a row without a real prize."""
    return bool(pity_after) and pity_count + 1 >= int(pity_after or 0)


def _pick(r: int, candidates: list[dict[str, Any]]) -> dict[str, Any]:
    total = sum(int(p["weight"]) for p in candidates)
    x = r % total
    for p in candidates:
        x -= int(p["weight"])
        if x < 0:
            return p
    raise AssertionError("unreachable: x < total")


def decide(r: int, prizes: list[dict[str, Any]], unavailable: set[int], pity_count: int,
           pity_after: int | None) -> Decision:
    """What the draw wins (see the module docstring). `prizes` in the version's order; weights >= 0."""
    consolation = consolation_of(prizes)
    if pity_due(pity_count, pity_after):
        real = [p for p in prizes if not p["consolation"] and int(p["weight"]) > 0 and p["id"] not in unavailable]
        if real:
            return Decision(int(_pick(r, real)["id"]), "pity")
        return Decision(int(consolation["id"]), "consolation_pity_unavailable")
    picked = _pick(r, [p for p in prizes if int(p["weight"]) > 0])
    if picked["consolation"] or picked["id"] not in unavailable:
        return Decision(int(picked["id"]), "weight")
    return Decision(int(consolation["id"]), "consolation_unavailable")


def explain(r: int, prizes: list[dict[str, Any]], unavailable: set[int], pity_count: int,
            pity_after: int | None) -> dict[str, Any]:
    """`decide`, step by step, for people (the console's replay page): which candidates the number was taken
    against, each one's range of `r mod W`, where the number fell, and what that gave. Same rules as `decide`
    (a test holds the two to the same prize for every outcome)."""
    pity = pity_due(pity_count, pity_after)
    if pity:
        candidates = [p for p in prizes if not p["consolation"] and int(p["weight"]) > 0
                      and p["id"] not in unavailable]
    else:
        candidates = [p for p in prizes if int(p["weight"]) > 0]
    total = sum(int(p["weight"]) for p in candidates)
    position = r % total if total else None
    ranges, start, hit = [], 0, None
    for p in candidates:
        end = start + int(p["weight"])
        won = position is not None and start <= position < end
        if won:
            hit = p
        ranges.append({"prize_id": int(p["id"]), "name": p["name"], "weight": int(p["weight"]), "from": start,
                       "to": end - 1, "hit": won, "unavailable": p["id"] in unavailable})
        start = end
    decision = decide(r, prizes, unavailable, pity_count, pity_after)
    return {"mode": "pity" if pity else "weight", "total": total, "position": position, "ranges": ranges,
            "picked_id": int(hit["id"]) if hit else None, "prize_id": decision.prize_id,
            "decided_by": decision.decided_by}


def prize_cost_fen(prize: dict[str, Any], points_per_yuan: int, coupon_face_fen: dict[int, int]) -> Fraction:
    """What one win of the prize costs the brand in fen: points at their configured value, a coupon at its face
    value (amount off, or a percent-off coupon's maximum discount), a gift at its cost price."""
    if prize["kind"] == "points":
        return Fraction(int(prize["points"] or 0) * 100, points_per_yuan)
    if prize["kind"] == "coupon":
        return Fraction(coupon_face_fen.get(int(prize["coupon_template_id"] or 0), 0))
    return Fraction(int(prize["cost_fen"] or 0))


def expected_cost(prizes: list[dict[str, Any]], *, pity_after: int | None, cost_points: int, points_per_yuan: int,
                  coupon_face_fen: dict[int, int], out: set[int] | None = None) -> dict[str, Any]:
    """The long-run cost of one draw, from the weights and what is in stock (`out`: prizes that cannot be won).

    q = P(a real prize by weight) = the available real prizes' weight / W. Without pity every draw wins a real
    prize with probability q. With pity after N, a run without a real prize ends at draw N at the latest, so
    the real-prize rate is 1 / E[min(Geometric(q), N)] = q / (1 - (1-q)^N); whichever way a real prize is won,
    it is distributed by the available real prizes' weights. The rest of the draws win the consolation.
    """
    out = out or set()
    positive = [p for p in prizes if int(p["weight"]) > 0]
    total = sum(int(p["weight"]) for p in positive)
    real = [p for p in positive if not p["consolation"] and p["id"] not in out]
    real_weight = sum(int(p["weight"]) for p in real)
    q = Fraction(real_weight, total) if total else Fraction(0)
    if q == 0:
        real_rate = Fraction(0)
    elif pity_after:
        real_rate = q / (1 - (1 - q) ** int(pity_after))
    else:
        real_rate = q
    consolation = consolation_of(prizes)
    rates: dict[int, Fraction] = {int(consolation["id"]): 1 - real_rate}
    for p in real:
        rates[int(p["id"])] = real_rate * Fraction(int(p["weight"]), real_weight)
    by_kind = {"points": Fraction(0), "coupon": Fraction(0), "gift": Fraction(0)}
    points = Fraction(0)
    per_prize = []
    for p in prizes:
        rate = rates.get(int(p["id"]), Fraction(0))
        cost = prize_cost_fen(p, points_per_yuan, coupon_face_fen)
        by_kind[p["kind"]] += rate * cost
        if p["kind"] == "points":
            points += rate * int(p["points"] or 0)
        per_prize.append({"prize_id": int(p["id"]), "name": p["name"], "kind": p["kind"],
                          "consolation": bool(p["consolation"]), "probability": round(float(rate), 6),
                          "cost_fen": round(float(cost), 2), "out": p["id"] in out})
    total_fen = sum(by_kind.values(), Fraction(0))
    income_fen = Fraction(cost_points * 100, points_per_yuan)
    return {
        "points_per_yuan": points_per_yuan,
        "real_prize_rate": round(float(real_rate), 6),
        "expected_points": round(float(points), 2),
        "expected_fen": {k: round(float(v), 2) for k, v in by_kind.items()} | {"total": round(float(total_fen), 2)},
        "expected_yuan": round(float(total_fen) / 100, 4),
        "cost_points": cost_points,
        "cost_yuan": round(float(income_fen) / 100, 4),
        "max_points_per_draw": max((int(p["points"] or 0) for p in positive if p["kind"] == "points"
                                    and (p["consolation"] or p["id"] not in out)), default=0),
        "prizes": per_prize,
    }
