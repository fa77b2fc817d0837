"""Points mall administration: reward validation, audited stock adjustments (never below zero), code pools,
fulfilment (ship with tracking, deliver, bulk by CSV), operator cancel returning the points, search, roles,
and the share of each tier's members who can afford a price."""

from __future__ import annotations

from app.db import conn
from app.sqlx import execute
from models import MallStockAdjustment, Member, Tier
from tests.conftest import Api
from tests.mallhelpers import balance, give_points, login, make_reward, redeem


async def test_reward_validation_and_roles(api: Api, rt, staff_token) -> None:
    mkt = staff_token("marketer")
    bad = [
        {"name": "券", "kind": "coupon", "points": 10},  # no template or package
        {"name": "码", "kind": "virtual", "points": 10},  # a pool-less virtual reward
        {"name": "x", "kind": "gift", "points": 0},
        {"name": "x", "kind": "gift", "points": 10, "limit_per_campaign": 1},
        {"name": "x", "kind": "gift", "points": 10, "redeem_from": "2026-12-02T00:00:00+08:00",
         "redeem_until": "2026-12-01T00:00:00+08:00"},
        {"name": "x", "kind": "gift", "points": 10, "coupon_template_id": 999},
    ]
    for body in bad:
        status, answer = await api.call("POST", "/admin/v1/mall/rewards", token=mkt, json=body)
        assert status == 422, (body, answer)
    member_token, _ = await api.login()
    guide = staff_token("guide", 2)
    for token in (member_token, guide):
        status, _ = await api.call("POST", "/admin/v1/mall/rewards", token=token,
                                   json={"name": "x", "kind": "gift", "points": 10})
        assert status == 403
    reward = await make_reward(api, staff_token, points=10)
    status, patched = await api.call("PATCH", f"/admin/v1/mall/rewards/{reward['id']}", token=mkt,
                                     json={"points": 20, "featured": True})
    assert status == 200 and (patched["points"], patched["featured"]) == (20, True)
    status, refused = await api.call("PATCH", f"/admin/v1/mall/rewards/{reward['id']}", token=mkt,
                                     json={"stock": 1000})
    assert status == 422  # stock only moves by audited adjustments
    status, gone = await api.call("DELETE", f"/admin/v1/mall/rewards/{reward['id']}", token=mkt)
    assert status == 200 and gone["active"] is False
    _, page = await api.call("GET", "/api/v1/mall/rewards", token=member_token)
    assert page["items"] == []


async def test_stock_adjustments_are_audited_and_never_below_zero(api: Api, rt, staff_token) -> None:
    mkt = staff_token("marketer", 7)
    reward = await make_reward(api, staff_token, points=10, stock=5)
    path = f"/admin/v1/mall/rewards/{reward['id']}/stock-adjustments"
    status, out = await api.call("POST", path, token=mkt, json={"delta": 20, "reason": "补货"})
    assert status == 200 and out["stock"] == 25
    status, refused = await api.call("POST", path, token=mkt, json={"delta": -26, "reason": "盘点"})
    assert (status, refused["error"]["code"]) == (409, "stock_below_zero")
    status, _ = await api.call("POST", path, token=mkt, json={"delta": -5})
    assert status == 422  # a reason is required
    _, history = await api.call("GET", path, token=mkt)
    assert [(h["delta"], h["stock_after"], h["reason"]) for h in history["items"]] == [(20, 25, "补货")]
    assert history["items"][0]["operator"].startswith("marketer:")
    assert await MallStockAdjustment.filter(reward_id=reward["id"]).count() == 1


async def test_ship_deliver_and_bulk_csv(api: Api, rt, staff_token) -> None:
    mkt = staff_token("marketer")
    token, member = await login(api)
    await give_points(member["id"], 1000)
    gift = await make_reward(api, staff_token, points=100, stock=10)
    ids = []
    for _ in range(4):
        _, out = await redeem(api, token, gift["id"])
        ids.append(out["redemption"]["id"])
    status, shipped = await api.call("POST", f"/admin/v1/mall/redemptions/{ids[0]}/ship", token=mkt,
                                     json={"carrier": "顺丰", "tracking_no": "SF100"})
    assert status == 200 and (shipped["fulfilment"], shipped["tracking_no"]) == ("shipped", "SF100")
    status, twice = await api.call("POST", f"/admin/v1/mall/redemptions/{ids[0]}/ship", token=mkt,
                                   json={"carrier": "顺丰", "tracking_no": "SF101"})
    assert (status, twice["error"]["code"]) == (409, "not_shippable")
    status, delivered = await api.call("POST", f"/admin/v1/mall/redemptions/{ids[0]}/deliver", token=mkt)
    assert status == 200 and delivered["fulfilment"] == "delivered"
    status, cancel = await api.call("POST", f"/api/v1/mall/redemptions/{ids[0]}/cancel", token=token)
    assert (status, cancel["error"]["code"]) == (409, "not_cancellable")
    csv_text = (f"redemption_id,carrier,tracking_no\n{ids[1]},中通,ZT1\n{ids[2]},圆通,YT2\n{ids[0]},x,y\n"
                "abc\n999999,x,y\n")
    status, bulk = await api.call("POST", "/admin/v1/mall/shipments", token=mkt, data=csv_text.encode(),
                                  headers={"Content-Type": "text/csv"})
    assert status == 200, bulk
    assert (bulk["shipped"], bulk["failed"]) == (2, 3)
    assert [r.get("error") for r in bulk["results"]] == [None, None, "not_shippable", bulk["results"][3]["error"],
                                                         "redemption_not_found"]
    status, _ = await api.call("POST", "/admin/v1/mall/shipments", token=mkt, json={"x": 1})
    assert status == 415
    _, found = await api.call("GET", "/admin/v1/mall/redemptions?fulfilment=shipped", token=mkt)
    assert sorted(r["id"] for r in found["items"]) == sorted(ids[1:3]) and found["total"] == 2
    # an operator cancels the unshipped one: the points come back
    assert await balance(member["id"]) == 600
    status, cancelled = await api.call("POST", f"/admin/v1/mall/redemptions/{ids[3]}/cancel", token=mkt,
                                       json={"reason": "缺货"})
    assert status == 200 and cancelled["state"] == "cancelled" and cancelled["cancel_reason"] == "operator:缺货"
    assert await balance(member["id"]) == 700
    _, mine = await api.call("GET", "/api/v1/mall/redemptions?state=cancelled", token=token)
    assert [r["id"] for r in mine["items"]] == [ids[3]]


