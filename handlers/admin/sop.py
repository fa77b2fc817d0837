"""SOP tasks for marketers under /admin/v1/sop: templates, tasks (dispatched by the scheduler at their start),
and the measurement reports (JSON, or CSV with ?format=csv)."""

from typing import Literal

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, json, text

from app.auth import require
from app.errors import Conflict, NotFound
from app.services.sop import report, rules
from app.services.sop import service as svc
from app.validation import body, query
from handlers import Blueprint
from models import SopRule, SopTask, SopTemplate

bp = Blueprint("admin_sop")

STAFF = ("marketer", "admin")


class CompletionQuery(BaseModel):
    by: Literal["guide", "store", "region"] = "guide"
    task_id: int | None = Field(default=None, ge=1, le=2**62)
    format: Literal["json", "csv"] = "json"


class EffectQuery(BaseModel):
    days: int = Field(default=7, ge=1, le=365)
    format: Literal["json", "csv"] = "json"


def _csv(body_text: str, name: str) -> HTTPResponse:
    return text(body_text, content_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


@bp.post("/sop/templates")
@require(*STAFF)
@body(svc.TemplateIn)
async def create_template(request: Request) -> HTTPResponse:
    """Role: marketer, admin. A reusable task (learning, invitation, mass_message, community, tagging)."""
    t = await svc.create_template(request.ctx.body, request.app.ctx.rt.clock.now())
    return json(svc.template_view(t), status=201)


@bp.get("/sop/templates")
@require(*STAFF)
async def list_templates(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Every template, newest first."""
    return json({"items": [svc.template_view(t) for t in await SopTemplate.all().order_by("-id").limit(500)]})


@bp.post("/sop/tasks")
@require(*STAFF)
@body(svc.TaskIn)
async def create_task(request: Request) -> HTTPResponse:
    """Role: marketer, admin. A task from a template for stores / regions / guides and a customer segment;
    the scheduler fans it out at `start_at` (once), notifies the guides and creates the WeCom jobs."""
    t = await svc.create_task(request.ctx.body, request.ctx.principal.subject_id, request.app.ctx.rt.clock.now())
    return json(svc.task_view(t), status=201)


class TaskListQuery(BaseModel):
    status: Literal["scheduled", "dispatched", "cancelled"] | None = None
    cursor: int | None = Field(default=None, ge=1, le=2**62)
    limit: int = Field(default=50, ge=1, le=100)


@bp.get("/sop/tasks")
@require(*STAFF)
@query(TaskListQuery)
async def list_tasks(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Tasks, newest first, optionally by status."""
    q: TaskListQuery = request.ctx.query
    qs = SopTask.all()
    if q.status:
        qs = qs.filter(status=q.status)
    if q.cursor:
        qs = qs.filter(id__lt=q.cursor)
    rows = await qs.order_by("-id").limit(q.limit)
    return json({"items": [svc.task_view(t) for t in rows],
                 "next_cursor": rows[-1].id if len(rows) == q.limit else None})


@bp.get("/sop/tasks/<task_id:int>")
@require(*STAFF)
async def get_task(request: Request, task_id: int) -> HTTPResponse:
    """Role: marketer, admin. The task with its fan-out counts."""
    t = await SopTask.get_or_none(id=task_id)
    if t is None:
        raise NotFound("no such task", code="task_not_found")
    return json(svc.task_view(t))


@bp.post("/sop/tasks/<task_id:int>/cancel")
@require(*STAFF)
async def cancel_task(request: Request, task_id: int) -> HTTPResponse:
    """Role: marketer, admin. Stop the task; WeCom group-sends not yet sent are cancelled."""
    return json(svc.task_view(await svc.cancel_task(task_id, request.app.ctx.rt.clock.now())))


@bp.post("/sop/assignments/<assignment_id:int>/remind")
@require(*STAFF)
async def remind(request: Request, assignment_id: int) -> HTTPResponse:
    """Role: marketer, admin. Remind the guide in WeCom of a group-send they have not sent
    (remind_groupmsg_send; at most 3 per assignment, the automatic one before the deadline included)."""
    from app.services.sop import wecom as sop_wecom

    if not await sop_wecom.remind_now(request.app.ctx.rt, assignment_id):
        raise Conflict("nothing to remind: no unsent group-send, or 3 reminders sent", code="not_remindable")
    return json({"assignment_id": assignment_id, "queued": True}, status=202)


@bp.get("/sop/completion")
@require(*STAFF)
@query(CompletionQuery)
async def completion(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Assignments done / overdue / open per guide, store or region (one task or all)."""
    q: CompletionQuery = request.ctx.query
    rows = await report.completion(q.by, q.task_id)
    return _csv(report.to_csv(rows), f"sop-completion-{q.by}") if q.format == "csv" else json({"items": rows})


@bp.get("/sop/tasks/<task_id:int>/effect")
@require(*STAFF)
@query(EffectQuery)
async def effect(request: Request, task_id: int) -> HTTPResponse:
    """Role: marketer, admin. Of the customers the task targeted vs its holdout: checked in, paid, redeemed
    within `days` of the start."""
    q: EffectQuery = request.ctx.query
    r = await report.effect(task_id, q.days)
    return _csv(report.to_csv(report.effect_rows(r)), f"sop-effect-{task_id}") if q.format == "csv" else json(r)


@bp.get("/sop/rule-templates")
@require(*STAFF)
async def rule_templates(request: Request) -> HTTPResponse:
    """Role: marketer, admin. The SOP rules jifen ships (new customer day 0/1/3, before a member day, points
    expiring); POST /sop/rules with `template`, `params` and `targets` to use one."""
    return json({"items": [{"template": name, **rules.shipped(name, {"campaign_id": "<campaign id>"})}
                           for name in rules.TEMPLATES]})


@bp.post("/sop/rules")
@require(*STAFF)
@body(rules.RuleCreate)
async def create_rule(request: Request) -> HTTPResponse:
    """Role: marketer, admin. A customer or group SOP rule (whole, or from a shipped template)."""
    r = await rules.create_rule(request.ctx.body, request.app.ctx.rt.clock.now())
    return json(rules.rule_view(r), status=201)


@bp.get("/sop/rules")
@require(*STAFF)
async def list_rules(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Every rule, newest first."""
    return json({"items": [rules.rule_view(r) for r in await SopRule.all().order_by("-id").limit(500)]})


@bp.post("/sop/rules/<rule_id:int>/deactivate")
@require(*STAFF)
async def deactivate_rule(request: Request, rule_id: int) -> HTTPResponse:
    """Role: marketer, admin. Stop the rule: no further steps are started (what is sent stays sent)."""
    if not await SopRule.filter(id=rule_id).update(active=False):
        raise NotFound("no such rule", code="rule_not_found")
    return json(rules.rule_view(await SopRule.get(id=rule_id)))
