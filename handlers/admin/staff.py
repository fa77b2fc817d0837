"""Who the signed-in marketer/admin is (/admin/v1/whoami)."""

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from app.auth import require

bp = Blueprint("admin_staff")


@bp.get("/whoami")
@require("marketer", "admin")
async def whoami(request: Request) -> HTTPResponse:
    """Role: marketer, admin."""
    p = request.ctx.principal
    return json({"staff_id": p.subject_id, "role": p.role})

