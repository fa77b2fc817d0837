"""The roll-ups stay equal to a full scan of the ledger: random sequences (hypothesis), two schedulers at once,
entries not yet settled, a skipped entry found by `jifen metrics verify` and repaired by reconcile."""

from __future__ import annotations

import asyncio
import itertools
from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import db
from app.clock import SHANGHAI, clock
from app.db import conn
from app.errors import InsufficientPoints
from app.scheduling import collect
from app.services import reconcile
from app.services.metrics import rollup, run_command
from app.services.points import engine, expiry, ledger
from app.services.points.config_cache import config_cache
from app.sqlx import execute, fetchrow
from models import EarningRule, MetricsDaily
from tests.conftest import Api

_counter = itertools.count()
_last = [datetime(2026, 3, 1, 23, 50, tzinfo=SHANGHAI)]  # examples share the database: time only moves on

ops = st.lists(
    st.one_of(
        st.tuples(st.just("award"), st.sampled_from(["share", "community_interaction", "purchase", "check_in",
                                                     "phone_bound"]), st.integers(0, 3), st.integers(1, 50_000)),
        st.tuples(st.just("spend"), st.integers(1, 400), st.integers(0, 5), st.sampled_from(["spend", "mall_buy"])),
        st.tuples(st.just("expire"), st.integers(0, 40)),
        st.tuples(st.just("reverse"), st.integers(0, 5)),
        st.tuples(st.just("clawback"), st.integers(1, 300)),
        st.tuples(st.just("release"), st.integers(0, 10)),
        st.tuples(st.just("adjust"), st.integers(-200, 200)),
        st.tuples(st.just("refresh"), st.integers(1, 7)),
    ),
    min_size=1, max_size=25)


async def _outstanding() -> tuple[int, int]:
    rolled = await fetchrow(conn(), "SELECT COALESCE(SUM(net), 0) FROM metrics_daily")
    held = await fetchrow(conn(), "SELECT COALESCE(SUM(balance + pending), 0) FROM members")
    return int(rolled[0]), int(held[0])


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=ops)
async def test_rollup_equals_full_scan_after_any_sequence(api: Api, seeded, steps: list[tuple]) -> None:
    if not await EarningRule.filter(code="share", validity="days").exists():
        await EarningRule.filter(code="share").update(validity="days", validity_days=10)
        await EarningRule.filter(code="purchase").update(pending_days=3)
        config_cache.invalidate()
    run = next(_counter)
    _, member = await api.login(f"rollprop-{run}")
    mid = member["id"]
    day = (_last[0] + timedelta(days=1)).astimezone(SHANGHAI).date()
    clock.set(datetime(day.year, day.month, day.day, 23, 50, tzinfo=SHANGHAI))  # 7-minute steps cross midnight
    spends: list[str] = []
    earned: list[int] = []
    for i, step in enumerate(steps):
        kind = step[0]
        clock.shift(timedelta(minutes=7))
        if kind == "award":
            _, event, key, amount = step
            r = await engine.award(seeded, mid, event, f"{event}-{key}", {"amount_fen": amount})
            if r.entry_id:
                earned.append(r.entry_id)
        elif kind == "spend":
            key = f"{step[3]}-{step[2]}"
            try:
                await ledger.spend(mid, step[1], key, now=clock.now(), kind=step[3])
                if step[3] == "spend":
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
        elif kind == "adjust" and step[1]:
            await ledger.adjust(mid, step[1], f"adj-{i}", now=clock.now(), reason="prop", operator="t",
                                expires_at=None)
        elif kind == "refresh":
            await rollup.refresh(seeded, batch=step[1], settle_seconds=0)  # a partial roll between changes
    _last[0] = clock.now()
    assert await rollup.verify() == []  # whatever was rolled so far is exact
    await rollup.refresh_all(seeded, settle_seconds=0)
    assert await rollup.verify() == []
    rolled, held = await _outstanding()
    assert rolled == held  # outstanding from the roll-ups == what members hold (available + pending)


async def test_renaming_a_rule_causes_no_drift(api: Api, seeded, staff_token) -> None:
    _, m = await api.login("rename")
    await engine.award(seeded, m["id"], "share", "s-1")
    await rollup.refresh_all(seeded, settle_seconds=0)
    rule = await EarningRule.get(code="share")
    status, _ = await api.call("PATCH", f"/admin/v1/rules/{rule.id}", token=staff_token("admin"),
                               json={"code": "share_v2"})
    assert status == 200
    assert await rollup.verify() == []
    _, r = await api.call("GET", "/admin/v1/metrics/points?rule=share_v2", token=staff_token("admin"))
    assert r["totals"]["issued"] == 2


async def test_mall_and_lottery_kinds_count_as_redeemed(api: Api, seeded) -> None:
    _, m = await api.login("mallkind")
    await ledger.adjust(m["id"], 100, "seed", now=clock.now(), reason="t", operator="t", expires_at=None)
    await ledger.spend(m["id"], 30, "mall-1", now=clock.now(), kind="mall_buy", source="mall:activity:1")
    await ledger.spend(m["id"], 20, "lot-1", now=clock.now(), kind="lottery_x", source="lottery:1")
    await ledger.spend(m["id"], 5, "other-1", now=clock.now(), kind="makeupfee")
    await rollup.refresh_all(seeded, settle_seconds=0)
    rows = {r.rule_key: r for r in await MetricsDaily.all()}
    assert (rows["mall_buy"].redeemed, rows["mall_buy"].category) == (30, "redeem")
    assert (rows["lottery_x"].redeemed, rows["lottery_x"].category) == (20, "redeem")
    assert (rows["makeupfee"].redeemed, rows["makeupfee"].category, rows["makeupfee"].net) == (0, "other", -5)


