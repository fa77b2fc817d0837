"""Rules, campaigns, tiers and budget in the console, in a real browser: a campaign and a rule change are
published only after their what-if preview (the simulation service's own figures), a draft edited after its
preview is refused, bad input is answered next to the field, the ladder and the budget are saved."""

from __future__ import annotations

from typing import Any

from app.web.passwords import create_user
from models import Campaign, EarningRule, MetricsSimulation, PointsBudget, Tier
from tests.test_metrics_simulation import _events
from tests.test_web_console import PASSWORD, sign_in
from tests.webhelpers import browser_fixture, page_fixture  # noqa: F401  (fixtures)


async def _signed_in(page: Any) -> None:
    await create_user("marketer", "小李", PASSWORD)
    await sign_in(page)
    await page.wait_for_url("**/console/dashboard")


async def test_campaign_is_previewed_before_it_is_published(page: Any, api: Any, seeded: Any) -> None:
    await _events(api, seeded)  # a week of check-ins, shares and a purchase: 145 points actually issued
    await _signed_in(page)
    await page.click("header a[href='/console/rules']")
    await page.click("#new-campaign")
    await page.fill("#name", "周三 2 倍")
    await page.fill("#multiplier_bp", "20000")
    await page.select_option("#recurrence", "weekly")
    # bad input first: the model's own refusal (in Chinese) next to the field, no preview, no publish button
    await page.fill("#weekday", "")
    await page.click("#preview-button")
    assert await page.text_content("#weekday-error") == "周期为「每周」时必填"
    assert await page.locator("#publish").count() == 0
    await page.fill("#weekday", "9")
    await page.click("#preview-button")
    assert "不能大于 7" in (await page.text_content("#weekday-error") or "")

    await page.fill("#weekday", "3")
    await page.click("#preview-button")
    # Wednesday the 25th doubles A's check-in (5 -> 10) and B's (6 -> 12): 145 -> 156, as the API computes
    assert await page.text_content("#preview-current") == "145"
    assert await page.text_content("#preview-draft") == "156"
    assert await page.text_content("#preview-delta") == "+11"
    assert await Campaign.filter(name="周三 2 倍").count() == 0  # a preview writes nothing but its run

    # edited after the preview: publishing is refused until it is previewed again
    await page.fill("#multiplier_bp", "30000")
    await page.click("#publish")
    assert "先预览" in (await page.text_content("#error") or "")
    assert await Campaign.filter(name="周三 2 倍").count() == 0
    await page.click("#preview-button")
    assert await page.text_content("#preview-draft") == "167"
    await page.click("#publish")
    await page.wait_for_url("**/console/rules?saved=campaign-*")
    saved = await Campaign.get(name="周三 2 倍")
    assert (saved.multiplier_bp, saved.recurrence, saved.weekday, saved.active) == (30000, "weekly", 3, True)
    assert "3.0x" in (await page.text_content(f"#campaign-{saved.id}") or "")


async def test_rule_edit_shows_what_it_would_cost_then_publishes(page: Any, api: Any, seeded: Any) -> None:
    await _events(api, seeded)
    rule = await EarningRule.get(event="check_in", active=True)
    await _signed_in(page)
    await page.goto("/console/rules?event=check_in")
    await page.click(f"#rule-{rule.id} a")
    await page.fill("#points_fixed", "-1")
    await page.click("#preview-button")
    assert "不能小于 0" in (await page.text_content("#points_fixed-error") or "")
    await page.fill("#points_fixed", str(rule.points_fixed + 5))
    await page.click("#preview-button")
    sim = await MetricsSimulation.all().order_by("-id").first()
    assert sim is not None and sim.request["rule"]["points_fixed"] == rule.points_fixed + 5
    result = sim.result
    assert result["draft"]["issued"] > result["current"]["issued"] == 145
    assert await page.text_content("#preview-draft") == str(result["draft"]["issued"])
    assert (await EarningRule.get(id=rule.id)).points_fixed == rule.points_fixed  # not yet published
    await page.click("#publish")
    await page.wait_for_url("**/console/rules?saved=rule-*")
    assert (await EarningRule.get(id=rule.id)).points_fixed == rule.points_fixed + 5


async def test_tiers_and_budget(page: Any, rt: Any, seeded: Any) -> None:
    await _signed_in(page)
    await page.click("header a[href='/console/tiers']")
    before = [t.name for t in await Tier.all().order_by("level")]
    assert await page.locator("#tiers input[name=name]").count() == len(before) + 1  # plus an empty row
    # level 0 must start at growth 0: the ladder model's message, nothing replaced
    await page.locator("#tiers input[name=growth_threshold]").first.fill("100")
    await page.click("#save-tiers")
    assert "等级 0 的成长值门槛必须是 0" in (await page.text_content("#tiers-error") or "")
    assert [t.name for t in await Tier.all().order_by("level")] == before
    await page.locator("#tiers input[name=growth_threshold]").first.fill("0")
    last = len(before)
    await page.locator("#tiers input[name=level]").nth(last).fill("9")
    await page.locator("#tiers input[name=name]").nth(last).fill("至尊")
    await page.locator("#tiers input[name=growth_threshold]").nth(last).fill("999999")
    await page.click("#save-tiers")
    await page.wait_for_url("**saved=tiers")
    assert (await Tier.get(level=9)).name == "至尊"

    await page.fill("#budget_points", "-5")
    await page.click("#save-budget")
    assert "不能小于 0" in (await page.text_content("#budget_points-error") or "")
    await page.fill("#budget_points", "100000")
    await page.fill("#warn_percent", "75")
    await page.click("#save-budget")
    await page.wait_for_url("**saved=budget")
    b = await PointsBudget.get(year=rt.clock.today().year)
    assert (b.budget_points, b.warn_ratio_bp, b.mode) == (100000, 7500, "refuse")
    assert "预算 100000 分" in (await page.text_content("#budget-state") or "")
