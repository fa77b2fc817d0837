"""The lottery draw: guaranteed win (consolation, pity), idempotency, stock under concurrency, budget, privacy,
replay and the random source."""

from __future__ import annotations

import ast
import asyncio
import secrets
from pathlib import Path

import pytest

from app.db import conn
from app.services.mall.lottery import admin as lottery_admin
from app.services.mall.lottery import pool
from app.sqlx import execute, fetch, fetchrow
from models import OutboxMessage
from tests.conftest import BACKEND, Api
from tests.lottery_helpers import BASE, CONSOLATION, balance, draw, give_points, make_lottery, prize_id

REAL_50 = {"name": "50积分", "kind": "points", "points": 50, "weight": 1}


async def _member(api: Api, admin: str, name: str, points: int = 1000) -> tuple[str, dict]:
    token, member = await api.login(name)
    await give_points(api, admin, member["id"], points)
    return token, member


async def test_every_draw_spends_its_cost_and_wins_something(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [CONSOLATION, REAL_50])
    token, _ = await _member(api, admin, "lot-basic", 100)
    won = 0
    for _ in range(5):
        status, body = await draw(api, token, lot["id"])
        assert status == 201, body
        assert body["prize"]["kind"] == "points" and body["prize"]["points"] in (2, 50)
        assert body["slot"] in (0, 1) and body["cost_points"] == 10
        won += body["prize"]["points"]
    assert await balance(api, token) == 100 - 5 * 10 + won
    status, mine = await api.call("GET", f"/api/v1/mall/lotteries/{lot['id']}/draws", token=token)
    assert status == 200 and len(mine["items"]) == 5
    status, ledger = await api.call("GET", "/api/v1/points/ledger?limit=100", token=token)
    events = [e["event"] for e in ledger["items"]]
    assert events.count("lottery_draw") == 5 and events.count("lottery_prize") == 5
    status, detail = await api.call("GET", f"/api/v1/mall/lotteries/{lot['id']}", token=token)
    assert status == 200 and detail["my_draws"]["total"] == 5
    assert all("weight" not in p for p in detail["prizes"]), "members never see the weights"


async def test_a_prize_of_weight_zero_is_not_shown_to_members(api: Api, staff_token) -> None:
    """Weight 0 is never won (by weight or by pity): listed to members it would advertise a prize nobody wins."""
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [CONSOLATION, REAL_50, {"name": "大奖 100000 积分", "kind": "points",
                                                                 "points": 100_000, "weight": 0}], pity_after=2)
    token, _ = await _member(api, admin, "lot-zero", 100)
    status, detail = await api.call("GET", f"/api/v1/mall/lotteries/{lot['id']}", token=token)
    assert status == 200
    assert [p["name"] for p in detail["prizes"]] == [CONSOLATION["name"], REAL_50["name"]]
    # a consolation of weight 0 is still shown: it is what a draw gives when the prize picked is out
    other = await make_lottery(api, admin, [{**CONSOLATION, "weight": 0}, REAL_50])
    status, detail = await api.call("GET", f"/api/v1/mall/lotteries/{other['id']}", token=token)
    assert [p["name"] for p in detail["prizes"]] == [CONSOLATION["name"], REAL_50["name"]]
    for _ in range(4):  # the pity counter picks among real prizes that can be won: never the weight-0 one
        status, body = await draw(api, token, lot["id"])
        assert status == 201 and body["prize"]["points"] != 100_000