async def test_two_schedulers_roll_each_entry_once(api: Api, seeded) -> None:
    members = [(await api.login(f"twosched-{i}"))[1]["id"] for i in range(4)]
    for n in range(30):
        await engine.award(seeded, members[n % 4], "community_interaction", f"ci-{n}")
        clock.shift(timedelta(minutes=1))
    clock.shift(timedelta(minutes=5))
    results = await asyncio.gather(*(rollup.refresh(seeded, batch=7) for _ in range(6)))
    while any(r.entries for r in results):
        results = await asyncio.gather(*(rollup.refresh(seeded, batch=7) for _ in range(6)))
    assert await rollup.verify() == []
    issued = await fetchrow(conn(), "SELECT SUM(issued), SUM(entries) FROM metrics_daily")
    ledger_total = await fetchrow(conn(), "SELECT SUM(amount), COUNT(*) FROM point_entries")
    assert (int(issued[0]), int(issued[1])) == (int(ledger_total[0]), int(ledger_total[1]))
    assert await rollup.watermark() == int((await fetchrow(conn(), "SELECT MAX(id) FROM point_entries"))[0])


async def test_entries_wait_until_settled(api: Api, seeded) -> None:
    _, m = await api.login("settle")
    await engine.award(seeded, m["id"], "share", "s-1")
    assert (await rollup.refresh(seeded, settle_seconds=5)).entries == 0  # written this very second
    clock.shift(timedelta(seconds=6))
    assert (await rollup.refresh(seeded, settle_seconds=5)).entries == 1
    assert (await rollup.refresh(seeded, settle_seconds=5)).entries == 0  # never twice


async def test_watermark_never_moves_into_a_gap_before_an_unsettled_entry(api: Api, seeded) -> None:
    _, m = await api.login("gap")
    await engine.award(seeded, m["id"], "share", "s-1")
    clock.shift(timedelta(seconds=10))
    assert (await rollup.refresh(seeded, settle_seconds=5)).entries == 1
    first = await rollup.watermark()
    c = conn()  # ids first+1 .. first+9 taken by transactions that have not committed (as far as we can tell)
    if db.is_postgres_conn(c):
        await execute(c, "SELECT setval(pg_get_serial_sequence('point_entries', 'id'), $1)", [first + 9])
    else:
        await execute(c, "UPDATE sqlite_sequence SET seq = $1 WHERE name = 'point_entries'", [first + 9])
    await engine.award(seeded, m["id"], "share", "s-2")  # id first + 10, written just now
    assert (await rollup.refresh(seeded, settle_seconds=5)).entries == 0
    assert await rollup.watermark() == first  # not first + 9: an entry in the gap may still commit
    clock.shift(timedelta(seconds=10))
    assert (await rollup.refresh(seeded, settle_seconds=5)).entries == 1
    assert await rollup.watermark() == first + 10


async def test_verify_finds_a_skipped_entry_and_reconcile_rebuilds_the_day(api: Api, seeded) -> None:
    _, m = await api.login("skipped")
    await engine.award(seeded, m["id"], "share", "s-1")
    await rollup.refresh_all(seeded, settle_seconds=0)
    await engine.award(seeded, m["id"], "invite_accepted", "i-1")
    # an entry the watermark passed without rolling it (a ledger transaction slower than the settle time)
    await execute(conn(), "UPDATE metrics_watermarks SET last_entry_id = (SELECT MAX(id) FROM point_entries)")
    lines: list[str] = []
    assert await run_command(seeded, "verify", lines.append) == 1
    invite = await EarningRule.get(code="invite_accepted")
    assert any(f"rule:{invite.id}/sharing issued: roll-up 0, ledger 50" in x for x in lines), lines
    findings = await reconcile.run(seeded, repair=False)
    assert [f.check for f in findings if f.check == "metrics_rollup_drift"] == ["metrics_rollup_drift"]
    findings = [f for f in await reconcile.run(seeded, repair=True) if f.check == "metrics_rollup_drift"]
    assert findings and all(f.repaired for f in findings)
    assert await rollup.verify() == []
    assert [f for f in await reconcile.run(seeded, repair=False) if f.check == "metrics_rollup_drift"] == []
    lines.clear()
    assert await run_command(seeded, "verify", lines.append) == 0 and lines[-1].endswith("OK")
    # a tampered figure is drift too
    share = f"rule:{(await EarningRule.get(code='share')).id}"
    await MetricsDaily.filter(rule_key=share).update(redeemed=1)
    assert [(d.rule_key, d.field) for d in await rollup.verify()] == [(share, "redeemed")]
    await rollup.rebuild_days(seeded, [clock.today()])
    assert await rollup.verify() == []


async def test_rollup_job_is_registered() -> None:
    jobs = {j.name: j for j in collect()}
    assert jobs["metrics_rollup"].trigger == {"trigger": "interval", "minutes": 1}


def test_cli_has_metrics_verify_and_refresh() -> None:
    from jifen.cli import build_parser, cmd_metrics

    for sub in ("verify", "refresh"):
        args = build_parser().parse_args(["metrics", sub])
        assert (args.fn, args.metrics_command) == (cmd_metrics, sub)
