"""Check-in through the API: idempotent per Shanghai day, streaks, calendar, make-ups, concurrency."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from app.clock import SHANGHAI, clock
from tests.conftest import Api


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, tzinfo=SHANGHAI)


@pytest.fixture
def award_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The events that went through the general award path (`engine.award`) during the test."""
    from app.services.points import engine

    calls: list[str] = []
    real = engine.award

    async def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[2])
        return await real(*args, **kwargs)

    monkeypatch.setattr(engine, "award", spy)
    return calls


async def test_checkin_awards_once_per_day(api: Api, seeded) -> None:
    clock.set(at(2026, 11, 2))
    token, _ = await api.login("ck1")
    status, body = await api.call("POST", "/api/v1/checkins", token=token)
    assert status == 201 and body["points"] == 5 and body["streak"] == 1
    status, body = await api.call("POST", "/api/v1/checkins", token=token)
    assert status == 200 and body["checked_in"] is False and body["reason"] == "already_checked_in"
    status, pts = await api.call("GET", "/api/v1/points", token=token)
    assert pts["balance"] == 5


async def test_day_boundary_is_shanghai_midnight(api: Api, seeded) -> None:
    clock.set(at(2026, 11, 2, 23, 59, 59))
    token, _ = await api.login("ck2")
    assert (await api.call("POST", "/api/v1/checkins", token=token))[0] == 201
    clock.set(at(2026, 11, 3, 0, 0, 0))  # 16:00 UTC the previous UTC day
    status, body = await api.call("POST", "/api/v1/checkins", token=token)
    assert status == 201 and body["day"] == "2026-11-03" and body["streak"] == 2
    clock.set(at(2026, 11, 3, 23, 59, 59))
    assert (await api.call("POST", "/api/v1/checkins", token=token))[1]["checked_in"] is False


async def test_streak_bonus_on_day_seven_and_reset_after_gap(api: Api, seeded) -> None:
    token, _ = await api.login("ck3")
    got = []
    for day in range(1, 8):
        clock.set(at(2026, 11, day))
        got.append((await api.call("POST", "/api/v1/checkins", token=token))[1]["points"])
    assert got == [5, 5, 5, 5, 5, 5, 25]
    clock.set(at(2026, 11, 9))  # skipped the 8th
    status, body = await api.call("POST", "/api/v1/checkins", token=token)
    assert body["streak"] == 1
    status, cal = await api.call("GET", "/api/v1/checkins?month=2026-11", token=token)
    assert [d["day"] for d in cal["days"]][-1] == "2026-11-09" and len(cal["days"]) == 8
    assert cal["streak"] == 1


async def test_concurrent_checkins_award_once(api: Api, seeded) -> None:
    clock.set(at(2026, 11, 5))
    token, member = await api.login("ck4")
    results = await asyncio.gather(*[api.call("POST", "/api/v1/checkins", token=token) for _ in range(20)])
    assert sum(1 for s, b in results if s == 201) == 1, results
    assert all(s in (200, 201) for s, _ in results)
    status, page = await api.call("GET", "/api/v1/points/ledger", token=token)
    assert len(page["items"]) == 1 and page["items"][0]["amount"] == 5


async def test_makeup_fills_gap_costs_points_and_is_limited(api: Api, seeded) -> None:
    token, _ = await api.login("ck5")
    for day in (1, 2, 4, 5):
        clock.set(at(2026, 11, day))
        await api.call("POST", "/api/v1/checkins", token=token)
    clock.set(at(2026, 11, 6))
    await api.call("POST", "/api/v1/checkins", token=token)
    status, body = await api.call("POST", "/api/v1/checkins/makeup", token=token, json={"day": "2026-11-03"})
    assert status == 201, body
    assert body["cost"] == 10 and body["points"] == 5 and body["streak"] == 6
    status, pts = await api.call("GET", "/api/v1/points", token=token)
    assert pts["balance"] == 5 * 6 - 10
    status, body = await api.call("POST", "/api/v1/checkins/makeup", token=token, json={"day": "2026-11-03"})
    assert status == 409 and body["error"]["code"] == "already_checked_in"
    status, body = await api.call("POST", "/api/v1/checkins/makeup", token=token, json={"day": "2026-10-30"})
    assert status == 422
    clock.set(at(2026, 11, 20))
    for d in ("2026-11-10", "2026-11-11"):
        status, body = await api.call("POST", "/api/v1/checkins/makeup", token=token, json={"day": d})
    assert status == 409 and body["error"]["code"] == "makeup_limit_reached"


