"""What-if before publishing: replay the last N days of real events through a draft rule or campaign.

The replay uses the engine's own planning code (`calc.plan_award`, `calc.best_campaign`, the cached tier
ladder) with in-memory usage counters, and writes nothing but the simulation's own row. Each event is
planned twice, with the current configuration and with the draft (the draft rule replaces the active rule
of its event; a draft campaign joins the active ones, the highest multiplier winning as in the engine).

The events replayed: every check-in of the window (`checkins`: also the days that earned nothing; a make-up
replays without streak bonus, as the engine awards it) and every other award on the ledger (event, amount
and tier as its trace recorded them). Not replayed: events that earned nothing and left no row (a capped
share, an event without a rule), which a draft could have rewarded. Life caps (once per member, total cap)
start from the member's awards of that event before the window. Check-ins are planned at the member's
current tier (a check-in row does not record it).

On PostgreSQL the replay is set-based (1M members' 30 days within a minute): check-ins by (day, tier, streak)
class (`_checkins_by_class`) and the ledger's awards by (event, period, tier, amount) class
(`_awards_by_class`), each class planned once per configuration, the sums taken per member and day by the
database, on two connections at once; only awards whose plan depends on the member's usage before them (a
lifetime cap, a second award of a day under a daily cap) are planned one by one, in ledger order.

Answer: points issued, liability, members awarded, members whose points change, and the first day the
year's budget warning line would have been crossed, for the current rules, for the draft and as the ledger
actually recorded it.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from tortoise.transactions import in_transaction

from app.clock import SHANGHAI
from app.db import conn, is_postgres_conn
from app.errors import NotFound
from app.runtime import Runtime
from app.services.metrics.classify import day_sql, release_sql
from app.services.metrics.points import liability_fen
from app.services.points.admin.campaigns import CampaignIn, _campaign_values
from app.services.points.admin.rules import RuleIn, _rule_values
from app.services.points.calc import Usage, best_campaign, plan_award
from app.services.points.config_cache import ConfigSnapshot, config_cache
from app.sqlx import execute, fetch, fetchrow, to_json
from models import Campaign, EarningRule, MetricsSimulation

log = logging.getLogger("jifen.metrics.simulation")

SYNC_MAX_DAYS = 7
BATCH = 20000  # rows per round trip: fewer, larger batches (each pays a parallel-plan start-up on PG)
_tasks: set[asyncio.Task[None]] = set()


class SimulationIn(BaseModel):
    """A draft rule (as `POST /admin/v1/rules` takes it) and/or a draft campaign (as `POST /admin/v1/campaigns`)."""

    model_config = ConfigDict(extra="forbid")
    days: int = Field(default=30, ge=1, le=366, description="replay the last N days")
    rule: RuleIn | None = None
    campaign: CampaignIn | None = None
    background: bool = Field(default=False, description="run in the background even for a short window")

    @model_validator(mode="after")
    def _something(self) -> SimulationIn:
        if self.rule is None and self.campaign is None:
            raise ValueError("give a draft rule, a draft campaign or both")
        return self


@dataclass
class Tally:
    by_day: dict[date, int] = field(default_factory=lambda: defaultdict(int))
    by_member: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, day: date, member: int, points: int) -> None:
        if points:
            self.by_day[day] += points
            self.by_member[member] += points

    @property
    def issued(self) -> int:
        return sum(self.by_day.values())


class _Planner:
    """Plans one event under one configuration, keeping the caps' usage as the engine's counters would."""

    def __init__(self, cfg: ConfigSnapshot, rule: EarningRule | None, campaign: Campaign | None) -> None:
        self.cfg = cfg
        self.rule = rule
        self.campaign = campaign
        self.campaigns = [*cfg.campaigns, campaign] if campaign else list(cfg.campaigns)
        self._memo: dict[tuple[int, datetime, int, int], int] = {}
        self.day_usage: dict[tuple[int, str, date], Usage] = {}
        self.life: dict[tuple[int, str], Usage] = {}

    def rule_for(self, event: str, at: datetime) -> EarningRule | None:
        if self.rule is not None and self.rule.event == event:
            r = self.rule
            if not r.active or (r.starts_at and at < r.starts_at) or (r.ends_at and at >= r.ends_at):
                return None
            return r
        return self.cfg.rule_for(event, at)

    def plan(self, member: int, event: str, at: datetime, tier_level: int, context: dict[str, Any]) -> int:
        rule = self.rule_for(event, at)
        if rule is None:
            return 0
        day = at.astimezone(SHANGHAI).date()
        d = self.day_usage.setdefault((member, event, day), Usage())
        life = self.life.setdefault((member, event), Usage())
        usage = Usage(day_count=d.day_count, day_points=d.day_points, life_count=life.life_count,
                      life_points=life.life_points)
        campaign = best_campaign(self.campaigns, event, tier_level, at)
        plan = plan_award(rule, event=event, day=day, context=context, tier=self.cfg.tier(tier_level),
                          campaign=campaign, usage=usage)
        if plan.points > 0 or plan.growth > 0:
            d.day_count += 1
            d.day_points += plan.points
            life.life_count += 1
            life.life_points += plan.points
        return plan.points

    def plan_alone(self, event: str, at: datetime, tier_level: int, context: dict[str, Any]) -> int:
        """`plan` of an event with no usage before it (no cap reached): what an award of a rule without caps
        always gets, and the first of its kind that day under a daily cap. No counter moves."""
        rule = self.rule_for(event, at)
        if rule is None:
            return 0
        return plan_award(rule, event=event, day=at.astimezone(SHANGHAI).date(), context=context,
                          tier=self.cfg.tier(tier_level), campaign=best_campaign(self.campaigns, event, tier_level, at),
                          usage=Usage()).points

    def touches(self, event: str) -> bool:
        """Can this (draft) configuration plan `event` differently from the current rules? (its rule is for
        that event, or its campaign may apply to it). When not, the current plan is the draft's too."""
        if self.rule is not None and self.rule.event == event:
            return True
        return self.campaign is not None and (not self.campaign.events or event in self.campaign.events)

    def plan_checkin(self, member: int, at: datetime, tier_level: int, streak: int) -> int:
        """`plan` for a check-in, memoised by (rule, day, tier, streak) when the rule has no life cap: a member
        checks in at most once a day (`checkins` is unique by member and day) and the ledger's check-in awards
        are not replayed again, so the day's usage is always empty here and the plan depends on nothing else.
        Equal to `plan` (tests/test_metrics_simulation.py runs both paths)."""
        rule = self.rule_for("check_in", at)
        if rule is None:
            return 0
        if _life_capped(rule):
            return self.plan(member, "check_in", at, tier_level, {"streak": streak})
        key = (rule.id, at, tier_level, streak)
        points = self._memo.get(key)
        if points is None:
            campaign = best_campaign(self.campaigns, "check_in", tier_level, at)
            points = plan_award(rule, event="check_in", day=at.astimezone(SHANGHAI).date(),
                                context={"streak": streak}, tier=self.cfg.tier(tier_level), campaign=campaign,
                                usage=Usage()).points
            self._memo[key] = points
        return points


