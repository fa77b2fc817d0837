"""WeCom events into the graph and points: the customer <-> guide <-> member graph, awards made once however
often an event arrives, nothing taken back on deletion, credit on registration within the window, and the
sandbox playing WeCom end to end (docs/wechat-protocols.md §4)."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from typing import Any

import pytest

from app.clock import clock
from app.services.community import service
from models import ContactFollow, ContactTag, CorpTag, CustomerGroup, GroupMember, Member, PointEntry, WecomEvent
from sandbox.state import Fault, unionid_for
from tests.wecomhelpers import deliver, event_xml, signed_post


def add_event(ext: str, userid: str = "guide01", state: str = "qr-store-1", **extra: Any) -> dict[str, Any]:
    return {"Event": "change_external_contact", "ChangeType": "add_external_contact", "UserID": userid,
            "ExternalUserID": ext, "State": state, **extra}


def join_event(chat_id: str, ids: list[str] | str, detail: str = "add_member", **extra: Any) -> dict[str, Any]:
    return {"Event": "change_external_chat", "ChangeType": "update", "ChatId": chat_id, "UpdateDetail": detail,
            "JoinScene": 3, "MemChangeCnt": 1, "MemChangeList": ids, **extra}


def customer(sandbox: Any, ext: str, name: str | None, userid: str = "guide01", tags: list[str] = ()) -> None:
    """A WeCom customer the sandbox's externalcontact/get knows (with the unionid of login `name`)."""
    contact = {"external_userid": ext, "name": f"客户{ext[-4:]}", "type": 1}
    if name:
        contact["unionid"] = unionid_for(name)
    sandbox.state.wecom_contacts[ext] = {"external_contact": contact, "follow_user": [
        {"userid": userid, "remark": "", "createtime": int(time.time()), "state": "qr-store-1",
         "tags": [{"group_name": "兴趣", "tag_name": "护肤", "tag_id": t, "type": 1} for t in tags]}]}


async def settle(rt: Any) -> None:
    await service.drain()
    await service.process_due(rt)


async def entries(member_id: int, event: str) -> list[PointEntry]:
    return await PointEntry.filter(member_id=member_id, event=event)


@pytest.fixture
def cfg(rt):  # type: ignore[no-untyped-def]
    return rt.settings.wecom


async def test_added_guide_awards_once_however_often_delivered(api, seeded, sandbox, cfg) -> None:  # type: ignore[no-untyped-def]
    _, alice = await api.login("alice-w1")
    customer(sandbox, "wmALICE0001", "alice-w1")
    created = int(time.time())
    event = add_event("wmALICE0001", CreateTime=created)
    for _ in range(3):  # WeCom's retries, one after the other
        assert (await deliver(api, cfg, event))[0] == 200
    answers = await asyncio.gather(*(deliver(api, cfg, event) for _ in range(3)))  # and at once
    assert [a[0] for a in answers] == [200, 200, 200]
    # a second guide is a new relation but not a second award (once per member, ever)
    customer(sandbox, "wmALICE0001", "alice-w1", userid="guide02")
    assert (await deliver(api, cfg, add_event("wmALICE0001", userid="guide02", state="qr-2")))[0] == 200
    await settle(seeded)
    assert await WecomEvent.filter(status="done").count() == 2
    [entry] = await entries(alice["id"], "wecom_guide_added")
    assert entry.amount == 20
    follows = await ContactFollow.filter(external_userid="wmALICE0001").order_by("id")
    assert [(f.userid, f.state, f.status, f.is_primary) for f in follows] == [
        ("guide01", "qr-store-1", "active", True), ("guide02", "qr-2", "active", False)]


async def test_deleting_takes_nothing_back_and_moves_the_primary(api, seeded, sandbox, cfg) -> None:  # type: ignore[no-untyped-def]
    _, bob = await api.login("bob-w1")
    customer(sandbox, "wmBOB00001", "bob-w1")
    await deliver(api, cfg, add_event("wmBOB00001", CreateTime=int(time.time()) - 2))
    await deliver(api, cfg, add_event("wmBOB00001", userid="guide02", CreateTime=int(time.time()) - 1))
    await settle(seeded)
    balance = (await Member.get(id=bob["id"])).balance
    assert balance >= 20
    await deliver(api, cfg, {"Event": "change_external_contact", "ChangeType": "del_follow_user",
                             "UserID": "guide01", "ExternalUserID": "wmBOB00001"})
    await settle(seeded)
    assert (await Member.get(id=bob["id"])).balance == balance
    follows = {f.userid: f for f in await ContactFollow.filter(external_userid="wmBOB00001")}
    assert follows["guide01"].status == "removed_by_customer" and not follows["guide01"].is_primary
    assert follows["guide02"].is_primary
    # an older add processed late (a WeCom retry) does not resurrect the relation
    await deliver(api, cfg, add_event("wmBOB00001", CreateTime=int(time.time()) - 30))
    await settle(seeded)
    assert (await ContactFollow.get(external_userid="wmBOB00001", userid="guide01")).status == "removed_by_customer"


