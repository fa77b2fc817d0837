"""Coupon configuration for marketers and admins under /admin/v1: templates, packages, issuing rules."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sanic import Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.services.coupons import admin as svc
from app.validation import body, query
from handlers import Blueprint

bp = Blueprint("admin_coupons")


class ListQuery(BaseModel):
    active: bool | None = None


def _routes(kind: str, path: str, create_model: type[BaseModel], patch_model: type[BaseModel]) -> None:
    label = svc.KINDS[kind][4]

    @require("marketer", "admin")
    @query(ListQuery)
    async def list_items(request: Request) -> HTTPResponse:
        return json({"items": await svc.list_(kind, request.ctx.query.active)})

    @require("marketer", "admin")
    @body(create_model)
    async def create_item(request: Request) -> HTTPResponse:
        return json(await svc.create(kind, request.ctx.body), status=201)

    @require("marketer", "admin")
    async def get_item(request: Request, obj_id: int) -> HTTPResponse:
        return json(await svc.get(kind, obj_id))

    @require("marketer", "admin")
    @body(patch_model)
    async def patch_item(request: Request, obj_id: int) -> HTTPResponse:
        return json(await svc.update(kind, obj_id, request.ctx.body))

    @require("marketer", "admin")
    async def delete_item(request: Request, obj_id: int) -> HTTPResponse:
        return json(await svc.deactivate(kind, obj_id))

    handlers: list[tuple[Any, str, str, str]] = [
        (list_items, path, "GET", f"Role: marketer, admin. List {label}s (?active=true|false)."),
        (create_item, path, "POST", f"Role: marketer, admin. Create a {label}."),
        (get_item, f"{path}/<obj_id:int>", "GET", f"Role: marketer, admin. One {label}."),
        (patch_item, f"{path}/<obj_id:int>", "PATCH",
         f"Role: marketer, admin. Change fields of a {label}; the result is validated in full."),
        (delete_item, f"{path}/<obj_id:int>", "DELETE",
         f"Role: marketer, admin. Deactivate a {label} (issued coupons are kept)."),
    ]
    for handler, uri, method, doc in handlers:
        handler.__doc__ = doc
        bp.add_route(handler, uri, methods=[method], name=f"{kind}_{handler.__name__}")


_routes("template", "/coupon-templates", svc.TemplateIn, svc.TemplatePatch)
_routes("package", "/coupon-packages", svc.PackageIn, svc.PackagePatch)
_routes("rule", "/coupon-rules", svc.RuleIn, svc.RulePatch)