def _draft_rule(data: SimulationIn) -> EarningRule | None:
    return EarningRule(id=-1, **_rule_values(data.rule)) if data.rule else None


def _draft_campaign(data: SimulationIn) -> Campaign | None:
    return Campaign(id=-1, **_campaign_values(data.campaign)) if data.campaign else None


def _life_capped(rule: EarningRule | None) -> bool:
    return rule is not None and (rule.once_per_member or rule.total_points_cap is not None)


async def _prior_life(planners: list[_Planner], members: set[int], event: str, start: datetime) -> None:
    """Once-per-member and total caps count the member's awards of the event before the window."""
    if not members or not any(_life_capped(p.rule_for(event, start)) for p in planners):
        return
    ids = sorted(members)
    marks = ", ".join(f"${i + 3}" for i in range(len(ids)))
    rows = await fetch(conn(), "SELECT e.member_id, COUNT(*), SUM(e.amount) FROM point_entries e WHERE e.kind = 'earn' "
                               f"AND e.event = $1 AND e.created_at < $2 AND NOT {release_sql()} "
                               f"AND e.member_id IN ({marks}) GROUP BY e.member_id", [event, start, *ids])
    for r in rows:
        for p in planners:
            u = p.life.setdefault((int(r[0]), event), Usage())
            if u.life_count == 0:
                u.life_count, u.life_points = int(r[1]), int(r[2] or 0)


