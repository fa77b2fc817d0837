"""Long actions under /admin/v1/operations: start a run (bulk ship by CSV, CSV exports, WeCom sync), poll it,
download its file. The console's progress pages show the same runs (app/services/operations)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sanic import Request
from sanic.response import HTTPResponse, json, text

from app.auth import require
from app.errors import NotFound
from app.services.operations import service as svc
from app.validation import body, query
from handlers import Blueprint

bp = Blueprint("admin_operations")

STAFF = ("marketer", "admin")


class StartIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str = Field(min_length=1, max_length=32, description="mall_ship_csv, export_points, export_sop_outcome, "
                                                              "export_redemptions, export_member_ledger, wecom_sync")
    params: dict[str, Any] = Field(default_factory=dict, description="the kind's parameters")


class ListQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str | None = Field(default=None, max_length=32)
    page: int = Field(default=1, ge=1, le=100_000)
    size: int = Field(default=50, ge=1, le=200)


@bp.post("/operations")
@require(*STAFF)
@body(StartIn)
async def start(request: Request) -> HTTPResponse:
    """Role: marketer, admin (wecom_sync: admin). 202 with the queued run; poll GET /operations/{id}."""
    b: StartIn = request.ctx.body
    run = await svc.start(request.app.ctx.rt, b.kind, b.params, request.ctx.principal)
    return json(svc.run_view(run), status=202)


@bp.get("/operations")
@require(*STAFF)
@query(ListQuery)
async def runs(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Recent runs, newest first."""
    q: ListQuery = request.ctx.query
    return json(await svc.recent(q.kind, q.page, q.size))


@bp.get("/operations/<run_id:int>")
@require(*STAFF)
async def run(request: Request, run_id: int) -> HTTPResponse:
    """Role: marketer, admin. Status, done/total, the result summary."""
    return json(svc.run_view(await svc.get(run_id)))


@bp.get("/operations/<run_id:int>/file")
@require(*STAFF)
async def file(request: Request, run_id: int) -> HTTPResponse:
    """Role: marketer, admin. The run's CSV (an export, or bulk shipping's result per row)."""
    r = await svc.get(run_id)
    if r.file_name is None or r.file_body is None:
        raise NotFound("this run has no file (yet)", code="no_file")
    return text(r.file_body, content_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": f'attachment; filename="{r.file_name}"'})
