"""The mall pages in a real browser: a marketer creates a reward with stock, a member redeems it through the JSON
API, the marketer sees the redemption in the fulfilment queue and ships it from the page; stock adjustments with
a reason; bulk shipping by CSV with a result per row; bad input answered next to the field."""

from __future__ import annotations

from typing import Any

from app.services.mall import admin as mall_admin
from app.web.passwords import create_user
from models import MallRedemption, MallReward, MallStockAdjustment
from tests import sophelpers
from tests.mallhelpers import balance, give_points, login, redeem
from tests.test_web_console import PASSWORD, sign_in
from tests.webhelpers import browser_fixture, page_fixture, screenshot  # noqa: F401  (fixtures)


async def signed_in(page: Any) -> None:
    await create_user("marketer", "小李", PASSWORD)
    await sign_in(page)
    await page.wait_for_url("**/console/dashboard")


async def test_marketer_creates_a_reward_and_ships_a_members_redemption(page: Any, api: Any, rt: Any) -> None:
    await signed_in(page)
    await page.click("text=积分商城")
    await page.click("#new-reward")
    # bad input first: the API's own refusals, in Chinese, next to their fields, nothing saved
    await page.fill("#name", "")
    await page.fill("#points", "0")
    await page.fill("#stock", "-3")
    await page.click("#save")
    assert "不能为空" in (await page.text_content("#name-error") or "")
    assert "不能小于 1" in (await page.text_content("#points-error") or "")
    assert "不能小于 0" in (await page.text_content("#stock-error") or "")
    assert await MallReward.all().count() == 0
    await page.fill("#name", "保温杯")
    await page.fill("#points", "300")
    await page.fill("#stock", "5")
    await page.click("#save")
    await page.wait_for_url("**/console/mall/rewards/*")
    reward = await MallReward.get(name="保温杯")
    assert (reward.kind, reward.points, reward.stock, reward.active) == ("gift", 300, 5, True)
    assert await page.text_content("#stock-now") == "5"

    # a member redeems it through the JSON API (pure points: completed at once, waiting to ship)
    token, member = await login(api)
    await give_points(member["id"], 500)
    status, red = await redeem(api, token, reward.id)
    assert status == 201, red
    red = red["redemption"]
    assert await balance(member["id"]) == 200

    await page.click("text=积分商城")
    row = page.locator(f"#reward-{reward.id}")
    assert (await row.locator(".stock").text_content() or "").strip() == "4"
    # beside the price, each tier's share of members who can afford it, as the admin service computes it
    shares = await mall_admin.affordability(300)
    assert shares and any(a["members"] for a in shares)
    afford = await row.locator(".afford .badge").all_text_contents()
    assert [t.split()[-1] for t in afford] == [
        "-" if a["share_bp"] is None else f"{a['share_bp'] / 100:.1f}%" for a in shares]
    await page.click("text=发货队列")
    queued = page.locator(f"#r-{red['id']}")
    assert "保温杯" in (await queued.text_content() or "")
    assert "人民大道1号" in (await queued.text_content() or "")
    await screenshot(page, "mall-fulfilment")
    # shipping without a tracking number: refused next to the field, nothing shipped
    await queued.locator("input[name=carrier]").fill("顺丰")
    await queued.locator("form.ship button").click()
    assert "不能为空" in (await page.locator(f"#r-{red['id']} .tracking_no-error").text_content() or "")
    assert (await MallRedemption.get(id=red["id"])).fulfilment == "ordered"
    await queued.locator("input[name=carrier]").fill("顺丰")
    await queued.locator("input[name=tracking_no]").fill("SF1234567890")
    await queued.locator("form.ship button").click()
    await page.wait_for_url("**/console/mall/fulfilment?fulfilment=ordered*")
    assert await page.locator(f"#r-{red['id']}").count() == 0  # no longer waiting
    shipped = await MallRedemption.get(id=red["id"])
    assert (shipped.fulfilment, shipped.carrier, shipped.tracking_no) == ("shipped", "顺丰", "SF1234567890")
    await page.click("text=已发货")
    assert "SF1234567890" in (await page.locator(f"#r-{red['id']}").text_content() or "")
    await page.locator(f"#r-{red['id']} form.deliver button").click()
    assert (await MallRedemption.get(id=red["id"])).fulfilment == "delivered"