async def test_affordability_share_per_tier(api: Api, seeded, staff_token) -> None:
    levels = [t.level for t in await Tier.all().order_by("level")]
    assert len(levels) >= 2
    for n, (level, points) in enumerate([(levels[0], 50), (levels[0], 500), (levels[0], 900), (levels[1], 800)]):
        m = await Member.create(openid=f"aff-{n}", invite_code=f"AFF{n}")
        await give_points(m.id, points)
        await execute(conn(), "UPDATE members SET tier_level = $1 WHERE id = $2", [level, m.id])
    reward = await make_reward(api, staff_token, points=500)
    status, view = await api.call("GET", f"/admin/v1/mall/rewards/{reward['id']}", token=staff_token("marketer"))
    assert status == 200
    by = {a["tier_level"]: a for a in view["affordability"]}
    assert (by[levels[0]]["members"], by[levels[0]]["can_afford"], by[levels[0]]["share_bp"]) == (3, 2, 6666)
    assert (by[levels[1]]["members"], by[levels[1]]["can_afford"], by[levels[1]]["share_bp"]) == (1, 1, 10000)
    assert (by[levels[0]]["avg_balance"], by[levels[1]]["avg_balance"]) == (483, 800)
    assert by[levels[0]]["tier_name"]
    _, listed = await api.call("GET", "/admin/v1/mall/rewards", token=staff_token("admin"))
    assert listed["items"][0]["affordability"] == view["affordability"]


async def test_shipping_tells_the_member_once_with_the_tracking_number(api: Api, rt, sandbox, staff_token,
                                                                       monkeypatch) -> None:
    """A shipped gift queues the member's shipping notice in the same transaction (dedupe key per redemption):
    delivered by the outbox with the gift, the tracking number, the carrier and the time; a refused second ship,
    a tracking number a character_string cannot carry, or no template configured queue nothing."""
    from app.services.mall import notices
    from app.services.outbox import service as outbox
    from models import MallRedemption, OutboxMessage

    mkt = staff_token("marketer")
    token, member = await login(api)
    await give_points(member["id"], 1000)
    gift = await make_reward(api, staff_token, points=100, stock=10)
    ids = [(await redeem(api, token, gift["id"]))[1]["redemption"]["id"] for _ in range(4)]

    async def ship(rid: int, tracking_no: str) -> int:
        status, _ = await api.call("POST", f"/admin/v1/mall/redemptions/{rid}/ship", token=mkt,
                                   json={"carrier": "顺丰速运", "tracking_no": tracking_no})
        return status

    assert await ship(ids[0], "SF1234567890123") == 200
    assert await ship(ids[0], "SF999") == 409
    queued = await OutboxMessage.filter(dedupe_key__startswith="mall-shipped:")
    assert [(n.dedupe_key, n.member_id) for n in queued] == [(f"mall-shipped:{ids[0]}", member["id"])]
    await outbox.deliver_due(rt)
    sent = [m for m in sandbox.state.sent_messages if m["touser"] == member["openid"]
            and m["template_id"] == rt.settings.miniprogram.subscribe_template_shipping]
    assert len(sent) == 1
    assert sent[0]["data"] == {"thing1": gift["name"][:20], "character_string2": "SF1234567890123",
                               "thing3": "顺丰速运", "time4": rt.clock.local_now().strftime("%Y-%m-%d %H:%M")}
    # shipped, but no notice: a number longer than 32 characters (cut short it would be wrong)
    assert await ship(ids[1], "X" * 40) == 200
    # the notice cannot be queued: the shipment is undone with it (one transaction)
    async def broken(*_: object, **__: object) -> bool:
        raise ConnectionError("outbox unavailable")

    monkeypatch.setattr(outbox, "enqueue", broken)
    assert await ship(ids[2], "YT2") == 503
    assert (await MallRedemption.get(id=ids[2])).fulfilment == "ordered"
    monkeypatch.undo()
    monkeypatch.setattr(rt.settings.miniprogram, "subscribe_template_shipping", "")  # no template: ship only
    assert await ship(ids[3], "ZT3") == 200
    assert await OutboxMessage.filter(dedupe_key__startswith="mall-shipped:").count() == 1
    assert notices.shipping_notice(rt, "礼品", "c", "T1", rt.clock.now(), "o-x") is None
