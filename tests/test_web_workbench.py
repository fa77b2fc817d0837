"""The guide's workbench in a real (phone-sized) browser: opened through a WeCom OAuth code from the sandbox, it
shows only the guide's own tasks, forwards the text with one click and completes a task; a guide never
reaches the console."""

from __future__ import annotations

from typing import Any

import pytest

from models import SopAssignment
from sandbox.wecom_guides import guides_of
from sandbox.wecom_sop import reset
from tests.payhelpers import sandbox_call
from tests.test_sop_dispatch import template
from tests.test_sop_guide import dispatched, two_guides
from tests.webhelpers import browser_fixture, expect, page_fixture, screenshot  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def _fresh_sandbox(sandbox: Any) -> None:
    reset(sandbox.state)
    guides_of(sandbox.state).reset()


async def open_workbench(page: Any, sandbox: Any, userid: str) -> None:
    code = (await sandbox_call(sandbox, "POST", "/__sandbox__/wecom/oauth/codes", {"userid": userid}))["code"]
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto(f"/workbench/?code={code}")
    await page.wait_for_url("**/workbench/tasks")


async def test_guide_opens_the_workbench_sees_only_their_tasks_and_completes_one(
        page: Any, rt: Any, api: Any, sandbox: Any, staff_token: Any) -> None:
    a, b = await two_guides(sandbox)
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="community", channel="none", text="今晚8点群内抽奖，积分翻倍")
    task_id = await dispatched(api, mkt, tpl, [a.id, b.id], name="周五晚群内抽奖")
    mine = await SopAssignment.get(task_id=task_id, staff_id=a.id)
    theirs = await SopAssignment.get(task_id=task_id, staff_id=b.id)

    await open_workbench(page, sandbox, "ga")
    assert "code=" not in page.url  # the single-use code does not linger in the address bar
    assert await page.locator(f"#task-{mine.id}").count() == 1
    assert await page.locator(f"#task-{theirs.id}").count() == 0
    assert "待完成（1）" in (await page.text_content("#state-open") or "")
    await screenshot(page, "workbench")

    resp = await page.goto(f"/workbench/tasks/{theirs.id}")  # another guide's task: as if it did not exist
    assert resp.status == 404
    assert await page.get_attribute("#home", "href") == "/workbench/tasks"  # back to my tasks, not the console
    assert await page.locator("a[href^='/console']").count() == 0

    await page.goto("/workbench/tasks")
    await page.click(f"#task-{mine.id}")
    assert await page.text_content("#forward-text") == "今晚8点群内抽奖，积分翻倍\nhttps://example.com/event"
    assert await page.locator("#customers tr").count() == 3
    await page.click("#copy")
    await expect(page.locator("#copied")).to_have_text("已复制")  # the clipboard answers asynchronously
    assert await page.evaluate("navigator.clipboard.readText()") == "今晚8点群内抽奖，积分翻倍\nhttps://example.com/event"
    await screenshot(page, "workbench-task")

    await page.fill("#evidence", "https://example.com/shot.png")
    await page.fill("#note", "已在群里发送")
    await page.click("#complete")
    assert await page.text_content("#state") == "已完成"
    done = await SopAssignment.get(id=mine.id)
    assert done.state == "done" and done.completed_via == "guide"
    assert done.evidence == {"note": "已在群里发送", "evidence": {"url": "https://example.com/shot.png"}}
    assert (await SopAssignment.get(id=theirs.id)).state == "open"

    await page.click("text=我的数据")
    assert await page.text_content("#completion") == "100%"

    resp = await page.goto("/console/dashboard")  # a guide never reaches the console
    assert resp.status == 403
    assert "无权访问" in (await page.text_content("#forbidden") or "")
    assert await page.get_attribute("#home", "href") == "/workbench/tasks"  # where a guide works, not this 403


async def test_a_quiz_refuses_wrong_answers_next_to_the_quiz(page: Any, rt: Any, api: Any, sandbox: Any,
                                                              staff_token: Any) -> None:
    a, _ = await two_guides(sandbox)
    mkt = staff_token("marketer", 7)
    quiz = {"pass_mark": 1, "questions": [{"q": "会员日是每月几号？", "options": ["1号", "18号"], "answer": 1}]}
    tpl = await template(api, mkt, kind="learning", channel="none", quiz=quiz)
    task_id = await dispatched(api, mkt, tpl, [a.id])
    mine = await SopAssignment.get(task_id=task_id, staff_id=a.id)

    await open_workbench(page, sandbox, "ga")
    await page.click(f"#task-{mine.id}")
    await page.click("#complete")  # nothing answered
    assert await page.text_content("#answers-error") == "请回答所有题目"
    await page.check("input[name=q0][value='0']")
    await page.click("#complete")
    # the API's refusal (quiz_failed), in Chinese with its numbers
    assert await page.text_content("#answers-error") == "答对 0/1 题，需答对 1 题，请再试一次"
    assert (await SopAssignment.get(id=mine.id)).state == "open"
    await page.check("input[name=q0][value='1']")
    await page.click("#complete")
    assert await page.text_content("#state") == "已完成"


