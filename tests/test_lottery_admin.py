"""The marketer's side of the lottery: expected cost before publishing, pool versions, stock with a reason,
validation; and the pure decision rules."""

from __future__ import annotations

from fractions import Fraction

import pytest

from app.services.mall.lottery import pool
from tests.conftest import Api
from tests.lottery_helpers import BASE, CONSOLATION, draw, give_points, make_lottery, prize_id

REAL_100 = {"name": "100积分", "kind": "points", "points": 100, "weight": 1}


async def test_expected_cost_is_shown_before_publishing_and_by_publishing(api: Api, staff_token) -> None:
    mkt = staff_token("marketer")
    status, tpl = await api.call("POST", "/admin/v1/coupon-templates", token=staff_token("admin"), json={
        "name": "5元券", "kind": "amount_off", "amount_off_fen": 500, "validity": "days", "valid_days": 7})
    assert status == 201
    lot = await make_lottery(api, mkt, [{**CONSOLATION, "weight": 6}, {**REAL_100, "weight": 2},
                                        {"name": "5元券", "kind": "coupon", "coupon_template_id": tpl["id"],
                                         "weight": 1},
                                        {"name": "保温杯", "kind": "gift", "cost_fen": 3000, "weight": 1}],
                             publish=False, cost_points=50)
    status, cost = await api.call("GET", f"{BASE}/{lot['id']}/expected-cost", token=mkt)
    assert status == 200, cost
    # no pity: P = 6/10 consolation (2 points), 2/10 100 points, 1/10 a 5-yuan coupon, 1/10 a 30-yuan gift
    assert cost["expected_points"] == pytest.approx(0.6 * 2 + 0.2 * 100)
    assert cost["expected_fen"]["points"] == pytest.approx(21.2)  # 100 points = 1 yuan
    assert cost["expected_fen"]["coupon"] == pytest.approx(50) and cost["expected_fen"]["gift"] == pytest.approx(300)
    assert cost["expected_yuan"] == pytest.approx(3.712)
    assert cost["cost_yuan"] == pytest.approx(0.5) and cost["max_points_per_draw"] == 100
    # with a pity counter after 3 draws the real-prize rate is q / (1 - (1 - q)^3), q = 0.4
    status, _ = await api.call("PATCH", f"{BASE}/{lot['id']}", token=mkt, json={"pity_after": 3})
    status, body = await api.call("POST", f"{BASE}/{lot['id']}/publish", token=mkt)
    assert status == 200, body
    rate = Fraction(2, 5) / (1 - Fraction(3, 5) ** 3)
    assert body["expected_cost"]["real_prize_rate"] == pytest.approx(float(rate), abs=1e-6)
    expected_fen = (1 - rate) * 2 + rate * (Fraction(2, 4) * 100 + Fraction(1, 4) * 500 + Fraction(1, 4) * 3000)
    assert body["expected_cost"]["expected_fen"]["total"] == pytest.approx(float(expected_fen), abs=0.01)
    assert body["lottery"]["status"] == "published" and body["lottery"]["pool_version"] == 1


async def test_a_prize_out_of_stock_moves_its_odds_to_the_consolation(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [{**CONSOLATION, "weight": 1}, {**REAL_100, "weight": 1, "stock_total": 1}])
    before = (await api.call("GET", f"{BASE}/{lot['id']}/expected-cost", token=admin))[1]
    assert before["expected_points"] == pytest.approx(51)
    real = prize_id(lot, "100积分")
    status, body = await api.call("POST", f"{BASE}/{lot['id']}/prizes/{real}/stock", token=admin,
                                  json={"delta": -1, "reason": "样品损坏"})
    assert status == 200 and body["prize"]["stock_left"] == 0, body
    assert body["adjustments"][0]["reason"] == "样品损坏" and body["adjustments"][0]["operator"].startswith("admin:")
    after = (await api.call("GET", f"{BASE}/{lot['id']}/expected-cost", token=admin))[1]
    assert after["expected_points"] == pytest.approx(2) and after["real_prize_rate"] == 0


async def test_stock_adjustments_never_go_below_zero(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [CONSOLATION, {**REAL_100, "stock_total": 2}])
    real = prize_id(lot, "100积分")
    path = f"{BASE}/{lot['id']}/prizes/{real}/stock"
    status, body = await api.call("POST", path, token=admin, json={"delta": -3, "reason": "盘点"})
    assert status == 409 and body["error"]["code"] == "stock_below_zero"
    status, body = await api.call("POST", path, token=admin, json={"delta": 5, "reason": "补货"})
    assert status == 200 and body["prize"]["stock_left"] == 7 and body["prize"]["stock_total"] == 7
    status, body = await api.call("POST", path, token=admin, json={"delta": 0, "reason": "x"})
    assert status == 422
    status, body = await api.call("POST", f"{BASE}/{lot['id']}/prizes/{prize_id(lot, CONSOLATION['name'])}/stock",
                                  token=admin, json={"delta": 1, "reason": "x"})
    assert status == 409 and body["error"]["code"] == "stock_unlimited"
    status, body = await api.call("PATCH", f"{BASE}/{lot['id']}/prizes/{real}", token=admin, json={"stock_total": 1})
    assert status == 422, "a published lottery's stock moves only through adjustments"


