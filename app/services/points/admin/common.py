"""Shared validation for the operator side of the points engine (events, errors, config transactions)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from app.auth import Principal
from app.db import is_postgres_conn
from app.errors import ValidationFailed
from app.services.points.config_cache import config_cache
from app.sqlx import execute

EVENTS = ("check_in", "purchase", "community_interaction", "invite_accepted", "share", "profile_completed",
          "phone_bound", "first_purchase", "guide_task")
_CUSTOM_EVENT = re.compile(r"^custom:[a-z0-9][a-z0-9_-]{0,40}$")
_STREAK_KEY = re.compile(r"^[1-9][0-9]{0,3}\+?$")
CONFIG_LOCK_KEY = 7126101  # PostgreSQL advisory lock serialising configuration writes (next to 7126001: migrate)
ADJUST_LOCK_KEY = 7126201  # with a hash of the operator: serialises one marketer's daily-limit check + posting
MAX_POINTS = 10_000_000  # any single configured or adjusted amount; keeps products well inside int32 columns


def check_event(value: str) -> str:
    if value in EVENTS or _CUSTOM_EVENT.match(value):
        return value
    raise PydanticCustomError("event", "unknown event '{value}': use one of {known} or custom:<slug> "
                              "(lowercase letters, digits, _ and -)", {"value": value, "known": ", ".join(EVENTS)})


def _raise(title: str, errors: list[tuple[tuple[str | int, ...], str, Any]]) -> None:
    """Raise cross-field errors with their own field paths (a plain ValueError would be reported on `body`)."""
    if errors:
        raise ValidationError.from_exception_data(title, [
            InitErrorDetails(type=PydanticCustomError("value_error", msg), loc=loc, input=value)
            for loc, msg, value in errors])


def _validation_failed(exc: ValidationError) -> ValidationFailed:
    details = [{"field": ".".join(str(p) for p in e["loc"]) or "body", "message": e["msg"]} for e in exc.errors()]
    return ValidationFailed("; ".join(f"{d['field']}: {d['message']}" for d in details), details=details)


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


Event = Annotated[str, Field(min_length=1, max_length=48, examples=["check_in", "custom:experience_officer"])]
Points = Annotated[int, Field(ge=0, le=MAX_POINTS)]
Cap = Annotated[int, Field(gt=0, le=2_000_000_000)]
Name = Annotated[str, Field(min_length=1, max_length=64)]
Code = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.:-]{0,47}$")]
Validity = Literal["end_of_next_year", "end_of_year", "days", "never"]
ValidityDays = Annotated[int, Field(ge=1, le=3650)]
PendingDays = Annotated[int, Field(ge=0, le=365)]
Multiplier = Annotated[int, Field(ge=10000, le=100000, description="basis points: 10000 = 1x, 15000 = 1.5x")]
Recurrence = Literal["once", "monthly", "yearly", "weekly"]


class RuleOptions(BaseModel):
    """Free-form rule options; the keys the engine reads are typed, others are stored as given."""

    model_config = ConfigDict(extra="allow")
    makeup_per_month: int | None = Field(default=None, ge=0, le=31)
    makeup_cost: int | None = Field(default=None, ge=0, le=MAX_POINTS)




@asynccontextmanager
async def _config_tx() -> AsyncIterator[BaseDBAsyncClient]:
    """A transaction holding the configuration lock; the cache is invalidated once it has committed.

    SQLite transactions are already exclusive within the process (Tortoise holds one connection lock);
    on PostgreSQL a transaction-scoped advisory lock serialises check-then-write across workers.
    """
    async with in_transaction() as c:
        if is_postgres_conn(c):
            await execute(c, "SELECT pg_advisory_xact_lock($1)", [CONFIG_LOCK_KEY])
        yield c
    config_cache.invalidate()


def _page(items: list[dict[str, Any]], limit: int) -> dict[str, Any]:
    """Keyset page over ascending ids: `next_cursor` is the last id shown, passed back as `cursor`."""
    more = len(items) > limit
    items = items[:limit]
    return {"items": items, "next_cursor": str(items[-1]["id"]) if more else None}


def operator_of(principal: Principal) -> str:
    """How staff appear in traces and entry sources: `<role>:<staff id>`."""
    return f"{principal.role}:{principal.subject_id}"
