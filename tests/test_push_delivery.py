"""The push delivery fast path (issue #17): subscribe bodies assembled from pre-encoded parts must be the bytes the
generic encoder makes; a burst delivered through the outbox still refreshes a rejected token once (the client
caches the token's URL); a batch that drains slower than the reaper's lease keeps its rows (it gives the unsent
back in time)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from app.services.outbox.service import deliver_due, enqueue, reap_stuck
from app.wechat.base import json_bytes
from app.wechat.miniprogram import SUBSCRIBE_SEND, subscribe_body
from models import OutboxMessage
from tests.payhelpers import sandbox_call

TEMPLATE = "sandbox-tpl-points"


def generic(openid: Any, template_id: Any, data: dict[Any, Any], page: Any = None, state: Any = "formal") -> bytes:
    """What the client sent before the fast path: the payload dict through json.dumps."""
    payload: dict[str, Any] = {"touser": openid, "template_id": template_id,
                               "data": {k: {"value": v} for k, v in data.items()}, "miniprogram_state": state}
    if page:
        payload["page"] = page
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


@pytest.mark.parametrize(("openid", "data", "page"), [
    ("o-plain", {"thing1": "积分到账", "number2": "12"}, None),
    ("o-page", {"character_string1": "PAY0001", "amount2": "128.00元"}, "pages/guide/card?guide=7"),
    ('o-"quoted"\\', {"thing1": 'line\nbreak "q" \\ \t\u2028 😀 \x00'}, ""),
    ("o-nonstr", {"number1": 12, "thing2": None, "x": [1, "二"], "y": {"k": 1.5}}, None),
    ("o-intkey", {1: "a", "b": "c"}, None),
    ("o-empty", {}, None),
])
def test_subscribe_body_is_byte_identical_to_the_generic_encoding(openid: str, data: dict[Any, Any],
                                                                   page: str | None) -> None:
    assert subscribe_body(openid, TEMPLATE, data, page) == generic(openid, TEMPLATE, data, page)
    assert subscribe_body(openid, TEMPLATE, data, page) == json_bytes(json.loads(generic(openid, TEMPLATE, data, page)))
    assert subscribe_body(openid, TEMPLATE, data, page, "trial") == generic(openid, TEMPLATE, data, page, "trial")


async def push(rt: Any, n: int, prefix: str = "o-burst") -> None:
    for i in range(n):
        await enqueue("subscribe", f"{prefix}-{i}", {"openid": f"{prefix}-{i}", "template_id": TEMPLATE,
                                                     "data": {"thing1": "积分到账", "number2": str(i)}},
                      now=rt.clock.now(), member_id=None)


async def test_a_burst_refreshes_a_rejected_token_once_and_sends_everything(rt, sandbox) -> None:
    await push(rt, 1, "o-first")
    assert await deliver_due(rt) == {"sent": 1}  # the token is cached (and its URL in the client)
    await sandbox_call(sandbox, "POST", "/__sandbox__/tokens/invalidate")
    await push(rt, 12)
    assert await deliver_due(rt) == {"sent": 12}
    requests = (await sandbox_call(sandbox, "GET", f"/__sandbox__/requests?path={SUBSCRIBE_SEND}"))["items"]
    rejected = [r for r in requests if r["errcode"] == 40001]
    ok_tokens = {r["query"]["access_token"] for r in requests if r["errcode"] == 0}
    assert 1 <= len(rejected) <= rt.settings.outbox.concurrency  # only the sends already in flight
    assert len(ok_tokens) == 2  # before and after the one refresh
    refreshes = (await sandbox_call(sandbox, "GET", "/__sandbox__/requests?path=/cgi-bin/stable_token"))["items"]
    assert [r["body"]["force_refresh"] for r in refreshes] == [False, True]
    assert sorted(m["touser"] for m in sandbox.state.sent_messages) == sorted(
        ["o-first-0", *(f"o-burst-{i}" for i in range(12))])
    assert {m.status for m in await OutboxMessage.all()} == {"sent"}


async def test_a_batch_slower_than_the_lease_keeps_its_rows(rt, sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sends slower than reap_after in all: a batch holds its rows at most a quarter of reap_after and gives the
    unsent back (the next batch takes them), so a reaper running meanwhile (another scheduler) takes nothing back
    and every message is sent once, with one attempt."""
    monkeypatch.setattr(rt.settings.outbox, "reap_after_seconds", 1)
    monkeypatch.setattr(rt.settings.outbox, "concurrency", 1)
    await push(rt, 5, "o-slow")
    await sandbox_call(sandbox, "POST", "/__sandbox__/faults", {"path": SUBSCRIBE_SEND, "delay_ms": 400, "count": 5})
    reaped = 0
    delivering = asyncio.ensure_future(deliver_due(rt))
    while not delivering.done():
        reaped += await reap_stuck(rt)
        await asyncio.sleep(0.1)
    assert await delivering == {"sent": 5}
    assert reaped == 0
    assert [(m.status, m.attempts) for m in await OutboxMessage.all()] == [("sent", 1)] * 5
    assert len(sandbox.state.sent_messages) == 5


async def test_a_hold_of_zero_still_sends_a_message_a_sender_per_batch(rt, sandbox,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """`hold_seconds = 0` (a misconfiguration) gives a batch back after each sender's first send, not before it:
    delivery goes on, a batch at a time, instead of giving every batch back untouched for ever."""
    monkeypatch.setattr(rt.settings.outbox, "hold_seconds", 0)
    monkeypatch.setattr(rt.settings.outbox, "concurrency", 2)
    await push(rt, 5, "o-zero")
    assert await asyncio.wait_for(deliver_due(rt, 5), timeout=30) == {"sent": 5}
    assert [(m.status, m.attempts) for m in await OutboxMessage.all()] == [("sent", 1)] * 5