async def test_stock_adjustment_with_a_reason_never_below_zero(page: Any, rt: Any) -> None:
    reward = await MallReward.create(name="帆布袋", kind="gift", points=100, stock=2)
    await signed_in(page)
    await page.goto(f"/console/mall/rewards/{reward.id}")
    await page.fill("#delta", "5")
    await page.click("#adjust")
    assert "不能为空" in (await page.text_content("#reason-error") or "")
    await page.fill("#delta", "-3")
    await page.fill("#reason", "盘点报损")
    await page.click("#adjust")
    assert "库存不能小于 0" in (await page.text_content("#stock-error") or "")
    assert (await MallReward.get(id=reward.id)).stock == 2
    await page.fill("#delta", "8")
    await page.fill("#reason", "补货")
    await page.click("#adjust")
    assert await page.text_content("#stock-now") == "10"
    assert "补货" in (await page.text_content("#stock-history") or "")
    audit = await MallStockAdjustment.get(reward_id=reward.id)
    assert (audit.delta, audit.stock_after, audit.reason) == (8, 10, "补货")
    # edit: a bad price is refused next to the field; a good one saved
    await page.fill("#points", "-1")
    await page.click("#save")
    assert "不能小于 1" in (await page.text_content("#points-error") or "")
    await page.fill("#points", "120")
    await page.click("#save")
    assert (await MallReward.get(id=reward.id)).points == 120
    # the cash part is typed in yuan, as every money field of the console (it was fen here: 10 meant ¥0.10)
    assert await page.input_value("#cash_yuan") == "0"
    await page.fill("#cash_yuan", "19.999")
    await page.click("#save")
    assert "元" in (await page.text_content("#cash_yuan-error") or "")
    assert (await MallReward.get(id=reward.id)).cash_fen == 0
    await page.fill("#cash_yuan", "1e9")  # the limit is said in yuan, as the field is typed
    await page.click("#save")
    assert await page.text_content("#cash_yuan-error") == "不能大于 21474836.47 元"
    await page.fill("#cash_yuan", "19.9")
    await page.click("#save")
    assert (await MallReward.get(id=reward.id)).cash_fen == 1990
    await page.goto(f"/console/mall/rewards/{reward.id}")
    assert await page.input_value("#cash_yuan") == "19.90"
    await page.fill("#cash_yuan", "")  # blank on an edit: no cash part
    await page.click("#save")
    assert (await MallReward.get(id=reward.id)).cash_fen == 0


