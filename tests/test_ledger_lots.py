"""Lot semantics (issue 10, items 1 and 8): debt is netted inside every credit's own statement or transaction
(awards, the single-statement check-in and payment credit, the release sweep, reversals), points about to lapse
pay a debt before they expire, reversal never revives expired points, `ledger verify` sees lots, and the
`ledger_debt_netting` reconcile check repairs what an older crash left beside a debt."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

import pytest

from app.clock import SHANGHAI, clock
from app.db import conn
from app.services import reconcile
from app.services.points import engine, expiry, ledger
from app.services.points.config_cache import config_cache
from app.services.points.verify import find_violations
from app.sqlx import execute, fetch
from models import Coupon, CouponPackage, CouponRule, CouponTemplate, EarningRule, Member, PointBucket, PointEntry
from tests.conftest import Api
from tests.payhelpers import NotifyRelay, play_payment, play_refund, wait_delivered


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, tzinfo=SHANGHAI)


async def in_debt(rt: Any, api: Api, name: str, owed: int = 200) -> tuple[str, int]:
    """A member who spent a 200-point gift that was then taken back: balance -owed, one debt bucket."""
    token, member = await api.login(name)
    mid = member["id"]
    gift = await engine.award(rt, mid, "custom:experience_officer", "gift", {})
    assert gift.points == 200
    await ledger.spend(mid, 200, "spend-gift", now=clock.now())
    await ledger.clawback(mid, [gift.entry_id], owed, 0, "claw-gift", now=clock.now(), source="test")
    assert (await Member.get(id=mid)).balance == -owed
    return token, mid


async def debt_left(mid: int) -> int:
    rows = await fetch(conn(), "SELECT COALESCE(SUM(remaining), 0) AS s FROM point_buckets WHERE member_id = $1 "
                               "AND state = 'debt'", [mid])
    return int(rows[0]["s"])


async def positive_left(mid: int) -> int:
    rows = await fetch(conn(), "SELECT COALESCE(SUM(remaining), 0) AS s FROM point_buckets WHERE member_id = $1 "
                               "AND state = 'active'", [mid])
    return int(rows[0]["s"])


async def unnet(mid: int, entry_id: int | None) -> None:
    """Put the lot earned by `entry_id` back as a crash between the award's commit and the old follow-up
    netting left it: full again, and the debt unpaid by as much (the sums still agree)."""
    bucket = await PointBucket.get(member_id=mid, entry_id=entry_id)
    debt = await PointBucket.filter(member_id=mid, state="debt").order_by("id").first()
    assert debt is not None and bucket.state == "active"
    await PointBucket.filter(id=bucket.id).update(remaining=bucket.initial)
    await PointBucket.filter(id=debt.id).update(remaining=debt.remaining - (bucket.initial - bucket.remaining))


def issues() -> Any:
    async def collect() -> list[str]:
        return [i for p in await find_violations() for i in p["issues"]]
    return collect()


# -- item 1: netting inside every credit --------------------------------------------------------------------
async def test_points_released_beside_a_debt_pay_it_so_their_expiry_cannot_charge_it_twice(api: Api, seeded) -> None:
    """The issue's example: pending 300 released next to a -200 debt, then the 300 lot expires -> 0, not -200."""
    await EarningRule.filter(code="purchase").update(pending_days=7, validity="days", validity_days=30)
    config_cache.invalidate()
    clock.set(at(2026, 6, 1))
    _, mid = await in_debt(seeded, api, "net-release")
    award = await engine.award(seeded, mid, "purchase", "pay-300", {"amount_fen": 30_000})
    assert (award.status, award.points) == ("pending", 300)
    clock.set(at(2026, 6, 8, 10))
    assert (await expiry.release_due(clock.now())).points == 300
    m = await Member.get(id=mid)
    assert (m.balance, m.pending) == (100, 0)
    assert (await debt_left(mid), await positive_left(mid)) == (0, 100)  # netted in the release's transaction
    assert await find_violations() == []
    clock.shift(timedelta(days=40))
    assert (await expiry.expire_due(clock.now())).points == 100
    assert (await Member.get(id=mid)).balance == 0
    assert await find_violations() == []


