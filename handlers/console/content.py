"""The content calendar in the console: the month grid (editions, member-day campaigns, reminder waves, plans) and
an edition's create / edit / preview / schedule / cancel forms. Every change goes through
app/services/content (the same functions the /admin/v1 JSON routes call); a refusal is shown next to its field.
"""

from __future__ import annotations

import base64
import calendar as cal
from datetime import date, datetime, time
from typing import Any

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from app.clock import SHANGHAI
from app.errors import ApiError, ValidationFailed
from app.services.content import calendar, editions, images
from app.web import field_errors, form_data, page, render, validate
from app.web.messages import zh_message

bp = Blueprint("console_content")

LOGIN = "/console/login"
STAFF = ("marketer", "admin")
WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")
# API field -> form field, so the service's own message lands next to the input
FIELDS = {"title": "title", "mode": "mode", "tag_id": "mode", "articles": "article_title",
          "articles.0.title": "article_title", "articles.0.content": "article_content",
          "articles.0.cover_image_id": "cover", "articles.0.digest": "article_title", "filename": "cover",
          "data_base64": "cover", "at": "at", "openid": "openid"}


def _month_of(request: Request) -> str:
    month = request.args.get("month") or ""
    try:
        validate(calendar.MonthQuery, {"month": month})
        return month
    except ValidationFailed:
        return request.app.ctx.rt.clock.today().strftime("%Y-%m")


def _shift(month: str, delta: int) -> str:
    y, m = (int(x) for x in month.split("-"))
    m += delta
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return f"{y:04d}-{m:02d}"


@bp.get("/calendar")
@page(*STAFF, login=LOGIN)
async def month(request: Request) -> HTTPResponse:
    """Role: marketer, admin. ?month=YYYY-MM (default: this month)."""
    rt = request.app.ctx.rt
    m = _month_of(request)
    view = await calendar.month_view(rt, m)
    by_day = {d["date"]: d for d in view["days"]}
    y, mo = (int(x) for x in m.split("-"))
    weeks = [[{**(by_day.get(d.isoformat()) or {}), "date": d, "in_month": d.month == mo} for d in week]
             for week in cal.Calendar(0).monthdatescalendar(y, mo)]
    return render(request, "console/calendar.html", nav="calendar", month=m, weeks=weeks, totals=view["totals"],
                  weekdays=WEEKDAYS, prev=_shift(m, -1), next=_shift(m, 1), today=rt.clock.today())


def _at(data: dict[str, str]) -> datetime | None:
    """The form's date + time (Asia/Shanghai) as an aware datetime; None when both are blank."""
    day, hm = data.get("date", ""), data.get("time", "")
    if not day and not hm:
        return None
    try:
        return datetime.combine(date.fromisoformat(day), time.fromisoformat(hm or "09:00"), SHANGHAI)
    except ValueError as exc:
        raise ValidationFailed("at: a date (YYYY-MM-DD) and a time (HH:MM)",
                               details=[{"field": "at", "message": "请填写有效的日期和时间"}]) from exc


async def _cover(request: Request) -> int:
    """Upload the form's cover file through the official account (permanent material), as the API's upload."""
    upload = request.files.get("cover") if request.files else None
    if upload is None or not upload.body:
        raise ValidationFailed("a cover image is required", details=[{"field": "articles.0.cover_image_id",
                                                                       "message": "请上传封面图片"}])
    data = validate(images.ImageIn, {"filename": upload.name or "", "purpose": "cover",
                                     "data_base64": base64.b64encode(upload.body).decode()})
    img = await images.upload(request.app.ctx.rt, data)
    return int(img.id)


def _edition_in(data: dict[str, str], cover_id: int) -> dict[str, Any]:
    return {"title": data.get("title", ""), "mode": data.get("mode") or "publish",
            "articles": [{"role": "headline", "title": data.get("article_title", ""),
                          "content": data.get("article_content", ""), "digest": data.get("digest", ""),
                          "cover_image_id": cover_id}]}


@bp.get("/editions/new")
@page(*STAFF, login=LOGIN)
async def new_edition(request: Request) -> HTTPResponse:
    """Role: marketer, admin. ?date=YYYY-MM-DD prefills the day (from the calendar)."""
    return render(request, "console/edition_new.html", nav="calendar",
                  form={"date": request.args.get("date", ""), "time": "09:00", "mode": "publish"})


