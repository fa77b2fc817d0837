"""The member's annual points report (mounted under /api/v1). Role: member; always the caller's own report."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from sanic import Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.services.metrics.member_report import annual_report
from app.validation import query
from handlers import Blueprint

bp = Blueprint("consumer_metrics")


class ReportQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    year: int | None = Field(default=None, ge=2000, le=2100, description="Shanghai year, default the current one")


@bp.get("/points/annual-report", name="points_annual_report")
@require("member")
@query(ReportQuery)
async def points_annual_report(request: Request) -> HTTPResponse:
    """Role: member. My year in points: earned by source, spent on what, saved, expired, best check-in streak,
    tier journey, rank band, what my balance can buy now. Only ever the caller's own (no member id is taken)."""
    rt = request.app.ctx.rt
    year = request.ctx.query.year or rt.clock.today().year
    return json(await annual_report(rt, request.ctx.principal.member_id, year))