async def test_a_bad_or_used_code_is_refused_in_chinese(page: Any, rt: Any, sandbox: Any) -> None:
    resp = await page.goto("/workbench/?code=not-a-real-code")
    assert resp.status == 401
    assert "登录码无效或已过期" in (await page.text_content("#error") or "")
    resp = await page.goto("/workbench/tasks")
    assert page.url.endswith("/workbench/?next=/workbench/tasks")


async def test_customer_card_shows_points_tier_expiry_and_last_purchase_of_my_customers_only(
        page: Any, api: Any, seeded: Any, sandbox: Any) -> None:
    from datetime import timedelta

    from app.clock import SHANGHAI, clock
    from app.services.points import engine, queries
    from models import Payment
    from tests import sophelpers as h

    rt = seeded
    s = await h.store("A", "华东")
    await h.guide("ga", s.id)
    await h.guide("gb", s.id)
    _, member = await api.login("card-member")
    await engine.award(rt, member["id"], "purchase", "pay:card", {"amount_fen": 12800})
    paid_at = clock.now() - timedelta(hours=2)
    await Payment.create(transaction_id="tx-card", out_trade_no="o-card", mchid="m", appid="a", openid="o",
                         member_id=member["id"], total_fen=12800, payer_total_fen=12800, success_time=paid_at,
                         created_at=paid_at, updated_at=paid_at)
    await h.customer(sandbox, "ga", "wmMine", member_id=member["id"])
    await h.customer(sandbox, "ga", "wmGuest")
    await h.customer(sandbox, "gb", "wmTheirs", member_id=member["id"])
    summary = await queries.summary(rt, member["id"])

    await open_workbench(page, sandbox, "ga")
    await page.goto("/workbench/customers/wmMine")
    assert await page.text_content("#balance") == str(summary["balance"]) != "0"
    assert await page.text_content("#tier") == summary["tier"]["name"]
    assert await page.text_content("#last-purchase") == f"{paid_at.astimezone(SHANGHAI):%Y-%m-%d %H:%M} · ¥128.00"
    first = summary["expiring"][0]
    assert await page.text_content("#expiring-0") == f"{first['date']} 过期 {first['amount']} 积分"
    await screenshot(page, "workbench-customer")
    await page.goto("/workbench/customers/wmGuest")
    assert await page.text_content("#not-member") == "该客户还不是会员"
    resp = await page.goto("/workbench/customers/wmTheirs")  # another guide's customer: as if missing
    assert resp.status == 404


async def test_sign_in_lands_on_the_page_the_guide_was_opening(page: Any, rt: Any, sandbox: Any,
                                                                monkeypatch: Any) -> None:
    """A guide taps a task's link without a session: /workbench/?next=<the task>; the WeCom sign-in link carries
    that page in OAuth's `state` (hex: WeCom allows [a-zA-Z0-9] only) and sign-in lands there, not on the list.
    Another site in `next` or `state` is never a destination. A refused code offers the sign-in link again."""
    from urllib.parse import parse_qs, urlparse

    monkeypatch.setattr(rt.settings.guides, "oauth_redirect_uri", "https://jifen.example.com/workbench/")
    await two_guides(sandbox)
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto("/workbench/stats")
    assert page.url.endswith("/workbench/?next=/workbench/stats")
    link = await page.get_attribute("#signin", "href")
    state = parse_qs(urlparse(link or "").query)["state"][0]
    assert state.isalnum() and len(state) <= 128
    code = (await sandbox_call(sandbox, "POST", "/__sandbox__/wecom/oauth/codes", {"userid": "ga"}))["code"]
    await page.goto(f"/workbench/?code={code}&state={state}")
    assert urlparse(page.url).path == "/workbench/stats"
    # signed in: ?next= goes straight there; another site is not followed (state or next)
    await page.goto("/workbench/?next=/workbench/tasks")
    assert urlparse(page.url).path == "/workbench/tasks"
    for bad in ("https://evil.example/x", "//evil.example/x", "/console/dashboard"):
        await page.goto(f"/workbench/?next={bad}")
        assert urlparse(page.url).path == "/workbench/tasks" and urlparse(page.url).netloc.startswith("127.0.0.1")
        code = (await sandbox_call(sandbox, "POST", "/__sandbox__/wecom/oauth/codes", {"userid": "ga"}))["code"]
        await page.goto(f"/workbench/?code={code}&state=p{bad.encode().hex()}")
        assert urlparse(page.url).path == "/workbench/tasks"
    # a refused code: the message and the way to sign in again
    await page.context.clear_cookies()
    resp = await page.goto(f"/workbench/?code=not-a-real-code&state={state}")
    assert resp.status == 401
    assert await page.text_content("#signin") == "重新登录"
    retry = await page.get_attribute("#signin", "href")
    assert parse_qs(urlparse(retry or "").query)["state"][0] == state  # still on the way to the page asked for
