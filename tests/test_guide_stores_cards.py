"""Stores, guides in stores, and the guide's contact card: the WeCom contact-me QR (add_contact_way, type 1
single, scene 2 QR, state = the guide's channel code; docs/wechat-protocols.md §5.13) is created once per
guide even when several requests ask at the same moment, and a guide sees only their own card."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from app.clock import clock
from app.services.outbox import service as outbox
from app.services.staff import cards
from app.services.staff.service import staff_token
from app.wechat.wecom.contact_way import ContactWays
from models import OutboxMessage, StaffUser
from models.guides import GuideCard
from sandbox.wecom_guides import guides_of
from tests.conftest import Api
from tests.payhelpers import sandbox_call


@pytest.fixture(autouse=True)
def _fresh_guides_sandbox(sandbox: Any) -> None:
    guides_of(sandbox.state).reset()


async def guide_token(rt: Any, name: str, userid: str | None, **kw: Any) -> tuple[StaffUser, str]:
    staff = await StaffUser.create(name=name, role="guide", wecom_userid=userid, **kw)
    return staff, staff_token(rt.settings, staff, clock.now())


async def contact_ways(sandbox: Any) -> list[dict[str, Any]]:
    return list((await sandbox_call(sandbox, "GET", "/__sandbox__/wecom/contact_ways"))["items"])


async def test_stores_crud_and_guides_by_store(api: Api, rt, staff_token) -> None:
    adm, mkt = staff_token("admin"), staff_token("marketer")
    status, s1 = await api.call("POST", "/admin/v1/stores", token=mkt,
                                json={"code": "SH001", "name": "徐汇店", "region": "华东"})
    assert status == 201 and (s1["code"], s1["region"], s1["active"]) == ("SH001", "华东", True)
    status, s2 = await api.call("POST", "/admin/v1/stores", token=adm,
                                json={"code": "BJ001", "name": "朝阳店", "region": "华北", "active": False})
    assert status == 201
    status, err = await api.call("POST", "/admin/v1/stores", token=adm,
                                 json={"code": "SH001", "name": "again", "region": "华东"})
    assert status == 409 and err["error"]["code"] == "store_code_taken"
    status, listed = await api.call("GET", "/admin/v1/stores?region=%E5%8D%8E%E4%B8%9C", token=mkt)
    assert status == 200 and [s["code"] for s in listed["items"]] == ["SH001"]
    status, listed = await api.call("GET", "/admin/v1/stores?active=false", token=mkt)
    assert [s["code"] for s in listed["items"]] == ["BJ001"]
    status, patched = await api.call("PATCH", f"/admin/v1/stores/{s2['id']}", token=mkt,
                                     json={"active": True, "name": "朝阳大悦城店"})
    assert status == 200 and (patched["active"], patched["name"], patched["region"]) == (True, "朝阳大悦城店", "华北")

    g1 = await StaffUser.create(name="g1", role="guide", wecom_userid="g1")
    g2 = await StaffUser.create(name="g2", role="guide", wecom_userid="g2")
    for g in (g1, g2):
        status, out = await api.call("PATCH", f"/admin/v1/staff/{g.id}", token=adm, json={"store_id": s1["id"]})
        assert status == 200 and out["store_id"] == s1["id"]
    status, out = await api.call("PATCH", f"/admin/v1/staff/{g2.id}", token=adm,
                                 json={"avatar": "https://img.example.com/g2.png"})
    assert status == 200 and out["avatar"] == "https://img.example.com/g2.png" and out["store_id"] == s1["id"]
    # a guide put in a store gets their QR queued (once), so it is ready before the first payer needs it
    assert {m.dedupe_key for m in await OutboxMessage.filter(kind=cards.CARD_KIND)} == {
        cards.card_key(g1.id), cards.card_key(g2.id)}
    status, one = await api.call("GET", f"/admin/v1/stores/{s1['id']}", token=mkt)
    assert status == 200 and [g["id"] for g in one["guides"]] == [g1.id, g2.id]
    status, listed = await api.call("GET", f"/admin/v1/staff?store_id={s1['id']}&role=guide", token=mkt)
    assert [g["name"] for g in listed["items"]] == ["g1", "g2"]
    status, out = await api.call("PATCH", f"/admin/v1/staff/{g1.id}", token=adm, json={"store_id": None})
    assert status == 200 and out["store_id"] is None
    assert (await StaffUser.get(id=g1.id)).store_id is None


@pytest.mark.parametrize("method, path, payload, status", [
    ("POST", "/admin/v1/stores", {"code": "bad code", "name": "n", "region": "r"}, 422),
    ("POST", "/admin/v1/stores", {"code": "X1", "name": "", "region": "r"}, 422),
    ("POST", "/admin/v1/stores", {"code": "X1", "name": "n"}, 422),
    ("POST", "/admin/v1/stores", {"code": "X1", "name": "n", "region": "r", "active": "maybe"}, 422),
    ("POST", "/admin/v1/stores", ["X1"], 422),
    ("PATCH", "/admin/v1/stores/1", {"name": None}, 422),
    ("PATCH", "/admin/v1/stores/999999", {"name": "n"}, 404),
    ("GET", "/admin/v1/stores/999999", None, 404),
    ("GET", "/admin/v1/stores?active=perhaps", None, 422),
    ("GET", "/admin/v1/staff?store_id=0", None, 422),
    ("GET", "/admin/v1/staff?role=boss", None, 422),
    ("PATCH", "/admin/v1/staff/999999", {"store_id": 1}, 404),
    ("PATCH", "/admin/v1/staff/{guide}", {"store_id": 999999}, 422),
    ("PATCH", "/admin/v1/staff/{guide}", {"store_id": "one"}, 422),
    ("PATCH", "/admin/v1/staff/{guide}", {"avatar": "javascript:alert(1)"}, 422),
    ("GET", "/admin/v1/guides/cards?store_id=-1", None, 422),
])
async def test_bad_admin_input_is_json_4xx_and_changes_nothing(api: Api, rt, staff_token, method: str, path: str,
                                                               payload: Any, status: int) -> None:
    guide = await StaffUser.create(name="g", role="guide", wecom_userid="gx")
    status_got, err = await api.call(method, path.format(guide=guide.id), token=staff_token("admin"), json=payload)
    assert status_got == status and set(err["error"]) >= {"code", "message"}, err
    assert (await StaffUser.get(id=guide.id)).store_id is None
    assert not await GuideCard.filter(staff_id=guide.id).exists()


async def test_roles_on_the_new_routes(api: Api, rt, staff_token) -> None:
    member, _ = await api.login("cardrole")
    _, gtok = await guide_token(rt, "g", "grole")
    mkt = staff_token("marketer")
    for method, path, token, status in [
            ("GET", "/admin/v1/stores", gtok, 403), ("GET", "/admin/v1/stores", member, 403),
            ("GET", "/admin/v1/guides/cards", gtok, 403), ("PATCH", "/admin/v1/staff/1", mkt, 403),
            ("GET", "/guide/v1/me", member, 403), ("GET", "/guide/v1/me", mkt, 403),
            ("GET", "/guide/v1/me", None, 401), ("GET", "/admin/v1/stores", None, 401)]:
        got, err = await api.call(method, path, token=token, json={} if method == "PATCH" else None)
        assert got == status and "error" in err, (method, path, err)


async def test_contact_way_is_created_once_under_concurrent_requests(api: Api, rt, sandbox) -> None:
    guide, token = await guide_token(rt, "李导购", "li01")
    # WeCom answers slowly: every request arrives while the first call is still out
    await sandbox_call(sandbox, "POST", "/__sandbox__/faults",
                       {"path": "/cgi-bin/externalcontact/add_contact_way", "delay_ms": 300, "count": 10})
    answers = await asyncio.gather(*[api.call("GET", "/guide/v1/me", token=token) for _ in range(6)])
    assert all(status == 200 for status, _ in answers), answers
    made = await contact_ways(sandbox)
    assert len(made) == 1, made  # one WeCom call: no orphan configuration
    way = made[0]
    assert (way["type"], way["scene"], way["user"], way["state"]) == (1, 2, ["li01"], f"guide-{guide.id}")
    assert {a["card"]["qr_code"] for _, a in answers} == {way["qr_code"]}
    card = await GuideCard.get(staff_id=guide.id)
    assert (card.status, card.config_id, card.qr_code, card.state) == ("ready", way["config_id"], way["qr_code"],
                                                                        f"guide-{guide.id}")
    assert await GuideCard.filter(staff_id=guide.id).count() == 1
    # later views reuse it; WeCom's own record (get_contact_way) agrees
    assert (await api.call("GET", "/guide/v1/me", token=token))[1]["card"]["qr_code"] == way["qr_code"]
    assert len(await contact_ways(sandbox)) == 1
    got = await ContactWays(rt).get(way["config_id"])
    assert (got["state"], got["qr_code"], got["user"]) == (f"guide-{guide.id}", way["qr_code"], ["li01"])


async def test_service_level_race_makes_one_call(rt, sandbox) -> None:
    guide = await StaffUser.create(name="g", role="guide", wecom_userid="race01")
    await sandbox_call(sandbox, "POST", "/__sandbox__/faults",
                       {"path": "/cgi-bin/externalcontact/add_contact_way", "delay_ms": 200, "count": 10})
    made = await asyncio.gather(*[cards.ensure_card(rt, guide) for _ in range(8)])
    assert len({c.config_id for c in made}) == 1 and len(await contact_ways(sandbox)) == 1


async def test_a_failed_call_releases_the_claim_and_the_next_view_creates_it(api: Api, rt, sandbox) -> None:
    guide, token = await guide_token(rt, "g", "fail01")
    await sandbox_call(sandbox, "POST", "/__sandbox__/faults",
                       {"path": "/cgi-bin/externalcontact/add_contact_way", "errcode": 60011, "count": 1})
    status, out = await api.call("GET", "/guide/v1/me", token=token)
    assert status == 200 and out["card"]["ready"] is False and out["card_error"] == "NoPrivilege"
    assert (await GuideCard.get(staff_id=guide.id)).claim is None
    status, out = await api.call("GET", "/guide/v1/me", token=token)
    assert status == 200 and out["card"]["ready"] is True and out["card"]["qr_code"]
    assert len(await contact_ways(sandbox)) == 1


async def test_a_stale_claim_is_taken_over(rt, sandbox) -> None:
    guide = await StaffUser.create(name="g", role="guide", wecom_userid="stale01")
    now = clock.now()
    await GuideCard.create(staff_id=guide.id, state=cards.state_for(guide.id), status="creating", claim="dead",
                           claimed_at=now - cards.CLAIM_STALE * 2, created_at=now, updated_at=now)
    card = await cards.ensure_card(rt, guide)
    assert card.status == "ready" and card.claim != "dead" and len(await contact_ways(sandbox)) == 1


async def test_a_guide_sees_only_their_own_card_and_admins_list_all(api: Api, rt, sandbox, staff_token) -> None:
    a, atok = await guide_token(rt, "甲", "jia01")
    b, btok = await guide_token(rt, "乙", "yi01")
    status, mine = await api.call("GET", "/guide/v1/me", token=atok)
    assert status == 200 and mine["staff"]["id"] == a.id and mine["card"]["staff_id"] == a.id
    assert mine["card"]["state"] == f"guide-{a.id}"
    # nothing of b's was created or shown by a's view
    assert not await GuideCard.filter(staff_id=b.id).exists()
    status, theirs = await api.call("GET", "/guide/v1/me", token=btok)
    assert theirs["card"]["staff_id"] == b.id and theirs["card"]["qr_code"] != mine["card"]["qr_code"]
    status, listed = await api.call("GET", "/admin/v1/guides/cards", token=staff_token("marketer"))
    assert status == 200
    by_id = {c["staff_id"]: c for c in listed["items"]}
    assert by_id[a.id]["qr_code"] == mine["card"]["qr_code"] and by_id[b.id]["qr_code"] == theirs["card"]["qr_code"]


async def test_the_outbox_creates_a_queued_card(rt, sandbox) -> None:
    guide = await StaffUser.create(name="g", role="guide", wecom_userid="queued01")
    await cards.queue_card(guide.id, clock.now())
    await cards.queue_card(guide.id, clock.now())  # keyed: once per guide
    assert await OutboxMessage.filter(kind=cards.CARD_KIND).count() == 1
    await outbox.deliver_due(rt)
    msg = await OutboxMessage.get(dedupe_key=cards.card_key(guide.id))
    assert msg.status == "sent", msg.last_error
    assert (await GuideCard.get(staff_id=guide.id)).status == "ready" and len(await contact_ways(sandbox)) == 1
