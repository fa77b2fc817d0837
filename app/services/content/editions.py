"""Editions (期) and their articles: create, change, schedule (with the mass-send quota), reschedule, cancel,
duplicate, preview. The publisher (`publisher.py`) takes them from `scheduled` on.

Only a draft or scheduled edition can change; once the publisher holds it (publishing) WeChat has it, and
once published or cancelled it is history (duplicate it to reuse it). A failed edition can be rescheduled
unless WeChat may already have it (its submission was started).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, Field, model_validator
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from app.clock import SHANGHAI
from app.db import conn
from app.errors import ApiError, Conflict, NotFound, ValidationFailed
from app.runtime import Runtime
from app.services.content import images, quota
from app.services.members.service import wechat_failure
from app.wechat.errors import WeChatError
from models import ContentArticle, ContentEdition, ContentImage, ContentPlan

ROLES = ("headline", "brand", "points_activity", "other")
EDITABLE = ("draft", "scheduled")


class ArticleIn(BaseModel):
    """One article (docs/wechat-protocols.md §2.2 limits). `content` is HTML whose images are uploaded images
    (see images.py); `cover_image_id` an image uploaded with purpose=cover."""

    role: Literal["headline", "brand", "points_activity", "other"] = "other"
    title: str = Field(min_length=1, max_length=32)
    author: str = Field(default="", max_length=16)
    digest: str = Field(default="", max_length=128)
    content: str = Field(min_length=1, max_length=19_999)
    cover_image_id: int = Field(gt=0, le=2**63 - 1)
    source_url: str = Field(default="", max_length=1024, pattern=r"^(https?://.*)?$")
    need_open_comment: bool = False
    only_fans_can_comment: bool = False


class EditionIn(BaseModel):
    """mode publish: draft/add + freepublish/submit (no quota); mass: mass/sendall to everyone, or `tag_id`."""

    title: str = Field(min_length=1, max_length=64)
    mode: Literal["publish", "mass"] = "publish"
    tag_id: int | None = Field(default=None, ge=0, le=2**63 - 1)
    plan_id: int | None = Field(default=None, gt=0, le=2**63 - 1)
    articles: list[ArticleIn] = Field(min_length=1, max_length=8)
    at: AwareDatetime | None = Field(default=None, description="schedule it at once (one transaction: a refused "
                                     "time or a full mass-send quota creates nothing); left out: a draft")

    @model_validator(mode="after")
    def _tag_only_for_mass(self) -> EditionIn:
        if self.tag_id is not None and self.mode != "mass":
            raise ValueError("tag_id is for mass sends only")
        return self


class EditionPatch(BaseModel):
    """What to change: a field left out stays; `tag_id` and `plan_id` may be null (no tag, no plan), the others
    may not (an edition always has a title, a mode and articles)."""

    title: str | None = Field(default=None, min_length=1, max_length=64)
    mode: Literal["publish", "mass"] | None = None
    tag_id: int | None = Field(default=None, ge=0, le=2**63 - 1)
    plan_id: int | None = Field(default=None, gt=0, le=2**63 - 1)
    articles: list[ArticleIn] | None = Field(default=None, min_length=1, max_length=8)

    @model_validator(mode="after")
    def _no_null_for_what_every_edition_has(self) -> EditionPatch:
        nulled = [f for f in ("title", "mode", "articles") if f in self.model_fields_set and getattr(self, f) is None]
        if nulled:
            raise ValueError(f"{', '.join(nulled)}: leave out what does not change (null is not a value here)")
        return self


class ScheduleIn(BaseModel):
    at: AwareDatetime


class DuplicateIn(BaseModel):
    at: AwareDatetime | None = None
    title: str | None = Field(default=None, min_length=1, max_length=64)


class PreviewIn(BaseModel):
    openid: str = Field(min_length=8, max_length=64, pattern=r"^[\w\-]+$")


class ListQuery(BaseModel):
    status: Literal["draft", "scheduled", "publishing", "published", "failed", "cancelled"] | None = None
    plan_id: int | None = None


def edition_view(e: ContentEdition, articles: list[ContentArticle] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": e.id, "title": e.title, "mode": e.mode, "tag_id": e.tag_id, "plan_id": e.plan_id, "status": e.status,
        "stage": e.stage, "scheduled_at": _iso(e.scheduled_at), "attempts": e.attempts, "media_id": e.media_id,
        "publish_id": e.publish_id, "msg_id": e.msg_id, "article_id": e.article_id, "article_urls": e.article_urls,
        "wx_status": e.wx_status, "counts": {"total": e.total_count, "filtered": e.filter_count,
                                             "sent": e.sent_count, "errors": e.error_count},
        "errcode": e.errcode, "error": e.last_error, "published_at": _iso(e.published_at),
        "created_at": _iso(e.created_at), "updated_at": _iso(e.updated_at),
    }
    if articles is not None:
        out["articles"] = [{"idx": a.idx, "role": a.role, "title": a.title, "author": a.author, "digest": a.digest,
                            "content": a.content, "cover_image_id": a.cover_image_id, "source_url": a.source_url,
                            "need_open_comment": a.need_open_comment,
                            "only_fans_can_comment": a.only_fans_can_comment} for a in articles]
    return out


def _iso(value: datetime | None) -> str | None:
    """Times as the marketer plans them: Asia/Shanghai."""
    return value.astimezone(SHANGHAI).isoformat() if value else None


async def load(edition_id: int, c: BaseDBAsyncClient | None = None, *, lock: bool = False) -> ContentEdition:
    q = ContentEdition.filter(id=edition_id)
    if c is not None:
        q = q.using_db(c)
    if lock:
        q = q.select_for_update()
    edition = await q.first()
    if edition is None:
        raise NotFound(f"no edition #{edition_id}", code="edition_not_found")
    return edition


async def articles_of(edition_id: int, c: BaseDBAsyncClient | None = None) -> list[ContentArticle]:
    q = ContentArticle.filter(edition_id=edition_id).order_by("idx")
    return await (q.using_db(c) if c is not None else q)


async def get(edition_id: int) -> dict[str, Any]:
    return edition_view(await load(edition_id), await articles_of(edition_id))


async def list_(q: ListQuery) -> dict[str, Any]:
    rows = ContentEdition.all()
    if q.status:
        rows = rows.filter(status=q.status)
    if q.plan_id:
        rows = rows.filter(plan_id=q.plan_id)
    return {"items": [edition_view(e) for e in await rows.order_by("scheduled_at", "id").limit(500)]}


async def _check_plan(plan_id: int | None) -> None:
    if plan_id is not None and not await ContentPlan.exists(id=plan_id):
        raise ValidationFailed(f"plan_id: no plan #{plan_id}", code="plan_not_found",
                               details=[{"field": "plan_id", "message": "no such plan"}])


async def _prepared(articles: list[ArticleIn]) -> list[dict[str, Any]]:
    """Articles validated against what was uploaded: covers exist, images rewritten to WeChat's URLs."""
    out = []
    for i, a in enumerate(articles):
        await images.cover(a.cover_image_id, f"articles.{i}.cover_image_id")
        values = a.model_dump()
        values["content"] = await images.rewrite(a.content, f"articles.{i}.content")
        out.append({**values, "idx": i})
    return out