async def test_bulk_ship_by_csv_reports_each_row(page: Any, api: Any, rt: Any) -> None:
    reward = await MallReward.create(name="雨伞", kind="gift", points=10, stock=10)
    ids = []
    for _ in range(2):
        token, member = await login(api)
        await give_points(member["id"], 10)
        status, red = await redeem(api, token, reward.id)
        assert status == 201, red
        red = red["redemption"]
        ids.append(red["id"])
    await signed_in(page)
    await page.goto("/console/mall/fulfilment")
    assert await page.text_content("#total") == "2"
    await page.click("#upload")
    assert await page.text_content("#file-error") == "请选择 CSV 文件"
    csv = f"redemption_id,carrier,tracking_no\n{ids[0]},圆通,YT001\n{ids[1]},,YT002\n999999,中通,ZT1\nnonsense\n"
    await page.set_input_files("#file", files=[{"name": "ship.csv", "mimeType": "text/csv",
                                                "buffer": csv.encode()}])
    await page.click("#upload")
    # a long action: its page shows the progress, then each row's result (tests/test_web_operations.py)
    await page.wait_for_url("**/console/operations/*")
    result = page.locator("#csv-result")
    await result.wait_for()
    assert "已发货 1 行，失败 3 行" in (await result.text_content() or "")
    assert await result.locator("tr.ok").count() == 1
    assert "找不到该兑换记录" in (await result.text_content() or "")
    assert [r.fulfilment for r in await MallRedemption.filter(id__in=ids).order_by("id")] == ["shipped", "ordered"]
    # the second one is still in the queue, and can be cancelled from it (points back)
    await page.goto("/console/mall/fulfilment")
    row = page.locator(f"#r-{ids[1]}")
    await row.locator("input[name=reason]").fill("缺货")
    await row.locator("form.cancel button").click()
    cancelled = await MallRedemption.get(id=ids[1])
    assert cancelled.state == "cancelled" and cancelled.fulfilment == "cancelled"
    assert await balance(cancelled.member_id) == 10
    # a CSRF-less post is refused before anything runs, signed in or not
    resp = await page.request.post(f"/console/mall/redemptions/{ids[0]}/deliver", form={})
    assert resp.status == 403 and "CSRF" in await resp.text()
    assert (await MallRedemption.get(id=ids[0])).fulfilment == "shipped"
    # shipping one that is no longer waiting (another tab shipped it): the service's refusal on top of the queue
    resp = await page.request.post(f"/console/mall/redemptions/{ids[0]}/ship", form={
        "_csrf": await page.input_value("input[name=_csrf] >> nth=0"), "carrier": "圆通", "tracking_no": "YT9"})
    assert resp.status == 409 and "不能发货" in await resp.text()
    assert (await MallRedemption.get(id=ids[0])).tracking_no == "YT001"


async def test_a_guide_never_reaches_the_mall_lottery_or_sop_pages(page: Any, rt: Any, app: Any) -> None:
    """A guide's session (the very cookie the workbench's OAuth sign-in sets) is refused by every new page."""
    guide = await sophelpers.guide("gz", None)
    await page.context.add_cookies([{"name": "jifen_staff", "value": sophelpers.token(rt, guide),
                                     "url": app.ctx.test_url}])
    for path in ("/console/mall", "/console/mall/fulfilment", "/console/mall/rewards/new", "/console/lottery",
                 "/console/sop/new"):
        resp = await page.goto(path)
        assert resp is not None and resp.status == 403, path
        assert "无权访问" in (await page.text_content("#forbidden") or ""), path


async def test_concurrent_ship_posts_from_two_tabs_ship_once(api: Any, rt: Any, app: Any, http_session: Any) -> None:
    """Two marketers (or two tabs) ship the same parcel at once: one wins, the others are refused (409) and the
    winner's tracking number stays (the service's conditional UPDATE; proven on PostgreSQL in CI)."""
    import asyncio

    from app.auth import issue_token
    from app.clock import clock

    reward = await MallReward.create(name="台灯", kind="gift", points=10, stock=5)
    token, member = await login(api)
    await give_points(member["id"], 10)
    status, red = await redeem(api, token, reward.id)
    assert status == 201, red
    rid = red["redemption"]["id"]
    staff = await create_user("marketer", "小李", PASSWORD)
    session = issue_token(rt.settings.auth.secret, staff.id, "marketer", int(clock.now().timestamp()), 3600)
    cookies = {"jifen_staff": session, "jifen_csrf": "tab-token-0123456789"}

    async def post(n: int) -> int:
        async with http_session.post(f"{app.ctx.test_url}/console/mall/redemptions/{rid}/ship",
                                     data={"_csrf": "tab-token-0123456789", "carrier": "顺丰",
                                           "tracking_no": f"SF{n:04d}"},
                                     cookies=cookies, allow_redirects=False) as resp:
            return resp.status

    statuses = await asyncio.gather(*(post(n) for n in range(6)))
    assert sorted(statuses) == [303] + [409] * 5, statuses
    shipped = await MallRedemption.get(id=rid)
    assert shipped.fulfilment == "shipped" and shipped.tracking_no in {f"SF{n:04d}" for n in range(6)}
