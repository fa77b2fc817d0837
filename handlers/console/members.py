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
from app.services.community import admin as community
from app.services.points.admin import adjustments
from app.services.staff.service import names_of
from app.web import field_errors, form_data, page, render, validate, whole_number
from app.web.messages import zh_message
from handlers import Blueprint
from models import AdjustmentRequest, Coupon, MallRedemption, Member, MemberGuide, StaffUser, Store

bp = Blueprint("console_members")

STAFF = ("marketer", "admin")
LOGIN = "/console/login"
PAGE_SIZE = 20
PHONE_MAX = Member._meta.fields_map["phone"].max_length  # a longer search cannot be a phone number
LABELS = {"issued": "未使用", "used": "已使用", "revoked": "已作废", "pending_payment": "待支付", "completed": "已完成",
          "cancelled": "已取消", "expired": "已过期", "refunded": "已退款", "ordered": "待发货", "shipped": "已发货",
          "delivered": "已签收", "booked": "已预约"}
# the ledger's entry kinds and events (`point_entries.kind` / `.event`) as a marketer reads them; a refund entry
# gives points back (a cancelled redemption) or takes them back (a refunded payment), told apart by its sign
ENTRY_KINDS = {"earn": "获得", "spend": "消耗", "expire": "过期", "adjust": "调整", "release": "解冻",
               "refund": "退还"}
CLAWBACK = "扣回"  # a `refund` entry below zero
ENTRY_EVENTS = {"check_in": "每日签到", "checkin_makeup": "补签", "purchase": "消费", "first_purchase": "首单奖励",
                "community_interaction": "社群互动", "invite_accepted": "邀请好友", "share": "分享",
                "profile_completed": "完善资料", "phone_bound": "绑定手机号", "guide_task": "导购任务",
                "wecom_guide_added": "添加导购企业微信", "wecom_group_joined": "加入品牌社群", "adjust": "人工调整",
                "mall_redeem": "积分商城兑换", "mall_hold": "积分商城兑换（积分+现金）", "lottery_draw": "抽奖",
                "lottery_prize": "抽奖中奖"}
# where a guide came from: the WeCom graph, or `member_guides.source` (app/services/staff/assignment.py)
GUIDE_SOURCES = {"primary": "企业微信主导购", "follow": "企业微信导购", "community": "付款时的企业微信主导购",
                 "round_robin": "付款后分配", "daily": "付款后分配", "admin": "管理员指定"}
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


def _entry_labels(e: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """A ledger entry (`queries.entry_view`) with what the page shows instead of codes: its kind, its event
    (`custom:<slug>` as 自定义事件, an unknown one as it is) and, for a staff adjustment (`admin:<role>:<id>`), the
    operator by name."""
    kind = CLAWBACK if e["kind"] == "refund" and e["amount"] < 0 else ENTRY_KINDS.get(e["kind"], e["kind"])
    event = e.get("event") or ""
    event_zh = ENTRY_EVENTS.get(event) or (f"自定义事件 {event[7:]}" if event.startswith("custom:") else event)
    source = e.get("source") or ""
    operator = names.get(source.removeprefix("admin:")) if source.startswith("admin:") else None
    return {**e, "kind_zh": kind, "event_zh": event_zh,
            "source_zh": f"操作人 {operator}" if operator else source}


def _guide_name(staff: StaffUser) -> str:
    """A deactivated guide is still shown (the relation is a fact) but said to be one: no longer serving."""
    return staff.name if staff.active else f"{staff.name}（已停用）"


async def _guides(graph: dict[str, Any], member_id: int) -> list[dict[str, Any]]:
    """The member's guides as `GET /admin/v1/community/members/{id}` lists them (the WeCom graph: active follows,
    the primary first), then the guide a payment (or an admin) assigned when that is someone else. Why both:
    `member_guides` is only written after a payment, so a member who added a guide in WeCom and never paid
    showed 未绑定导购."""
    follows = sorted((f for f in graph["guides"] if f["status"] == "active"), key=lambda f: not f["is_primary"])
    link = await MemberGuide.get_or_none(member_id=member_id)
    ids = {f["staff_id"] for f in follows if f["staff_id"]} | ({link.staff_id} if link else set())
    userids = {f["userid"] for f in follows if not f["staff_id"]}  # a follow recorded before its guide's row
    wanted = [q for q in (Q(id__in=ids) if ids else None, Q(wecom_userid__in=userids) if userids else None) if q]
    staff = await StaffUser.filter(Q(*wanted, join_type="OR")) if wanted else []
    by_id = {s.id: s for s in staff}
    by_userid = {s.wecom_userid: s for s in staff if s.wecom_userid}
    store_ids = {x.store_id for x in staff if x.store_id} | ({link.store_id} if link and link.store_id else set())
    stores = {s.id: s.name for s in await Store.filter(id__in=store_ids)} if store_ids else {}
    guides: list[dict[str, Any]] = []
    seen: set[int] = set()
    for f in follows:
        person = by_id.get(f["staff_id"]) if f["staff_id"] else by_userid.get(f["userid"])
        if person is not None:
            if person.id in seen:
                continue
            seen.add(person.id)
        guides.append({"name": _guide_name(person) if person else f["userid"],
                       "store": stores.get(person.store_id, "") if person and person.store_id else "",
                       "source": GUIDE_SOURCES["primary" if f["is_primary"] else "follow"]})
    if link is not None and link.staff_id not in seen:
        person = by_id.get(link.staff_id)
        guides.append({"name": _guide_name(person) if person else f"#{link.staff_id}",
                       "store": stores.get(link.store_id, "") if link.store_id else "",
                       "source": GUIDE_SOURCES.get(link.source, link.source)})
    return guides


async def _relations(member_id: int) -> dict[str, Any]:
    """Guides and groups from the community graph's service (the admin API's, so both show the same), coupons
    and redemptions (newest first, 20 each)."""
    graph = await community.member_graph(member_id)
    groups = [g for g in graph["groups"] if g["status"] == "active"]
    coupons = await Coupon.filter(member_id=member_id).order_by("-id").limit(PAGE_SIZE)
    redemptions = await MallRedemption.filter(member_id=member_id).order_by("-id").limit(PAGE_SIZE)
    return {"guides": await _guides(graph, member_id), "groups": groups, "coupons": coupons,
            "redemptions": redemptions}


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
    operators = [s.removeprefix("admin:") for e in ledger["items"] if (s := e.get("source") or "").startswith("admin:")]
    names = await names_of([r.requested_by for r in pending] + operators)
    ledger = {**ledger, "items": [_entry_labels(e, names) for e in ledger["items"]]}
    extra.setdefault("form", {"idempotency_key": secrets.token_urlsafe(12)})
    return render(request, "console/member.html", status=status, nav="members", labels=LABELS,
                  m=detail["member"], points=detail["points"], ledger=ledger, requests=pending, names=names,
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
                  next_cursor=listing.get("next_cursor"),
                  names=await names_of(str(r["requested_by"] or "") for r in listing["items"]))


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
