"""SOP rules: one engine for customer and group SOPs; steps fire at their Asia/Shanghai time, once per target
however many schedulers run, stop conditions end a customer's run, WeCom's monthly group-send limit skips with
the reason, and to-do steps become an app message to the guide."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

import pytest

from app.clock import SHANGHAI, clock
from app.services.outbox import service as outbox
from app.services.sop import rules
from models import Campaign, ContactFollow, CustomerGroup, SopRun
from sandbox.wecom_sop import reset, sop_state
from tests import sophelpers as h
from tests.test_sop_report import pay


@pytest.fixture(autouse=True)
def _sop_sandbox(sandbox: Any) -> None:
    reset(sandbox.state)


def at(day: int, hh: int, mm: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hh, mm, tzinfo=SHANGHAI)


async def test_new_customer_rule_sends_day_0_1_3_once(rt: Any, api: Any, sandbox: Any, staff_token: Any) -> None:
    s = await h.store("A", "华东")
    g = await h.guide("ga", s.id)
    added = {"wmD0": at(30, 8), "wmD1": at(29, 15), "wmD3": at(27, 23, 30), "wmPAID": at(29, 9), "wmD2": at(28, 9)}
    for ext, when in added.items():
        m = await h.member()
        await h.customer(sandbox, "ga", ext, member_id=m.id, now=when)
        if ext == "wmPAID":
            await pay(m, at(29, 18))  # paid after adding the guide: the SOP stops for them
    clock.set(at(30, 7))
    mkt = staff_token("marketer", 7)
    status, body = await api.call("POST", "/admin/v1/sop/rules", token=mkt, json={
        "template": "new_customer", "targets": {"staff_ids": [g.id]}})
    assert status == 201, body
    assert [x["key"] for x in body["steps"]] == ["d0", "d1", "d3"] and body["stop_on"] == ["paid"]

    clock.set(at(30, 8, 59))
    assert (await rules.run_due(rt))["runs"] == 0
    clock.set(at(30, 9, 0))
    results = await asyncio.gather(rules.run_due(rt), rules.run_due(rt))
    assert sum(r["runs"] for r in results) == 1
    clock.set(at(30, 10, 0))
    results = await asyncio.gather(rules.run_due(rt), rules.run_due(rt))
    assert sum(r["runs"] for r in results) == 2
    assert (await rules.run_due(rt))["runs"] == 0
    runs = {(r.step_key, r.target) for r in await SopRun.all()}
    assert runs == {("d0", "wmD0"), ("d1", "wmD1"), ("d3", "wmD3")}

    await outbox.deliver_due(rt, limit=100)
    sent = {(tuple(m["results"]), m["sender"], m["text"][:4]) for m in sop_state(sandbox.state)["groupmsgs"].values()}
    assert sent == {(("wmD0",), "ga", "欢迎成为"), (("wmD1",), "ga", "积分怎么"), (("wmD3",), "ga", "加入门店")}
    assert {r.status for r in await SopRun.all()} == {"sent"}
    # a customer recorded late (the event processed after 10:00) still gets day 0, in a batch of its own
    m = await h.member()
    await h.customer(sandbox, "ga", "wmLATE", member_id=m.id, now=at(30, 9, 30))
    clock.set(at(30, 10, 1))
    assert (await rules.run_due(rt))["runs"] == 1
    await outbox.deliver_due(rt, limit=100)
    assert len(sop_state(sandbox.state)["groupmsgs"]) == 4
    # a customer whose follow went away is not sent to
    await ContactFollow.filter(external_userid="wmD2").update(status="removed_by_customer")
    clock.set(at(1, 10, 0, month=12))
    assert (await rules.run_due(rt))["runs"] == 2  # day 1 of wmD0 and wmLATE; wmD2's day 3 is gone with them
    assert {r.target for r in await SopRun.filter(occurrence="once", step_key__in=["d1", "d3"],
                                                  created_at__gte=clock.now())} == {"wmD0", "wmLATE"}


async def test_group_rule_weekly_with_the_monthly_limit(rt: Any, api: Any, sandbox: Any, staff_token: Any) -> None:
    s = await h.store("A", "华东")
    await h.guide("ga", s.id)
    now = clock.now()
    for chat, owner in (("wrA", "ga"), ("wrB", "ga"), ("wrX", "gx")):
        await CustomerGroup.create(chat_id=chat, owner_userid=owner, name=chat, created_at=now, updated_at=now)
    mkt = staff_token("marketer", 7)
    status, body = await api.call("POST", "/admin/v1/sop/rules", token=mkt, json={
        "name": "群早安", "audience": "group", "targets": {"store_ids": [s.id]},
        "steps": [{"key": "am", "trigger": {"type": "weekly", "days": [1, 2], "time": "08:30"}, "text": "早安"}]})
    assert status == 201, body
    rt.settings.sop.monthly_group_sends = 1
    try:
        clock.set(at(7, 8, 29, month=12))  # Monday
        assert (await rules.run_due(rt))["runs"] == 0
        clock.set(at(7, 8, 30, month=12))
        assert (await rules.run_due(rt))["runs"] == 2
        await outbox.deliver_due(rt, limit=100)
        msgs = list(sop_state(sandbox.state)["groupmsgs"].values())
        assert len(msgs) == 1 and msgs[0]["chat_type"] == "group" and set(msgs[0]["results"]) == {"wrA", "wrB"}
        clock.set(at(8, 9, 0, month=12))  # Tuesday: both groups had December's one group-send
        assert (await rules.run_due(rt))["runs"] == 2
        await outbox.deliver_due(rt, limit=100)
        assert len(sop_state(sandbox.state)["groupmsgs"]) == 1
        assert {(r.status, r.reason) for r in await SopRun.filter(occurrence="2026-12-08")} == {
            ("skipped", "monthly_limit")}
        clock.set(at(9, 9, 0, month=12))  # Wednesday: not a day of the rule
        assert (await rules.run_due(rt))["runs"] == 0
    finally:
        rt.settings.sop.monthly_group_sends = 0


async def test_todo_before_a_member_day_messages_the_guide(rt: Any, api: Any, sandbox: Any,
                                                           staff_token: Any) -> None:
    s = await h.store("A", "华东")
    g = await h.guide("ga", s.id)
    for i in range(3):
        await h.customer(sandbox, "ga", f"wm{i}", member_id=(await h.member()).id)
    await h.customer(sandbox, "ga", "wmGUEST")
    camp = await Campaign.create(name="会员日", multiplier_bp=20000, recurrence="monthly", day_of_month=8)
    mkt = staff_token("marketer", 7)
    status, body = await api.call("POST", "/admin/v1/sop/rules", token=mkt, json={
        "template": "member_day", "params": {"campaign_id": camp.id, "days": 1, "time": "10:00"},
        "targets": {"staff_ids": [g.id]}})
    assert status == 201, body
    step = body["steps"][0] | {"action": "todo"}
    status, body = await api.call("POST", "/admin/v1/sop/rules", token=mkt, json={
        "template": "member_day", "params": {"campaign_id": camp.id}, "name": "会员日跟进",
        "targets": {"staff_ids": [g.id]}, "steps": [step]})
    assert status == 201
    clock.set(at(6, 10, 0, month=12))  # two days before the 8th
    assert (await rules.run_due(rt))["runs"] == 0
    clock.set(at(7, 9, 59, month=12))
    assert (await rules.run_due(rt))["runs"] == 0
    clock.set(at(7, 10, 0, month=12))
    out = await rules.run_due(rt)
    assert out == {"runs": 6, "messages": 2}  # members only: 3 group-sent, 3 to follow up
    await outbox.deliver_due(rt, limit=100)
    cards = [m for m in sandbox.state.wecom_messages if m["touser"] == "ga"]
    assert len(cards) == 1 and cards[0]["textcard"]["title"] == "待跟进：会员日跟进"
    assert "3 位客户" in cards[0]["textcard"]["description"]
    assert await SopRun.filter(status="notified").count() == 3
    assert await SopRun.filter(status="sent").count() == 3


async def test_bad_rules_are_refused(rt: Any, api: Any, staff_token: Any) -> None:
    mkt = staff_token("marketer", 7)
    t = {"staff_ids": [1]}
    cases = [
        {"template": "member_day", "targets": t},
        {"template": "nope", "targets": t},
        {"name": "x", "targets": {}, "steps": [{"key": "a", "trigger": {"type": "weekly", "days": [1]}, "text": "x"}]},
        {"name": "x", "targets": t, "steps": [{"key": "a", "trigger": {"type": "weekly", "days": [8]}, "text": "x"}]},
        {"name": "x", "targets": t, "steps": [{"key": "a", "trigger": {"type": "fixed"}, "text": "x"}]},
        {"name": "x", "targets": t, "audience": "group",
         "steps": [{"key": "a", "trigger": {"type": "after_add", "day": 1}, "text": "x"}]},
        {"name": "x", "targets": t, "steps": [{"key": "a", "trigger": {"type": "weekly", "days": [1],
                                                                       "time": "25:00"}, "text": "x"}]},
    ]
    for payload in cases:
        status, body = await api.call("POST", "/admin/v1/sop/rules", token=mkt, json=payload)
        assert status == 422 and body["error"]["code"], (payload, body)
    status, body = await api.call("POST", "/admin/v1/sop/rules", token=mkt, json={
        "template": "member_day", "params": {"campaign_id": 424242}, "targets": t})
    assert status == 404
    status, body = await api.call("GET", "/admin/v1/sop/rule-templates", token=mkt)
    assert [x["template"] for x in body["items"]] == ["new_customer", "member_day", "points_expiring"]


async def test_tag_based_group_invite_skips_customers_already_in_the_group(rt: Any, api: Any, sandbox: Any,
                                                                          staff_token: Any) -> None:
    from models import GroupMember

    s = await h.store("A", "华东")
    g = await h.guide("ga", s.id)
    for ext in ("wmIN", "wmOUT", "wmLEFT"):
        await h.customer(sandbox, "ga", ext, tags=("etVIP",))
    await h.customer(sandbox, "ga", "wmNOTAG")
    now = clock.now()
    await GroupMember.create(chat_id="wrVIP", userid="wmIN", kind="external", status="active", joined_at=now)
    await GroupMember.create(chat_id="wrVIP", userid="wmLEFT", kind="external", status="left", joined_at=now)
    mkt = staff_token("marketer", 7)
    status, body = await api.call("POST", "/admin/v1/sop/rules", token=mkt, json={
        "name": "VIP群邀请", "targets": {"staff_ids": [g.id]},
        "segment": {"tag_ids": ["etVIP"], "not_in_chat_ids": ["wrVIP"]},
        "steps": [{"key": "invite", "trigger": {"type": "weekly", "days": [1], "time": "10:00"},
                   "text": "扫码加入VIP群", "link_url": "https://example.com/wrVIP-qr.png"}]})
    assert status == 201, body
    clock.set(at(30, 10, 0))
    assert (await rules.run_due(rt))["runs"] == 2
    await outbox.deliver_due(rt, limit=100)
    msg = next(iter(sop_state(sandbox.state)["groupmsgs"].values()))
    assert set(msg["results"]) == {"wmOUT", "wmLEFT"}
    assert msg["attachments"][0]["link"]["url"] == "https://example.com/wrVIP-qr.png"
