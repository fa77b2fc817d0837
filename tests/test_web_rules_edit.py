"""Streak bonuses of a rule and the tiers of a campaign, edited in a real browser: rows added and removed on the
server, bad rows refused in Chinese next to the row, the what-if preview of the exact draft still required
before publishing; a campaign limited to one tier previews and publishes with that tier only."""

from __future__ import annotations

from typing import Any

from models import Campaign, EarningRule, MetricsSimulation
from tests.test_metrics_simulation import _events
from tests.test_web_console_points import _signed_in
from tests.webhelpers import browser_fixture, page_fixture  # noqa: F401  (fixtures)


async def _row(page: Any, i: int, day: str, points: str, repeat: bool = False) -> None:
    row = page.locator(f"#streak-row-{i}")
    await row.locator("input[name=streak_day]").fill(day)
    await row.locator("input[name=streak_points]").fill(points)
    box = row.locator("input[name=streak_repeat]")
    await (box.check() if repeat else box.uncheck())


async def test_marketer_edits_streak_bonuses_previews_and_publishes(page: Any, api: Any, seeded: Any) -> None:
    await _events(api, seeded)  # A checks in on the 24th, 25th and 26th: a 3-day streak on the 26th
    rule = await EarningRule.get(event="check_in", active=True)
    assert rule.streak_bonuses == {"7+": 20}
    await _signed_in(page)
    await page.goto(f"/console/rules/{rule.id}")
    assert await page.locator("#streak-rows tr[id]").count() == 1
    assert await page.locator("#streak-row-0 input[name=streak_day]").input_value() == "7"
    assert await page.locator("#streak-row-0 input[name=streak_repeat]").is_checked()

    await page.click("#streak-add")
    assert await page.locator("#streak-rows tr[id]").count() == 2
    # bad rows: a non-number, then a day 0, then the same day twice: each refused in Chinese next to its row
    await _row(page, 1, "3", "很多")
    await page.click("#preview-button")
    assert await page.text_content("#streak-1-error") == "请填写整数"
    await _row(page, 1, "0", "50")
    await page.click("#preview-button")
    assert "连续天数填正整数" in (await page.text_content("#streak-1-error") or "")
    await _row(page, 1, "7", "50", repeat=True)
    await page.click("#preview-button")
    assert await page.text_content("#streak-1-error") == "连续 7 天（每满重复）已设置过"
    assert await page.locator("#publish").count() == 0
    assert (await EarningRule.get(id=rule.id)).streak_bonuses == {"7+": 20}

    await _row(page, 1, "3", "50")
    await page.click("#preview-button")
    sim = await MetricsSimulation.all().order_by("-id").first()
    assert sim is not None and sim.request["rule"]["streak_bonuses"] == {"7+": 20, "3": 50}
    assert await page.text_content("#preview-draft") == str(sim.result["draft"]["issued"])
    assert sim.result["draft"]["issued"] > sim.result["current"]["issued"]  # A's third day earns the bonus
    # changed after the preview: publishing is refused until previewed again
    await _row(page, 1, "3", "60")
    await page.click("#publish")
    assert "先预览" in (await page.text_content("#error") or "")
    await page.click("#preview-button")
    await page.click("#publish")
    await page.wait_for_url("**/console/rules?saved=rule-*")
    assert (await EarningRule.get(id=rule.id)).streak_bonuses == {"7+": 20, "3": 60}

    # remove the weekly row: the row goes on the server, then preview and publish
    await page.goto(f"/console/rules/{rule.id}")
    weekly = 0 if await page.locator("#streak-row-0 input[name=streak_repeat]").is_checked() else 1
    await page.locator(f"#streak-row-{weekly} .streak-remove").click()
    assert await page.locator("#streak-rows tr[id]").count() == 1
    await page.click("#preview-button")
    await page.click("#publish")
    await page.wait_for_url("**/console/rules?saved=rule-*")
    assert (await EarningRule.get(id=rule.id)).streak_bonuses == {"3": 60}


async def test_campaign_for_one_tier_is_previewed_and_published(page: Any, api: Any, seeded: Any) -> None:
    await _events(api, seeded)  # B (silver, 1.2x) checks in on Wednesday the 25th for 6; A (base) for 5
    await _signed_in(page)
    await page.goto("/console/campaigns/new")
    await page.fill("#name", "银卡周三 2 倍")
    await page.fill("#multiplier_bp", "20000")
    await page.select_option("#recurrence", "weekly")
    await page.fill("#weekday", "3")
    await page.locator("#tier-1 input[name=tier_levels]").check()
    await page.click("#preview-button")
    # only B's check-in doubles: 145 -> 151 (all tiers would be 156)
    assert await page.text_content("#preview-draft") == "151"
    assert await page.text_content("#tier-1 .effective") == "2.40x"
    assert "不参与" in (await page.text_content("#tier-0 .effective") or "")
    await page.click("#publish")
    await page.wait_for_url("**/console/rules?saved=campaign-*")
    saved = await Campaign.get(name="银卡周三 2 倍")
    assert saved.tier_levels == [1]

    # edit: untick it (all tiers), a tier level the ladder does not have is refused by the model's bounds
    await page.goto(f"/console/campaigns/{saved.id}")
    assert await page.locator("#tier-1 input[name=tier_levels]").is_checked()
    await page.locator("#tier-1 input[name=tier_levels]").uncheck()
    await page.click("#preview-button")
    assert await page.text_content("#preview-draft") == "156"
    await page.click("#publish")
    await page.wait_for_url("**/console/rules?saved=campaign-*")
    assert (await Campaign.get(id=saved.id)).tier_levels is None


