"""Members in the console, in a real browser: find a member by phone, read her page, adjust her points with a
reason; above a marketer's limit the page shows the API's 403 approval_required and files the request, which an
admin approves from the same page (applied once, through the ledger)."""

from __future__ import annotations

from typing import Any

from app.web.passwords import create_user
from models import (
    AdjustmentRequest,
    Coupon,
    CustomerGroup,
    ExternalContact,
    GroupMember,
    MallRedemption,
    Member,
    MemberGuide,
    PointEntry,
    StaffUser,
)
from tests.test_web_console import PASSWORD, sign_in
from tests.webhelpers import browser_fixture, page_fixture  # noqa: F401  (fixtures)


async def _signed_in(page: Any, role: str, name: str) -> None:
    await create_user(role, name, PASSWORD)
    await sign_in(page, name)
    await page.wait_for_url("**/console/dashboard")


async def test_marketer_finds_a_member_adjusts_and_files_an_approval_above_the_limit(
        page: Any, rt: Any, api: Any) -> None:
    _, alice = await api.login("alice-web")
    await api.login("bob-web")
    await Member.filter(id=alice["id"]).update(phone="13912345678", nickname="爱丽丝")
    guide = await StaffUser.create(name="王导购", role="guide")
    await MemberGuide.create(member_id=alice["id"], staff_id=guide.id, source="admin", created_at=rt.clock.now())
    await _signed_in(page, "marketer", "小李")

    await page.click("header a[href='/console/members']")
    await page.fill("#q", "13912345678")
    await page.click("#search")
    rows = page.locator("#members tr")
    assert await rows.count() == 2  # the header and alice only
    await page.click(f"#members a:text('{alice['id']}')")
    await page.wait_for_url(f"**/console/members/{alice['id']}")
    assert await page.text_content("#balance") == "0"
    assert "王导购" in (await page.text_content("#guides") or "")

    # bad input: the API's own refusals, in Chinese, next to their fields, nothing posted
    await page.fill("#amount", "abc")
    await page.fill("#reason", "")
    await page.click("#adjust")
    assert "请填写整数" in (await page.text_content("#amount-error") or "")
    assert "不能为空" in (await page.text_content("#reason-error") or "")
    await page.fill("#amount", "0")
    await page.fill("#reason", "补偿")
    await page.click("#adjust")
    assert await page.text_content("#amount-error") == "不能为 0"
    assert await page.input_value("#reason") == "补偿"  # what was typed is kept
    assert await PointEntry.filter(member_id=alice["id"]).count() == 0

    await page.fill("#amount", "120")
    await page.fill("#reason", "物流延误补偿")
    await page.click("#adjust")
    await page.wait_for_url("**?done=entry-*")
    assert await page.text_content("#balance") == "120"
    assert "物流延误补偿" in (await page.text_content("#ledger") or "")
    # a reload of the result (or the same form twice) cannot apply it again: one form, one idempotency key
    await page.reload()
    assert (await Member.get(id=alice["id"])).balance == 120

    # above a marketer's per-adjustment limit (config adjustments.marketer_max_points): 403, shown, nothing applied
    limit = rt.settings.adjustments.marketer_max_points
    await page.fill("#amount", str(limit + 1))
    await page.fill("#reason", "大客户回馈")
    await page.click("#adjust")
    assert "需提交审批申请" in (await page.text_content("#error") or "")
    assert (await Member.get(id=alice["id"])).balance == 120
    await page.click("#file-request")
    await page.wait_for_url("**?done=request-*")
    req = await AdjustmentRequest.get(member_id=alice["id"])
    assert (req.state, req.amount, req.reason) == ("pending", limit + 1, "大客户回馈")
    assert "待管理员审批" in (await page.text_content(f"#request-{req.id}") or "")
    assert await page.locator(f"#request-{req.id} button.approve").count() == 0  # marketers cannot approve

    # an admin approves it from the member's page: applied once through the ledger
    await page.click("text=退出登录")
    await _signed_in(page, "admin", "老王")
    await page.goto("/console/members")
    await page.click("#pending-requests")  # the approval queue, across members
    assert "大客户回馈" in (await page.text_content(f"#request-{req.id}") or "")
    await page.click(f"#request-{req.id} a")
    await page.wait_for_url(f"**/console/members/{alice['id']}")
    await page.click(f"#request-{req.id} button.approve")
    await page.wait_for_url("**?done=request-*-approve")
    assert await page.text_content("#balance") == str(120 + limit + 1)
    assert (await AdjustmentRequest.get(id=req.id)).state == "approved"
    assert await page.locator(f"#request-{req.id}").count() == 0
    assert await PointEntry.filter(member_id=alice["id"], kind="adjust").count() == 2
    await page.goto("/console/adjustment-requests")
    assert await page.locator("#requests tr[id^=request-]").count() == 0


