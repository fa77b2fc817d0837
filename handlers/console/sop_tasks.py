"""SOP task creation and the task's outcome report in the console. A task is made from a template for stores,
regions and/or guides, a customer segment, a start and a deadline, and a holdout share (customers who match but
are deliberately not sent to, the control group of the outcome report). The outcome report compares targeted
customers with the holdout (checked in, paid, redeemed within N days), with a CSV export (a long action:
app/services/operations, kind export_sop_outcome).

Creation goes through `app.services.sop.service.create_task` and the report through `report.effect`, the
functions the /admin/v1/sop JSON routes call; the form is validated by the API's own `TaskIn`."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, redirect

from app.clock import SHANGHAI
from app.errors import ApiError, ValidationFailed
from app.services.sop import report
from app.services.sop import service as svc
from app.web import field_errors, form_data, hundredths, page, render, validate
from app.web.messages import SOP_KIND_ZH
from handlers import Blueprint
from models import SopTask, SopTemplate, StaffUser, Store

bp = Blueprint("console_sop_tasks")

LOGIN = "/console/login"
STAFF = ("marketer", "admin")
SEGMENT_INTS = ("tier_min", "tier_max", "balance_min", "balance_max", "not_checked_in_days",
                "purchased_within_days", "not_purchased_days", "expiring_within_days")
# API field -> form field
FIELDS = {"template_id": "template_id", "name": "name", "targets": "targets", "start_at": "start",
          "deadline_at": "deadline", "holdout_bp": "holdout_pct", "remind_before_minutes": "remind_before_minutes",
          "segment.tag_ids": "tag_ids"} | {f"segment.{f}": f for f in SEGMENT_INTS}
KIND_ZH = SOP_KIND_ZH


def _at(day: str, hm: str, field: str) -> datetime | str:
    """The form's date + time (Asia/Shanghai); what is not a date is passed on as typed, for the model to
    refuse by the API field's name."""
    try:
        return datetime.combine(date.fromisoformat(day), time.fromisoformat(hm or "09:00"), SHANGHAI)
    except ValueError:
        if not day and not hm:
            return ""
        raise ValidationFailed(f"{field}: a date (YYYY-MM-DD) and a time (HH:MM)",
                               details=[{"field": field, "message": "请填写有效的日期和时间"}]) from None


def _holdout_bp(value: str) -> int | str:
    """The holdout as a percentage on the form (e.g. 10 or 12.5), basis points for the API (anything else goes
    to the API's model as typed, which says what is wrong with it)."""
    bp = hundredths(value or "0")
    return value if bp is None else bp


def _task_in(request: Request, data: dict[str, str]) -> dict[str, Any]:
    form = request.form or {}
    segment: dict[str, Any] = {k: data[k] for k in SEGMENT_INTS if data.get(k)}
    if data.get("tag_ids"):
        segment["tag_ids"] = [t.strip() for t in data["tag_ids"].replace("，", ",").split(",") if t.strip()]
    if data.get("members_only") == "on":
        segment["members_only"] = True
    body: dict[str, Any] = {
        "template_id": data.get("template_id", ""),
        "targets": {"store_ids": [v for v in form.getlist("store_ids") or [] if v],
                    "regions": [r.strip() for r in data.get("regions", "").replace("，", ",").split(",")
                                if r.strip()],
                    "staff_ids": [v for v in form.getlist("staff_ids") or [] if v]},
        "segment": segment,
        "start_at": _at(data.get("start_date", ""), data.get("start_time", ""), "start_at"),
        "deadline_at": _at(data.get("deadline_date", ""), data.get("deadline_time", ""), "deadline_at"),
        "holdout_bp": _holdout_bp(data.get("holdout_pct", "")),
    }
    if data.get("name"):
        body["name"] = data["name"]
    if data.get("remind_before_minutes"):
        body["remind_before_minutes"] = data["remind_before_minutes"]
    return body


async def _form_page(request: Request, status: int = 200, form: dict[str, Any] | None = None,
                     errors: dict[str, str] | None = None) -> HTTPResponse:
    templates = await SopTemplate.all().order_by("-id").limit(200)
    stores = await Store.filter(active=True).order_by("region", "code").limit(1000)
    guides = await StaffUser.filter(role="guide", active=True).order_by("store_id", "id").limit(2000)
    store_names = {s.id: s.name for s in stores}
    return render(request, "console/sop_task_new.html", status=status, nav="sop", templates=templates,
                  stores=stores, guides=guides, store_names=store_names, kinds=KIND_ZH, form=form or {},
                  errors=errors or {})


@bp.get("/sop/new")
@page(*STAFF, login=LOGIN)
async def new_task(request: Request) -> HTTPResponse:
    """Role: marketer, admin. The form, starting tomorrow 09:00 with a two-day deadline and no holdout."""
    tomorrow = request.app.ctx.rt.clock.today().toordinal() + 1
    return await _form_page(request, form={
        "start_date": date.fromordinal(tomorrow).isoformat(), "start_time": "09:00",
        "deadline_date": date.fromordinal(tomorrow + 2).isoformat(), "deadline_time": "21:00", "holdout_pct": "0",
        "store_ids": [], "staff_ids": [], "template_id": request.args.get("template_id", "")})


@bp.post("/sop/tasks")
@page(*STAFF, login=LOGIN)
async def create_task(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Create the task; the scheduler fans it out at its start (once)."""
    rt = request.app.ctx.rt
    data = form_data(request)
    form = request.form or {}
    shown = {**data, "store_ids": form.getlist("store_ids") or [], "staff_ids": form.getlist("staff_ids") or []}
    try:
        body = validate(svc.TaskIn, _task_in(request, data))
        task = await svc.create_task(body, request.ctx.principal.subject_id, rt.clock.now())
    except ApiError as exc:
        return await _form_page(request, exc.status, shown, field_errors(exc, FIELDS))
    return redirect(f"/console/sop/{task.id}", status=303)


class _Days(BaseModel):
    days: int = Field(default=7, ge=1, le=365)  # as the admin API's EffectQuery


async def _effect(request: Request, task_id: int) -> tuple[SopTask | None, dict[str, Any] | None, int]:
    try:
        days = validate(_Days, {"days": request.args.get("days") or 7}).days
    except ValidationFailed:
        days = 7
    task = await SopTask.get_or_none(id=task_id)
    return task, (await report.effect(task_id, days) if task else None), days


@bp.get("/sop/<task_id:int>/outcome")
@page(*STAFF, login=LOGIN)
async def outcome(request: Request, task_id: int) -> HTTPResponse:
    """Role: marketer, admin. Targeted vs holdout within ?days= (default 7) of the task's start."""
    task, effect, days = await _effect(request, task_id)
    if task is None or effect is None:
        return render(request, "forbidden.html", status=404, message="没有这个任务")
    return render(request, "console/sop_outcome.html", nav="sop", task=svc.task_view(task), effect=effect,
                  days=days)