@bp.post("/editions")
@page(*STAFF, login=LOGIN)
async def create_edition(request: Request) -> HTTPResponse:
    """Role: marketer, admin. A one-article edition (headline) with its cover; scheduled when a date is given."""
    rt = request.app.ctx.rt
    data = form_data(request)
    try:
        at = _at(data)
        validate(editions.EditionIn, _edition_in(data, 1))  # every field checked before the cover goes to WeChat
        body = validate(editions.EditionIn, _edition_in(data, await _cover(request)))
    except ApiError as exc:
        return render(request, "console/edition_new.html", status=exc.status, nav="calendar", form=data,
                      errors=field_errors(exc, FIELDS))
    ed = await editions.create(rt, body, request.ctx.principal.subject_id)
    if at is not None:
        try:
            ed = await editions.schedule(rt, ed["id"], at)
        except ApiError as exc:  # the draft is kept: show it with the refusal next to the time
            return await _edition_page(request, ed["id"], exc.status, {"at": field_errors(exc, FIELDS)},
                                       form=data)
        return redirect(f"/console/calendar?month={at.strftime('%Y-%m')}#edition-{ed['id']}", status=303)
    return redirect(f"/console/editions/{ed['id']}", status=303)


async def _edition_page(request: Request, edition_id: int, status: int = 200,
                        errors: dict[str, dict[str, str]] | None = None, form: dict[str, str] | None = None
                        ) -> HTTPResponse:
    ed = await editions.get(edition_id)
    at = datetime.fromisoformat(ed["scheduled_at"]) if ed["scheduled_at"] else None
    defaults = {"title": ed["title"], "mode": ed["mode"], "date": at.date().isoformat() if at else "",
                "time": at.strftime("%H:%M") if at else "09:00"}
    return render(request, "console/edition.html", status=status, nav="calendar", ed=ed,
                  form={**defaults, **(form or {})}, errs=errors or {}, editable=ed["status"] in editions.EDITABLE,
                  schedulable=ed["status"] in (*editions.EDITABLE, "failed"),
                  cancellable=ed["status"] in (*editions.EDITABLE, "failed"))


@bp.get("/editions/<edition_id:int>")
@page(*STAFF, login=LOGIN)
async def edition(request: Request, edition_id: int) -> HTTPResponse:
    """Role: marketer, admin. The edition, its articles and status, with its forms."""
    try:
        return await _edition_page(request, edition_id)
    except ApiError as exc:
        return render(request, "forbidden.html", status=exc.status, message=zh_message(exc))


async def _act(request: Request, edition_id: int, form_name: str, action: Any) -> HTTPResponse:
    data = form_data(request)
    try:
        await action(data)
    except ApiError as exc:
        if exc.status == 404:
            return render(request, "forbidden.html", status=404, message=zh_message(exc))
        return await _edition_page(request, edition_id, exc.status, {form_name: field_errors(exc, FIELDS)}, data)
    return redirect(f"/console/editions/{edition_id}", status=303)


@bp.post("/editions/<edition_id:int>")
@page(*STAFF, login=LOGIN)
async def edit_edition(request: Request, edition_id: int) -> HTTPResponse:
    """Role: marketer, admin. Change the title or mode of a draft or scheduled edition."""
    async def go(data: dict[str, str]) -> None:
        patch = validate(editions.EditionPatch, {"title": data.get("title", ""), "mode": data.get("mode") or None})
        await editions.update(request.app.ctx.rt, edition_id, patch)

    return await _act(request, edition_id, "edit", go)


@bp.post("/editions/<edition_id:int>/schedule")
@page(*STAFF, login=LOGIN)
async def schedule_edition(request: Request, edition_id: int) -> HTTPResponse:
    """Role: marketer, admin. Schedule or reschedule (a past time or a full mass quota is refused)."""
    async def go(data: dict[str, str]) -> None:
        at = _at(data)
        if at is None:
            raise ValidationFailed("at: required", details=[{"field": "at", "message": "请填写日期和时间"}])
        await editions.schedule(request.app.ctx.rt, edition_id, at)

    return await _act(request, edition_id, "schedule", go)


@bp.post("/editions/<edition_id:int>/cancel")
@page(*STAFF, login=LOGIN)
async def cancel_edition(request: Request, edition_id: int) -> HTTPResponse:
    """Role: marketer, admin."""
    async def go(_: dict[str, str]) -> None:
        await editions.cancel(request.app.ctx.rt, edition_id)

    return await _act(request, edition_id, "cancel", go)


@bp.post("/editions/<edition_id:int>/preview")
@page(*STAFF, login=LOGIN)
async def preview_edition(request: Request, edition_id: int) -> HTTPResponse:
    """Role: marketer, admin. Send the edition to one follower's openid (the marketer's own phone)."""
    async def go(data: dict[str, str]) -> None:
        body = validate(editions.PreviewIn, {"openid": data.get("openid", "")})
        await editions.preview(request.app.ctx.rt, edition_id, body.openid)

    return await _act(request, edition_id, "preview", go)
