"""Marketer/admin configuration of coupon templates, packages and issuing rules.

Input shapes are pydantic models (types and ranges, one error per field); rules spanning several fields or
other rows (amount vs kind, validity dates, referenced templates/packages) are checked here and reported
the same way, so every 422 names its field. PATCH merges into the stored row and re-validates the result.
Deleting deactivates: issued coupons keep pointing at their template.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationError, create_model, field_validator
from tortoise.models import Model

from app.clock import clock
from app.errors import NotFound, ValidationFailed
from models import CouponPackage, CouponRule, CouponTemplate

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T", bound=Model)


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValueError("must include a UTC offset, e.g. 2026-12-01T00:00:00+08:00")
    return value


class TemplateIn(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    description: str | None = Field(default=None, max_length=255)
    kind: Literal["amount_off", "percent_off"]
    amount_off_fen: int | None = Field(default=None, ge=1, le=100_000_000)
    percent_off_bp: int | None = Field(default=None, ge=1, le=9_999, description="discount, 1000 = 10% off")
    max_discount_fen: int | None = Field(default=None, ge=1, le=100_000_000)
    min_spend_fen: int = Field(default=0, ge=0, le=100_000_000)
    validity: Literal["fixed", "days"]
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    valid_days: int | None = Field(default=None, ge=1, le=3650,
                                   description="Shanghai calendar days, counting the issue day")
    stock_total: int | None = Field(default=None, ge=0, le=1_000_000_000, description="null = unlimited")
    stock_id: str | None = Field(default=None, pattern=r"^[0-9A-Za-z_-]{1,64}$",
                                 description="WeChat Pay cash-coupon stock: issue through the v3 API")
    stock_creator_mchid: str | None = Field(default=None, pattern=r"^[0-9]{1,32}$")
    active: bool = True

    _aware_dates = field_validator("valid_from", "valid_until")(_aware)


class PackageItem(BaseModel):
    template_id: int = Field(ge=1, le=2**63 - 1)
    quantity: int = Field(default=1, ge=1, le=20)


class PackageIn(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    items: list[PackageItem] = Field(min_length=1, max_length=20)
    active: bool = True


class RuleIn(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    package_id: int = Field(ge=1, le=2**63 - 1)
    min_paid_fen: int = Field(default=0, ge=0, le=100_000_000)
    first_purchase_only: bool = False
    tier_levels: list[int] | None = Field(default=None, max_length=20, description="null = every tier")
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    active: bool = True

    _aware_dates = field_validator("starts_at", "ends_at")(_aware)


def partial(model: type[M]) -> type[BaseModel]:
    """The PATCH body of `model`: same fields, all optional (the merged result is validated in full)."""
    fields: dict[str, Any] = {name: (f.annotation | None, None) for name, f in model.model_fields.items()}
    return create_model(f"{model.__name__}Patch", **fields)


TemplatePatch = partial(TemplateIn)
PackagePatch = partial(PackageIn)
RulePatch = partial(RuleIn)


def _fail(errors: list[dict[str, str]]) -> ValidationFailed:
    return ValidationFailed("; ".join(f"{e['field']}: {e['message']}" for e in errors), details=errors)


def _validate(model: type[M], data: dict[str, Any]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise _fail([{"field": ".".join(str(p) for p in e["loc"]) or "body", "message": e["msg"]}
                     for e in exc.errors()]) from exc


async def _check_template(t: TemplateIn) -> None:
    errors = []
    if t.kind == "amount_off" and t.amount_off_fen is None:
        errors.append({"field": "amount_off_fen", "message": "required for amount_off"})
    if t.kind == "percent_off" and t.percent_off_bp is None:
        errors.append({"field": "percent_off_bp", "message": "required for percent_off"})
    if t.kind == "amount_off" and t.percent_off_bp is not None:
        errors.append({"field": "percent_off_bp", "message": "only for percent_off"})
    if t.kind == "percent_off" and t.amount_off_fen is not None:
        errors.append({"field": "amount_off_fen", "message": "only for amount_off"})
    if t.validity == "fixed":
        if t.valid_until is None:
            errors.append({"field": "valid_until", "message": "required for fixed validity"})
        elif t.valid_from is not None and t.valid_from >= t.valid_until:
            errors.append({"field": "valid_until", "message": "must be after valid_from"})
        elif t.active and t.valid_until <= clock.now():  # it would issue nothing (template_expired), silently
            errors.append({"field": "valid_until", "message": "is in the past: an expired template issues nothing"})
    if t.validity == "days" and t.valid_days is None:
        errors.append({"field": "valid_days", "message": "required for validity days"})
    if t.stock_id and t.kind != "amount_off":
        errors.append({"field": "stock_id", "message": "WeChat Pay cash-coupon stocks are amount_off"})
    if errors:
        raise _fail(errors)


async def _check_package(p: PackageIn) -> None:
    ids = {i.template_id for i in p.items}
    found = set(await CouponTemplate.filter(id__in=ids).values_list("id", flat=True))
    errors = [{"field": f"items.{n}.template_id", "message": f"no coupon template {i.template_id}"}
              for n, i in enumerate(p.items) if i.template_id not in found]
    if errors:
        raise _fail(errors)


async def _check_rule(r: RuleIn) -> None:
    errors = []
    if not await CouponPackage.exists(id=r.package_id):
        errors.append({"field": "package_id", "message": f"no coupon package {r.package_id}"})
    if r.starts_at and r.ends_at and r.starts_at >= r.ends_at:
        errors.append({"field": "ends_at", "message": "must be after starts_at"})
    if errors:
        raise _fail(errors)


# -- views ------------------------------------------------------------------------------------------------
def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def template_view(t: CouponTemplate) -> dict[str, Any]:
    return {"id": t.id, "name": t.name, "description": t.description, "kind": t.kind,
            "amount_off_fen": t.amount_off_fen, "percent_off_bp": t.percent_off_bp,
            "max_discount_fen": t.max_discount_fen, "min_spend_fen": t.min_spend_fen, "validity": t.validity,
            "valid_from": _iso(t.valid_from), "valid_until": _iso(t.valid_until), "valid_days": t.valid_days,
            "stock_total": t.stock_total, "issued_count": t.issued_count,
            "stock_remaining": None if t.stock_total is None else max(t.stock_total - t.issued_count, 0),
            "stock_id": t.stock_id, "stock_creator_mchid": t.stock_creator_mchid, "active": t.active,
            "created_at": _iso(t.created_at), "updated_at": _iso(t.updated_at)}


def package_view(p: CouponPackage) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "items": p.items, "active": p.active, "created_at": _iso(p.created_at),
            "updated_at": _iso(p.updated_at)}


def rule_view(r: CouponRule) -> dict[str, Any]:
    return {"id": r.id, "name": r.name, "package_id": r.package_id, "min_paid_fen": r.min_paid_fen,
            "first_purchase_only": r.first_purchase_only, "tier_levels": r.tier_levels,
            "starts_at": _iso(r.starts_at), "ends_at": _iso(r.ends_at), "active": r.active,
            "created_at": _iso(r.created_at), "updated_at": _iso(r.updated_at)}


# -- generic CRUD ---------------------------------------------------------------------------------------------
KINDS: dict[str, tuple[type[Model], type[BaseModel], Any, Any, str]] = {
    "template": (CouponTemplate, TemplateIn, _check_template, template_view, "coupon template"),
    "package": (CouponPackage, PackageIn, _check_package, package_view, "coupon package"),
    "rule": (CouponRule, RuleIn, _check_rule, rule_view, "coupon rule"),
}


async def _get(kind: str, obj_id: int) -> Model:
    model, *_, label = KINDS[kind]
    obj = await model.get_or_none(id=obj_id)
    if obj is None:
        raise NotFound(f"no {label} {obj_id}", code=f"{label.replace(' ', '_')}_not_found")
    return obj


async def list_(kind: str, active: bool | None) -> list[dict[str, Any]]:
    model, *_, view, _label = KINDS[kind]
    q = model.all() if active is None else model.filter(active=active)
    return [view(o) for o in await q.order_by("id")]


async def get(kind: str, obj_id: int) -> dict[str, Any]:
    return KINDS[kind][3](await _get(kind, obj_id))


async def create(kind: str, data: BaseModel) -> dict[str, Any]:
    model, _, check, view, _label = KINDS[kind]
    await check(data)
    obj = await model.create(**data.model_dump(mode="python"))
    return view(obj)


async def update(kind: str, obj_id: int, patch: BaseModel) -> dict[str, Any]:
    _model, schema, check, view, _label = KINDS[kind]
    obj = await _get(kind, obj_id)
    current = {name: getattr(obj, name) for name in schema.model_fields}
    merged = _validate(schema, {**current, **patch.model_dump(exclude_unset=True)})
    await check(merged)
    obj.update_from_dict(merged.model_dump(mode="python"))
    await obj.save()
    return view(obj)


async def deactivate(kind: str, obj_id: int) -> dict[str, Any]:
    obj = await _get(kind, obj_id)
    obj.active = False  # type: ignore[attr-defined]
    await obj.save(update_fields=["active", "updated_at"])
    return KINDS[kind][3](obj)
