"""SOP task dispatch: a marketer's task fans out at its start into one assignment per targeted guide with that
guide's matching customers, exactly once however many schedulers run, with a deterministic holdout."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta
from typing import Any

import pytest

from app.clock import SHANGHAI, clock
from app.services.points import ledger
from app.services.sop import service
from models import OutboxMessage, SopAssignment, SopRecipient, SopTask
from sandbox.wecom_sop import reset
from tests import sophelpers as h


@pytest.fixture(autouse=True)
def _sop_sandbox(sandbox: Any) -> None:
    reset(sandbox.state)


async def template(api: Any, tok: str, kind: str = "invitation", **content: Any) -> int:
    content = {"text": "会员日邀请", "link_url": "https://example.com/event", **content}
    status, body = await api.call("POST", "/admin/v1/sop/templates", token=tok,
                                  json={"kind": kind, "name": f"{kind}模板", "content": content})
    assert status == 201, body
    return int(body["id"])


async def task(api: Any, tok: str, tpl: int, **fields: Any) -> dict[str, Any]:
    start = clock.now() + timedelta(minutes=5)
    payload = {"template_id": tpl, "targets": {"store_ids": []}, "start_at": start.isoformat(),
               "deadline_at": (start + timedelta(days=2)).isoformat(), **fields}
    status, body = await api.call("POST", "/admin/v1/sop/tasks", token=tok, json=payload)
    assert status == 201, body
    return body


async def test_task_for_three_stores_fans_out_once_with_two_schedulers(rt: Any, api: Any, sandbox: Any,
                                                                      staff_token: Any) -> None:
    stores = [await h.store(f"S{i}", "华东" if i < 2 else "华南") for i in range(4)]
    guides = {}
    n = 0
    for s in stores:
        for j in range(2):
            g = await h.guide(f"g{s.code}{j}", s.id)
            guides[g.id] = s
            for _k in range(3):
                n += 1
                await h.customer(sandbox, g.wecom_userid, f"wm{n:04d}")
    # a guide of another store, an inactive guide of a targeted store, a marketer in a targeted store
    inactive = await h.guide("gone", stores[0].id)
    inactive.active = False
    await inactive.save()
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt)
    body = await task(api, mkt, tpl, targets={"store_ids": [stores[0].id, stores[1].id, stores[2].id]})
    assert body["status"] == "scheduled"

    assert await service.dispatch_due(clock.now(), 10) == {"tasks": 0, "assignments": 0, "recipients": 0}
    clock.shift(timedelta(minutes=6))
    results = await asyncio.gather(*(service.dispatch_due(clock.now(), 10) for _ in range(2)))
    assert sorted(r["tasks"] for r in results) == [0, 1]
    again = await service.dispatch_due(clock.now(), 10)
    assert again["tasks"] == 0

    rows = await SopAssignment.filter(task_id=body["id"])
    expected = {gid for gid, s in guides.items() if s.id != stores[3].id}
    assert {a.staff_id for a in rows} == expected and len(rows) == 6
    assert all(a.recipients == 3 and a.state == "open" for a in rows)
    assert await SopRecipient.filter(task_id=body["id"]).count() == 18
    t = await SopTask.get(id=body["id"])
    assert (t.status, t.assignments, t.recipients) == ("dispatched", 6, 18)
    status, listed = await api.call("GET", "/admin/v1/sop/tasks?status=dispatched", token=mkt)
    assert status == 200 and [(x["id"], x["assignments"], x["recipients"]) for x in listed["items"]] == [
        (t.id, 6, 18)]
    status, one = await api.call("GET", f"/admin/v1/sop/tasks/{t.id}", token=mkt)
    assert one["status"] == "dispatched" and one["dispatched_at"]
    # one app message and one WeCom job per assignment, no more
    assert await OutboxMessage.filter(kind="sop_notify").count() == 6
    assert await OutboxMessage.filter(kind="sop_wecom_job").count() == 6
    # a replay of the statements themselves adds nothing (the unique keys)
    async with __import__("tortoise").transactions.in_transaction() as c:
        await service._fan_out(c, t, clock.now())
        await service._enqueue_all(c, t, clock.now())
    assert await SopAssignment.filter(task_id=t.id).count() == 6
    assert await SopRecipient.filter(task_id=t.id).count() == 18
    assert await OutboxMessage.all().count() == 12


async def test_regions_and_named_guides_are_targets_too(rt: Any, api: Any, sandbox: Any, staff_token: Any) -> None:
    east, south = await h.store("E1", "华东"), await h.store("S1", "华南")
    ge, gs, gx = await h.guide("ge", east.id), await h.guide("gs", south.id), await h.guide("gx", None)
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="learning", text="新品知识")
    body = await task(api, mkt, tpl, targets={"regions": ["华南"], "staff_ids": [gx.id]})
    clock.shift(timedelta(minutes=6))
    await service.dispatch_due(clock.now(), 10)
    assert {a.staff_id for a in await SopAssignment.filter(task_id=body["id"])} == {gs.id, gx.id}
    assert ge.id not in {a.staff_id for a in await SopAssignment.all()}
    # learning needs no WeCom job, only the app message
    assert await OutboxMessage.filter(kind="sop_wecom_job").count() == 0
    assert await OutboxMessage.filter(kind="sop_notify").count() == 2


async def test_segment_selects_the_guides_matching_customers(rt: Any, api: Any, sandbox: Any,
                                                              staff_token: Any) -> None:
    s = await h.store("A", "华东")
    g = await h.guide("ga", s.id)
    other = await h.guide("gb", s.id)
    now = clock.now()
    rich = await h.member(balance=0, tier_level=2)
    poor = await h.member(tier_level=2)
    low_tier = await h.member(tier_level=0)
    await ledger.adjust(rich.id, 800, "seed-rich", now=now, reason="t", operator="t",
                        expires_at=now + timedelta(days=5))
    await ledger.adjust(low_tier.id, 800, "seed-low", now=now, reason="t", operator="t", expires_at=None)
    await h.customer(sandbox, "ga", "wmRICH", member_id=rich.id, tags=("etVIP",))
    await h.customer(sandbox, "ga", "wmPOOR", member_id=poor.id, tags=("etVIP",))
    await h.customer(sandbox, "ga", "wmLOW", member_id=low_tier.id, tags=("etVIP",))
    await h.customer(sandbox, "ga", "wmNOTAG", member_id=rich.id and (await h.member(tier_level=3)).id)
    await h.customer(sandbox, "ga", "wmGUEST", tags=("etVIP",))  # not a member
    await h.customer(sandbox, "gb", "wmOTHER", member_id=rich.id, tags=("etVIP",))
    # a secondary follow of a customer whose primary guide is gb does not make them ga's
    await h.customer(sandbox, "ga", "wmOTHER2", tags=("etVIP",), primary=False)
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="mass_message")
    body = await task(api, mkt, tpl, targets={"staff_ids": [g.id, other.id]},
                      segment={"tag_ids": ["etVIP"], "tier_min": 1, "balance_min": 500, "expiring_within_days": 7})
    clock.shift(timedelta(minutes=6))
    await service.dispatch_due(clock.now(), 10)
    got = {(r.external_userid, r.assignment_id) for r in await SopRecipient.filter(task_id=body["id"])}
    a = await SopAssignment.get(task_id=body["id"], staff_id=g.id)
    b = await SopAssignment.get(task_id=body["id"], staff_id=other.id)
    assert got == {("wmRICH", a.id), ("wmOTHER", b.id)}

    # no member condition: guests count too
    body2 = await task(api, mkt, tpl, targets={"staff_ids": [g.id]}, segment={"tag_ids": ["etVIP"]})
    clock.shift(timedelta(minutes=6))
    await service.dispatch_due(clock.now(), 10)
    assert {r.external_userid for r in await SopRecipient.filter(task_id=body2["id"])} == {
        "wmRICH", "wmPOOR", "wmLOW", "wmGUEST"}


async def test_holdout_is_a_deterministic_share_recorded_not_sent(rt: Any, api: Any, sandbox: Any,
                                                                  staff_token: Any) -> None:
    s = await h.store("A", "华东")
    g = await h.guide("ga", s.id)
    contacts = [await h.customer(sandbox, "ga", f"wm{i:03d}") for i in range(200)]
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="mass_message")
    body = await task(api, mkt, tpl, targets={"staff_ids": [g.id]}, holdout_bp=2000)
    clock.shift(timedelta(minutes=6))
    await service.dispatch_due(clock.now(), 10)
    held = {r.external_userid for r in await SopRecipient.filter(task_id=body["id"], holdout=True)}
    expected = {c.external_userid for c in contacts if service.holdout_of(c.id, body["id"], 2000)}
    assert held == expected and 25 <= len(held) <= 55
    a = await SopAssignment.get(task_id=body["id"])
    assert (a.recipients, a.holdouts) == (200 - len(held), len(held))


async def test_bad_tasks_are_refused_whole(rt: Any, api: Any, staff_token: Any) -> None:
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt)
    start = datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)
    cases = [
        {"template_id": tpl, "targets": {}, "start_at": start.isoformat(),
         "deadline_at": (start + timedelta(days=1)).isoformat()},
        {"template_id": tpl, "targets": {"regions": ["华东"]}, "start_at": start.isoformat(),
         "deadline_at": start.isoformat()},
        {"template_id": tpl, "targets": {"regions": ["华东"]}, "start_at": "2026-12-01T10:00:00",
         "deadline_at": "2026-12-02T10:00:00"},
        {"template_id": tpl, "targets": {"regions": ["华东"]}, "start_at": start.isoformat(),
         "deadline_at": (start + timedelta(days=1)).isoformat(), "holdout_bp": 9000},
    ]
    for payload in cases:
        status, body = await api.call("POST", "/admin/v1/sop/tasks", token=mkt, json=payload)
        assert status == 422 and body["error"]["code"], (payload, body)
    status, body = await api.call("POST", "/admin/v1/sop/tasks", token=mkt, json={**cases[0], "template_id": 999,
                                                                                  "targets": {"regions": ["x"]}})
    assert status == 404
    status, body = await api.call("POST", "/admin/v1/sop/templates", token=mkt,
                                  json={"kind": "tagging", "name": "t", "content": {}})
    assert status == 422
    status, _ = await api.call("POST", "/admin/v1/sop/templates", token=staff_token("guide", 8),
                               json={"kind": "learning", "name": "t"})
    assert status == 403
    assert await SopTask.all().count() == 0


async def test_a_misspelt_target_key_is_refused_by_name(api, seeded, staff_token) -> None:  # type: ignore[no-untyped-def]
    mkt = staff_token("marketer")
    status, tpl = await api.call("POST", "/admin/v1/sop/templates", token=mkt,
                                 json={"kind": "learning", "name": "学习", "content": {"text": "读一读"}})
    assert status in (200, 201), tpl
    body = {"template_id": tpl["id"], "targets": {"stores": [1]}, "start_at": "2026-12-01T09:00:00+08:00",
            "deadline_at": "2026-12-02T09:00:00+08:00"}
    status, err = await api.call("POST", "/admin/v1/sop/tasks", token=mkt, json=body)
    assert status == 422 and "stores" in json.dumps(err, ensure_ascii=False), err
