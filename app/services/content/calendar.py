"""The marketer's month, day by day (Asia/Shanghai days): editions, member-day campaigns, reminder waves, plans.

- editions: every edition with a date (scheduled, publishing, published, failed) on the day it is scheduled for;
  drafts without a date and cancelled editions are not on the calendar;
- campaigns: the points engine's active multiplier campaigns that apply on the day (calc.campaign_applies);
- reminder_waves: the expiry-reminder job's waves per stage (days before expiry): for days up to today what
  was claimed (expiry_reminders rows), for later days what is due by the buckets' expiry dates (projected);
  plus the waves the month's campaign plans put on the day;
- plans: the campaign plans running that day with their period (warmup, formal, closing).

`totals` are the sums of the days, so the month adds up by construction and tests check it against the rows.
"""

from __future__ import annotations

import calendar as cal
from datetime import date, datetime, time, timedelta
from typing import Any

from pydantic import BaseModel, Field

from app.clock import SHANGHAI
from app.db import conn
from app.runtime import Runtime
from app.services.content import plans as plans_svc
from app.services.points.calc import campaign_applies
from app.sqlx import fetch
from models import Campaign, ContentEdition, ContentPlan

ON_CALENDAR = ("scheduled", "publishing", "published", "failed")


class MonthQuery(BaseModel):
    month: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="YYYY-MM")


def _applies_on(c: Campaign, day: date) -> bool:
    """Does the campaign multiply anything on `day` (whatever event or tier it is limited to)?"""
    event = (c.events or ["any"])[0]
    tier = (c.tier_levels or [0])[0]
    moments = [datetime.combine(day, time(h, m), SHANGHAI) for h, m in ((0, 0), (12, 0), (23, 59))]
    if c.starts_at:
        moments.append(max(c.starts_at, moments[0]))
    return any(campaign_applies(c, event, tier, m) for m in moments if m.astimezone(SHANGHAI).date() == day)


async def month_view(rt: Runtime, month: str) -> dict[str, Any]:
    year, mon = (int(x) for x in month.split("-"))
    first = date(year, mon, 1)
    days = [first + timedelta(days=i) for i in range(cal.monthrange(year, mon)[1])]
    start, end = rt.clock.day_start(first), rt.clock.day_start(days[-1] + timedelta(days=1))
    today = rt.clock.today()
    out: dict[date, dict[str, Any]] = {d: {"date": d.isoformat(), "editions": [], "campaigns": [],
                                           "reminder_waves": [], "plans": []} for d in days}

    for e in await ContentEdition.filter(status__in=ON_CALENDAR, scheduled_at__gte=start, scheduled_at__lt=end) \
            .order_by("scheduled_at", "id"):
        assert e.scheduled_at is not None
        local = e.scheduled_at.astimezone(SHANGHAI)
        out[local.date()]["editions"].append({
            "id": e.id, "title": e.title, "mode": e.mode, "status": e.status, "time": local.strftime("%H:%M"),
            "plan_id": e.plan_id, "sent_count": e.sent_count})

    for c in await Campaign.filter(active=True).order_by("id"):
        for d in days:
            if _applies_on(c, d):
                out[d]["campaigns"].append({"id": c.id, "name": c.name, "multiplier_bp": c.multiplier_bp})

    stages = rt.settings.points.reminder_stages
    for d in days:
        lo, hi = rt.clock.day_start(d), rt.clock.day_start(d + timedelta(days=1))
        if d <= today:
            rows = await fetch(conn(), "SELECT stage_days, COUNT(DISTINCT member_id) AS members, COUNT(*) AS buckets, "
                                       "COALESCE(SUM(amount), 0) AS points FROM expiry_reminders "
                                       "WHERE created_at >= $1 AND created_at < $2 GROUP BY stage_days "
                                       "ORDER BY stage_days DESC", [lo, hi])
            for r in rows:
                out[d]["reminder_waves"].append({"source": "expiry", "stage_days": int(r["stage_days"]),
                                                 "members": int(r["members"]), "buckets": int(r["buckets"]),
                                                 "points": int(r["points"]), "projected": False})
            continue
        for stage in stages:
            rows = await fetch(conn(), "SELECT COUNT(DISTINCT member_id) AS members, COUNT(*) AS buckets, "
                                       "COALESCE(SUM(remaining), 0) AS points FROM point_buckets "
                                       "WHERE state = 'active' AND remaining > 0 AND expires_at >= $1 "
                                       "AND expires_at < $2", [lo + timedelta(days=stage), hi + timedelta(days=stage)])
            if rows and int(rows[0]["buckets"]):
                r = rows[0]
                out[d]["reminder_waves"].append({"source": "expiry", "stage_days": stage,
                                                 "members": int(r["members"]), "buckets": int(r["buckets"]),
                                                 "points": int(r["points"]), "projected": True})

    for p in await ContentPlan.filter(warmup_on__lte=days[-1], ends_on__gte=first).order_by("id"):
        for w in p.reminder_waves or []:
            day = date.fromisoformat(w["day"])
            if day in out:
                out[day]["reminder_waves"].append({"source": "plan", "plan_id": p.id, "note": w["note"],
                                                   "audience": w.get("audience", "all")})
        for d in days:
            period = plans_svc.period_of(p, d)
            if period:
                out[d]["plans"].append({"id": p.id, "name": p.name, "period": period})

    ordered = [out[d] for d in days]
    statuses: dict[str, int] = {}
    for day in ordered:
        for e in day["editions"]:
            statuses[e["status"]] = statuses.get(e["status"], 0) + 1
    return {"month": month, "days": ordered, "totals": {
        "editions": sum(len(d["editions"]) for d in ordered), "editions_by_status": statuses,
        "campaign_days": sum(len(d["campaigns"]) for d in ordered),
        "reminder_waves": sum(len(d["reminder_waves"]) for d in ordered),
        "reminder_members": sum(w.get("members", 0) for d in ordered for w in d["reminder_waves"]),
    }}