async def test_editing_a_published_pool_creates_a_new_version(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    lot = await make_lottery(api, admin, [CONSOLATION, REAL_100])
    token, member = await api.login("lot-versions")
    await give_points(api, admin, member["id"], 100)
    assert (await draw(api, token, lot["id"]))[1]["id"]
    status, _ = await api.call("POST", f"{BASE}/{lot['id']}/prizes", token=admin,
                               json={"name": "20积分", "kind": "points", "points": 20, "weight": 5})
    assert status == 201
    status, _ = await api.call("DELETE", f"{BASE}/{lot['id']}/prizes/{prize_id(lot, '100积分')}", token=admin)
    assert status == 200
    status, _ = await api.call("PATCH", f"{BASE}/{lot['id']}", token=admin, json={"pity_after": 5})
    status, detail = await api.call("GET", f"{BASE}/{lot['id']}", token=admin)
    assert detail["pool_version"] == 4
    assert [v["version"] for v in detail["versions"]] == [4, 3, 2, 1]
    status, second = await draw(api, token, lot["id"])
    status, draws = await api.call("GET", f"{BASE}/{lot['id']}/draws", token=admin)
    assert [d["pool_version"] for d in draws["items"]] == [4, 1]
    assert second["prize"]["name"] != "100积分"  # removed from the pool in version 3
    status, mine = await api.call("GET", f"/api/v1/mall/lotteries/{lot['id']}", token=token)
    assert {p["name"] for p in mine["prizes"]} == {CONSOLATION["name"], "20积分"}


async def test_pool_validation(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    status, lot = await api.call("POST", BASE, token=admin, json={"name": "九宫格", "cost_points": 5,
                                                                  "view": "nine_grid"})
    assert status == 201
    prizes = f"{BASE}/{lot['id']}/prizes"
    bad = [
        {**CONSOLATION, "stock_total": 5},  # the consolation is always available
        {"name": "礼品", "kind": "gift", "cost_fen": 100, "weight": 1, "consolation": True},
        {"name": "缺积分", "kind": "points", "weight": 1},
        {"name": "多余", "kind": "gift", "cost_fen": 1, "points": 3, "weight": 1},
        {"name": "券", "kind": "coupon", "coupon_template_id": 999, "weight": 1},
    ]
    for body in bad:
        status, answer = await api.call("POST", prizes, token=admin, json=body)
        assert status == 422, (body, answer)
    status, body = await api.call("POST", f"{BASE}/{lot['id']}/publish", token=admin)
    assert status == 409 and body["error"]["code"] == "pool_invalid"  # no consolation
    for n in range(8):
        assert (await api.call("POST", prizes, token=admin, json={**REAL_100, "name": f"p{n}"}))[0] == 201
    assert (await api.call("POST", prizes, token=admin, json=CONSOLATION))[0] == 201
    status, body = await api.call("POST", f"{BASE}/{lot['id']}/publish", token=admin)
    assert status == 409 and "at most 8" in body["error"]["message"]
    status, _ = await api.call("DELETE", f"{prizes}/{await _first_prize(api, admin, lot['id'])}", token=admin)
    assert status == 200
    status, body = await api.call("POST", f"{BASE}/{lot['id']}/publish", token=admin)
    assert status == 200, body
    status, body = await api.call("POST", f"{BASE}/{lot['id']}/publish", token=admin)
    assert status == 409 and body["error"]["code"] == "lottery_not_draft"
    status, body = await api.call("PATCH", f"{BASE}/{lot['id']}", token=admin, json={"view": "wheel"})
    assert status == 409 and body["error"]["code"] == "lottery_published"
    status, body = await api.call("DELETE", f"{BASE}/{lot['id']}", token=admin)
    assert status == 409 and body["error"]["code"] == "lottery_not_draft"
    draft = await make_lottery(api, admin, [CONSOLATION], publish=False)
    assert (await api.call("DELETE", f"{BASE}/{draft['id']}", token=admin))[0] == 200
    assert (await api.call("GET", f"{BASE}/{draft['id']}", token=admin))[0] == 404
    status, body = await api.call("POST", BASE, token=admin, json={"name": "x", "cost_points": 1,
                                                                   "draw_from": "2026-12-01T00:00:00+08:00",
                                                                   "draw_until": "2026-11-01T00:00:00+08:00"})
    assert status == 422


async def _first_prize(api: Api, admin: str, lottery_id: int) -> int:
    status, detail = await api.call("GET", f"{BASE}/{lottery_id}", token=admin)
    return int(detail["prizes"][0]["id"])


def test_decide_follows_the_cumulative_weights() -> None:
    prizes = [{"id": 1, "weight": 3, "consolation": True}, {"id": 2, "weight": 1, "consolation": False},
              {"id": 3, "weight": 0, "consolation": False}]
    assert [pool.decide(r, prizes, set(), 0, None).prize_id for r in range(8)] == [1, 1, 1, 2, 1, 1, 1, 2]
    assert pool.decide(3, prizes, {2}, 0, None) == pool.Decision(1, "consolation_unavailable")
    assert pool.decide(0, prizes, set(), 2, 3) == pool.Decision(2, "pity")
    assert pool.decide(0, prizes, {2}, 2, 3) == pool.Decision(1, "consolation_pity_unavailable")
    assert pool.decide(0, prizes, set(), 1, 3) == pool.Decision(1, "weight")
