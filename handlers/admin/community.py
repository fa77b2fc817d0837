"""WeCom community for operators under /admin/v1: interaction sources, the graph, recorded events."""

from typing import Literal

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.services.community import admin as svc
from app.services.community import interactions, service
from app.services.points.admin.common import operator_of
from app.validation import body, query
from handlers import Blueprint

bp = Blueprint("admin_community")

STAFF = ("marketer", "admin")


class PageQuery(BaseModel):
    cursor: int | None = Field(default=None, ge=0, le=2**62)
    limit: int = Field(default=50, ge=1, le=100)


class EventQuery(PageQuery):
    status: Literal["pending", "processing", "done", "ignored", "failed"] | None = None


@bp.post("/community/sources")
@require("admin")
@body(interactions.SourceIn)
async def create_source(request: Request) -> HTTPResponse:
    """Role: admin. A caller of POST /community/v1/interactions; its `secret` is shown in this answer only."""
    source, secret = await interactions.create_source(request.ctx.body.name, request.app.ctx.rt.clock.now())
    return json(interactions.source_view(source) | {"secret": secret}, status=201)


@bp.get("/community/members/<member_id:int>")
@require(*STAFF)
async def member_graph(request: Request, member_id: int) -> HTTPResponse:
    """Role: marketer, admin. The member's WeCom contacts, guides (with channel state), groups and tags."""
    return json(await svc.member_graph(member_id))


@bp.get("/community/guides/<userid:str>/customers")
@require(*STAFF)
@query(PageQuery)
async def guide_customers(request: Request, userid: str) -> HTTPResponse:
    """Role: marketer, admin. The guide's customers (follows in any status), by id."""
    q: PageQuery = request.ctx.query
    return json(await svc.guide_customers(userid[:64], q.cursor, q.limit))


@bp.get("/community/events")
@require(*STAFF)
@query(EventQuery)
async def list_events(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Recorded WeCom callbacks, newest first (unknown events: status ignored)."""
    q: EventQuery = request.ctx.query
    return json(await svc.list_events(q.status, q.cursor, q.limit))


@bp.post("/community/events/<event_id:int>/retry")
@require("admin")
async def retry_event(request: Request, event_id: int) -> HTTPResponse:
    """Role: admin. Re-process an `ignored` or `failed` event (audited; a repeat while it is pending changes
    nothing). 200 with `requeued`; 404 unknown; 409 already done. The worker is woken at once."""
    rt = request.app.ctx.rt
    view, requeued = await svc.retry_event(event_id, operator_of(request.ctx.principal), rt.clock.now())
    if requeued:
        service.signal(rt)
    return json({"event": view, "requeued": requeued})