async def simulate(rt: Runtime, data: SimulationIn, progress: Any = None, *, fast: bool = True) -> dict[str, Any]:
    """The replay. `fast` (always, but for the equivalence test) plans an event once when the draft cannot
    change it and memoises check-in plans (`_Planner.plan_checkin`); on PostgreSQL it replays set-based
    (`_checkins_by_class`, `_awards_by_class`, on two connections at once). The answer is the same as planning
    every event under both configurations."""
    cfg = await config_cache.get()
    end = rt.clock.now()
    start = end - timedelta(days=data.days)
    current = _Planner(cfg, None, None)
    draft = _Planner(cfg, _draft_rule(data), _draft_campaign(data))
    planners = [current, draft]
    tallies = {"current": Tally(), "draft": Tally(), "actual": Tally()}
    c = conn()
    done = 0
    checkins_done: int | None = None
    awards_done: int | None = None
    if fast and is_postgres_conn(c):
        checkins_done, awards_done = await asyncio.gather(_checkins_by_class(c, planners, tallies, start, end),
                                                          _awards_by_class(planners, tallies, start, end))
        done += checkins_done or 0
    if checkins_done is None or awards_done is None:  # a replay row by row reports its progress: count first
        total_row = await fetchrow(c, "SELECT (SELECT COUNT(*) FROM checkins WHERE day >= $1 AND day <= $2) + "
                                      "(SELECT COUNT(*) FROM point_entries e WHERE e.kind = 'earn' "
                                      "AND e.created_at >= $3 AND e.created_at < $4 AND e.event <> 'check_in' "
                                      f"AND NOT {release_sql()})",
                                   [start.astimezone(SHANGHAI).date(), end.astimezone(SHANGHAI).date(), start, end])
        total = int(total_row[0]) if total_row else 0
    else:
        total = checkins_done + awards_done
    if progress and awards_done is not None:
        await progress(done + awards_done, total)
    # 1. check-ins, from the check-in rows (tier: the member's current one)
    last = 0 if checkins_done is None else -1  # -1: replayed set-based, the row loop has nothing to do
    noons: dict[date, datetime] = {}
    same: dict[tuple[date, int, int], tuple[int, int]] = {}
    checkin_touched = draft.touches("check_in")
    while last >= 0:
        rows = await fetch(c, "SELECT k.id, k.member_id, k.day, k.streak, k.makeup, k.created_at, m.tier_level "
                              "FROM checkins k JOIN members m ON m.id = k.member_id WHERE k.id > $1 AND k.day >= $2 "
                              "AND k.day <= $3 ORDER BY k.id LIMIT $4",
                           [last, start.astimezone(SHANGHAI).date(), end.astimezone(SHANGHAI).date(), BATCH])
        if not rows:
            break
        last = int(rows[-1]["id"])
        await _prior_life(planners, {int(r["member_id"]) for r in rows}, "check_in", start)
        add_cur, add_draft = tallies["current"].add, tallies["draft"].add
        cur_day, cur_mem = tallies["current"].by_day, tallies["current"].by_member
        drf_day, drf_mem = tallies["draft"].by_day, tallies["draft"].by_member
        for r in rows:
            day = r[2] if isinstance(r[2], date) else date.fromisoformat(str(r[2]))
            mid, tier, streak = int(r[1]), int(r[6]), 0 if r[4] else int(r[3])
            if fast:
                # the hot loop (millions of check-ins at scale): a plan that depends only on the day, tier and
                # streak (no life cap) is taken from `same`; the tallies' dicts are updated in place
                hit = same.get((day, tier, streak))
                if hit is None:
                    at = noons.get(day)
                    if at is None:  # the day decides, not the hour
                        at = noons[day] = datetime(day.year, day.month, day.day, 12, tzinfo=SHANGHAI)
                    pc = current.plan_checkin(mid, at, tier, streak)
                    pd = draft.plan_checkin(mid, at, tier, streak) if checkin_touched else pc
                    if not any(_life_capped(p.rule_for("check_in", at)) for p in planners):
                        same[(day, tier, streak)] = (pc, pd)
                else:
                    pc, pd = hit
                if pc:
                    cur_day[day] += pc
                    cur_mem[mid] += pc
                if pd:
                    drf_day[day] += pd
                    drf_mem[mid] += pd
                continue
            at = noons.get(day)
            if at is None:
                at = noons[day] = datetime(day.year, day.month, day.day, 12, tzinfo=SHANGHAI)
            pc = current.plan(mid, "check_in", at, tier, {"streak": streak})
            pd = draft.plan(mid, "check_in", at, tier, {"streak": streak})
            add_cur(day, mid, pc)
            add_draft(day, mid, pd)
        done += len(rows)
        if progress:
            await progress(done, total)
    # 2. every other award on the ledger
    if awards_done is not None:
        done += awards_done
    last = 0 if awards_done is None else -1
    while last >= 0:
        rows = await fetch(c, "SELECT e.id, e.member_id, e.event, e.amount, e.trace, e.created_at FROM point_entries e "
                              "WHERE e.id > $1 AND e.kind = 'earn' AND e.created_at >= $2 AND e.created_at < $3 "
                              f"AND NOT {release_sql()} ORDER BY e.id LIMIT $4", [last, start, end, BATCH])
        if not rows:
            break
        last = int(rows[-1]["id"])
        awards = []
        for r in rows:
            at = r["created_at"]
            at = at if isinstance(at, datetime) else datetime.fromisoformat(str(at))
            tallies["actual"].add(at.astimezone(SHANGHAI).date(), int(r["member_id"]), int(r["amount"]))
            if r["event"] == "check_in" or not r["event"]:
                continue
            trace = to_json(r["trace"]) or {}
            awards.append((int(r["member_id"]), r["event"], at, int(trace.get("tier_level") or 0),
                           int(trace.get("amount_fen") or 0)))
        done += await _plan_awards(planners, tallies, awards, start, fast)
        if progress:
            await progress(done, total)
    budget = cfg.budgets.get(start.astimezone(SHANGHAI).year)
    before = 0
    if budget is not None:
        row = await fetchrow(c, "SELECT COALESCE(SUM(issued), 0) FROM metrics_daily WHERE day >= $1 AND day < $2",
                             [date(budget.year, 1, 1), start.astimezone(SHANGHAI).date()])
        before = int(row[0]) if row else 0
    ppy = rt.settings.metrics.points_per_yuan
    members = set(tallies["current"].by_member) | set(tallies["draft"].by_member)
    affected = sum(1 for m in members if tallies["current"].by_member.get(m, 0) != tallies["draft"].by_member.get(m, 0))

    def view(t: Tally) -> dict[str, Any]:
        return {"issued": t.issued, "liability_fen": liability_fen(t.issued, ppy),
                "members_awarded": sum(1 for v in t.by_member.values() if v > 0),
                "budget_warning_day": _warning_day(t, budget, before)}

    cur, drf = view(tallies["current"]), view(tallies["draft"])
    return {
        "window": {"from": start.isoformat(), "to": end.isoformat(), "days": data.days},
        "events": done,
        "budget": None if budget is None else {"year": budget.year, "budget_points": budget.budget_points,
                                               "warn_ratio_bp": budget.warn_ratio_bp, "issued_before_window": before},
        "actual": view(tallies["actual"]), "current": cur, "draft": drf,
        "delta": {"issued": drf["issued"] - cur["issued"],
                  "liability_fen": drf["liability_fen"] - cur["liability_fen"]},
        "members_affected": affected,
    }


