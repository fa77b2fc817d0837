"""The month view adds up (editions on their Shanghai day, member-day campaigns, expiry-reminder waves projected
then claimed, plan periods and waves), and a campaign plan's target against what the ledger says after it closes."""

from __future__ import annotations

from datetime import UTC, timedelta
from typing import Any

from app.clock import clock
from app.services.points import ledger, reminders
from models import Campaign, ContentEdition
from tests.contenthelpers import make_edition, sandbox_oa, shanghai, upload


async def test_the_month_adds_up(api: Any, staff_token: Any, sandbox: Any, app: Any, rt: Any) -> None:
    sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    member_day = await Campaign.create(name="8号会员日", multiplier_bp=30000, recurrence="monthly", day_of_month=8)
    wednesdays = await Campaign.create(name="周三双倍", multiplier_bp=20000, recurrence="weekly", weekday=3,
                                       events=["checkin"])
    await Campaign.create(name="停用", multiplier_bp=50000, recurrence="monthly", day_of_month=9, active=False)
    placed = [(2, 9, 0, "publish"), (3, 9, 0, "mass"), (3, 20, 0, "publish"), (31, 23, 30, "publish")]
    eds = [await make_edition(api, mkt, cover["id"], mode=mode, title=f"{d}日{h}点", at=shanghai(2026, 12, d, h, m))
           for d, h, m, mode in placed]
    await make_edition(api, mkt, cover["id"], at=shanghai(2027, 1, 1, 0, 30))  # Dec 31 16:30 UTC: January
    gone = await make_edition(api, mkt, cover["id"], at=shanghai(2026, 12, 5, 9, 0))
    await api.call("POST", f"/admin/v1/editions/{gone['id']}/cancel", token=mkt)
    await make_edition(api, mkt, cover["id"])  # a draft with no date
    await ContentEdition.filter(id=eds[0]["id"]).update(status="published", sent_count=5)
    status, plan = await api.call("POST", "/admin/v1/content-plans", token=mkt, json={
        "name": "12月会员月", "goal": "签到2000次", "goal_metric": "checkins", "goal_target": 2000,
        "reach_channels": ["公众号", "社群", "小程序"], "warmup_on": "2026-12-01", "formal_on": "2026-12-08",
        "closing_on": "2026-12-25", "ends_on": "2026-12-31", "campaign_ids": [member_day.id],
        "reminder_waves": [{"day": "2026-12-20", "note": "积分到期提醒", "audience": "有即将过期积分的会员"}]})
    assert status == 201, plan
    _, member = await api.login("calendar-fan")
    expires = shanghai(2027, 1, 5, 9, 0)
    await ledger.adjust(member["id"], 500, "calendar-test", now=clock.now(), reason="t", operator="t",
                        expires_at=expires.astimezone(UTC))

    status, month = await api.call("GET", "/admin/v1/calendar?month=2026-12", token=mkt)
    assert status == 200 and len(month["days"]) == 31
    days = {d["date"]: d for d in month["days"]}
    assert [e["title"] for e in days["2026-12-03"]["editions"]] == ["3日9点", "3日20点"]
    assert days["2026-12-31"]["editions"][0]["time"] == "23:30"
    assert days["2026-12-02"]["editions"][0] | {"id": 0} == {
        "id": 0, "title": "2日9点", "mode": "publish", "status": "published", "time": "09:00", "plan_id": None,
        "sent_count": 5}
    assert days["2026-12-05"]["editions"] == []  # cancelled
    on_calendar = sorted(e["id"] for d in month["days"] for e in d["editions"])
    assert on_calendar == sorted(e["id"] for e in eds)
    totals = month["totals"]
    assert totals["editions"] == 4 == sum(totals["editions_by_status"].values())
    assert totals["editions_by_status"] == {"published": 1, "scheduled": 3}
    # the member day on the 8th; the Wednesdays of December 2026 (2, 9, 16, 23, 30); not the inactive one
    assert [d["date"][-2:] for d in month["days"] if any(c["id"] == member_day.id for c in d["campaigns"])] == ["08"]
    assert [d["date"][-2:] for d in month["days"]
            if any(c["id"] == wednesdays.id for c in d["campaigns"])] == ["02", "09", "16", "23", "30"]
    assert totals["campaign_days"] == 6 == sum(len(d["campaigns"]) for d in month["days"])
    # expiry waves, projected: 30 days before Jan 5 is Dec 6, 7 days before is Dec 29
    waves = {d["date"][-2:]: d["reminder_waves"] for d in month["days"] if d["reminder_waves"]}
    assert waves == {
        "06": [{"source": "expiry", "stage_days": 30, "members": 1, "buckets": 1, "points": 500, "projected": True}],
        "20": [{"source": "plan", "plan_id": plan["id"], "note": "积分到期提醒", "audience": "有即将过期积分的会员"}],
        "29": [{"source": "expiry", "stage_days": 7, "members": 1, "buckets": 1, "points": 500, "projected": True}]}
    assert totals["reminder_waves"] == 3 and totals["reminder_members"] == 2
    assert [p["period"] for p in days["2026-12-07"]["plans"]] == ["warmup"]
    assert [p["period"] for p in days["2026-12-08"]["plans"]] == ["formal"]
    assert [p["period"] for p in days["2026-12-31"]["plans"]] == ["closing"]

    # on Dec 6 the reminder job claims the wave: the calendar now shows what happened
    clock.set(shanghai(2026, 12, 6, 12, 0))
    assert (await reminders.send_due(rt))["buckets"] == 1
    mkt = staff_token("marketer")  # a token of the new day
    _, month = await api.call("GET", "/admin/v1/calendar?month=2026-12", token=mkt)
    days = {d["date"]: d for d in month["days"]}
    assert days["2026-12-06"]["reminder_waves"] == [
        {"source": "expiry", "stage_days": 30, "members": 1, "buckets": 1, "points": 500, "projected": False}]
    assert days["2026-12-29"]["reminder_waves"][0]["projected"] is True

    for bad in ("2026-13", "2026-1", "december", ""):
        status, err = await api.call("GET", f"/admin/v1/calendar?month={bad}", token=mkt)
        assert status == 422, bad
    assert (await api.call("GET", "/admin/v1/calendar?month=2026-12", token=staff_token("guide", 7)))[0] == 403


