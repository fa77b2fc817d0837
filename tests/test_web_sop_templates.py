"""SOP templates and task cancel in a real browser: a marketer creates templates (bad input refused next to the
field), creates a task from one, then cancels the task after confirming; the fanned-out assignments close."""

from __future__ import annotations

from typing import Any

import pytest

from app.clock import clock
from app.services.sop import service
from models import SopAssignment, SopTask, SopTemplate
from sandbox.wecom_sop import reset
from tests import sophelpers as h
from tests.contenthelpers import shanghai
from tests.test_web_mall import signed_in
from tests.webhelpers import browser_fixture, page_fixture  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def _sop_sandbox(sandbox: Any) -> None:
    reset(sandbox.state)


async def test_templates_a_task_from_one_and_cancel(page: Any, rt: Any, sandbox: Any) -> None:
    s = await h.store("A", "华东")
    ga = await h.guide("ga", s.id)
    for i in range(3):
        m = await h.member()
        await h.customer(sandbox, "ga", f"wm{i:02d}", member_id=m.id)
    await signed_in(page)
    await page.click("text=SOP 任务")
    await page.click("#templates-link")
    # bad input: the API's messages next to the fields, nothing saved
    await page.select_option("#kind", "invitation")
    await page.fill("#name", "")
    await page.fill("#link_url", "ftp://x")
    await page.click("#save-template")
    assert "不能为空" in (await page.text_content("#name-error") or "")
    assert "格式不正确" in (await page.text_content("#link_url-error") or "")
    await page.select_option("#kind", "tagging")
    await page.fill("#name", "打标签")
    await page.fill("#link_url", "")
    await page.click("#save-template")
    assert "选择打标签时必填" in (await page.text_content("#tag_ids-error") or "")
    await page.select_option("#kind", "learning")
    await page.fill("#name", "新品培训")
    await page.fill("#quiz", "保温杯保温几小时|6|12|5")  # option 5 of 2
    await page.click("#save-template")
    assert "第 1 行格式" in (await page.text_content("#quiz-error") or "")
    assert await SopTemplate.all().count() == 0
    # a good one: learning with a two-question quiz, pass mark 1
    await page.fill("#text", "冬季新品保温杯卖点")
    await page.fill("#quiz", "保温杯保温几小时|6|12|2\n容量多少|350ml|500ml|1")
    await page.fill("#pass_mark", "1")
    await page.click("#save-template")
    tpl = await SopTemplate.get(name="新品培训")
    assert tpl.kind == "learning" and tpl.content["quiz"]["pass_mark"] == 1
    assert [q["answer"] for q in tpl.content["quiz"]["questions"]] == [1, 0]
    row = page.locator(f"#t-{tpl.id}")
    assert "测验 2 题" in (await row.text_content() or "")
    # a task from it: the task form opens with the template chosen
    await row.locator("a.use").click()
    await page.wait_for_url("**/console/sop/new?template_id=*")
    assert await page.input_value("#template_id") == str(tpl.id)
    await page.select_option("#staff_ids", value=str(ga.id))
    await page.click("#create-task")
    await page.wait_for_url("**/console/sop/*")
    task = await SopTask.get(template_id=tpl.id)
    assert task.name == "新品培训" and task.kind == "learning"
    clock.set(shanghai(2026, 12, 1, 9, 1))
    assert await service.dispatch_due(clock.now(), 10)
    assert await SopAssignment.filter(task_id=task.id, state="open").count() == 1
    await page.goto(f"/console/sop/{task.id}")
    # cancel asks first: dismissed, nothing happens
    page.once("dialog", lambda d: d.dismiss())
    await page.click("#cancel-task")
    assert (await SopTask.get(id=task.id)).status != "cancelled"
    messages: list[str] = []

    async def accept(d: Any) -> None:
        messages.append(d.message)
        await d.accept()

    page.once("dialog", accept)
    await page.click("#cancel-task")
    await page.wait_for_selector("text=已取消")
    assert "新品培训" in messages[0]
    assert (await SopTask.get(id=task.id)).status == "cancelled"
    assert await SopAssignment.filter(task_id=task.id, state="cancelled").count() == 1
    assert await page.locator("#cancel-task").count() == 0
    # garbage and CSRF-less posts: 4xx, never 500
    csrf = await page.input_value("input[name=_csrf] >> nth=0")
    resp = await page.request.post("/console/sop/999999/cancel", form={"_csrf": csrf})
    assert resp.status == 404
    resp = await page.request.post(f"/console/sop/{task.id}/cancel", form={})
    assert resp.status == 403
    resp = await page.request.post("/console/sop/templates", form={"_csrf": csrf, "kind": "x" * 500,
                                                                   "name": "\x00", "pass_mark": "zz"})
    assert resp.status == 422
    resp = await page.request.post("/console/sop/templates", form={"_csrf": csrf, "kind": "learning", "name": "q",
                                                                   "quiz": "a|b|c|1", "pass_mark": "zz"})
    assert resp.status == 422 and "pass_mark-error" in await resp.text()
