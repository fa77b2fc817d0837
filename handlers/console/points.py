"""Points configuration in the console: earning rules, campaigns (member days), the tier ladder and the year's
budget, through the same admin services as `/admin/v1/{rules,campaigns,tiers,budget}`.

A rule's streak bonuses (check-in: the Nth day in a row earns a bonus; "N+" every N days) are edited as rows,
added and removed on the server (no script); a campaign's tiers are the tier levels it applies to (none ticked:
every tier), each shown with its effective multiplier (the tier's times the campaign's, as calc.py multiplies).
A rule or campaign change is published only after its what-if preview: the form's first button runs the
simulation service `/admin/v1/simulations` uses (the last 7 days of real events replayed with the draft, beside
the current rules, answered at once), and the page shows what it would have cost. The publish button carries
that simulation's id; publishing checks the run is done and that its draft is exactly the submitted one, so a
draft edited after its preview must be previewed again.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from pydantic import BaseModel
from sanic import Request
from sanic.response import HTTPResponse, redirect

from app.clock import SHANGHAI
from app.errors import ApiError, NotFound, ValidationFailed
from app.services.metrics import simulation
from app.services.points.admin import budget as budget_admin
from app.services.points.admin import campaigns, rules
from app.services.points.admin import tiers as tier_admin
from app.services.points.admin.common import Event, operator_of
from app.web import field_errors, form_data, hundredths, page, render, validate, whole_number
from handlers import Blueprint
from models import MetricsSimulation

bp = Blueprint("console_points")

STAFF = ("marketer", "admin")
LOGIN = "/console/login"
PREVIEW_DAYS = 7  # answered at once by the simulation service (SYNC_MAX_DAYS)
PAGE_SIZE = 50

RULE_CAPS = ("daily_count_cap", "daily_points_cap", "total_points_cap")
RULE_FIELDS = {f: f for f in ("code", "name", "event", "points_fixed", "points_per_yuan", *RULE_CAPS,
                              "once_per_member", "active", "streak_bonuses")}
CAMPAIGN_INTS = ("multiplier_bp", "day_of_month", "month", "weekday")
CAMPAIGN_FIELDS = {**{f: f for f in ("name", "recurrence", *CAMPAIGN_INTS, "events", "tier_levels", "active")},
                   "starts_at": "starts_on", "ends_at": "ends_on"}
RECURRENCE_ZH = {"once": "单次", "weekly": "每周", "monthly": "每月", "yearly": "每年"}


def _ints(data: dict[str, str], names: tuple[str, ...]) -> dict[str, Any]:
    """Blank number fields are left out (the model's default, or null); anything else goes to the model as typed,
    so a non-number is refused with the model's own message."""
    return {n: data[n] for n in names if data.get(n, "") != ""}


def _day(value: str, field: str, end: bool = False, at: str = "") -> datetime | None:
    """A Shanghai date and, optionally, a time of day (`at`, HH:MM[:SS]); a blank time is the day's start (or, for
    an end, its last second). A campaign created through the API with a time window (a flash sale 10:00-22:00)
    keeps it when edited here: the form shows and sends the time beside the date."""
    if not value:
        if at.strip():  # a time of day alone bounds nothing: said, not dropped
            raise ValidationFailed(f"{field}: a time needs its date",
                                   details=[{"field": field, "message": "填写时间时请同时填写日期"}])
        return None
    try:
        d = date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationFailed(f"{field}: a date", details=[{"field": field, "message": "请填写有效的日期"}]) from exc
    try:
        t = time.fromisoformat(at.strip()) if at.strip() else (time.max if end else time.min)
    except ValueError as exc:
        raise ValidationFailed(f"{field}: a time of day",
                               details=[{"field": field, "message": "请填写有效的时间（时:分）"}]) from exc
    return datetime.combine(d, t.replace(tzinfo=None), SHANGHAI).replace(microsecond=0)


def _time_of(moment: datetime, end: bool) -> str:
    """The form's time field for a stored start or end: blank for the whole day's bound, else HH:MM[:SS]."""
    t = moment.astimezone(SHANGHAI).time().replace(microsecond=0)
    if t == (time(23, 59, 59) if end else time.min):
        return ""
    return t.strftime("%H:%M:%S" if t.second else "%H:%M")


StreakRow = dict[str, str]


def streak_rows(request: Request) -> list[StreakRow]:
    """The streak table as submitted: parallel `streak_day` / `streak_points` inputs, `streak_repeat` holding the
    indexes of the rows ticked "every N days". A row with both cells blank is dropped (that is how a row is
    emptied); `action=streak_remove:<i>` drops row i, `action=streak_add` appends a blank one."""
    form = request.form or {}
    days, points = form.getlist("streak_day") or [], form.getlist("streak_points") or []
    repeat = set(form.getlist("streak_repeat") or [])
    rows = [{"day": (days[i] if i < len(days) else "").strip(), "points": (points[i] if i < len(points) else "")
             .strip(), "repeat": "on" if str(i) in repeat else ""} for i in range(max(len(days), len(points)))]
    action = (form.get("action") or "")
    if action.startswith("streak_remove:") and (gone := whole_number(action.split(":", 1)[1])) is not None:
        rows = [r for i, r in enumerate(rows) if i != gone]
    rows = [r for r in rows if r["day"] or r["points"]]
    if action == "streak_add":
        rows.append({"day": "", "points": "", "repeat": ""})
    return rows


def streak_key(row: StreakRow) -> str:
    return f"{row['day']}{'+' if row['repeat'] else ''}"


def _streak_bonuses(rows: list[StreakRow]) -> dict[str, str] | None:
    """The rows as the API's `streak_bonuses` ({"7": 20, "7+": 5}); none: null. Two rows of the same key would
    collapse into one in the API's mapping, so they are refused here, next to the later row."""
    out: dict[str, str] = {}
    for i, row in enumerate(rows):
        if not (row["day"] or row["points"]):
            continue
        key = streak_key(row)
        if key in out:
            again = f"连续 {row['day']} 天{'（每满重复）' if row['repeat'] else ''}已设置过"
            raise ValidationFailed("streak_bonuses: duplicate",
                                   details=[{"field": f"streak_row.{i}", "message": again}])
        out[key] = row["points"]
    return out or None


def _streak_fields(rows: list[StreakRow]) -> dict[str, str]:
    """API field -> form field for the streak rows: a detail on `streak_bonuses.<key>` lands next to its row."""
    mapping = {f"streak_bonuses.{streak_key(r)}": f"streak-{i}" for i, r in enumerate(rows)}
    return mapping | {f"streak_row.{i}": f"streak-{i}" for i in range(len(rows))} | {
        "streak_bonuses": "streak_bonuses"}


def _rule_draft(data: dict[str, str], rows: list[StreakRow]) -> dict[str, Any]:
    return {"code": data.get("code", ""), "name": data.get("name", ""), "event": data.get("event", ""),
            "points_fixed": data.get("points_fixed") or 0, "points_per_yuan": data.get("points_per_yuan") or 0,
            **{c: data.get(c) or None for c in RULE_CAPS}, "once_per_member": data.get("once_per_member") == "on",
            "active": data.get("active") == "on", "streak_bonuses": _streak_bonuses(rows)}


def _campaign_draft(data: dict[str, str], tier_levels: list[str]) -> dict[str, Any]:
    events = [e.strip() for e in data.get("events", "").replace("，", ",").split(",") if e.strip()]
    return {"name": data.get("name", ""), "recurrence": data.get("recurrence", ""), **_ints(data, CAMPAIGN_INTS),
            "starts_at": _day(data.get("starts_on", ""), "starts_at", at=data.get("starts_time", "")),
            "ends_at": _day(data.get("ends_on", ""), "ends_at", end=True, at=data.get("ends_time", "")),
            "events": events or None,
            "tier_levels": tier_levels or None, "active": data.get("active") == "on"}


async def _tier_choices() -> list[dict[str, Any]]:
    return (await tier_admin.list_tiers())["tiers"]


async def _preview(request: Request, kind: str, draft: BaseModel) -> dict[str, Any]:
    """Run the simulation service on the draft (as `POST /admin/v1/simulations` does)."""
    sim_in = validate(simulation.SimulationIn, {"days": PREVIEW_DAYS, kind: draft.model_dump(mode="json")})
    view, _ = await simulation.start(request.app.ctx.rt, sim_in, operator_of(request.ctx.principal))
    return view


async def _previewed(sim_id: str, kind: str, draft: BaseModel) -> None:
    """Publishing needs a finished preview of exactly this draft."""
    sim = await MetricsSimulation.get_or_none(id=sim) if (sim := whole_number(sim_id)) is not None else None
    if sim is None or sim.status != "done" or (sim.request or {}).get(kind) != draft.model_dump(mode="json"):
        raise ValidationFailed("发布前请先预览影响（草稿在预览后被修改过时需重新预览）")


# --- rules -------------------------------------------------------------------------------------------------


class _RuleFilter(BaseModel):
    event: Event | None = None  # as the admin API's RuleListQuery


@bp.get("/rules")
@page(*STAFF, login=LOGIN)
async def rule_list(request: Request) -> HTTPResponse:
    """Role: marketer, admin. ?event= filters; ?cursor= pages (the API's cursor)."""
    event = request.args.get("event") or None
    try:
        validate(_RuleFilter, {"event": event})
    except ValidationFailed:  # an event no rule can have (the API's own limits): nothing to ask the database
        listing: dict[str, Any] = {"items": [], "next_cursor": None}
    else:
        listing = await rules.list_rules(event=event, active=None, cursor=whole_number(request.args.get("cursor")),
                                         limit=PAGE_SIZE)
    camp = await campaigns.list_campaigns(active=None, cursor=None, limit=PAGE_SIZE)
    return render(request, "console/rules.html", nav="rules", rules=listing["items"], next_cursor=listing.get(
        "next_cursor"), event=event or "", campaigns=camp["items"], recurrence_zh=RECURRENCE_ZH)


def _rule_rows(rule: dict[str, Any] | None) -> list[StreakRow]:
    rows = [{"day": k.rstrip("+"), "points": str(v), "repeat": "on" if k.endswith("+") else ""}
            for k, v in ((rule or {}).get("streak_bonuses") or {}).items()]
    return sorted(rows, key=lambda r: (r["repeat"] == "on", whole_number(r["day"]) or 0))


def _rule_form(rule: dict[str, Any] | None) -> dict[str, Any]:
    if rule is None:
        return {"active": "on", "points_fixed": "0", "points_per_yuan": "0"}
    out = {k: "" if rule.get(k) is None else str(rule[k]) for k in RULE_FIELDS}
    out["once_per_member"] = "on" if rule["once_per_member"] else ""
    out["active"] = "on" if rule["active"] else ""
    return out


@bp.get("/rules/new")
@page(*STAFF, login=LOGIN)
async def rule_new(request: Request) -> HTTPResponse:
    """Role: marketer, admin."""
    return render(request, "console/rule_form.html", nav="rules", rule=None, form=_rule_form(None), streak=[])


@bp.get("/rules/<rule_id:int>")
@page(*STAFF, login=LOGIN)
async def rule_edit(request: Request, rule_id: int) -> HTTPResponse:
    """Role: marketer, admin."""
    try:
        rule = rules.rule_view(await rules.get_rule(rule_id))
    except NotFound:
        return render(request, "forbidden.html", status=404, message="没有这条规则")
    return render(request, "console/rule_form.html", nav="rules", rule=rule, form=_rule_form(rule),
                  streak=_rule_rows(rule))


@bp.post("/rules/save")
@page(*STAFF, login=LOGIN)
async def rule_save(request: Request) -> HTTPResponse:
    """Role: marketer, admin. action=preview runs the what-if; action=publish creates or updates the rule."""
    rt = request.app.ctx.rt
    data = form_data(request)
    rule_id = whole_number(data.get("rule_id"))
    rule = None
    rows = streak_rows(request)
    try:
        if rule_id is not None:
            rule = rules.rule_view(await rules.get_rule(rule_id))
        if data.get("action", "").startswith("streak_"):  # a row added or removed: the form again, not previewed
            return render(request, "console/rule_form.html", nav="rules", rule=rule, form=data, streak=rows)
        if rule is not None:
            merged = {k: v for k, v in rule.items() if k in rules.RuleIn.model_fields}
            draft = validate(rules.RuleIn, {**merged, **_rule_draft(data, rows)})
        else:
            draft = validate(rules.RuleIn, _rule_draft(data, rows))
        if data.get("action") != "publish":
            preview = await _preview(request, "rule", draft)
            return render(request, "console/rule_form.html", nav="rules", rule=rule, form=data, preview=preview,
                          streak=rows)
        await _previewed(data.get("preview", ""), "rule", draft)
        if rule_id is not None:
            patch = validate(rules.RulePatch, draft.model_dump(exclude_unset=False))
            saved = await rules.update_rule(rt, rule_id, patch)
        else:
            saved = await rules.create_rule(rt, draft)
    except NotFound:
        return render(request, "forbidden.html", status=404, message="没有这条规则")
    except ApiError as exc:
        return render(request, "console/rule_form.html", status=exc.status, nav="rules", rule=rule, form=data,
                      streak=rows, errors=field_errors(exc, RULE_FIELDS | _streak_fields(rows)))
    return redirect(f"/console/rules?saved=rule-{saved.id}")


# --- campaigns ---------------------------------------------------------------------------------------------


def _campaign_form(c: dict[str, Any] | None) -> dict[str, Any]:
    if c is None:
        return {"active": "on", "recurrence": "monthly", "multiplier_bp": "15000"}
    out = {k: "" if c.get(k) is None else str(c[k]) for k in ("name", "recurrence", *CAMPAIGN_INTS)}
    out["events"] = ",".join(c.get("events") or [])
    for bound, end in (("starts", False), ("ends", True)):
        moment = datetime.fromisoformat(c[f"{bound}_at"]) if c.get(f"{bound}_at") else None
        out[f"{bound}_on"] = moment.astimezone(SHANGHAI).date().isoformat() if moment else ""
        out[f"{bound}_time"] = _time_of(moment, end) if moment else ""
    out["active"] = "on" if c["active"] else ""
    return out


@bp.get("/campaigns/new")
@page(*STAFF, login=LOGIN)
async def campaign_new(request: Request) -> HTTPResponse:
    """Role: marketer, admin."""
    return render(request, "console/campaign_form.html", nav="rules", campaign=None, form=_campaign_form(None),
                  tiers=await _tier_choices(), picked=[])


@bp.get("/campaigns/<campaign_id:int>")
@page(*STAFF, login=LOGIN)
async def campaign_edit(request: Request, campaign_id: int) -> HTTPResponse:
    """Role: marketer, admin."""
    try:
        c = campaigns.campaign_view(await campaigns.get_campaign(campaign_id))
    except NotFound:
        return render(request, "forbidden.html", status=404, message="没有这个活动")
    return render(request, "console/campaign_form.html", nav="rules", campaign=c, form=_campaign_form(c),
                  tiers=await _tier_choices(), picked=[str(level) for level in c.get("tier_levels") or []])


@bp.post("/campaigns/save")
@page(*STAFF, login=LOGIN)
async def campaign_save(request: Request) -> HTTPResponse:
    """Role: marketer, admin. action=preview runs the what-if; action=publish creates or updates the campaign."""
    data = form_data(request)
    campaign_id = whole_number(data.get("campaign_id"))
    c = None
    picked = [v.strip() for v in (request.form.getlist("tier_levels") if request.form else []) or [] if v.strip()]
    tiers = await _tier_choices()
    try:
        if campaign_id is not None:
            c = campaigns.campaign_view(await campaigns.get_campaign(campaign_id))
        draft = validate(campaigns.CampaignIn, _campaign_draft(data, picked))
        if data.get("action") != "publish":
            preview = await _preview(request, "campaign", draft)
            return render(request, "console/campaign_form.html", nav="rules", campaign=c, form=data,
                          preview=preview, tiers=tiers, picked=picked)
        await _previewed(data.get("preview", ""), "campaign", draft)
        if campaign_id is not None:
            saved = await campaigns.update_campaign(campaign_id, validate(campaigns.CampaignPatch,
                                                                          draft.model_dump()))
        else:
            saved = await campaigns.create_campaign(draft)
    except NotFound:
        return render(request, "forbidden.html", status=404, message="没有这个活动")
    except ApiError as exc:
        return render(request, "console/campaign_form.html", status=exc.status, nav="rules", campaign=c, form=data,
                      tiers=tiers, picked=picked, errors=field_errors(exc, CAMPAIGN_FIELDS))
    return redirect(f"/console/rules?saved=campaign-{saved.id}")


# --- tiers and budget --------------------------------------------------------------------------------------


async def _tiers_page(request: Request, status: int = 200, **extra: Any) -> HTTPResponse:
    rt = request.app.ctx.rt
    ladder = (await tier_admin.list_tiers())["tiers"]
    extra.setdefault("tier_rows", [{k: str(v) for k, v in t.items()} for t in ladder] + [{}])
    extra.setdefault("form", {})
    return render(request, "console/tiers_budget.html", status=status, nav="tiers", tiers=ladder,
                  budget=await budget_admin.budget_view(rt, None), **extra)


@bp.get("/tiers")
@page(*STAFF, login=LOGIN)
async def tiers_and_budget(request: Request) -> HTTPResponse:
    """Role: marketer, admin. The ladder (editable as a whole) and this year's budget."""
    return await _tiers_page(request)


@bp.post("/tiers")
@page(*STAFF, login=LOGIN)
async def replace_tiers(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Rows with a blank name are dropped; the ladder is replaced atomically."""
    form = request.form or {}
    cols = {k: form.getlist(k) or [] for k in ("level", "name", "growth_threshold", "multiplier_bp")}
    rows = [{k: (cols[k][i] if i < len(cols[k]) else "").strip() for k in cols} for i in range(len(cols["name"]))]
    kept = [r for r in rows if r["name"]]
    try:
        ladder = validate(tier_admin.TierLadder, {"tiers": kept})
        await tier_admin.replace_tiers(ladder)
    except ApiError as exc:
        errors = field_errors(exc, {"tiers": "tiers"})
        return await _tiers_page(request, status=exc.status, tier_rows=[*kept, {}], errors=errors)
    return redirect("/console/tiers?saved=tiers")


@bp.post("/budget")
@page(*STAFF, login=LOGIN)
async def put_budget(request: Request) -> HTTPResponse:
    """Role: marketer, admin. This year's budget in points, its warning line (in %) and the mode."""
    rt = request.app.ctx.rt
    data = form_data(request)
    body: dict[str, Any] = {k: data[k] for k in ("budget_points", "mode") if data.get(k)}
    warn = data.get("warn_percent", "")
    try:
        if warn:
            if (bp := hundredths(warn)) is None:
                raise ValidationFailed("warn_ratio_bp", details=[{"field": "warn_ratio_bp",
                                                                  "message": "请填写百分比数字（最多两位小数）"}])
            body["warn_ratio_bp"] = bp
        await budget_admin.set_budget(rt, rt.clock.today().year, validate(budget_admin.BudgetIn, body))
    except ApiError as exc:
        return await _tiers_page(request, status=exc.status, form=data, errors=field_errors(
            exc, {"budget_points": "budget_points", "warn_ratio_bp": "warn_percent", "mode": "budget_points"}))
    return redirect("/console/tiers?saved=budget")
