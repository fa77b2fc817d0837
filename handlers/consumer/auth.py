"""Login, profile and phone binding."""

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.ratelimit import client_ip
from app.services.members import service as members
from app.services.staff.assignment import card_for_member
from app.validation import body
from handlers import Blueprint

bp = Blueprint("consumer_auth")


class LoginBody(BaseModel):
    code: str = Field(min_length=1, max_length=128, description="wx.login code")
    invite_code: str | None = Field(default=None, min_length=4, max_length=16)


class ProfileBody(BaseModel):
    nickname: str = Field(min_length=1, max_length=32)


class PhoneBody(BaseModel):
    code: str = Field(min_length=1, max_length=128, description="getPhoneNumber button code")


@bp.post("/auth/login")
@body(LoginBody)
async def login(request: Request) -> HTTPResponse:
    """Public. Exchange a wx.login code for a jifen token (the session_key never leaves the server)."""
    b: LoginBody = request.ctx.body
    result = await members.login(request.app.ctx.rt, b.code, b.invite_code, ip=client_ip(request))
    return json({"token": result.token, "member": result.view, "created": result.created},
                status=201 if result.created else 200)


@bp.get("/me")
@require("member")
async def me(request: Request) -> HTTPResponse:
    """Role: member. The profile and the member's guide card (name, avatar, contact-me QR), or null."""
    member = await members.get_member(request.ctx.principal.member_id)
    card = await card_for_member(member.id)
    return json({"member": members.member_view(member), "guide": card.view() if card else None})


@bp.patch("/me")
@require("member")
@body(ProfileBody)
async def update_me(request: Request) -> HTTPResponse:
    """Role: member. Edit the profile; nickname + phone complete the profile newbie task."""
    member = await members.update_profile(request.app.ctx.rt, request.ctx.principal.member_id,
                                          request.ctx.body.nickname)
    return json({"member": members.member_view(member)})


@bp.post("/me/phone")
@require("member")
@body(PhoneBody)
async def bind_phone(request: Request) -> HTTPResponse:
    """Role: member. Bind the phone number from a getPhoneNumber code."""
    member = await members.bind_phone(request.app.ctx.rt, request.ctx.principal.member_id, request.ctx.body.code)
    return json({"member": members.member_view(member)})
