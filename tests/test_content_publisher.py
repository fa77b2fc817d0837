"""The minute publisher against the sandbox official account: on time and once with two schedulers, the finished
events, retries then failure with the marketer alerted, quota refusals at send time, and a mass send retried
after a crash between the call and its record that does not send twice (clientmsgid)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest

from app.clock import clock
from app.services.content import publisher
from models import ContentEdition, ContentNotification, ContentQuotaSlot
from sandbox.official_account import _local
from sandbox.state import Fault
from tests.contenthelpers import eventually, make_edition, sandbox_oa, shanghai, upload


async def _status(edition_id: int) -> ContentEdition:
    return await ContentEdition.get(id=edition_id)


async def test_edition_for_nine_is_published_once_at_nine_with_two_schedulers(api: Any, staff_token: Any, rt: Any,
                                                                                sandbox: Any, app: Any) -> None:
    oa = sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    nine = shanghai(2026, 12, 1, 9, 0)
    ed = await make_edition(api, mkt, cover["id"], at=nine)
    assert ed["status"] == "scheduled"

    clock.set(nine - timedelta(seconds=1))  # 08:59:59: not due yet
    assert await asyncio.gather(publisher.run_due(rt), publisher.run_due(rt)) == [{}, {}]
    assert oa.publishes == {}

    clock.set(nine)
    outcomes = await asyncio.gather(publisher.run_due(rt), publisher.run_due(rt))
    assert sorted(outcomes, key=len) == [{}, {"submitted": 1}]  # exactly one scheduler took it
    assert len(oa.publishes) == 1 and len(oa.drafts) == 1
    # a third run before the lease ends (or the poll is due) does nothing
    assert await publisher.run_due(rt) == {}

    async def published() -> bool:
        return (await _status(ed["id"])).status == "published"

    await eventually(published)  # PUBLISHJOBFINISH posted back by the sandbox, signed and encrypted
    e = await _status(ed["id"])
    pub = next(iter(oa.publishes.values()))
    assert e.publish_id == pub["publish_id"] and e.article_id == pub["article_id"]
    assert e.article_urls == {"urls": pub["urls"]} and len(pub["urls"]) == 3
    assert e.published_at == nine and e.attempts == 1
    assert oa.posted[-1]["status"] == 200 and oa.posted[-1]["body"] == "success"
    clock.set(nine + timedelta(hours=1))
    assert await publisher.run_due(rt) == {}  # published: never again
    assert len(oa.publishes) == 1


async def test_failed_publish_is_retried_then_failed_with_the_error(api: Any, staff_token: Any, rt: Any,
                                                                    sandbox: Any, app: Any,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    oa = sandbox_oa(sandbox, app)
    monkeypatch.setattr(rt.settings.official_account, "max_attempts", 3)
    monkeypatch.setattr(rt.miniprogram.http, "backoff", 0.001)
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    at = shanghai(2026, 11, 30, 10, 30)
    ed = await make_edition(api, mkt, cover["id"], at=at)
    sandbox.state.faults.append(Fault(path="/cgi-bin/freepublish/submit", count=1000, errcode=-1))

    clock.set(at)
    assert await publisher.run_due(rt) == {"retry": 1}
    e = await _status(ed["id"])
    assert (e.status, e.stage, e.attempts, e.errcode) == ("publishing", "drafted", 1, -1)
    assert e.next_attempt_at == at + timedelta(seconds=60)
    clock.set(at + timedelta(seconds=59))
    assert await publisher.run_due(rt) == {}  # backoff respected
    clock.set(at + timedelta(seconds=60))
    assert await publisher.run_due(rt) == {"retry": 1}
    assert (await _status(ed["id"])).next_attempt_at == at + timedelta(seconds=60 + 120)  # doubling
    clock.set(at + timedelta(seconds=180))
    assert await publisher.run_due(rt) == {"failed": 1}

    e = await _status(ed["id"])
    assert (e.status, e.errcode, e.attempts) == ("failed", -1, 3)
    assert "gave up after 3 attempts" in (e.last_error or "") and "freepublish/submit" in (e.last_error or "")
    assert len(oa.drafts) == 1 and oa.publishes == {}  # the draft was made once; nothing was published
    status, notes = await api.call("GET", "/admin/v1/notifications", token=staff_token("marketer"))
    assert status == 200 and [n["edition_id"] for n in notes["items"]] == [ed["id"]]
    assert "errcode -1" in notes["items"][0]["message"]
    clock.set(at + timedelta(hours=2))
    assert await publisher.run_due(rt) == {}


async def test_quota_error_at_send_time_fails_at_once_and_alerts(api: Any, staff_token: Any, rt: Any, sandbox: Any,
                                                                app: Any) -> None:
    oa = sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    at = shanghai(2026, 11, 30, 20, 0)
    ed = await make_edition(api, mkt, cover["id"], mode="mass", at=at)
    assert await ContentQuotaSlot.filter(edition_id=ed["id"]).count() == 1
    # the marketer already sent today's mass message from the web console: WeChat answers 45028
    today = _local(sandbox.state.now())
    oa.mass[1] = {"msg_id": 1, "day": today.date().isoformat(), "month": f"{today:%Y-%m}", "to_all": True,
                  "status": "SEND_SUCCESS"}
    clock.set(at)
    assert await publisher.run_due(rt) == {"failed": 1}
    e = await _status(ed["id"])
    assert (e.status, e.errcode) == ("failed", 45028) and "no quota left" in (e.last_error or "")
    assert await ContentQuotaSlot.filter(edition_id=ed["id"]).count() == 0  # released
    note = await ContentNotification.get(edition_id=ed["id"])
    assert note.kind == "edition_quota"


class Crash(BaseException):
    """The process dies right after WeChat accepted the mass send, before jifen recorded it."""


async def test_mass_send_retried_after_a_crash_does_not_send_twice(api: Any, staff_token: Any, rt: Any,
                                                                   sandbox: Any, app: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    oa = sandbox_oa(sandbox, app, mass_delay_ms=0)
    oa.callback_url = None  # no finished event: its timing would race the test; the poll settles the status
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    at = shanghai(2026, 11, 30, 21, 0)
    ed = await make_edition(api, mkt, cover["id"], mode="mass", at=at)

    real = publisher._record_submitted

    async def crash(*args: Any, **kwargs: Any) -> None:
        raise Crash

    monkeypatch.setattr(publisher, "_record_submitted", crash)
    clock.set(at)
    with pytest.raises(Crash):
        await publisher.run_due(rt)
    assert len(oa.mass) == 1
    first = next(iter(oa.mass.values()))
    assert first["clientmsgid"] == f"edition-{ed['id']}"
    e = await _status(ed["id"])
    assert (e.status, e.stage, e.msg_id) == ("publishing", "submitting", None)  # WeChat sent, jifen never knew

    monkeypatch.setattr(publisher, "_record_submitted", real)
    clock.set(at + timedelta(seconds=60))
    assert await publisher.run_due(rt) == {}  # the crashed worker's lease still holds
    clock.set(at + publisher.LEASE)
    sandbox.state.clock_offset = 30  # within WeChat's minute: 45066, retried later
    assert await publisher.run_due(rt) == {"retry": 1}
    assert (await _status(ed["id"])).errcode == 45066
    sandbox.state.clock_offset = 61
    clock.set(at + publisher.LEASE + timedelta(minutes=10))
    assert await publisher.run_due(rt) == {"submitted": 1}  # 45065: the existing msg_id

    assert len(oa.mass) == 1  # one send, whatever happened
    sendalls = [r for r in sandbox.state.requests if r["path"] == "/cgi-bin/message/mass/sendall"]
    assert len(sendalls) == 3 and {r["body"]["clientmsgid"] for r in sendalls} == {f"edition-{ed['id']}"}
    e = await _status(ed["id"])
    assert (e.status, e.stage, e.msg_id) == ("publishing", "submitted", first["msg_id"])

    async def sandbox_done() -> bool:
        return first["status"] == "SEND_SUCCESS"

    await eventually(sandbox_done)
    clock.set(at + publisher.LEASE + timedelta(minutes=12))
    assert await publisher.run_due(rt) == {"published": 1}
    assert (await _status(ed["id"])).status == "published"


async def test_mass_send_finished_event_keeps_the_counts(api: Any, staff_token: Any, rt: Any, sandbox: Any,
                                                         app: Any) -> None:
    oa = sandbox_oa(sandbox, app, account_type="service")
    oa.followers = {f"oFan{i:024d}": [7] if i % 2 else [] for i in range(10)}
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    at = shanghai(2026, 11, 30, 19, 0)
    ed = await make_edition(api, mkt, cover["id"], mode="mass", tag_id=7, at=at)
    clock.set(at)
    assert await publisher.run_due(rt) == {"submitted": 1}

    async def published() -> bool:
        return (await _status(ed["id"])).status == "published"

    await eventually(published)
    e = await _status(ed["id"])
    job = next(iter(oa.mass.values()))
    assert job["tag_id"] == 7 and job["to_all"] is False
    assert (e.total_count, e.filter_count, e.sent_count, e.error_count) == (5, 5, 5, 0)
    assert e.wx_status == "send success" and e.msg_id == job["msg_id"]


async def test_publish_outcome_from_the_poll_when_no_event_arrives(api: Any, staff_token: Any, rt: Any,
                                                                   sandbox: Any, app: Any) -> None:
    oa = sandbox_oa(sandbox, app, publish_outcome=4)  # the platform's audit rejects it
    oa.callback_url = None  # the server URL is not configured: no event
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    at = shanghai(2026, 11, 30, 11, 0)
    ed = await make_edition(api, mkt, cover["id"], at=at)
    clock.set(at)
    assert await publisher.run_due(rt) == {"submitted": 1}

    async def finished() -> bool:
        return next(iter(oa.publishes.values()))["publish_status"] == 4

    await eventually(finished)
    clock.set(at + timedelta(seconds=60))
    assert await publisher.run_due(rt) == {"failed": 1}
    e = await _status(ed["id"])
    assert e.status == "failed" and e.wx_status == "audit rejected" and "articles 1, 2, 3" not in (e.last_error or "x")
    assert await ContentNotification.filter(edition_id=ed["id"]).count() == 1