async def test_points_about_to_lapse_pay_a_legacy_debt_before_they_expire(api: Api, seeded) -> None:
    """Lots an old crash left beside a debt: the expiry sweep nets before expiring (balance 0, not -200)."""
    await EarningRule.filter(code="purchase").update(validity="days", validity_days=30)
    config_cache.invalidate()
    clock.set(at(2026, 6, 1))
    _, mid = await in_debt(seeded, api, "net-expire")
    earned = await engine.award(seeded, mid, "purchase", "pay-300", {"amount_fen": 30_000})
    await unnet(mid, earned.entry_id)
    assert (await debt_left(mid), await positive_left(mid)) == (-200, 300)
    clock.shift(timedelta(days=40))
    assert (await expiry.expire_due(clock.now())).points == 100
    assert (await Member.get(id=mid)).balance == 0
    assert await find_violations() == []


async def test_a_spend_nets_a_legacy_debt_first(api: Api, seeded) -> None:
    clock.set(at(2026, 6, 1))
    _, mid = await in_debt(seeded, api, "net-spend")
    earned = await engine.award(seeded, mid, "purchase", "pay-300", {"amount_fen": 30_000})
    await unnet(mid, earned.entry_id)
    await ledger.spend(mid, 100, "spend-rest", now=clock.now())
    assert (await debt_left(mid), await positive_left(mid), (await Member.get(id=mid)).balance) == (0, 0, 0)
    assert await find_violations() == []


async def test_award_netting_is_part_of_the_awards_own_statement(api: Api, seeded, monkeypatch) -> None:
    """A crash where the old follow-up netting ran (after the award had committed) leaves nothing beside the
    debt: the check-in either commits netted or not at all, and a retry then nets. (PostgreSQL: the
    single-statement check-in nets in its statement; SQLite: the award's transaction.)"""
    clock.set(at(2026, 6, 1))
    token, mid = await in_debt(seeded, api, "net-crash")

    async def crash(*args: Any, **kwargs: Any) -> int:
        raise RuntimeError("process died before the follow-up netting")

    monkeypatch.setattr(ledger, "net_debt", crash)
    try:
        await api.call("POST", "/api/v1/checkins", token=token)
    except RuntimeError:
        pass
    monkeypatch.undo()
    assert await find_violations() == []
    status, body = await api.call("POST", "/api/v1/checkins", token=token)
    points = await PointEntry.filter(member_id=mid, event="check_in").first()
    assert points is not None and points.amount == 5
    assert (await Member.get(id=mid)).balance == -195
    assert (await debt_left(mid), await positive_left(mid)) == (-195, 0)
    assert await find_violations() == []


async def test_payment_credit_netting_survives_a_crash_at_the_old_follow_up(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay, monkeypatch) -> None:
    """The payment credit (single statement on PostgreSQL, step by step on SQLite) nets inside its own
    commit; the old code committed first and netted after, so a crash there left the points beside the debt
    for good (the retry was answered as a duplicate)."""
    clock.set(at(2026, 6, 1))
    _, member = await api.login("net-pay")
    mid = member["id"]
    gift = await engine.award(seeded, mid, "custom:experience_officer", "gift", {})
    await ledger.spend(mid, 200, "spend-gift", now=clock.now())
    await ledger.clawback(mid, [gift.entry_id], 200, 0, "claw-gift", now=clock.now(), source="test")
    real = ledger.net_debt
    crashed: list[int] = []

    async def crash_once(c: Any, member_id: int) -> int:
        if not crashed:
            crashed.append(member_id)
            raise RuntimeError("process died before the follow-up netting")
        return await real(c, member_id)

    monkeypatch.setattr(ledger, "net_debt", crash_once)
    played = await play_payment(sandbox, notify_relay, member["openid"], 50_000, retry=True)
    if played["status"] != 204:
        assert (await wait_delivered(sandbox, played["notification_id"]))["delivered"]
    m = await Member.get(id=mid)
    assert m.balance == -200 + 500 + 100  # purchase 500 and the first-purchase bonus 100
    assert (await debt_left(mid), await positive_left(mid)) == (0, 400)
    assert await find_violations() == []


