"""Community in the console: the interaction sources (callers of `/community/v1/interactions`) and the recorded
WeCom callbacks, through the same services as `/admin/v1/community/*`.

A new source's secret is shown once, on the page that answers the creation (never stored in a URL, never shown
again: it is the HMAC key the caller signs with). Unknown (`ignored`) and `failed` events are listed with a retry
button for admins, which requeues the event and wakes the worker as the API's retry does.
"""

from __future__ import annotations

from typing import Any

from sanic import Request
from sanic.response import HTTPResponse, redirect

from app.errors import ApiError
from app.services.community import admin as svc
from app.services.community import interactions, service
from app.services.points.admin.common import operator_of
from app.web import field_errors, form_data, page, render, validate, whole_number
from app.web.messages import zh_message
from handlers import Blueprint
from models import CommunitySource

bp = Blueprint("console_community")

STAFF = ("marketer", "admin")
LOGIN = "/console/login"
PAGE_SIZE = 50
STATUSES = {"ignored": "未知事件", "failed": "处理失败", "pending": "待处理", "processing": "处理中", "done": "已处理"}


async def _page(request: Request, status: int = 200, **extra: Any) -> HTTPResponse:
    wanted = request.args.get("status", "ignored")
    wanted = wanted if wanted in STATUSES or wanted == "all" else "ignored"
    cursor = request.args.get("cursor", "")
    events = await svc.list_events(None if wanted == "all" else wanted, whole_number(cursor),
                                   PAGE_SIZE)
    sources = [interactions.source_view(s) for s in await CommunitySource.all().order_by("id")]
    return render(request, "console/community.html", status=status, nav="community", sources=sources,
                  events=events["items"], next_cursor=events["next_cursor"], wanted=wanted, statuses=STATUSES,
                  **extra)


@bp.get("/community")
@page(*STAFF, login=LOGIN)
async def community(request: Request) -> HTTPResponse:
    """Role: marketer, admin. ?status=ignored (default) | failed | pending | processing | done | all."""
    return await _page(request)


@bp.post("/community/sources")
@page("admin", login=LOGIN)
async def create_source(request: Request) -> HTTPResponse:
    """Role: admin. The answer shows the new secret, once."""
    rt = request.app.ctx.rt
    data = form_data(request)
    try:
        body = validate(interactions.SourceIn, {"name": data.get("name", "")})
    except ApiError as exc:
        return await _page(request, status=exc.status, form=data, errors=field_errors(exc, {"name": "name"}))
    source, secret = await interactions.create_source(body.name, rt.clock.now())
    return await _page(request, status=201, created={**interactions.source_view(source), "secret": secret})


@bp.post("/community/events/<event_id:int>/retry")
@page("admin", login=LOGIN)
async def retry(request: Request, event_id: int) -> HTTPResponse:
    """Role: admin. Requeue an ignored or failed event; a done or unknown one is answered on the page."""
    rt = request.app.ctx.rt
    try:
        _, requeued = await svc.retry_event(event_id, operator_of(request.ctx.principal), rt.clock.now())
    except ApiError as exc:
        return await _page(request, status=exc.status, errors={"_": zh_message(exc)})
    if requeued:
        service.signal(rt)
    return redirect(f"/console/community?status={form_data(request).get('status') or 'ignored'}"
                    f"&retried={event_id}")
