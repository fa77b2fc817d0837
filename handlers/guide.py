"""Shopping-guide (store staff) API under /guide/v1."""

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from app.auth import require

bp = Blueprint("guide", url_prefix="/guide/v1")


@bp.get("/whoami")
@require("guide", "admin")
async def whoami(request: Request) -> HTTPResponse:
    """Role: guide, admin."""
    p = request.ctx.principal
    return json({"staff_id": p.subject_id, "role": p.role})
