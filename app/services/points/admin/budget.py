"""The annual points budget and the maximum issuable points (profit x budget ratio x points per yuan)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.clock import SHANGHAI
from app.errors import ValidationFailed
from app.runtime import Runtime
from app.services.points import budget
from app.services.points.admin.common import _config_tx, _raise
from app.services.points.config_cache import config_cache
from models import PointsBudget

MIN_YEAR, MAX_YEAR = 2000, 2100
BUDGET_FORMULA = "floor(profit_fen × budget_ratio_bp ÷ (redemption_ratio_bp × point_value_fen))"


def max_issuable_points(profit_fen: int, budget_ratio_bp: int, redemption_ratio_bp: int,
                        point_value_fen: int = 1) -> int:
    """The most points a year may issue so that their expected cost stays within the loyalty budget.

    Cost budget = profit × budget ratio. A point only costs money when it is redeemed, and only the
    redemption-ratio share of issued points ever is, so the expected cost of one issued point is
    point_value × redemption ratio. Hence

        points = profit_fen × budget_ratio ÷ (redemption_ratio × point_value_fen)
               = floor(profit_fen × budget_ratio_bp ÷ (redemption_ratio_bp × point_value_fen))   (bp cancel)

    e.g. 10M yuan profit, 5% budget, 60% redemption, 1 point = 1 fen → 83,333,333 points. (Multiplying by
    the redemption ratio, as the issue's wording could be read, would shrink the budget when fewer points
    are redeemed, the opposite of the economics.) Integer arithmetic, floored: never over budget.
    """
    if profit_fen < 0 or budget_ratio_bp < 0 or redemption_ratio_bp <= 0 or point_value_fen <= 0:
        raise ValueError("profit and budget ratio must be >= 0, redemption ratio and point value > 0")
    return profit_fen * budget_ratio_bp // (redemption_ratio_bp * point_value_fen)


class BudgetIn(BaseModel):
    """Either `budget_points`, or `profit_fen` + `budget_ratio_bp` + `redemption_ratio_bp` (see `formula`)."""

    model_config = ConfigDict(extra="forbid")
    budget_points: int | None = Field(default=None, ge=0, le=10**15)
    profit_fen: int | None = Field(default=None, ge=1, le=10**15)
    budget_ratio_bp: int | None = Field(default=None, ge=1, le=10000, description="share of profit, 500 = 5%")
    redemption_ratio_bp: int | None = Field(default=None, ge=1, le=10000,
                                            description="share of issued points expected to be redeemed")
    point_value_fen: int = Field(default=1, ge=1, le=10000, description="what one redeemed point costs, in fen")
    warn_ratio_bp: int = Field(default=8000, ge=1, le=10000)
    mode: Literal["refuse", "flag"] = "refuse"

    @model_validator(mode="after")
    def _one_form(self) -> BudgetIn:
        derived = {"profit_fen": self.profit_fen, "budget_ratio_bp": self.budget_ratio_bp,
                   "redemption_ratio_bp": self.redemption_ratio_bp}
        given = [k for k, v in derived.items() if v is not None]
        errors: list[tuple[tuple[str | int, ...], str, Any]] = []
        if self.budget_points is not None and given:
            errors += [((k,), "give either budget_points or the profit-based fields, not both", derived[k])
                       for k in given]
        elif self.budget_points is None and not given:
            errors.append((("budget_points",), "required (or give profit_fen, budget_ratio_bp and "
                           "redemption_ratio_bp)", None))
        elif self.budget_points is None:
            errors += [((k,), "required with the other profit-based fields", None) for k in derived
                       if derived[k] is None]
        _raise("BudgetIn", errors)
        return self


def budget_row_view(b: PointsBudget) -> dict[str, Any]:
    return {"year": b.year, "budget_points": b.budget_points, "warn_ratio_bp": b.warn_ratio_bp, "mode": b.mode}


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationFailed(f"year must be between {MIN_YEAR} and {MAX_YEAR}",
                               details=[{"field": "year", "message": f"between {MIN_YEAR} and {MAX_YEAR}"}])


async def budget_view(rt: Runtime, year: int | None) -> dict[str, Any]:
    """Configured budget and issuance for a year (current Shanghai year by default)."""
    year = year or rt.clock.today().year
    _check_year(year)
    cfg = await config_cache.get()
    mid_year = datetime(year, 7, 1, tzinfo=SHANGHAI)  # budget.status works on "the year of now"
    status = await budget.status(rt, cfg, mid_year)
    if status is None:
        return {"year": year, "configured": False, "budget_points": None, "issued": await budget.issued(rt, year),
                "warning": False, "exhausted": False}
    return {"configured": True, **status, "remaining": max(status["budget_points"] - status["issued"], 0)}


async def set_budget(rt: Runtime, year: int, data: BudgetIn) -> dict[str, Any]:
    _check_year(year)
    formula = None
    points = data.budget_points
    if points is None:
        assert data.profit_fen and data.budget_ratio_bp and data.redemption_ratio_bp
        points = max_issuable_points(data.profit_fen, data.budget_ratio_bp, data.redemption_ratio_bp,
                                     data.point_value_fen)
        formula = {"expression": BUDGET_FORMULA, "profit_fen": data.profit_fen,
                   "budget_ratio_bp": data.budget_ratio_bp, "redemption_ratio_bp": data.redemption_ratio_bp,
                   "point_value_fen": data.point_value_fen, "budget_points": points}
    values = {"budget_points": points, "warn_ratio_bp": data.warn_ratio_bp, "mode": data.mode}
    async with _config_tx() as c:
        row = await PointsBudget.filter(year=year).using_db(c).first()
        if row is None:
            row = await PointsBudget.create(using_db=c, year=year, **values)
        else:
            row.update_from_dict(values)
            await row.save(using_db=c)
    return {"budget": budget_row_view(row), "formula": formula, "status": await budget_view(rt, year)}