async def _replace_articles(c: BaseDBAsyncClient, edition_id: int, prepared: list[dict[str, Any]]) -> None:
    await ContentArticle.filter(edition_id=edition_id).using_db(c).delete()
    await ContentArticle.bulk_create([ContentArticle(edition_id=edition_id, **p) for p in prepared], using_db=c)


async def create(rt: Runtime, data: EditionIn, staff_id: int | None, *, at: datetime | None = None
                 ) -> dict[str, Any]:
    """A new edition: a draft, or scheduled for `at` in the same transaction. A creation whose scheduling is
    refused (a past time, a mass-send day or month already full) stores nothing: no draft is left behind for
    the marketer to find and clean up."""
    await _check_plan(data.plan_id)
    prepared = await _prepared(data.articles)
    now = rt.clock.now() if at is None else _future(rt, at)
    async with in_transaction() as c:
        edition = await ContentEdition.create(using_db=c, title=data.title, mode=data.mode, tag_id=data.tag_id,
                                              plan_id=data.plan_id, created_by=staff_id, created_at=now,
                                              updated_at=now)
        await _replace_articles(c, edition.id, prepared)
        if at is not None:
            await _schedule_in(c, rt, edition, at, now)
    return await get(edition.id)


async def check_schedulable(rt: Runtime, mode: str, at: datetime) -> None:
    """Refuse now what scheduling a `mode` edition at `at` would refuse (a past time, a full mass-send quota),
    before the console uploads a cover to WeChat for an edition that could not be created. Advisory: `create`
    and `schedule` check again where it counts, inside their transaction."""
    _future(rt, at)
    if mode == "mass":
        await quota.check(conn(), rt.settings, at)