async def test_concurrent_credits_and_claw_backs_never_leave_points_beside_a_debt(api: Api, seeded) -> None:
    """Credits whose statement waited for a claw-back's commit cannot see the debt bucket it created; the
    statement's check catches that and the award retries, so the end state is always netted."""
    clock.set(at(2026, 6, 1))
    _, mid = await in_debt(seeded, api, "net-race", owed=200)
    awards = [engine.award(seeded, mid, "purchase", f"pay-{i}", {"amount_fen": 3_000}) for i in range(16)]
    claws = [ledger.clawback(mid, [], 40, 0, f"claw-{i}", now=clock.now(), source="test") for i in range(8)]
    results = await asyncio.gather(*awards, *claws)
    awarded = [r for r in results[:16] if r.status == "awarded"]
    assert awarded, [r.reason for r in results[:16]]
    entries = await fetch(conn(), "SELECT COALESCE(SUM(amount), 0) AS s FROM point_entries WHERE member_id = $1 "
                                  "AND account = 'available'", [mid])
    balance = (await Member.get(id=mid)).balance
    assert balance == int(entries[0]["s"])
    debt, positive = await debt_left(mid), await positive_left(mid)
    assert debt == 0 or positive == 0, (debt, positive)
    assert debt + positive == balance
    assert await find_violations() == []


# -- item 8: reversal never revives expired points ----------------------------------------------------------
async def test_reversing_a_spend_on_an_expired_lot_neither_revives_it_nor_breaks_the_sweep(api: Api, seeded) -> None:
    await EarningRule.filter(code="experience_officer").update(validity="days", validity_days=30)
    await EarningRule.filter(code="phone_bound").update(validity="days", validity_days=60)
    config_cache.invalidate()
    clock.set(at(2026, 3, 1))
    _, a = await api.login("rev-a")
    _, b = await api.login("rev-b")
    a, b = a["id"], b["id"]
    await engine.award(seeded, a, "custom:experience_officer", "gift", {})  # 200, lapses after 30 days
    await ledger.spend(a, 150, "order-1", now=clock.now())  # the lot keeps 50
    clock.set(at(2026, 3, 20))
    await engine.award(seeded, a, "phone_bound", "pb", {})  # 50, lapses after 60 days
    await engine.award(seeded, b, "phone_bound", "pb", {})
    await ledger.spend(a, 10, "order-2", now=clock.now())  # soonest-expiring first: the gift lot again
    clock.set(at(2026, 4, 15))
    assert (await expiry.expire_due(clock.now())).points == 40  # the gift lot's 40 left lapse
    lot = await PointBucket.get(member_id=a, state="expired")
    assert (lot.remaining, lot.expired_amount) == (0, 40)
    assert (await Member.get(id=a)).balance == 50

    back = await ledger.reverse_spend(a, "order-1", "order-1-cancel", now=clock.now())
    assert back.amount == 150 and back.balance == 50  # given back in full and expired again at once
    lot = await PointBucket.get(id=lot.id)
    assert (lot.state, lot.remaining, lot.expired_amount) == ("expired", 0, 40)
    entries = await PointEntry.filter(member_id=a, idem_key__startswith="order-1-cancel").order_by("id")
    assert [(e.kind, e.amount, e.idem_key, e.balance_after) for e in entries] == [
        ("refund", 150, "order-1-cancel", 200), ("expire", -150, "order-1-cancel:expired", 50)]
    assert await find_violations() == []

    # the next sweep expires b's lot and a's other lot in the same batch; nothing collides
    clock.set(at(2026, 5, 25))
    res = await expiry.expire_due(clock.now())
    assert (res.buckets, res.points, res.members) == (2, 100, 2)
    assert ((await Member.get(id=a)).balance, (await Member.get(id=b)).balance) == (0, 0)
    again = await ledger.reverse_spend(a, "order-1", "order-1-cancel", now=clock.now())
    assert again.duplicate
    # a spend drawn from a lot that is due but not yet swept: restored, then expired under its own key
    await ledger.reverse_spend(a, "order-2", "order-2-cancel", now=clock.now())
    assert (await Member.get(id=a)).balance == 0
    assert await PointEntry.filter(member_id=a, idem_key="order-2-cancel:expired").count() == 1
    assert await find_violations() == []


