"""Lottery editing in a real browser: change a draft lottery's settings, edit a prize's odds and stock (the expected
cost per draw follows each edit), publish, then the draws list and a draw's replay page (the seed, the ranges of
the weights, where the number fell, the outcome, the recomputation's verdict); garbage answered 4xx in Chinese."""

from __future__ import annotations

import random
from typing import Any

from app.services.mall.lottery import admin as svc
from app.services.mall.lottery import pool
from app.services.mall.lottery import service as draws_svc
from models import Lottery, LotteryDraw, LotteryPoolVersion, LotteryPrize
from tests.lottery_helpers import CONSOLATION, draw, give_points, make_lottery, prize_id
from tests.test_web_mall import signed_in
from tests.webhelpers import browser_fixture, page_fixture, screenshot  # noqa: F401  (fixtures)


def _csrf_of(cookies: list[dict[str, Any]]) -> str:
    return next(c["value"] for c in cookies if c["name"] == "jifen_csrf")


async def test_marketer_edits_a_draft_and_its_prizes_then_replays_a_draw(page: Any, api: Any, rt: Any,
                                                                         staff_token: Any) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [CONSOLATION, {"name": "保温杯", "kind": "gift", "cost_fen": 5000,
                                                        "weight": 10, "stock_total": 3}], publish=False)
    gift_id = prize_id(lot, "保温杯")
    await signed_in(page)
    await page.goto(f"/console/lottery/{lot['id']}")
    before = await page.text_content("#cost-yuan")

    # the lottery's settings: a bad value refused next to its field in Chinese, nothing changed
    await page.click("#edit-toggle")
    await page.fill("#lot-cost_points", "0")
    await page.click("#save-lottery")
    assert await page.text_content("#lot-cost_points-error") == "不能小于 1"
    assert (await Lottery.get(id=lot["id"])).cost_points == 10
    assert await page.input_value("#lot-cost_points") == "0"  # what was typed is kept
    await page.fill("#lot-cost_points", "20")
    await page.fill("#lot-name", "圣诞大转盘")
    await page.fill("#lot-pity_after", "5")
    await page.click("#save-lottery")
    saved = await Lottery.get(id=lot["id"])
    assert (saved.name, saved.cost_points, saved.pity_after, saved.status) == ("圣诞大转盘", 20, 5, "draft")
    # the income per draw and the pity changed the cost line, as the service computes it
    cost = await svc.expected_cost(rt, lot["id"])
    assert await page.text_content("#cost-yuan") == f"¥{cost['expected_yuan']:.2f}"
    assert await page.text_content("#income-yuan") == f"¥{cost['cost_yuan']:.2f}"

    # a prize's odds and stock: bad weight refused in Chinese next to the field; then doubled
    await page.locator(f"#prize-{gift_id} a.edit-prize").click()
    await page.wait_for_url(f"**/console/lottery/{lot['id']}/prizes/{gift_id}")
    assert await page.input_value("#cost_yuan") == "50"  # 5000 fen, shown in yuan
    await page.fill("#weight", "abc")
    await page.click("#save-prize")
    assert await page.text_content("#weight-error") == "请填写整数"
    await page.fill("#weight", "20")
    await page.fill("#stock_total", "8")
    await page.fill("#per_member_limit", "")
    await page.fill("#cost_yuan", "49.5")
    await page.click("#save-prize")
    await page.wait_for_url(f"**/console/lottery/{lot['id']}")
    prize = await LotteryPrize.get(id=gift_id)
    assert (prize.weight, prize.stock_total, prize.stock_left, prize.cost_fen) == (20, 8, 8, 4950)
    cost = await svc.expected_cost(rt, lot["id"])
    assert await page.text_content("#cost-yuan") == f"¥{cost['expected_yuan']:.2f}" != before
    rate = next(p for p in cost["prizes"] if p["prize_id"] == gift_id)["probability"]
    assert (await page.locator(f"#prize-{gift_id} .rate").text_content() or "").startswith(f"{rate * 100:.2f}%")

    await page.click("#publish")
    assert await page.text_content("#status") == "进行中"
    # published: the stock field is gone from the prize form (adjustments only); the view cannot change
    await page.goto(f"/console/lottery/{lot['id']}/prizes/{gift_id}")
    assert await page.locator("#stock_total").count() == 0
    await page.fill("#weight", "30")
    await page.click("#save-prize")
    await page.wait_for_url(f"**/console/lottery/{lot['id']}")
    assert (await Lottery.get(id=lot["id"])).pool_version == 2  # the edit made a new pool version
    await page.click("#edit-toggle")
    await page.select_option("#lot-view", "scratch")
    await page.click("#save-lottery")
    assert await page.text_content("#edit-error") == "进行中的抽奖不能更换玩法（奖池已按该玩法布置）"

    # a member draws three times; the marketer opens the draws and replays each
    token, member = await api.login()
    await give_points(api, admin, member["id"], 100)
    for _ in range(3):
        status, body = await draw(api, token, lot["id"])
        assert status == 201, body
    await page.goto(f"/console/lottery/{lot['id']}")
    await page.click("#draws-link")
    rows = await LotteryDraw.filter(lottery_id=lot["id"]).order_by("-id")
    assert [await r.get_attribute("id") for r in await page.locator("#draws tr[id]").all()] == [
        f"draw-{r.id}" for r in rows]
    d = rows[-1]
    await page.locator(f"#draw-{d.id} a.replay").click()
    await page.wait_for_url(f"**/draws/{d.id}/replay")
    assert await page.text_content("#verdict") == "复算一致"
    assert await page.text_content("#seed") == str(d.random)
    version = await LotteryPoolVersion.get(lottery_id=lot["id"], version=d.pool_version)
    weights = sum(int(p["weight"]) for p in version.prizes if int(p["weight"]) > 0)
    assert await page.text_content("#total") == str(weights)
    assert await page.text_content("#position") == str(int(d.random) % weights)
    assert await page.text_content("#outcome") == d.prize_name
    assert await page.locator(f"#range-{d.prize_id} .hit").count() == 1
    await screenshot(page, "lottery-replay")
    # the member filter and its refusal
    await page.goto(f"/console/lottery/{lot['id']}/draws?member_id={member['id'] + 999}")
    assert await page.locator("#draws tr[id]").count() == 0
    resp = await page.goto(f"/console/lottery/{lot['id']}/draws?member_id=abc")
    assert resp.status == 400 and await page.text_content("#member_id-error") == "请填写会员 ID（正整数）"
    resp = await page.goto(f"/console/lottery/{lot['id']}/draws/{d.id + 10_000}/replay")
    assert resp.status == 404 and await page.text_content("#forbidden") == "找不到该抽奖记录"


