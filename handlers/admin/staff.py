"""Staff under /admin/v1: who is signed in; admins deactivate, reactivate and revoke staff tokens."""

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.services.staff import service as staff

bp = Blueprint("admin_staff")


@bp.get("/whoami")
@require("marketer", "admin")
async def whoami(request: Request) -> HTTPResponse:
    """Role: marketer, admin."""
    p = request.ctx.principal
    return json({"staff_id": p.subject_id, "role": p.role})


async def _change(request: Request, staff_id: int, **change: object) -> HTTPResponse:
    rt = request.app.ctx.rt
    user = await staff.change_staff(rt.redis, rt.prefix, staff_id, rt.clock.now(), **change)  # type: ignore[arg-type]
    return json(staff.staff_view(user))


@bp.post("/staff/<staff_id:int>/deactivate")
@require("admin")
async def deactivate_staff(request: Request, staff_id: int) -> HTTPResponse:
    """Role: admin. The staff user's tokens stop working at once; reactivation needs a new token."""
    return await _change(request, staff_id, active=False)


@bp.post("/staff/<staff_id:int>/activate")
@require("admin")
async def activate_staff(request: Request, staff_id: int) -> HTTPResponse:
    """Role: admin. Tokens revoked by the deactivation stay revoked: issue a new one."""
    return await _change(request, staff_id, active=True)


@bp.post("/staff/<staff_id:int>/revoke-tokens")
@require("admin")
async def revoke_staff_tokens(request: Request, staff_id: int) -> HTTPResponse:
    """Role: admin. Every token issued to this staff user so far stops working (e.g. one leaked)."""
    return await _change(request, staff_id, revoke=True)