# -- ledger verify sees lots --------------------------------------------------------------------------------
@pytest.mark.corrupts_ledger
async def test_verify_flags_a_debt_beside_positive_lots(api: Api, seeded) -> None:
    clock.set(at(2026, 6, 1))
    _, mid = await in_debt(seeded, api, "v-debt")
    earned = await engine.award(seeded, mid, "purchase", "pay-300", {"amount_fen": 30_000})
    assert await find_violations() == []
    await unnet(mid, earned.entry_id)
    assert any("not netted" in i for i in await issues())


@pytest.mark.corrupts_ledger
async def test_verify_flags_an_expired_lot_without_its_expire_entry(api: Api, seeded) -> None:
    await EarningRule.filter(code="phone_bound").update(validity="days", validity_days=10)
    config_cache.invalidate()
    clock.set(at(2026, 6, 1))
    _, member = await api.login("v-expire")
    await engine.award(seeded, member["id"], "phone_bound", "pb", {})
    clock.shift(timedelta(days=20))
    await expiry.expire_due(clock.now())
    assert await find_violations() == []
    await PointEntry.filter(member_id=member["id"], kind="expire").update(idem_key="renamed")
    assert any("has no expire entry" in i for i in await issues())


@pytest.mark.corrupts_ledger
async def test_verify_flags_an_expire_entry_of_a_reopened_lot(api: Api, seeded) -> None:
    await EarningRule.filter(code="phone_bound").update(validity="days", validity_days=10)
    config_cache.invalidate()
    clock.set(at(2026, 6, 1))
    _, member = await api.login("v-reopen")
    await engine.award(seeded, member["id"], "phone_bound", "pb", {})
    clock.shift(timedelta(days=20))
    await expiry.expire_due(clock.now())
    await PointBucket.filter(member_id=member["id"], state="expired").update(state="active", expired_amount=0)
    assert any("expired a lot that is not expired" in i for i in await issues())


@pytest.mark.corrupts_ledger
async def test_verify_flags_a_spend_drawn_from_a_lot_created_after_it(api: Api, seeded) -> None:
    clock.set(at(2026, 6, 1))
    _, member = await api.login("v-alloc")
    mid = member["id"]
    await engine.award(seeded, mid, "phone_bound", "pb", {})
    spent = await ledger.spend(mid, 20, "s", now=clock.now())
    later = await engine.award(seeded, mid, "profile_completed", "pc", {})
    assert await find_violations() == []
    bucket = await PointBucket.get(entry_id=later.entry_id)
    await execute(conn(), "UPDATE spend_allocations SET bucket_id = $1 WHERE entry_id = $2",
                  [bucket.id, spent.entry_id])
    assert any("could not have drawn from" in i for i in await issues())


async def _paid_with_coupon(api: Api, sandbox: Any, relay: NotifyRelay, name: str) -> tuple[int, str]:
    template = await CouponTemplate.create(name=f"{name}-t", kind="amount_off", amount_off_fen=500,
                                           min_spend_fen=1000, validity="days", valid_days=30)
    package = await CouponPackage.create(name=name, items=[{"template_id": template.id, "quantity": 1}])
    await CouponRule.create(name=name, package_id=package.id, min_paid_fen=0)
    _, member = await api.login(name)
    played = await play_payment(sandbox, relay, member["openid"], 20_000)
    assert played["status"] == 204
    assert await Coupon.filter(member_id=member["id"], state="issued").count() == 1
    return member["id"], played["transaction_id"]


@pytest.mark.corrupts_ledger
async def test_verify_flags_an_unused_coupon_of_a_fully_refunded_payment(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay) -> None:
    mid, tid = await _paid_with_coupon(api, sandbox, notify_relay, "v-coupon-full")
    assert (await play_refund(sandbox, notify_relay, tid, 20_000))["status"] == 204
    assert await Coupon.filter(member_id=mid, state="revoked").count() == 1
    assert await find_violations() == []
    await Coupon.filter(member_id=mid).update(state="issued", revoked_at=None, revoke_reason=None)
    assert any("fully refunded" in i for i in await issues())


