"""Budget planner and threshold advice.

Budget planner (the seed's two modes), integer arithmetic through the engine's own formula
(`app/services/points/admin/budget.py: max_issuable_points`):
  fixed     a year's cost budget in fen -> points = budget_fen x 10000 / (redemption_ratio_bp x point value)
  floating  a share of turnover: cost budget = profit x budget ratio (profit = turnover x margin when
            turnover is given) -> max issuable = profit x budget ratio x points per yuan (/ redemption ratio)
With redemption_ratio_bp = 10000 (the default: assume every point is redeemed) both reduce to the issue's
"profit x budget ratio x points per yuan". Actual issuance comes from the roll-ups and is projected to the
year's end at the year-to-date daily rate. `apply` writes the plan into the engine's budget guard through
`admin.budget.set_budget` (the same call as PUT /admin/v1/budget).

Threshold advice: for each tier, what each member could hold within `days` at their own earning rate of the
last `window_days` (balance + rate x days); the threshold is the value `goal_bp` of the tier's members reach
(the (1 - goal) percentile), and catalogue rewards most members of a tier cannot reach are flagged. The
per-member sums come from the `metrics_reach` job's histogram when fresh (`reach.py`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.clock import SHANGHAI
from app.db import conn
from app.errors import ValidationFailed
from app.runtime import Runtime
from app.services.metrics import catalogue as _catalogue  # noqa: F401  (registers the coupon provider)
from app.services.metrics import extensions, reach
from app.services.metrics.points import histogram_percentile, ratio_bp
from app.services.points.admin import budget as budget_admin
from app.sqlx import fetch, fetchrow


class PlanIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    year: int | None = Field(default=None, ge=2000, le=2100)
    mode: Literal["fixed", "floating"]
    budget_fen: int | None = Field(default=None, ge=1, le=10**15, description="fixed: the year's cost budget")
    profit_fen: int | None = Field(default=None, ge=1, le=10**15, description="floating: the year's profit")
    turnover_fen: int | None = Field(default=None, ge=1, le=10**15,
                                     description="floating: turnover; profit = turnover x profit_margin_bp")
    profit_margin_bp: int | None = Field(default=None, ge=1, le=10000)
    budget_ratio_bp: int | None = Field(default=None, ge=1, le=10000, description="floating: 500 = 5 %")
    redemption_ratio_bp: int = Field(default=10000, ge=1, le=10000)
    warn_ratio_bp: int = Field(default=8000, ge=1, le=10000)
    guard_mode: Literal["refuse", "flag"] = "refuse"

    @model_validator(mode="after")
    def _inputs(self) -> PlanIn:
        missing: list[str] = []
        if self.mode == "fixed":
            if self.budget_fen is None:
                missing.append("budget_fen")
        else:
            if self.budget_ratio_bp is None:
                missing.append("budget_ratio_bp")
            if self.profit_fen is None and self.turnover_fen is None:
                missing.append("profit_fen")
        if missing:
            raise ValueError(f"{self.mode} mode needs {', '.join(missing)}")
        return self



def max_points(cost_fen: int, ratio_bp: int, redemption_bp: int, points_per_yuan: int) -> int:
    """`budget_admin.max_issuable_points` for any unit value: a point is worth 100/points_per_yuan fen, so
    scaling profit by points_per_yuan and the point value by 100 keeps the formula (and its flooring) exact."""
    return budget_admin.max_issuable_points(cost_fen * points_per_yuan, ratio_bp, redemption_bp, 100)


async def issued_in(start: date, end: date) -> int:
    row = await fetchrow(conn(), "SELECT COALESCE(SUM(issued), 0) FROM metrics_daily WHERE day >= $1 AND day <= $2",
                         [start, end])
    return int(row[0]) if row else 0


async def plan(rt: Runtime, data: PlanIn) -> dict[str, Any]:
    ppy = rt.settings.metrics.points_per_yuan
    today = rt.clock.today()
    year = data.year or today.year
    # the profit the plan stands on, said in the answer: from turnover it uses the configured margin unless the
    # request names one, and an operator must see which
    basis: dict[str, int] = {}
    if data.mode == "fixed":
        assert data.budget_fen is not None
        profit, ratio, cost = data.budget_fen, 10000, data.budget_fen
    else:
        if data.profit_fen is not None:
            profit = data.profit_fen
        else:
            margin = data.profit_margin_bp or rt.settings.metrics.profit_margin_bp
            profit = (data.turnover_fen or 0) * margin // 10000
            basis = {"turnover_fen": data.turnover_fen or 0, "profit_margin_bp": margin}
        basis["profit_fen"] = profit
        ratio = data.budget_ratio_bp or 0
        cost = profit * ratio // 10000
    points = max_points(profit, ratio, data.redemption_ratio_bp, ppy)
    start, end = date(year, 1, 1), date(year, 12, 31)
    days_in_year = (end - start).days + 1
    upto = min(max(today, start - timedelta(days=1)), end)
    elapsed = (upto - start).days + 1 if upto >= start else 0
    actual = await issued_in(start, upto) if elapsed else 0
    projected = actual * days_in_year // elapsed if elapsed else 0
    return {
        "year": year, "mode": data.mode, "points_per_yuan": ppy,
        "inputs": data.model_dump(exclude_none=True), **({"basis": basis} if basis else {}),
        "cost_budget_fen": cost, "max_issuable_points": points,
        "formula": "profit_fen x budget_ratio_bp x points_per_yuan / (100 x redemption_ratio_bp)",
        "actual": {"through": upto.isoformat() if elapsed else None, "days": elapsed, "issued": actual,
                   "share_bp": ratio_bp(actual, points)},
        "projection": {"year_end_issued": projected, "share_bp": ratio_bp(projected, points),
                       "over_budget": projected > points},
    }


async def apply(rt: Runtime, data: PlanIn) -> dict[str, Any]:
    """Compute the plan and set it as the year's budget in the engine's guard."""
    p = await plan(rt, data)
    result = await budget_admin.set_budget(rt, p["year"], budget_admin.BudgetIn(
        budget_points=p["max_issuable_points"], warn_ratio_bp=data.warn_ratio_bp, mode=data.guard_mode))
    return {"plan": p, **result}


async def threshold_advice(rt: Runtime, *, goal_bp: int, days: int, window_days: int,
                           tier: int | None = None) -> dict[str, Any]:
    if not (1 <= goal_bp <= 10000 and 1 <= days <= 3650 and 1 <= window_days <= 366):
        raise ValidationFailed("goal_bp 1..10000, days 1..3650, window_days 1..366",
                               details=[{"field": "goal_bp", "message": "range"}])
    c = conn()
    now = rt.clock.now()
    # a histogram of each member's reach per tier and value (no member row leaves the database): read off the
    # `metrics_reach` job's histogram when it holds this window and is fresh, else computed from the ledger
    rows, as_of, source = await reach.histogram(rt, days=days, window_days=window_days, tier=tier, now=now)
    names = {int(r[0]): r[1] for r in await fetch(c, "SELECT level, name FROM tiers")}
    by: dict[int, list[tuple[int, int]]] = {}
    for r in rows:
        by.setdefault(int(r[0]), []).append((int(r[1]), int(r[2])))
    items = await extensions.catalogue_items(rt.settings.metrics.points_per_yuan)
    pct = max(1, (10000 - goal_bp) // 100)
    tiers = []
    for level in sorted(by):
        hist = by[level]
        n = sum(k for _, k in hist)
        threshold = histogram_percentile(hist, pct) if goal_bp < 10000 else hist[0][0]
        median = histogram_percentile(hist, 50)
        rewards = []
        for i in items:
            can = sum(k for v, k in hist if v >= i["points"])
            rewards.append({**i, "members_who_can_reach": can, "share_bp": ratio_bp(can, n),
                            "out_of_reach": can * 2 < n})
        tiers.append({"tier_level": level, "name": names.get(level), "members": n,
                      "reachable_median": median, "threshold": threshold, "rewards": rewards})
    return {"goal_bp": goal_bp, "days": days, "window_days": window_days,
            "as_of": as_of.astimezone(SHANGHAI).isoformat(), "source": source, "tiers": tiers}


