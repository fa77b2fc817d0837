"""After payment: a paying member with no guide gets the store's guide (round robin per store), exactly one
even under concurrent payments; a primary guide from the community graph is kept; the payment push and the
member API carry the guide's card."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest

from app.clock import clock
from app.services.outbox import service as outbox
from app.services.staff import assignment
from app.services.staff.assignment import store_code_of
from models import ContactFollow, ExternalContact, OutboxMessage, Payment, StaffUser, Store
from models.guides import GuideCard, MemberGuide, StoreRotation
from sandbox.wecom_guides import guides_of
from tests.conftest import Api
from tests.payhelpers import NotifyRelay, play_payment


@pytest.fixture(autouse=True)
def _fresh_guides_sandbox(sandbox: Any) -> None:
    guides_of(sandbox.state).reset()


async def store_with_guides(code: str, n: int = 3, *, inactive: int = 0) -> tuple[Store, list[StaffUser]]:
    store = await Store.create(code=code, name=f"{code}店", region="华东")
    guides = [await StaffUser.create(name=f"{code}导购{i}", role="guide", wecom_userid=f"{code.lower()}g{i}",
                                     store_id=store.id) for i in range(n)]
    for i in range(inactive):
        await StaffUser.create(name=f"{code}离职{i}", role="guide", wecom_userid=f"{code.lower()}x{i}",
                               store_id=store.id, active=False)
    await StaffUser.create(name=f"{code}店长", role="marketer", wecom_userid=f"{code.lower()}m", store_id=store.id)
    return store, guides


def at_store(code: str) -> str:
    return json.dumps({"store_code": code})


def test_store_code_from_attach() -> None:
    assert store_code_of('{"store_code": "S1", "order": 5}', "") == "S1"
    assert store_code_of('{"store": "S2"}', "D") == "S2"
    assert store_code_of("store_code=S3&order=9", "") == "S3"
    assert store_code_of("order=9;store=S4", "") == "S4"
    assert store_code_of("order:1", "D") == "D"
    assert store_code_of('{"store_code": 5}', "D") == "D"
    assert store_code_of("{broken", "") is None
    assert store_code_of(None, "") is None


async def test_concurrent_payments_of_one_member_assign_exactly_one_guide(api: Api, seeded, sandbox,
                                                                          notify_relay: NotifyRelay) -> None:
    store, guides = await store_with_guides("S1")
    _, member = await api.login("rr-one")
    played = await asyncio.gather(*[play_payment(sandbox, notify_relay, member["openid"], 1000 + n,
                                                 attach=at_store("S1")) for n in range(20)])
    assert all(p["status"] == 204 for p in played), notify_relay.answers
    rows = await MemberGuide.filter(member_id=member["id"])
    assert len(rows) == 1 and rows[0].staff_id in {g.id for g in guides} and rows[0].source == "round_robin"
    assert rows[0].store_id == store.id
    # the losers rolled their turn back: the rotation moved once
    assert (await StoreRotation.get(store_id=store.id)).turns == 1
    # every push of those payments names that one guide
    pushes = await OutboxMessage.filter(kind="subscribe")
    assert len(pushes) == 20 and {p.payload["ref"]["guide"]["staff_id"] for p in pushes} == {rows[0].staff_id}


async def test_members_are_spread_evenly_over_the_stores_active_guides(api: Api, seeded, sandbox,
                                                                       notify_relay: NotifyRelay) -> None:
    store, guides = await store_with_guides("S2", inactive=1)
    other, other_guides = await store_with_guides("S3", n=2)
    members = [(await api.login(f"rr-many-{i}"))[1] for i in range(12)]
    played = await asyncio.gather(
        *[play_payment(sandbox, notify_relay, m["openid"], 2000, attach=at_store("S2")) for m in members[:9]],
        *[play_payment(sandbox, notify_relay, m["openid"], 2000, attach=f"store_code=S3&n={i}")
          for i, m in enumerate(members[9:])])
    assert all(p["status"] == 204 for p in played), notify_relay.answers
    before = {r.member_id: r.staff_id for r in await MemberGuide.all()}
    # paying again, at another store, changes nothing: a member has one guide
    played = await asyncio.gather(*[play_payment(sandbox, notify_relay, m["openid"], 3000, attach=at_store("S3"))
                                    for m in members[:3]])
    assert all(p["status"] == 204 for p in played), notify_relay.answers
    rows = await MemberGuide.all()
    assert {r.member_id: r.staff_id for r in rows} == before
    assert len(rows) == 12 and len({r.member_id for r in rows}) == 12
    per_guide = Counter(r.staff_id for r in rows if r.store_id == store.id)
    assert per_guide == {g.id: 3 for g in guides}  # never the inactive guide, nor the store's marketer
    assert Counter(r.staff_id for r in rows if r.store_id == other.id) == {other_guides[0].id: 2,
                                                                           other_guides[1].id: 1}
    assert (await StoreRotation.get(store_id=other.id)).turns == 3
    assert (await StoreRotation.get(store_id=store.id)).turns == 9


async def test_a_primary_guide_from_the_community_graph_is_kept(api: Api, seeded, sandbox,
                                                                notify_relay: NotifyRelay) -> None:
    await store_with_guides("S4")
    _, elsewhere = await store_with_guides("S5", n=1)
    _, member = await api.login("has-guide")
    now = clock.now()
    await ExternalContact.create(external_userid="wmHAS", member_id=member["id"], created_at=now, updated_at=now)
    await ContactFollow.create(external_userid="wmHAS", userid=elsewhere[0].wecom_userid, status="active",
                               is_primary=True, added_at=now, state="store-qr")
    played = await play_payment(sandbox, notify_relay, member["openid"], 5000, attach=at_store("S4"))
    assert played["status"] == 204
    row = await MemberGuide.get(member_id=member["id"])
    assert (row.staff_id, row.source) == (elsewhere[0].id, "community")
    assert not await StoreRotation.filter(turns__gt=0).exists()


async def test_push_and_member_api_carry_the_guides_card(api: Api, seeded, rt, sandbox,
                                                         notify_relay: NotifyRelay) -> None:
    store, guides = await store_with_guides("S6", n=1)
    await GuideCard.create(staff_id=guides[0].id, state=f"guide-{guides[0].id}", status="creating",
                           avatar="https://img.example.com/a.png", created_at=clock.now(), updated_at=clock.now())
    token, member = await api.login("card-push")
    status, me = await api.call("GET", "/api/v1/me", token=token)
    assert status == 200 and me["guide"] is None
    played = await play_payment(sandbox, notify_relay, member["openid"], 12345, attach=at_store("S6"))
    assert played["status"] == 204
    push = await OutboxMessage.get(dedupe_key=f"pay-push:{played['transaction_id']}")
    g = guides[0]
    assert push.payload["page"] == f"pages/guide/card?guide={g.id}"
    assert push.payload["data"]["thing7"] == f"专属导购 {g.name}"[:20]
    assert push.payload["ref"]["guide"] == {"staff_id": g.id, "name": g.name,
                                            "avatar": "https://img.example.com/a.png", "qr_code": None}
    # the assignment queued the guide's QR; delivering the outbox creates it and sends the push
    assert await OutboxMessage.filter(kind="guide_card", dedupe_key=f"guide-card:{g.id}").exists()
    await outbox.deliver_due(rt)
    sent = [m for m in sandbox.state.sent_messages if m["touser"] == member["openid"]]
    assert len(sent) == 1 and sent[0]["page"] == f"pages/guide/card?guide={g.id}"
    assert sent[0]["data"]["thing7"] == f"专属导购 {g.name}"[:20]
    assert all(len(v) <= 20 for k, v in sent[0]["data"].items() if k.startswith("thing"))
    card = await GuideCard.get(staff_id=g.id)
    assert card.status == "ready" and card.qr_code
    status, me = await api.call("GET", "/api/v1/me", token=token)
    assert status == 200 and me["guide"] == {"staff_id": g.id, "name": g.name,
                                             "avatar": "https://img.example.com/a.png", "qr_code": card.qr_code}
    # a deactivated guide shows no card
    await StaffUser.filter(id=g.id).update(active=False)
    assert (await api.call("GET", "/api/v1/me", token=token))[1]["guide"] is None


async def test_default_store_off_mode_and_unknown_store(api: Api, seeded, rt, sandbox, notify_relay: NotifyRelay,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _, guides = await store_with_guides("S7", n=2)
    _, a = await api.login("no-attach")
    _, b = await api.login("unknown-store")
    _, c = await api.login("mode-off")
    monkeypatch.setattr(rt.settings.guides, "default_store", "S7")
    assert (await play_payment(sandbox, notify_relay, a["openid"], 1000))["status"] == 204
    assert (await MemberGuide.get(member_id=a["id"])).staff_id == guides[0].id
    assert (await play_payment(sandbox, notify_relay, b["openid"], 1000, attach=at_store("NOPE")))["status"] == 204
    assert not await MemberGuide.filter(member_id=b["id"]).exists()
    monkeypatch.setattr(rt.settings.guides, "assignment", "off")
    assert (await play_payment(sandbox, notify_relay, c["openid"], 1000))["status"] == 204
    assert not await MemberGuide.filter(member_id=c["id"]).exists()
    push = await OutboxMessage.get(dedupe_key=f"pay-push:{(await Payment.get(member_id=c['id'])).transaction_id}")
    assert push.payload["page"] is None and "thing7" not in push.payload["data"]


async def test_daily_mode_gives_the_days_guide(api: Api, seeded, rt, sandbox, notify_relay: NotifyRelay,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _, guides = await store_with_guides("S8", n=3)
    monkeypatch.setattr(rt.settings.guides, "assignment", "daily")
    members = [(await api.login(f"daily-{i}"))[1] for i in range(3)]
    for m in members:
        assert (await play_payment(sandbox, notify_relay, m["openid"], 1000, attach=at_store("S8")))["status"] == 204
    today = guides[clock.day_of(clock.now()).toordinal() % 3].id
    assert {r.staff_id for r in await MemberGuide.all()} == {today}


async def test_payer_registering_later_gets_a_guide(api: Api, seeded, rt, sandbox,
                                                    notify_relay: NotifyRelay) -> None:
    _, guides = await store_with_guides("S9", n=1)
    from sandbox.state import openid_for

    openid = openid_for(rt.settings.miniprogram.appid, "later-guide")
    assert (await play_payment(sandbox, notify_relay, openid, 1000, attach=at_store("S9")))["status"] == 204
    assert not await MemberGuide.exists()
    _, member = await api.login("later-guide")
    assert member["openid"] == openid
    assert (await MemberGuide.get(member_id=member["id"])).staff_id == guides[0].id


async def test_reconcile_assigns_a_guide_a_crash_left_out(api: Api, seeded, rt, sandbox,
                                                          notify_relay: NotifyRelay) -> None:
    _, guides = await store_with_guides("S10", n=1)
    _, member = await api.login("crashed")
    assert (await play_payment(sandbox, notify_relay, member["openid"], 1000, attach=at_store("S10")))["status"] == 204
    await MemberGuide.filter(member_id=member["id"]).delete()  # as if the process died before the assignment
    assert await assignment.reconcile_unassigned(rt, False) == []  # too young: a live notification may finish it
    clock.set(clock.now() + timedelta(seconds=rt.settings.payments.credit_retry_after_seconds + 1))
    found = await assignment.reconcile_unassigned(rt, False)
    assert [(f.subject, f.repaired) for f in found] == [(f"member:{member['id']}", False)]
    found = await assignment.reconcile_unassigned(rt, True)
    assert [f.repaired for f in found] == [True]
    assert (await MemberGuide.get(member_id=member["id"])).staff_id == guides[0].id
    assert await assignment.reconcile_unassigned(rt, True) == []


async def test_a_member_whose_guide_left_gets_a_new_one_on_the_next_payment(api: Api, seeded, sandbox,
                                                                            notify_relay: NotifyRelay) -> None:
    _, guides = await store_with_guides("S11", n=2)
    _, member = await api.login("guide-left")
    assert (await play_payment(sandbox, notify_relay, member["openid"], 1000, attach=at_store("S11")))["status"] == 204
    first = (await MemberGuide.get(member_id=member["id"])).staff_id
    await StaffUser.filter(id=first).update(active=False)
    played = await asyncio.gather(*[play_payment(sandbox, notify_relay, member["openid"], 1000 + n,
                                                 attach=at_store("S11")) for n in range(5)])
    assert all(p["status"] == 204 for p in played)
    rows = await MemberGuide.filter(member_id=member["id"])
    assert len(rows) == 1 and rows[0].staff_id != first and rows[0].staff_id in {g.id for g in guides}


async def test_a_brand_without_guides_skips_the_guide_reads_until_one_exists(api: Api, seeded, sandbox,
                                                                            notify_relay: NotifyRelay,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """No active guide: the payment path asks once and remembers "none" for a few seconds (no guide reads per
    payment); a guide created or reactivated through the staff service is seen at the very next payment, and a
    guide created elsewhere (another instance, a direct insert) once the memory expires."""
    from app.services.staff import service as staff_service

    monkeypatch.setattr(assignment, "GUIDES_TTL", 600.0)  # a slow machine must not expire it mid-test
    rt = api.app.ctx.rt
    _, first = await api.login("no-guides-1")
    assert (await play_payment(sandbox, notify_relay, first["openid"], 1000, attach=at_store("NG")))["status"] == 204
    assert await MemberGuide.filter(member_id=first["id"]).count() == 0
    assert assignment._guides[1] is False  # remembered: nobody to assign

    # a guide inserted behind the service's back: still "none" until the memory expires...
    store = await Store.create(code="NG", name="NG店", region="华东")
    guide = await StaffUser.create(name="新导购", role="guide", wecom_userid="ngg", store_id=store.id, active=False)
    await StaffUser.filter(id=guide.id).update(active=True)
    _, second = await api.login("no-guides-2")
    assert (await play_payment(sandbox, notify_relay, second["openid"], 1000, attach=at_store("NG")))["status"] == 204
    assert await MemberGuide.filter(member_id=second["id"]).count() == 0
    # ...while a change through the staff service forgets it at once
    await staff_service.change_staff(rt.redis, rt.settings.redis.prefix, guide.id, clock.now(), active=False)
    await staff_service.change_staff(rt.redis, rt.settings.redis.prefix, guide.id, clock.now(), active=True)
    _, third = await api.login("no-guides-3")
    assert (await play_payment(sandbox, notify_relay, third["openid"], 1000, attach=at_store("NG")))["status"] == 204
    assert (await MemberGuide.get(member_id=third["id"])).staff_id == guide.id
