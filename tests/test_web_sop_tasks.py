"""SOP task creation and its outcome report in a real browser: a marketer creates a task (template, guide,
segment, start, deadline, holdout) from the form, bad input is answered next to the field, the scheduler fans it
out, and the outcome page shows targeted vs holdout as the report service computes it, with its CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest

from app.clock import clock
from app.services.sop import report, service
from models import SopRecipient, SopTask
from sandbox.wecom_sop import reset
from tests import sophelpers as h
from tests.contenthelpers import shanghai
from tests.test_sop_dispatch import template
from tests.test_sop_report import checkin
from tests.test_web_mall import signed_in
from tests.webhelpers import browser_fixture, page_fixture  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def _sop_sandbox(sandbox: Any) -> None:
    reset(sandbox.state)


async def test_marketer_creates_a_task_and_reads_its_outcome(page: Any, rt: Any, api: Any, sandbox: Any,
                                                             staff_token: Any) -> None:
    s = await h.store("A", "华东")
    ga, gb = await h.guide("ga", s.id), await h.guide("gb", s.id)
    for i in range(12):
        m = await h.member()
        await h.customer(sandbox, "ga", f"wm{i:02d}", member_id=m.id)
    await h.customer(sandbox, "gb", "wmB0")
    await template(api, staff_token("marketer", 7), kind="mass_message", channel="none", text="会员日积分翻倍")

    await signed_in(page)
    await page.click("text=SOP 任务")
    await page.click("#new-task")
    assert await page.input_value("#start_date") == (clock.today() + timedelta(days=1)).isoformat()
    assert await page.locator("#staff_ids option").all_text_contents() == ["导购ga（店A）", "导购gb（店A）"]
    assert await page.locator(f"#staff_ids option[value='{gb.id}']").count() == 1
    # bad input: the API's own refusals, in Chinese, next to their fields, nothing created
    await page.select_option("#template_id", label="mass_message模板（群发）")
    await page.select_option("#staff_ids", value=str(ga.id))
    await page.fill("#holdout_pct", "60")
    await page.fill("#tier_min", "-1")
    await page.click("#create-task")
    assert "不能大于 5000" in (await page.text_content("#holdout_pct-error") or "")
    assert "不能小于 0" in (await page.text_content("#tier_min-error") or "")
    assert await page.input_value("#holdout_pct") == "60"  # what was typed is kept
    # no target at all: the model's refusal at the top of the form
    await page.select_option("#staff_ids", [])
    await page.fill("#holdout_pct", "50")
    await page.fill("#tier_min", "")
    await page.click("#create-task")
    assert "请至少选择门店" in (await page.text_content("#error") or "")
    assert await SopTask.all().count() == 0

    await page.select_option("#staff_ids", value=str(ga.id))
    await page.check("#members_only")
    await page.fill("#name", "会员日群发")
    await page.click("#create-task")
    await page.wait_for_url("**/console/sop/*")
    task = await SopTask.get(name="会员日群发")
    assert task.targets["staff_ids"] == [ga.id] and task.holdout_bp == 5000
    assert task.segment == {"members_only": True}
    assert task.start_at == shanghai(2026, 12, 1, 9, 0)
    assert task.deadline_at == shanghai(2026, 12, 3, 21, 0)

    clock.set(shanghai(2026, 12, 1, 9, 1))
    assert (await service.dispatch_due(clock.now(), 10))
    rows = await SopRecipient.filter(task_id=task.id).order_by("external_userid")
    targeted = [r for r in rows if not r.holdout and r.member_id]
    held = [r for r in rows if r.holdout and r.member_id]
    assert targeted and held and not any(r.external_userid == "wmB0" for r in rows)  # only ga's customers
    await checkin(targeted[0].member_id, clock.now() + timedelta(hours=1))
    await checkin(targeted[-1].member_id, clock.now() + timedelta(days=2))
    await checkin(held[0].member_id, clock.now() + timedelta(days=9))  # outside 7 days

    await page.goto(f"/console/sop/{task.id}")
    await page.click("#outcome-link")
    effect = await report.effect(task.id, 7)
    assert effect["targeted"]["checked_in"] == 2 and effect["holdout"]["checked_in"] == 0
    for group in ("targeted", "holdout"):
        row = page.locator(f"#row-{group}")
        assert await row.locator(".members").text_content() == str(effect[group]["members"])
        assert await row.locator(".checked_in").text_content() == str(effect[group]["checked_in"])
    await page.fill("#days", "10")
    await page.click("text=刷新")
    assert await page.locator("#row-holdout .checked_in").text_content() == "1"
    await page.click("#csv")  # the export runs as a long action: its page, then the download
    await page.wait_for_url("**/console/operations/*")
    await page.wait_for_selector("#download")
    href = await page.get_attribute("#download", "href")
    resp = await page.request.get(href)
    assert resp.status == 200 and resp.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO((await resp.body()).decode("utf-8-sig"))))  # after its BOM
    assert [(r["group"], r["checked_in"]) for r in table] == [("targeted", "2"), ("holdout", "1")]