_CLASS = "CASE WHEN k.makeup THEN 0 ELSE k.streak END"


async def _checkins_by_class(c: Any, planners: list[_Planner], tallies: dict[str, Tally], start: datetime,
                             end: datetime) -> int | None:
    """The check-ins replayed set-based (PostgreSQL): without a life cap a check-in's plan depends only on its
    day, the member's tier and its streak (0 for a make-up; see `_Planner.plan_checkin`), so every (day, tier,
    streak) class of the window is planned once per configuration (days x tiers present x streaks up to the
    window's longest: a few thousand plans), and ONE pass of the database over the check-ins joined to their
    class's plan sums them per member and per day (GROUPING SETS): a row per member who gains points and a row
    per day come back, not a row per check-in. Both statements read one snapshot (REPEATABLE READ). None
    (nothing tallied) when a rule of the window has a life cap: the caller replays row by row. Equal to
    planning every event (tests/test_metrics_simulation.py)."""
    current, draft = planners
    lo, hi = start.astimezone(SHANGHAI).date(), end.astimezone(SHANGHAI).date()
    days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
    noons = {d: datetime(d.year, d.month, d.day, 12, tzinfo=SHANGHAI) for d in days}
    if any(_life_capped(p.rule_for("check_in", at)) for p in planners for at in noons.values()):
        return None
    async with in_transaction() as tx:
        await execute(tx, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        row = await fetchrow(tx, f"SELECT MAX({_CLASS}) FROM checkins k WHERE k.day >= $1 AND k.day <= $2",
                             [lo, hi])
        if row is None or row[0] is None:
            return 0
        tiers = [int(r[0]) for r in await fetch(tx, "SELECT DISTINCT tier_level FROM members")]
        plans: list[tuple[date, int, int, int, int]] = []
        for day in days:
            at = noons[day]
            for tier in tiers:
                for streak in range(int(row[0]) + 1):
                    pc = current.plan_checkin(0, at, tier, streak)
                    pd = draft.plan_checkin(0, at, tier, streak)
                    if pc or pd:
                        plans.append((day, tier, streak, pc, pd))
        plan_sql = ("unnest($3::date[], $4::int[], $5::int[], $6::bigint[], $7::bigint[]) "
                    "AS p(day, tier, streak, pc, pd)")
        cols = [list(col) for col in zip(*plans, strict=True)] if plans else [[], [], [], [], []]
        rows = await fetch(tx, "SELECT k.member_id, k.day, COALESCE(SUM(p.pc), 0), COALESCE(SUM(p.pd), 0), COUNT(*) "
                               f"FROM checkins k JOIN members m ON m.id = k.member_id LEFT JOIN {plan_sql} "
                               f"ON p.day = k.day AND p.tier = m.tier_level AND p.streak = {_CLASS} "
                               "WHERE k.day >= $1 AND k.day <= $2 GROUP BY GROUPING SETS ((k.member_id), (k.day))",
                           [lo, hi, *cols])
    total = 0
    cur, drf = tallies["current"], tallies["draft"]
    for mid, day, pc, pd, n in rows:
        if mid is None:  # a day's row
            total += int(n)
            if pc:
                cur.by_day[day] += int(pc)
            if pd:
                drf.by_day[day] += int(pd)
        else:
            if pc:
                cur.by_member[int(mid)] += int(pc)
            if pd:
                drf.by_member[int(mid)] += int(pd)
    return total


async def _plan_awards(planners: list[_Planner], tallies: dict[str, Tally],
                       awards: list[tuple[int, str, datetime, int, int]], start: datetime, fast: bool,
                       *, load_prior: bool = True) -> int:
    """Plan non-check-in awards (member, event, time, tier, amount in fen) one by one, in ledger order, under
    both configurations, keeping the caps' usage (the lifetime usage before the window loaded first, unless
    the caller loaded it: `load_prior` False)."""
    current, draft = planners
    for ev in {a[1] for a in awards} if load_prior else ():
        await _prior_life(planners, {a[0] for a in awards if a[1] == ev}, ev, start)
    touched: dict[str, bool] = {}
    cur, drf = tallies["current"], tallies["draft"]
    for mid, ev, at, tier, amount_fen in awards:
        if ev not in touched:
            touched[ev] = draft.touches(ev)
        ctx = {"amount_fen": amount_fen}
        pc = current.plan(mid, ev, at, tier, ctx)
        pd = draft.plan(mid, ev, at, tier, ctx) if touched[ev] or not fast else pc
        day = at.astimezone(SHANGHAI).date()
        cur.add(day, mid, pc)
        drf.add(day, mid, pd)
    return len(awards)


def _lit(at: datetime) -> str:
    return f"'{at.isoformat()}'::timestamptz"


async def _awards_by_class(planners: list[_Planner], tallies: dict[str, Tally], start: datetime,
                           end: datetime) -> int:
    """The ledger's awards of the window replayed set-based (PostgreSQL); returns the events planned.

    Without usage before it, an award's plan depends only on its event, its time's segment (the window cut at
    every Shanghai midnight and every start or end of a rule or campaign: in between, the rule and the campaigns
    that apply are fixed), its tier and its amount: such a class is planned once per configuration
    (`_Planner.plan_alone`). Which awards have no usage before them: every award of an event whose rules have no
    cap, and under a daily cap the only award of its member, event and day. The rest (an event with a lifetime
    cap, a member's second award of a day under a daily cap) are planned one by one in ledger order, as the
    engine would. The window's awards are read once into a temporary table (one snapshot; a parallel scan);
    then ONE pass joins them to their class's plan and sums per member and per day (GROUPING SETS). Equal to
    planning every event (tests/test_metrics_simulation.py)."""
    current, draft = planners
    lo, hi = start.astimezone(SHANGHAI).date(), end.astimezone(SHANGHAI).date()
    marks = {start} | {datetime(d.year, d.month, d.day, tzinfo=SHANGHAI)
                       for d in (lo + timedelta(days=i) for i in range(1, (hi - lo).days + 1))}
    rules = [r for rs in current.cfg.rules_by_event.values() for r in rs] + ([draft.rule] if draft.rule else [])
    for x in (*rules, *draft.campaigns):
        marks |= {t for t in (x.starts_at, x.ends_at) if t is not None}
    bounds = sorted(t for t in marks if start <= t < end)
    leftover: list[tuple[int, str, datetime, int, int]] = []
    async with in_transaction() as tx:
        await execute(tx, "CREATE TEMP TABLE sim_awards ON COMMIT DROP AS SELECT e.id, e.member_id, e.event, "
                          f"e.amount, e.created_at, {day_sql(True)} AS day, width_bucket(e.created_at, "
                          f"ARRAY[{', '.join(_lit(t) for t in bounds)}]) AS seg, "
                          "COALESCE((e.trace->>'tier_level')::int, 0) AS tier, "
                          "COALESCE((e.trace->>'amount_fen')::bigint, 0) AS amt FROM point_entries e "
                          f"WHERE e.kind = 'earn' AND e.created_at >= {_lit(start)} AND e.created_at < {_lit(end)} "
                          f"AND NOT {release_sql()}")
        await execute(tx, "ANALYZE sim_awards")
        classes = await fetch(tx, "SELECT event, seg, tier, amt, COUNT(*) FROM sim_awards WHERE event IS NOT NULL "
                                  "AND event <> 'check_in' GROUP BY 1, 2, 3, 4")
        life, daily = set(), set()
        for ev in {r[0] for r in classes}:
            used = [r for p in planners for t in bounds if (r := p.rule_for(ev, t)) is not None]
            if any(_life_capped(r) for r in used):
                life.add(ev)
            elif any(r.daily_count_cap is not None or r.daily_points_cap is not None for r in used):
                daily.add(ev)
        plans = []
        for ev, seg, tier, amt, _ in classes:
            if ev not in life:
                at, ctx = bounds[int(seg) - 1], {"amount_fen": int(amt)}
                pc = current.plan_alone(ev, at, int(tier), ctx)
                pd = draft.plan_alone(ev, at, int(tier), ctx)
                if pc or pd:
                    plans.append((ev, int(seg), int(tier), int(amt), pc, pd))
        cols = [list(col) for col in zip(*plans, strict=True)] if plans else [[], [], [], [], [], []]
        multi = ("SELECT member_id, event, day FROM sim_awards WHERE event = ANY($1::text[]) GROUP BY 1, 2, 3 "
                 "HAVING COUNT(*) > 1")
        rows = await fetch(tx, f"WITH multi AS ({multi}) SELECT w.member_id, w.day, SUM(w.amount), "
                               "COALESCE(SUM(p.pc), 0), COALESCE(SUM(p.pd), 0) FROM sim_awards w "
                               "LEFT JOIN multi m ON m.member_id = w.member_id AND m.event = w.event AND m.day = w.day "
                               "LEFT JOIN unnest($2::text[], $3::int[], $4::int[], $5::bigint[], $6::bigint[], "
                               "$7::bigint[]) AS p(event, seg, tier, amt, pc, pd) ON m.member_id IS NULL "
                               "AND p.event = w.event AND p.seg = w.seg AND p.tier = w.tier AND p.amt = w.amt "
                               "GROUP BY GROUPING SETS ((w.member_id), (w.day))", [sorted(daily), *cols])
        if life or daily:
            leftover = [(int(r[0]), r[1], r[2], int(r[3]), int(r[4])) for r in await fetch(
                tx, "SELECT member_id, event, created_at, tier, amt FROM sim_awards WHERE event = ANY($1::text[]) "
                    f"OR (member_id, event, day) IN ({multi.replace('$1', '$2')}) ORDER BY id",
                [sorted(life), sorted(daily)])]
        # `_prior_life` of every member with a lifetime-capped award in the window, in one statement: a hash
        # join over the ledger, not an index walk through each member's entries (76 s at 50M entries)
        need = sorted(ev for ev in life if any(_life_capped(p.rule_for(ev, start)) for p in planners))
        if need:
            for r in await fetch(tx, "SELECT e.member_id, e.event, COUNT(*), SUM(e.amount) FROM point_entries e "
                                     "WHERE e.kind = 'earn' AND e.event = ANY($1::text[]) AND e.created_at < $2 "
                                     f"AND NOT {release_sql()} AND e.member_id IN (SELECT member_id FROM sim_awards "
                                     "WHERE event = ANY($1::text[])) GROUP BY 1, 2", [need, start]):
                for p in planners:
                    p.life[(int(r[0]), r[1])] = Usage(life_count=int(r[2]), life_points=int(r[3] or 0))
    act, cur, drf = tallies["actual"], tallies["current"], tallies["draft"]
    for mid, day, amount, pc, pd in rows:
        for t, v in ((act, amount), (cur, pc), (drf, pd)):
            if v:
                if mid is None:  # a day's row
                    t.by_day[day] += int(v)
                else:
                    t.by_member[int(mid)] += int(v)
    for i in range(0, len(leftover), BATCH):
        await _plan_awards(planners, tallies, leftover[i:i + BATCH], start, True, load_prior=False)
    return sum(int(r[4]) for r in classes)


def _warning_day(t: Tally, budget: Any, before: int) -> str | None:
    if budget is None:
        return None
    line = budget.budget_points * budget.warn_ratio_bp // 10000
    total = before
    for day in sorted(t.by_day):
        total += t.by_day[day]
        if total >= line:
            return day.isoformat()
    return None


# --- runs ---------------------------------------------------------------------------------------------------


def sim_view(s: MetricsSimulation) -> dict[str, Any]:
    return {"id": s.id, "status": s.status, "progress_bp": s.progress_bp, "request": s.request, "result": s.result,
            "error": s.error, "created_at": s.created_at.isoformat(),
            "finished_at": s.finished_at.isoformat() if s.finished_at else None}


async def _run(rt: Runtime, sim: MetricsSimulation, data: SimulationIn) -> None:
    async def progress(done: int, total: int) -> None:
        await MetricsSimulation.filter(id=sim.id).update(progress_bp=min(done * 10000 // total, 9999) if total else 0)

    try:
        result = await simulate(rt, data, progress)
        await MetricsSimulation.filter(id=sim.id).update(status="done", progress_bp=10000, result=result,
                                                         finished_at=rt.clock.now())
    except Exception as exc:  # the run's failure is its answer, not the worker's
        log.exception("simulation %s failed", sim.id)
        await MetricsSimulation.filter(id=sim.id).update(status="failed", error=repr(exc)[:255],
                                                         finished_at=rt.clock.now())


async def start(rt: Runtime, data: SimulationIn, operator: str) -> tuple[dict[str, Any], bool]:
    """Create the run; short windows are answered at once (True), others run in the background (False)."""
    sim = await MetricsSimulation.create(status="running", request=data.model_dump(mode="json"),
                                         created_by=operator, created_at=rt.clock.now())
    if data.days <= SYNC_MAX_DAYS and not data.background:
        await _run(rt, sim, data)
        await sim.refresh_from_db()
        return sim_view(sim), True
    task = asyncio.ensure_future(_run(rt, sim, data))
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return sim_view(sim), False


async def get(sim_id: int) -> dict[str, Any]:
    sim = await MetricsSimulation.get_or_none(id=sim_id)
    if sim is None:
        raise NotFound("no such simulation", code="simulation_not_found")
    return sim_view(sim)
