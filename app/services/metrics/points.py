"""Operator points metrics from the roll-ups (never a ledger scan per request) plus the member tables.

Figures (points are integers; money is integer fen, liability also shown in yuan at `[metrics]
points_per_yuan`):
  series/totals    issued, redeemed, reversed, expired, clawed back, adjusted out, net; outstanding at each
                   period's end (all rules and tiers: outstanding is one balance sheet figure) and its liability;
                   redemption rate = (redeemed - reversed) / issued, flagged by the seed's bands
  utilisation      members who redeemed in the period / members registered by its end
  tiers            per current tier: members, average and percentiles of balance, utilisation; members who
                   moved up a tier after redeeming (by the tier they redeemed at)
  mix              issued by category against the seed's recommended shares; consumption against sales
  funnel           registered -> checked in -> redeemed -> paid -> shared, with step conversion
  repurchase/roi   payers and repeat payers of redeemers vs the others, before vs after joining, ROI

Filtered by a store or a channel (member attributes, `segments.py`), the series, totals and mix read
`metrics_segment_daily`; the member-based sections (utilisation, tiers, funnel, repurchase) and the mix's sales
have no such split and are left out of the answer, listed under `not_segmented`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal

from app import csvfile
from app.clock import SHANGHAI
from app.db import conn, is_postgres_conn
from app.errors import ValidationFailed
from app.runtime import Runtime
from app.services.metrics import bitmaps, extensions, payment_rollup
from app.services.metrics.classify import (
    CONSUMPTION_OF_SALES_BP,
    ISSUE_CATEGORIES,
    MEASURES,
    RECOMMENDED_SHARES_BP,
)
from app.sqlx import fetch, fetchrow, to_dt

Granularity = Literal["day", "week", "month"]
MAX_RANGE_DAYS = 1100
PERCENTILES = (25, 50, 75, 90)
UNATTRACTIVE_BP, TOO_LOW_BP = 1500, 5000


@dataclass
class Filters:
    start: date
    end: date  # inclusive
    granularity: Granularity = "day"
    rule: str | None = None
    category: str | None = None
    tier: int | None = None
    store: int | None = None
    channel: str | None = None

    def check(self) -> None:
        if self.end < self.start:
            raise ValidationFailed("`from` must not be after `to`",
                                   details=[{"field": "from", "message": "after `to`"}])
        if (self.end - self.start).days >= MAX_RANGE_DAYS:
            raise ValidationFailed(f"at most {MAX_RANGE_DAYS} days", details=[{"field": "to", "message": "range"}])
        # the segment roll-up is keyed by one dim and carries no tier (its key would multiply again)
        if self.store is not None and self.channel is not None:
            raise ValidationFailed("filter by `store` or by `channel`, not both",
                                   details=[{"field": "channel", "message": "not with store"}])
        if self.segment is not None and self.tier is not None:
            raise ValidationFailed(f"`{self.segment[0]}` cannot be combined with `tier`",
                                   details=[{"field": "tier", "message": f"not with {self.segment[0]}"}])

    @property
    def segment(self) -> tuple[str, str] | None:
        """(dim, value) of `metrics_segment_daily` for a store or channel filter, else None."""
        if self.store is not None:
            return "store", str(self.store)
        if self.channel is not None:
            return "channel", self.channel
        return None

    def view(self) -> dict[str, Any]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "granularity": self.granularity,
                "rule": self.rule, "category": self.category, "tier": self.tier, "store": self.store,
                "channel": self.channel}


def bucket(day: date, granularity: str) -> date:
    if granularity == "week":
        return day - timedelta(days=day.weekday())
    if granularity == "month":
        return day.replace(day=1)
    return day


def band(rate_bp: int | None) -> str | None:
    """The seed's bands: below 15 % the rewards do not attract, above 50 % the threshold is set too low."""
    if rate_bp is None:
        return None
    if rate_bp < UNATTRACTIVE_BP:
        return "unattractive"
    if rate_bp > TOO_LOW_BP:
        return "threshold_too_low"
    return "healthy"


def ratio_bp(num: int, den: int) -> int | None:
    return num * 10000 // den if den else None


def yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def liability_fen(points: int, points_per_yuan: int) -> int:
    return points * 100 // points_per_yuan