async def test_makeup_without_enough_points_is_refused(api: Api, seeded) -> None:
    token, _ = await api.login("ck6")
    clock.set(at(2026, 11, 10))
    status, body = await api.call("POST", "/api/v1/checkins/makeup", token=token, json={"day": "2026-11-03"})
    assert status == 409 and body["error"]["code"] == "insufficient_points"
    status, cal = await api.call("GET", "/api/v1/checkins", token=token)
    assert cal["days"] == []


async def test_member_day_campaign_triples_only_on_the_18th(api: Api, seeded) -> None:
    token, _ = await api.login("ck7")
    clock.set(at(2026, 11, 17, 23, 59, 59))
    assert (await api.call("POST", "/api/v1/checkins", token=token))[1]["points"] == 5
    clock.set(at(2026, 11, 18, 0, 0, 0))
    status, body = await api.call("POST", "/api/v1/checkins", token=token)
    assert body["points"] == 15 and body["award"]["trace"]["campaign"]["multiplier_bp"] == 30000
    clock.set(at(2026, 11, 19, 0, 0, 0))
    assert (await api.call("POST", "/api/v1/checkins", token=token))[1]["points"] == 5
    clock.shift(timedelta(days=0))


async def test_a_campaign_window_inside_one_day_applies_from_its_first_second(api: Api, seeded) -> None:
    """The check-in statement's configuration is reused within a day; a dated campaign's start and end
    inside that day still take effect exactly (no stale reuse across a window edge)."""
    from app.services.points.config_cache import config_cache
    from models import Campaign

    await Campaign.create(name="flash 2x", multiplier_bp=20000, recurrence="once", events=["check_in"],
                          starts_at=at(2026, 11, 5, 12), ends_at=at(2026, 11, 5, 13))
    config_cache.invalidate()
    points = []
    for n, moment in enumerate([at(2026, 11, 5, 11, 59, 59), at(2026, 11, 5, 12), at(2026, 11, 5, 12, 59, 59),
                                at(2026, 11, 5, 13)]):
        token, _ = await api.login(f"flash{n}")
        clock.set(moment)
        points.append((await api.call("POST", "/api/v1/checkins", token=token))[1]["points"])
    assert points == [5, 10, 10, 5]


async def test_postgres_takes_the_single_statement_path(api: Api, seeded, award_calls: list[str]) -> None:
    """On PostgreSQL a plain check-in rule never goes through the general award path (one statement);
    with a cap configured it does. SQLite always uses the general path."""
    from app.db import conn, is_postgres_conn
    from app.services.points.config_cache import config_cache
    from models import EarningRule

    clock.set(at(2026, 11, 2))
    token, _ = await api.login("fast1")
    assert (await api.call("POST", "/api/v1/checkins", token=token))[1]["points"] == 5
    assert award_calls == ([] if is_postgres_conn(conn()) else ["check_in"])
    await EarningRule.filter(code="check_in").update(total_points_cap=1000)
    config_cache.invalidate()
    clock.set(at(2026, 11, 3))
    assert (await api.call("POST", "/api/v1/checkins", token=token))[1]["points"] == 5
    assert award_calls[-1] == "check_in"


