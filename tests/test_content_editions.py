"""Editions and their articles over real HTTP: images uploaded through the official account and HTML rewritten,
validation, the mass-send quota refused at scheduling time (subscription: one a day; service: four a month;
two marketers at once), reschedule / cancel / duplicate / preview, and points-activity articles."""

from __future__ import annotations

import asyncio
from typing import Any

from app.clock import clock
from models import Campaign, ContentQuotaSlot
from tests.contenthelpers import article, make_edition, sandbox_oa, shanghai, upload


async def test_images_are_uploaded_and_article_html_rewritten(api: Any, staff_token: Any, sandbox: Any,
                                                              app: Any) -> None:
    oa = sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    inline = await upload(api, mkt, "inline", source_url="https://cdn.brand.example/a.png")
    assert cover["media_id"] in oa.materials and inline["url"] in oa.images and inline["media_id"] is None
    html = (f'<p>hi</p><img src="https://cdn.brand.example/a.png"><img class="x" src=\'{inline["ref"]}\'>'
            f'<img src="{inline["url"]}">')
    status, ed = await api.call("POST", "/admin/v1/editions", token=mkt, json={
        "title": "第1期", "articles": [article(cover["id"], content=html)]})
    assert status == 201, ed
    content = ed["articles"][0]["content"]
    assert content.count(inline["url"]) == 3 and "cdn.brand.example" not in content and "jifen-image" not in content

    # an image WeChat would strip, a cover that is not a cover, an inline gif: refused, nothing stored
    status, body = await api.call("POST", "/admin/v1/editions", token=mkt, json={
        "title": "x", "articles": [article(cover["id"], content='<img src="https://elsewhere.example/b.jpg">')]})
    assert status == 422 and body["error"]["code"] == "unknown_image"
    status, body = await api.call("POST", "/admin/v1/editions", token=mkt, json={
        "title": "x", "articles": [article(inline["id"])]})
    assert status == 422 and body["error"]["code"] == "bad_cover"
    status, body = await api.call("POST", "/admin/v1/content/images", token=mkt, json={
        "filename": "a.gif", "data_base64": "R0lGODlh", "purpose": "inline"})
    assert status == 422 and body["error"]["code"] == "bad_image"
    status, body = await api.call("POST", "/admin/v1/editions", token=mkt, json={
        "title": "x", "articles": [article(cover["id"])] * 9})
    assert status == 422
    status, body = await api.call("POST", "/admin/v1/editions", token=mkt, json={
        "title": "x", "mode": "publish", "tag_id": 3, "articles": [article(cover["id"])]})
    assert status == 422
    status, listed = await api.call("GET", "/admin/v1/editions", token=mkt)
    assert [e["id"] for e in listed["items"]] == [ed["id"]]
    status, _ = await api.call("GET", "/admin/v1/editions", token=staff_token("guide", 9))
    assert status == 403


async def test_subscription_account_one_mass_send_a_day(api: Any, staff_token: Any, sandbox: Any, app: Any,
                                                        rt: Any) -> None:
    sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    first = await make_edition(api, mkt, cover["id"], mode="mass", at=shanghai(2026, 12, 3, 9, 0))
    second = await make_edition(api, mkt, cover["id"], mode="mass", title="第2期")
    status, body = await api.call("POST", f"/admin/v1/editions/{second['id']}/schedule", token=mkt,
                                  json={"at": shanghai(2026, 12, 3, 20, 0).isoformat()})
    assert status == 409 and body["error"]["code"] == "mass_quota_exceeded"
    assert "2026-12-03" in body["error"]["message"] and f"#{first['id']}" in body["error"]["message"]
    assert (await api.call("GET", f"/admin/v1/editions/{second['id']}", token=mkt))[1]["status"] == "draft"
    # another day is fine; a publish (not a mass send) the same day counts for nothing
    status, _ = await api.call("POST", f"/admin/v1/editions/{second['id']}/schedule", token=mkt,
                               json={"at": shanghai(2026, 12, 4, 9, 0).isoformat()})
    assert status == 200
    await make_edition(api, mkt, cover["id"], mode="publish", at=shanghai(2026, 12, 3, 12, 0))
    # moving the second onto the first's day is refused, and leaves it where it was
    status, _ = await api.call("POST", f"/admin/v1/editions/{second['id']}/schedule", token=mkt,
                               json={"at": shanghai(2026, 12, 3, 21, 0).isoformat()})
    assert status == 409
    got = (await api.call("GET", f"/admin/v1/editions/{second['id']}", token=mkt))[1]
    assert got["scheduled_at"] == shanghai(2026, 12, 4, 9, 0).isoformat()
    assert await ContentQuotaSlot.filter(edition_id=second["id"], period="day:2026-12-04").exists()
    # cancelling the first frees its day
    assert (await api.call("POST", f"/admin/v1/editions/{first['id']}/cancel", token=mkt))[0] == 200
    status, moved = await api.call("POST", f"/admin/v1/editions/{second['id']}/schedule", token=mkt,
                                   json={"at": shanghai(2026, 12, 3, 21, 0).isoformat()})
    assert status == 200 and moved["scheduled_at"] == shanghai(2026, 12, 3, 21, 0).isoformat()
    assert await ContentQuotaSlot.all().count() == 1
    # the past is refused
    status, body = await api.call("POST", f"/admin/v1/editions/{second['id']}/schedule", token=mkt,
                                  json={"at": shanghai(2026, 11, 29, 9, 0).isoformat()})
    assert status == 422
    # created and scheduled in one request (`at`): onto a taken day it is refused and nothing is stored (a client
    # that sent `at` had silently got a draft); onto a free day it comes back scheduled
    before = (await api.call("GET", "/admin/v1/editions", token=mkt))[1]["items"]
    body = {"title": "第3期", "mode": "mass", "articles": [article(cover["id"])]}
    status, err = await api.call("POST", "/admin/v1/editions", token=mkt,
                                 json={**body, "at": shanghai(2026, 12, 3, 22, 0).isoformat()})
    assert status == 409 and err["error"]["code"] == "mass_quota_exceeded"
    assert (await api.call("GET", "/admin/v1/editions", token=mkt))[1]["items"] == before
    status, made = await api.call("POST", "/admin/v1/editions", token=mkt,
                                  json={**body, "at": shanghai(2026, 12, 5, 9, 0).isoformat()})
    assert status == 201 and made["status"] == "scheduled", made
    assert made["scheduled_at"] == shanghai(2026, 12, 5, 9, 0).isoformat()


