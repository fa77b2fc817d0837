"""Marketer/admin API under /admin/v1: one blueprint group, one blueprint per area."""

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from app.auth import require
from handlers.admin_points import bp as points_bp

core = Blueprint("admin")


@core.get("/whoami")
@require("marketer", "admin")
async def whoami(request: Request) -> HTTPResponse:
    """Role: marketer, admin."""
    p = request.ctx.principal
    return json({"staff_id": p.subject_id, "role": p.role})


bp = Blueprint.group(core, points_bp, url_prefix="/admin/v1")