async def test_group_joins_in_both_shapes_award_once_per_group(api, seeded, sandbox, cfg) -> None:  # type: ignore[no-untyped-def]
    _, a = await api.login("gj-a")
    _, b = await api.login("gj-b")
    for ext, name in (("wmGJA00001", "gj-a"), ("wmGJB00001", "gj-b")):
        customer(sandbox, ext, name)
        await deliver(api, cfg, add_event(ext))
    await settle(seeded)
    # <Item> elements, then the comma-separated shape, with a staff member among the ids
    assert (await deliver(api, cfg, join_event("wrG1", ["wmGJA00001", "guide01"])))[0] == 200
    path, body = signed_post(cfg, event_xml(cfg.corpid, join_event("wrG1", "x")).replace(
        "<MemChangeList><![CDATA[x]]></MemChangeList>", "<MemChangeList><![CDATA[wmGJB00001,wmGJA00001]]>"
                                                        "</MemChangeList>"))
    assert (await api.call("POST", path, data=body, headers={"content-type": "text/xml"}))[0] == 200
    await settle(seeded)
    members = {m.userid: m for m in await GroupMember.filter(chat_id="wrG1")}
    assert {k: (m.kind, m.status) for k, m in members.items()} == {
        "wmGJA00001": ("external", "active"), "wmGJB00001": ("external", "active"), "guide01": ("staff", "active")}
    # leave and rejoin the same group: no second award; another group: one more
    await deliver(api, cfg, join_event("wrG1", ["wmGJA00001"], "del_member"))
    await deliver(api, cfg, join_event("wrG1", ["wmGJA00001"], CreateTime=int(time.time()) + 1))
    await deliver(api, cfg, join_event("wrG2", ["wmGJA00001"]))
    await deliver(api, cfg, {"Event": "change_external_chat", "ChangeType": "dismiss", "ChatId": "wrG2"})
    await settle(seeded)
    assert sorted(e.idem_key for e in await entries(a["id"], "wecom_group_joined")) == [
        "wecom_group:wrG1", "wecom_group:wrG2"]
    assert [e.idem_key for e in await entries(b["id"], "wecom_group_joined")] == ["wecom_group:wrG1"]
    assert (await CustomerGroup.get(chat_id="wrG2")).status == "dismissed"
    assert await GroupMember.filter(chat_id="wrG2", status="active").count() == 0
    assert len(await entries(a["id"], "wecom_group_joined")) == 2  # dismissal takes nothing back


async def test_not_yet_registered_is_credited_within_the_window_only(api, seeded, sandbox, cfg) -> None:  # type: ignore[no-untyped-def]
    customer(sandbox, "wmLATE00001", "late-w1")
    customer(sandbox, "wmTOOLATE01", "toolate-w1")
    for ext in ("wmLATE00001", "wmTOOLATE01"):
        await deliver(api, cfg, add_event(ext))
        await deliver(api, cfg, join_event("wrLATE", [ext]))
    await settle(seeded)
    assert await PointEntry.all().count() == 0  # nobody to credit yet
    _, late = await api.login("late-w1")  # registers within the window
    assert {e.event for e in await PointEntry.filter(member_id=late["id"])} >= {"wecom_guide_added",
                                                                                 "wecom_group_joined"}
    clock.shift(timedelta(days=cfg.pending_window_days + 1))
    _, too_late = await api.login("toolate-w1")
    assert await PointEntry.filter(member_id=too_late["id"], event__startswith="wecom").count() == 0