async def test_member_page_pages_the_ledger_and_lists_coupons(page: Any, rt: Any, api: Any) -> None:
    from app.services.points import ledger

    _, carol = await api.login("carol-web")
    for i in range(25):
        await ledger.adjust(carol["id"], 1, f"t:{i}", now=rt.clock.now(), reason=f"第{i}笔", operator="test",
                           expires_at=None)
    await Coupon.create(code="CP-WEB-1", issue_key="k1", template_id=1, member_id=carol["id"], name="满100减10",
                        kind="amount_off", amount_off_fen=1000, valid_from=rt.clock.now(),
                        valid_until=rt.clock.now(), issued_at=rt.clock.now())
    contact = await ExternalContact.create(external_userid="wm-carol", member_id=carol["id"], created_at=rt.clock.now(),
                                           updated_at=rt.clock.now())
    await CustomerGroup.create(chat_id="wr-vip", name="VIP 福利群", created_at=rt.clock.now(),
                               updated_at=rt.clock.now())
    await CustomerGroup.create(chat_id="wr-left", name="已退的群", created_at=rt.clock.now(),
                               updated_at=rt.clock.now())
    for chat, status in (("wr-vip", "active"), ("wr-left", "left")):
        await GroupMember.create(chat_id=chat, userid=contact.external_userid, kind="external", status=status,
                                 joined_at=rt.clock.now())
    await MallRedemption.create(member_id=carol["id"], reward_id=1, idem_key="r1", request_hash="h", kind="gift",
                                reward_name="保温杯", points=800, day=rt.clock.today(), state="completed",
                                fulfilment="shipped", created_at=rt.clock.now(), updated_at=rt.clock.now())
    await _signed_in(page, "marketer", "小李")
    await page.goto(f"/console/members?q={carol['id']}")
    await page.click(f"#members a:text('{carol['id']}')")
    assert await page.locator("#ledger tr[id^=entry-]").count() == 20
    assert "第24笔" in (await page.text_content("#ledger") or "")
    await page.click("#ledger-next")
    assert await page.locator("#ledger tr[id^=entry-]").count() == 5
    assert "第0笔" in (await page.text_content("#ledger") or "")
    assert "CP-WEB-1" in (await page.text_content("#coupons") or "")
    assert await page.text_content("#groups") == "VIP 福利群"  # the group she left is not listed
    assert "保温杯" in (redemption := await page.text_content("#redemptions") or "") and "已发货" in redemption
    # an unknown member and a forged cursor: plain 404 / 422 pages, never a 500
    resp = await page.request.get("/console/members/999999")
    assert resp.status == 404
    resp = await page.request.get(f"/console/members/{carol['id']}?cursor=%%%")
    assert resp.status == 422  # as the API answers a malformed cursor


async def test_the_same_adjustment_form_submitted_in_parallel_applies_once(page: Any, rt: Any, api: Any) -> None:
    """A double click, a resubmitted form, several tabs: one form carries one idempotency key, so the ledger
    applies it once (on PostgreSQL too, where the posts really run in parallel)."""
    import asyncio

    _, dan = await api.login("dan-web")
    await _signed_in(page, "marketer", "小李")
    await page.goto(f"/console/members/{dan['id']}")
    key = await page.get_attribute("form[action$='/adjustments'] input[name=idempotency_key]", "value")
    csrf = next(c["value"] for c in await page.context.cookies() if c["name"] == "jifen_csrf")
    form = {"_csrf": csrf, "idempotency_key": key, "amount": "300", "reason": "重复提交"}
    answers = await asyncio.gather(*(page.request.post(f"/console/members/{dan['id']}/adjustments", form=form)
                                     for _ in range(6)))
    assert all(a.status == 200 for a in answers)  # each followed its redirect to the member's page
    assert await PointEntry.filter(member_id=dan["id"], kind="adjust").count() == 1
    assert (await Member.get(id=dan["id"])).balance == 300
    # a fresh form is a new key: a second, deliberate adjustment applies
    await page.reload()
    await page.fill("#amount", "5")
    await page.fill("#reason", "再补 5 分")
    await page.click("#adjust")
    await page.wait_for_url("**?done=entry-*")
    assert await page.text_content("#balance") == "305"


async def test_the_member_search_finds_by_phone_or_id_and_shrugs_at_anything_else(
        app: Any, api: Any, http_session: Any, staff_token: Any) -> None:
    """By phone (exact) or id; a search longer than any phone finds nothing (it had been a 500 when the ORM refused
    to compare it with the phone column: tests/formfuzz.py)."""
    _, alice = await api.login("search-alice")
    _, bob = await api.login("search-bob")
    await Member.filter(id=alice["id"]).update(phone="13912345678")
    await Member.filter(id=bob["id"]).update(phone=str(alice["id"]))  # a phone that reads like alice's id

    token = staff_token("marketer")
    await staff_token.flush()

    async def found(q: str) -> set[int]:
        async with http_session.get(f"{app.ctx.test_url}/console/members", params={"q": q}, allow_redirects=False,
                                    headers={"Cookie": f"jifen_staff={token}"}) as resp:
            assert resp.status == 200, await resp.text()
            page = await resp.text()
        return {m.id for m in await Member.all() if f'href="/console/members/{m.id}"' in page}

    assert await found("13912345678") == {alice["id"]}
    assert await found(str(alice["id"])) == {alice["id"], bob["id"]}  # her id, and his phone
    assert await found("0" * 40 + str(bob["id"])) == set()  # longer than any phone or id
    assert await found("9" * 3000) == set()
    assert await found("no-such-phone") == set()
