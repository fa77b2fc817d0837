"""A shopping guide's SOP tasks under /guide/v1: only their own assignments (another guide's is a 404)."""

from typing import Literal

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.services.sop import service as svc
from app.validation import body, query
from handlers import Blueprint

bp = Blueprint("guide_sop")


class TasksQuery(BaseModel):
    state: Literal["open", "done", "overdue"] | None = None
    cursor: int | None = Field(default=None, ge=1, le=2**62)
    limit: int = Field(default=50, ge=1, le=100)


@bp.get("/tasks")
@require("guide")
@query(TasksQuery)
async def my_tasks(request: Request) -> HTTPResponse:
    """Role: guide. My assignments, newest first, optionally by state."""
    q: TasksQuery = request.ctx.query
    return json(await svc.list_mine(request.ctx.principal.subject_id, q.state, q.cursor, q.limit))


@bp.get("/tasks/<assignment_id:int>")
@require("guide")
async def my_task(request: Request, assignment_id: int) -> HTTPResponse:
    """Role: guide. The task, my customers for it and the text to forward in one click."""
    return json(await svc.detail(request.ctx.principal.subject_id, assignment_id))


@bp.post("/tasks/<assignment_id:int>/complete")
@require("guide")
@body(svc.CompleteIn)
async def complete(request: Request, assignment_id: int) -> HTTPResponse:
    """Role: guide. Done: quiz answers (learning), confirmation (community), or jifen checks WeCom (messages
    sent, tags on the customers); 409 while WeCom does not show it."""
    return json(await svc.complete(request.app.ctx.rt, request.ctx.principal.subject_id, assignment_id,
                                   request.ctx.body))


@bp.post("/tasks/<assignment_id:int>/tag")
@require("guide")
@body(svc.TagIn)
async def tag(request: Request, assignment_id: int) -> HTTPResponse:
    """Role: guide. Tagging tasks: jifen tags my targeted customers in WeCom as me (mark_tag), then checks
    WeCom; done when every one carries the tags (`missing` says how many do not yet)."""
    return json(await svc.tag_for_guide(request.app.ctx.rt, request.ctx.principal.subject_id, assignment_id,
                                        request.ctx.body))


@bp.get("/stats")
@require("guide")
async def my_stats(request: Request) -> HTTPResponse:
    """Role: guide. My completion and my customers' activity (30 days)."""
    return json(await svc.stats(request.ctx.principal.subject_id, request.app.ctx.rt.clock.now()))
