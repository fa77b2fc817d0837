"""Tiers follow growth on every change: the monthly evaluation ages everyone's growth to the window, a refund
takes back the tier its growth gave, and the evaluation never loses a concurrent award's growth."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from tortoise.transactions import in_transaction

from app.clock import SHANGHAI, clock
from app.db import conn, is_postgres_conn
from app.services.points import engine, tiers
from app.sqlx import fetchrow
from models import Member, TierChange
from tests.conftest import Api
from tests.payhelpers import NotifyRelay, assert_ledger_invariant, play_payment, play_refund


def at(y: int, m: int, d: int, hh: int = 10) -> datetime:
    return datetime(y, m, d, hh, tzinfo=SHANGHAI)


async def buy(rt, member_id: int, key: str, yuan: int) -> engine.AwardResult:  # type: ignore[no-untyped-def]
    result = await engine.award(rt, member_id, "purchase", key, {"amount_fen": yuan * 100})
    assert result.status == "awarded"
    return result


async def state(member_id: int) -> tuple[int, int]:
    m = await Member.get(id=member_id)
    return m.growth, m.tier_level


async def window_growth(member_id: int, since: datetime) -> int:
    row = await fetchrow(conn(), "SELECT COALESCE(SUM(growth), 0) AS g FROM point_entries WHERE member_id = $1 "
                                 "AND created_at >= $2", [member_id, since])
    return int(row["g"])


async def test_evaluation_ages_every_members_growth_so_upgrades_follow_the_window(api: Api, seeded) -> None:
    """A silver member whose old growth aged out is not dropped, yet their growth must still age: otherwise the
    next purchase upgrades them on lifetime growth. The same for a base-tier member."""
    clock.set(at(2025, 10, 1))
    _, silver = await api.login("tier-silver")
    _, base = await api.login("tier-base")
    await buy(seeded, silver["id"], "old", 3500)
    await buy(seeded, base["id"], "old", 900)
    clock.set(at(2026, 6, 1))
    await buy(seeded, silver["id"], "recent", 1200)
    assert await state(silver["id"]) == (4700, 1) and await state(base["id"]) == (900, 0)

    clock.set(at(2026, 12, 1, 3))
    await tiers.evaluate_downgrades(seeded)
    assert await state(silver["id"]) == (1200, 1)  # kept silver on 1,200 of window growth
    assert await state(base["id"]) == (0, 0)

    clock.set(at(2026, 12, 5))
    await buy(seeded, silver["id"], "now", 400)  # 1,600 in the window: still silver (lifetime 5,100 = gold)
    await buy(seeded, base["id"], "now", 200)  # 200 in the window: still base (lifetime 1,100 = silver)
    assert await state(silver["id"]) == (1600, 1)
    assert await state(base["id"]) == (200, 0)
    assert await TierChange.filter(member_id=base["id"]).count() == 0
    clock.set(at(2026, 12, 6))
    assert (await tiers.evaluate_downgrades(seeded)) == {"downgraded": 0, "upgraded": 0}  # nothing to age


async def test_a_refund_takes_back_the_tier_its_growth_gave(api: Api, seeded, sandbox,
                                                            notify_relay: NotifyRelay) -> None:
    """Buy 20,000 yuan (top tier at once), refund half (gold), refund the rest (base): the tier follows growth
    down at each refund, not at the next monthly evaluation, and the next purchase earns at 1x."""
    _, member = await api.login("tier-refund")
    mid = member["id"]
    played = await play_payment(sandbox, notify_relay, member["openid"], 2_000_000)
    assert played["status"] == 204
    assert await state(mid) == (20000, 3)
    await play_refund(sandbox, notify_relay, played["transaction_id"], 1_000_000)
    assert await state(mid) == (10000, 2)
    await play_refund(sandbox, notify_relay, played["transaction_id"], 1_000_000)
    assert await state(mid) == (0, 0)
    after = await buy(seeded, mid, "after-refund", 100)
    assert after.points == 100 and after.trace["tier_multiplier_bp"] == 10000
    history = [(t.from_level, t.to_level, t.reason) for t in await TierChange.filter(member_id=mid).order_by("id")]
    assert history == [(0, 3, "upgrade"), (3, 2, "refund"), (2, 0, "refund")]
    await assert_ledger_invariant(mid)


async def test_evaluation_keeps_the_growth_of_an_award_committing_meanwhile(api: Api, seeded) -> None:
    """An award has written the member row but not committed when the monthly evaluation reaches that member;
    the evaluation waits for it and its growth survives (it used to be overwritten by a window sum read from
    a snapshot taken before the award committed)."""
    if not is_postgres_conn(conn()):
        pytest.skip("row locks and snapshots are PostgreSQL's; SQLite has one writer at a time")
    clock.set(at(2025, 10, 1))
    _, member = await api.login("tier-race")
    mid = member["id"]
    await buy(seeded, mid, "old", 6000)  # gold, all of it out of the window by the evaluation
    clock.set(at(2026, 12, 1, 3))
    written, release = asyncio.Event(), asyncio.Event()

    async def award_in_flight() -> None:
        async with in_transaction():
            await buy(seeded, mid, "in-flight", 1200)
            written.set()
            await release.wait()

    award = asyncio.create_task(award_in_flight())
    await asyncio.wait_for(written.wait(), 10)
    evaluation = asyncio.create_task(tiers.evaluate_downgrades(seeded))
    for _ in range(1000):  # until the evaluation waits on the member's row lock
        row = await fetchrow(conn(), "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = "
                                     "current_database() AND wait_event_type = 'Lock'", [])
        if row["n"] or evaluation.done():
            break
        await asyncio.sleep(0.01)
    release.set()
    await award
    await evaluation
    assert await state(mid) == (1200, 1)
    assert await window_growth(mid, at(2025, 12, 1, 3)) == 1200
    history = [(t.from_level, t.to_level, t.reason) for t in await TierChange.filter(member_id=mid).order_by("id")]
    assert history == [(0, 2, "upgrade"), (2, 1, "downgrade")]