def _utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, end+1 00:00) Shanghai, the period's instants."""
    return (datetime(start.year, start.month, start.day, tzinfo=SHANGHAI),
            datetime(end.year, end.month, end.day, tzinfo=SHANGHAI) + timedelta(days=1))


def _daily_where(f: Filters, first: int = 1) -> tuple[str, str, list[Any]]:
    """The roll-up table the filters read (the segment one for a store / channel), its WHERE and args."""
    parts = [f"day >= ${first}", f"day <= ${first + 1}"]
    args: list[Any] = [f.start, f.end]
    dim, value = f.segment or (None, None)
    for col, val in (("rule_key", f.rule), ("category", f.category), ("tier_level", f.tier), ("dim", dim),
                     ("value", value)):
        if val is not None:
            args.append(val)
            parts.append(f"{col} = ${first + len(args) - 1}")
    return "metrics_segment_daily" if dim else "metrics_daily", " AND ".join(parts), args


def _empty() -> dict[str, int]:
    return dict.fromkeys(MEASURES, 0)


async def rule_key(rule: str) -> str:
    """The roll-ups' key for a `rule` filter: an earning rule's code -> `rule:<id>`; anything else is a ledger
    kind (spend, mall_*, expire, adjust, reversal, clawback) and its own key."""
    row = await fetchrow(conn(), "SELECT id FROM earning_rules WHERE code = $1", [rule])
    return f"rule:{row[0]}" if row else rule


async def series(rt: Runtime, f: Filters) -> dict[str, Any]:
    """The period series and totals with outstanding points and liability at each period's end."""
    c = conn()
    if f.rule is not None:
        f = replace(f, rule=await rule_key(f.rule))
    ppy = rt.settings.metrics.points_per_yuan
    table, where, args = _daily_where(f)
    sums = ", ".join(f"SUM({m})" for m in MEASURES)
    rows = await fetch(c, f"SELECT day, {sums} FROM {table} WHERE {where} GROUP BY day ORDER BY day", args)
    net_rows = await fetch(c, "SELECT day, SUM(net) FROM metrics_daily WHERE day <= $1 AND day >= $2 GROUP BY day",
                           [f.end, f.start])
    before = await fetchrow(c, "SELECT COALESCE(SUM(net), 0) FROM metrics_daily WHERE day < $1", [f.start])
    net_by_day = {_d(r[0]): int(r[1]) for r in net_rows}
    per: dict[date, dict[str, int]] = {}
    for r in rows:
        agg = per.setdefault(bucket(_d(r[0]), f.granularity), _empty())
        for i, m in enumerate(MEASURES):
            agg[m] += int(r[1 + i] or 0)
    outstanding = int(before[0]) if before else 0
    out = []
    total = _empty()
    day = f.start
    periods: list[date] = []
    while day <= f.end:
        b = bucket(day, f.granularity)
        if not periods or periods[-1] != b:
            periods.append(b)
        day += timedelta(days=1)
    ends: dict[date, int] = {}
    day = f.start
    while day <= f.end:
        outstanding += net_by_day.get(day, 0)
        ends[bucket(day, f.granularity)] = outstanding
        day += timedelta(days=1)
    for p in periods:
        agg = per.get(p, _empty())
        for m in MEASURES:
            total[m] += agg[m]
        out.append(_figures(p.isoformat(), agg, ends[p], ppy))
    return {"series": out, "totals": _figures(None, total, outstanding, ppy)}


def _figures(period: str | None, agg: dict[str, int], outstanding: int, ppy: int) -> dict[str, Any]:
    rate = ratio_bp(agg["redeemed"] - agg["reversed"], agg["issued"])
    head = {"period": period} if period is not None else {}
    return {**head, **agg, "outstanding": outstanding, "liability_fen": liability_fen(outstanding, ppy),
            "liability_yuan": yuan(liability_fen(outstanding, ppy)), "redemption_rate_bp": rate,
            "redemption_band": band(rate)}


