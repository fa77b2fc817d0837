"""Points mall, pure points: catalogue, redemption through the ledger (FIFO lots), idempotency, limits, stock
under concurrency, kinds (coupon, gift, service, virtual), cancellation returning exactly the points, and a
member never seeing or cancelling another's redemption."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

from app.clock import clock
from app.db import conn
from app.errors import ApiError
from app.services.mall import service as mall
from app.sqlx import fetch
from models import Coupon, MallAddress, MallRedemption, MallReward, Member
from tests.conftest import BACKEND, Api
from tests.mallhelpers import balance, give_points, login, lots, make_reward, redeem


async def test_catalogue_flags_affordability_tier_and_windows(api: Api, rt, staff_token) -> None:
    token, member = await login(api)
    await give_points(member["id"], 150)
    cheap = await make_reward(api, staff_token, name="纸巾", points=100, category="daily", sort=5)
    dear = await make_reward(api, staff_token, name="咖啡机", points=5000, category="home", sort=9)
    vip = await make_reward(api, staff_token, name="私宴", points=50, min_tier=3, kind="service", stock=2)
    soon = await make_reward(api, staff_token, name="新品", points=10,
                             redeem_from=(clock.now() + timedelta(days=1)).isoformat())
    await make_reward(api, staff_token, name="未上架", points=10,
                      display_from=(clock.now() + timedelta(days=1)).isoformat())
    status, page = await api.call("GET", "/api/v1/mall/rewards", token=token)
    assert status == 200, page
    by = {r["name"]: r for r in page["items"]}
    assert set(by) == {"纸巾", "咖啡机", "私宴", "新品"}  # the one not displayed yet is hidden
    assert (by["纸巾"]["can_afford"], by["纸巾"]["allowed"], by["纸巾"]["reason"]) == (True, True, None)
    assert (by["咖啡机"]["can_afford"], by["咖啡机"]["allowed"]) == (False, True)
    assert (by["私宴"]["allowed"], by["私宴"]["reason"]) == (False, "tier_too_low")
    assert (by["新品"]["allowed"], by["新品"]["reason"]) == (False, "not_redeemable_now")
    assert [r["name"] for r in page["items"]][:2] == ["咖啡机", "纸巾"]  # the marketer's sort, highest first
    _, cheap_first = await api.call("GET", "/api/v1/mall/rewards?sort=points_asc&affordable=true&size=1",
                                    token=token)
    assert [r["id"] for r in cheap_first["items"]] == [soon["id"]] and cheap_first["total"] == 3
    _, home = await api.call("GET", "/api/v1/mall/rewards?category=home", token=token)
    assert [r["id"] for r in home["items"]] == [dear["id"]]
    status, refused = await redeem(api, token, vip["id"])
    assert (status, refused["error"]["code"]) == (403, "tier_too_low")
    status, refused = await redeem(api, token, soon["id"])
    assert (status, refused["error"]["code"]) == (409, "not_redeemable_now")
    status, one = await api.call("GET", f"/api/v1/mall/rewards/{cheap['id']}", token=token)
    assert status == 200 and one["can_afford"] is True
    assert await balance(member["id"]) == 150  # nothing was spent by refusals


async def test_featured_on_member_day(api: Api, seeded, staff_token) -> None:
    from models import Campaign

    token, _ = await login(api)
    plain = await make_reward(api, staff_token, name="日常", points=10, sort=100)
    feat = await make_reward(api, staff_token, name="会员日特供", points=10, featured_on_member_day=True)
    await Campaign.filter().update(active=False)
    await Campaign.create(name="每月1日会员日", multiplier_bp=20000, recurrence="monthly", day_of_month=1)
    _, normal = await api.call("GET", "/api/v1/mall/rewards", token=token)
    assert normal["member_day"] is False and [r["id"] for r in normal["items"]] == [plain["id"], feat["id"]]
    clock.travel_to(clock.now().replace(year=2026, month=12, day=1, hour=12))
    _, member_day = await api.call("GET", "/api/v1/mall/rewards", token=token)
    assert member_day["member_day"] is True and member_day["items"][0]["id"] == feat["id"]
    assert member_day["items"][0]["featured"] is True


async def test_pure_points_spends_fifo_lots_and_issues_a_coupon(api: Api, rt, staff_token) -> None:
    token, member = await login(api)
    await give_points(member["id"], 60, expires_in_days=10)
    await give_points(member["id"], 100, expires_in_days=300)
    await give_points(member["id"], 50, expires_in_days=30)
    _, tpl = await api.call("POST", "/admin/v1/coupon-templates", token=staff_token("marketer"), json={
        "name": "满100减20", "kind": "amount_off", "amount_off_fen": 2000, "min_spend_fen": 10000,
        "validity": "days", "valid_days": 30})
    reward = await make_reward(api, staff_token, kind="coupon", points=80, coupon_template_id=tpl["id"], stock=5)
    status, out = await redeem(api, token, reward["id"])
    assert status == 201, out
    red = out["redemption"]
    assert (red["state"], red["fulfilment"], red["points"]) == ("completed", "issued", 80)
    coupons = await Coupon.filter(member_id=member["id"])
    assert [c.id for c in coupons] == red["coupon_ids"] and coupons[0].name == "满100减20"
    # soonest-expiring first: 60 from the 10-day lot, 20 from the 30-day lot, the 300-day lot untouched
    assert [x[2] for x in await lots(member["id"])] == [0, 100, 30]
    assert await balance(member["id"]) == 130
    assert (await MallReward.get(id=reward["id"])).stock == 4
    _, mine = await api.call("GET", "/api/v1/mall/redemptions", token=token)
    assert [r["id"] for r in mine["items"]] == [red["id"]]
    status, poor = await redeem(api, token, (await make_reward(api, staff_token, points=1000))["id"])
    assert (status, poor["error"]["code"]) == (409, "insufficient_points")
    assert await MallRedemption.filter(member_id=member["id"]).count() == 1  # the refused one left nothing


async def test_same_idempotency_key_redeems_once(api: Api, rt, staff_token) -> None:
    token, member = await login(api)
    await give_points(member["id"], 1000)
    reward = await make_reward(api, staff_token, kind="virtual", points=100, stock=0)
    _, up = await api.call("POST", f"/admin/v1/mall/rewards/{reward['id']}/codes", token=staff_token("marketer"),
                           json={"codes": ["CODE-A", "CODE-B", "CODE-A"]})
    assert (up["added"], up["reward"]["stock"]) == (2, 2)
    answers = await asyncio.gather(*[redeem(api, token, reward["id"], key="order-42") for _ in range(8)])
    statuses = sorted(s for s, _ in answers)
    assert statuses.count(201) == 1 and statuses.count(200) == 7, answers
    assert len({a["redemption"]["id"] for _, a in answers}) == 1
    assert len({a["redemption"]["code"] for _, a in answers}) == 1
    assert await balance(member["id"]) == 900
    assert await MallRedemption.filter(member_id=member["id"]).count() == 1
    status, again = await redeem(api, token, reward["id"], key="order-42", address_id=5)
    assert (status, again["error"]["code"]) == (422, "idempotency_key_reused")
    status, missing = await api.call("POST", "/api/v1/mall/redemptions", token=token, json={"reward_id": 1})
    assert (status, missing["error"]["code"]) == (422, "idempotency_key_required")
    status, second = await redeem(api, token, reward["id"])
    assert status == 201 and second["redemption"]["code"] != answers[0][1]["redemption"]["code"]
    status, empty = await redeem(api, token, reward["id"])
    assert (status, empty["error"]["code"]) == (409, "out_of_stock")


async def test_limits_per_day_lifetime_and_campaign(api: Api, rt, staff_token) -> None:
    token, member = await login(api)
    await give_points(member["id"], 10_000)
    daily = await make_reward(api, staff_token, points=10, stock=None, limit_per_day=2, limit_lifetime=3)
    for _ in range(2):
        assert (await redeem(api, token, daily["id"]))[0] == 201
    status, refused = await redeem(api, token, daily["id"])
    assert (status, refused["error"]["code"]) == (409, "limit_per_day")
    clock.travel_to(clock.local_now().replace(hour=23, minute=59, second=59))
    assert (await redeem(api, token, daily["id"]))[1]["error"]["code"] == "limit_per_day"
    clock.shift(timedelta(seconds=1))  # 00:00:00 Asia/Shanghai: a new day
    assert (await redeem(api, token, daily["id"]))[0] == 201
    assert (await redeem(api, token, daily["id"]))[1]["error"]["code"] == "limit_lifetime"
    a = await make_reward(api, staff_token, name="A", points=10, campaign="双11", limit_per_campaign=1)
    b = await make_reward(api, staff_token, name="B", points=10, campaign="双11", limit_per_campaign=1)
    assert (await redeem(api, token, a["id"]))[0] == 201
    assert (await redeem(api, token, b["id"]))[1]["error"]["code"] == "limit_per_campaign"
    _, listed = await api.call("GET", "/api/v1/mall/rewards", token=token)
    assert {r["name"]: r["reason"] for r in listed["items"]}["B"] == "limit_per_campaign"


async def test_200_concurrent_redemptions_of_stock_50(api: Api, rt, staff_token) -> None:
    """200 redemptions at once (100 members, two each, limit one per day): exactly 50 win, nobody twice."""
    reward = await make_reward(api, staff_token, points=10, stock=50, limit_per_day=1)
    members = []
    for n in range(100):
        m = await Member.create(openid=f"burst-{n}-{uuid.uuid4().hex[:6]}", invite_code=uuid.uuid4().hex[:12])
        await give_points(m.id, 100)
        await MallAddress.create(member_id=m.id, name="x", phone="13800000000", region="r", detail="d")
        members.append(m.id)
    body = mall.RedeemIn(reward_id=reward["id"])

    async def attempt(member_id: int) -> str:
        try:
            await mall.redeem(rt, member_id, uuid.uuid4().hex, body)
            return "won"
        except ApiError as exc:
            return exc.code

    outcomes = await asyncio.gather(*[attempt(m) for m in members for _ in range(2)])
    assert outcomes.count("won") == 50, outcomes
    assert set(outcomes) <= {"won", "out_of_stock", "limit_per_day"}
    assert (await MallReward.get(id=reward["id"])).stock == 0
    rows = await fetch(conn(), "SELECT member_id, COUNT(*) AS n FROM mall_redemptions GROUP BY member_id")
    assert sum(int(r["n"]) for r in rows) == 50 and max(int(r["n"]) for r in rows) == 1
    spent = await fetch(conn(), "SELECT COUNT(*) AS n, SUM(amount) AS s FROM point_entries WHERE kind = 'spend'")
    assert (int(spent[0]["n"]), int(spent[0]["s"])) == (50, -500)  # every loser's spend rolled back
    assert BACKEND in ("embedded", "postgres")


async def test_cancel_gift_returns_exactly_the_points_to_their_lots(api: Api, rt, staff_token) -> None:
    token, member = await login(api)
    await give_points(member["id"], 40, expires_in_days=2)
    await give_points(member["id"], 100, expires_in_days=200)
    status, addr = await api.call("POST", "/api/v1/mall/addresses", token=token, json={
        "name": "张三", "phone": "13800000000", "region": "上海市", "detail": "南京西路1号", "is_default": True})
    assert status == 201, addr
    gift = await make_reward(api, staff_token, points=90, stock=3)
    status, out = await redeem(api, token, gift["id"], address_id=addr["id"])
    assert status == 201 and out["redemption"]["fulfilment"] == "ordered"
    assert out["redemption"]["address"]["detail"] == "南京西路1号"
    before = await lots(member["id"])
    assert [x[2] for x in before] == [0, 50]
    clock.shift(timedelta(days=3))  # the 40-point lot has expired meanwhile (not swept yet)
    status, cancelled = await api.call("POST", f"/api/v1/mall/redemptions/{out['redemption']['id']}/cancel",
                                       token=token)
    assert status == 200, cancelled
    assert (cancelled["state"], cancelled["fulfilment"]) == ("cancelled", "cancelled")
    after = await lots(member["id"])
    # 50 back to the lot they came from; the expired lot's 40 are not revived: they lapse at once
    assert after[1][1:3] == ("active", 100)
    assert after[0][1] == "expired" and after[0][2] == 0
    assert await balance(member["id"]) == 100
    assert (await MallReward.get(id=gift["id"])).stock == 3
    status, again = await api.call("POST", f"/api/v1/mall/redemptions/{out['redemption']['id']}/cancel",
                                   token=token)
    assert (status, again["error"]["code"]) == (409, "not_cancellable")
    assert await balance(member["id"]) == 100  # returned once


async def test_a_member_cannot_see_or_cancel_anothers_redemption(api: Api, rt, staff_token) -> None:
    alice, a = await login(api)
    bob, _ = await api.login()
    await give_points(a["id"], 500)
    _, addr = await api.call("POST", "/api/v1/mall/addresses", token=alice, json={
        "name": "A", "phone": "13800000001", "region": "北京", "detail": "1号"})
    gift = await make_reward(api, staff_token, points=100)
    _, out = await redeem(api, alice, gift["id"])
    rid = out["redemption"]["id"]
    assert (await api.call("GET", f"/api/v1/mall/redemptions/{rid}", token=bob))[0] == 404
    status, refused = await api.call("POST", f"/api/v1/mall/redemptions/{rid}/cancel", token=bob)
    assert (status, refused["error"]["code"]) == (404, "redemption_not_found")
    _, bobs = await api.call("GET", "/api/v1/mall/redemptions", token=bob)
    assert bobs["items"] == []
    _, bob_addr = await api.call("GET", "/api/v1/mall/addresses", token=bob)
    assert bob_addr["items"] == []
    status, foreign = await redeem(api, bob, gift["id"], address_id=addr["id"])
    assert (status, foreign["error"]["code"]) == (422, "address_required")
    assert (await MallRedemption.get(id=rid)).state == "completed"
    assert (await api.call("GET", f"/api/v1/mall/redemptions/{rid}", token=alice))[0] == 200


async def test_service_slots_have_capacity(api: Api, rt, staff_token) -> None:
    token, member = await login(api)
    other, m2 = await login(api)
    for m in (member, m2):
        await give_points(m["id"], 500)
    svc = await make_reward(api, staff_token, kind="service", name="咖啡课", points=100, stock=None)
    status, slot = await api.call("POST", f"/admin/v1/mall/rewards/{svc['id']}/slots", token=staff_token("marketer"),
                                  json={"starts_at": (clock.now() + timedelta(days=3)).isoformat(), "capacity": 1})
    assert status == 201, slot
    assert (await redeem(api, token, svc["id"]))[1]["error"]["code"] == "slot_required"
    status, booked = await redeem(api, token, svc["id"], slot_id=slot["id"])
    assert status == 201 and booked["redemption"]["fulfilment"] == "booked"
    status, full = await redeem(api, other, svc["id"], slot_id=slot["id"])
    assert (status, full["error"]["code"]) == (409, "slot_full")
    assert await balance(m2["id"]) == 500
    await api.call("POST", f"/api/v1/mall/redemptions/{booked['redemption']['id']}/cancel", token=token)
    assert (await redeem(api, other, svc["id"], slot_id=slot["id"]))[0] == 201


async def test_each_code_of_a_pool_is_given_once_under_concurrency(api: Api, rt, staff_token) -> None:
    reward = await make_reward(api, staff_token, kind="virtual", points=10, stock=0)
    codes = [f"VIP-{n:03d}" for n in range(10)]
    _, up = await api.call("POST", f"/admin/v1/mall/rewards/{reward['id']}/codes", token=staff_token("marketer"),
                           json={"codes": codes})
    assert up["added"] == 10
    members = []
    for n in range(30):
        m = await Member.create(openid=f"code-{n}-{uuid.uuid4().hex[:6]}", invite_code=uuid.uuid4().hex[:12])
        await give_points(m.id, 50)
        members.append(m.id)
    body = mall.RedeemIn(reward_id=reward["id"])

    async def attempt(member_id: int) -> str | None:
        try:
            return (await mall.redeem(rt, member_id, "k", body)).redemption.code
        except ApiError as exc:
            assert exc.code == "out_of_stock"
            return None

    got = [c for c in await asyncio.gather(*[attempt(m) for m in members]) if c]
    assert sorted(got) == codes  # ten winners, ten distinct codes, every code used once
    rows = await fetch(conn(), "SELECT COUNT(*) AS n FROM mall_codes WHERE redemption_id IS NOT NULL")
    assert int(rows[0]["n"]) == 10 and (await MallReward.get(id=reward["id"])).stock == 0
