"""SOP measurement against a hand-built data set: completion per guide, store and region, and the effect (checked
in, paid, redeemed within N days) of targeted customers against the task's holdout, in JSON and CSV."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import timedelta
from typing import Any

import pytest

from app.clock import clock
from app.services.points import ledger
from app.services.sop import service
from models import Checkin, Payment, SopAssignment, SopRecipient
from sandbox.wecom_sop import reset
from tests import sophelpers as h
from tests.test_sop_dispatch import task, template


@pytest.fixture(autouse=True)
def _sop_sandbox(sandbox: Any) -> None:
    reset(sandbox.state)


async def checkin(member_id: int, at: Any) -> None:
    await Checkin.create(member_id=member_id, day=clock.day_of(at), streak=1, created_at=at)


async def pay(member: Any, at: Any) -> None:
    await Payment.create(transaction_id=uuid.uuid4().hex[:28], out_trade_no=uuid.uuid4().hex, mchid="m",
                         appid="wx", openid=member.openid, member_id=member.id, total_fen=1000, payer_total_fen=1000,
                         success_time=at, created_at=at, updated_at=at)


async def redeem(member_id: int, at: Any) -> None:
    await ledger.adjust(member_id, 100, f"seed-{member_id}-{at.timestamp()}", now=at, reason="t", operator="t",
                        expires_at=None)
    await ledger.spend(member_id, 50, f"spend-{member_id}-{at.timestamp()}", now=at)


async def test_effect_report_adds_up_against_a_hand_built_data_set(rt: Any, api: Any, sandbox: Any,
                                                                   staff_token: Any) -> None:
    s = await h.store("A", "华东")
    g = await h.guide("ga", s.id)
    members = {}
    for i in range(24):
        m = await h.member()
        members[f"wm{i:02d}"] = m
        await h.customer(sandbox, "ga", f"wm{i:02d}", member_id=m.id)
    await h.customer(sandbox, "ga", "wmGUEST")  # a customer who is not a member: counted, never active
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="mass_message", channel="none")
    body = await task(api, mkt, tpl, targets={"staff_ids": [g.id]}, holdout_bp=5000)
    clock.shift(timedelta(minutes=6))
    await service.dispatch_due(clock.now(), 10)
    start = clock.now()
    rows = await SopRecipient.filter(task_id=body["id"]).order_by("external_userid")
    targeted = [r.external_userid for r in rows if not r.holdout and r.member_id]
    held = [r.external_userid for r in rows if r.holdout and r.member_id]
    assert len(targeted) >= 4 and len(held) >= 2, (targeted, held)
    guest_held = next(r.holdout for r in rows if r.external_userid == "wmGUEST")

    # targeted: t0 checks in twice, pays and redeems; t1 checks in and pays; t2 checks in on day 6;
    # t3 checks in on day 8 (outside 7 days) and paid the day before the task (outside)
    t0, t1, t2, t3 = (members[x] for x in targeted[:4])
    await checkin(t0.id, start + timedelta(hours=1))
    await checkin(t0.id, start + timedelta(days=1))
    await pay(t0, start + timedelta(days=2))
    await redeem(t0.id, start + timedelta(days=3))
    await checkin(t1.id, start + timedelta(hours=2))
    await pay(t1, start + timedelta(days=6, hours=23))
    await checkin(t2.id, start + timedelta(days=6))
    await checkin(t3.id, start + timedelta(days=8))
    await pay(t3, start - timedelta(days=1))
    # holdout: h0 checks in and redeems; h1 does nothing in the window (redeems on day 9)
    h0, h1 = (members[x] for x in held[:2])
    await checkin(h0.id, start + timedelta(days=4))
    await redeem(h0.id, start + timedelta(days=5))
    await redeem(h1.id, start + timedelta(days=9))

    status, r = await api.call("GET", f"/admin/v1/sop/tasks/{body['id']}/effect?days=7", token=mkt)
    assert status == 200, r
    nt, nh = len(targeted), len(held)
    assert r["targeted"] == {"customers": nt + (0 if guest_held else 1), "members": nt, "checked_in": 3, "paid": 2,
                             "redeemed": 1, "checked_in_rate": round(3 / nt, 4), "paid_rate": round(2 / nt, 4),
                             "redeemed_rate": round(1 / nt, 4)}
    assert r["holdout"] == {"customers": nh + (1 if guest_held else 0), "members": nh, "checked_in": 1, "paid": 0,
                            "redeemed": 1, "checked_in_rate": round(1 / nh, 4), "paid_rate": 0.0,
                            "redeemed_rate": round(1 / nh, 4)}
    assert r["lift"]["paid"] == round(round(2 / nt, 4) - 0.0, 4)
    # 10 days: t3's day-8 check-in and h1's day-9 redemption now count
    status, r10 = await api.call("GET", f"/admin/v1/sop/tasks/{body['id']}/effect?days=10", token=mkt)
    assert (r10["targeted"]["checked_in"], r10["holdout"]["redeemed"]) == (4, 2)

    status, text = await api.call("GET", f"/admin/v1/sop/tasks/{body['id']}/effect?days=7&format=csv", token=mkt)
    assert status == 200 and api.last_headers["Content-Type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(text)))
    assert [(x["group"], x["members"], x["checked_in"], x["paid"], x["redeemed"]) for x in table] == [
        ("targeted", str(nt), "3", "2", "1"), ("holdout", str(nh), "1", "0", "1")]
    status, err = await api.call("GET", f"/admin/v1/sop/tasks/{body['id']}/effect?days=0", token=mkt)
    assert status == 422
    status, err = await api.call("GET", "/admin/v1/sop/tasks/99999/effect", token=mkt)
    assert status == 404


async def test_completion_per_guide_store_and_region(rt: Any, api: Any, sandbox: Any, staff_token: Any) -> None:
    e1, e2, s1 = await h.store("E1", "华东"), await h.store("E2", "华东"), await h.store("S1", "华南")
    ga, gb, gc, gd = (await h.guide("ga", e1.id), await h.guide("gb", e1.id), await h.guide("gc", e2.id),
                      await h.guide("gd", s1.id))
    mkt = staff_token("marketer", 7)
    tpl = await template(api, mkt, kind="community", channel="none")
    body = await task(api, mkt, tpl, targets={"regions": ["华东", "华南"]})
    clock.shift(timedelta(minutes=6))
    await service.dispatch_due(clock.now(), 10)
    for g in (ga, gc):
        a = await SopAssignment.get(task_id=body["id"], staff_id=g.id)
        status, _ = await api.call("POST", f"/guide/v1/tasks/{a.id}/complete", token=h.token(rt, g), json={})
        assert status == 200
    await SopAssignment.filter(staff_id=gd.id).update(state="overdue", overdue_at=clock.now())

    status, r = await api.call("GET", "/admin/v1/sop/completion?by=region", token=mkt)
    assert status == 200
    assert [(x["region"], x["assignments"], x["done"], x["overdue"], x["open"], x["completion_rate"])
            for x in r["items"]] == [("华东", 3, 2, 0, 1, 0.6667), ("华南", 1, 0, 1, 0, 0.0)]
    status, r = await api.call("GET", f"/admin/v1/sop/completion?by=store&task_id={body['id']}", token=mkt)
    assert [(x["store"], x["done"], x["open"]) for x in r["items"]] == [(e1.id, 1, 1), (e2.id, 1, 0), (s1.id, 0, 0)]
    status, r = await api.call("GET", "/admin/v1/sop/completion?by=guide", token=mkt)
    assert {x["guide"]: x["by_guide"] for x in r["items"]} == {ga.id: 1, gb.id: 0, gc.id: 1, gd.id: 0}
    status, text = await api.call("GET", "/admin/v1/sop/completion?by=region&format=csv", token=mkt)
    assert text.splitlines()[0].startswith("region,assignments,done,overdue,open")
    assert text.splitlines()[1].startswith("华东,3,2,0,1")
    status, _ = await api.call("GET", "/admin/v1/sop/completion?by=planet", token=mkt)
    assert status == 422
    status, _ = await api.call("GET", "/admin/v1/sop/completion", token=h.token(rt, ga))
    assert status == 403
