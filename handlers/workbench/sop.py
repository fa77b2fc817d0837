"""The guide's tasks on the phone: mine by state, one task's customers with the text to forward (copy button),
completing it (quiz answers, or a note and an evidence link), and my stats. Only ever the signed-in guide's own:
every page calls app/services/sop with the session's staff id, as the /guide/v1 routes do."""

from __future__ import annotations

from typing import Any

from sanic import Request
from sanic.response import HTTPResponse, redirect

from app.errors import ApiError
from app.services.sop import service as svc
from app.services.staff import customer_card
from app.web import field_errors, form_data, page, render, validate, whole_number
from app.web.messages import zh_message
from handlers import Blueprint

bp = Blueprint("workbench_sop")

LOGIN = "/workbench/"
STATES = (("open", "待完成"), ("overdue", "已逾期"), ("done", "已完成"))
FIELDS = {"answers": "answers", "evidence": "evidence", "note": "note"}


@bp.get("/tasks")
@page("guide", login=LOGIN)
async def my_tasks(request: Request) -> HTTPResponse:
    """Role: guide. My tasks grouped by state (open, overdue, done)."""
    me = request.ctx.principal.subject_id
    groups = [(state, label, (await svc.list_mine(me, state, None, 100))["items"]) for state, label in STATES]
    return render(request, "workbench/tasks.html", nav="tasks", groups=groups)


async def _task_page(request: Request, assignment_id: int, status: int = 200, errors: dict[str, str] | None = None,
                     form: dict[str, Any] | None = None) -> HTTPResponse:
    try:
        task = await svc.detail(request.ctx.principal.subject_id, assignment_id)
    except ApiError as exc:
        return render(request, "forbidden.html", status=exc.status, message="没有这个任务")
    return render(request, "workbench/task.html", status=status, nav="tasks", task=task, errors=errors or {},
                  form=form or {})


@bp.get("/tasks/<assignment_id:int>")
@page("guide", login=LOGIN)
async def my_task(request: Request, assignment_id: int) -> HTTPResponse:
    """Role: guide. The task, my customers for it and the text to forward."""
    return await _task_page(request, assignment_id)


@bp.post("/tasks/<assignment_id:int>/complete")
@page("guide", login=LOGIN)
async def complete(request: Request, assignment_id: int) -> HTTPResponse:
    """Role: guide. Mark it done: quiz answers (q0, q1, ...), or a note and an evidence link."""
    data = form_data(request)
    raw: dict[str, Any] = {"note": data.get("note") or None}
    if data.get("evidence"):
        raw["evidence"] = {"url": data["evidence"]}
    n = whole_number(data.get("quiz_n"), limit=50) or 0
    if n:
        picked = [data.get(f"q{i}", "") for i in range(min(n, 50))]
        answers = [whole_number(p, limit=1000) for p in picked]
        if None in answers:
            return await _task_page(request, assignment_id, 422, {"answers": "请回答所有题目"}, data)
        raw["answers"] = answers
    try:
        body = validate(svc.CompleteIn, raw)
        await svc.complete(request.app.ctx.rt, request.ctx.principal.subject_id, assignment_id, body)
    except ApiError as exc:
        if exc.status == 404:
            return render(request, "forbidden.html", status=404, message="没有这个任务")
        errors = field_errors(exc, FIELDS)
        if exc.code == "quiz_failed":
            errors = {"answers": zh_message(exc)}
        return await _task_page(request, assignment_id, exc.status, errors, data)
    return redirect(f"/workbench/tasks/{assignment_id}", status=303)


@bp.get("/customers/<external_userid:str>")
@page("guide", login=LOGIN)
async def customer(request: Request, external_userid: str) -> HTTPResponse:
    """Role: guide. One of my customers: points, tier, expiring points, last purchase."""
    try:
        c = await customer_card.card(request.app.ctx.rt, request.ctx.principal.subject_id, external_userid[:64])
    except ApiError as exc:
        return render(request, "forbidden.html", status=exc.status, message="没有这个客户")
    return render(request, "workbench/customer.html", nav="tasks", c=c)


@bp.get("/stats")
@page("guide", login=LOGIN)
async def my_stats(request: Request) -> HTTPResponse:
    """Role: guide. My completion and my customers' activity over 30 days."""
    rt = request.app.ctx.rt
    return render(request, "workbench/stats.html", nav="stats",
                  stats=await svc.stats(request.ctx.principal.subject_id, rt.clock.now()))