async def test_service_account_four_mass_sends_a_month(api: Any, staff_token: Any, sandbox: Any, app: Any,
                                                       rt: Any, monkeypatch: Any) -> None:
    sandbox_oa(sandbox, app, account_type="service")
    monkeypatch.setattr(rt.settings.official_account, "type", "service")
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    for day in (1, 1, 8, 15):
        await make_edition(api, mkt, cover["id"], mode="mass", at=shanghai(2026, 12, day, 9, 0))
    fifth = await make_edition(api, mkt, cover["id"], mode="mass")
    status, body = await api.call("POST", f"/admin/v1/editions/{fifth['id']}/schedule", token=mkt,
                                  json={"at": shanghai(2026, 12, 22, 9, 0).isoformat()})
    message = body["error"]["message"]
    assert status == 409 and "2026-12" in message and "4 mass sends a month" in message
    status, _ = await api.call("POST", f"/admin/v1/editions/{fifth['id']}/schedule", token=mkt,
                               json={"at": shanghai(2027, 1, 5, 9, 0).isoformat()})
    assert status == 200
    # switching a scheduled publish to a mass send takes a slot too
    pub = await make_edition(api, mkt, cover["id"], mode="publish", at=shanghai(2026, 12, 20, 9, 0))
    status, body = await api.call("PATCH", f"/admin/v1/editions/{pub['id']}", token=mkt, json={"mode": "mass"})
    assert status == 409 and body["error"]["code"] == "mass_quota_exceeded"
    assert (await api.call("GET", f"/admin/v1/editions/{pub['id']}", token=mkt))[1]["mode"] == "publish"


async def test_two_marketers_scheduling_the_same_day_at_once(api: Any, staff_token: Any, sandbox: Any,
                                                             app: Any) -> None:
    sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    eds = [await make_edition(api, mkt, cover["id"], mode="mass", title=f"候选{i}") for i in range(6)]
    at = shanghai(2026, 12, 5, 9, 0).isoformat()
    results = await asyncio.gather(*(api.call("POST", f"/admin/v1/editions/{e['id']}/schedule", token=mkt,
                                              json={"at": at}) for e in eds))
    assert sorted(status for status, _ in results) == [200, 409, 409, 409, 409, 409]
    assert await ContentQuotaSlot.filter(period="day:2026-12-05").count() == 1