async def test_plan_target_against_the_ledger_after_it_closes(api: Any, staff_token: Any, seeded: Any,
                                                              rt: Any) -> None:
    mkt = staff_token("marketer")
    body = {"name": "11月末签到周", "goal": "签到2次", "goal_metric": "checkins", "goal_target": 2,
            "warmup_on": "2026-11-24", "formal_on": "2026-11-27", "closing_on": "2026-11-30",
            "ends_on": "2026-11-30", "plan": "签到送积分", "reach_channels": ["公众号"]}
    status, plan = await api.call("POST", "/admin/v1/content-plans", token=mkt, json=body)
    assert status == 201 and plan["period_today"] == "closing" and plan["closed"] is False
    assert plan["progress"] == {"metric": "checkins", "target": 2, "actual": 0, "reached": False, "ratio_bp": 0}
    for name in ("p1", "p2", "p3"):
        token, _ = await api.login(name)
        assert (await api.call("POST", "/api/v1/checkins", token=token))[0] == 201
    status, redeem = await api.call("POST", "/admin/v1/content-plans", token=mkt, json={
        **body, "name": "兑换", "goal_metric": "redemptions", "goal_target": 500})
    _, member = await api.login("p1")
    await ledger.spend(member["id"], 1, "plan-test-spend", now=clock.now())

    clock.set(clock.now() + timedelta(days=1))  # December 1st: both plans have closed
    mkt = staff_token("marketer")
    status, closed = await api.call("GET", f"/admin/v1/content-plans/{plan['id']}", token=mkt)
    assert status == 200 and closed["closed"] is True and "progress" not in closed
    assert closed["result"] == {"metric": "checkins", "target": 2, "actual": 3, "reached": True, "ratio_bp": 15000}
    assert closed["periods"] == {"warmup": {"from": "2026-11-24", "to": "2026-11-26"},
                                 "formal": {"from": "2026-11-27", "to": "2026-11-29"},
                                 "closing": {"from": "2026-11-30", "to": "2026-11-30"}}
    _, other = await api.call("GET", f"/admin/v1/content-plans/{redeem['id']}", token=mkt)
    assert other["result"] == {"metric": "redemptions", "target": 500, "actual": 1, "reached": False,
                               "ratio_bp": 20}

    status, err = await api.call("POST", "/admin/v1/content-plans", token=mkt, json={
        **body, "formal_on": "2026-11-20"})
    assert status == 422
    status, err = await api.call("POST", "/admin/v1/content-plans", token=mkt, json={**body, "campaign_ids": [9999]})
    assert status == 422 and err["error"]["code"] == "campaign_not_found"
    status, patched = await api.call("PATCH", f"/admin/v1/content-plans/{plan['id']}", token=mkt,
                                     json={"goal_target": 4})
    assert status == 200 and patched["result"]["reached"] is False
    status, err = await api.call("PATCH", f"/admin/v1/content-plans/{plan['id']}", token=mkt,
                                 json={"ends_on": "2026-11-01"})
    assert status == 422
    status, listed = await api.call("GET", "/admin/v1/content-plans", token=mkt)
    assert {p["id"] for p in listed["items"]} == {plan["id"], redeem["id"]}
