"""The content calendar in the console: the month grid (editions, member-day campaigns, reminder waves, plans) and
an edition's create / edit / preview / schedule / cancel forms. Every change goes through
app/services/content (the same functions the /admin/v1 JSON routes call); a refusal is shown next to its field.
"""

from __future__ import annotations

import base64
import calendar as cal
from datetime import date, datetime, time
from typing import Any

from sanic import Request
from sanic.request import File
from sanic.response import HTTPResponse, redirect

from app.clock import SHANGHAI
from app.errors import ApiError, ValidationFailed
from app.services.content import calendar, editions, images
from app.web import field_errors, form_action, form_data, page, render, validate
from app.web.messages import zh_message
from handlers import Blueprint, accepts_upload

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
    """The form's date + time (Asia/Shanghai) as an aware datetime; None when the date is blank. Why the date
    alone decides: the new-edition form prefills the time (09:00) and says "留空则存为草稿" of the date, so a
    time without a date is a draft, not a refusal; a date without a time is 09:00."""
    day, hm = data.get("date", ""), data.get("time", "")
    if not day:
        return None
    try:
        return datetime.combine(date.fromisoformat(day), time.fromisoformat(hm or "09:00"), SHANGHAI)
    except ValueError as exc:
        raise ValidationFailed("at: a date (YYYY-MM-DD) and a time (HH:MM)",
                               details=[{"field": "at", "message": "请填写有效的日期和时间"}]) from exc


def _cover_file(request: Request) -> File | None:
    """The posted cover file, or None when none was chosen (a browser posts an empty part then)."""
    upload = request.files.get("cover") if request.files else None
    return upload if upload is not None and upload.body else None


async def _cover(request: Request, field: str = "articles.0.cover_image_id") -> int:
    """Upload the form's cover file through the official account (permanent material), as the API's upload: the
    same checks of its name and of its bytes (a text file renamed .png is refused next to the cover input)."""
    upload = _cover_file(request)
    if upload is None:
        raise ValidationFailed("a cover image is required", details=[{"field": field, "message": "请上传封面图片"}])
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


@bp.post("/editions", stream=True)
@accepts_upload
@page(*STAFF, login=LOGIN)
async def create_edition(request: Request) -> HTTPResponse:
    """Role: marketer, admin. A one-article edition (headline) with its cover; scheduled when a date is given, in
    the same transaction as its creation: a refused schedule (a past time, the day's mass send already taken)
    creates nothing and comes back to this form as typed, with the reason next to the date."""
    rt = request.app.ctx.rt
    data = form_data(request)
    try:
        at = _at(data)
        draft = validate(editions.EditionIn, _edition_in(data, 1))  # every field before the cover goes to WeChat
        if at is not None:  # and the time and the quota: a day that is full must not cost a cover upload either
            await editions.check_schedulable(rt, draft.mode, at)
        body = validate(editions.EditionIn, _edition_in(data, await _cover(request)))
        ed = await editions.create(rt, body, request.ctx.principal.subject_id, at=at)
    except ApiError as exc:
        # the quota's refusal has no field of its own: it is about the date, so it goes next to it
        errors = {"at": zh_message(exc)} if exc.code == "mass_quota_exceeded" else field_errors(exc, FIELDS)
        return render(request, "console/edition_new.html", status=exc.status, nav="calendar", form=data,
                      errors=errors, cover_again=_cover_file(request) is not None)
    if at is not None:
        return redirect(f"/console/calendar?month={at.strftime('%Y-%m')}#edition-{ed['id']}", status=303)
    return redirect(f"/console/editions/{ed['id']}", status=303)


