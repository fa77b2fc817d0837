"""Property-based: any sequence of award / spend / expire / reverse / claw-back keeps the ledger invariant."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.clock import SHANGHAI, clock
from app.errors import InsufficientPoints
from app.services.points import engine, expiry, ledger
from app.services.points.config_cache import config_cache
from app.services.points.verify import find_violations
from models import EarningRule, Member
from tests.conftest import Api

_counter = itertools.count()

ops = st.lists(
    st.one_of(
        st.tuples(st.just("award"), st.sampled_from(["share", "community_interaction", "purchase", "check_in"]),
                  st.integers(0, 3), st.integers(1, 50_000)),
        st.tuples(st.just("spend"), st.integers(1, 400), st.integers(0, 5)),
        st.tuples(st.just("expire"), st.integers(0, 40)),
        st.tuples(st.just("reverse"), st.integers(0, 5)),
        st.tuples(st.just("clawback"), st.integers(1, 300)),
        st.tuples(st.just("release"), st.integers(0, 10)),
    ),
    min_size=1, max_size=25)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=ops)
async def test_any_sequence_keeps_the_invariant(api: Api, seeded, steps: list[tuple]) -> None:
    if not await EarningRule.filter(code="share", validity="days").exists():
        await EarningRule.filter(code="share").update(validity="days", validity_days=10)
        await EarningRule.filter(code="purchase").update(pending_days=3)
        config_cache.invalidate()
    run = next(_counter)
    _, member = await api.login(f"prop-{run}")
    mid = member["id"]
    clock.set(datetime(2026, 3, 1, 12, tzinfo=SHANGHAI))
    spends: list[str] = []
    earned: list[int] = []
    for i, step in enumerate(steps):
        kind = step[0]
        if kind == "award":
            _, event, key, amount = step
            r = await engine.award(seeded, mid, event, f"{event}-{key}", {"amount_fen": amount})
            if r.entry_id:
                earned.append(r.entry_id)
        elif kind == "spend":
            key = f"spend-{step[2]}"
            try:
                await ledger.spend(mid, step[1], key, now=clock.now())
                spends.append(key)
            except InsufficientPoints:
                pass
        elif kind == "expire":
            clock.shift(timedelta(days=step[1]))
            await expiry.expire_due(clock.now())
        elif kind == "release":
            clock.shift(timedelta(days=step[1]))
            await expiry.release_due(clock.now())
        elif kind == "reverse" and spends:
            original = spends[step[1] % len(spends)]
            await ledger.reverse_spend(mid, original, f"rev-{original}", now=clock.now())
        elif kind == "clawback":
            await ledger.clawback(mid, earned[-1:], step[1], 0, f"claw-{i}", now=clock.now(), source="prop")
        member_row = await Member.get(id=mid)
        assert member_row.pending >= 0
    assert await find_violations() == []
