"""The roll-ups that keep every admin metric off `members` and the member-day rows at 1M members: day bitmaps
(redeemers, sharers, check-ins), the balance histogram per tier and members by join day. Each equals a full
scan after random sequences (hypothesis), and the figures read from them equal the same figures computed
from the raw tables."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.clock import SHANGHAI, clock
from app.db import conn
from app.errors import ApiError, InsufficientPoints
from app.services.metrics import bitmaps, member_report, rollup
from app.services.metrics import points as svc
from app.services.points import checkin, engine, ledger
from app.sqlx import fetch, fetchrow
from models import Member
from tests.conftest import Api


@settings(max_examples=200, deadline=None)
@given(ids=st.sets(st.integers(0, 5000), max_size=300), probe=st.integers(0, 6000))
def test_bitmap_round_trip_and_membership(ids: set[int], probe: int) -> None:
    v = bitmaps.from_ids(ids)
    assert v.bit_count() == len(ids)
    assert bitmaps.to_ids(bitmaps.unpack(bitmaps.pack(v))) == ids
    m = bitmaps.Members(v)
    assert len(m) == len(ids) and (probe in m) == (probe in ids)
    assert all(i in m for i in ids)


@settings(max_examples=200, deadline=None)
@given(values=st.lists(st.integers(0, 50), max_size=60), p=st.sampled_from([1, 25, 50, 75, 90, 99, 100]))
def test_histogram_percentile_is_the_nearest_rank_of_the_values(values: list[int], p: int) -> None:
    hist = sorted({v: values.count(v) for v in values}.items())
    assert svc.histogram_percentile(hist, p) == svc.percentile(sorted(values), p)


_counter = itertools.count()
_last = [datetime(2026, 5, 1, 9, tzinfo=SHANGHAI)]  # examples share the database: time only moves on

ops = st.lists(
    st.one_of(
        st.tuples(st.just("checkin"), st.integers(0, 2)),
        st.tuples(st.just("share"), st.integers(0, 2), st.integers(0, 3)),
        st.tuples(st.just("spend"), st.integers(0, 2), st.integers(1, 40), st.sampled_from(["spend", "mall_buy"])),
        st.tuples(st.just("reverse"), st.integers(0, 5)),
        st.tuples(st.just("tier"), st.integers(0, 2), st.integers(0, 3)),
        st.tuples(st.just("next_day"), st.integers(1, 3)),
        st.tuples(st.just("refresh"), st.integers(1, 6)),
    ),
    min_size=1, max_size=25)


async def _distinct(sql: str, args: list) -> int:  # type: ignore[type-arg]
    row = await fetchrow(conn(), sql, args)
    return int(row[0])


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=ops)
async def test_scale_rollups_equal_a_full_scan_after_any_sequence(api: Api, seeded, steps: list[tuple]) -> None:
    run = next(_counter)
    mids = [(await api.login(f"scale-{run}-{i}"))[1]["id"] for i in range(3)]
    first = (_last[0] + timedelta(days=1)).astimezone(SHANGHAI).date()
    clock.set(datetime(first.year, first.month, first.day, 9, tzinfo=SHANGHAI))
    for i, mid in enumerate(mids):
        await engine.award(seeded, mid, "purchase", f"scale-buy-{run}-{i}", {"amount_fen": 30000})
    spends: list[tuple[int, str]] = []
    for i, step in enumerate(steps):
        clock.shift(timedelta(minutes=5))
        kind = step[0]
        if kind == "checkin":
            try:
                await checkin.check_in(seeded, mids[step[1]])
            except ApiError:
                pass  # already checked in today
        elif kind == "share":
            await engine.award(seeded, mids[step[1]], "share", f"scale-share-{run}-{i}-{step[2]}")
        elif kind == "spend":
            key = f"scale-{step[3]}-{run}-{i}"
            try:
                await ledger.spend(mids[step[1]], step[2], key, now=clock.now(), kind=step[3])
                if step[3] == "spend":
                    spends.append((mids[step[1]], key))
            except InsufficientPoints:
                pass
        elif kind == "reverse" and spends:
            mid, original = spends.pop(step[1] % len(spends))
            await ledger.reverse_spend(mid, original, f"rev-{original}", now=clock.now())
        elif kind == "tier":
            await Member.filter(id=mids[step[1]]).update(tier_level=step[2])
        elif kind == "next_day":
            clock.shift(timedelta(days=step[1]))
        elif kind == "refresh":
            await rollup.refresh(seeded, batch=step[1], settle_seconds=0)  # a partial roll between changes
    _last[0] = clock.now()
    last = clock.today()
    await rollup.refresh_all(seeded, settle_seconds=0)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    assert await rollup.verify(days) == []  # exact member sets, day by day
    assert await rollup.verify_members() == []

    # the figures read from the roll-ups == the same figures from the raw tables
    f = svc.Filters(first, last)
    lo = datetime(first.year, first.month, first.day, tzinfo=SHANGHAI)
    hi = datetime(last.year, last.month, last.day, tzinfo=SHANGHAI) + timedelta(days=1)
    redeem = ("SELECT COUNT(DISTINCT e.member_id) FROM point_entries e WHERE (e.kind IN ('spend') "
              "OR e.kind LIKE 'mall_%' OR e.kind LIKE 'lottery_%') AND e.amount < 0 "
              "AND e.created_at >= $1 AND e.created_at < $2")
    util = await svc.utilisation(f)
    assert util["members_who_redeemed"] == await _distinct(redeem, [lo, hi])
    assert util["members"] == await _distinct("SELECT COUNT(*) FROM members WHERE created_at < $1", [hi])
    steps_ = {s["step"]: s["members"] for s in (await svc.funnel(f))["steps"]}
    assert steps_["checked_in"] == await _distinct(
        "SELECT COUNT(DISTINCT member_id) FROM checkins WHERE day >= $1 AND day <= $2", [first, last])
    assert steps_["shared"] == await _distinct(
        "SELECT COUNT(DISTINCT member_id) FROM point_entries WHERE kind = 'earn' AND event = 'share' "
        "AND created_at >= $1 AND created_at < $2", [lo, hi])
    assert steps_["redeemed"] == util["members_who_redeemed"]
    by_tier: dict[int, list[int]] = {}
    for r in await fetch(conn(), "SELECT tier_level, balance FROM members ORDER BY balance"):
        by_tier.setdefault(int(r[0]), []).append(int(r[1]))
    for t in await svc.tiers(f):
        vals = by_tier.get(t["tier_level"], [])
        assert t["members"] == len(vals)
        assert t["balance_avg"] == (sum(vals) // len(vals) if vals else 0)
        assert t["balance_percentiles"] == {f"p{p}": svc.percentile(vals, p) for p in svc.PERCENTILES}
    balance = int((await Member.get(id=mids[0])).balance)
    rank = await member_report._rank(balance)
    assert (rank["members"], rank["members_above"]) == (
        await _distinct("SELECT COUNT(*) FROM members", []),
        await _distinct("SELECT COUNT(*) FROM members WHERE balance > $1", [balance]))


async def test_verify_finds_a_wrong_bitmap_and_reconcile_rebuilds_it(api: Api, seeded) -> None:
    _, m = await api.login("scale-drift")
    clock.set(datetime(2026, 11, 20, 10, tzinfo=SHANGHAI))
    await engine.award(seeded, m["id"], "share", "scale-drift-share")
    await checkin.check_in(seeded, m["id"])
    clock.shift(timedelta(minutes=5))
    await rollup.refresh_all(seeded, settle_seconds=0)
    day = date(2026, 11, 20)
    assert await rollup.verify([day]) == [] and await rollup.verify() == []
    # a bitmap that lost its member (as if a batch had been skipped) is found, and repaired from the ledger
    await conn().execute_query("UPDATE metrics_day_members SET members = 0, bits = $1 WHERE kind = 'sharing'",
                               [bitmaps.pack(0)])
    drift = await rollup.verify([day])
    assert [(d.rule_key, d.field, d.rollup, d.ledger) for d in drift] == [("sharing", "members", 0, 1)]
    assert [(d.rule_key, d.rollup) for d in await rollup.verify()] == [("sharing", 0)]
    await rollup.rebuild_days(seeded, [day])
    assert await rollup.verify([day]) == []
    steps = {s["step"]: s["members"] for s in (await svc.funnel(svc.Filters(day, day)))["steps"]}
    assert (steps["checked_in"], steps["shared"]) == (1, 1)
