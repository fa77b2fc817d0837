"""Members in the console: search by phone or id, one member's page (balance, ledger paged, tier, guides, groups,
coupons, mall redemptions) and a manual adjustment with a reason.

The adjustment goes through the very service `/admin/v1/members/<id>/adjustments` calls, so the marketer's
per-adjustment and per-day limits hold here too: above them the service answers 403 approval_required and the page
shows it with a button that files the adjustment request (`/admin/v1/adjustment-requests`' service) under the same
idempotency key, so it can never be applied twice. Admins see the pending requests and approve or reject them.
"""

from __future__ import annotations

import secrets
from typing import Any

from sanic import Request
from sanic.response import HTTPResponse, redirect
from tortoise.expressions import Q

from app.errors import ApiError, NotFound
from app.services.points.admin import adjustments
from app.web import field_errors, form_data, page, render, validate, whole_number
from app.web.messages import zh_message
from handlers import Blueprint
from models import (
    AdjustmentRequest,
    Coupon,
    CustomerGroup,
    ExternalContact,
    GroupMember,
    MallRedemption,
    Member,
    MemberGuide,
    StaffUser,
    Store,
)

bp = Blueprint("console_members")

STAFF = ("marketer", "admin")
LOGIN = "/console/login"
PAGE_SIZE = 20
PHONE_MAX = Member._meta.fields_map["phone"].max_length  # a longer search cannot be a phone number
LABELS = {"issued": "未使用", "used": "已使用", "revoked": "已作废", "pending_payment": "待支付", "completed": "已完成",
          "cancelled": "已取消", "expired": "已过期", "refunded": "已退款", "ordered": "待发货", "shipped": "已发货",
          "delivered": "已签收", "booked": "已预约"}
# API field -> form field, so the service's own messages land next to the input
FIELDS = {"amount": "amount", "reason": "reason", "expires_at": "amount", "idempotency_key": "amount"}


def _adjustment_in(data: dict[str, str]) -> dict[str, Any]:
    return {"amount": data.get("amount", ""), "reason": data.get("reason", ""),
            "idempotency_key": data.get("idempotency_key", "")}


@bp.get("/members")
@page(*STAFF, login=LOGIN)
async def search(request: Request) -> HTTPResponse:
    """Role: marketer, admin. ?q= a phone number (exact) or a member id; ?before= pages the list (newest first)."""
    q = (request.args.get("q") or "").strip()
    before = request.args.get("before", "")
    query = Member.all()
    if q:
        # a phone number (exact) or, when it is a number, a member id too; longer than any phone (and than any id)
        # it finds nothing, without asking (the ORM refuses to compare a value longer than the column)
        member_id = whole_number(q)
        if len(q) > PHONE_MAX:
            query = Member.filter(id__in=[])
        else:
            query = Member.filter(Q(phone=q) | Q(id=member_id)) if member_id is not None else Member.filter(phone=q)
    if (cursor := whole_number(before)) is not None:
        query = query.filter(id__lt=cursor)
    rows = await query.order_by("-id").limit(PAGE_SIZE + 1)
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return render(request, "console/members.html", nav="members", q=q, members=rows,
                  next_before=rows[-1].id if more else None,
                  pending_requests=await AdjustmentRequest.filter(state="pending").count())


async def _relations(member_id: int) -> dict[str, Any]:
    """Guides, groups, coupons and redemptions of one member (newest first, 20 each)."""
    guides = []
    link = await MemberGuide.get_or_none(member_id=member_id)
    if link is not None:
        staff = await StaffUser.get_or_none(id=link.staff_id)
        store = await Store.get_or_none(id=link.store_id) if link.store_id else None
        guides.append({"name": staff.name if staff else f"#{link.staff_id}", "store": store.name if store else "",
                       "source": link.source})
    contacts = [c.external_userid for c in await ExternalContact.filter(member_id=member_id)]
    chat_ids = [g.chat_id for g in await GroupMember.filter(userid__in=contacts, kind="external", status="active")] \
        if contacts else []
    groups = await CustomerGroup.filter(chat_id__in=chat_ids).order_by("id") if chat_ids else []
    coupons = await Coupon.filter(member_id=member_id).order_by("-id").limit(PAGE_SIZE)
    redemptions = await MallRedemption.filter(member_id=member_id).order_by("-id").limit(PAGE_SIZE)
    return {"guides": guides, "groups": groups, "coupons": coupons, "redemptions": redemptions}


