"""The official account's client and the publisher's edges: its own token, the sandbox's faithful refusals, the
minute job's registration, a permanent error failing at once, and a lost freepublish answer never resubmitted."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import aiohttp
import pytest

from app.clock import clock
from app.scheduling import collect
from app.services.content import publisher
from app.wechat.errors import ConfigError, WeChatError
from models import ContentEdition, ContentNotification
from sandbox.state import Fault
from tests.contenthelpers import make_edition, sandbox_oa, shanghai, upload


def test_the_minute_job_is_registered() -> None:
    job = next(j for j in collect() if j.name == "content_publisher")
    assert job.trigger == {"trigger": "cron", "second": 0}


async def test_own_token_and_sandbox_refusals(rt: Any, sandbox: Any, app: Any) -> None:
    oa = sandbox_oa(sandbox, app)
    client = rt.official_account
    url = await client.upload_image("a.png", b"\x89PNG....", "image/png")
    assert url in oa.images
    tokens = [r for r in sandbox.state.requests if r["path"] == "/cgi-bin/stable_token"]
    assert [t["body"]["appid"] for t in tokens] == [rt.settings.official_account.appid]  # its own credential
    media_id, _ = await client.add_image_material("c.png", b"\x89PNG....", "image/png")
    draft = await client.draft_add([{"title": "t", "content": "<p>x</p>", "thumb_media_id": media_id}])
    with pytest.raises(WeChatError) as bad_thumb:
        await client.draft_add([{"title": "t", "content": "<p>x</p>", "thumb_media_id": "temporary"}])
    assert bad_thumb.value.errcode == 40007
    first = await client.mass_sendall(draft, "k1")
    with pytest.raises(WeChatError) as quota:  # a subscription account: one sendall a day
        await client.mass_sendall(draft, "k2")
    assert quota.value.errcode == 45028
    with pytest.raises(WeChatError) as too_fast:
        await client.mass_sendall(draft, "k1")
    assert too_fast.value.errcode == 45066
    sandbox.state.clock_offset = 61
    again = await client.mass_sendall(draft, "k1")
    assert again == {"msg_id": first["msg_id"], "msg_data_id": None, "duplicate": True} and len(oa.mass) == 1
    with pytest.raises(WeChatError) as long_id:
        await client.mass_sendall(draft, "x" * 65)
    assert long_id.value.errcode == 45067
    # the mini-program's token is no good for the official account's APIs
    mp_token = await rt.miniprogram.tokens.get()
    async with aiohttp.ClientSession() as s, s.post(f"{sandbox.url}/cgi-bin/draft/add",
                                                    params={"access_token": mp_token}, json={}) as resp:
        assert (await resp.json())["errcode"] == 48001
    with pytest.raises(ConfigError):
        await rt.miniprogram.http.call("POST", "/cgi-bin/freepublish/get", json_body={"publish_id": "1"},
                                       token=rt.miniprogram.tokens.get)


async def test_permanent_error_fails_at_once(api: Any, staff_token: Any, rt: Any, sandbox: Any, app: Any) -> None:
    oa = sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    at = shanghai(2026, 11, 30, 12, 0)
    ed = await make_edition(api, mkt, cover["id"], at=at)
    sandbox.state.faults.append(Fault(path="/cgi-bin/draft/add", count=1, errcode=40007))
    clock.set(at)
    assert await publisher.run_due(rt) == {"failed": 1}
    e = await ContentEdition.get(id=ed["id"])
    assert (e.status, e.errcode, e.attempts, e.stage) == ("failed", 40007, 1, "none")
    assert await ContentNotification.filter(edition_id=ed["id"], kind="edition_failed").count() == 1
    assert oa.drafts == {}
    # fixed (here: the fault is gone), the marketer reschedules it and it goes out
    mkt = staff_token("marketer")
    status, again = await api.call("POST", f"/admin/v1/editions/{ed['id']}/schedule", token=mkt,
                                   json={"at": (at + timedelta(minutes=5)).isoformat()})
    assert status == 200 and again["status"] == "scheduled" and again["error"] is None
    clock.set(at + timedelta(minutes=5))
    assert await publisher.run_due(rt) == {"submitted": 1}


async def test_lost_freepublish_answer_is_never_resubmitted(api: Any, staff_token: Any, rt: Any, sandbox: Any,
                                                            app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    oa = sandbox_oa(sandbox, app)
    oa.callback_url = None
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    at = shanghai(2026, 11, 30, 13, 0)
    ed = await make_edition(api, mkt, cover["id"], at=at)
    await rt.official_account.tokens.get()  # the token first, so only the submit meets the short timeout
    monkeypatch.setattr(rt.miniprogram.http, "timeout", aiohttp.ClientTimeout(total=0.3))
    sandbox.state.faults.append(Fault(path="/cgi-bin/freepublish/submit", count=1, delay_ms=800))
    clock.set(at)
    assert await publisher.run_due(rt) == {"retry": 1}  # the answer never came: WeChat did publish it
    assert len(oa.publishes) == 1
    assert (await ContentEdition.get(id=ed["id"])).stage == "submitting"
    clock.set(at + timedelta(minutes=5))
    assert await publisher.run_due(rt) == {"failed": 1}
    e = await ContentEdition.get(id=ed["id"])
    assert e.status == "failed" and (e.last_error or "").startswith("publish_outcome_unknown")
    assert len(oa.publishes) == 1  # never submitted twice
    status, _ = await api.call("POST", f"/admin/v1/editions/{ed['id']}/schedule", token=staff_token("marketer"),
                               json={"at": (at + timedelta(hours=1)).isoformat()})
    assert status == 409  # it may be out there: duplicate it instead


def test_configuration_from_the_environment() -> None:
    from app.config import load_settings

    s = load_settings(env={"JIFEN_OFFICIAL_ACCOUNT_APPID": "wxbrand", "JIFEN_OFFICIAL_ACCOUNT_SECRET": "s3",
                           "JIFEN_OFFICIAL_ACCOUNT_TOKEN": "tk", "JIFEN_OFFICIAL_ACCOUNT_AES_KEY": "k" * 43,
                           "JIFEN_OFFICIAL_ACCOUNT_TYPE": "service"})
    oa = s.official_account
    assert (oa.appid, oa.secret, oa.token, oa.aes_key, oa.type, oa.service) == ("wxbrand", "s3", "tk", "k" * 43,
                                                                               "service", True)
    assert load_settings(env={}).official_account.type == "subscription"


async def test_reconcile_takes_an_overdue_edition(api: Any, staff_token: Any, rt: Any, sandbox: Any,
                                                  app: Any) -> None:
    from app.services.content.publisher import overdue_editions

    oa = sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    at = shanghai(2026, 11, 30, 14, 0)
    ed = await make_edition(api, mkt, cover["id"], at=at)
    clock.set(at + timedelta(minutes=5))
    assert await overdue_editions(rt, repair=False) == []
    clock.set(at + timedelta(minutes=11))  # the minute job never ran
    found = await overdue_editions(rt, repair=False)
    assert [(f.subject, f.repaired) for f in found] == [(f"content_edition:{ed['id']}", False)]
    assert oa.publishes == {}
    found = await overdue_editions(rt, repair=True)
    assert [f.repaired for f in found] == [True] and len(oa.publishes) == 1
    assert await overdue_editions(rt, repair=False) == []


async def test_changed_articles_never_go_out_from_an_old_draft(api: Any, staff_token: Any, rt: Any, sandbox: Any,
                                                               app: Any) -> None:
    oa = sandbox_oa(sandbox, app)
    oa.callback_url = None
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    at = shanghai(2026, 11, 30, 15, 0)
    ed = await make_edition(api, mkt, cover["id"], at=at)
    sandbox.state.faults.append(Fault(path="/cgi-bin/freepublish/submit", count=1, errcode=48001))
    clock.set(at)
    assert await publisher.run_due(rt) == {"failed": 1}
    e = await ContentEdition.get(id=ed["id"])
    assert (e.status, e.stage, e.errcode) == ("failed", "drafted", 48001) and len(oa.drafts) == 1
    mkt = staff_token("marketer")
    later = at + timedelta(hours=1)
    assert (await api.call("POST", f"/admin/v1/editions/{ed['id']}/schedule", token=mkt,
                           json={"at": later.isoformat()}))[0] == 200
    status, _ = await api.call("PATCH", f"/admin/v1/editions/{ed['id']}", token=mkt, json={"articles": [
        {"role": "headline", "title": "改过的标题", "content": "<p>new</p>", "cover_image_id": cover["id"]}]})
    assert status == 200
    clock.set(later)
    assert await publisher.run_due(rt) == {"submitted": 1}
    assert len(oa.drafts) == 2
    sent = oa.drafts[next(iter(oa.publishes.values()))["media_id"]]["articles"]
    assert [a["title"] for a in sent] == ["改过的标题"]