async def test_checkins_under_a_budget_are_counted_and_exact_near_its_edge(api: Api, seeded, staff_token,
                                                                          award_calls: list[str]) -> None:
    """Far below the warning line a check-in stays one statement on PostgreSQL and still counts against the
    budget; once the largest possible check-in could reach the line, the general path decides (refusing
    past the budget in refuse mode, while the day still counts)."""
    from app.db import conn, is_postgres_conn

    pg = is_postgres_conn(conn())
    admin = staff_token("admin")

    async def budget(points: int) -> dict:
        status, _ = await api.call("PUT", "/admin/v1/budget/2026", token=admin,
                                   json={"budget_points": points, "warn_ratio_bp": 8000, "mode": "refuse"})
        assert status == 200
        return (await api.call("GET", "/admin/v1/budget", token=admin))[1]

    clock.set(at(2026, 7, 1))  # no campaign: the largest check-in is (5 + 20 streak bonus) x 2.0 top tier = 50
    assert (await budget(1000))["issued"] == 0
    a, _ = await api.login("budget-a")
    assert (await api.call("POST", "/api/v1/checkins", token=a))[1]["points"] == 5
    assert award_calls == ([] if pg else ["check_in"])
    assert (await budget(1000))["issued"] == 5

    award_calls.clear()
    b, _ = await api.login("budget-b")  # 5 issued + up to 50 would reach 80 % of 60: the general path
    assert (await budget(60))["issued"] == 5
    assert (await api.call("POST", "/api/v1/checkins", token=b))[1]["points"] == 5
    assert award_calls == ["check_in"]
    assert (await budget(60))["issued"] == 10

    c, _ = await api.login("budget-c")  # 10 issued + 5 > 12: refused, the day still counts
    await budget(12)
    status, body = await api.call("POST", "/api/v1/checkins", token=c)
    assert status == 201 and body["checked_in"] is True and body["points"] == 0
    assert body["award"]["reason"] == "budget_exhausted"
    assert (await budget(12))["issued"] == 10


