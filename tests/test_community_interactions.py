"""`POST /community/v1/interactions`: HMAC-signed sources, one award per (source, ref), caps that hold under
a burst of 50 at once, pending credit for customers who register later, forgeries and stale timestamps
refused."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from typing import Any

import pytest

from models import CommunityInteraction, ExternalContact, PointEntry

PATH = "/community/v1/interactions"


@pytest.fixture
async def source(api, staff_token) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    status, body = await api.call("POST", "/admin/v1/community/sources", token=staff_token("admin"),
                                  json={"name": "群机器人"})
    assert status == 201 and len(body["secret"]) >= 32
    return body["id"], body["secret"]


async def post(api: Any, source: tuple[int, str], payload: dict[str, Any], *, ts: int | None = None,
               secret: str | None = None, sign_body: bytes | None = None) -> tuple[int, Any]:
    raw = json.dumps(payload).encode()
    stamp = str(int(time.time()) if ts is None else ts)
    sig = hmac.new((secret or source[1]).encode(), stamp.encode() + b"\n" + (sign_body or raw),
                   hashlib.sha256).hexdigest()
    return await api.call("POST", PATH, data=raw, headers={
        "content-type": "application/json", "X-Jifen-Source": str(source[0]), "X-Jifen-Timestamp": stamp,
        "X-Jifen-Signature": sig})


async def test_award_duplicate_and_trace(api, seeded, source) -> None:  # type: ignore[no-untyped-def]
    _, m = await api.login("ia-1")
    body = {"member_id": m["id"], "kind": "morning_read", "group_id": "wrG1", "ref": "bot-msg-1"}
    status, first = await post(api, source, body)
    assert status == 201 and first["status"] == "awarded" and first["points"] == 10
    assert first["trace"]
    status, again = await post(api, source, body)
    assert status == 200 and again["status"] == "duplicate" and again["first_status"] == "awarded"
    assert await PointEntry.filter(member_id=m["id"], event="community_interaction").count() == 1


async def test_forgeries_and_stale_timestamps_are_refused(api, seeded, source, staff_token) -> None:  # type: ignore[no-untyped-def]
    _, m = await api.login("ia-2")
    body = {"member_id": m["id"], "kind": "post", "ref": "r-1"}
    cases = [
        await post(api, source, body, secret="not-the-secret"),
        await post(api, source, body, sign_body=b'{"member_id": 1}'),  # signature of another body
        await post(api, (source[0] + 999, source[1]), body),  # unknown source
        await post(api, source, body, ts=int(time.time()) - 301),
        await post(api, source, body, ts=int(time.time()) + 301),
    ]
    assert [(s, b["error"]["code"]) for s, b in cases] == [
        (401, "bad_signature"), (401, "bad_signature"), (401, "bad_signature"), (401, "stale_timestamp"),
        (401, "stale_timestamp")]
    status, _ = await api.call("POST", PATH, json=body)  # no headers at all
    assert status == 401
    status, bad = await post(api, source, {"kind": "post", "ref": "r-2"})  # neither member nor customer
    assert status == 422, bad
    assert await CommunityInteraction.all().count() == 0
    assert await PointEntry.filter(member_id=m["id"]).count() == 0


async def test_daily_cap_holds_under_a_burst_of_50(api, seeded, source) -> None:  # type: ignore[no-untyped-def]
    _, m = await api.login("ia-3")
    answers = await asyncio.gather(*(post(api, source, {"member_id": m["id"], "kind": "like", "ref": f"b-{i}"})
                                     for i in range(50)))
    statuses = sorted(b["status"] for _, b in answers)
    assert statuses.count("awarded") == 5 and statuses.count("capped") == 45  # seed: 5 a day, 50 points
    assert sum(e.amount for e in await PointEntry.filter(member_id=m["id"], event="community_interaction")) == 50


async def test_customer_not_yet_a_member_is_credited_on_registration(api, seeded, source, sandbox) -> None:  # type: ignore[no-untyped-def]
    from sandbox.state import unionid_for

    await ExternalContact.create(external_userid="wmIA0000001", unionid=unionid_for("ia-4"),
                                 created_at=seeded.clock.now(), updated_at=seeded.clock.now())
    status, body = await post(api, source, {"external_userid": "wmIA0000001", "kind": "buyer_show", "ref": "x1"})
    assert status == 202 and body["status"] == "pending_registration"
    _, m = await api.login("ia-4")
    [entry] = await PointEntry.filter(member_id=m["id"], event="community_interaction")
    assert entry.amount == 10
    assert (await CommunityInteraction.get(ref="x1")).status == "awarded"


async def test_a_deactivated_source_is_refused_once_its_cached_secret_lapses(api, seeded, source,  # type: ignore[no-untyped-def]
                                                                              monkeypatch) -> None:
    from app.services.community import interactions
    from models import CommunitySource

    _, m = await api.login("ia-5")
    assert (await post(api, source, {"member_id": m["id"], "kind": "post", "ref": "s1"}))[0] == 201
    await CommunitySource.filter(id=source[0]).update(active=False)
    interactions.forget_source(source[0])  # what a deactivation does in its process
    status, body = await post(api, source, {"member_id": m["id"], "kind": "post", "ref": "s2"})
    assert status == 401 and body["error"]["code"] == "bad_signature"
    await CommunitySource.filter(id=source[0]).update(active=True)
    assert (await post(api, source, {"member_id": m["id"], "kind": "post", "ref": "s3"}))[0] == 201
    await CommunitySource.filter(id=source[0]).update(active=False)
    # in other processes the cached secret still serves until it lapses, then the source is refused
    real = interactions._monotonic
    monkeypatch.setattr(interactions, "_monotonic", lambda: real() + interactions.SOURCE_TTL_SECONDS + 1)
    assert (await post(api, source, {"member_id": m["id"], "kind": "post", "ref": "s4"}))[0] == 401
    assert await PointEntry.filter(member_id=m["id"], event="community_interaction").count() == 2
