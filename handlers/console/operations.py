"""Long actions in the console: start one (bulk ship by CSV from the fulfilment queue, CSV exports from the
SOP outcome, fulfilment queue and member pages, the WeCom sync for admins; the dashboard's points export, the one
form with typed fields, starts through its own route so that a refusal returns to it), then watch its page: a
progress bar polled from `/console/operations/{id}/status`, and when it is done its result and download.

Runs are `app/services/operations` runs, the same the admin API's `/admin/v1/operations` starts and shows; the
start form's fields are the kind's parameters, validated by the kind's own model (a refusal: 4xx, message shown)."""

from __future__ import annotations

from sanic import Request
from sanic.response import HTTPResponse, json, redirect, text

from app.errors import ApiError
from app.services.operations import service as svc
from app.services.staff.service import names_of
from app.web import field_errors, form_data, page, render, whole_number
from app.web.messages import zh_message
from handlers import Blueprint
from models import OperationRun

bp = Blueprint("console_operations")

LOGIN = "/console/login"
STAFF = ("marketer", "admin")
PAGE_SIZE = 30
STATUS = {"queued": "排队中", "running": "进行中", "done": "已完成", "failed": "失败"}


async def _list_page(request: Request, status: int = 200, errors: dict[str, str] | None = None) -> HTTPResponse:
    kinds = {k: v.label for k, v in svc.kinds().items()}
    kind = request.args.get("kind") or None
    kind = kind if kind in kinds else None
    number = request.args.get("page", "1")
    number = whole_number(number, limit=100_000) or 1
    found = await svc.recent(kind, number, PAGE_SIZE)
    pages = max(1, -(-found["total"] // PAGE_SIZE))
    names = await names_of(str(r.get("created_by") or "") for r in found["items"])
    return render(request, "console/operations.html", status=status, nav="operations", found=found, kinds=kinds,
                  kind=kind or "", pages=pages, statuses=STATUS, errors=errors or {}, names=names)


@bp.get("/operations")
@page(*STAFF, login=LOGIN)
async def runs(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Recent long actions (?kind= filters), newest first, 30 a page."""
    return await _list_page(request)


@bp.post("/operations")
@page(*STAFF, login=LOGIN)
async def start(request: Request) -> HTTPResponse:
    """Role: marketer, admin (WeCom sync: admin). `kind` and the kind's parameters as form fields (blank = not
    given); queued and started at once, then its progress page."""
    data = form_data(request)
    kind = data.pop("kind", "")
    params = {k: v for k, v in data.items() if v != ""}
    try:
        run = await svc.start(request.app.ctx.rt, kind, params, request.ctx.principal)
    except ApiError as exc:
        errors = field_errors(exc, {"kind": "kind"})
        errors.setdefault("_", zh_message(exc))  # the form is on another page: always say it at the top
        return await _list_page(request, exc.status, errors)
    return redirect(f"/console/operations/{run.id}", status=303)


async def _run_or_404(request: Request, run_id: int) -> OperationRun | HTTPResponse:
    try:
        return await svc.get(run_id)
    except ApiError as exc:
        return render(request, "forbidden.html", status=exc.status, message="没有这个任务记录")


@bp.get("/operations/<run_id:int>")
@page(*STAFF, login=LOGIN)
async def run(request: Request, run_id: int) -> HTTPResponse:
    """Role: marketer, admin. The run's progress (polled), then its result and file."""
    r = await _run_or_404(request, run_id)
    if isinstance(r, HTTPResponse):
        return r
    view = svc.run_view(r)
    return render(request, "console/operation.html", nav="operations", run=view, statuses=STATUS,
                  names=await names_of([str(view.get("created_by") or "")]))


@bp.get("/operations/<run_id:int>/status")
@page(*STAFF, login=LOGIN)
async def run_status(request: Request, run_id: int) -> HTTPResponse:
    """Role: marketer, admin. What the progress bar polls: status, done, total, percent, note."""
    r = await _run_or_404(request, run_id)
    if isinstance(r, HTTPResponse):
        return r
    v = svc.run_view(r)
    return json({k: v[k] for k in ("id", "status", "done", "total", "percent", "note", "error")})


@bp.get("/operations/<run_id:int>/download")
@page(*STAFF, login=LOGIN)
async def download(request: Request, run_id: int) -> HTTPResponse:
    """Role: marketer, admin. The run's CSV (the export, or bulk shipping's result per row)."""
    r = await _run_or_404(request, run_id)
    if isinstance(r, HTTPResponse):
        return r
    if r.file_name is None or r.file_body is None:
        return render(request, "forbidden.html", status=404, message="这个任务没有可下载的文件（或尚未完成）")
    return text(r.file_body, content_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": f'attachment; filename="{r.file_name}"'})