async def test_garbage_posted_to_the_lottery_forms_is_a_4xx_in_chinese(page: Any, api: Any,
                                                                      staff_token: Any) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [CONSOLATION], publish=False)
    pid = prize_id(lot, CONSOLATION["name"])
    await signed_in(page)
    await page.goto(f"/console/lottery/{lot['id']}")
    csrf = _csrf_of(await page.context.cookies())
    garbage = {"name": "x" * 500, "cost_points": "1e9", "view": "<script>", "weight": "-", "slot": "\u0000",
               "points": "９", "pity_after": "-1", "stock_total": "[]", "daily_draws": "0x10"}
    for path in (f"/console/lottery/{lot['id']}/edit", f"/console/lottery/{lot['id']}/prizes/{pid}",
                 f"/console/lottery/{lot['id']}/prizes/{pid + 999}", f"/console/lottery/{lot['id'] + 999}/edit"):
        resp = await page.request.post(path, form={"_csrf": csrf, **garbage}, max_redirects=0)
        assert 400 <= resp.status < 500, (path, resp.status)
        text = await resp.text()
        assert "Input should" not in text and "greater than" not in text, path
    resp = await page.request.post(f"/console/lottery/{lot['id']}/edit", form={"name": "无令牌"}, max_redirects=0)
    assert resp.status == 403
    assert (await Lottery.get(id=lot["id"])).name == lot["name"]


def test_explain_agrees_with_decide() -> None:
    """The replay page's step-by-step account names the very prize `decide` gives, whatever the number, pity or
    exclusions."""
    rng = random.Random(7)
    for _ in range(2000):
        prizes = [{"id": 1, "name": "c", "weight": rng.randint(0, 50), "consolation": True}] + [
            {"id": i, "name": f"p{i}", "weight": rng.randint(0, 30), "consolation": False} for i in range(2, 6)]
        if not any(p["weight"] for p in prizes):
            prizes[0]["weight"] = 1
        out = {i for i in range(2, 6) if rng.random() < 0.3}
        r, count, after = rng.getrandbits(63), rng.randint(0, 6), rng.choice([None, 3, 5])
        got = pool.explain(r, prizes, out, count, after)
        want = pool.decide(r, prizes, out, count, after)
        assert (got["prize_id"], got["decided_by"]) == (want.prize_id, want.decided_by)
        if got["position"] is not None:
            hit = [x for x in got["ranges"] if x["hit"]]
            assert len(hit) == 1 and hit[0]["from"] <= got["position"] <= hit[0]["to"]
            assert want.decided_by.startswith("consolation") or hit[0]["prize_id"] == want.prize_id


async def test_replay_answer_carries_the_explanation(api: Any, staff_token: Any) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [CONSOLATION, {"name": "音箱", "kind": "gift", "cost_fen": 100,
                                                        "weight": 500, "stock_total": 1}])
    token, member = await api.login()
    await give_points(api, admin, member["id"], 100)
    for _ in range(3):
        status, _ = await draw(api, token, lot["id"])
        assert status == 201
    for d in await LotteryDraw.filter(lottery_id=lot["id"]):
        rep = await draws_svc.replay(lot["id"], d.id)
        assert rep["matches"] and rep["explained"]["prize_id"] == d.prize_id
        assert [p["name"] for p in rep["pool"]] == [CONSOLATION["name"], "音箱"]
