"""The console says what it shows in Chinese and by name, over plain HTTP (no browser): an SOP task's kind
(邀约, not `invitation`), a member's guides as the community graph knows them (the primary WeCom guide, not only
the guide a payment assigned: a member who only added a guide in WeCom had read 未绑定导购), the ledger's entry
kinds and events (消耗 · 积分商城兑换, not `spend mall_redeem`) and who asked for an adjustment (小李, not
`marketer:5`)."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta
from typing import Any

from app.auth import issue_token
from app.clock import clock
from app.services.points import ledger
from app.services.staff.service import names_of
from models import ContactFollow, ExternalContact, MemberGuide, StaffUser
from tests import sophelpers as h
from tests.test_sop_dispatch import task, template


async def _staff(rt: Any, name: str, role: str = "marketer") -> tuple[StaffUser, str]:
    staff = await StaffUser.create(name=name, role=role)
    return staff, issue_token(rt.settings.auth.secret, staff.id, role, int(clock.now().timestamp()), 3600)


async def _page(app: Any, http_session: Any, token: str, path: str) -> str:
    async with http_session.get(f"{app.ctx.test_url}{path}", allow_redirects=False,
                                headers={"Cookie": f"jifen_staff={token}"}) as resp:
        assert resp.status == 200, (path, resp.status)
        return await resp.text()


def _cell(page: str, element_id: str) -> str:
    """The text of the element with this id (its tags dropped)."""
    match = re.search(rf'<(\w+)[^>]*\bid="{element_id}"[^>]*>(.*?)</\1>', page, re.S)
    assert match, element_id
    return re.sub(r"<[^>]+>", " ", match.group(2))


async def test_sop_task_kind_is_shown_in_chinese(app: Any, api: Any, rt: Any, http_session: Any) -> None:
    store = await h.store("K1", "华东")
    await h.guide("gk1", store.id)
    _, mkt = await _staff(rt, "小李")
    tpl = await template(api, mkt, kind="invitation")
    body = await task(api, mkt, tpl, name="会员日邀约", targets={"store_ids": [store.id]})
    listing = await _page(app, http_session, mkt, "/console/sop")
    assert '<td class="kind">邀约</td>' in listing and "invitation" not in listing
    detail = await _page(app, http_session, mkt, f"/console/sop/{body['id']}")
    assert '<span id="task-kind">邀约</span>' in detail and "invitation" not in detail


async def test_member_page_shows_the_primary_wecom_guide_and_the_assigned_one(
        app: Any, api: Any, rt: Any, http_session: Any) -> None:
    """As `GET /admin/v1/community/members/{id}` lists them: the primary WeCom guide first (known by staff id, or
    only by WeCom userid), the guide a payment assigned too when that is someone else; removed follows not."""
    store = await h.store("G1", "华东")
    primary = await h.guide("gp1", store.id)
    other = await h.guide("go1", None)
    gone = await h.guide("gx1", None)
    _, member = await api.login()
    _, mkt = await _staff(rt, "小李")
    now = clock.now()
    await ExternalContact.create(external_userid="wmGUIDE1", member_id=member["id"], created_at=now, updated_at=now)
    await ContactFollow.create(external_userid="wmGUIDE1", userid="go1", staff_id=other.id, status="active",
                               is_primary=False, added_at=now - timedelta(days=2))
    await ContactFollow.create(external_userid="wmGUIDE1", userid="gp1", status="active", is_primary=True,
                               added_at=now)  # a follow recorded before its guide's staff id was known
    await ContactFollow.create(external_userid="wmGUIDE1", userid="gx1", staff_id=gone.id,
                               status="removed_by_customer", is_primary=False, added_at=now - timedelta(days=5))

    status, graph = await api.call("GET", f"/admin/v1/community/members/{member['id']}", token=mkt)
    assert status == 200 and [g["userid"] for g in graph["guides"] if g["is_primary"]] == ["gp1"]
    guides = _cell(await _page(app, http_session, mkt, f"/console/members/{member['id']}"), "guides")
    assert "未绑定导购" not in guides, guides
    assert guides.index("导购gp1") < guides.index("导购go1") and "导购gx1" not in guides
    assert "店G1" in guides and "企业微信主导购" in guides
    await StaffUser.filter(id=other.id).update(active=False)  # still her guide in WeCom, no longer serving
    guides = _cell(await _page(app, http_session, mkt, f"/console/members/{member['id']}"), "guides")
    assert "导购go1（已停用）" in guides

    # a payment then assigned a guide of the store: listed too, after the WeCom ones; the same guide only once
    assigned = await h.guide("ga1", store.id)
    await MemberGuide.create(member_id=member["id"], staff_id=assigned.id, store_id=store.id, source="round_robin",
                             created_at=now)
    guides = _cell(await _page(app, http_session, mkt, f"/console/members/{member['id']}"), "guides")
    assert guides.index("导购gp1") < guides.index("导购go1") < guides.index("导购ga1")
    assert "付款后分配" in guides
    await MemberGuide.filter(member_id=member["id"]).update(staff_id=primary.id, source="community")
    guides = _cell(await _page(app, http_session, mkt, f"/console/members/{member['id']}"), "guides")
    assert guides.count("导购gp1") == 1 and "导购ga1" not in guides


async def test_member_ledger_and_approval_queue_read_in_chinese_and_by_name(
        app: Any, api: Any, rt: Any, http_session: Any) -> None:
    _, member = await api.login()
    mid = member["id"]
    staff, mkt = await _staff(rt, "小李")
    _, adm = await _staff(rt, "老王", "admin")
    status, _ = await api.call("POST", f"/admin/v1/members/{mid}/adjustments", token=mkt,
                               json={"amount": 100, "reason": "补偿", "idempotency_key": uuid.uuid4().hex})
    assert status in (200, 201)
    now = clock.now()
    await ledger.post_earn(ledger.EarnPosting(
        member_id=mid, amount=30, growth=0, account="available", event="lottery_prize", source="lottery:1",
        rule_id=None, idem_key="t-prize", trace={}, expires_at=now + timedelta(days=30), release_at=None, now=now,
        counters=[]))
    spent = await ledger.spend(mid, 50, "t-spend", now=now, source="mall:1", event="mall_redeem")
    await ledger.reverse_spend(mid, "t-spend", "t-return", now=now, source="mall:1")
    status, req = await api.call("POST", "/admin/v1/adjustment-requests", token=mkt,
                                 json={"member_id": mid, "amount": 10**6, "reason": "大客户回馈",
                                       "idempotency_key": uuid.uuid4().hex})
    assert status in (200, 201), req
    assert req["requested_by"] == f"marketer:{staff.id}"

    page = await _page(app, http_session, mkt, f"/console/members/{mid}")
    ledger_html = page[page.index('id="ledger"'):page.index("</table>", page.index('id="ledger"'))]
    for code in ("earn", "spend", "refund", "mall_redeem", "lottery_prize", f"marketer:{staff.id}"):
        assert f">{code}" not in ledger_html and f" {code} " not in ledger_html, code
    assert "消耗" in _cell(page, f"entry-{spent.entry_id}") and "积分商城兑换" in _cell(page, f"entry-{spent.entry_id}")
    assert "抽奖中奖" in ledger_html and "获得" in ledger_html and "退还" in ledger_html
    assert "调整" in ledger_html and "人工调整 操作人 小李" in re.sub(r"\s+", " ", ledger_html)
    requester = _cell(page, f"request-{req['id']}")
    assert "小李" in requester and f"marketer:{staff.id}" not in requester
    queue = await _page(app, http_session, adm, "/console/adjustment-requests")
    requester = _cell(queue, f"request-{req['id']}")
    assert "小李" in requester and f"marketer:{staff.id}" not in requester


async def test_staff_names_for_references(rt: Any) -> None:
    """`names_of`: the one lookup behind 发起人 and 申请人 (runs and adjustment requests keep `role:staff id`)."""
    staff = await StaffUser.create(name="小李", role="marketer")
    ref = f"marketer:{staff.id}"
    assert await names_of([ref, "marketer:999999", "test", "admin:²", "marketer:" + "9" * 30, "", f"mall:{staff.id}",
                           f"admin:marketer:{staff.id}"]) == {ref: "小李"}
    assert await names_of([]) == {}