async def update(rt: Runtime, edition_id: int, patch: EditionPatch) -> dict[str, Any]:
    changes = patch.model_dump(exclude_unset=True)
    await _check_plan(changes.get("plan_id"))
    prepared = await _prepared(patch.articles) if patch.articles is not None else None
    async with in_transaction() as c:
        edition = await load(edition_id, c, lock=True)
        _require(edition, EDITABLE, "changed")
        mode = changes.get("mode", edition.mode)
        tag_id = changes["tag_id"] if "tag_id" in changes else (edition.tag_id if mode == "mass" else None)
        if tag_id is not None and mode != "mass":
            raise ValidationFailed("tag_id is for mass sends only", code="validation_failed")
        if edition.status == "scheduled" and edition.scheduled_at and mode != edition.mode:
            if mode == "mass":
                await quota.take(c, rt.settings, edition.id, edition.scheduled_at)
            else:
                await quota.release(c, edition.id)
        edition.update_from_dict({"title": changes.get("title", edition.title), "mode": mode, "tag_id": tag_id,
                                  "plan_id": changes.get("plan_id", edition.plan_id), "updated_at": rt.clock.now()})
        if prepared is not None:  # a draft made from the old articles must not go out: make a new one
            edition.update_from_dict({"stage": "none", "media_id": None})
        await edition.save(using_db=c)
        if prepared is not None:
            await _replace_articles(c, edition.id, prepared)
    return await get(edition_id)


def _require(edition: ContentEdition, states: tuple[str, ...], what: str) -> None:
    if edition.status not in states:
        raise Conflict(f"edition #{edition.id} is {edition.status}: it can no longer be {what}",
                       code="edition_state", details={"status": edition.status})


def _future(rt: Runtime, at: datetime) -> datetime:
    """Now, having refused an `at` that is not after it."""
    now = rt.clock.now()
    if at <= now:
        raise ValidationFailed("at: must be in the future", details=[{"field": "at", "message": "in the past"}])
    return now


async def _schedule_in(c: BaseDBAsyncClient, rt: Runtime, edition: ContentEdition, at: datetime,
                       now: datetime) -> None:
    """Inside the caller's transaction: a mass edition takes its quota slot (or the 409 rolls everything back),
    then the edition is due at `at`."""
    if edition.mode == "mass":
        await quota.take(c, rt.settings, edition.id, at)
    edition.update_from_dict({"status": "scheduled", "scheduled_at": at, "next_attempt_at": at,
                              "updated_at": now, "attempts": 0, "errcode": None, "last_error": None})
    await edition.save(using_db=c)


async def schedule(rt: Runtime, edition_id: int, at: datetime) -> dict[str, Any]:
    """Schedule (or reschedule) for `at`; a mass edition takes its quota slot now, or is refused (409)."""
    now = _future(rt, at)
    async with in_transaction() as c:
        edition = await load(edition_id, c, lock=True)
        _require(edition, (*EDITABLE, "failed"), "scheduled")
        if edition.status == "failed" and edition.stage in ("submitting", "submitted"):
            raise Conflict(f"edition #{edition.id} may already be with WeChat: duplicate it instead",
                           code="edition_state", details={"status": edition.status, "stage": edition.stage})
        await _schedule_in(c, rt, edition, at, now)
    return await get(edition_id)


async def cancel(rt: Runtime, edition_id: int) -> dict[str, Any]:
    async with in_transaction() as c:
        edition = await load(edition_id, c, lock=True)
        _require(edition, (*EDITABLE, "failed"), "cancelled")
        await quota.release(c, edition.id)
        edition.update_from_dict({"status": "cancelled", "next_attempt_at": None, "updated_at": rt.clock.now()})
        await edition.save(using_db=c)
    return await get(edition_id)


async def duplicate(rt: Runtime, edition_id: int, data: DuplicateIn) -> dict[str, Any]:
    """A new draft with the same articles (any status may be duplicated), scheduled at `at` when given, in the
    same transaction: a refused schedule leaves no copy behind."""
    source = await load(edition_id)
    now = rt.clock.now() if data.at is None else _future(rt, data.at)
    async with in_transaction() as c:
        copy = await ContentEdition.create(using_db=c, title=data.title or source.title, mode=source.mode,
                                           tag_id=source.tag_id, plan_id=source.plan_id,
                                           created_by=source.created_by, created_at=now, updated_at=now)
        arts = await articles_of(edition_id, c)
        await ContentArticle.bulk_create([ContentArticle(
            edition_id=copy.id, idx=a.idx, role=a.role, title=a.title, author=a.author, digest=a.digest,
            content=a.content, cover_image_id=a.cover_image_id, source_url=a.source_url,
            need_open_comment=a.need_open_comment, only_fans_can_comment=a.only_fans_can_comment) for a in arts],
            using_db=c)
        if data.at is not None:
            await _schedule_in(c, rt, copy, data.at, now)
    return await get(copy.id)