async def test_budget_counter_failure_after_the_award_commits_is_repaired(api: Api, seeded, staff_token, rt,
                                                                          monkeypatch) -> None:
    """Redis fails just after the check-in committed: the member still gets the check-in (201), and the
    counter that missed those points is rebuilt from the ledger on its next read."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    from app.services.points import budget

    clock.set(at(2026, 7, 2))
    admin = staff_token("admin")
    assert (await api.call("PUT", "/admin/v1/budget/2026", token=admin, json={"budget_points": 100_000}))[0] == 200
    first, _ = await api.login("budget-redis-1")
    assert (await api.call("POST", "/api/v1/checkins", token=first))[1]["points"] == 5
    assert await budget.issued(rt, 2026) == 5

    async def redis_gone(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RedisConnectionError("connection reset")

    monkeypatch.setattr(budget, "_ADD_IF_COUNTED", redis_gone)
    second, _ = await api.login("budget-redis-2")
    status, body = await api.call("POST", "/api/v1/checkins", token=second)
    assert status == 201 and body["points"] == 5
    monkeypatch.undo()
    assert await budget.issued(rt, 2026) == 10  # recounted from the ledger, not the stale 5


# --- make-ups: an atomic monthly limit, charge and award in one transaction, rate-limited ---------------------


async def _member_with_points(api: Api, rt, name: str, points: int = 500) -> tuple[str, int]:
    """A member holding `points` spendable points (a purchase award), with no check-ins yet."""
    from app.services.points import engine

    token, member = await api.login(name)
    result = await engine.award(rt, member["id"], "purchase", f"seed:{name}", {"amount_fen": points * 100})
    assert result.points == points
    return token, member["id"]


async def _makeup_rows(member_id: int) -> list[tuple[str, bool]]:
    from models import Checkin

    rows = await Checkin.filter(member_id=member_id).order_by("day")
    return [(r.day.isoformat(), r.makeup) for r in rows]


async def test_parallel_makeups_never_exceed_the_monthly_limit(api: Api, seeded) -> None:
    """Ten make-ups of ten different missed days at once: the limit (2 a month) holds, exactly two are charged
    and awarded, the rest answer 409 makeup_limit_reached with nothing written."""
    from models import Member

    clock.set(at(2026, 11, 20))
    token, mid = await _member_with_points(api, seeded, "mk-par")
    days = [f"2026-11-{d:02d}" for d in range(5, 15)]
    results = await asyncio.gather(*[api.call("POST", "/api/v1/checkins/makeup", token=token, json={"day": d})
                                     for d in days])
    ok = [b for s, b in results if s == 201]
    refused = [b for s, b in results if s != 201]
    assert len(ok) == 2, results
    assert all(s in (201, 409) for s, _ in results), results
    assert {b["error"]["code"] for b in refused} == {"makeup_limit_reached"}
    assert len([r for r in await _makeup_rows(mid) if r[1]]) == 2
    assert (await Member.get(id=mid)).balance == 500 - 2 * 10 + 2 * 5


async def test_parallel_makeups_of_one_day_charge_once_and_keep_the_charge(api: Api, seeded) -> None:
    """Eight make-ups of the same day at once: one succeeds and pays; the others answer 409 without touching
    the winner's charge (it used to be refunded by a loser that found the day taken after 'paying')."""
    from models import Member, PointEntry

    clock.set(at(2026, 11, 20))
    token, mid = await _member_with_points(api, seeded, "mk-same")
    results = await asyncio.gather(*[api.call("POST", "/api/v1/checkins/makeup", token=token,
                                              json={"day": "2026-11-10"}) for _ in range(8)])
    assert sorted(s for s, _ in results) == [201] + [409] * 7, results
    assert {b["error"]["code"] for s, b in results if s == 409} <= {"already_checked_in"}
    assert (await Member.get(id=mid)).balance == 500 - 10 + 5
    kinds = sorted((e.kind, e.amount) for e in await PointEntry.filter(member_id=mid, idem_key__startswith="makeup"))
    assert kinds == [("spend", -10)]
    assert await _makeup_rows(mid) == [("2026-11-10", True)]


async def test_makeup_refused_by_the_budget_is_409_and_costs_nothing(api: Api, seeded, staff_token) -> None:
    """The budget refuses the make-up's award: the member is told so (409) and neither pays nor gets the day."""
    from models import Member

    clock.set(at(2026, 11, 20))
    token, mid = await _member_with_points(api, seeded, "mk-budget")
    admin = staff_token("admin")
    status, _ = await api.call("PUT", "/admin/v1/budget/2026", token=admin,
                               json={"budget_points": 500, "warn_ratio_bp": 8000, "mode": "refuse"})
    assert status == 200  # 500 already issued: any further award is refused
    status, body = await api.call("POST", "/api/v1/checkins/makeup", token=token, json={"day": "2026-11-10"})
    assert status == 409 and body["error"]["code"] == "budget_exhausted", body
    assert (await Member.get(id=mid)).balance == 500
    assert await _makeup_rows(mid) == []
    status, cal = await api.call("GET", "/api/v1/checkins", token=token)
    assert cal["makeups_left"] == 2


