"""Coupons in the console, in a real browser: a template (yuan typed, fen stored), a package of it and a
post-payment rule, created by clicking; bad input refused next to its field with nothing created."""

from __future__ import annotations

from typing import Any

from app.web.passwords import create_user
from models import CouponPackage, CouponRule, CouponTemplate
from tests.test_web_console import PASSWORD, sign_in
from tests.webhelpers import browser_fixture, page_fixture  # noqa: F401  (fixtures)


async def test_template_package_and_rule_are_created_from_the_page(page: Any, rt: Any) -> None:
    await create_user("marketer", "小李", PASSWORD)
    await sign_in(page)
    await page.wait_for_url("**/console/dashboard")
    await page.click("header a[href='/console/coupons']")

    await page.click("#new-template")
    await page.fill("#t-name", "满100减10")
    await page.fill("#t-amount_off", "10.005")
    await page.fill("#t-min_spend", "100")
    await page.fill("#t-valid_days", "30")
    await page.click("#save-template")
    assert await page.text_content("#t-amount_off-error") == "请填写金额（元，最多两位小数）"
    await page.fill("#t-amount_off", "")
    await page.click("#save-template")
    assert await page.text_content("#t-amount_off-error") == "选择满减时必填"
    assert await page.input_value("#t-name") == "满100减10"
    assert await CouponTemplate.all().count() == 0
    await page.fill("#t-amount_off", "10")
    await page.fill("#t-stock_total", "500")
    await page.click("#save-template")
    await page.wait_for_url("**saved=template-*")
    t = await CouponTemplate.get(name="满100减10")
    assert (t.kind, t.amount_off_fen, t.min_spend_fen, t.validity, t.valid_days, t.stock_total) == \
        ("amount_off", 1000, 10000, "days", 30, 500)
    row = await page.text_content(f"#template-{t.id}") or ""
    assert "减 10.00 元" in row and "满 100.00 元" in row and "500/500" in row

    await page.click("#new-package")
    await page.fill("#p-name", "返券包")
    await page.click("#save-package")
    assert "至少 1 项" in (await page.text_content("#p-items-error") or "")
    await page.select_option("#p-template_0", str(t.id))
    await page.fill("input[name=p-quantity_0]", "2")
    await page.click("#save-package")
    await page.wait_for_url("**saved=package-*")
    p = await CouponPackage.get(name="返券包")
    assert p.items == [{"template_id": t.id, "quantity": 2}]
    assert "满100减10 × 2" in (await page.text_content(f"#package-{p.id}") or "")

    await page.click("#new-rule")
    await page.fill("#r-name", "满50返券")
    await page.fill("#r-min_paid", "50")
    await page.click("#save-rule")
    assert await page.locator("#r-package_id-error").count() == 1  # no package chosen
    assert await CouponRule.all().count() == 0
    await page.select_option("#r-package_id", str(p.id))
    await page.click("#save-rule")
    await page.wait_for_url("**saved=rule-*")
    r = await CouponRule.get(name="满50返券")
    assert (r.package_id, r.min_paid_fen, r.first_purchase_only, r.active) == (p.id, 5000, False, True)
    assert "返券包" in (await page.text_content(f"#rule-{r.id}") or "")
    # a mistaken rule is stopped from the page (it issued coupons on every payment until someone used the API),
    # and restarted; the package and the template likewise
    await page.click(f"#rule-{r.id}-toggle")
    await page.wait_for_url("**saved=rule-*")
    assert (await CouponRule.get(id=r.id)).active is False
    assert "停用" in (await page.text_content(f"#rule-{r.id}") or "")
    await page.click(f"#rule-{r.id}-toggle")
    await page.wait_for_url("**saved=rule-*")
    assert (await CouponRule.get(id=r.id)).active is True
    for kind, obj in (("package", p), ("template", await CouponTemplate.get(name="满100减10"))):
        await page.click(f"#{kind}-{obj.id}-toggle")
        await page.wait_for_url(f"**saved={kind}-*")
        assert (await type(obj).get(id=obj.id)).active is False
    # a forged value or an unknown id: a 4xx page, nothing changed
    csrf = next(c["value"] for c in await page.context.cookies() if c["name"] == "jifen_csrf")
    for path, value in ((f"/console/coupons/rule/{r.id}/active", "maybe"),
                        (f"/console/coupons/rule/{r.id + 999}/active", "off")):
        resp = await page.request.post(path, form={"_csrf": csrf, "active": value}, max_redirects=0)
        assert resp.status in (404, 422), (path, resp.status)
    assert (await CouponRule.get(id=r.id)).active is True


async def test_a_template_past_its_end_is_not_restarted(page: Any, rt: Any) -> None:
    """Restarting a template whose fixed end has passed would issue nothing, silently (template_expired at issue
    time): refused in Chinese on the page, still stopped."""
    from datetime import timedelta

    from app.clock import clock

    expired = await CouponTemplate.create(name="双11券", kind="amount_off", amount_off_fen=500, validity="fixed",
                                          valid_until=clock.now() - timedelta(days=1), active=False)
    await create_user("marketer", "小李", PASSWORD)
    await sign_in(page)
    await page.wait_for_url("**/console/dashboard")
    await page.goto("/console/coupons")
    await page.click(f"#template-{expired.id}-toggle")
    assert "截止日已过" in (await page.text_content("#template-error") or "")
    assert (await CouponTemplate.get(id=expired.id)).active is False
