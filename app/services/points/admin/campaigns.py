"""Campaigns (member day / month multipliers): of overlapping campaigns the highest multiplier wins."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError
from tortoise.backends.base.client import BaseDBAsyncClient

from app.db import conn
from app.errors import NotFound
from app.services.points.admin.common import (
    Event,
    Multiplier,
    Name,
    Recurrence,
    _config_tx,
    _iso,
    _page,
    _raise,
    _validation_failed,
    check_event,
)
from models import Campaign

_RECURRENCE_FIELDS: dict[str, tuple[set[str], set[str]]] = {
    # recurrence: (required, allowed) among day_of_month / month / weekday
    "once": (set(), set()),
    "monthly": ({"day_of_month"}, {"day_of_month"}),
    "yearly": ({"month"}, {"month", "day_of_month"}),
    "weekly": ({"weekday"}, {"weekday"}),
}


class CampaignIn(BaseModel):
    """A multiplier window. once: starts_at + ends_at; monthly: day_of_month (a month without that day has no
    campaign day); yearly: month, optionally day_of_month; weekly: weekday (ISO, 1 = Monday). For recurring
    campaigns starts_at/ends_at optionally bound the period in which they recur. Days are Asia/Shanghai days."""

    model_config = ConfigDict(extra="forbid")
    name: Name
    multiplier_bp: Multiplier
    recurrence: Recurrence
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    day_of_month: int | None = Field(default=None, ge=1, le=31)
    month: int | None = Field(default=None, ge=1, le=12)
    weekday: int | None = Field(default=None, ge=1, le=7)
    events: list[Event] | None = Field(default=None, max_length=20, description="only these events; null = all")
    tier_levels: list[Annotated[int, Field(ge=0, le=1000)]] | None = Field(
        default=None, max_length=50, description="only members at these tier levels; null = all")
    active: bool = True

    @model_validator(mode="after")
    def _cross_fields(self) -> CampaignIn:
        errors: list[tuple[tuple[str | int, ...], str, Any]] = []
        required, allowed = _RECURRENCE_FIELDS[self.recurrence]
        for name in ("day_of_month", "month", "weekday"):
            value = getattr(self, name)
            if name in required and value is None:
                errors.append(((name,), f"required when recurrence is {self.recurrence}", None))
            elif name not in allowed and value is not None:
                errors.append(((name,), f"not used when recurrence is {self.recurrence}", value))
        if self.recurrence == "yearly" and self.month and self.day_of_month:
            try:
                date(2028, self.month, self.day_of_month)  # a leap year: 29 February is a valid yearly day
            except ValueError:
                errors.append((("day_of_month",), f"month {self.month} has no day {self.day_of_month}",
                               self.day_of_month))
        if self.recurrence == "once":
            for name in ("starts_at", "ends_at"):
                if getattr(self, name) is None:
                    errors.append(((name,), "required when recurrence is once", None))
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors.append((("ends_at",), "must be after starts_at", self.ends_at.isoformat()))
        for i, event in enumerate(self.events or []):
            try:
                check_event(event)
            except PydanticCustomError as exc:
                errors.append((("events", i), exc.message(), event))
        if self.events and len(set(self.events)) != len(self.events):
            errors.append((("events",), "events must be unique", self.events))
        if self.tier_levels and len(set(self.tier_levels)) != len(self.tier_levels):
            errors.append((("tier_levels",), "tier levels must be unique", self.tier_levels))
        _raise("CampaignIn", errors)
        return self


class CampaignPatch(BaseModel):
    """Any subset of a campaign's fields; the merged campaign is validated like a new one."""

    model_config = ConfigDict(extra="forbid")
    name: Name | None = None
    multiplier_bp: Multiplier | None = None
    recurrence: Recurrence | None = None
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    day_of_month: int | None = Field(default=None, ge=1, le=31)
    month: int | None = Field(default=None, ge=1, le=12)
    weekday: int | None = Field(default=None, ge=1, le=7)
    events: list[Event] | None = Field(default=None, max_length=20)
    tier_levels: list[Annotated[int, Field(ge=0, le=1000)]] | None = Field(default=None, max_length=50)
    active: bool | None = None


_CAMPAIGN_FIELDS = tuple(CampaignIn.model_fields)


def campaign_view(c: Campaign) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id}
    for name in _CAMPAIGN_FIELDS:
        value = getattr(c, name)
        out[name] = _iso(value) if isinstance(value, datetime) else value
    out["created_at"] = _iso(c.created_at)
    return out


def _campaign_values(data: CampaignIn) -> dict[str, Any]:
    values = data.model_dump()
    values["events"] = data.events or None  # an empty filter means "all", stored as null like the seeds
    values["tier_levels"] = data.tier_levels or None
    return values


async def list_campaigns(*, active: bool | None, cursor: int | None, limit: int) -> dict[str, Any]:
    q = Campaign.filter(id__gt=cursor or 0)
    if active is not None:
        q = q.filter(active=active)
    rows = await q.order_by("id").limit(limit + 1)
    return _page([campaign_view(r) for r in rows], limit)


async def get_campaign(campaign_id: int, c: BaseDBAsyncClient | None = None) -> Campaign:
    campaign = await Campaign.filter(id=campaign_id).using_db(c or conn()).first()
    if campaign is None:
        raise NotFound(f"no campaign #{campaign_id}", code="campaign_not_found")
    return campaign


async def create_campaign(data: CampaignIn) -> Campaign:
    async with _config_tx() as c:
        return await Campaign.create(using_db=c, **_campaign_values(data))


async def update_campaign(campaign_id: int, patch: CampaignPatch) -> Campaign:
    changes = patch.model_dump(exclude_unset=True)
    async with _config_tx() as c:
        campaign = await get_campaign(campaign_id, c)
        current = {name: getattr(campaign, name) for name in _CAMPAIGN_FIELDS}
        try:
            merged = CampaignIn.model_validate({**current, **changes})
        except ValidationError as exc:
            raise _validation_failed(exc) from exc
        campaign.update_from_dict(_campaign_values(merged))
        await campaign.save(using_db=c)
        return campaign


async def deactivate_campaign(campaign_id: int) -> Campaign:
    async with _config_tx() as c:
        campaign = await get_campaign(campaign_id, c)
        if campaign.active:
            campaign.active = False
            await campaign.save(using_db=c, update_fields=["active"])
        return campaign


