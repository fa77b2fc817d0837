"""The WeCom event worker off the answer path: callbacks only record, the worker claims in batches and defers
to answers in flight; join bursts applied set-based award exactly like one by one (also with two workers at
once); who in MemChangeList is a customer (docs/wechat-protocols.md §4.2); WeCom's limits (45009, 45033)
and refusals (60011, 84061) with the sandbox's fault injection; an admin's retry of ignored/failed events."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import pytest

from app.clock import clock
from app.services.community import events, service
from models import (
    ContactFollow,
    ExternalContact,
    GroupMember,
    Member,
    PointEntry,
    StaffUser,
    WecomEvent,
    WecomEventRetry,
)
from sandbox.state import Fault
from tests.test_wecom_community import add_event, customer, join_event, settle
from tests.wecomhelpers import deliver, event_xml, signed_post

pytestmark = pytest.mark.asyncio


@pytest.fixture
def cfg(rt):  # type: ignore[no-untyped-def]
    return rt.settings.wecom


async def _linked(ext: str, name: str) -> int:
    """A member and the WeCom customer linked to it (as after externalcontact/get matched the unionid)."""
    member = await Member.create(openid=f"o-{name}", unionid=f"u-{name}", invite_code=f"i-{name}"[:16])
    await ExternalContact.create(external_userid=ext, member_id=member.id, created_at=clock.now(),
                                 updated_at=clock.now())
    return member.id


async def _record_joins(joins: list[tuple[str, list[str]]], version: str = "v") -> None:
    created = int(time.time())
    for n, (chat_id, ids) in enumerate(joins):
        msg = {"Event": "change_external_chat", "ChangeType": "update", "ChatId": chat_id,
               "UpdateDetail": "add_member", "JoinScene": "3", "MemChangeCnt": str(len(ids)), "MemChangeList": ids,
               "CurMemVer": f"{version}{n}", "CreateTime": str(created)}
        outcome, _ = await events.record(msg, clock.now())
        assert outcome == events.NEW


async def _group_entries() -> list[tuple[int, str]]:
    return sorted((e.member_id, e.idem_key) for e in await PointEntry.filter(event="wecom_group_joined"))


async def test_the_worker_defers_to_answers_in_flight_but_not_for_ever(api, seeded, cfg, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    mid = await _linked("wmDEFER0001", "defer-1")
    monkeypatch.setattr(cfg, "worker_max_defer_ms", 60_000)
    with service.answering():  # another callback of this process is being answered
        assert (await deliver(api, cfg, join_event("wrDEFER", ["wmDEFER0001"])))[0] == 200
        await asyncio.sleep(0.1)
        [event] = await WecomEvent.all()
        assert (event.status, event.attempts) == ("pending", 0)  # recorded and answered, not processed
    await service.drain()  # the answer is out: the worker runs
    assert (await WecomEvent.get(id=event.id)).status == "done"
    assert await _group_entries() == [(mid, "wecom_group:wrDEFER")]
    # under constant load the worker still processes, in small batches, after the longest deferral
    monkeypatch.setattr(cfg, "worker_max_defer_ms", 20)
    monkeypatch.setattr(cfg, "worker_busy_batch", 2)
    with service.answering():
        for i in range(5):
            assert (await deliver(api, cfg, join_event(f"wrLOAD{i}", ["wmDEFER0001"])))[0] == 200
        await service.drain()
        assert await WecomEvent.filter(status="done").count() == 6
    assert len(await _group_entries()) == 6


async def test_a_join_burst_processed_in_batches_awards_like_one_by_one(seeded, cfg, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    members = {f"wmBURST{i:04d}": await _linked(f"wmBURST{i:04d}", f"burst-{i}") for i in range(12)}
    await StaffUser.create(name="guide-wm", role="guide", wecom_userid="wmike")
    exts = sorted(members)
    joins = [(f"wrB{i % 3}", [ext]) for i, ext in enumerate(exts)]
    joins += [("wrB0", [exts[0], "wmike"]),  # again (a WeCom duplicate with a new version) and a staff userid
              ("wrB1", ["wmNOTAMEMBER1"])]  # a customer who is no member yet
    await _record_joins(joins)
    out = await service.process_due(seeded)  # one batch: all of it set-based
    assert out["done"] == len(joins) and not out["retry"] and not out["failed"], out
    expected = sorted((members[ext], f"wecom_group:wrB{i % 3}") for i, ext in enumerate(exts))
    assert await _group_entries() == expected
    kinds = {(m.chat_id, m.userid): (m.kind, m.status) for m in await GroupMember.all()}
    assert kinds[("wrB0", "wmike")] == ("staff", "active")  # a staff userid that looks like a customer's
    assert kinds[("wrB1", "wmNOTAMEMBER1")] == ("external", "active")
    assert len(kinds) == 14
    # the same joins again (WeCom's retries under new keys) and one by one: nothing more awarded
    await _record_joins(joins[:4], version="again")
    monkeypatch.setattr(cfg, "worker_batch", 1)
    assert (await service.process_due(seeded))["done"] == 4
    assert await _group_entries() == expected


async def test_two_workers_on_one_burst_award_each_join_once(seeded) -> None:  # type: ignore[no-untyped-def]
    members = {f"wmTWO{i:04d}": await _linked(f"wmTWO{i:04d}", f"two-{i}") for i in range(40)}
    joins = [(f"wrT{i % 4}", [ext]) for i, ext in enumerate(sorted(members))]
    await _record_joins(joins)
    await _record_joins(joins[:10], version="again")  # and duplicates of the first ten under other keys
    outs = await asyncio.gather(*(service.process_due(seeded, 7) for _ in range(3)))
    assert sum(o["done"] for o in outs) == 50 and not any(o["failed"] or o["retry"] for o in outs)
    entries = await _group_entries()
    assert len(entries) == 40 and len(set(entries)) == 40
    assert await WecomEvent.exclude(status="done").count() == 0


async def test_member_kinds_come_from_groupchat_get_when_the_graph_does_not_know(api, seeded, sandbox, cfg) -> None:  # type: ignore[no-untyped-def]
    now = int(time.time())
    sandbox.state.wecom_groups["wrKIND"] = {
        "chat_id": "wrKIND", "name": "群", "owner": "guide01", "create_time": now, "notice": "", "admin_list": [],
        "member_version": "v1", "member_list": [
            {"userid": "guide01", "type": 1, "join_time": now, "join_scene": 1},
            {"userid": "wmLOOKSLIKE", "type": 1, "join_time": now, "join_scene": 1},  # staff, whatever it looks like
            {"userid": "cust-plain-id", "type": 2, "join_time": now, "join_scene": 3},  # a customer, no prefix
            {"userid": "cust-comma-id", "type": 2, "join_time": now, "join_scene": 3}]}
    # <Item> elements
    assert (await deliver(api, cfg, join_event("wrKIND", ["wmLOOKSLIKE", "cust-plain-id"])))[0] == 200
    # the legacy comma list
    path, body = signed_post(cfg, event_xml(cfg.corpid, join_event("wrKIND", "x")).replace(
        "<MemChangeList><![CDATA[x]]></MemChangeList>", "<MemChangeList><![CDATA[cust-comma-id,guide01]]>"
                                                        "</MemChangeList>"))
    assert (await api.call("POST", path, data=body, headers={"content-type": "text/xml"}))[0] == 200
    await settle(seeded)
    kinds = {m.userid: m.kind for m in await GroupMember.filter(chat_id="wrKIND")}
    assert kinds == {"wmLOOKSLIKE": "staff", "cust-plain-id": "external", "cust-comma-id": "external",
                     "guide01": "staff"}
    # a capped list (fewer ids than MemChangeCnt) is diffed against groupchat/get
    sandbox.state.wecom_groups["wrKIND"]["member_list"].append(
        {"userid": "cust-late-id", "type": 2, "join_time": now, "join_scene": 3})
    assert (await deliver(api, cfg, join_event("wrKIND", ["wmOTHER"], MemChangeCnt=2)))[0] == 200
    await settle(seeded)
    kinds = {m.userid: m.kind for m in await GroupMember.filter(chat_id="wrKIND", status="active")}
    assert kinds.get("cust-late-id") == "external" and "wmOTHER" not in kinds


async def test_45009_backs_off_longer_and_jittered(api, seeded, sandbox, cfg) -> None:  # type: ignore[no-untyped-def]
    customer(sandbox, "wmFREQ00001", "freq-w1")
    sandbox.state.faults.append(Fault(path="/cgi-bin/externalcontact/get", count=1, errcode=45009))
    # busy beyond the client's own two transport retries
    sandbox.state.faults.append(Fault(path="/cgi-bin/externalcontact/groupchat/get", count=3, errcode=-1))
    await deliver(api, cfg, add_event("wmFREQ00001"))
    await deliver(api, cfg, join_event("wrBUSY", ["wmUNKNOWN01"]))  # unknown id: asks groupchat/get (busy)
    await settle(seeded)
    freq, busy = await WecomEvent.all().order_by("id")
    assert freq.status == busy.status == "pending" and "45009" in (freq.last_error or "")
    now = clock.now()
    assert timedelta(seconds=47) < freq.next_attempt_at - now < timedelta(seconds=73)  # a minute, jittered
    assert busy.next_attempt_at - now < timedelta(seconds=6)  # the general backoff: 5 s
    clock.shift(timedelta(seconds=80))
    await service.process_due(seeded)
    assert await WecomEvent.filter(status="done").count() == 2


async def test_45033_puts_the_batch_back_and_goes_single_flight(api, seeded, sandbox, cfg,  # type: ignore[no-untyped-def]
                                                               monkeypatch) -> None:
    for i in range(3):
        customer(sandbox, f"wmCONC0000{i}", f"conc-w{i}")
    sandbox.state.faults.append(Fault(path="/cgi-bin/externalcontact/get", count=1, errcode=45033))
    monkeypatch.setattr(cfg, "worker_max_defer_ms", 60_000)
    with service.answering():  # all three recorded before the worker claims them (one batch)
        for i in range(3):
            await deliver(api, cfg, add_event(f"wmCONC0000{i}"))
    await service.drain()
    rows = await WecomEvent.all().order_by("id")
    assert [r.status for r in rows] == ["pending"] * 3
    assert "45033" in (rows[0].last_error or "") and rows[0].attempts == 1
    assert [r.attempts for r in rows[1:]] == [0, 0]  # put back untried: no attempt spent
    assert all(r.next_attempt_at - clock.now() <= timedelta(seconds=10) for r in rows)
    assert await seeded.redis.exists(seeded.key("wecom-serial"))
    # single flight: while another worker holds the turn, this one leaves the work to it
    await seeded.redis.set(seeded.key("wecom-serial-lock"), "1", ex=60)
    clock.shift(timedelta(seconds=11))
    assert not any((await service.process_due(seeded)).values())
    await seeded.redis.delete(seeded.key("wecom-serial-lock"))
    assert (await service.process_due(seeded))["done"] == 3
    assert not await seeded.redis.exists(seeded.key("wecom-serial-lock"))


@pytest.mark.parametrize("errcode,kind", [(60011, "no_privilege"), (84061, "not_external_contact")])
async def test_60011_and_84061_are_permanent(api, seeded, sandbox, cfg, errcode: int, kind: str) -> None:  # type: ignore[no-untyped-def]
    sandbox.state.faults.append(Fault(path="/cgi-bin/externalcontact/get", count=5, errcode=errcode))
    await deliver(api, cfg, add_event("wmPERM00001"))
    await settle(seeded)
    [event] = await WecomEvent.all()
    # not retried: done with what the event itself says (the relation), WeCom's refusal noted for admins
    assert (event.status, event.attempts) == ("done", 1) and f"{errcode} {kind}" in (event.last_error or "")
    assert await ContactFollow.filter(external_userid="wmPERM00001", status="active").count() == 1
    assert len([f for f in sandbox.state.faults if f.errcode == errcode and f.count == 4]) == 1  # called once


async def test_admin_retries_ignored_and_failed_events_audited_and_idempotent(api, seeded, sandbox, cfg,  # type: ignore[no-untyped-def]
                                                                              staff_token, monkeypatch) -> None:
    admin, marketer = staff_token("admin"), staff_token("marketer")
    await deliver(api, cfg, {"Event": "some_new_event", "Foo": "bar"})
    monkeypatch.setattr(cfg, "event_max_attempts", 1)
    customer(sandbox, "wmFAIL00001", "fail-w1")
    _, m = await api.login("fail-w1")
    sandbox.state.faults.append(Fault(path="/cgi-bin/externalcontact/get", count=3, errcode=-1))
    await deliver(api, cfg, add_event("wmFAIL00001"))
    await settle(seeded)
    status, failed = await api.call("GET", "/admin/v1/community/events?status=failed", token=marketer)
    assert status == 200 and [e["change_type"] for e in failed["items"]] == ["add_external_contact"]
    failed_id = failed["items"][0]["id"]
    status, ignored = await api.call("GET", "/admin/v1/community/events?status=ignored", token=marketer)
    ignored_id = ignored["items"][0]["id"]
    # admins only
    status, body = await api.call("POST", f"/admin/v1/community/events/{failed_id}/retry", token=marketer)
    assert status == 403
    sandbox.state.faults.clear()
    monkeypatch.setattr(cfg, "worker_max_defer_ms", 60_000)
    with service.answering():  # keep the worker from running until both retries are in
        status, body = await api.call("POST", f"/admin/v1/community/events/{failed_id}/retry", token=admin)
        assert status == 200 and body["requeued"] and body["event"]["status"] == "pending"
        assert body["event"]["attempts"] == 0
        status, again = await api.call("POST", f"/admin/v1/community/events/{failed_id}/retry", token=admin)
        assert status == 200 and not again["requeued"]  # already requeued: nothing changes, nothing audited
    await service.drain()
    assert (await WecomEvent.get(id=failed_id)).status == "done"
    assert len(await PointEntry.filter(member_id=m["id"], event="wecom_guide_added")) == 1
    status, body = await api.call("POST", f"/admin/v1/community/events/{failed_id}/retry", token=admin)
    assert status == 409 and body["error"]["code"] == "event_done"
    status, body = await api.call("POST", f"/admin/v1/community/events/{ignored_id}/retry", token=admin)
    assert status == 200 and body["requeued"]
    await service.drain()
    assert (await WecomEvent.get(id=ignored_id)).status == "ignored"  # still unknown to jifen
    status, body = await api.call("POST", "/admin/v1/community/events/999999/retry", token=admin)
    assert status == 404
    audit = await WecomEventRetry.all().order_by("id")
    assert [(a.event_id, a.status_before) for a in audit] == [(failed_id, "failed"), (ignored_id, "ignored")]
    assert all(a.operator.startswith("admin:") for a in audit) and audit[0].last_error
    assert len(await PointEntry.filter(member_id=m["id"], event="wecom_guide_added")) == 1


async def test_events_are_processed_while_redis_is_down(api, seeded, sandbox, rt) -> None:  # type: ignore[no-untyped-def]
    """The single-flight check (a 45033's serial mode) lives in Redis; with Redis unreachable the recorded
    events are still processed (they are claimed in the database), not left until Redis returns."""
    from redis.asyncio import Redis

    mid = await _linked("wmREDIS0001", "redis-down-1")
    await _record_joins([("wrREDISDOWN", ["wmREDIS0001"])])
    customer(sandbox, "wmREDIS0002", "redis-down-2")
    outcome, _ = await events.record(add_event("wmREDIS0002"), clock.now())
    assert outcome == events.NEW
    healthy = rt.redis
    rt.redis = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2, decode_responses=True)
    try:
        out = await service.process_due(seeded)
    finally:
        await rt.redis.aclose()
        rt.redis = healthy
    assert out["done"] == 2, out
    assert [e.status for e in await WecomEvent.all()] == ["done", "done"]
    assert await _group_entries() == [(mid, "wecom_group:wrREDISDOWN")]
    assert await ContactFollow.filter(external_userid="wmREDIS0002", status="active").count() == 1
