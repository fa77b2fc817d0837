"""Coupons in the console: templates, packages and post-payment issuing rules (list + create), through the same
service as `/admin/v1/coupon-{templates,packages,rules}`. Money is typed in yuan on the forms and sent to the
service in fen (integers), exactly; a fraction of a fen is refused next to the field."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sanic import Request
from sanic.response import HTTPResponse, redirect

from app.clock import SHANGHAI
from app.errors import ApiError
from app.services.coupons import admin as svc
from app.web import error_page, fen_typed, field_errors, form_data, page, render, validate
from app.web.messages import zh_message
from handlers import Blueprint

bp = Blueprint("console_coupons")

STAFF = ("marketer", "admin")
LOGIN = "/console/login"
MODELS = {"template": svc.TemplateIn, "package": svc.PackageIn, "rule": svc.RuleIn}
PATCHES = {"template": svc.TemplatePatch, "package": svc.PackagePatch, "rule": svc.RulePatch}
# API field -> form field, per form (form fields are prefixed so the three forms' ids never clash)
FIELDS = {
    "template": {"name": "t-name", "kind": "t-kind", "amount_off_fen": "t-amount_off", "percent_off_bp":
                 "t-percent_off_bp", "min_spend_fen": "t-min_spend", "validity": "t-validity",
                 "valid_days": "t-valid_days", "valid_until": "t-valid_until", "valid_from": "t-valid_until",
                 "stock_total": "t-stock_total"},
    "package": {"name": "p-name", "items": "p-items"},
    "rule": {"name": "r-name", "package_id": "r-package_id", "min_paid_fen": "r-min_paid", "ends_at": "r-name"},
}


def _day_end(value: str) -> datetime | str | None:
    """A last valid day (Asia/Shanghai, inclusive) -> the end of that day; anything else to the model as typed."""
    if not value:
        return None
    try:
        return datetime.combine(date.fromisoformat(value), time(23, 59, 59), SHANGHAI)
    except ValueError:
        return value


def _body(kind: str, data: dict[str, str]) -> dict[str, Any]:
    blank = {k: v for k, v in data.items() if v != ""}
    if kind == "template":
        return {"name": data.get("t-name", ""), "kind": data.get("t-kind", ""),
                "amount_off_fen": fen_typed(data, "t-amount_off", "amount_off_fen", svc.TemplateIn),
                "percent_off_bp": blank.get("t-percent_off_bp"),
                "min_spend_fen": fen_typed(data, "t-min_spend", "min_spend_fen", svc.TemplateIn) or 0,
                "validity": data.get("t-validity", ""), "valid_days": blank.get("t-valid_days"),
                "valid_until": _day_end(data.get("t-valid_until", "")), "stock_total": blank.get("t-stock_total")}
    if kind == "package":
        items = [{"template_id": data[f"p-template_{n}"], "quantity": data.get(f"p-quantity_{n}") or 1}
                 for n in range(3) if data.get(f"p-template_{n}")]
        return {"name": data.get("p-name", ""), "items": items}
    return {"name": data.get("r-name", ""), "package_id": data.get("r-package_id", ""),
            "min_paid_fen": fen_typed(data, "r-min_paid", "min_paid_fen", svc.RuleIn) or 0,
            "first_purchase_only": data.get("r-first_purchase_only") == "on"}


async def _page(request: Request, status: int = 200, **extra: Any) -> HTTPResponse:
    lists = {kind: await svc.list_(kind, None) for kind in MODELS}
    names = {t["id"]: t["name"] for t in lists["template"]}
    return render(request, "console/coupons.html", status=status, nav="coupons", templates=lists["template"],
                  packages=lists["package"], rules=lists["rule"], template_names=names,
                  package_names={p["id"]: p["name"] for p in lists["package"]}, **extra)


@bp.get("/coupons")
@page(*STAFF, login=LOGIN)
async def coupons(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Every template (with its stock), package and rule."""
    return await _page(request)


@bp.post("/coupons/<kind:template|package|rule>")
@page(*STAFF, login=LOGIN)
async def create(request: Request, kind: str) -> HTTPResponse:
    """Role: marketer, admin. Create one; the service's checks (a package's templates exist, a rule's package
    exists, the kind's own fields) answer next to the field."""
    data = form_data(request)
    try:
        made = await svc.create(kind, validate(MODELS[kind], _body(kind, data)))
    except ApiError as exc:
        return await _page(request, status=exc.status, form=data, errors=field_errors(exc, FIELDS[kind]),
                           failed=kind)
    return redirect(f"/console/coupons?saved={kind}-{made['id']}")


@bp.post("/coupons/<kind:template|package|rule>/<obj_id:int>/active")
@page(*STAFF, login=LOGIN)
async def set_active(request: Request, kind: str, obj_id: int) -> HTTPResponse:
    """Role: marketer, admin. Stop (active=off) or restart (active=on) one: a mistaken post-payment rule would
    otherwise issue coupons on every payment until someone used the API. Changing one is stopping it and creating
    its replacement; what was issued stays valid. A restart is checked as a save is (a template past its end)."""
    wanted = form_data(request).get("active")
    if wanted not in ("on", "off"):
        return await _page(request, status=422, errors={"_": "请选择启用或停用"}, failed=kind)
    try:
        await svc.update(kind, obj_id, PATCHES[kind](active=wanted == "on"))
    except ApiError as exc:
        if exc.status == 404:
            return error_page(request, 404, exc)
        return await _page(request, status=exc.status, errors={"_": zh_message(exc)}, failed=kind)
    return redirect(f"/console/coupons?saved={kind}-{obj_id}", status=303)