async def test_pity_counter_guarantees_a_real_prize_within_n_draws(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    # a real prize by weight is a one-in-a-billion event: every real prize below is the pity counter's doing
    lot = await make_lottery(api, admin, [{**CONSOLATION, "weight": 1_000_000_000}, REAL_50], pity_after=4)
    token, _ = await _member(api, admin, "lot-pity", 1000)
    results = []
    for _ in range(12):
        status, body = await draw(api, token, lot["id"])
        assert status == 201, body
        results.append(body)
    real = [i + 1 for i, r in enumerate(results) if r["real_prize"]]
    assert real == [4, 8, 12]
    assert all(results[i - 1]["decided_by"] == "pity" and results[i - 1]["guaranteed"] for i in real)
    assert all(r["decided_by"] == "weight" for r in results if not r["real_prize"])
    run = longest = 0
    for r in results:
        run = 0 if r["real_prize"] else run + 1
        longest = max(longest, run)
    assert longest < 4


async def test_consolation_means_no_empty_draw_when_real_prizes_run_out(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [{**CONSOLATION, "weight": 1},
                                          {**REAL_50, "weight": 1_000_000_000, "stock_total": 1}])
    token, _ = await _member(api, admin, "lot-out")
    status, first = await draw(api, token, lot["id"])
    assert status == 201 and first["real_prize"] and first["decided_by"] == "weight"
    real_id = prize_id(lot, "50积分")
    for _ in range(3):
        status, body = await draw(api, token, lot["id"])
        assert status == 201, body
        assert body["prize"]["name"] == CONSOLATION["name"] and body["decided_by"] == "consolation_unavailable"
    status, draws = await api.call("GET", f"{BASE}/{lot['id']}/draws", token=admin)
    assert draws["items"][0]["unavailable"] == {str(real_id): "stock_out"}
    assert await lottery_admin.stock_drift() == []


async def test_consolation_and_member_cap(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [{**CONSOLATION, "weight": 1},
                                          {**REAL_50, "weight": 1_000_000_000, "per_member_limit": 1}])
    token, _ = await _member(api, admin, "lot-cap")
    assert (await draw(api, token, lot["id"]))[1]["real_prize"]
    status, body = await draw(api, token, lot["id"])
    assert status == 201 and not body["real_prize"] and body["decided_by"] == "consolation_unavailable"
    other, _ = await _member(api, admin, "lot-cap-2")
    assert (await draw(api, other, lot["id"]))[1]["real_prize"], "the cap is per member"


async def test_same_idempotency_key_is_one_draw(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [CONSOLATION, REAL_50])
    token, _ = await _member(api, admin, "lot-idem", 100)
    status, first = await draw(api, token, lot["id"], "retry-1")
    assert status == 201
    status, again = await draw(api, token, lot["id"], "retry-1")
    assert status == 200 and again == first
    # concurrent copies of a new key: one draw, one spend
    answers = await asyncio.gather(*[draw(api, token, lot["id"], "burst-1") for _ in range(6)])
    assert sorted(s for s, _ in answers) == [200] * 5 + [201]
    assert len({b["id"] for _, b in answers}) == 1
    rows = await fetch(conn(), "SELECT COUNT(*) AS n FROM point_entries WHERE event = 'lottery_draw'")
    assert int(rows[0]["n"]) == 2
    won = sum(b["prize"]["points"] for b in (first, answers[0][1]))
    assert await balance(api, token) == 100 - 20 + won
    status, body = await api.call("POST", f"/api/v1/mall/lotteries/{lot['id']}/draws", token=token)
    assert status == 400 and body["error"]["code"] == "idempotency_key_required"
    status, body = await draw(api, token, lot["id"], "has space")
    assert status == 400 and body["error"]["code"] == "idempotency_key_invalid"


async def test_budget_refuses_the_draw_and_spends_nothing(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [CONSOLATION, REAL_50])
    token, member = await _member(api, admin, "lot-budget", 100)  # 100 points issued this year
    assert (await api.call("PUT", "/admin/v1/budget/2026", token=admin, json={"budget_points": 140}))[0] == 200
    status, body = await draw(api, token, lot["id"])
    assert status == 409 and body["error"]["code"] == "budget_exhausted", body
    assert await balance(api, token) == 100
    assert (await fetch(conn(), "SELECT COUNT(*) AS n FROM lottery_draws"))[0]["n"] == 0
    assert (await fetch(conn(), "SELECT COUNT(*) AS n FROM point_entries WHERE event = 'lottery_draw'"))[0]["n"] == 0
    # a bigger budget: the draw goes through and its points are counted as issued
    assert (await api.call("PUT", "/admin/v1/budget/2026", token=admin, json={"budget_points": 150}))[0] == 200
    status, body = await draw(api, token, lot["id"])
    assert status == 201, body
    status, b = await api.call("GET", "/admin/v1/budget", token=admin)
    assert b["issued"] == 100 + body["prize"]["points"]


async def test_a_member_cannot_see_another_members_draws(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [CONSOLATION, {"name": "保温杯", "kind": "gift", "cost_fen": 3000,
                                                        "weight": 1_000_000_000}])
    alice, _ = await _member(api, admin, "lot-alice")
    bob, _ = await _member(api, admin, "lot-bob")
    status, mine = await draw(api, alice, lot["id"])
    assert status == 201 and mine["gift"]["state"] == "won"
    assert (await api.call("GET", f"/api/v1/mall/lotteries/draws/{mine['id']}", token=alice))[0] == 200
    status, body = await api.call("GET", f"/api/v1/mall/lotteries/draws/{mine['id']}", token=bob)
    assert status == 404 and body["error"]["code"] == "draw_not_found"
    for path in ("/api/v1/mall/lotteries/draws", f"/api/v1/mall/lotteries/{lot['id']}/draws"):
        status, body = await api.call("GET", path, token=bob)
        assert status == 200 and body["items"] == []
    addr = {"name": "鲍勃", "phone": "13800000000", "address": "上海市"}
    status, body = await api.call("PUT", f"/api/v1/mall/lotteries/draws/{mine['id']}/address", token=bob, json=addr)
    assert status == 404
    # same key from another member is that member's own draw, not alice's
    status, theirs = await draw(api, bob, lot["id"], "shared-key")
    status2, alices = await draw(api, alice, lot["id"], "shared-key")
    assert theirs["id"] != alices["id"]


async def test_gift_fulfilment(api: Api, staff_token) -> None:
    admin = staff_token("marketer")
    lot = await make_lottery(api, admin, [CONSOLATION, {"name": "保温杯", "kind": "gift", "cost_fen": 3000,
                                                        "weight": 1_000_000_000, "stock_total": 3}])
    token, _ = await _member(api, staff_token("admin"), "lot-gift")
    status, won = await draw(api, token, lot["id"])
    gift_id = won["gift"]["id"]
    ship = {"carrier": "顺丰", "tracking_no": "SF1234567890"}
    status, body = await api.call("POST", f"{BASE}/gifts/{gift_id}/ship", token=admin, json=ship)
    assert status == 409 and body["error"]["code"] == "address_missing"
    addr = {"name": "爱丽丝", "phone": "13800000000", "address": "上海市静安区"}
    status, body = await api.call("PUT", f"/api/v1/mall/lotteries/draws/{won['id']}/address", token=token, json=addr)
    assert status == 200 and body["address"]["name"] == "爱丽丝"
    status, gifts = await api.call("GET", f"{BASE}/gifts?state=won", token=admin)
    assert [g["id"] for g in gifts["items"]] == [gift_id]
    status, body = await api.call("POST", f"{BASE}/gifts/{gift_id}/ship", token=admin, json=ship)
    assert status == 200 and body["state"] == "shipped" and body["tracking_no"] == "SF1234567890"
    # the winner's shipping notice, queued with the shipment (app/services/mall/notices.py), once
    status, _ = await api.call("POST", f"{BASE}/gifts/{gift_id}/ship", token=admin, json=ship)
    assert status == 409
    notice = await OutboxMessage.get(dedupe_key=f"lottery-shipped:{gift_id}")
    assert notice.kind == "subscribe" and notice.payload["data"]["thing1"] == "保温杯"
    assert notice.payload["data"]["character_string2"] == "SF1234567890"
    status, body = await api.call("PUT", f"/api/v1/mall/lotteries/draws/{won['id']}/address", token=token, json=addr)
    assert status == 409
    status, body = await api.call("POST", f"{BASE}/gifts/{gift_id}/deliver", token=admin)
    assert status == 200 and body["state"] == "delivered"


async def test_coupon_prize_is_issued_into_the_wallet(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    status, tpl = await api.call("POST", "/admin/v1/coupon-templates", token=admin, json={
        "name": "满100减10", "kind": "amount_off", "amount_off_fen": 1000, "min_spend_fen": 10000,
        "validity": "days", "valid_days": 30})
    assert status == 201
    lot = await make_lottery(api, admin, [{"name": "券", "kind": "coupon", "coupon_template_id": tpl["id"],
                                           "weight": 1, "consolation": True}], view="scratch")
    token, _ = await _member(api, admin, "lot-coupon")
    status, body = await draw(api, token, lot["id"], "c-1")
    assert status == 201 and body["coupon_code"] and body["slot"] is None  # scratch cards have no slot
    assert (await draw(api, token, lot["id"], "c-1"))[1]["coupon_code"] == body["coupon_code"]
    status, wallet = await api.call("GET", "/api/v1/coupons", token=token)
    assert [c["code"] for c in wallet["items"]] == [body["coupon_code"]]


async def test_replay_of_recorded_draws_matches(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [{**CONSOLATION, "weight": 5}, {**REAL_50, "weight": 3, "stock_total": 2},
                                          {"name": "10积分", "kind": "points", "points": 10, "weight": 2}],
                             pity_after=3)
    token, member = await _member(api, admin, "lot-replay", 2000)
    for _ in range(12):
        assert (await draw(api, token, lot["id"]))[0] == 201
    # a new pool version mid-way: later draws name version 2, earlier ones still replay against version 1
    status, _ = await api.call("PATCH", f"{BASE}/{lot['id']}/prizes/{prize_id(lot, '10积分')}", token=admin,
                               json={"weight": 7})
    assert status == 200
    for _ in range(6):
        assert (await draw(api, token, lot["id"]))[0] == 201
    status, draws = await api.call("GET", f"{BASE}/{lot['id']}/draws?limit=100", token=admin)
    assert {d["pool_version"] for d in draws["items"]} == {1, 2}
    decisions = {d["decided_by"] for d in draws["items"]}
    assert "weight" in decisions
    for d in draws["items"]:
        status, rep = await api.call("GET", f"{BASE}/{lot['id']}/draws/{d['id']}/replay", token=admin)
        assert status == 200 and rep["matches"], rep
    # the replay can fail: a tampered record no longer matches
    victim = draws["items"][-1]
    other = next(p["id"] for p in lot["prizes"] if p["id"] != victim["prize_id"])
    await execute(conn(), "UPDATE lottery_draws SET prize_id = $1 WHERE id = $2", [other, victim["id"]])
    status, rep = await api.call("GET", f"{BASE}/{lot['id']}/draws/{victim['id']}/replay", token=admin)
    assert status == 200 and not rep["matches"] and rep["checks"]["prize"] is False


async def test_the_random_source_is_secrets(api: Api, staff_token, monkeypatch: pytest.MonkeyPatch) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [{**CONSOLATION, "weight": 3}, {**REAL_50, "weight": 1}])
    token, _ = await _member(api, admin, "lot-secrets")
    asked: list[int] = []

    def fake_randbits(k: int) -> int:
        asked.append(k)
        return 4 * 10**15 + 3  # mod 4 = 3: the last quarter of the weights, the real prize

    monkeypatch.setattr(secrets, "randbits", fake_randbits)
    status, body = await draw(api, token, lot["id"])
    assert status == 201 and body["real_prize"] and asked == [pool.RANDOM_BITS]
    row = await fetchrow(conn(), "SELECT random FROM lottery_draws WHERE id = $1", [body["id"]])
    assert int(row["random"]) == 4 * 10**15 + 3
    monkeypatch.setattr(secrets, "randbits", lambda k: 4 * 10**15 + 1)
    assert not (await draw(api, token, lot["id"]))[1]["real_prize"]


def test_nothing_in_the_lottery_imports_random() -> None:
    for path in (Path(__file__).resolve().parent.parent / "app/services/mall/lottery").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                assert all(a.name != "random" for a in node.names), path
            if isinstance(node, ast.ImportFrom):
                assert node.module != "random", path


async def test_draw_limits_per_day_and_lifetime(api: Api, staff_token, rt) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [CONSOLATION], daily_draws=2, lifetime_draws=3)
    token, _ = await _member(api, admin, "lot-limits")
    assert [(await draw(api, token, lot["id"]))[0] for _ in range(2)] == [201, 201]
    status, body = await draw(api, token, lot["id"])
    assert status == 409 and body["error"]["details"]["limit"] == "per_day"
    rt.clock.shift(__import__("datetime").timedelta(days=1))
    assert (await draw(api, token, lot["id"]))[0] == 201
    status, body = await draw(api, token, lot["id"])
    assert status == 409 and body["error"]["details"]["limit"] == "lifetime"