async def test_reschedule_cancel_duplicate_and_states(api: Any, staff_token: Any, sandbox: Any, app: Any) -> None:
    sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    ed = await make_edition(api, mkt, cover["id"], at=shanghai(2026, 12, 2, 9, 0))
    status, again = await api.call("POST", f"/admin/v1/editions/{ed['id']}/schedule", token=mkt,
                                   json={"at": shanghai(2026, 12, 2, 18, 30).isoformat()})
    assert status == 200 and again["scheduled_at"] == shanghai(2026, 12, 2, 18, 30).isoformat()
    status, copy = await api.call("POST", f"/admin/v1/editions/{ed['id']}/duplicate", token=mkt,
                                  json={"at": shanghai(2026, 12, 9, 9, 0).isoformat(), "title": "第2期"})
    assert status == 201 and copy["id"] != ed["id"] and copy["status"] == "scheduled" and copy["title"] == "第2期"
    assert [a["title"] for a in copy["articles"]] == [a["title"] for a in ed["articles"]]
    assert [a["role"] for a in copy["articles"]] == ["headline", "brand", "points_activity"]
    status, cancelled = await api.call("POST", f"/admin/v1/editions/{ed['id']}/cancel", token=mkt)
    assert status == 200 and cancelled["status"] == "cancelled"
    for path, body in ((f"/admin/v1/editions/{ed['id']}/cancel", None),
                       (f"/admin/v1/editions/{ed['id']}/schedule", {"at": shanghai(2026, 12, 9, 9).isoformat()})):
        status, err = await api.call("POST", path, token=mkt, json=body)
        assert status == 409 and err["error"]["code"] == "edition_state"
    status, err = await api.call("PATCH", f"/admin/v1/editions/{ed['id']}", token=mkt, json={"title": "x"})
    assert status == 409
    assert (await api.call("GET", "/admin/v1/editions/999999", token=mkt))[0] == 404
    status, err = await api.call("POST", f"/admin/v1/editions/{copy['id']}/schedule", token=mkt, json={"at": "soon"})
    assert status == 422


async def test_a_patch_may_not_null_what_every_edition_has(api: Any, staff_token: Any) -> None:
    """`mode`, `title` and `articles` left out stay as they are; null for one of them is a 422 naming it (it had
    reached the database as a 500, found by tests/formfuzz.py through the console's edit form), and nothing changes.
    `plan_id` may be null: no plan."""
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    ed = await make_edition(api, mkt, cover["id"], mode="mass")
    for field in ("mode", "title", "articles"):
        status, err = await api.call("PATCH", f"/admin/v1/editions/{ed['id']}", token=mkt, json={field: None})
        assert status == 422 and field in err["error"]["message"], err
    status, same = await api.call("PATCH", f"/admin/v1/editions/{ed['id']}", token=mkt, json={"plan_id": None})
    assert status == 200 and (same["mode"], same["title"]) == ("mass", ed["title"])
    # an id beyond BIGINT is refused by the model naming the field (it had reached the database: no field named)
    for field in ("plan_id", "tag_id"):
        status, err = await api.call("PATCH", f"/admin/v1/editions/{ed['id']}", token=mkt, json={field: 2**63})
        assert status == 422 and err["error"]["details"][0]["field"] == field, err


async def test_preview_goes_to_one_follower(api: Any, staff_token: Any, sandbox: Any, app: Any) -> None:
    oa = sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    ed = await make_edition(api, mkt, cover["id"])
    follower = next(iter(oa.followers))
    status, out = await api.call("POST", f"/admin/v1/editions/{ed['id']}/preview", token=mkt,
                                 json={"openid": follower})
    assert status == 200, out
    assert oa.previews == [{"touser": follower, "media_id": out["media_id"], "msg_id": out["msg_id"],
                            "time": oa.previews[0]["time"]}]
    assert len(oa.drafts[out["media_id"]]["articles"]) == 3 and oa.mass == {}
    status, err = await api.call("POST", f"/admin/v1/editions/{ed['id']}/preview", token=mkt,
                                 json={"openid": "oNotAFollower00000000000"})
    assert status == 422 and err["error"]["code"] == "preview_refused"


async def test_points_activity_article_from_a_campaign(api: Any, staff_token: Any, sandbox: Any, app: Any,
                                                       rt: Any) -> None:
    sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    camp = await Campaign.create(name="8号会员日", multiplier_bp=30000, recurrence="monthly", day_of_month=8)
    status, ed = await api.call("POST", "/admin/v1/editions", token=mkt, json={
        "title": "第3期", "articles": [article(cover["id"]), article(cover["id"], "brand", "品牌")]})
    assert status == 201
    status, ed = await api.call("POST", f"/admin/v1/editions/{ed['id']}/points-article", token=mkt,
                                json={"source": "campaign", "id": camp.id, "cover_image_id": cover["id"]})
    assert status == 200, ed
    third = ed["articles"][2]
    assert third["role"] == "points_activity" and third["title"] == "积分活动｜8号会员日"
    assert "每月8日" in third["content"] and "3倍" in third["content"]
    assert f'data-miniprogram-appid="{rt.settings.miniprogram.appid}"' in third["content"]
    status, err = await api.call("POST", f"/admin/v1/editions/{ed['id']}/points-article", token=mkt,
                                 json={"source": "flash_sale", "id": 1, "cover_image_id": cover["id"]})
    assert status == 422 and err["error"]["code"] == "unknown_source"
    status, err = await api.call("POST", f"/admin/v1/editions/{ed['id']}/points-article", token=mkt,
                                 json={"source": "mall_reward", "id": 999, "cover_image_id": cover["id"]})
    assert status == 404 and err["error"]["code"] == "reward_not_found"  # the mall's source, registered
    clock.reset()