async def test_tags_catalogue_and_admin_views(api, seeded, sandbox, cfg, staff_token) -> None:  # type: ignore[no-untyped-def]
    sandbox.state.wecom_tag_groups[:] = [{"group_id": "etG1", "group_name": "兴趣", "order": 1, "deleted": False,
                                          "tag": [{"id": "etT1", "name": "护肤", "order": 1, "deleted": False},
                                                  {"id": "etT2", "name": "彩妆", "order": 2, "deleted": False}]}]
    _, m = await api.login("tags-w1")
    customer(sandbox, "wmTAG000001", "tags-w1", tags=["etT1"])
    await deliver(api, cfg, {"Event": "change_external_tag", "ChangeType": "create", "Id": "etG1",
                             "TagType": "tag_group"})
    await deliver(api, cfg, add_event("wmTAG000001"))
    await deliver(api, cfg, join_event("wrTAG", ["wmTAG000001"]))
    await settle(seeded)
    assert {t.tag_id for t in await CorpTag.filter(deleted=False)} == {"etT1", "etT2"}
    assert [t.tag_id for t in await ContactTag.filter(external_userid="wmTAG000001")] == ["etT1"]
    await deliver(api, cfg, {"Event": "change_external_tag", "ChangeType": "delete", "Id": "etT2", "TagType": "tag"})
    await deliver(api, cfg, {"Event": "change_external_contact", "ChangeType": "unknown_future_change",
                             "UserID": "guide01", "ExternalUserID": "wmTAG000001"})
    await deliver(api, cfg, {"Event": "some_new_event", "Foo": "bar"})
    await settle(seeded)
    assert (await CorpTag.get(tag_id="etT2")).deleted
    token = staff_token("marketer")
    status, graph = await api.call("GET", f"/admin/v1/community/members/{m['id']}", token=token)
    assert status == 200
    assert [g["userid"] for g in graph["guides"]] == ["guide01"] and graph["guides"][0]["state"] == "qr-store-1"
    assert [g["chat_id"] for g in graph["groups"]] == ["wrTAG"]
    assert [(t["tag_id"], t["name"]) for t in graph["tags"]] == [("etT1", "护肤")]
    status, page = await api.call("GET", "/admin/v1/community/guides/guide01/customers", token=token)
    assert status == 200 and [i["member_id"] for i in page["items"]] == [m["id"]]
    status, ignored = await api.call("GET", "/admin/v1/community/events?status=ignored", token=token)
    assert status == 200 and [e["event"] for e in ignored["items"]] == ["some_new_event"]


async def test_a_busy_wecom_api_retries_the_event_later(api, seeded, sandbox, cfg) -> None:  # type: ignore[no-untyped-def]
    _, m = await api.login("busy-w1")
    customer(sandbox, "wmBUSY00001", "busy-w1")
    sandbox.state.faults.append(Fault(path="/cgi-bin/externalcontact/get", count=3, errcode=-1))
    await deliver(api, cfg, add_event("wmBUSY00001"))
    await settle(seeded)
    [event] = await WecomEvent.all()
    assert event.status == "pending" and event.attempts == 1 and event.last_error
    clock.shift(timedelta(minutes=5))
    await service.process_due(seeded)
    assert (await WecomEvent.get(id=event.id)).status == "done"
    assert len(await entries(m["id"], "wecom_guide_added")) == 1


async def test_sandbox_scenario_end_to_end(api, app, seeded, sandbox) -> None:  # type: ignore[no-untyped-def]
    _, m = await api.login("scn-w1")
    url = app.ctx.test_url + "/wecom/callback"
    steps = [{"action": "add_contact", "userid": "guide07", "external_userid": "wmSCN000001",
              "state": "poster-1", "unionid": unionid_for("scn-w1")},
             {"action": "create_group", "chat_id": "wrSCN", "owner": "guide07", "name": "会员群"},
             {"action": "join_group", "chat_id": "wrSCN", "external_userid": "wmSCN000001"},
             {"action": "leave_group", "chat_id": "wrSCN", "external_userid": "wmSCN000001"},
             {"action": "dismiss_group", "chat_id": "wrSCN"}]
    for part in (steps[:3], steps[3:]):  # the group is pulled at creation: let that happen before dismissal
        async with api.session.post(sandbox.url + "/__sandbox__/wecom/scenarios",
                                    json={"callback_url": url, "steps": part, "shape": "comma"}) as resp:
            played = await resp.json()
        assert resp.status == 200 and [r["status"] for r in played["results"]] == [200] * len(part), played
        await settle(seeded)
    assert sandbox.state.wecom_welcomes and sandbox.state.wecom_welcomes[0]["text"]["content"]
    assert {e.event for e in await PointEntry.filter(member_id=m["id"])} >= {"wecom_guide_added",
                                                                              "wecom_group_joined"}
    group = await CustomerGroup.get(chat_id="wrSCN")
    assert (group.name, group.owner_userid, group.status) == ("会员群", "guide07", "dismissed")
    assert await WecomEvent.exclude(status="done").count() == 0
