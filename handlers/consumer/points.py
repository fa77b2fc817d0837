"""Member points API: balance, ledger, check-ins, missions, invitations. Role: member on every route."""

from datetime import date

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, json

from app import ratelimit
from app.auth import require
from app.ratelimit import client_ip
from app.services.members import service as members
from app.services.points import checkin, queries
from app.validation import body, query
from handlers import Blueprint

bp = Blueprint("consumer_points")


class LedgerQuery(BaseModel):
    cursor: str | None = Field(default=None, max_length=64)
    limit: int = Field(default=20, ge=1, le=100)


class CalendarQuery(BaseModel):
    month: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}$")


class MakeupBody(BaseModel):
    day: date


@bp.get("/points")
@require("member")
async def points(request: Request) -> HTTPResponse:
    """Role: member. Balance, pending, tier progress, every upcoming expiry."""
    return json(await queries.summary(request.app.ctx.rt, request.ctx.principal.member_id))


@bp.get("/points/ledger")
@require("member")
@query(LedgerQuery)
async def ledger(request: Request) -> HTTPResponse:
    """Role: member. Newest first; pass `next_cursor` back as `cursor`."""
    q: LedgerQuery = request.ctx.query
    return json(await queries.ledger_page(request.ctx.principal.member_id, q.cursor, q.limit))


@bp.post("/checkins")
@require("member")
async def check_in(request: Request) -> HTTPResponse:
    """Role: member. Check today in (Asia/Shanghai); a second call the same day awards nothing."""
    rt = request.app.ctx.rt
    member_id = request.ctx.principal.member_id
    limits = rt.settings.ratelimit
    await ratelimit.enforce(rt, "checkin", [("member", str(member_id), limits.checkin_per_member),
                                            ("ip", client_ip(request), limits.checkin_per_ip)])
    result = await checkin.check_in(rt, member_id)
    return json(result, status=201 if result["checked_in"] else 200)


@bp.get("/checkins")
@require("member")
@query(CalendarQuery)
async def calendar(request: Request) -> HTTPResponse:
    """Role: member. The month's check-in calendar, streak and make-ups left."""
    return json(await checkin.calendar(request.app.ctx.rt, request.ctx.principal.member_id,
                                       request.ctx.query.month))


@bp.post("/checkins/makeup")
@require("member")
@body(MakeupBody)
async def makeup(request: Request) -> HTTPResponse:
    """Role: member. Make up a missed day of the current month (counts against the check-in rate limits)."""
    rt = request.app.ctx.rt
    member_id = request.ctx.principal.member_id
    limits = rt.settings.ratelimit
    await ratelimit.enforce(rt, "checkin", [("member", str(member_id), limits.checkin_per_member),
                                            ("ip", client_ip(request), limits.checkin_per_ip)])
    result = await checkin.makeup(rt, member_id, request.ctx.body.day)
    return json(result, status=201)


@bp.get("/missions")
@require("member")
async def missions(request: Request) -> HTTPResponse:
    """Role: member. Newbie and daily missions (once-per-member and daily-capped rules) with progress."""
    member = await members.get_member(request.ctx.principal.member_id)
    return json(await queries.missions(request.app.ctx.rt, member))


@bp.get("/invitation")
@require("member")
async def invitation(request: Request) -> HTTPResponse:
    """Role: member. My invitation code and how many people it brought in."""
    from models import Member

    member = await members.get_member(request.ctx.principal.member_id)
    invited = await Member.filter(invited_by_id=member.id).count()
    return json({"invite_code": member.invite_code, "invited": invited})