@pytest.mark.corrupts_ledger
async def test_verify_flags_a_coupon_revoked_for_a_refund_that_was_partial(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay) -> None:
    mid, tid = await _paid_with_coupon(api, sandbox, notify_relay, "v-coupon-part")
    assert (await play_refund(sandbox, notify_relay, tid, 5_000))["status"] == 204
    assert await Coupon.filter(member_id=mid, state="issued").count() == 1
    assert await find_violations() == []
    await Coupon.filter(member_id=mid).update(state="revoked", revoke_reason="payment_refunded")
    assert any("not fully refunded" in i for i in await issues())


# -- reconcile repairs what an older crash left --------------------------------------------------------------
async def test_reconcile_nets_a_debt_left_beside_points(api: Api, seeded) -> None:
    clock.set(at(2026, 6, 1))
    _, mid = await in_debt(seeded, api, "rec-net")
    earned = await engine.award(seeded, mid, "purchase", "pay-300", {"amount_fen": 30_000})
    await unnet(mid, earned.entry_id)
    found = [f for f in await reconcile.run(seeded, repair=False) if f.check == "ledger_debt_netting"]
    assert [(f.subject, f.repaired) for f in found] == [(f"member:{mid}", False)]
    assert (await debt_left(mid), await positive_left(mid)) == (-200, 300)  # a dry run changes nothing
    found = [f for f in await reconcile.run(seeded, repair=True) if f.check == "ledger_debt_netting"]
    assert [(f.subject, f.repaired, f.error) for f in found] == [(f"member:{mid}", True, None)]
    assert (await debt_left(mid), await positive_left(mid), (await Member.get(id=mid)).balance) == (0, 100, 100)
    assert [f for f in await reconcile.run(seeded, repair=True) if f.check == "ledger_debt_netting"] == []
    assert await find_violations() == []


async def test_reconcile_closes_a_lot_an_older_reversal_reopened(api: Api, seeded) -> None:
    """Data the old `reverse_spend` left: an expired lot reopened beside its `expire:<lot>` entry, which made
    every sweep batch holding it roll back. The check puts the lot back and lets the restored points lapse."""
    await EarningRule.filter(code="experience_officer").update(validity="days", validity_days=30)
    await EarningRule.filter(code="phone_bound").update(validity="days", validity_days=10)
    config_cache.invalidate()
    clock.set(at(2026, 3, 1))
    _, a = await api.login("reopen-a")
    _, b = await api.login("reopen-b")
    a, b = a["id"], b["id"]
    await engine.award(seeded, a, "custom:experience_officer", "gift", {})
    spent = await ledger.spend(a, 150, "order-1", now=clock.now())
    clock.set(at(2026, 4, 15))
    await expiry.expire_due(clock.now())
    lot = await PointBucket.get(member_id=a, state="expired")
    # what the old reversal wrote: the lot reopened with the spend's points, the refund entry beside it
    await PointBucket.filter(id=lot.id).update(state="active", remaining=150, expired_amount=0)
    await Member.filter(id=a).update(balance=150)
    await ledger.insert_entry(conn(), member_id=a, account="available", amount=150, kind="refund",
                              idem_key="order-1-cancel", balance_after=150, now=clock.now(),
                              trace={"reverses": spent.entry_id})
    await engine.award(seeded, b, "phone_bound", "pb", {})
    clock.set(at(2026, 4, 30))
    with pytest.raises(Exception):  # noqa: B017 - the unique-key violation of either dialect
        await expiry.expire_due(clock.now())
    assert (await Member.get(id=b)).balance == 50  # the whole batch rolled back, b's lot too

    found = [f for f in await reconcile.run(seeded, repair=False) if f.check == "ledger_reopened_lots"]
    assert [(f.subject, f.repaired) for f in found] == [(f"bucket:{lot.id}", False)]
    found = [f for f in await reconcile.run(seeded, repair=True) if f.check == "ledger_reopened_lots"]
    assert [(f.subject, f.repaired, f.error) for f in found] == [(f"bucket:{lot.id}", True, None)]
    lot = await PointBucket.get(id=lot.id)
    assert (lot.state, lot.remaining, lot.expired_amount) == ("expired", 0, 50)
    assert (await Member.get(id=a)).balance == 0
    assert (await expiry.expire_due(clock.now())).points == 50  # b's lot, no collision any more
    assert [f for f in await reconcile.run(seeded, repair=True) if f.check.startswith("ledger_")] == []
    assert await find_violations() == []