async def _member_page(request: Request, member_id: int, status: int = 200, **extra: Any) -> HTTPResponse:
    rt = request.app.ctx.rt
    try:
        detail = await adjustments.member_detail(rt, member_id)
        ledger = await adjustments.member_ledger(member_id, request.args.get("cursor") or None, PAGE_SIZE)
    except NotFound:
        return render(request, "forbidden.html", status=404, message="没有这个会员")
    except ApiError as exc:  # a malformed ledger cursor
        return render(request, "forbidden.html", status=exc.status, message=zh_message(exc))
    pending = await AdjustmentRequest.filter(member_id=member_id, state="pending").order_by("id")
    extra.setdefault("form", {"idempotency_key": secrets.token_urlsafe(12)})
    return render(request, "console/member.html", status=status, nav="members", labels=LABELS,
                  m=detail["member"], points=detail["points"], ledger=ledger, requests=pending,
                  **await _relations(member_id), **extra)


@bp.get("/members/<member_id:int>")
@page(*STAFF, login=LOGIN)
async def member(request: Request, member_id: int) -> HTTPResponse:
    """Role: marketer, admin. ?cursor= pages the ledger (the API's keyset cursor)."""
    return await _member_page(request, member_id)


@bp.post("/members/<member_id:int>/adjustments")
@page(*STAFF, login=LOGIN)
async def adjust(request: Request, member_id: int) -> HTTPResponse:
    """Role: marketer, admin. 403 approval_required above a marketer's limits: shown with the request button."""
    rt = request.app.ctx.rt
    data = form_data(request)
    try:
        body = validate(adjustments.AdjustmentIn, _adjustment_in(data))
        result, _ = await adjustments.adjust_points(rt, member_id, body, request.ctx.principal)
    except NotFound:
        return render(request, "forbidden.html", status=404, message="没有这个会员")
    except ApiError as exc:
        approval = exc.code == "approval_required"
        return await _member_page(request, member_id, status=exc.status, form=data, approval=approval,
                                  errors={"_": zh_message(exc)} if approval else field_errors(exc, FIELDS))
    entry = result["entry"]
    return redirect(f"/console/members/{member_id}?done=entry-{entry['id']}")


@bp.post("/members/<member_id:int>/adjustment-requests")
@page(*STAFF, login=LOGIN)
async def file_request(request: Request, member_id: int) -> HTTPResponse:
    """Role: marketer, admin. File the refused adjustment for an admin to approve (same idempotency key)."""
    rt = request.app.ctx.rt
    data = form_data(request)
    try:
        body = validate(adjustments.AdjustmentRequestIn, {**_adjustment_in(data), "member_id": member_id})
        view, _ = await adjustments.create_request(rt, body, request.ctx.principal)
    except NotFound:
        return render(request, "forbidden.html", status=404, message="没有这个会员")
    except ApiError as exc:
        return await _member_page(request, member_id, status=exc.status, form=data,
                                  errors=field_errors(exc, FIELDS))
    return redirect(f"/console/members/{member_id}?done=request-{view['id']}")


@bp.get("/adjustment-requests")
@page(*STAFF, login=LOGIN)
async def requests_queue(request: Request) -> HTTPResponse:
    """Role: marketer, admin. The pending adjustment requests, oldest first (the admins' approval queue)."""
    cursor = request.args.get("cursor", "")
    listing = await adjustments.list_requests("pending", whole_number(cursor), PAGE_SIZE)
    return render(request, "console/adjustment_requests.html", nav="members", requests=listing["items"],
                  next_cursor=listing.get("next_cursor"))


@bp.post("/adjustment-requests/<request_id:int>/<decision:approve|reject>")
@page("admin", login=LOGIN)
async def decide(request: Request, request_id: int, decision: str) -> HTTPResponse:
    """Role: admin. Approve (applied through the ledger exactly once) or reject a pending request."""
    rt = request.app.ctx.rt
    req = await AdjustmentRequest.get_or_none(id=request_id)
    if req is None:
        return render(request, "forbidden.html", status=404, message="没有这个审批申请")
    note = form_data(request).get("note") or None
    try:
        if decision == "approve":
            await adjustments.approve_request(rt, request_id, note, request.ctx.principal)
        else:
            await adjustments.reject_request(rt, request_id, note, request.ctx.principal)
    except ApiError as exc:
        return await _member_page(request, req.member_id, status=exc.status, errors={"_": zh_message(exc)})
    if form_data(request).get("back") == "queue":
        return redirect(f"/console/adjustment-requests?done=request-{request_id}-{decision}")
    return redirect(f"/console/members/{req.member_id}?done=request-{request_id}-{decision}")