async def test_garbage_posted_to_rule_and_campaign_forms_is_a_4xx_in_chinese(page: Any, seeded: Any) -> None:
    await _signed_in(page)
    await page.goto("/console/rules/new")
    csrf = next(c["value"] for c in await page.context.cookies() if c["name"] == "jifen_csrf")
    rule = await EarningRule.get(event="check_in", active=True)
    cases = [("/console/rules/save", {"rule_id": str(rule.id), "streak_day": "x" * 40, "streak_points": "-1",
                                      "action": "preview"}),
             ("/console/rules/save", {"code": "BAD CODE", "name": "", "event": "nope", "points_fixed": "1.5",
                                      "daily_count_cap": "0", "action": "publish"}),
             ("/console/rules/save", {"rule_id": "999999999", "action": "streak_remove:abc"}),
             ("/console/campaigns/save", {"name": "x", "multiplier_bp": "1", "recurrence": "daily",
                                          "tier_levels": "abc", "action": "preview"}),
             ("/console/campaigns/save", {"name": "x", "multiplier_bp": "20000", "recurrence": "once",
                                          "starts_on": "2026-13-40", "tier_levels": "-1"})]
    for path, form in cases:
        resp = await page.request.post(path, form={"_csrf": csrf, **form}, max_redirects=0)
        assert 400 <= resp.status < 500, (path, form, resp.status)
        text = await resp.text()
        assert "Input should" not in text and "required when" not in text and "Value error" not in text, text[-800:]
    assert (await EarningRule.get(id=rule.id)).streak_bonuses == {"7+": 20}


async def test_editing_a_flash_campaign_keeps_its_time_window(page: Any, api: Any, seeded: Any,
                                                              staff_token: Any) -> None:
    """A 3x flash sale from 10:00 to 22:00, created through the API, renamed in the console: the window stays
    10:00-22:00 (the form had dates only and republished it as the whole day); a time typed here is kept."""
    token = staff_token("marketer")
    status, created = await api.call("POST", "/admin/v1/campaigns", token=token, json={
        "name": "双12 限时 3倍", "multiplier_bp": 30000, "recurrence": "once",
        "starts_at": "2026-12-12T10:00:00+08:00", "ends_at": "2026-12-12T22:00:00+08:00"})
    assert status == 201, created
    await _signed_in(page)
    await page.goto(f"/console/campaigns/{created['id']}")
    assert await page.input_value("#starts_on") == "2026-12-12"
    assert await page.input_value("#starts_time") == "10:00"
    assert await page.input_value("#ends_time") == "22:00"
    await page.fill("#name", "双12 限时 3 倍")
    await page.click("#preview-button")
    await page.click("#publish")
    await page.wait_for_url("**/console/rules?saved=campaign-*")
    status, saved = await api.call("GET", f"/admin/v1/campaigns/{created['id']}", token=token)
    assert (saved["name"], saved["starts_at"], saved["ends_at"]) == (
        "双12 限时 3 倍", created["starts_at"], created["ends_at"])

    # a whole-day campaign shows blank times and stays whole days; a time typed in the console is kept
    await page.goto("/console/campaigns/new")
    await page.fill("#name", "会员日")
    await page.fill("#multiplier_bp", "20000")
    await page.select_option("#recurrence", "once")
    await page.fill("#starts_on", "2026-12-20")
    await page.fill("#ends_on", "2026-12-20")
    await page.fill("#ends_time", "20:30")
    await page.click("#preview-button")
    await page.click("#publish")
    await page.wait_for_url("**/console/rules?saved=campaign-*")
    day = await Campaign.get(name="会员日")
    assert day.starts_at.isoformat() == "2026-12-19T16:00:00+00:00" and day.ends_at.isoformat() == \
        "2026-12-20T12:30:00+00:00"
    await page.goto(f"/console/campaigns/{day.id}")
    assert (await page.input_value("#starts_time"), await page.input_value("#ends_time")) == ("", "20:30")
    # a time that is not one is refused next to the date, nothing saved
    await page.fill("#starts_time", "")
    resp = await page.request.post("/console/campaigns/save", form={
        "_csrf": next(c["value"] for c in await page.context.cookies() if c["name"] == "jifen_csrf"),
        "campaign_id": str(day.id), "name": "会员日", "multiplier_bp": "20000", "recurrence": "once",
        "starts_on": "2026-12-20", "starts_time": "25:99", "action": "preview"}, max_redirects=0)
    assert resp.status == 422 and "请填写有效的时间" in await resp.text()
    # a time without its date bounds nothing: refused, not dropped
    resp = await page.request.post("/console/campaigns/save", form={
        "_csrf": next(c["value"] for c in await page.context.cookies() if c["name"] == "jifen_csrf"),
        "name": "周三", "multiplier_bp": "20000", "recurrence": "weekly", "weekday": "3", "starts_time": "10:00",
        "action": "preview"}, max_redirects=0)
    assert resp.status == 422 and "请同时填写日期" in await resp.text()
