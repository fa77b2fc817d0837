"""`jifen wecom sync`: a brand's existing WeCom graph pulled in (customers, groups, tags) with progress lines;
recent relations of members earn what a lost callback would have, once."""

from __future__ import annotations

import time

from app.services.community import sync
from models import ContactFollow, ContactTag, CorpTag, GroupMember, PointEntry, StaffUser
from sandbox.state import unionid_for


async def test_backfill_pulls_the_graph_and_credits_once(api, seeded, sandbox) -> None:  # type: ignore[no-untyped-def]
    _, m = await api.login("sync-a")
    await StaffUser.create(name="王导购", role="guide", wecom_userid="guide09")
    now = int(time.time())
    sandbox.state.wecom_tag_groups[:] = [{"group_id": "etG", "group_name": "兴趣", "order": 1, "deleted": False,
                                          "tag": [{"id": "etA", "name": "护肤", "order": 1, "deleted": False}]}]
    for i in range(150):  # two pages of customers
        ext = f"wmSYNC{i:05d}"
        contact = {"external_userid": ext, "name": f"c{i}", "type": 1}
        if i == 0:
            contact["unionid"] = unionid_for("sync-a")
        sandbox.state.wecom_contacts[ext] = {"external_contact": contact, "follow_user": [
            {"userid": "guide09", "createtime": now, "state": "s1", "tags": [
                {"group_name": "兴趣", "tag_name": "护肤", "tag_id": "etA", "type": 1}]}]}
    sandbox.state.wecom_groups["wrSYNC"] = {
        "chat_id": "wrSYNC", "name": "老客群", "owner": "guide09", "member_version": "v1", "member_list": [
            {"userid": "guide09", "type": 1, "join_time": now, "join_scene": 1},
            {"userid": "wmSYNC00000", "type": 2, "join_time": now, "join_scene": 3}]}
    lines: list[str] = []
    out = await sync.run(seeded, progress=lines.append)
    assert out["relations"] == 150 and out["groups"] == 1 and out["tags"] == 1
    assert any("150 guide-customer relations" in line for line in lines)
    assert await ContactFollow.filter(userid="guide09", status="active").count() == 150
    assert await ContactTag.filter(tag_id="etA").count() == 150
    assert await CorpTag.filter(tag_id="etA", deleted=False).exists()
    assert await GroupMember.filter(chat_id="wrSYNC", status="active").count() == 2
    await sync.run(seeded)  # weekly re-run: nothing twice
    events = sorted(e.event or "" for e in await PointEntry.filter(member_id=m["id"]))
    assert [e for e in events if e.startswith("wecom")] == ["wecom_group_joined", "wecom_guide_added"]
