"""SOP tasks against WeCom (the sandbox): the guide's app message, the group-send / moment job with the guide as
sender, results pulled into completion, tags verified in WeCom, reminders and overdue marks once at the right
Asia/Shanghai time, WeCom's limits counted (monthly group-sends, app messages per minute, 45033 back-off)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from app.clock import SHANGHAI, clock
from app.services.outbox import service as outbox
from app.services.sop import jobs, report
from app.services.sop import wecom as sop_wecom
from app.wechat.wecom.client import WeComClient
from models import CustomerGroup, OutboxMessage, SopAssignment, SopRecipient
from sandbox.state import Fault
from sandbox.wecom_sop import reset, sop_state
from tests import sophelpers as h
from tests.test_sop_dispatch import task, template


@pytest.fixture(autouse=True)
def _sop_sandbox(sandbox: Any) -> None:
    reset(sandbox.state)


async def setup_guide(sandbox: Any, n: int = 3, userid: str = "ga") -> Any:
    s = await h.store(f"S-{userid}", "华东")
    g = await h.guide(userid, s.id)
    for i in range(n):
        await h.customer(sandbox, userid, f"wm{userid}{i}", member_id=(await h.member()).id)
    return g


async def run(api: Any, mkt: str, tpl: int, staff: list[int], **fields: Any) -> int:
    body = await task(api, mkt, tpl, targets={"staff_ids": staff}, **fields)
    clock.shift(timedelta(minutes=6))
    await jobs.dispatch(api.app.ctx.rt)
    await outbox.deliver_due(api.app.ctx.rt, limit=100)
    return int(body["id"])


async def test_group_send_results_complete_the_assignment(rt: Any, api: Any, sandbox: Any, staff_token: Any) -> None:
    g = await setup_guide(sandbox)
    await h.customer(sandbox, "ga", "wmGHOST")  # in jifen's graph, but WeCom no longer knows the friendship
    sandbox.state.wecom_contacts.pop("wmGHOST")
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="invitation")
    task_id = await run(api, mkt, tpl, [g.id])
    a = await SopAssignment.get(task_id=task_id)

    card = [m for m in sandbox.state.wecom_messages if m["touser"] == "ga"]
    assert len(card) == 1 and card[0]["msgtype"] == "textcard"
    assert card[0]["textcard"]["url"].endswith(f"/{a.id}") and "invitation模板" in card[0]["textcard"]["title"]
    msgs = sop_state(sandbox.state)["groupmsgs"]
    assert len(msgs) == 1
    msg = next(iter(msgs.values()))
    assert msg["sender"] == "ga" and msg["chat_type"] == "single"
    assert set(msg["results"]) == {"wmga0", "wmga1", "wmga2", "wmGHOST"}
    assert (a.wecom_status, a.wecom_msgid) == ("created", msg["msgid"])
    assert (await SopRecipient.get(external_userid="wmGHOST")).send_status == 2  # fail_list

    tok = h.token(rt, g)
    status, body = await api.call("POST", f"/guide/v1/tasks/{a.id}/complete", token=tok, json={})
    assert status == 409 and body["error"]["code"] == "not_sent_yet"
    sandbox.state.faults.append(Fault(path="/cgi-bin/externalcontact/get_groupmsg_task", count=1, errcode=48002))
    status, body = await api.call("POST", f"/guide/v1/tasks/{a.id}/complete", token=tok, json={})
    assert status == 503 and body["error"]["code"]
    assert await sop_wecom.poll_due(rt) == {"polled": 0, "sent": 0, "errors": 0}  # not due yet
    clock.shift(timedelta(seconds=rt.settings.sop.poll_seconds + 1))
    assert (await sop_wecom.poll_due(rt))["sent"] == 0
    assert (await SopAssignment.get(id=a.id)).state == "open"

    async with api.session.post(f"{sandbox.url}/__sandbox__/wecom_sop/groupmsgs/{msg['msgid']}/send") as resp:
        assert resp.status == 200
    assert (await sop_wecom.poll_due(rt))["polled"] == 0  # the lease holds until the next poll time
    clock.shift(timedelta(seconds=rt.settings.sop.poll_seconds + 1))
    out = await jobs.wecom_results(rt)
    assert out == {"polled": 1, "sent": 1, "errors": 0, "checked": 0, "done": 0}
    a = await SopAssignment.get(id=a.id)
    assert (a.state, a.completed_via, a.wecom_status) == ("done", "wecom", "sent")
    assert {r.external_userid: r.send_status for r in await SopRecipient.filter(assignment_id=a.id)} == {
        "wmga0": 1, "wmga1": 1, "wmga2": 1, "wmGHOST": 2}
    rows = await report.completion("guide", task_id)
    assert rows == [{"guide": g.id, "assignments": 1, "done": 1, "overdue": 0, "open": 0, "by_wecom": 1,
                     "by_guide": 0, "late": 0, "completion_rate": 1.0}]
    # the outbox does not create a second WeCom task for the assignment, even if the job is replayed
    await sop_wecom.send_job(rt, outbox.Claimed(0, "sop_wecom_job", "x", None, {"assignment_id": a.id}, 1))
    assert len(sop_state(sandbox.state)["groupmsgs"]) == 1


async def test_group_chat_send_goes_to_the_guides_own_groups(rt: Any, api: Any, sandbox: Any,
                                                             staff_token: Any) -> None:
    g = await setup_guide(sandbox, n=1)
    now = clock.now()
    for chat, owner in (("wrA", "ga"), ("wrB", "ga"), ("wrX", "gx")):
        await CustomerGroup.create(chat_id=chat, owner_userid=owner, name=chat, created_at=now, updated_at=now)
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="community", channel="group", text="会员日海报")
    await run(api, mkt, tpl, [g.id])
    msg = next(iter(sop_state(sandbox.state)["groupmsgs"].values()))
    assert msg["chat_type"] == "group" and set(msg["results"]) == {"wrA", "wrB"}


async def test_moment_task_completes_when_the_guide_publishes(rt: Any, api: Any, sandbox: Any,
                                                              staff_token: Any) -> None:
    g = await setup_guide(sandbox, n=1)
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="mass_message", channel="moment", text="新品上市")
    task_id = await run(api, mkt, tpl, [g.id])
    a = await SopAssignment.get(task_id=task_id)
    assert a.wecom_jobid and a.wecom_status == "created"
    assert not await sop_wecom.poll_one(rt, a.id)
    a = await SopAssignment.get(id=a.id)
    assert a.moment_id and a.state == "open"
    async with api.session.post(f"{sandbox.url}/__sandbox__/wecom_sop/moments/{a.moment_id}/publish",
                                json={"userid": "ga"}) as resp:
        assert resp.status == 200
    status, body = await api.call("POST", f"/guide/v1/tasks/{a.id}/complete", token=h.token(rt, g), json={})
    assert status == 200 and body["state"] == "done" and body["completed_via"] == "wecom"


async def test_tagging_completes_only_when_wecom_shows_the_tags(rt: Any, api: Any, sandbox: Any,
                                                               staff_token: Any) -> None:
    g = await setup_guide(sandbox, n=2)
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="tagging", tag_ids=["etBUYER"], text="给买过面霜的客户打标签")
    task_id = await run(api, mkt, tpl, [g.id])
    a = await SopAssignment.get(task_id=task_id)
    tok = h.token(rt, g)
    # the guide says done, but WeCom shows no tag: not done
    status, body = await api.call("POST", f"/guide/v1/tasks/{a.id}/complete", token=tok, json={})
    assert status == 409 and body["error"]["code"] == "tags_missing" and body["error"]["message"].startswith("2 ")
    client = WeComClient(rt)
    sandbox.state.wecom_tag_groups.append({"group_id": "etg1", "group_name": "购买", "create_time": 0, "order": 0,
                                           "tag": [{"id": "etBUYER", "name": "面霜", "create_time": 0, "order": 0}]})
    await client.mark_tag("ga", "wmga0", ["etBUYER"], [])
    status, body = await api.call("POST", f"/guide/v1/tasks/{a.id}/complete", token=tok, json={})
    assert status == 409 and body["error"]["message"].startswith("1 ")
    assert [r.tagged for r in await SopRecipient.filter(assignment_id=a.id).order_by("id")] == [True, False]
    # the guide's one click: jifen tags the rest as the guide, WeCom shows them, the task is done
    status, body = await api.call("POST", f"/guide/v1/tasks/{a.id}/tag", token=tok, json={})
    assert status == 200 and body["missing"] == 0 and body["state"] == "done" and body["completed_via"] == "wecom"
    follow = sandbox.state.wecom_contacts["wmga1"]["follow_user"][0]
    assert [t["tag_id"] for t in follow["tags"]] == ["etBUYER"]
    status, body = await api.call("POST", f"/guide/v1/tasks/{a.id}/complete", token=tok, json={})
    assert status == 200 and body["state"] == "done"


async def test_reminder_and_overdue_fire_once_at_shanghai_time(rt: Any, api: Any, sandbox: Any,
                                                               staff_token: Any) -> None:
    g = await setup_guide(sandbox, n=1)
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="invitation")
    start = datetime(2026, 11, 30, 10, 10, tzinfo=SHANGHAI)
    deadline = datetime(2026, 12, 1, 18, 0, tzinfo=SHANGHAI)  # 10:00 UTC
    status, body = await api.call("POST", "/admin/v1/sop/tasks", token=mkt, json={
        "template_id": tpl, "targets": {"staff_ids": [g.id]}, "start_at": start.isoformat(),
        "deadline_at": deadline.astimezone(SHANGHAI).isoformat(), "remind_before_minutes": 120})
    assert status == 201
    clock.set(start)
    await jobs.dispatch(rt)
    await outbox.deliver_due(rt, limit=100)
    a = await SopAssignment.get(task_id=body["id"])

    async def sweep_twice() -> list[dict[str, Any]]:
        return [await sop_wecom.sweep_deadlines(rt), await sop_wecom.sweep_deadlines(rt)]

    clock.set(datetime(2026, 12, 1, 15, 59, 59, tzinfo=SHANGHAI))
    assert await sweep_twice() == [{"reminded": 0, "overdue": 0}] * 2
    clock.set(datetime(2026, 12, 1, 16, 0, tzinfo=SHANGHAI))  # two hours before 18:00 Beijing time
    assert await sweep_twice() == [{"reminded": 1, "overdue": 0}, {"reminded": 0, "overdue": 0}]
    await outbox.deliver_due(rt, limit=100)
    cards = [m["textcard"]["title"] for m in sandbox.state.wecom_messages if m["touser"] == "ga"]
    assert cards == ["新任务：invitation模板", "任务即将截止：invitation模板"]
    msg = next(iter(sop_state(sandbox.state)["groupmsgs"].values()))
    assert len(msg["reminds"]) == 1  # remind_groupmsg_send for the unsent group-send
    # a marketer reminds twice more; a fourth is refused (3 per assignment)
    for expected in (202, 202, 409):
        await outbox.deliver_due(rt, limit=100)
        status, _ = await api.call("POST", f"/admin/v1/sop/assignments/{a.id}/remind", token=staff_token("admin", 8))
        assert status == expected
    await outbox.deliver_due(rt, limit=100)
    assert len(msg["reminds"]) == 3 and (await SopAssignment.get(id=a.id)).wecom_reminds == 3
    clock.set(datetime(2026, 12, 1, 17, 59, 59, tzinfo=SHANGHAI))
    assert await sweep_twice() == [{"reminded": 0, "overdue": 0}] * 2
    clock.set(datetime(2026, 12, 1, 18, 0, tzinfo=SHANGHAI))
    assert await sweep_twice() == [{"reminded": 0, "overdue": 1}, {"reminded": 0, "overdue": 0}]
    await outbox.deliver_due(rt, limit=100)
    cards = [m["textcard"]["title"] for m in sandbox.state.wecom_messages if m["touser"] == "ga"]
    assert cards[-1] == "任务已逾期：invitation模板" and len(cards) == 3
    a = await SopAssignment.get(id=a.id)
    assert a.state == "overdue" and a.overdue_at == datetime(2026, 12, 1, 18, 0, tzinfo=SHANGHAI)
    # sent late: done, and counted late
    async with api.session.post(f"{sandbox.url}/__sandbox__/wecom_sop/groupmsgs/{msg['msgid']}/send") as resp:
        assert resp.status == 200
    assert await sop_wecom.poll_one(rt, a.id)
    rows = await report.completion("store")
    assert rows[0]["done"] == 1 and rows[0]["late"] == 1


async def test_rate_limits_back_off_and_nothing_is_lost(rt: Any, api: Any, sandbox: Any, staff_token: Any) -> None:
    guides = [await setup_guide(sandbox, n=1, userid=f"g{i}") for i in range(3)]
    sandbox.state.faults.append(Fault(path="/cgi-bin/externalcontact/add_msg_template", count=2, errcode=45033))
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="invitation")
    task_id = await run(api, mkt, tpl, [g.id for g in guides])
    jobs_rows = await OutboxMessage.filter(kind="sop_wecom_job").order_by("id")
    deferred = [m for m in jobs_rows if m.status == "pending"]
    assert len(deferred) == 2 and all(m.attempts == 0 and "45033" in (m.last_error or "") for m in deferred)
    clock.shift(timedelta(seconds=6))
    await outbox.deliver_due(rt, limit=100)
    assert await OutboxMessage.filter(kind="sop_wecom_job", status="sent").count() == 3
    assert len(sop_state(sandbox.state)["groupmsgs"]) == 3
    assert await SopAssignment.filter(task_id=task_id, wecom_status="created").count() == 3

    # 45009: the whole kind waits the configured back-off
    sandbox.state.faults.append(Fault(path="/cgi-bin/message/send", count=1, errcode=45009))
    await sop_wecom.sweep_deadlines(rt)
    tpl2 = await template(api, mkt, kind="learning", text="学习")
    await run(api, mkt, tpl2, [g.id for g in guides])
    held = await OutboxMessage.filter(kind="sop_notify", status="pending")
    assert len(held) >= 1
    assert all(m.next_attempt_at >= clock.now() + timedelta(seconds=rt.settings.sop.backoff_seconds - 5) for m in held)
    clock.shift(timedelta(seconds=rt.settings.sop.backoff_seconds + 1))
    await outbox.deliver_due(rt, limit=100)
    assert await OutboxMessage.filter(kind="sop_notify").exclude(status="sent").count() == 0


async def test_app_messages_per_guide_per_minute_are_deferred(rt: Any, api: Any, sandbox: Any,
                                                              staff_token: Any) -> None:
    g = await setup_guide(sandbox, n=1)
    rt.settings.sop.notify_per_minute = 2
    try:
        mkt = staff_token("marketer", 7)
        tpl = await template(api, mkt, kind="learning", text="学习")
        clock.set(datetime(2026, 11, 30, 10, 0, 5, tzinfo=SHANGHAI))
        for _ in range(3):
            await task(api, mkt, tpl, targets={"staff_ids": [g.id]})
        clock.shift(timedelta(minutes=6))
        await jobs.dispatch(rt)
        await outbox.deliver_due(rt, limit=100)
        assert len([m for m in sandbox.state.wecom_messages if m["touser"] == "ga"]) == 2
        late = await OutboxMessage.get(kind="sop_notify", status="pending")
        assert "2 per 60 s" in (late.last_error or "") and late.attempts == 0
        clock.shift(timedelta(seconds=60))
        await outbox.deliver_due(rt, limit=100)
        assert len([m for m in sandbox.state.wecom_messages if m["touser"] == "ga"]) == 3
    finally:
        rt.settings.sop.notify_per_minute = 30


async def test_monthly_group_send_limit_skips_with_the_reason(rt: Any, api: Any, sandbox: Any,
                                                              staff_token: Any) -> None:
    g = await setup_guide(sandbox, n=2)
    rt.settings.sop.monthly_group_sends = 1
    try:
        mkt = staff_token("marketer", 7)
        tpl = await template(api, mkt, kind="mass_message")
        await run(api, mkt, tpl, [g.id], segment={"tag_ids": []})
        first = next(iter(sop_state(sandbox.state)["groupmsgs"].values()))
        assert set(first["results"]) == {"wmga0", "wmga1"}
        await h.customer(sandbox, "ga", "wmNEW")
        t2 = await run(api, mkt, tpl, [g.id])
        a2 = await SopAssignment.get(task_id=t2)
        skipped = {r.external_userid: r.skip_reason for r in await SopRecipient.filter(assignment_id=a2.id)}
        assert skipped == {"wmga0": "monthly_limit", "wmga1": "monthly_limit", "wmNEW": None}
        second = next(m for m in sop_state(sandbox.state)["groupmsgs"].values() if m["msgid"] == a2.wecom_msgid)
        assert set(second["results"]) == {"wmNEW"}
        # next month the count starts again
        clock.set(datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI))
        t3 = await run(api, staff_token("marketer", 7), tpl, [g.id])
        assert await SopRecipient.filter(task_id=t3).exclude(skip_reason=None).count() == 0
    finally:
        rt.settings.sop.monthly_group_sends = 0


async def test_cancelling_a_task_cancels_unsent_group_sends(rt: Any, api: Any, sandbox: Any,
                                                            staff_token: Any) -> None:
    g = await setup_guide(sandbox, n=1)
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="invitation")
    task_id = await run(api, mkt, tpl, [g.id])
    status, body = await api.call("POST", f"/admin/v1/sop/tasks/{task_id}/cancel", token=mkt)
    assert status == 200 and body["status"] == "cancelled"
    await outbox.deliver_due(rt, limit=100)
    msg = next(iter(sop_state(sandbox.state)["groupmsgs"].values()))
    assert msg["cancelled"] is True
    a = await SopAssignment.get(task_id=task_id)
    assert (a.state, a.wecom_status) == ("cancelled", "cancelled")
    status, _ = await api.call("GET", f"/guide/v1/tasks/{a.id}", token=h.token(rt, g))
    assert status == 404


async def test_sandbox_drops_app_messages_over_the_members_minute_limit(rt: Any, sandbox: Any) -> None:
    client = WeComClient(rt)
    sandbox.state.clock_offset += 61 - sandbox.state.now() % 60  # the 31 sends fall in one sandbox minute
    for i in range(31):
        await client.send_text("gz", f"m{i}")
    await client.send_text("gy", "other member")
    assert len([m for m in sandbox.state.wecom_messages if m["touser"] == "gz"]) == 30
    dropped = sop_state(sandbox.state)["dropped"]
    assert [m["text"]["content"] for m in dropped] == ["m30"]
    assert [m["text"]["content"] for m in sandbox.state.wecom_messages if m["touser"] == "gy"] == ["other member"]


async def test_sandbox_group_send_protocol(rt: Any, sandbox: Any) -> None:
    """remind <= 3 per 24 h, results after the staff confirms (over the month's limit: 3), auto-send by time."""
    from app.wechat import errors as wx
    from app.wechat.wecom import groupmsg

    await h.customer(sandbox, "ga", "wmA")
    await h.customer(sandbox, "ga", "wmB")
    client = WeComClient(rt)
    body = await groupmsg.add_msg_template(client, chat_type="single", sender="ga", text="hi",
                                           external_userids=["wmA", "wmB", "wmNOBODY"])
    assert body["fail_list"] == ["wmNOBODY"]
    for _ in range(3):
        await groupmsg.remind_groupmsg_send(client, body["msgid"])
    with pytest.raises(wx.RateLimited):
        await groupmsg.remind_groupmsg_send(client, body["msgid"])
    assert await groupmsg.groupmsg_task(client, body["msgid"]) == [{"userid": "ga", "status": 0, "send_time": 0}]
    store = sop_state(sandbox.state)
    from sandbox.wecom_sop import _days_in_month, _month

    now = sandbox.state.now()
    store["received"][f"wmB|{_month(now)}"] = _days_in_month(now)  # wmB already got the month's group-sends
    store["config"]["auto_send_after_seconds"] = 0
    results = {r["external_userid"]: r["status"] for r in await groupmsg.groupmsg_send_result(client, body["msgid"],
                                                                                           "ga")}
    assert results == {"wmA": 1, "wmB": 3, "wmNOBODY": 2}
    assert (await groupmsg.groupmsg_task(client, body["msgid"]))[0]["status"] == 2
    with pytest.raises(wx.WeChatError) as err:
        await groupmsg.add_msg_template(client, chat_type="group", sender="", text="x", chat_ids=["wr1"])
    assert err.value.errcode == 40035


async def test_tagging_completes_by_the_scheduler_when_wecom_shows_the_tags(rt: Any, api: Any, sandbox: Any,
                                                                           staff_token: Any) -> None:
    g = await setup_guide(sandbox, n=1)
    sandbox.state.wecom_tag_groups.append({"group_id": "etg1", "group_name": "购买", "create_time": 0, "order": 0,
                                           "tag": [{"id": "etBUYER", "name": "面霜", "create_time": 0, "order": 0}]})
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="tagging", tag_ids=["etBUYER"], text="打标签")
    task_id = await run(api, mkt, tpl, [g.id])
    assert await sop_wecom.verify_tagging_due(rt) == {"checked": 1, "done": 0}
    assert await sop_wecom.verify_tagging_due(rt) == {"checked": 0, "done": 0}  # leased until the next poll
    await WeComClient(rt).mark_tag("ga", "wmga0", ["etBUYER"], [])  # the guide tags in the WeCom client
    clock.shift(timedelta(seconds=rt.settings.sop.poll_seconds + 1))
    assert await sop_wecom.verify_tagging_due(rt) == {"checked": 1, "done": 1}
    a = await SopAssignment.get(task_id=task_id)
    assert (a.state, a.completed_via) == ("done", "wecom")


