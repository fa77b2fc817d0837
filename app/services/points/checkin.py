"""Daily check-in (Asia/Shanghai days): idempotent, streaks with bonus days, month calendar, make-ups.

The check-in row is inserted in the same statement as its award (a `Guard`), so concurrent check-ins
award once and a second call the same day writes nothing.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from app.db import conn
from app.errors import Conflict, ValidationFailed
from app.runtime import Runtime
from app.services.points import checkin_one_statement, engine, ledger
from app.services.points.config_cache import config_cache
from app.sqlx import INTEGRITY_ERRORS, fetch
from models import Checkin, Member

EVENT = "check_in"


def _guard(member_id: int, day: date, streak: int, makeup: bool, now: Any, member_sets: dict[str, Any]
           ) -> ledger.Guard:
    return ledger.Guard(table="checkins", columns=["member_id", "day", "streak", "makeup", "created_at"],
                        values=[member_id, day, streak, makeup, now], conflict="(member_id, day)",
                        member_sets=member_sets)


async def check_in(rt: Runtime, member_id: int) -> dict[str, Any]:
    now = rt.clock.now()
    today = rt.clock.day_of(now)
    cfg = await config_cache.get()
    rule = cfg.rule_for(EVENT, now)
    if (rule is not None and rt.settings.database.is_postgres and rt.settings.points.one_statement
            and checkin_one_statement.applies(rule)):
        fast = await checkin_one_statement.check_in(rt, member_id, today, now, rule, cfg)
        if fast is not None:
            return fast
    idem = f"checkin:{today.isoformat()}"
    snap = await engine.snapshot(member_id, rule.id if rule else 0, f"d:{today.isoformat()}", idem)
    last = snap["last_checkin_day"]
    last = date.fromisoformat(last) if isinstance(last, str) else last
    if last == today:
        return {"checked_in": False, "reason": "already_checked_in", "day": today.isoformat(),
                "streak": int(snap["checkin_streak"]), "points": 0}
    streak = int(snap["checkin_streak"]) + 1 if last == today - timedelta(days=1) else 1
    guard = _guard(member_id, today, streak, False, now,
                   {"checkin_streak": streak, "last_checkin_day": today})
    try:
        if rule is None:
            await _checkin_without_rule(member_id, today, streak, now)
            result = engine.AwardResult(status="none", reason="no_active_rule")
        else:
            result = await engine.award(rt, member_id, EVENT, idem, {"streak": streak, "source": idem},
                                        at=now, guard=guard, snap=snap)
            if result.status == "none":  # e.g. budget exhausted: the day still counts
                await _checkin_without_rule(member_id, today, streak, now)
    except ledger.GuardFailed:
        return {"checked_in": False, "reason": "already_checked_in", "day": today.isoformat(), "streak": streak,
                "points": 0}
    if result.status == "duplicate":
        return {"checked_in": False, "reason": "already_checked_in", "day": today.isoformat(),
                "streak": streak, "points": 0}
    return {"checked_in": True, "day": today.isoformat(), "streak": streak, "points": result.points,
            "balance": result.balance, "award": result.view()}


async def _checkin_without_rule(member_id: int, day: date, streak: int, now: Any) -> None:

    try:
        async with in_transaction():
            await Checkin.create(member_id=member_id, day=day, streak=streak, created_at=now)
            await Member.filter(id=member_id).update(checkin_streak=streak, last_checkin_day=day)
    except INTEGRITY_ERRORS as exc:
        raise ledger.GuardFailed() from exc


def _month_bounds(month: str) -> tuple[date, date]:
    try:
        year, mon = (int(x) for x in month.split("-"))
        first = date(year, mon, 1)
    except (ValueError, TypeError) as exc:
        raise ValidationFailed("month must look like 2026-11", details=[{"field": "month",
                                                                          "message": "expected YYYY-MM"}]) from exc
    return first, date(year, mon, monthrange(year, mon)[1])


async def calendar(rt: Runtime, member_id: int, month: str | None) -> dict[str, Any]:
    today = rt.clock.today()
    first, last = _month_bounds(month or today.strftime("%Y-%m"))
    rows = await Checkin.filter(member_id=member_id, day__gte=first, day__lte=last).order_by("day")
    member = await Member.get(id=member_id)
    cfg = await config_cache.get()
    rule = cfg.rule_for(EVENT, rt.clock.now())
    opts = (rule.options or {}) if rule else {}
    used = sum(1 for r in rows if r.makeup)
    streak = member.checkin_streak if member.last_checkin_day and member.last_checkin_day >= today - timedelta(
        days=1) else 0
    return {
        "month": first.strftime("%Y-%m"),
        "days": [{"day": r.day.isoformat(), "makeup": r.makeup, "streak": r.streak} for r in rows],
        "checked_in_today": any(r.day == today for r in rows),
        "streak": streak,
        "makeups_left": max(int(opts.get("makeup_per_month", 0)) - used, 0) if first.month == today.month else 0,
        "makeup_cost": int(opts.get("makeup_cost", 0)),
        "streak_bonuses": (rule.streak_bonuses or {}) if rule else {},
    }


async def makeup(rt: Runtime, member_id: int, day: date) -> dict[str, Any]:
    """Check in a missed day of the current month; limited per month, optionally costing points.

    The make-up day earns the rule's base points (no streak bonus) and reconnects the streak.

    Why one transaction under the member's row lock: the monthly limit is a count of rows, so counting and
    inserting must not interleave with another make-up (the lock makes parallel make-ups of one member wait
    for each other, on SQLite the single writer does); and the cost is only worth paying for the day, so the
    charge, the check-in row, its award and the streak commit together. A refused award (budget, contention),
    a taken day or a missing balance rolls everything back and answers 409: nothing is charged, so nothing
    ever has to be refunded.
    """
    now = rt.clock.now()
    today = rt.clock.day_of(now)
    if not (day.year == today.year and day.month == today.month and day < today):
        raise ValidationFailed("only a past day of the current month can be made up",
                               details=[{"field": "day", "message": "not a past day of this month"}])
    cfg = await config_cache.get()
    rule = cfg.rule_for(EVENT, now)
    opts = (rule.options or {}) if rule else {}
    limit, cost = int(opts.get("makeup_per_month", 0)), int(opts.get("makeup_cost", 0))
    if rule is None or limit <= 0:
        raise Conflict("no make-up check-ins left this month", code="makeup_limit_reached")
    idem = f"checkin:{day.isoformat()}"
    async with in_transaction() as c:
        await ledger.lock_member(c, member_id)
        used = await Checkin.filter(member_id=member_id, makeup=True, day__gte=today.replace(day=1)).count()
        if used >= limit:
            raise Conflict("no make-up check-ins left this month", code="makeup_limit_reached")
        if await Checkin.exists(member_id=member_id, day=day):
            raise Conflict("that day is already checked in", code="already_checked_in")
        if cost:
            await ledger.spend(member_id, cost, f"makeup-cost:{day.isoformat()}", now=now, source=idem,
                               event="checkin_makeup")
        streak, last = await _streak_with(member_id, today, day)
        guard = _guard(member_id, day, 0, True, now, {"checkin_streak": streak, "last_checkin_day": last})
        try:
            result = await engine.award(rt, member_id, EVENT, idem, {"streak": 0, "source": idem}, at=now,
                                        guard=guard)
        except ledger.GuardFailed as exc:  # not expected under the lock; kept exact all the same
            raise Conflict("that day is already checked in", code="already_checked_in") from exc
        if result.status == "duplicate":
            raise Conflict("that day is already checked in", code="already_checked_in")
        if result.status == "none":
            raise Conflict("the make-up earned nothing and was not charged", code=result.reason or "not_awarded",
                           details={"reason": result.reason})
    return {"checked_in": True, "day": day.isoformat(), "makeup": True, "points": result.points, "cost": cost,
            "streak": streak}


def _streak_ending(days: list[date]) -> tuple[int, date | None]:
    """Consecutive checked-in days ending at the latest one (newest first in `days`), and that day."""
    if not days:
        return 0, None
    expected, streak = days[0], 0
    for d in days:
        if d != expected:
            break
        streak += 1
        expected = d - timedelta(days=1)
    return streak, days[0]


async def _days(member_id: int, today: date) -> list[date]:
    rows = await fetch(conn(), "SELECT day FROM checkins WHERE member_id = $1 AND day >= $2 ORDER BY day DESC",
                       [member_id, today - timedelta(days=400)])
    return [r["day"] if isinstance(r["day"], date) else date.fromisoformat(r["day"]) for r in rows]


async def _streak_with(member_id: int, today: date, day: date) -> tuple[int, date]:
    """The streak once `day` is checked in too: written by the make-up's own award statement."""
    streak, last = _streak_ending(sorted({*await _days(member_id, today), day}, reverse=True))
    assert last is not None
    return streak, last

