"""SOP tasks in the console: every task with its progress (assignments open / done / overdue), and per task the
completion by store and by guide, from the same report the /admin/v1/sop/completion route serves."""

from __future__ import annotations

from sanic import Request
from sanic.response import HTTPResponse, redirect
from tortoise.functions import Count

from app.errors import ApiError
from app.services.sop import report
from app.services.sop import service as svc
from app.web import page, render
from app.web.messages import SOP_KIND_ZH
from handlers import Blueprint
from models import SopAssignment, SopTask, StaffUser, Store

bp = Blueprint("console_sop")

STAFF = ("marketer", "admin")
KIND_ZH = SOP_KIND_ZH  # the task kind as the templates page and the new-task form name it, never the API's code


@bp.get("/sop")
@page(*STAFF, login="/console/login")
async def tasks(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Newest 100 tasks with their progress."""
    rows = await SopTask.all().order_by("-id").limit(100)
    progress: dict[int, dict[str, int]] = {t.id: {"open": 0, "done": 0, "overdue": 0, "total": 0} for t in rows}
    counts = await SopAssignment.filter(task_id__in=list(progress)).exclude(state="cancelled") \
        .annotate(n=Count("id")).group_by("task_id", "state").values("task_id", "state", "n")
    for c in counts:
        p = progress[int(c["task_id"])]
        p[str(c["state"])] = int(c["n"])
        p["total"] += int(c["n"])
    return render(request, "console/sop.html", nav="sop", tasks=[svc.task_view(t) for t in rows],
                  progress=progress, kinds=KIND_ZH)


@bp.get("/sop/<task_id:int>")
@page(*STAFF, login="/console/login")
async def task(request: Request, task_id: int) -> HTTPResponse:
    """Role: marketer, admin. One task: its fan-out and completion per store and per guide."""
    return await _task_page(request, task_id)


@bp.post("/sop/<task_id:int>/cancel")
@page(*STAFF, login="/console/login")
async def cancel(request: Request, task_id: int) -> HTTPResponse:
    """Role: marketer, admin. Stop the task (the page asks first), through the service the API's cancel calls:
    open assignments closed, WeCom group-sends not yet sent cancelled through the outbox."""
    try:
        await svc.cancel_task(task_id, request.app.ctx.rt.clock.now())
    except ApiError as exc:
        return render(request, "forbidden.html", status=exc.status, message="没有这个任务")
    return redirect(f"/console/sop/{task_id}", status=303)


async def _task_page(request: Request, task_id: int) -> HTTPResponse:
    t = await SopTask.get_or_none(id=task_id)
    if t is None:
        return render(request, "forbidden.html", status=404, message="没有这个任务")
    by_store = await report.completion("store", task_id)
    by_guide = await report.completion("guide", task_id)
    stores = {s.id: s.name for s in await Store.filter(id__in=[r["store"] for r in by_store if r["store"]])}
    guides = {g.id: g.name for g in await StaffUser.filter(id__in=[r["guide"] for r in by_guide if r["guide"]])}
    return render(request, "console/sop_task.html", nav="sop", task=svc.task_view(t), by_store=by_store,
                  by_guide=by_guide, stores=stores, guides=guides, kinds=KIND_ZH)
