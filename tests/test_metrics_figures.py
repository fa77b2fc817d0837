"""Every operator figure against a small data set computed by hand (see the table in `_build`)."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest

from app.clock import SHANGHAI, clock
from app.services.metrics import reach, rollup
from app.services.points import checkin, engine, expiry, ledger
from models import Coupon, CouponTemplate, Member, Payment, PointEntry, PointsBudget, TierChange
from tests.conftest import Api

D1, D2, D3 = (datetime(2026, 11, d, 10, tzinfo=SHANGHAI) for d in (10, 11, 12))
NOW = datetime(2026, 11, 30, 10, tzinfo=SHANGHAI)


async def _pay(member: Member, n: int, fen: int, at: datetime) -> None:
    await Payment.create(transaction_id=f"tx-{member.id}-{n}", out_trade_no=f"o-{member.id}-{n}", mchid="m",
                         appid="a", openid=member.openid, member_id=member.id, total_fen=fen, payer_total_fen=fen,
                         success_time=at, created_at=at, updated_at=at)


async def _build(api: Api, rt) -> dict:  # type: ignore[no-untyped-def]
    """Day 1 (11-10): A checks in (5) and buys for 100 yuan (100); B (silver, 1.2x) buys for 200 yuan (240) and
    binds a phone (60); C shares (2), is credited an invitation (50) and gets a goodwill adjustment of 40 that
    expires on 11-12. Day 2: A redeems 60, B redeems 100 and it is reversed, A +20 adjustment, C -10 adjustment
    (taken from the soonest-expiring lot: the 40). Day 3: C's remaining 30 expire, B's purchase is refunded by 50.
    Totals: issued 517, redeemed 160, reversed 100, expired 30, clawed back 50, adjusted out 10, net 367 =
    balances 65 + 250 + 52."""
    ta, a = await api.login("metrics-a")
    tb, b = await api.login("metrics-b")
    tc, c = await api.login("metrics-c")
    start = datetime(2026, 11, 1, 9, tzinfo=SHANGHAI)
    await Member.filter(id__in=[a["id"], b["id"], c["id"]]).update(created_at=start)
    await Member.filter(id=b["id"]).update(growth=1000, tier_level=1)
    assert await PointEntry.all().count() == 0
    A, B, C = [await Member.get(id=x["id"]) for x in (a, b, c)]
    clock.set(D1)
    assert (await checkin.check_in(rt, A.id))["points"] == 5
    assert (await engine.award(rt, A.id, "purchase", "pay:a1", {"amount_fen": 10000})).points == 100
    buy_b = await engine.award(rt, B.id, "purchase", "pay:b1", {"amount_fen": 20000})
    assert buy_b.points == 240
    assert (await engine.award(rt, B.id, "phone_bound", "phone")).points == 60
    assert (await engine.award(rt, C.id, "share", "share:1")).points == 2
    assert (await engine.award(rt, C.id, "invite_accepted", "invite:1")).points == 50
    await ledger.adjust(C.id, 40, "goodwill", now=clock.now(), reason="test", operator="t",
                        expires_at=datetime(2026, 11, 12, tzinfo=SHANGHAI))
    await _pay(A, 1, 10000, D1)
    await _pay(B, 1, 20000, D1)
    clock.set(D2)
    await ledger.spend(A.id, 60, "redeem:a", now=clock.now(), source="coupon:demo")
    await ledger.spend(B.id, 100, "redeem:b", now=clock.now(), source="coupon:b")
    await ledger.reverse_spend(B.id, "redeem:b", "redeem:b:cancel", now=clock.now())
    await ledger.adjust(A.id, 20, "bonus", now=clock.now(), reason="test", operator="t", expires_at=None)
    await ledger.adjust(C.id, -10, "fix", now=clock.now(), reason="test", operator="t", expires_at=None)
    clock.set(D3)
    assert (await expiry.expire_due(clock.now())).points == 30
    await ledger.clawback(B.id, [buy_b.entry_id], 50, 0, "refund:b1", now=clock.now(), source="refund")
    await _pay(B, 2, 8000, D3)
    clock.set(NOW)
    assert await rollup.refresh_all(rt, settle_seconds=0) > 0
    return {"A": (ta, A), "B": (tb, B), "C": (tc, C)}


def _q(**kw: object) -> str:
    return "&".join(f"{k}={v}" for k, v in kw.items())


async def test_points_figures_by_hand(api: Api, seeded, staff_token) -> None:
    m = await _build(api, seeded)
    B = m["B"][1]
    # B moved up before redeeming (not counted) and after (counted, under the tier B redeemed at: 1)
    await TierChange.create(member_id=B.id, from_level=0, to_level=1, reason="upgrade",
                            created_at=datetime(2026, 6, 1, tzinfo=SHANGHAI))
    await TierChange.create(member_id=B.id, from_level=1, to_level=2, reason="upgrade",
                            created_at=datetime(2026, 11, 20, tzinfo=SHANGHAI))
    await TierChange.create(member_id=m["A"][1].id, from_level=1, to_level=0, reason="downgrade",
                            created_at=datetime(2026, 11, 20, tzinfo=SHANGHAI))
    assert sorted([(await Member.get(id=m[k][1].id)).balance for k in "ABC"]) == [52, 65, 250]
    assert await rollup.verify() == []
    status, r = await api.call("GET", "/admin/v1/metrics/points?" + _q(**{"from": "2026-11-10"}, to="2026-11-12",
                                                                      profit_margin_bp=3000, labour_cost_fen=1000),
                               token=staff_token("marketer"))
    assert status == 200, r
    t = r["totals"]
    assert {k: t[k] for k in ("issued", "redeemed", "reversed", "expired", "clawed_back", "adjusted_out", "net",
                              "outstanding", "liability_fen", "liability_yuan", "redemption_rate_bp",
                              "redemption_band")} == {
        "issued": 517, "redeemed": 160, "reversed": 100, "expired": 30, "clawed_back": 50, "adjusted_out": 10,
        "net": 367, "outstanding": 367, "liability_fen": 367, "liability_yuan": "3.67",
        "redemption_rate_bp": 1160, "redemption_band": "unattractive"}  # (160 - 100) / 517
    assert [(s["period"], s["issued"], s["redeemed"], s["outstanding"]) for s in r["series"]] == [
        ("2026-11-10", 497, 0, 497), ("2026-11-11", 20, 160, 447), ("2026-11-12", 0, 0, 367)]
    assert r["series"][1]["redemption_band"] == "threshold_too_low"  # 60 / 20 on day 2
    assert r["utilisation"] == {"members": 3, "members_who_redeemed": 2, "rate_bp": 6666}
    tiers = {x["tier_level"]: x for x in r["tiers"]}
    assert tiers[0]["members"] == 2 and tiers[0]["balance_avg"] == 58
    assert tiers[0]["balance_percentiles"] == {"p25": 52, "p50": 52, "p75": 65, "p90": 65}
    assert (tiers[0]["members_who_redeemed"], tiers[0]["utilisation_bp"]) == (1, 5000)
    assert (tiers[1]["members"], tiers[1]["balance_avg"], tiers[1]["utilisation_bp"]) == (1, 250, 10000)
    assert (tiers[0]["moved_up_after_redeeming"], tiers[1]["moved_up_after_redeeming"]) == (0, 1)
    assert tiers[2]["members"] == 0 and tiers[2]["utilisation_bp"] is None
    mix = {x["category"]: x for x in r["mix"]["categories"]}
    assert r["mix"]["issued"] == 517
    assert {k: (v["issued"], v["share_bp"], v["flag"]) for k, v in mix.items()} == {
        "newbie": (60, 1160, "ok"), "daily": (5, 96, "below"), "consumption": (340, 6576, "below"),
        "sharing": (52, 1005, "below"), "other": (0, 0, None), "adjust": (60, 1160, None)}
    assert mix["consumption"]["of_sales_bp"] == 89  # 340 points = 3.40 yuan of 380 yuan sales
    assert r["mix"]["sales"] == {"paid_fen": 38000, "refunded_fen": 0, "net_fen": 38000, "payments": 3}
    steps = [(s["step"], s["members"], s["conversion_bp"]) for s in r["funnel"]["steps"]]
    assert steps == [("registered", 3, None), ("checked_in", 1, 3333), ("redeemed", 2, 20000), ("paid", 2, 10000),
                     ("shared", 1, 5000)]
    assert r["funnel"]["weakest_step"] == "checked_in"
    g = r["repurchase"]["groups"]
    assert g["redeemed"] == {"members": 2, "payers": 2, "repeat_payers": 1, "sales_fen": 38000,
                             "conversion_bp": 10000, "repurchase_bp": 5000, "sales_per_member_fen": 19000}
    assert g["not_redeemed"] == {"members": 1, "payers": 0, "repeat_payers": 0, "sales_fen": 0,
                                 "conversion_bp": 0, "repurchase_bp": None, "sales_per_member_fen": 0}
    assert r["repurchase"]["joining"] == {"before_join_fen": 0, "before_join_payments": 0,
                                          "after_join_fen": 38000, "after_join_payments": 3}
    assert r["repurchase"]["roi"] == {"incremental_sales_fen": 38000, "profit_margin_bp": 3000,
                                      "incremental_profit_fen": 11400, "points_cost_fen": 60,
                                      "labour_cost_fen": 1000, "cost_fen": 1060, "roi_bp": 107547}


async def test_filters_and_granularity(api: Api, seeded, staff_token) -> None:
    await _build(api, seeded)
    tok = staff_token("admin")
    base = "/admin/v1/metrics/points?from=2026-11-09&to=2026-11-15"
    status, r = await api.call("GET", base + "&granularity=week", token=tok)
    assert status == 200 and [(s["period"], s["issued"], s["outstanding"]) for s in r["series"]] == [
        ("2026-11-09", 517, 367)]
    _, r = await api.call("GET", "/admin/v1/metrics/points?from=2026-10-01&to=2026-11-30&granularity=month",
                          token=tok)
    assert [(s["period"], s["issued"], s["net"]) for s in r["series"]] == [("2026-10-01", 0, 0),
                                                                          ("2026-11-01", 517, 367)]
    _, r = await api.call("GET", base + "&rule=purchase", token=tok)
    assert (r["totals"]["issued"], r["totals"]["redeemed"]) == (340, 0)
    _, r = await api.call("GET", base + "&category=sharing", token=tok)
    assert r["totals"]["issued"] == 52
    _, r = await api.call("GET", base + "&tier=1", token=tok)
    assert (r["totals"]["issued"], r["totals"]["redeemed"], r["totals"]["reversed"], r["totals"]["clawed_back"]) == (
        300, 100, 100, 50)
    assert r["utilisation"] == {"members": 1, "members_who_redeemed": 1, "rate_bp": 10000}
    status, r = await api.call("GET", base + "&sections=series,mix", token=tok)
    assert status == 200 and set(r) == {"filters", "points_per_yuan", "outstanding_scope", "series", "totals",
                                        "bands_bp", "mix"}
    _, r = await api.call("GET", base + "&category=redeem", token=tok)
    assert (r["totals"]["redeemed"], r["totals"]["reversed"]) == (160, 100)


async def test_csv_export_columns(api: Api, seeded, staff_token) -> None:
    await _build(api, seeded)
    status, body = await api.call("GET", "/admin/v1/metrics/points?from=2026-11-10&to=2026-11-12&format=csv",
                                  token=staff_token("marketer"))
    assert status == 200
    assert api.last_headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["period", "issued", "redeemed", "reversed", "expired", "clawed_back", "adjusted_out", "net",
                       "outstanding", "liability_fen", "liability_yuan", "redemption_rate_bp", "redemption_band"]
    assert rows[1] == ["2026-11-10", "497", "0", "0", "0", "0", "0", "497", "497", "497", "4.97", "0",
                       "unattractive"]
    assert rows[3] == ["2026-11-12", "0", "0", "0", "30", "50", "0", "-80", "367", "367", "3.67", "", ""]
    assert len(rows) == 4


@pytest.mark.parametrize("query, field", [("from=2026-11-12&to=2026-11-10", "from"), ("to=2026-13-01", "to"),
                                          ("granularity=hour", "granularity"), ("tier=-1", "tier"),
                                          ("from=2020-01-01&to=2026-01-01", "to"), ("format=xml", "format"),
                                          ("member=1", "member"), ("sections=series,bogus", "sections"),
                                          ("sections=SERIES", "sections")])
async def test_bad_queries_are_4xx(api: Api, seeded, staff_token, query: str, field: str) -> None:
    status, body = await api.call("GET", f"/admin/v1/metrics/points?{query}", token=staff_token("admin"))
    assert status == 422, body
    assert body["error"]["code"]


async def test_roles(api: Api, seeded, staff_token) -> None:
    token, _ = await api.login("metrics-role")
    for method, path in (("GET", "/admin/v1/metrics/points"), ("GET", "/admin/v1/metrics/threshold-advice"),
                         ("POST", "/admin/v1/metrics/budget-plan")):
        assert (await api.call(method, path, token=token, json={}))[0] == 403
        assert (await api.call(method, path, token=staff_token("guide"), json={}))[0] == 403
        assert (await api.call(method, path, json={}))[0] == 401
    status, _ = await api.call("POST", "/admin/v1/metrics/budget-plan/apply", token=staff_token("guide"),
                               json={"mode": "fixed", "budget_fen": 100})
    assert status == 403


async def test_budget_planner_and_apply(api: Api, seeded, staff_token) -> None:
    await _build(api, seeded)
    status, p = await api.call("POST", "/admin/v1/metrics/budget-plan", token=staff_token("marketer"),
                               json={"mode": "fixed", "budget_fen": 1_000_000})
    assert status == 200, p
    assert p["max_issuable_points"] == 1_000_000  # 10,000 yuan x 100 points per yuan
    # Jan 1 .. Nov 30 = 334 days with 517 issued; 517 x 365 / 334 = 564.98
    assert p["actual"] == {"through": "2026-11-30", "days": 334, "issued": 517, "share_bp": 5}
    assert p["projection"] == {"year_end_issued": 564, "share_bp": 5, "over_budget": False}
    # the seed's floating mode: 5 % of profit (1M yuan turnover x 20 % margin = 200,000 yuan) -> 10,000 yuan
    status, p = await api.call("POST", "/admin/v1/metrics/budget-plan", token=staff_token("marketer"), json={
        "mode": "floating", "turnover_fen": 100_000_000, "profit_margin_bp": 2000, "budget_ratio_bp": 500})
    assert (status, p["cost_budget_fen"], p["max_issuable_points"]) == (200, 1_000_000, 1_000_000)
    assert p["basis"] == {"turnover_fen": 100_000_000, "profit_margin_bp": 2000, "profit_fen": 20_000_000}
    # without a margin in the request the configured one is used, and the answer names it
    status, p = await api.call("POST", "/admin/v1/metrics/budget-plan", token=staff_token("marketer"), json={
        "mode": "floating", "turnover_fen": 100_000_000, "budget_ratio_bp": 500})
    margin = api.app.ctx.rt.settings.metrics.profit_margin_bp
    assert p["basis"] == {"turnover_fen": 100_000_000, "profit_margin_bp": margin,
                          "profit_fen": 100_000_000 * margin // 10000}
    assert p["cost_budget_fen"] == p["basis"]["profit_fen"] * 500 // 10000
    status, p = await api.call("POST", "/admin/v1/metrics/budget-plan", token=staff_token("marketer"), json={
        "mode": "floating", "profit_fen": 20_000_000, "budget_ratio_bp": 500, "redemption_ratio_bp": 5000})
    assert p["max_issuable_points"] == 2_000_000  # only half is expected to be redeemed
    status, body = await api.call("POST", "/admin/v1/metrics/budget-plan", token=staff_token("marketer"),
                                  json={"mode": "floating", "budget_ratio_bp": 500})
    assert status == 422 and body["error"]["code"]
    status, body = await api.call("POST", "/admin/v1/metrics/budget-plan/apply", token=staff_token("marketer"),
                                  json={"mode": "fixed", "budget_fen": 500, "warn_ratio_bp": 9000})
    assert status == 200, body
    row = await PointsBudget.get(year=2026)
    assert (row.budget_points, row.warn_ratio_bp, row.mode) == (500, 9000, "refuse")
    assert body["status"]["issued"] == 517 and body["status"]["warning"] is True  # 517 of 500: past the line
    # the guard now refuses awards: the budget is exhausted
    _, a = await api.login("metrics-after-budget")
    r = await engine.award(seeded, a["id"], "share", "share:after")
    assert (r.status, r.reason) == ("none", "budget_exhausted")


async def test_threshold_advice(api: Api, seeded, staff_token) -> None:
    await _build(api, seeded)
    await CouponTemplate.create(name="5 jiao", kind="amount_off", amount_off_fen=50, validity="days", valid_days=30)
    await CouponTemplate.create(name="10 yuan", kind="amount_off", amount_off_fen=1000, validity="days", valid_days=30)
    status, r = await api.call("GET", "/admin/v1/metrics/threshold-advice?goal_bp=8000&days=30&window_days=30",
                               token=staff_token("marketer"))
    assert status == 200, r
    t = {x["tier_level"]: x for x in r["tiers"]}
    # reach in 30 days = balance + points earned in the last 30 days: A 65 + 125, C 52 + 92, B 250 + 300
    assert (t[0]["members"], t[0]["threshold"], t[0]["reachable_median"]) == (2, 144, 144)
    assert (t[1]["members"], t[1]["threshold"]) == (1, 550)
    rewards = {x["name"]: x for x in t[0]["rewards"]}
    assert (rewards["5 jiao"]["points"], rewards["5 jiao"]["members_who_can_reach"],
            rewards["5 jiao"]["out_of_reach"]) == (50, 2, False)
    assert (rewards["10 yuan"]["points"], rewards["10 yuan"]["share_bp"], rewards["10 yuan"]["out_of_reach"]) == (
        1000, 0, True)
    assert r["source"] == "scan"  # no reach histogram yet
    # the metrics_reach job's histogram gives the same hand-computed figures
    await reach.refresh(seeded)
    status, r2 = await api.call("GET", "/admin/v1/metrics/threshold-advice?goal_bp=8000&days=30&window_days=30",
                                token=staff_token("marketer"))
    assert (status, r2["source"]) == (200, "rollup")
    assert r2["tiers"] == r["tiers"]
    await reach.reset()


async def test_annual_report_by_hand_and_only_ones_own(api: Api, seeded, staff_token) -> None:
    m = await _build(api, seeded)
    (ta, A), (tb, B) = m["A"], m["B"]
    await CouponTemplate.create(name="5 jiao", kind="amount_off", amount_off_fen=50, validity="days", valid_days=30)
    await CouponTemplate.create(name="10 yuan", kind="amount_off", amount_off_fen=1000, validity="days", valid_days=30)
    await Coupon.create(code="C1", issue_key="k1", template_id=1, member_id=A.id, name="x", kind="amount_off",
                        amount_off_fen=500, valid_from=D1, valid_until=NOW, state="used", issued_at=D1, used_at=D2,
                        discount_fen=500)
    await TierChange.create(member_id=B.id, from_level=0, to_level=1, reason="upgrade",
                            created_at=datetime(2026, 6, 1, tzinfo=SHANGHAI))
    status, r = await api.call("GET", "/api/v1/points/annual-report?year=2026", token=ta)
    assert status == 200, r
    assert r["member_id"] == A.id and r["balance"] == 65
    assert r["earned"]["points"] == 125
    assert sorted((s["category"], s["rule"], s["points"]) for s in r["earned"]["by_source"]) == [
        ("adjust", "adjust", 20), ("consumption", "purchase", 100), ("daily", "check_in", 5)]
    assert r["spent"] == {"points": 60, "reversed": 0, "net": 60,
                          "on": [{"kind": "spend", "what": "coupon:demo", "points": 60, "times": 1}]}
    assert r["saved"] == {"points_fen": 60, "coupons_fen": 500, "coupons_used": 1, "total_fen": 560,
                          "total_yuan": "5.60"}
    assert (r["expired"], r["checkins"]) == (0, {"days": 1, "best_streak": 1})
    assert r["tier_journey"]["changes"] == [] and r["tier_journey"]["end"]["level"] == 0
    assert r["rank"] == {"band": "rest", "members": 3, "members_above": 1}
    assert [i["name"] for i in r["can_buy_now"]] == ["5 jiao"]
    status, rb = await api.call("GET", "/api/v1/points/annual-report?year=2026", token=tb)
    assert status == 200 and rb["member_id"] == B.id
    assert (rb["earned"]["points"], rb["spent"]["net"], rb["clawed_back"], rb["saved"]["coupons_fen"]) == (
        300, 0, 50, 0)
    assert [(c["from"], c["to"]) for c in rb["tier_journey"]["changes"]] == [(0, 1)]
    assert rb["rank"]["band"] == "top_50%"
    assert rb["spent"]["on"] == [{"kind": "spend", "what": "coupon:b", "points": 100, "times": 1}]
    assert "coupon:demo" not in str(rb)  # nothing of A's in B's report
    # no way to ask for another member's report
    status, body = await api.call("GET", f"/api/v1/points/annual-report?year=2026&member_id={A.id}", token=tb)
    assert status == 422 and body["error"]["code"]
    assert (await api.call("GET", "/api/v1/points/annual-report", token=staff_token("admin")))[0] == 403
    assert (await api.call("GET", "/api/v1/points/annual-report"))[0] == 401
    status, r2025 = await api.call("GET", "/api/v1/points/annual-report?year=2025", token=ta)
    assert status == 200 and r2025["earned"]["points"] == 0 and r2025["spent"]["points"] == 0
    assert (await api.call("GET", "/api/v1/points/annual-report?year=1999", token=ta))[0] == 422


def test_a_zero_point_value_is_refused_at_start_up() -> None:
    import pytest as _pytest

    from app.config import load_settings

    with _pytest.raises(ValueError, match="points_per_yuan"):
        load_settings(env={"JIFEN_METRICS_POINTS_PER_YUAN": "0"})
    assert load_settings(env={"JIFEN_METRICS_POINTS_PER_YUAN": "50"}).metrics.points_per_yuan == 50
