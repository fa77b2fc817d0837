"""The guide's side of SOP tasks: only their own assignments and customers (another guide's is a 404), the
text to forward, completion by quiz or confirmation, and their stats."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from app.clock import clock
from app.services.sop import service
from models import SopAssignment
from sandbox.wecom_sop import reset
from tests import sophelpers as h
from tests.test_sop_dispatch import task, template


@pytest.fixture(autouse=True)
def _sop_sandbox(sandbox: Any) -> None:
    reset(sandbox.state)


async def two_guides(sandbox: Any) -> tuple[Any, Any]:
    s = await h.store("A", "华东")
    a, b = await h.guide("ga", s.id), await h.guide("gb", s.id)
    for i in range(3):
        await h.customer(sandbox, "ga", f"wmA{i}")
    await h.customer(sandbox, "gb", "wmB0")
    return a, b


async def dispatched(api: Any, mkt: str, tpl: int, staff: list[int], **fields: Any) -> int:
    body = await task(api, mkt, tpl, targets={"staff_ids": staff}, **fields)
    clock.shift(timedelta(minutes=6))
    await service.dispatch_due(clock.now(), 10)
    return int(body["id"])


async def test_a_guide_sees_and_completes_only_their_own(rt: Any, api: Any, sandbox: Any, staff_token: Any) -> None:
    a, b = await two_guides(sandbox)
    ta, tb = h.token(rt, a), h.token(rt, b)
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="community", channel="none", text="今晚8点群内抽奖")
    task_id = await dispatched(api, mkt, tpl, [a.id, b.id])
    mine = await SopAssignment.get(task_id=task_id, staff_id=a.id)
    theirs = await SopAssignment.get(task_id=task_id, staff_id=b.id)

    status, body = await api.call("GET", "/guide/v1/tasks", token=ta)
    assert status == 200 and [x["id"] for x in body["items"]] == [mine.id]
    status, body = await api.call("GET", f"/guide/v1/tasks/{mine.id}", token=ta)
    assert status == 200
    assert {c["external_userid"] for c in body["customers"]} == {"wmA0", "wmA1", "wmA2"}
    assert body["forward_text"] == "今晚8点群内抽奖\nhttps://example.com/event"

    for method, path in (("GET", f"/guide/v1/tasks/{theirs.id}"), ("POST", f"/guide/v1/tasks/{theirs.id}/complete")):
        status, body = await api.call(method, path, token=ta, json={})
        assert status == 404 and body["error"]["code"] == "task_not_found"
    assert (await SopAssignment.get(id=theirs.id)).state == "open"
    member_token, _ = await api.login("alice")
    status, _ = await api.call("GET", "/guide/v1/tasks", token=member_token)
    assert status in (401, 403)
    status, _ = await api.call("GET", "/guide/v1/tasks", token=staff_token("marketer", 7))
    assert status == 403

    status, body = await api.call("POST", f"/guide/v1/tasks/{mine.id}/complete", token=ta,
                                  json={"note": "已发", "evidence": {"screenshot": "https://example.com/1.png"}})
    assert status == 200 and body["state"] == "done" and body["completed_via"] == "guide"
    status, body = await api.call("GET", "/guide/v1/tasks?state=done", token=ta)
    assert [x["id"] for x in body["items"]] == [mine.id]
    status, body = await api.call("GET", "/guide/v1/tasks?state=done", token=tb)
    assert body["items"] == []
    status, body = await api.call("GET", "/guide/v1/tasks?state=bogus", token=tb)
    assert status == 422

    status, body = await api.call("GET", "/guide/v1/stats", token=ta)
    assert status == 200
    assert body["by_state"] == {"done": 1} and body["completion_rate"] == 1.0
    assert body["customers"]["total"] == 3
    status, body = await api.call("GET", "/guide/v1/stats", token=tb)
    assert body["by_state"] == {"open": 1} and body["customers"]["total"] == 1


async def test_learning_completes_only_when_the_quiz_is_passed(rt: Any, api: Any, sandbox: Any,
                                                               staff_token: Any) -> None:
    a, _ = await two_guides(sandbox)
    ta = h.token(rt, a)
    mkt = staff_token("marketer", 7)
    quiz = {"pass_mark": 2, "questions": [{"q": "积分有效期?", "options": ["1年", "2年"], "answer": 0},
                                          {"q": "会员日?", "options": ["每月8日", "每月18日"], "answer": 1},
                                          {"q": "首单送?", "options": ["100", "200"], "answer": 0}]}
    tpl = await template(api, mkt, kind="learning", text="积分规则培训", quiz=quiz)
    task_id = await dispatched(api, mkt, tpl, [a.id])
    mine = await SopAssignment.get(task_id=task_id)
    assert mine.recipients == 0  # learning has no customers

    status, body = await api.call("GET", f"/guide/v1/tasks/{mine.id}", token=ta)
    assert all("answer" not in q for q in body["content"]["quiz"]["questions"])
    status, body = await api.call("POST", f"/guide/v1/tasks/{mine.id}/complete", token=ta, json={})
    assert status == 422
    status, body = await api.call("POST", f"/guide/v1/tasks/{mine.id}/complete", token=ta, json={"answers": [1, 1, 1]})
    assert status == 409 and body["error"]["code"] == "quiz_failed"
    assert (await SopAssignment.get(id=mine.id)).state == "open"
    status, body = await api.call("POST", f"/guide/v1/tasks/{mine.id}/complete", token=ta, json={"answers": [0, 1, 1]})
    assert status == 200 and body["state"] == "done"
    assert (await SopAssignment.get(id=mine.id)).evidence == {"score": 2}
    status, body = await api.call("POST", f"/guide/v1/tasks/{mine.id}/complete", token=ta, json={"answers": [1, 1, 1]})
    assert status == 200 and body.get("already") is True