def _d(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


async def period_bits(kind: str, start: date, end: date, tier: int | None = None) -> dict[int, int]:
    """The OR of the day bitmaps of `kind` over the period, per tier (the roll-up's `metrics_day_members`)."""
    tsql, args = ("", [kind, start, end]) if tier is None else (" AND tier_level = $4", [kind, start, end, tier])
    out: dict[int, int] = {}
    for r in await fetch(conn(), "SELECT tier_level, bits FROM metrics_day_members WHERE kind = $1 AND day >= $2 "
                                 f"AND day <= $3{tsql}", args):
        out[int(r[0])] = out.get(int(r[0]), 0) | bitmaps.unpack(r[1])
    return out


async def period_members(kind: str, start: date, end: date, tier: int | None = None) -> int:
    """The members who did `kind` in the period (any tier unless one is given), as one bitmap."""
    v = 0
    for bits in (await period_bits(kind, start, end, tier)).values():
        v |= bits
    return v


async def members_at(end: date, tier: int | None = None) -> int:
    """Members who had joined by the end of `end` (Shanghai), by current tier: the roll-up's `metrics_joined`."""
    tsql, args = ("", [end]) if tier is None else (" AND tier_level = $2", [end, tier])
    row = await fetchrow(conn(), f"SELECT COALESCE(SUM(members), 0) FROM metrics_joined WHERE day <= $1{tsql}", args)
    return int(row[0]) if row else 0


async def utilisation(f: Filters) -> dict[str, Any]:
    n = await members_at(f.end, f.tier)
    u = (await period_members("redeem", f.start, f.end, f.tier)).bit_count()
    return {"members": n, "members_who_redeemed": u, "rate_bp": ratio_bp(u, n)}


def percentile(sorted_values: list[int], p: int) -> int:
    """Nearest rank (PostgreSQL's percentile_disc): the first value whose cumulative share reaches p %."""
    if not sorted_values:
        return 0
    k = max(0, -(-len(sorted_values) * p // 100) - 1)
    return sorted_values[k]


def histogram_percentile(hist: list[tuple[int, int]], p: int) -> int:
    """`percentile` over a histogram of (value, count) in ascending value order (the same nearest rank)."""
    n = sum(c for _, c in hist)
    if not n:
        return 0
    k = max(0, -(-n * p // 100) - 1)
    seen = 0
    for value, count in hist:
        seen += count
        if seen > k:
            return value
    return hist[-1][0]


async def _moved_up(f: Filters, redeem: dict[int, dict[date, int]]) -> dict[int, int]:
    """Members who moved up a tier on or after the first day they redeemed in the period, by the tier they
    redeemed at: for each upward change on day D >= start, is the member in the OR of that tier's redeem
    bitmaps from the start to min(D, end)? (walked once per tier in day order)."""
    lo, _ = _utc_bounds(f.start, f.end)
    changes: list[tuple[date, int]] = []
    for r in await fetch(conn(), "SELECT member_id, created_at FROM tier_changes WHERE to_level > from_level "
                                 "AND created_at >= $1", [lo]):
        d = to_dt(r[1]).astimezone(SHANGHAI).date()  # type: ignore[union-attr]
        changes.append((min(d, f.end), int(r[0])))
    changes.sort()
    out: dict[int, int] = {}
    for tier, by_day in redeem.items():
        days = sorted(by_day)
        acc, i, seen = 0, 0, bitmaps.Members(0)
        moved: set[int] = set()
        dirty = False
        for d, member in changes:
            while i < len(days) and days[i] <= d:
                acc |= by_day[days[i]]
                i += 1
                dirty = True
            if dirty:
                seen, dirty = bitmaps.Members(acc), False
            if member in seen:
                moved.add(member)
        out[tier] = len(moved)
    return out


async def tiers(f: Filters) -> list[dict[str, Any]]:
    """Per current tier: members, average and percentiles of balance (the roll-up's histogram), utilisation
    in the period (the redeem bitmaps), and members who moved up after redeeming."""
    c = conn()
    names = {int(r[0]): r[1] for r in await fetch(c, "SELECT level, name FROM tiers")}
    hists: dict[int, list[tuple[int, int]]] = {}
    for r in await fetch(c, "SELECT tier_level, balance, members FROM metrics_balances ORDER BY tier_level, balance"):
        hists.setdefault(int(r[0]), []).append((int(r[1]), int(r[2])))
    stats = {level: {"members": sum(n for _, n in h), "sum": sum(v * n for v, n in h),
                     "pcts": [histogram_percentile(h, p) for p in PERCENTILES]} for level, h in hists.items()}
    redeem: dict[int, dict[date, int]] = {}
    for r in await fetch(c, "SELECT tier_level, day, bits FROM metrics_day_members WHERE kind = 'redeem' "
                            "AND day >= $1 AND day <= $2", [f.start, f.end]):
        day = r[1] if isinstance(r[1], date) else date.fromisoformat(str(r[1]))
        redeem.setdefault(int(r[0]), {})[day] = bitmaps.unpack(r[2])
    used: dict[int, int] = {}
    for level, by_day in redeem.items():
        v = 0
        for bits in by_day.values():
            v |= bits
        used[level] = v.bit_count()
    # participation per mall activity joins here through `extensions.tier_metrics`
    moved = await _moved_up(f, redeem)
    out = []
    for level in sorted(set(names) | set(stats)):
        if f.tier is not None and level != f.tier:
            continue
        s = stats.get(level, {"members": 0, "sum": 0, "pcts": [0] * len(PERCENTILES)})
        n = s["members"]
        out.append({"tier_level": level, "name": names.get(level), "members": n,
                    "balance_avg": s["sum"] // n if n else 0,
                    "balance_percentiles": {f"p{p}": v for p, v in zip(PERCENTILES, s["pcts"], strict=True)},
                    "members_who_redeemed": used.get(level, 0), "utilisation_bp": ratio_bp(used.get(level, 0), n),
                    "moved_up_after_redeeming": moved.get(level, 0),
                    **await extensions.tier_extras(level, f.start, f.end)})
    return out


async def sales(start: date, end: date) -> dict[str, int]:
    """The period's payments by success day (the payments roll-up: a sum over its days)."""
    row = await fetchrow(conn(), "SELECT COALESCE(SUM(paid_fen), 0), COALESCE(SUM(refunded_fen), 0), "
                                 "COALESCE(SUM(payments), 0) FROM metrics_payments_daily WHERE day >= $1 "
                                 "AND day <= $2", [start, end])
    assert row is not None
    return {"paid_fen": int(row[0]), "refunded_fen": int(row[1]), "net_fen": int(row[0]) - int(row[1]),
            "payments": int(row[2])}


async def mix(rt: Runtime, f: Filters) -> dict[str, Any]:
    """Issued points by category (period, tier / store / channel filter) against the seed's recommended shares;
    the consumption against sales only unsegmented (payments have no store or channel)."""
    ppy = rt.settings.metrics.points_per_yuan
    table, where, args = _daily_where(Filters(f.start, f.end, tier=f.tier, store=f.store, channel=f.channel))
    rows = await fetch(conn(), f"SELECT category, SUM(issued) FROM {table} WHERE {where} GROUP BY category", args)
    issued = {r[0]: int(r[1] or 0) for r in rows if int(r[1] or 0)}
    total = sum(issued.values())
    s = None if f.segment else await sales(f.start, f.end)
    cats = []
    for cat in ISSUE_CATEGORIES:
        pts = issued.get(cat, 0)
        share = ratio_bp(pts, total)
        rec = RECOMMENDED_SHARES_BP.get(cat)
        flag = None
        if rec and share is not None:
            flag = "below" if share < rec[0] else "above" if share > rec[1] else "ok"
        entry: dict[str, Any] = {"category": cat, "issued": pts, "share_bp": share,
                                 "recommended_bp": list(rec) if rec else None, "flag": flag}
        if cat == "consumption" and s is not None:
            of_sales = ratio_bp(liability_fen(pts, ppy), s["net_fen"])
            entry["of_sales_bp"] = of_sales
            entry["recommended_of_sales_bp"] = list(CONSUMPTION_OF_SALES_BP)
            if of_sales is not None:
                lo, hi = CONSUMPTION_OF_SALES_BP
                entry["flag"] = "below" if of_sales < lo else "above" if of_sales > hi else "ok"
        cats.append(entry)
    return {"issued": total, "categories": cats} | ({"sales": s} if s is not None else {})


async def funnel(f: Filters) -> dict[str, Any]:
    """Each recorded step's members in the period and the conversion from the step before. Steps not recorded
    yet (login, browsing the mall) are listed as such; the mall adds its own through `extensions`."""
    steps: list[tuple[str, int]] = [("registered", await members_at(f.end))]
    steps.append(("checked_in", (await period_members("checked_in", f.start, f.end)).bit_count()))
    steps += await extensions.funnel_steps(f.start, f.end)
    steps.append(("redeemed", (await period_members("redeem", f.start, f.end)).bit_count()))
    steps.append(("paid", (await period_members("paid", f.start, f.end)).bit_count()))
    steps.append(("shared", (await period_members("sharing", f.start, f.end)).bit_count()))
    out = []
    prev = None
    for name, n in steps:
        out.append({"step": name, "members": n, "conversion_bp": None if prev is None else ratio_bp(n, prev)})
        prev = n
    convs = [s for s in out[1:] if s["conversion_bp"] is not None]
    weakest = min(convs, key=lambda s: s["conversion_bp"])["step"] if convs else None
    return {"steps": out, "weakest_step": weakest,
            "not_recorded": [s for s in ("login", "browse_mall") if s not in {x for x, _ in steps}]}


BY_MEMBER_MAX = 100_000  # paying redeemers up to which their sales are looked up by member, not by period scan


async def _pay_bits(start: date, end: date) -> dict[str, list[int]]:
    """The period's `paid` and `paid_twice` day bitmaps, one per day (tiers ORed together)."""
    per: dict[tuple[str, date], int] = {}
    for r in await fetch(conn(), "SELECT kind, day, bits FROM metrics_day_members WHERE kind IN ('paid', "
                                 "'paid_twice') AND day >= $1 AND day <= $2", [start, end]):
        key = (r[0], _d(r[1]))
        per[key] = per.get(key, 0) | bitmaps.unpack(r[2])
    out: dict[str, list[int]] = {"paid": [], "paid_twice": []}
    for (kind, _), v in sorted(per.items()):
        out[kind].append(v)
    return out


async def repurchase(rt: Runtime, f: Filters, profit_margin_bp: int, labour_cost_fen: int) -> dict[str, Any]:
    """Payers and repeat payers among members who redeemed in the period vs the other members, payments
    before vs after joining, and the ROI they feed:
      incremental sales = (sales per redeemer - sales per other member) x redeemers
      ROI = incremental sales x margin / (redeemed points' value + labour cost)   (basis points)
    """
    ppy = rt.settings.metrics.points_per_yuan
    c = conn()
    # all from the roll-ups: the payers and repeat payers are bitmaps (`payment_rollup.repeat_bits`), the
    # joining split a sum over days, and only the redeemers' sales read rows: the period's (day, member) payment
    # sums whose member is a bit of the redeemer bitmap (tested in SQL, summed there: one row comes back)
    redeemers, by_day = await asyncio.gather(period_members("redeem", f.start, f.end), _pay_bits(f.start, f.end))
    payers, repeat = payment_rollup.repeat_bits(by_day["paid"], by_day["paid_twice"])
    paying = payers & redeemers
    if is_postgres_conn(c) and paying.bit_count() <= BY_MEMBER_MAX:
        # few paying redeemers (the usual case): their rows by member (index member_id, day)
        mine_q = fetchrow(c, "SELECT COALESCE(SUM(net_fen), 0) FROM metrics_payment_members "
                             "WHERE member_id = ANY($3::bigint[]) AND day >= $1 AND day <= $2",
                          [f.start, f.end, sorted(bitmaps.to_ids(paying))])
    else:  # else the period's rows, each tested against the redeemer bitmap in SQL
        raw = bitmaps.raw(redeemers)
        is_redeemer = bitmaps.bit_sql(is_postgres_conn(c), "$3", "$4", "member_id")
        mine_q = fetchrow(c, "SELECT COALESCE(SUM(net_fen), 0) FROM metrics_payment_members WHERE day >= $1 "
                             f"AND day <= $2 AND {is_redeemer} = 1", [f.start, f.end, raw, len(raw)])
    mine, days = await asyncio.gather(
        mine_q,
        fetchrow(c, "SELECT COALESCE(SUM(member_net_fen), 0), COALESCE(SUM(before_join_fen), 0), "
                    "COALESCE(SUM(before_join_payments), 0), COALESCE(SUM(after_join_fen), 0), "
                    "COALESCE(SUM(after_join_payments), 0) FROM metrics_payments_daily WHERE day >= $1 AND day <= $2",
                 [f.start, f.end]))
    assert mine is not None and days is not None
    n_redeemers = redeemers.bit_count()
    members = await members_at(f.end)
    r_payers, r_repeat = (payers & redeemers).bit_count(), (repeat & redeemers).bit_count()
    groups: dict[str, dict[str, int]] = {
        "redeemed": {"members": n_redeemers, "payers": r_payers, "repeat_payers": r_repeat,
                     "sales_fen": int(mine[0])},
        "not_redeemed": {"members": members - n_redeemers, "payers": payers.bit_count() - r_payers,
                         "repeat_payers": repeat.bit_count() - r_repeat, "sales_fen": int(days[0]) - int(mine[0])}}
    join = [int(v) for v in days[1:5]]
    for g in groups.values():
        g["conversion_bp"] = ratio_bp(g["payers"], g["members"])
        g["repurchase_bp"] = ratio_bp(g["repeat_payers"], g["payers"])
        g["sales_per_member_fen"] = g["sales_fen"] // g["members"] if g["members"] else 0
    a, b = groups["redeemed"], groups["not_redeemed"]
    incremental = (a["sales_per_member_fen"] - b["sales_per_member_fen"]) * a["members"]
    totals = (await series(rt, Filters(f.start, f.end)))["totals"]
    points_cost = liability_fen(totals["redeemed"] - totals["reversed"], ppy)
    profit = incremental * profit_margin_bp // 10000
    cost = points_cost + labour_cost_fen
    return {
        "groups": groups,
        "joining": {"before_join_fen": int(join[0]), "before_join_payments": int(join[1]),
                    "after_join_fen": int(join[2]), "after_join_payments": int(join[3])},
        "roi": {"incremental_sales_fen": incremental, "profit_margin_bp": profit_margin_bp,
                "incremental_profit_fen": profit, "points_cost_fen": points_cost, "labour_cost_fen": labour_cost_fen,
                "cost_fen": cost, "roi_bp": ratio_bp(profit, cost)},
    }


def labour_for(rt: Runtime, f: Filters, labour_cost_fen: int | None) -> int:
    """The period's labour cost: as given, else the configured monthly cost x days / 30."""
    if labour_cost_fen is not None:
        return labour_cost_fen
    days = (f.end - f.start).days + 1
    return rt.settings.metrics.labour_cost_fen_per_month * days // 30


SECTIONS = ("series", "utilisation", "tiers", "mix", "funnel", "repurchase")
# member-based sections (bitmaps, member tables, payments): nothing splits them by store or channel
NOT_SEGMENTED = ("utilisation", "tiers", "funnel", "repurchase")


async def report(rt: Runtime, f: Filters, *, profit_margin_bp: int | None = None,
                 labour_cost_fen: int | None = None, sections: tuple[str, ...] = SECTIONS) -> dict[str, Any]:
    """The dashboard; `sections` limits it to what a page shows (each section is timed in bench/metrics.py)."""
    f.check()
    margin = rt.settings.metrics.profit_margin_bp if profit_margin_bp is None else profit_margin_bp
    out: dict[str, Any] = {"filters": f.view(), "points_per_yuan": rt.settings.metrics.points_per_yuan}
    # the sections are independent reads: on PostgreSQL they run side by side on the pool's connections
    parts: dict[str, Callable[[], Awaitable[Any]]] = {
        "series": lambda: series(rt, f), "utilisation": lambda: utilisation(f), "tiers": lambda: tiers(f),
        "mix": lambda: mix(rt, f), "funnel": lambda: funnel(f),
        "repurchase": lambda: repurchase(rt, f, margin, labour_for(rt, f, labour_cost_fen))}
    wanted = [s for s in SECTIONS if s in sections]
    if f.segment:  # left out and said so, never answered unfiltered
        out["not_segmented"] = [s for s in wanted if s in NOT_SEGMENTED] + (["mix.sales"] if "mix" in wanted else [])
        wanted = [s for s in wanted if s not in NOT_SEGMENTED]
    done = dict(zip(wanted, await asyncio.gather(*(parts[s]() for s in wanted)), strict=True))
    if "series" in done:
        scope = "all rules, categories and tiers" + (", stores and channels" if f.segment else "")
        out.update(outstanding_scope=scope, **done.pop("series"),
                   bands_bp={"unattractive_below": UNATTRACTIVE_BP, "threshold_too_low_above": TOO_LOW_BP})
    out.update(done)
    return out


CSV_COLUMNS = ("period", *MEASURES, "outstanding", "liability_fen", "liability_yuan", "redemption_rate_bp",
               "redemption_band")


def to_csv(rows: list[dict[str, Any]]) -> str:
    return csvfile.write(CSV_COLUMNS, ([r.get(k) for k in CSV_COLUMNS] for r in rows))