async def test_insufficient_points_and_closed_lottery(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [CONSOLATION], cost_points=500)
    token, _ = await _member(api, admin, "lot-poor", 100)
    status, body = await draw(api, token, lot["id"])
    assert status == 409 and body["error"]["code"] == "insufficient_points"
    assert await balance(api, token) == 100
    assert (await api.call("POST", f"{BASE}/{lot['id']}/close", token=admin))[0] == 200
    status, body = await draw(api, token, lot["id"])
    assert status == 409 and body["error"]["code"] == "lottery_not_open"
    draft = await make_lottery(api, admin, [CONSOLATION], publish=False)
    assert (await draw(api, token, draft["id"]))[0] == 404


@pytest.mark.skipif(BACKEND != "postgres", reason="concurrency is proven on PostgreSQL")
async def test_concurrent_draws_never_take_stock_below_zero(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [{**CONSOLATION, "weight": 1},
                                          {**REAL_50, "weight": 1_000_000_000, "stock_total": 5},
                                          {"name": "每日1份", "kind": "points", "points": 20,
                                           "weight": 1_000_000_000, "daily_limit": 3}])
    members = [await _member(api, admin, f"lot-race-{i}", 100) for i in range(30)]
    answers = await asyncio.gather(*[draw(api, token, lot["id"]) for token, _ in members for _ in range(2)])
    assert all(s == 201 for s, _ in answers), [b for s, b in answers if s != 201][:3]
    names = [b["prize"]["name"] for _, b in answers]
    assert names.count("50积分") == 5 and names.count("每日1份") == 3
    assert names.count(CONSOLATION["name"]) == 60 - 8
    row = await fetchrow(conn(), "SELECT stock_left FROM lottery_prizes WHERE id = $1", [prize_id(lot, "50积分")])
    assert int(row["stock_left"]) == 0
    assert await lottery_admin.stock_drift() == []
    day = await fetchrow(conn(), "SELECT won FROM lottery_prize_days WHERE prize_id = $1",
                         [prize_id(lot, "每日1份")])
    assert int(day["won"]) == 3


