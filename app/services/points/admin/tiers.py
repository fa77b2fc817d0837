"""The tier ladder: thresholds and multipliers, replaced as a whole."""

from __future__ import annotations

from itertools import pairwise
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.services.points.admin.common import Multiplier, _config_tx, _raise
from models import Member, Tier

MAX_TIERS = 50


class TierIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    level: int = Field(ge=0, le=1000)
    name: Annotated[str, Field(min_length=1, max_length=32)]
    growth_threshold: int = Field(ge=0, le=2_000_000_000)
    multiplier_bp: Multiplier = 10000


class TierLadder(BaseModel):
    """The whole ladder: unique levels, level 0 at threshold 0, thresholds strictly increasing with level."""

    model_config = ConfigDict(extra="forbid")
    tiers: list[TierIn] = Field(min_length=1, max_length=MAX_TIERS)

    @model_validator(mode="after")
    def _ladder(self) -> TierLadder:
        errors: list[tuple[tuple[str | int, ...], str, Any]] = []
        seen: dict[int, int] = {}
        for i, t in enumerate(self.tiers):
            if t.level in seen:
                errors.append((("tiers", i, "level"), f"level {t.level} appears twice", t.level))
            seen.setdefault(t.level, i)
        if 0 not in seen:
            errors.append((("tiers",), "the ladder needs a level 0 (every member's starting tier)", None))
        elif self.tiers[seen[0]].growth_threshold != 0:
            errors.append((("tiers", seen[0], "growth_threshold"), "level 0 must start at growth 0",
                           self.tiers[seen[0]].growth_threshold))
        ordered = sorted(((t.level, i, t) for i, t in enumerate(self.tiers)), key=lambda x: (x[0], x[1]))
        for (prev_level, _, prev), (level, i, t) in pairwise(ordered):
            if level != prev_level and t.growth_threshold <= prev.growth_threshold:
                errors.append((("tiers", i, "growth_threshold"), f"must be above level {prev_level}'s threshold "
                               f"{prev.growth_threshold}", t.growth_threshold))
        _raise("TierLadder", errors)
        return self


def tier_view(t: Tier) -> dict[str, Any]:
    return {"level": t.level, "name": t.name, "growth_threshold": t.growth_threshold,
            "multiplier_bp": t.multiplier_bp}


async def list_tiers() -> dict[str, Any]:
    return {"tiers": [tier_view(t) for t in await Tier.all().order_by("level").limit(MAX_TIERS * 2)]}


async def replace_tiers(ladder: TierLadder) -> dict[str, Any]:
    """Replace the ladder in one transaction, so the engine never sees half a ladder.

    Members keep their current level: upgrades happen on their next award, downgrades on the scheduled
    evaluation. `members_outside_ladder` counts members whose level no longer exists (they earn at 1x and
    show as the base tier until re-evaluated), so the operator sees the effect of removing a level.
    """
    async with _config_tx() as c:
        await Tier.all().using_db(c).delete()
        await Tier.bulk_create([Tier(**t.model_dump()) for t in sorted(ladder.tiers, key=lambda t: t.level)],
                               using_db=c)
        levels = [t.level for t in ladder.tiers]
        outside = await Member.exclude(tier_level__in=levels).using_db(c).count()
    out = await list_tiers()
    out["members_outside_ladder"] = outside
    return out


