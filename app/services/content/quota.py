"""The official account's mass-send quota, checked when an edition is scheduled rather than at 09:00.

What counts (docs/wechat-protocols.md §2.4): `message/mass/sendall` of a subscription account succeeds once per
day (to everyone or one tag); a service account's followers receive at most four mass messages per natural
month (and `is_to_all` sends are capped at four a month). A `freepublish` (发布) is not a mass send and counts
for nothing. jifen counts its own scheduled / in-flight / sent mass editions per Asia/Shanghai day or month.

Each such edition holds a slot row (`content_quota_slots`, unique per period and slot number): taking one is an
INSERT that fails on a taken slot, so two marketers scheduling at once cannot overbook a day; cancelling,
rescheduling elsewhere or failing releases it.
"""

from __future__ import annotations

from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from app.clock import SHANGHAI
from app.config import Settings
from app.errors import Conflict
from app.sqlx import execute, fetch


def period_of(settings: Settings, at: datetime) -> tuple[str, int, str]:
    """(period key, sends allowed in it, its wording) for a send at `at`."""
    local = at.astimezone(SHANGHAI)
    if settings.official_account.service:
        return f"month:{local:%Y-%m}", 4, f"the month {local:%Y-%m} (service account: 4 mass sends a month)"
    return f"day:{local.date().isoformat()}", 1, f"{local.date().isoformat()} (subscription account: 1 mass send a day)"


async def take(c: BaseDBAsyncClient, settings: Settings, edition_id: int, at: datetime) -> str:
    """Hold a slot of `at`'s period for the edition (releasing the one it held) or refuse with 409."""
    period, limit, wording = period_of(settings, at)
    await release(c, edition_id)
    for slot in range(1, limit + 1):
        rows = await fetch(c, "INSERT INTO content_quota_slots (period, slot, edition_id) VALUES ($1, $2, $3) "
                              "ON CONFLICT DO NOTHING RETURNING id", [period, slot, edition_id])
        if rows:
            return period
    raise _full(period, limit, wording, await _holders(c, period))


async def check(c: BaseDBAsyncClient, settings: Settings, at: datetime) -> None:
    """Refuse (409, as `take` would) when `at`'s period has no free slot, without taking one. Only an early
    answer (the console asks before it uploads a cover to WeChat for an edition that could not be scheduled):
    `take`, inside the transaction that creates or schedules the edition, stays the authority, since the last
    slot may go between the two."""
    period, limit, wording = period_of(settings, at)
    holders = await _holders(c, period)
    if len(holders) >= limit:
        raise _full(period, limit, wording, holders)


async def _holders(c: BaseDBAsyncClient, period: str) -> list[int]:
    rows = await fetch(c, "SELECT edition_id FROM content_quota_slots WHERE period = $1 ORDER BY slot", [period])
    return [int(r["edition_id"]) for r in rows]


def _full(period: str, limit: int, wording: str, holders: list[int]) -> Conflict:
    """The refusal, naming the editions that hold the period's slots (the console's sentence says which)."""
    ids = ", ".join(f"#{i}" for i in holders)
    return Conflict(f"no mass-send quota left for {wording}: already taken by edition {ids}; publish instead of "
                    "mass sending, or pick another date", code="mass_quota_exceeded",
                    details={"period": period, "limit": limit, "editions": holders})


async def release(c: BaseDBAsyncClient, edition_id: int) -> None:
    await execute(c, "DELETE FROM content_quota_slots WHERE edition_id = $1", [edition_id])