@pytest.mark.skipif(BACKEND != "postgres", reason="concurrency is proven on PostgreSQL")
async def test_concurrent_draws_of_one_member_respect_the_limits_and_the_balance(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [{**CONSOLATION, "weight": 1}, {**REAL_50, "weight": 1_000_000_000,
                                                                         "per_member_limit": 1}],
                             daily_draws=3, pity_after=2)
    token, _ = await _member(api, admin, "lot-one-member", 100)
    answers = await asyncio.gather(*[draw(api, token, lot["id"]) for _ in range(12)])
    created = [b for s, b in answers if s == 201]
    refused = [b for s, b in answers if s != 201]
    assert len(created) == 3 and all(b["error"]["code"] == "draw_limit_reached" for b in refused)
    assert [b["prize"]["name"] for b in created].count("50积分") == 1  # the member's cap, under concurrency
    won = sum(b["prize"]["points"] for b in created)
    assert await balance(api, token) == 100 - 3 * 10 + won


async def test_a_pool_without_points_prizes_is_not_held_by_the_points_budget(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    status, tpl = await api.call("POST", "/admin/v1/coupon-templates", token=admin, json={
        "name": "5元券", "kind": "amount_off", "amount_off_fen": 500, "validity": "days", "valid_days": 7})
    lot = await make_lottery(api, admin, [{"name": "券", "kind": "coupon", "coupon_template_id": tpl["id"],
                                           "weight": 1, "consolation": True}])
    token, _ = await _member(api, admin, "lot-no-points", 100)
    assert (await api.call("PUT", "/admin/v1/budget/2026", token=admin, json={"budget_points": 100}))[0] == 200
    status, body = await draw(api, token, lot["id"])
    assert status == 201 and body["coupon_code"], body


async def test_budget_in_flag_mode_draws_and_flags_the_points(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [CONSOLATION, REAL_50])
    token, _ = await _member(api, admin, "lot-flag", 100)
    assert (await api.call("PUT", "/admin/v1/budget/2026", token=admin,
                           json={"budget_points": 100, "mode": "flag"}))[0] == 200
    status, body = await draw(api, token, lot["id"])
    assert status == 201, body
    _, ledger = await api.call("GET", "/api/v1/points/ledger", token=token)
    prize = next(e for e in ledger["items"] if e["event"] == "lottery_prize")
    assert prize["trace"]["budget"]["mode"] == "flag"
