"""The lottery pages in a real browser: create a draft, build its pool (weights, stock, the consolation prize),
see the expected cost per draw before publishing, adjust a prize's stock with a reason, publish and close; bad
input and an invalid pool answered on the page."""

from __future__ import annotations

from typing import Any

from app.services.mall.lottery import admin as svc
from models import Lottery, LotteryGift, LotteryPrize, LotteryStockAdjustment
from tests.lottery_helpers import draw, give_points, make_lottery
from tests.test_web_mall import signed_in
from tests.webhelpers import browser_fixture, page_fixture, screenshot  # noqa: F401  (fixtures)


async def test_marketer_builds_a_pool_sees_its_cost_and_publishes(page: Any, rt: Any) -> None:
    await signed_in(page)
    await page.click("text=抽奖")
    await page.fill("#name", "双旦大转盘")
    await page.fill("#cost_points", "0")
    await page.click("#create")
    assert "不能小于 1" in (await page.text_content("#cost_points-error") or "")
    assert await Lottery.all().count() == 0
    await page.fill("#cost_points", "100")
    await page.click("#create")
    await page.wait_for_url("**/console/lottery/*")
    lot = await Lottery.get(name="双旦大转盘")
    assert (lot.status, lot.cost_points) == ("draft", 100)
    assert "暂无期望成本" in (await page.text_content("#expected-cost") or "")

    # a gift prize: a bad weight is refused next to its field; then a good one with stock
    await page.fill("#name", "保温杯")
    await page.select_option("#kind", "gift")
    await page.fill("#cost_yuan", "50")  # yuan, as every money field of the console
    await page.fill("#weight", "-1")
    await page.fill("#stock_total", "3")
    await page.click("#add-prize")
    assert "不能小于 0" in (await page.text_content("#weight-error") or "")
    assert await page.input_value("#cost_yuan") == "50"  # what was typed is kept
    await page.fill("#weight", "10")
    await page.click("#add-prize")
    assert (await LotteryPrize.get(lottery_id=lot.id, kind="gift")).cost_fen == 5000
    # publishing without a consolation prize: the service's refusal on the page, still a draft
    await page.click("#publish")
    assert "安慰奖" in (await page.text_content("#pool-error") or "")
    assert (await Lottery.get(id=lot.id)).status == "draft"
    await page.fill("#name", "谢谢参与 5 积分")
    await page.select_option("#kind", "points")
    await page.fill("#points", "5")
    await page.fill("#weight", "90")
    await page.check("#consolation")
    await page.click("#add-prize")
    # the expected cost per draw, as the service computes it, shown before publishing
    cost = await svc.expected_cost(rt, lot.id)
    assert cost["expected_yuan"] > 0
    assert await page.text_content("#cost-yuan") == f"¥{cost['expected_yuan']:.2f}"
    assert await page.text_content("#income-yuan") == f"¥{cost['cost_yuan']:.2f}"
    gift = await LotteryPrize.get(lottery_id=lot.id, kind="gift")
    assert (await page.locator(f"#prize-{gift.id} .rate").text_content() or "").startswith("10.00%")
    await screenshot(page, "lottery-pool")

    # stock with a reason: without one refused, below zero refused, then added
    row = page.locator(f"#prize-{gift.id}")
    await row.locator("input[name=delta]").fill("-5")
    await row.locator("input[name=reason]").fill("盘点")
    await row.locator("form.stock-form button").click()
    assert "库存只剩 3" in (await page.locator(f"#prize-{gift.id} .stock-error").text_content() or "")
    await page.locator(f"#prize-{gift.id} input[name=delta]").fill("2")
    await page.locator(f"#prize-{gift.id} input[name=reason]").fill("补货")
    await page.locator(f"#prize-{gift.id} form.stock-form button").click()
    assert (await page.locator(f"#prize-{gift.id} .stock").text_content() or "").strip() == "5 / 5"
    audit = await LotteryStockAdjustment.get(prize_id=gift.id)
    assert (audit.delta, audit.stock_after, audit.reason) == (2, 5, "补货")

    await page.click("#publish")
    assert await page.text_content("#status") == "进行中"
    published = await Lottery.get(id=lot.id)
    assert (published.status, published.pool_version) == ("published", 1)
    await page.click("#close")
    assert await page.text_content("#status") == "已结束"
    assert (await Lottery.get(id=lot.id)).status == "closed"
    await page.goto("/console/lottery?status=closed")
    assert await page.locator(f"#lottery-{lot.id}").count() == 1
    await page.goto("/console/lottery?status=draft")
    assert await page.locator(f"#lottery-{lot.id}").count() == 0


async def test_won_gifts_are_shipped_from_the_gift_queue(page: Any, api: Any, rt: Any, staff_token: Any) -> None:
    """A member draws a gift (the only weighted prize), gives an address through the JSON API; the marketer
    sees it waiting and ships it, then marks it delivered."""
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [
        {"name": "谢谢参与", "kind": "points", "points": 1, "weight": 0, "consolation": True},
        {"name": "蓝牙音箱", "kind": "gift", "cost_fen": 9900, "weight": 1, "stock_total": 2}])
    token, member = await api.login()
    await give_points(api, admin, member["id"], 100)
    status, won = await draw(api, token, lot["id"])
    assert status == 201, won
    gift = await LotteryGift.get(member_id=member["id"])

    await signed_in(page)
    await page.goto("/console/lottery")
    await page.click("#gifts-link")
    row = page.locator(f"#g-{gift.id}")
    assert "会员尚未填写" in (await row.text_content() or "")
    # no address yet: no ship form, the row says why; a forged post is refused on the row, nothing shipped
    assert await row.locator("form.ship").count() == 0
    assert "等会员填写收货地址" in (await row.locator(".waiting").text_content() or "")
    csrf = next(c["value"] for c in await page.context.cookies() if c["name"] == "jifen_csrf")
    resp = await page.request.post(f"/console/lottery/gifts/{gift.id}/ship", form={
        "_csrf": csrf, "carrier": "顺丰", "tracking_no": "SF0001"}, max_redirects=0)
    assert resp.status == 409 and "收货地址" in await resp.text()
    assert (await LotteryGift.get(id=gift.id)).state == "won"

    status, body = await api.call("PUT", f"/api/v1/mall/lotteries/draws/{gift.draw_id}/address", token=token,
                                  json={"name": "王女士", "phone": "13800000000", "address": "上海市人民大道1号"})
    assert status == 200, body
    await page.goto("/console/lottery/gifts")
    row = page.locator(f"#g-{gift.id}")
    assert "上海市人民大道1号" in (await row.text_content() or "")
    await row.locator("input[name=carrier]").fill("顺丰")
    await row.locator("input[name=tracking_no]").fill("x")  # the API's pattern refuses it, next to the field
    await row.locator("form.ship button").click()
    assert "格式不正确" in (await page.locator(f"#g-{gift.id} .tracking_no-error").text_content() or "")
    await page.locator(f"#g-{gift.id} input[name=carrier]").fill("顺丰")
    await page.locator(f"#g-{gift.id} input[name=tracking_no]").fill("SF0001")
    await page.locator(f"#g-{gift.id} form.ship button").click()
    assert await page.locator(f"#g-{gift.id}").count() == 0  # no longer waiting
    shipped = await LotteryGift.get(id=gift.id)
    assert (shipped.state, shipped.carrier, shipped.tracking_no) == ("shipped", "顺丰", "SF0001")
    await page.goto("/console/lottery/gifts?state=shipped")
    await page.locator(f"#g-{gift.id} form.deliver button").click()
    assert (await LotteryGift.get(id=gift.id)).state == "delivered"
