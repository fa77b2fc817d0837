"""The signed-in shopping guide: WeCom workbench sign-in, who am I, my profile and contact card."""

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.errors import NotFound
from app.services.staff import cards, wecom_signin
from app.services.staff.stores import store_view
from app.validation import body, query
from app.wechat import errors as wx
from handlers import Blueprint
from models import StaffUser, Store

bp = Blueprint("guide_staff")


class WeComSignIn(BaseModel):
    code: str = Field(min_length=1, max_length=512, description="the code WeCom OAuth appended to the page URL")


class AuthorizeQuery(BaseModel):
    state: str = Field(default="jifen", min_length=1, max_length=128, pattern=r"^[A-Za-z0-9]+$")
    redirect_uri: str | None = Field(default=None, min_length=8, max_length=1024, pattern=r"^https?://")


@bp.get("/whoami")
@require("guide", "admin")
async def whoami(request: Request) -> HTTPResponse:
    """Role: guide, admin."""
    p = request.ctx.principal
    return json({"staff_id": p.subject_id, "role": p.role})


@bp.get("/auth/wecom/url")
@query(AuthorizeQuery)
async def wecom_authorize_url(request: Request) -> HTTPResponse:
    """Public. The WeCom OAuth link the workbench entry opens (scope snsapi_base); WeCom returns to the page
    with ?code=, which the page posts to /guide/v1/auth/wecom."""
    q: AuthorizeQuery = request.ctx.query
    return json({"url": wecom_signin.authorize_url(request.app.ctx.rt, q.state, q.redirect_uri)})


@bp.post("/auth/wecom")
@body(WeComSignIn)
async def wecom_sign_in(request: Request) -> HTTPResponse:
    """Public. Exchange a WeCom OAuth code (single use, 5 minutes) for a guide token."""
    return json(await wecom_signin.sign_in(request.app.ctx.rt, request.ctx.body.code))


@bp.get("/me")
@require("guide")
async def me(request: Request) -> HTTPResponse:
    """Role: guide. My profile, my store and my contact card; the contact-me QR is created on first view
    (once, even under concurrent views). Only ever the caller's own."""
    rt = request.app.ctx.rt
    staff = await StaffUser.get_or_none(id=request.ctx.principal.subject_id)
    if staff is None:
        raise NotFound("no such staff user", code="staff_not_found")
    card_error = None
    try:
        card = await cards.ensure_card(rt, staff)
    except wx.WeChatError as exc:  # the profile still shows; the QR comes on a later view or from the outbox
        card_error = type(exc).__name__
        card = await cards.card_row(staff.id, rt.clock.now())
    store = await Store.get_or_none(id=staff.store_id) if staff.store_id else None
    return json({"staff": {"id": staff.id, "name": staff.name, "role": staff.role,
                           "wecom_userid": staff.wecom_userid},
                 "store": store_view(store) if store else None,
                 "card": cards.card_view(staff, card), "card_error": card_error})