async def test_makeup_that_loses_every_race_is_409_and_costs_nothing(api: Api, seeded, monkeypatch) -> None:
    """A capped check-in rule whose counter keeps moving under the make-up (simulated: the award's read always
    sees the counter free while the database has it full): the award gives up on contention, the answer is
    409 and the cost is not charged. On PostgreSQL the refused statements run inside the make-up's
    transaction, so this also proves a refused attempt does not poison the retries."""
    from app.services.points import engine
    from app.services.points.config_cache import config_cache
    from models import EarningRule, Member

    await EarningRule.filter(code="check_in").update(daily_count_cap=1)
    config_cache.invalidate()
    clock.set(at(2026, 11, 20))
    token, mid = await _member_with_points(api, seeded, "mk-race")
    assert (await api.call("POST", "/api/v1/checkins", token=token))[0] == 201  # fills today's counter
    real = engine.snapshot

    async def stale(*args, **kwargs):  # type: ignore[no-untyped-def]
        row = dict(await real(*args, **kwargs))
        row["d_count"], row["d_points"] = 0, 0  # as read just before a concurrent award took the slot
        return row

    monkeypatch.setattr(engine, "snapshot", stale)
    status, body = await api.call("POST", "/api/v1/checkins/makeup", token=token, json={"day": "2026-11-10"})
    assert status == 409 and body["error"]["code"] == "contention", body
    monkeypatch.undo()
    assert (await Member.get(id=mid)).balance == 500 + 5
    assert await _makeup_rows(mid) == [("2026-11-20", False)]


async def test_makeups_are_rate_limited_like_checkins(api: Api, seeded, rt) -> None:
    """The make-up route counts against the check-in windows per member (abuse protection)."""
    limits = rt.settings.ratelimit
    saved = limits.checkin_per_member
    limits.checkin_per_member = 3
    try:
        clock.set(at(2026, 11, 20))
        token, _ = await _member_with_points(api, seeded, "mk-rl")
        statuses = [(await api.call("POST", "/api/v1/checkins/makeup", token=token,
                                    json={"day": f"2026-11-{d:02d}"}))[0] for d in range(1, 6)]
    finally:
        limits.checkin_per_member = saved
    assert statuses[:2] == [201, 201] and statuses[2] == 409 and statuses[3:] == [429, 429], statuses


async def _checkin_rows(member_id: int) -> str:
    """Everything check-ins wrote for a member, without ids and creation times."""
    from tests.payhelpers import written_rows

    return await written_rows(member_id, checkins=(
        "SELECT day, streak, makeup FROM checkins WHERE member_id = $1 ORDER BY day", [member_id]))


async def test_one_statement_checkin_writes_exactly_what_the_general_path_writes(
        api: Api, seeded, award_calls: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight days in a row across a member day (3x) and the 7-day streak bonus: row for row the same on both paths.

    On PostgreSQL the first member's check-ins are one statement each (none reaches `engine.award`); the second
    member's take the step-by-step path with `[points] one_statement = false`. On SQLite both are step-by-step.
    """
    from app.db import conn, is_postgres_conn

    written = []
    for label in ("one_statement", "general"):
        if label == "general":
            monkeypatch.setattr(api.app.ctx.rt.settings.points, "one_statement", False)
        clock.set(at(2026, 11, 12))
        token, member = await api.login(f"parity-ck-{label}")
        before = len(award_calls)
        for day in range(12, 20):
            clock.set(at(2026, 11, day, 9, 30))
            status, body = await api.call("POST", "/api/v1/checkins", token=token)
            assert status == 201, body
        went_general = len(award_calls) - before
        assert went_general == (8 if label == "general" or not is_postgres_conn(conn()) else 0), award_calls
        written.append(await _checkin_rows(member["id"]))
    import re

    assert re.search(r"multiplier_bp\W+30000", written[0])  # the member day was part of the comparison
    assert written[0] == written[1]


async def test_missions_list_newbie_and_daily_rules_with_progress(api: Api, seeded) -> None:
    token, _ = await api.login("missions")
    status, body = await api.call("GET", "/api/v1/missions", token=token)
    assert status == 200, body
    newbie = {m["rule"]: m for m in body["newbie"]}
    assert {"first_purchase", "phone_bound", "profile_completed"} <= set(newbie)
    assert not any(m["done"] for m in newbie.values())
    daily = {m["rule"]: m for m in body["daily"]}
    assert (daily["share"]["done_today"], daily["share"]["daily_limit"]) == (0, 3)
    assert (await api.call("GET", "/api/v1/tasks", token=token))[0] == 404  # "task" is the guides' word now
