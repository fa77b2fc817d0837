"""Ledger truth under concurrency, expiry, pending release, reversals, claw-backs and caps."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from app.clock import SHANGHAI, clock
from app.errors import InsufficientPoints
from app.services.outbox import service as outbox
from app.services.points import engine, expiry, ledger, reminders
from app.services.points.config_cache import config_cache
from app.services.points.verify import find_violations
from models import EarningRule, ExpiryReminder, Member, OutboxMessage, PointBucket, PointEntry
from sandbox.state import Fault
from tests.conftest import Api


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, tzinfo=SHANGHAI)


async def new_member(api: Api, name: str) -> tuple[str, int]:
    token, member = await api.login(name)
    return token, member["id"]


async def assert_clean() -> None:
    assert await find_violations() == []


async def test_50_concurrent_identical_awards_grant_once(api: Api, seeded) -> None:
    clock.set(at(2026, 11, 3))
    _, mid = await new_member(api, "l1")
    results = await asyncio.gather(*[engine.award(seeded, mid, "custom:experience_officer", "exp-officer",
                                                  {"source": "t"}) for _ in range(50)])
    assert sum(1 for r in results if r.status == "awarded") == 1
    assert all(r.status in ("awarded", "duplicate") for r in results)
    assert {r.points for r in results} == {200}
    assert (await Member.get(id=mid)).balance == 200
    await assert_clean()


async def test_100_concurrent_spends_never_overdraw(api: Api, seeded) -> None:
    clock.set(at(2026, 11, 3))
    _, mid = await new_member(api, "l2")
    await engine.award(seeded, mid, "custom:experience_officer", "seed", {})
    now = clock.now()

    async def try_spend(i: int) -> bool:
        try:
            await ledger.spend(mid, 7, f"spend-{i}", now=now)
            return True
        except InsufficientPoints:
            return False

    ok = await asyncio.gather(*[try_spend(i) for i in range(100)])
    assert sum(ok) == 200 // 7
    member = await Member.get(id=mid)
    assert member.balance == 200 - 7 * (200 // 7) >= 0
    await assert_clean()


async def test_daily_caps_reset_at_shanghai_midnight(api: Api, seeded) -> None:
    _, mid = await new_member(api, "l3")
    clock.set(at(2026, 11, 4, 23, 59, 50))
    got = [(await engine.award(seeded, mid, "community_interaction", f"ci-{i}", {})).points for i in range(7)]
    assert got == [10, 10, 10, 10, 10, 0, 0]
    clock.set(at(2026, 11, 4, 23, 59, 59))
    r = await engine.award(seeded, mid, "community_interaction", "ci-late", {})
    assert r.points == 0 and r.reason == "daily_count_cap"
    clock.set(at(2026, 11, 5, 0, 0, 0))
    assert (await engine.award(seeded, mid, "community_interaction", "ci-next", {})).points == 10
    await assert_clean()


async def test_concurrent_capped_awards_respect_the_cap(api: Api, seeded) -> None:
    clock.set(at(2026, 11, 6))
    _, mid = await new_member(api, "l4")
    results = await asyncio.gather(*[engine.award(seeded, mid, "community_interaction", f"c-{i}", {})
                                     for i in range(20)])
    assert sum(r.points for r in results) == 50
    await assert_clean()


async def test_points_cap_trims_then_refuses(api: Api, seeded) -> None:
    clock.set(at(2026, 11, 6))
    await EarningRule.filter(code="community_interaction").update(daily_points_cap=25, daily_count_cap=None)
    config_cache.invalidate()
    _, mid = await new_member(api, "l5")
    got = [await engine.award(seeded, mid, "community_interaction", f"c-{i}", {}) for i in range(4)]
    assert [g.points for g in got] == [10, 10, 5, 0]
    assert got[2].trace["cap"] == "daily_points_cap" and got[2].trace["multiplied"] == 10


async def test_expiry_sweep_and_spend_order(api: Api, seeded) -> None:
    """Spends draw soonest-expiring first; the sweep expires the rest at the boundary, set-based."""
    await EarningRule.filter(code="community_interaction").update(validity="days", validity_days=30)
    config_cache.invalidate()
    _, mid = await new_member(api, "l6")
    clock.set(at(2026, 1, 10))
    await engine.award(seeded, mid, "community_interaction", "short", {})  # expires 2026-02-10 00:00 +08
    await engine.award(seeded, mid, "custom:experience_officer", "long", {})  # expires 2028-01-01
    await ledger.spend(mid, 15, "s1", now=clock.now())
    buckets = {b.entry_id: b.remaining for b in await PointBucket.filter(member_id=mid)}
    assert sorted(buckets.values()) == [0, 195]
    await engine.award(seeded, mid, "community_interaction", "short2", {})
    clock.set(at(2026, 2, 9, 23, 59, 59))
    assert (await expiry.expire_due(clock.now())).buckets == 0
    clock.set(at(2026, 2, 10, 0, 0, 0))
    res = await expiry.expire_due(clock.now())
    assert res.buckets == 1 and res.points == 10
    member = await Member.get(id=mid)
    assert member.balance == 195
    expire = await PointEntry.get(member_id=mid, kind="expire")
    assert expire.amount == -10 and expire.balance_after == 195
    assert (await expiry.expire_due(clock.now())).buckets == 0  # idempotent
    await assert_clean()


async def test_reversal_restores_the_same_buckets(api: Api, seeded) -> None:
    await EarningRule.filter(code="community_interaction").update(validity="days", validity_days=30)
    config_cache.invalidate()
    _, mid = await new_member(api, "l7")
    clock.set(at(2026, 3, 1))
    await engine.award(seeded, mid, "community_interaction", "a", {})
    await engine.award(seeded, mid, "custom:experience_officer", "b", {})
    before = {b.id: (b.remaining, b.expires_at) for b in await PointBucket.filter(member_id=mid)}
    await ledger.spend(mid, 50, "order-1", now=clock.now())
    back = await ledger.reverse_spend(mid, "order-1", "order-1-cancel", now=clock.now())
    assert back.amount == 50
    after = {b.id: (b.remaining, b.expires_at) for b in await PointBucket.filter(member_id=mid)}
    assert after == before
    again = await ledger.reverse_spend(mid, "order-1", "order-1-cancel", now=clock.now())
    assert again.duplicate and (await Member.get(id=mid)).balance == 210
    # reversing after the short bucket's expiry: it comes back, then the sweep expires it again
    await ledger.spend(mid, 210, "order-2", now=clock.now())
    clock.set(at(2026, 4, 5))
    await ledger.reverse_spend(mid, "order-2", "order-2-cancel", now=clock.now())
    await expiry.expire_due(clock.now())
    assert (await Member.get(id=mid)).balance == 200
    await assert_clean()


async def test_clawback_below_zero_becomes_debt_paid_by_next_awards(api: Api, seeded) -> None:
    clock.set(at(2026, 5, 1))
    _, mid = await new_member(api, "l8")
    r = await engine.award(seeded, mid, "custom:experience_officer", "gift", {})
    await ledger.spend(mid, 180, "redeem", now=clock.now())
    res = await ledger.clawback(mid, [r.entry_id], 200, 0, "refund-gift", now=clock.now(), source="test")
    assert res.balance == -180
    await assert_clean()
    with pytest.raises(InsufficientPoints):
        await ledger.spend(mid, 1, "more", now=clock.now())
    await engine.award(seeded, mid, "share", "share-1", {})
    await engine.award(seeded, mid, "phone_bound", "pb", {})
    assert (await Member.get(id=mid)).balance == -128
    debt = await PointBucket.get(member_id=mid, state="debt")
    assert debt.remaining == -128
    await assert_clean()


async def test_pending_points_release_later(api: Api, seeded) -> None:
    await EarningRule.filter(code="purchase").update(pending_days=7)
    config_cache.invalidate()
    clock.set(at(2026, 6, 1))
    token, mid = await new_member(api, "l9")
    r = await engine.award(seeded, mid, "purchase", "pay-1", {"amount_fen": 12_345})
    assert r.status == "pending" and r.points == 123
    status, pts = await api.call("GET", "/api/v1/points", token=token)
    assert pts["balance"] == 0 and pts["pending"] == 123 and pts["pending_releases"][0]["amount"] == 123
    clock.set(at(2026, 6, 8, 9, 59, 59))
    assert (await expiry.release_due(clock.now())).buckets == 0
    clock.set(at(2026, 6, 8, 10, 0, 0))
    assert (await expiry.release_due(clock.now())).points == 123
    m = await Member.get(id=mid)
    assert (m.balance, m.pending) == (123, 0)
    await assert_clean()


async def test_expiry_reminders_once_per_stage_and_refusals_recorded(api: Api, seeded, sandbox) -> None:
    clock.set(at(2026, 12, 1))
    _, m1 = await new_member(api, "r1")
    _, m2 = await new_member(api, "r2")
    await EarningRule.filter(code="share").update(validity="days", validity_days=20)
    config_cache.invalidate()
    await engine.award(seeded, m1, "share", "s1", {})
    await engine.award(seeded, m2, "share", "s2", {})
    refused_openid = (await Member.get(id=m2)).openid
    sandbox.state.subscribe_quota[(refused_openid, seeded.settings.miniprogram.subscribe_template_expiry)] = 0
    assert await reminders.send_due(seeded) == {"queued": 2, "buckets": 2}
    assert await outbox.deliver_due(seeded) == {"sent": 1, "refused": 1}
    assert await reminders.send_due(seeded) == {"queued": 0, "buckets": 0}
    clock.set(at(2026, 12, 16))
    assert await reminders.send_due(seeded) == {"queued": 2, "buckets": 2}  # the 7-day stage
    assert await outbox.deliver_due(seeded) == {"sent": 1, "refused": 1}
    assert sorted((r.stage_days, r.member_id) for r in await ExpiryReminder.all()) == [(7, m1), (7, m2), (30, m1),
                                                                                       (30, m2)]
    outcomes = sorted((m.dedupe_key.split(":")[1], m.member_id, m.status)
                      for m in await OutboxMessage.filter(dedupe_key__startswith="expiry-reminder:"))
    assert outcomes == [("30", m1, "sent"), ("30", m2, "refused"), ("7", m1, "sent"), ("7", m2, "refused")]


async def test_reminder_send_failure_is_retried(api: Api, seeded, sandbox) -> None:
    clock.set(at(2026, 12, 1))
    _, m1 = await new_member(api, "r3")
    await engine.award(seeded, m1, "share", "s1", {})
    await EarningRule.filter(code="share").update(validity="days", validity_days=5)
    config_cache.invalidate()
    await engine.award(seeded, m1, "share", "s2", {})
    sandbox.state.faults.append(Fault(path="/cgi-bin/message/subscribe/send", http_status=503, count=5))
    assert await reminders.send_due(seeded) == {"queued": 1, "buckets": 1}
    assert await outbox.deliver_due(seeded) == {"retry": 1}
    sandbox.state.faults.clear()
    clock.shift(timedelta(minutes=1))
    assert await outbox.deliver_due(seeded) == {"sent": 1}


async def test_invitation_awards_inviter_once_and_no_self_invite(api: Api, seeded) -> None:
    clock.set(at(2026, 11, 3))
    _, inviter = await api.login("inviter")
    status, body = await api.call("POST", "/api/v1/auth/login",
                                  json={"code": "sandbox:invitee", "invite_code": inviter["invite_code"]})
    assert status == 201
    await api.call("POST", "/api/v1/auth/login", json={"code": "sandbox:invitee",
                                                        "invite_code": inviter["invite_code"]})
    await api.call("POST", "/api/v1/auth/login", json={"code": "sandbox:inviter",
                                                        "invite_code": inviter["invite_code"]})
    assert (await Member.get(id=inviter["id"])).balance == 50
    token, _ = await api.login("inviter")
    assert (await api.call("GET", "/api/v1/invitation", token=token))[1]["invited"] == 1


async def test_tier_upgrade_applies_at_once_and_multiplies(api: Api, seeded) -> None:
    clock.set(at(2026, 11, 3))
    token, mid = await new_member(api, "t1")
    await engine.award(seeded, mid, "purchase", "big", {"amount_fen": 150_000})  # 1500 growth -> silver
    m = await Member.get(id=mid)
    assert m.tier_level == 1
    r = await engine.award(seeded, mid, "purchase", "next", {"amount_fen": 10_000})
    assert r.points == 120 and r.trace["tier_multiplier_bp"] == 12000
    status, pts = await api.call("GET", "/api/v1/points", token=token)
    assert pts["tier"]["name"] == "银卡" and pts["next_tier"]["growth_needed"] == 5000 - 1600


async def test_ledger_pagination_is_stable(api: Api, seeded) -> None:
    clock.set(at(2026, 11, 3))
    token, mid = await new_member(api, "p1")
    for i in range(3):
        await engine.award(seeded, mid, "community_interaction", f"x{i}", {})
    seen, cursor = [], None
    while True:
        path = "/api/v1/points/ledger?limit=2" + (f"&cursor={cursor}" if cursor else "")
        status, page = await api.call("GET", path, token=token)
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == sorted(seen, reverse=True) and len(seen) == 3
    status, body = await api.call("GET", "/api/v1/points/ledger?cursor=!!bad", token=token)
    assert status == 422


@pytest.mark.corrupts_ledger
async def test_verify_detects_corruption(api: Api, seeded) -> None:
    clock.set(at(2026, 11, 3))
    _, mid = await new_member(api, "v1")
    await engine.award(seeded, mid, "share", "s", {})
    await assert_clean()
    await Member.filter(id=mid).update(balance=999)
    problems = await find_violations()
    assert problems and problems[0]["member_id"] == mid


async def test_upcoming_expiries_listed_per_date(api: Api, seeded) -> None:
    await EarningRule.filter(code="share").update(validity="days", validity_days=10)
    config_cache.invalidate()
    token, mid = await new_member(api, "e1")
    clock.set(at(2026, 11, 3))
    await engine.award(seeded, mid, "share", "a", {})
    clock.set(at(2026, 11, 5))
    await engine.award(seeded, mid, "share", "b", {})
    await engine.award(seeded, mid, "share", "c", {})
    status, pts = await api.call("GET", "/api/v1/points", token=token)
    assert pts["expiring"] == [{"date": "2026-11-13", "amount": 2}, {"date": "2026-11-15", "amount": 4}]
    clock.shift(timedelta(0))
