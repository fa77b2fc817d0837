"""The console's dashboard: today's issued and redeemed points, the year's budget against its warning line, the
redemption rate and utilisation with the seed's bands, and 30 days as an inline SVG chart. Every figure comes
from the metrics service the JSON dashboard uses (roll-ups, never a ledger scan per page view)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sanic import Request
from sanic.response import HTTPResponse, redirect

from app.errors import ApiError
from app.services.metrics import points as metrics
from app.services.operations import service as operations
from app.services.points.admin import budget as budget_admin
from app.services.staff import stores as stores_svc
from app.web import field_errors, form_data, page, render
from app.web.messages import zh_message
from handlers import Blueprint

bp = Blueprint("console_dashboard")

CHART_W, CHART_H = 600, 160


def chart(series: list[dict[str, Any]]) -> dict[str, Any]:
    """Polylines of issued and redeemed per day, scaled to the larger of the two (0 is the bottom edge). Redeemed
    is net of reversals (a cancelled points + cash redemption gives its points back), as the redemption rate beside
    it is: gross figures next to a net rate did not add up."""
    values = {"issued": [int(r["issued"]) for r in series],
              "redeemed": [int(r["redeemed"]) - int(r.get("reversed") or 0) for r in series]}
    top = max([1, *values["issued"], *values["redeemed"]])
    step = CHART_W / max(len(series) - 1, 1)

    def line(measure: str) -> str:
        return " ".join(f"{i * step:.1f},{CHART_H - v * CHART_H / top:.1f}" for i, v in enumerate(values[measure]))

    return {"w": CHART_W, "h": CHART_H, "top": top, "issued": line("issued"), "redeemed": line("redeemed"),
            "first": series[0]["period"] if series else "", "last": series[-1]["period"] if series else ""}


# the export form's fields, by the API's names of them (a refusal's details name these)
EXPORT_FIELDS = {"from": "from", "to": "to", "granularity": "granularity", "store": "store", "channel": "channel"}


async def _page(request: Request, status: int = 200, errors: dict[str, str] | None = None,
                form: dict[str, str] | None = None) -> HTTPResponse:
    rt = request.app.ctx.rt
    today = rt.clock.today()
    f = metrics.Filters(start=today - timedelta(days=29), end=today)
    report = await metrics.report(rt, f, sections=("series", "utilisation"))
    budget = await budget_admin.budget_view(rt, None)
    if budget.get("configured"):
        # a budget of 0 points is a valid setting (nothing may be issued this year): it is used up from the start
        total = budget["budget_points"]
        budget["used_pct"] = round(budget["issued"] * 100 / total, 1) if total else 100.0
        budget["warn_pct"] = round(budget["warn_ratio_bp"] / 100, 1)
    series = report["series"]
    stores = await stores_svc.list_stores(None, True)  # the export's store filter
    return render(request, "console/dashboard.html", status=status, nav="dashboard",
                  today=series[-1] if series else {}, totals=report["totals"], bands=report["bands_bp"],
                  utilisation=report["utilisation"], budget=budget, chart=chart(series), stores=stores,
                  errors=errors or {}, form=form or {})


@bp.get("/dashboard")
@page("marketer", "admin", login="/console/login")
async def dashboard(request: Request) -> HTTPResponse:
    """Role: marketer, admin."""
    return await _page(request)


@bp.post("/dashboard/export")
@page("marketer", "admin", login="/console/login")
async def export(request: Request) -> HTTPResponse:
    """Role: marketer, admin. The points export below the chart (the long action `export_points`): started, then
    its progress page. A refusal (a start after the end, a store and a channel together) comes back here with
    what was typed and the message beside its field, not on the operations list."""
    data = form_data(request)
    try:
        run = await operations.start(request.app.ctx.rt, "export_points", {k: v for k, v in data.items() if v},
                                     request.ctx.principal)
    except ApiError as exc:
        errors = field_errors(exc, EXPORT_FIELDS)
        errors.setdefault("_", zh_message(exc))  # the whole sentence above the form too
        return await _page(request, exc.status, errors, data)
    return redirect(f"/console/operations/{run.id}", status=303)