async def _edition_page(request: Request, edition_id: int, status: int = 200,
                        errors: dict[str, dict[str, str]] | None = None, form: dict[str, str] | None = None
                        ) -> HTTPResponse:
    ed = await editions.get(edition_id)
    at = datetime.fromisoformat(ed["scheduled_at"]) if ed["scheduled_at"] else None
    defaults = {"title": ed["title"], "mode": ed["mode"], "date": at.date().isoformat() if at else "",
                "time": at.strftime("%H:%M") if at else "09:00"}
    return render(request, "console/edition.html", status=status, nav="calendar", ed=ed, roles=ROLES_ZH,
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
    async def refused(exc: ApiError, data: dict[str, str]) -> HTTPResponse:
        return await _edition_page(request, edition_id, exc.status, {form_name: field_errors(exc, FIELDS)}, data)

    return await form_action(request, action, refused, f"/console/editions/{edition_id}")


@bp.post("/editions/<edition_id:int>")
@page(*STAFF, login=LOGIN)
async def edit_edition(request: Request, edition_id: int) -> HTTPResponse:
    """Role: marketer, admin. Change the title or mode of a draft or scheduled edition."""
    async def go(data: dict[str, str]) -> None:
        changes = {"title": data.get("title", ""), **({"mode": data["mode"]} if data.get("mode") else {})}
        patch = validate(editions.EditionPatch, changes)
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


# -- an edition's articles: add, edit, remove, reorder (up to 8; the first is the headline) ------------------------
ARTICLE_KEYS = ("role", "title", "author", "digest", "content", "cover_image_id", "source_url", "need_open_comment",
                "only_fans_can_comment")
ROLES_ZH = {"headline": "头条", "brand": "品牌", "points_activity": "积分活动", "other": "其他"}


# API field -> form field of an article's form (only the article a form changes can be refused: the others were
# valid when saved)
ARTICLE_FIELDS = {"filename": "cover", "data_base64": "cover"} | {
    f"articles.{i}.{f}": form for i in range(9) for f, form in (
        ("title", "title"), ("content", "content"), ("digest", "digest"), ("role", "role"),
        ("cover_image_id", "cover"))}


async def _articles(edition_id: int) -> list[dict[str, Any]]:
    return [{k: a[k] for k in ARTICLE_KEYS} for a in (await editions.get(edition_id))["articles"]]


async def _save_articles(request: Request, edition_id: int, articles: list[dict[str, Any]]) -> None:
    """The whole list through the API's patch (its model: 1 to 8 articles, each as ArticleIn)."""
    patch = validate(editions.EditionPatch, {"articles": articles})
    await editions.update(request.app.ctx.rt, edition_id, patch)


async def _article_act(request: Request, edition_id: int, form_name: str, action: Any) -> HTTPResponse:
    data = form_data(request)
    try:
        await action(data)
    except ApiError as exc:
        if exc.status == 404:
            return render(request, "forbidden.html", status=404, message=exc.message)
        return await _edition_page(request, edition_id, exc.status,
                                   {form_name: field_errors(exc, ARTICLE_FIELDS)}, {form_name: data})
    return redirect(f"/console/editions/{edition_id}#articles", status=303)


def _article_in(data: dict[str, str], base: dict[str, Any]) -> dict[str, Any]:
    return {**base, "role": data.get("role") or base.get("role") or "other", "title": data.get("title", ""),
            "digest": data.get("digest", ""), "content": data.get("content", "")}


@bp.post("/editions/<edition_id:int>/articles", stream=True)
@accepts_upload
@page(*STAFF, login=LOGIN)
async def add_article(request: Request, edition_id: int) -> HTTPResponse:
    """Role: marketer, admin. Append an article (with its own cover) to a draft or scheduled edition."""
    async def go(data: dict[str, str]) -> None:
        articles = await _articles(edition_id)
        n = len(articles)
        new = _article_in(data, {"cover_image_id": 1})
        validate(editions.EditionPatch, {"articles": [*articles, new]})  # every field before the cover upload
        # a missing cover, a bad file name or bytes that are no image: each said as itself, next to the input
        new["cover_image_id"] = await _cover(request, f"articles.{n}.cover_image_id")
        await _save_articles(request, edition_id, [*articles, new])

    return await _article_act(request, edition_id, "add", go)


@bp.post("/editions/<edition_id:int>/articles/<idx:int>", stream=True)
@accepts_upload
@page(*STAFF, login=LOGIN)
async def edit_article(request: Request, edition_id: int, idx: int) -> HTTPResponse:
    """Role: marketer, admin. Change one article's position role, title, digest, text (and cover, if a file is
    sent)."""
    async def go(data: dict[str, str]) -> None:
        articles = await _articles(edition_id)
        if not 0 <= idx < len(articles):
            raise ValidationFailed("no such article", details=[{"field": f"articles.{idx}", "message": "没有这篇文章"}])
        articles[idx] = _article_in(data, articles[idx])
        validate(editions.EditionPatch, {"articles": articles})
        if _cover_file(request) is not None:
            articles[idx]["cover_image_id"] = await _cover(request, f"articles.{idx}.cover_image_id")
        await _save_articles(request, edition_id, articles)

    return await _article_act(request, edition_id, f"article-{idx}", go)


@bp.post("/editions/<edition_id:int>/articles/<idx:int>/move")
@page(*STAFF, login=LOGIN)
async def move_article(request: Request, edition_id: int, idx: int) -> HTTPResponse:
    """Role: marketer, admin. `direction` up or down: swap with the neighbour (the first one is the headline)."""
    async def go(data: dict[str, str]) -> None:
        articles = await _articles(edition_id)
        to = idx - 1 if data.get("direction") == "up" else idx + 1
        if data.get("direction") not in ("up", "down") or not (0 <= idx < len(articles) and 0 <= to < len(articles)):
            raise ValidationFailed("cannot move there", details=[{"field": f"articles.{idx}",
                                                                   "message": "无法移动到该位置"}])
        articles[idx], articles[to] = articles[to], articles[idx]
        await _save_articles(request, edition_id, articles)

    return await _article_act(request, edition_id, f"article-{idx}", go)


@bp.post("/editions/<edition_id:int>/articles/<idx:int>/delete")
@page(*STAFF, login=LOGIN)
async def delete_article(request: Request, edition_id: int, idx: int) -> HTTPResponse:
    """Role: marketer, admin. Remove an article (an edition keeps at least one: the API's own refusal)."""
    async def go(_: dict[str, str]) -> None:
        articles = await _articles(edition_id)
        if not 0 <= idx < len(articles):
            raise ValidationFailed("no such article", details=[{"field": f"articles.{idx}", "message": "没有这篇文章"}])
        await _save_articles(request, edition_id, articles[:idx] + articles[idx + 1:])

    return await _article_act(request, edition_id, f"article-{idx}", go)
