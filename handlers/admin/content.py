"""The marketer's content calendar under /admin/v1: images, editions, campaign plans, the month view and the
notifications the publisher leaves when an edition fails. Thin: the rules live in app/services/content."""

from __future__ import annotations

from pydantic import BaseModel
from sanic import Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.services.content import calendar, editions, images, plans
from app.validation import body, query
from handlers import Blueprint, accepts_upload

bp = Blueprint("admin_content")


@bp.post("/content/images", stream=True)
@accepts_upload
@require("marketer", "admin")
@body(images.ImageIn)
async def upload_image(request: Request) -> HTTPResponse:
    """Upload an image through the official account (inline: media/uploadimg; cover: permanent material); article
    HTML then refers to it as `jifen-image:<id>` or its source_url, rewritten to WeChat's URL on save."""
    img = await images.upload(request.app.ctx.rt, request.ctx.body)
    return json(images.image_view(img), status=201)


@bp.get("/content/images/<image_id:int>")
@require("marketer", "admin")
async def get_image(request: Request, image_id: int) -> HTTPResponse:
    """One uploaded image."""
    return json(images.image_view(await images.get_image(image_id)))


@bp.get("/editions")
@require("marketer", "admin")
@query(editions.ListQuery)
async def list_editions(request: Request) -> HTTPResponse:
    """Editions (?status=, ?plan_id=), by scheduled time."""
    return json(await editions.list_(request.ctx.query))


@bp.post("/editions")
@require("marketer", "admin")
@body(editions.EditionIn)
async def create_edition(request: Request) -> HTTPResponse:
    """A draft edition of up to 8 articles, each with its slot role (headline / brand / points_activity); with
    `at`, scheduled in the same step (409 / 422 and nothing stored when that time cannot be taken)."""
    body: editions.EditionIn = request.ctx.body
    out = await editions.create(request.app.ctx.rt, body, request.ctx.principal.subject_id, at=body.at)
    return json(out, status=201)


@bp.get("/editions/<edition_id:int>")
@require("marketer", "admin")
async def get_edition(request: Request, edition_id: int) -> HTTPResponse:
    """One edition with its articles, status, WeChat ids, counts and last error."""
    return json(await editions.get(edition_id))


@bp.patch("/editions/<edition_id:int>")
@require("marketer", "admin")
@body(editions.EditionPatch)
async def patch_edition(request: Request, edition_id: int) -> HTTPResponse:
    """Change a draft or scheduled edition (articles are replaced as a whole)."""
    return json(await editions.update(request.app.ctx.rt, edition_id, request.ctx.body))


@bp.post("/editions/<edition_id:int>/schedule")
@require("marketer", "admin")
@body(editions.ScheduleIn)
async def schedule_edition(request: Request, edition_id: int) -> HTTPResponse:
    """Schedule or reschedule; a mass send over the account's quota is refused now (409), not at 09:00."""
    return json(await editions.schedule(request.app.ctx.rt, edition_id, request.ctx.body.at))


@bp.post("/editions/<edition_id:int>/cancel")
@require("marketer", "admin")
async def cancel_edition(request: Request, edition_id: int) -> HTTPResponse:
    """Cancel a draft, scheduled or failed edition (its quota slot is released)."""
    return json(await editions.cancel(request.app.ctx.rt, edition_id))


@bp.post("/editions/<edition_id:int>/duplicate")
@require("marketer", "admin")
@body(editions.DuplicateIn)
async def duplicate_edition(request: Request, edition_id: int) -> HTTPResponse:
    """A new draft with the same articles, scheduled at `at` when given."""
    return json(await editions.duplicate(request.app.ctx.rt, edition_id, request.ctx.body), status=201)


@bp.post("/editions/<edition_id:int>/preview")
@require("marketer", "admin")
@body(editions.PreviewIn)
async def preview_edition(request: Request, edition_id: int) -> HTTPResponse:
    """Send the edition to one follower's openid (message/mass/preview), e.g. the marketer's own."""
    return json(await editions.preview(request.app.ctx.rt, edition_id, request.ctx.body.openid))


@bp.post("/editions/<edition_id:int>/points-article")
@require("marketer", "admin")
@body(editions.PointsArticleIn)
async def points_article(request: Request, edition_id: int) -> HTTPResponse:
    """Generate the points-activity article of a slot from a campaign (or a mall reward once a mall exists)."""
    return json(await editions.set_points_article(request.app.ctx.rt, edition_id, request.ctx.body))


@bp.get("/calendar")
@require("marketer", "admin")
@query(calendar.MonthQuery)
async def month_calendar(request: Request) -> HTTPResponse:
    """The month day by day: editions, member-day campaigns, expiry-reminder waves and plan periods."""
    return json(await calendar.month_view(request.app.ctx.rt, request.ctx.query.month))


@bp.get("/content-plans")
@require("marketer", "admin")
async def list_plans(request: Request) -> HTTPResponse:
    """Campaign plans, newest first."""
    return json(await plans.list_(request.app.ctx.rt))


@bp.post("/content-plans")
@require("marketer", "admin")
@body(plans.PlanIn)
async def create_plan(request: Request) -> HTTPResponse:
    """A campaign plan: goal with a measurable target, plan, reach, warm-up / formal / closing periods."""
    return json(await plans.create(request.app.ctx.rt, request.ctx.body), status=201)


@bp.get("/content-plans/<plan_id:int>")
@require("marketer", "admin")
async def get_plan(request: Request, plan_id: int) -> HTTPResponse:
    """The plan with its editions and campaigns; after it closes, the target against the ledger."""
    return json(await plans.view(request.app.ctx.rt, plan_id))


@bp.patch("/content-plans/<plan_id:int>")
@require("marketer", "admin")
@body(plans.PlanPatch)
async def patch_plan(request: Request, plan_id: int) -> HTTPResponse:
    """Change a plan; the merged plan is validated in full."""
    return json(await plans.update(request.app.ctx.rt, plan_id, request.ctx.body))


class NotificationQuery(BaseModel):
    unread: bool = False


@bp.get("/notifications")
@require("marketer", "admin")
@query(NotificationQuery)
async def list_notifications(request: Request) -> HTTPResponse:
    """What the publisher could not do (failed editions: quota, permanent errors, attempts exhausted)."""
    return json(await editions.notifications(request.ctx.query.unread))


@bp.post("/notifications/<notification_id:int>/read")
@require("marketer", "admin")
async def read_notification(request: Request, notification_id: int) -> HTTPResponse:
    """Mark a notification read."""
    return json(await editions.mark_read(request.app.ctx.rt, notification_id))