async def draft_articles(edition_id: int) -> list[dict[str, Any]]:
    """The edition's `draft/add` articles (docs/wechat-protocols.md §2.2)."""
    arts = await articles_of(edition_id)
    covers = {img.id: img for img in await ContentImage.filter(id__in=[a.cover_image_id for a in arts])}
    out = []
    for a in arts:
        cover = covers.get(a.cover_image_id)
        if cover is None or not cover.media_id:
            raise ApiError(f"article {a.idx}: its cover image is gone", code="bad_cover", status=422)
        item: dict[str, Any] = {"article_type": "news", "title": a.title, "author": a.author, "content": a.content,
                                "content_source_url": a.source_url, "thumb_media_id": cover.media_id,
                                "need_open_comment": int(a.need_open_comment),
                                "only_fans_can_comment": int(a.only_fans_can_comment)}
        if a.digest:
            item["digest"] = a.digest
        out.append(item)
    if not out:
        raise ApiError(f"edition #{edition_id} has no articles", code="empty_edition", status=422)
    return out


async def preview(rt: Runtime, edition_id: int, openid: str) -> dict[str, Any]:
    """Send the edition as it would go out to one follower (`message/mass/preview` of a fresh draft)."""
    await load(edition_id)
    articles = await draft_articles(edition_id)
    oa = rt.official_account
    try:
        media_id = await oa.draft_add(articles)
        body = await oa.mass_preview(openid, media_id)
    except WeChatError as exc:
        if exc.errcode in (40003, 43004):
            raise ValidationFailed(f"openid: WeChat refused it ({exc.errcode}): not a follower of the account",
                                   code="preview_refused") from exc
        raise wechat_failure(exc, "preview") from exc
    return {"edition_id": edition_id, "openid": openid, "media_id": media_id, "msg_id": body.get("msg_id")}


class PointsArticleIn(BaseModel):
    """Generate the points-activity article of slot `slot` from a source (`campaign`; `mall_reward` once a
    mall registers it, see generate.py)."""

    source: str = Field(min_length=1, max_length=32)
    id: int = Field(gt=0)
    slot: int = Field(default=2, ge=0, le=7)
    cover_image_id: int = Field(gt=0, le=2**63 - 1)


async def set_points_article(rt: Runtime, edition_id: int, data: PointsArticleIn) -> dict[str, Any]:
    from app.services.content import generate

    activity = await generate.load(data.source, data.id)
    await images.cover(data.cover_image_id, "cover_image_id")
    fields = generate.article_fields(activity, rt.settings.miniprogram.appid)
    async with in_transaction() as c:
        edition = await load(edition_id, c, lock=True)
        _require(edition, EDITABLE, "changed")
        arts = await articles_of(edition_id, c)
        slot = min(data.slot, len(arts))  # slots stay contiguous: past the end means "append"
        if slot >= 8:
            raise ValidationFailed("an edition has at most 8 articles", code="too_many_articles")
        await ContentArticle.filter(edition_id=edition_id, idx=slot).using_db(c).delete()
        await ContentArticle.create(using_db=c, edition_id=edition_id, idx=slot, cover_image_id=data.cover_image_id,
                                    author="", source_url="", **fields)
        edition.updated_at = rt.clock.now()
        await edition.save(using_db=c)
    return await get(edition_id)


async def notifications(unread_only: bool) -> dict[str, Any]:
    from models import ContentNotification

    q = ContentNotification.all()
    if unread_only:
        q = q.filter(read_at=None)
    return {"items": [{"id": n.id, "kind": n.kind, "edition_id": n.edition_id, "message": n.message,
                       "created_at": n.created_at.isoformat(), "read": n.read_at is not None}
                      for n in await q.order_by("-id").limit(200)]}


async def mark_read(rt: Runtime, notification_id: int) -> dict[str, Any]:
    from models import ContentNotification

    if not await ContentNotification.filter(id=notification_id).update(read_at=rt.clock.now()):
        raise NotFound(f"no notification #{notification_id}", code="notification_not_found")
    return {"id": notification_id, "read": True}
