"""The welcome message of a new contact (docs/wechat-protocols.md §5.3): an add_external_contact event with a
WelcomeCode makes jifen send the configured member-centre link through externalcontact/send_welcome_msg within
the code's 20 s, once however often WeCom delivers the event; a refusal (41051) is final; nothing is sent when
no welcome is configured or the code has expired."""

from __future__ import annotations

import asyncio
import secrets
import time
from datetime import timedelta
from typing import Any

import pytest

from app.clock import clock
from app.services.community import service
from models import ContactFollow, WecomEvent
from sandbox.state import Fault, unionid_for
from tests.wecomhelpers import deliver

WELCOME_PATH = "/cgi-bin/externalcontact/send_welcome_msg"
LINK = "https://m.example.com/member-centre?from=wecom"
TEXT = "欢迎加入会员，点击进入会员中心领积分"


@pytest.fixture
def cfg(rt, monkeypatch):  # type: ignore[no-untyped-def]
    cfg = rt.settings.wecom
    monkeypatch.setattr(cfg, "welcome_url", LINK)
    monkeypatch.setattr(cfg, "welcome_text", TEXT)
    return cfg


def new_contact(sandbox: Any, ext: str, name: str, userid: str = "guide01", **extra: Any) -> dict[str, Any]:
    """A customer WeCom knows, just added by `userid`, -> the event WeCom sends (with a fresh WelcomeCode). Its
    CreateTime is fixed here, as WeCom's retries carry the same one: left to `deliver`, deliveries that cross a
    second boundary would be distinct events (and each rightly greeted)."""
    sandbox.state.wecom_contacts[ext] = {
        "external_contact": {"external_userid": ext, "name": f"客户{ext[-4:]}", "type": 1,
                             "unionid": unionid_for(name)},
        "follow_user": [{"userid": userid, "remark": "", "createtime": int(time.time()), "state": "qr-1",
                         "tags": []}]}
    code = secrets.token_urlsafe(16)
    sandbox.state.wecom_welcome_codes.add(code)
    return {"Event": "change_external_contact", "ChangeType": "add_external_contact", "UserID": userid,
            "ExternalUserID": ext, "State": "qr-1", "WelcomeCode": code, "CreateTime": int(time.time()), **extra}


async def recorded_welcomes(api: Any, sandbox: Any) -> list[dict[str, Any]]:
    async with api.session.get(sandbox.url + "/__sandbox__/wecom/welcomes") as resp:
        assert resp.status == 200
        return list((await resp.json())["items"])


def welcome_calls(sandbox: Any) -> list[dict[str, Any]]:
    return [r for r in sandbox.state.requests if r["path"] == WELCOME_PATH]


async def settle(rt: Any) -> None:
    await service.drain()
    await service.process_due(rt)


async def test_new_contact_is_welcomed_once_within_the_window(api, seeded, sandbox, cfg) -> None:  # type: ignore[no-untyped-def]
    event = new_contact(sandbox, "wmWEL000001", "wel-1", CreateTime=int(time.time()))
    started = time.monotonic()
    assert (await deliver(api, cfg, event))[0] == 200
    # jifen greets on its own after answering (no scheduler run here), well within the code's 20 s
    welcomes: list[dict[str, Any]] = []
    while not welcomes and time.monotonic() - started < 20:
        await asyncio.sleep(0.05)
        welcomes = await recorded_welcomes(api, sandbox)
    assert time.monotonic() - started < 20
    # WeCom delivers the same event twice more, one after the other and at once
    assert (await deliver(api, cfg, event))[0] == 200
    assert [a[0] for a in await asyncio.gather(deliver(api, cfg, event), deliver(api, cfg, event))] == [200, 200]
    await settle(seeded)
    clock.shift(timedelta(minutes=10))
    await service.process_due(seeded)
    assert await recorded_welcomes(api, sandbox) == [{
        "welcome_code": event["WelcomeCode"], "text": {"content": TEXT},
        "attachments": [{"msgtype": "link", "link": {"title": "会员中心", "url": LINK}}]}]
    assert len(welcome_calls(sandbox)) == 1
    assert await WecomEvent.filter(status="done").count() == 1
    assert await ContactFollow.filter(external_userid="wmWEL000001", status="active").count() == 1


async def test_already_welcomed_41051_is_final(api, seeded, sandbox, cfg) -> None:  # type: ignore[no-untyped-def]
    sandbox.state.faults.append(Fault(path=WELCOME_PATH, count=5, errcode=41051))
    event = new_contact(sandbox, "wmWEL000002", "wel-2")
    for _ in range(3):
        assert (await deliver(api, cfg, event))[0] == 200
    await settle(seeded)
    clock.shift(timedelta(minutes=10))  # past any event backoff: nothing left to retry
    await service.process_due(seeded)
    calls = welcome_calls(sandbox)
    assert len(calls) == 1 and calls[0]["errcode"] == 41051
    assert await recorded_welcomes(api, sandbox) == []
    # the refusal does not fail the event: the relation is recorded and the event is done, not pending
    [ev] = await WecomEvent.all()
    assert ev.status == "done" and ev.attempts == 1
    assert await ContactFollow.filter(external_userid="wmWEL000002", status="active").count() == 1


async def test_no_welcome_when_none_is_configured(api, seeded, sandbox, cfg, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(cfg, "welcome_url", "")
    event = new_contact(sandbox, "wmWEL000003", "wel-3")
    assert (await deliver(api, cfg, event))[0] == 200
    await settle(seeded)
    assert welcome_calls(sandbox) == [] and await recorded_welcomes(api, sandbox) == []
    assert await WecomEvent.filter(status="done").count() == 1
    assert await ContactFollow.filter(external_userid="wmWEL000003", status="active").count() == 1


async def test_an_expired_welcome_code_is_not_used(api, seeded, sandbox, cfg) -> None:  # type: ignore[no-untyped-def]
    # the event reaches jifen (a WeCom retry) after the code's 20 s: sending would only earn a refusal
    event = new_contact(sandbox, "wmWEL000004", "wel-4", CreateTime=int(time.time()) - 30)
    assert (await deliver(api, cfg, event))[0] == 200
    await settle(seeded)
    assert welcome_calls(sandbox) == []
    assert await WecomEvent.filter(status="done").count() == 1
