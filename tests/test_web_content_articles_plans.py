"""Multi-article editions and campaign plans in a real browser: a marketer reorders, edits, removes and adds an
edition's articles (the API's limits and messages next to the fields), and edits a plan's goal, target and dates
from the plans list that shows each plan's target against what the ledger measured."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

from app.services.content import plans
from models import ContentArticle, ContentPlan
from tests.contenthelpers import PNG, make_edition, sandbox_oa, upload
from tests.test_web_mall import signed_in
from tests.webhelpers import browser_fixture, page_fixture  # noqa: F401  (fixtures)

COVER = [{"name": "cover.png", "mimeType": "image/png", "buffer": base64.b64decode(PNG)}]


async def titles(edition_id: int) -> list[str]:
    return [a.title for a in await ContentArticle.filter(edition_id=edition_id).order_by("idx")]


async def test_marketer_edits_an_editions_articles(page: Any, api: Any, rt: Any, app: Any, sandbox: Any,
                                                   staff_token: Any) -> None:
    sandbox_oa(sandbox, app)
    mkt = staff_token("marketer", 7)
    cover = await upload(api, mkt)
    ed = await make_edition(api, mkt, cover["id"], title="第3期")
    assert await titles(ed["id"]) == ["会员日", "品牌故事", "积分换礼"]
    await signed_in(page)
    await page.goto(f"/console/editions/{ed['id']}")
    assert await page.locator("#articles .article").count() == 3
    # reorder: the third one up
    await page.locator("#article-2 form.up button").click()
    await page.wait_for_url(f"**/console/editions/{ed['id']}*")
    assert await titles(ed["id"]) == ["会员日", "积分换礼", "品牌故事"]
    # edit the first: an empty title is refused next to it, then a good one saved with a new position role
    first = page.locator("#article-0")
    await first.locator("input[name=title]").fill("")
    await first.locator("form.edit-article button").click()
    assert "不能为空" in (await page.locator("#article-0 .title-error").text_content() or "")
    assert await titles(ed["id"]) == ["会员日", "积分换礼", "品牌故事"]
    await page.locator("#article-0 input[name=title]").fill("冬季会员日")
    await page.locator("#article-0 textarea[name=content]").fill("<p>积分翻倍</p>")
    await page.locator("#article-0 form.edit-article button").click()
    await page.wait_for_url(f"**/console/editions/{ed['id']}*")
    a0 = await ContentArticle.get(edition_id=ed["id"], idx=0)
    assert (a0.title, a0.content, a0.role) == ("冬季会员日", "<p>积分翻倍</p>", "headline")
    # remove the last one (after confirming)
    page.once("dialog", lambda d: d.accept())
    await page.locator("#article-2 form.delete button").click()
    await page.wait_for_url(f"**/console/editions/{ed['id']}*")
    assert await titles(ed["id"]) == ["冬季会员日", "积分换礼"]
    # add one: without a cover it is refused next to the cover input, with one appended
    await page.fill("#add-title", "门店活动")
    await page.fill("#add-content", "<p>到店领券</p>")
    await page.click("#add-article-go")
    assert await page.locator("#add-article .cover-error").text_content() == "请上传封面图片"
    assert await page.input_value("#add-title") == "门店活动"  # what was typed is kept
    await page.set_input_files("#add-cover", files=COVER)
    await page.click("#add-article-go")
    await page.wait_for_url(f"**/console/editions/{ed['id']}*")
    assert await titles(ed["id"]) == ["冬季会员日", "积分换礼", "门店活动"]
    assert [t.strip() for t in await page.locator("#article-list .title").all_text_contents()] == [
        "冬季会员日", "积分换礼", "门店活动"]
    # the last one cannot be removed (the API's own minimum), nor can a bad index or direction be posted
    csrf = await page.input_value("input[name=_csrf] >> nth=0")
    for n in (2, 1):
        resp = await page.request.post(f"/console/editions/{ed['id']}/articles/{n}/delete", form={"_csrf": csrf})
        assert resp.status == 303 or resp.status == 200
    resp = await page.request.post(f"/console/editions/{ed['id']}/articles/0/delete", form={"_csrf": csrf})
    assert resp.status == 422 and "至少 1 项" in await resp.text()
    assert await titles(ed["id"]) == ["冬季会员日"]
    for path, form in ((f"/console/editions/{ed['id']}/articles/5/move", {"direction": "up"}),
                       (f"/console/editions/{ed['id']}/articles/0/move", {"direction": "sideways"}),
                       (f"/console/editions/{ed['id']}/articles/9", {"title": "x", "content": "y"}),
                       (f"/console/editions/{ed['id']}/articles", {"title": "x" * 100, "role": "nope"}),
                       ("/console/editions/999999/articles/0/delete", {})):
        resp = await page.request.post(path, form={"_csrf": csrf, **form})
        assert resp.status in (404, 422), (path, resp.status)
    resp = await page.request.post(f"/console/editions/{ed['id']}/articles/0/delete", form={})
    assert resp.status == 403  # no CSRF token


async def test_marketer_creates_and_edits_a_plan_with_target_vs_actual(page: Any, rt: Any) -> None:
    await signed_in(page)
    await page.click("text=内容日历")
    await page.click("#plans-link")
    # a new plan: bad input refused next to the field / at the top (periods out of order), nothing saved
    await page.fill("#name", "双十二")
    await page.fill("#goal", "拉动签到")
    await page.fill("#goal_target", "-5")
    await page.click("#create-plan")
    assert "必须大于 0" in (await page.text_content("#goal_target-error") or "")
    assert "请填写有效的日期" in (await page.text_content("#warmup_on-error") or "")
    for field, day in (("warmup_on", "2026-12-01"), ("formal_on", "2026-12-08"), ("closing_on", "2026-12-05"),
                       ("ends_on", "2026-12-14")):
        await page.fill(f"#{field}", day)
    await page.fill("#goal_target", "100")
    await page.click("#create-plan")
    assert "各阶段日期需依次排列" in (await page.text_content("#error") or "")
    assert await ContentPlan.all().count() == 0
    await page.fill("#closing_on", "2026-12-12")
    await page.click("#create-plan")
    await page.wait_for_url("**/console/plans/*")
    made = {"id": (await ContentPlan.get(name="双十二")).id}
    await page.click("text=‹ 全部方案")
    row = page.locator(f"#plan-{made['id']}")
    measured = (await plans.view(rt, made["id"]))["progress"]
    assert await row.locator(".target").text_content() == "100"
    assert await row.locator(".actual").text_content() == str(measured["actual"])
    await row.locator("a").click()
    await page.wait_for_url(f"**/console/plans/{made['id']}")
    # bad input: the API's messages next to the field, or (periods out of order) at the top; nothing saved
    await page.fill("#goal_target", "0")
    await page.click("#save-plan")
    assert "必须大于 0" in (await page.text_content("#goal_target-error") or "")
    await page.fill("#goal_target", "250")
    await page.fill("#closing_on", "2026-12-20")
    await page.click("#save-plan")
    assert "各阶段日期需依次排列" in (await page.text_content("#error") or "")
    assert await page.input_value("#closing_on") == "2026-12-20"  # kept as typed
    assert (await ContentPlan.get(id=made["id"])).goal_target == 100
    await page.fill("#closing_on", "2026-12-11")
    await page.fill("#goal", "拉动签到与兑换")
    await page.select_option("#goal_metric", "redemptions")
    await page.click("#save-plan")
    await page.wait_for_url(f"**/console/plans/{made['id']}")
    p = await ContentPlan.get(id=made["id"])
    assert (p.goal, p.goal_metric, p.goal_target, p.closing_on) == ("拉动签到与兑换", "redemptions", 250,
                                                                    date(2026, 12, 11))
    assert await page.text_content("#target") == "250"
    csrf = await page.input_value("input[name=_csrf] >> nth=0")
    for form in ({"goal_target": "abc"}, {"warmup_on": "yesterday"}, {"goal_metric": "x"}, {"name": ""}):
        resp = await page.request.post(f"/console/plans/{made['id']}", form={"_csrf": csrf, **form})
        assert resp.status == 422, form
    assert (await page.request.post("/console/plans/999999", form={"_csrf": csrf})).status == 404
    assert (await page.request.post(f"/console/plans/{made['id']}", form={"goal": "x"})).status == 403
