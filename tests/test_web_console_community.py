"""Community in the console, in a real browser: an admin creates an interaction source and sees its secret once;
unknown and failed WeCom events are listed with a retry button (admins only) that requeues them, audited."""

from __future__ import annotations

from typing import Any

from app.web.passwords import create_user
from models import CommunitySource, WecomEvent, WecomEventRetry
from tests.test_web_console import PASSWORD, sign_in
from tests.webhelpers import browser_fixture, page_fixture  # noqa: F401  (fixtures)


async def _event(rt: Any, status: str, event: str = "change_external_chat", error: str | None = None) -> WecomEvent:
    now = rt.clock.now()
    return await WecomEvent.create(event_key=f"web:{status}:{event}", event=event, change_type="mystery",
                                   payload={"Event": event}, status=status, attempts=3 if status == "failed" else 0,
                                   next_attempt_at=now, last_error=error, received_at=now)


async def test_admin_creates_a_source_sees_the_secret_once_and_retries_events(page: Any, rt: Any) -> None:
    ignored = await _event(rt, "ignored", "brand_new_event")
    failed = await _event(rt, "failed", error="timeout")
    done = await _event(rt, "done", "add_external_contact")
    await create_user("admin", "老王", PASSWORD)
    await sign_in(page, "老王")
    await page.wait_for_url("**/console/dashboard")
    await page.click("header a[href='/console/community']")

    await page.click("#create-source")
    assert "不能为空" in (await page.text_content("#name-error") or "")
    assert await CommunitySource.all().count() == 0
    await page.fill("#name", "小程序社区")
    await page.click("#create-source")
    source = await CommunitySource.get(name="小程序社区")
    assert await page.text_content("#secret") == source.secret
    assert "只显示这一次" in (await page.text_content("#created") or "")
    await page.goto("/console/community")
    assert await page.locator("#secret").count() == 0  # never again
    assert source.secret not in await page.content()
    assert "小程序社区" in (await page.text_content(f"#source-{source.id}") or "")

    # default view: unknown events; the failed ones behind their filter; done ones have no retry
    assert await page.locator(f"#event-{ignored.id}").count() == 1
    assert await page.locator(f"#event-{failed.id}").count() == 0
    await page.click(f"#event-{ignored.id} button.retry")
    await page.wait_for_url(f"**retried={ignored.id}")
    audit = await WecomEventRetry.get(event_id=ignored.id)
    assert (audit.status_before, audit.operator) == ("ignored", f"admin:{(await _admin()).id}")
    await page.goto("/console/community?status=failed")
    assert "timeout" in (await page.text_content(f"#event-{failed.id}") or "")
    await page.click(f"#event-{failed.id} button.retry")
    await page.wait_for_url(f"**retried={failed.id}")
    assert await WecomEventRetry.filter(event_id=failed.id).count() == 1
    await page.goto("/console/community?status=done")
    assert await page.locator(f"#event-{done.id} button.retry").count() == 0
    csrf = next(c["value"] for c in await page.context.cookies() if c["name"] == "jifen_csrf")
    resp = await page.request.post(f"/console/community/events/{done.id}/retry", form={"_csrf": csrf})
    assert resp.status == 409 and "无需重试" in await resp.text()


async def _admin() -> Any:
    from models import StaffUser

    return await StaffUser.get(name="老王")


async def test_marketer_sees_sources_and_events_but_no_admin_actions(page: Any, rt: Any) -> None:
    ignored = await _event(rt, "ignored", "brand_new_event")
    await create_user("marketer", "小李", PASSWORD)
    await sign_in(page)
    await page.wait_for_url("**/console/dashboard")
    await page.goto("/console/community")
    assert await page.locator(f"#event-{ignored.id}").count() == 1
    assert await page.locator("button.retry").count() == 0
    assert await page.locator("#create-source").count() == 0
    csrf = next(c["value"] for c in await page.context.cookies() if c["name"] == "jifen_csrf")
    resp = await page.request.post("/console/community/sources", form={"_csrf": csrf, "name": "x"})
    assert resp.status == 403
    resp = await page.request.post(f"/console/community/events/{ignored.id}/retry", form={"_csrf": csrf})
    assert resp.status == 403
    assert await CommunitySource.all().count() == 0 and await WecomEventRetry.all().count() == 0
