"""Who the signed-in shopping guide is (/guide/v1/whoami)."""

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from app.auth import require

bp = Blueprint("guide_staff")


@bp.get("/whoami")
@require("guide", "admin")
async def whoami(request: Request) -> HTTPResponse:
    """Role: guide, admin."""
    p = request.ctx.principal
    return json({"staff_id": p.subject_id, "role": p.role})