async def test_reconcile_finds_jobs_that_ended_without_a_wecom_task(rt: Any, api: Any, sandbox: Any,
                                                                    staff_token: Any) -> None:
    g1, g2 = await setup_guide(sandbox, n=1, userid="g1"), await setup_guide(sandbox, n=1, userid="g2")
    sandbox.state.faults.append(Fault(path="/cgi-bin/externalcontact/add_msg_template", count=2, errcode=40035))
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="invitation")
    task_id = await run(api, mkt, tpl, [g1.id, g2.id])
    a1 = await SopAssignment.get(task_id=task_id, staff_id=g1.id)
    a2 = await SopAssignment.get(task_id=task_id, staff_id=g2.id)
    assert await OutboxMessage.filter(kind="sop_wecom_job", status="failed").count() == 2  # 40035: permanent
    await OutboxMessage.filter(dedupe_key=f"sop-job-{a2.id}").delete()  # as if lost
    found = await sop_wecom.stranded_jobs(rt, False)
    assert sorted(f.subject for f in found) == [f"sop_assignment:{a1.id}", f"sop_assignment:{a2.id}"]
    assert not any(f.repaired for f in found)
    found = await sop_wecom.stranded_jobs(rt, True)
    assert all(f.repaired for f in found)
    assert (await SopAssignment.get(id=a1.id)).wecom_status == "failed"
    await outbox.deliver_due(rt, limit=100)
    assert (await SopAssignment.get(id=a2.id)).wecom_status == "created"
    assert await sop_wecom.stranded_jobs(rt, True) == []
    # the guide sent it by hand: their confirmation completes it
    status, body = await api.call("POST", f"/guide/v1/tasks/{a1.id}/complete", token=h.token(rt, g1), json={})
    assert status == 200 and body["completed_via"] == "guide"
