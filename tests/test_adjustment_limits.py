"""Manual adjustments mint points like awards do: they count against the budget (also when the counter is
rebuilt from the ledger), marketers are limited per adjustment and per day, and above that an admin
approves an adjustment request, applied through the ledger exactly once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from app.config import AdjustmentsConfig
from app.services.points import budget
from models import AdjustmentRequest, Member, PointEntry
from tests.conftest import Api


@pytest.fixture
def limits(rt) -> Iterator[AdjustmentsConfig]:  # type: ignore[no-untyped-def]
    saved = rt.settings.adjustments
    rt.settings.adjustments = AdjustmentsConfig(marketer_max_points=5_000, marketer_daily_points=20_000)
    yield rt.settings.adjustments
    rt.settings.adjustments = saved


def adjustment(amount: int, key: str, reason: str = "补偿") -> dict[str, Any]:
    return {"amount": amount, "reason": reason, "idempotency_key": key}


async def test_positive_adjustments_count_against_the_budget_and_its_rebuild(api: Api, rt, staff_token) -> None:
    admin = staff_token("admin")
    _, member = await api.login("adj-budget")
    path = f"/admin/v1/members/{member['id']}/adjustments"
    assert (await api.call("PUT", "/admin/v1/budget/2026", token=admin, json={"budget_points": 1000}))[0] == 200
    status, body = await api.call("POST", path, token=admin, json=adjustment(600, "b-1"))
    assert status == 201, body
    assert (await api.call("GET", "/admin/v1/budget", token=admin))[1]["issued"] == 600
    status, body = await api.call("POST", path, token=admin, json=adjustment(500, "b-2"))
    assert status == 409 and body["error"]["code"] == "budget_exhausted", body
    assert (await Member.get(id=member["id"])).balance == 600
    # taking points back gives no budget back; the counter, lost and rebuilt from the ledger, still has the 600
    assert (await api.call("POST", path, token=admin, json=adjustment(-100, "b-3")))[0] == 201
    await rt.redis.delete(rt.key("budget-issued", 2026))
    assert await budget.issued(rt, 2026) == 600
    status, body = await api.call("POST", path, token=admin, json=adjustment(401, "b-4"))
    assert status == 409 and body["error"]["code"] == "budget_exhausted", body
    # flag mode: applied and the breach recorded in the entry's trace
    assert (await api.call("PUT", "/admin/v1/budget/2026", token=admin,
                           json={"budget_points": 1000, "mode": "flag"}))[0] == 200
    status, body = await api.call("POST", path, token=admin, json=adjustment(401, "b-4"))
    assert status == 201 and body["entry"]["trace"]["budget"]["mode"] == "flag", body
    assert await budget.issued(rt, 2026) == 1001


async def test_marketer_limits_per_adjustment_and_per_day(api: Api, rt, staff_token, limits) -> None:
    _, member = await api.login("adj-limits")
    path = f"/admin/v1/members/{member['id']}/adjustments"
    marketer = staff_token("marketer", staff_id=7)
    status, body = await api.call("POST", path, token=marketer, json=adjustment(5_001, "big"))
    assert status == 403 and body["error"]["code"] == "approval_required", body
    assert body["error"]["details"]["limit"] == "per_adjustment"
    for n in range(4):
        assert (await api.call("POST", path, token=marketer, json=adjustment(5_000, f"d{n}")))[0] == 201
    status, body = await api.call("POST", path, token=marketer, json=adjustment(1, "d4"))
    assert status == 403 and body["error"]["details"] == {"limit": "per_day", "daily_points": 20_000,
                                                          "used_today": 20_000, "amount": 1}, body
    # the same key again is still the first answer (a retry is not a new adjustment)
    status, body = await api.call("POST", path, token=marketer, json=adjustment(5_000, "d0"))
    assert status == 200 and body["duplicate"] is True
    # taking points away is not limited; another marketer has their own day; an admin has no limit
    assert (await api.call("POST", path, token=marketer, json=adjustment(-30_000, "neg")))[0] == 201
    other = staff_token("marketer", staff_id=8)
    assert (await api.call("POST", path, token=other, json=adjustment(5_000, "o1")))[0] == 201
    assert (await api.call("POST", path, token=staff_token("admin"), json=adjustment(1_000_000, "a1")))[0] == 201
    # the next Shanghai day starts afresh
    rt.clock.set(rt.clock.day_start(rt.clock.today() + timedelta(days=1)))
    marketer = staff_token("marketer", staff_id=7)
    assert (await api.call("POST", path, token=marketer, json=adjustment(5_000, "next-day")))[0] == 201
    assert (await Member.get(id=member["id"])).balance == 20_000 - 30_000 + 5_000 + 1_000_000 + 5_000


async def test_parallel_adjustments_never_pass_the_daily_limit_together(api: Api, rt, staff_token, limits) -> None:
    """Ten 5,000-point adjustments at once against a 20,000 daily limit: exactly four apply."""
    _, member = await api.login("adj-race")
    path = f"/admin/v1/members/{member['id']}/adjustments"
    marketer = staff_token("marketer", staff_id=11)
    await api.call("GET", "/admin/v1/whoami", token=marketer)
    results = await asyncio.gather(*[api.call("POST", path, token=marketer, json=adjustment(5_000, f"r{n}"))
                                     for n in range(10)])
    statuses = sorted(s for s, _ in results)
    assert statuses == [201] * 4 + [403] * 6, results
    assert (await Member.get(id=member["id"])).balance == 20_000
    assert await PointEntry.filter(member_id=member["id"], kind="adjust").count() == 4


async def test_adjustment_request_approved_once_or_rejected(api: Api, rt, staff_token, limits) -> None:
    _, member = await api.login("adj-approval")
    marketer = staff_token("marketer", staff_id=7)
    admins = [staff_token("admin", staff_id=100 + n) for n in range(8)]
    req = {"member_id": member["id"], **adjustment(50_000, "vip-2026", "大客户补偿")}
    status, created = await api.call("POST", "/admin/v1/adjustment-requests", token=marketer, json=req)
    assert status == 201 and created["state"] == "pending" and created["requested_by"] == "marketer:7", created
    status, again = await api.call("POST", "/admin/v1/adjustment-requests", token=marketer, json=req)
    assert status == 200 and again["id"] == created["id"]
    status, body = await api.call("POST", "/admin/v1/adjustment-requests", token=marketer,
                                  json={**req, "amount": 60_000})
    assert status == 409 and body["error"]["code"] == "idempotency_key_reused"
    rid = created["id"]
    assert (await api.call("POST", f"/admin/v1/adjustment-requests/{rid}/approve", token=marketer, json={}))[0] == 403
    assert (await Member.get(id=member["id"])).balance == 0

    results = await asyncio.gather(*[api.call("POST", f"/admin/v1/adjustment-requests/{rid}/approve", token=a,
                                              json={"note": "ok"}) for a in admins])
    ok = [b for s, b in results if s == 200]
    assert len(ok) == 1, results
    assert {(s, b["error"]["code"]) for s, b in results if s != 200} == {(409, "request_decided")}
    assert ok[0]["state"] == "approved" and ok[0]["entry_id"] and ok[0]["balance"] == 50_000
    entries = await PointEntry.filter(member_id=member["id"], kind="adjust")
    assert len(entries) == 1 and entries[0].amount == 50_000 and entries[0].idem_key == "admin-adjust:vip-2026"
    assert entries[0].trace["requested_by"] == "marketer:7" and entries[0].trace["approval_request"] == rid
    assert entries[0].trace["operator"] == ok[0]["decided_by"]
    assert (await Member.get(id=member["id"])).balance == 50_000
    # the key is the adjustment's: a direct adjustment with it is the same adjustment, not a second one
    status, body = await api.call("POST", f"/admin/v1/members/{member['id']}/adjustments", token=admins[0],
                                  json=adjustment(50_000, "vip-2026", "大客户补偿"))
    assert status == 200 and body["duplicate"] is True and body["balance"] == 50_000
    # approved requests do not eat into the marketer's own daily allowance
    assert (await api.call("POST", f"/admin/v1/members/{member['id']}/adjustments", token=marketer,
                           json=adjustment(5_000, "small")))[0] == 201

    status, second = await api.call("POST", "/admin/v1/adjustment-requests", token=marketer,
                                    json={**req, "idempotency_key": "vip-2026-b"})
    assert status == 201
    status, rejected = await api.call("POST", f"/admin/v1/adjustment-requests/{second['id']}/reject",
                                      token=admins[1], json={"note": "不符合政策"})
    assert status == 200 and rejected["state"] == "rejected" and rejected["entry_id"] is None
    status, body = await api.call("POST", f"/admin/v1/adjustment-requests/{second['id']}/approve",
                                  token=admins[1], json={})
    assert status == 409 and body["error"]["code"] == "request_decided"
    status, page = await api.call("GET", "/admin/v1/adjustment-requests?state=pending", token=marketer)
    assert status == 200 and page["items"] == []
    assert (await Member.get(id=member["id"])).balance == 55_000
    assert await AdjustmentRequest.filter(state="approved").count() == 1


async def test_an_approval_the_budget_refuses_stays_pending(api: Api, rt, staff_token, limits) -> None:
    _, member = await api.login("adj-approval-budget")
    admin = staff_token("admin")
    assert (await api.call("PUT", "/admin/v1/budget/2026", token=admin, json={"budget_points": 10_000}))[0] == 200
    status, created = await api.call("POST", "/admin/v1/adjustment-requests", token=staff_token("marketer"),
                                     json={"member_id": member["id"], **adjustment(50_000, "too-much")})
    assert status == 201
    status, body = await api.call("POST", f"/admin/v1/adjustment-requests/{created['id']}/approve", token=admin,
                                  json={})
    assert status == 409 and body["error"]["code"] == "budget_exhausted"
    assert (await AdjustmentRequest.get(id=created["id"])).state == "pending"
    assert (await Member.get(id=member["id"])).balance == 0
