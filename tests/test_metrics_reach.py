"""Threshold advice from the `metrics_reach` job's histogram equals the per-request ledger scan (issue 16 scale
round 3): random balances, tiers and earnings in and out of the window (hypothesis), any `days`, all tiers or
one; a stale histogram or another window falls back to the scan."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.clock import SHANGHAI, clock
from app.scheduling import collect
from app.services.metrics import planner, reach
from app.services.points import engine
from models import Member
from tests.conftest import Api

_counter = itertools.count()
_last = [datetime(2026, 7, 1, 9, tzinfo=SHANGHAI)]

members = st.lists(st.tuples(st.integers(-50, 400), st.integers(0, 3), st.lists(st.integers(0, 45), max_size=3)),
                   min_size=1, max_size=5)


@pytest.mark.corrupts_ledger  # balances are drawn, not earned: the advice only reads them
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(ms=members, days=st.integers(1, 90), goal=st.sampled_from([1, 5000, 8000, 10000]),
       tier=st.sampled_from([None, 0, 1]))
async def test_reach_histogram_equals_the_scan(api: Api, seeded, ms: list[tuple], days: int, goal: int,
                                               tier: int | None) -> None:
    run = next(_counter)
    start = _last[0] + timedelta(days=100)
    clock.set(start)
    for i, (balance, level, ago) in enumerate(ms):
        mid = (await api.login(f"reach-{run}-{i}"))[1]["id"]
        for k, d in enumerate(ago):  # shares earned d days before the advice (30-day window: some fall out)
            clock.set(start - timedelta(days=d, minutes=k))
            await engine.award(seeded, mid, "share", f"reach-{run}-{i}-{k}")
        await Member.filter(id=mid).update(balance=balance, tier_level=level)
    clock.set(start)
    _last[0] = start
    await reach.reset()
    want = await planner.threshold_advice(seeded, goal_bp=goal, days=days, window_days=30, tier=tier)
    assert want["source"] == "scan"
    await reach.refresh(seeded)
    got = await planner.threshold_advice(seeded, goal_bp=goal, days=days, window_days=30, tier=tier)
    assert got["source"] == "rollup"
    assert got["tiers"] == want["tiers"]
    # another window, or a histogram older than reach_max_age_seconds: the scan
    other = await planner.threshold_advice(seeded, goal_bp=goal, days=days, window_days=7, tier=tier)
    assert other["source"] == "scan"
    clock.shift(timedelta(seconds=seeded.settings.metrics.reach_max_age_seconds + 1))
    assert (await planner.threshold_advice(seeded, goal_bp=goal, days=days, window_days=30))["source"] == "scan"
    await reach.reset()


async def test_reach_job_is_registered() -> None:
    jobs = {j.name: j for j in collect()}
    assert jobs["metrics_reach"].trigger == {"trigger": "interval", "minutes": 5}
