"""Staff under /admin/v1: who is signed in; admins deactivate, reactivate and revoke staff tokens; stores,
the guides in them and the guides' contact cards."""

from typing import Literal

from pydantic import BaseModel, Field
from sanic import Request
from sanic.response import HTTPResponse, json

from app.auth import require
from app.errors import ValidationFailed
from app.services.staff import cards, stores
from app.services.staff import service as staff
from app.validation import body, query
from handlers import Blueprint
from models import StaffUser
from models.guides import GuideCard

bp = Blueprint("admin_staff")


@bp.get("/whoami")
@require("marketer", "admin")
async def whoami(request: Request) -> HTTPResponse:
    """Role: marketer, admin."""
    p = request.ctx.principal
    return json({"staff_id": p.subject_id, "role": p.role})


async def _change(request: Request, staff_id: int, **change: object) -> HTTPResponse:
    rt = request.app.ctx.rt
    user = await staff.change_staff(rt.redis, rt.prefix, staff_id, rt.clock.now(), **change)  # type: ignore[arg-type]
    return json(staff.staff_view(user))


@bp.post("/staff/<staff_id:int>/deactivate")
@require("admin")
async def deactivate_staff(request: Request, staff_id: int) -> HTTPResponse:
    """Role: admin. The staff user's tokens stop working at once; reactivation needs a new token."""
    return await _change(request, staff_id, active=False)


@bp.post("/staff/<staff_id:int>/activate")
@require("admin")
async def activate_staff(request: Request, staff_id: int) -> HTTPResponse:
    """Role: admin. Tokens revoked by the deactivation stay revoked: issue a new one."""
    return await _change(request, staff_id, active=True)


@bp.post("/staff/<staff_id:int>/revoke-tokens")
@require("admin")
async def revoke_staff_tokens(request: Request, staff_id: int) -> HTTPResponse:
    """Role: admin. Every token issued to this staff user so far stops working (e.g. one leaked)."""
    return await _change(request, staff_id, revoke=True)



# -- stores and the guides in them ----------------------------------------------------------------------------
class StoreCreate(BaseModel):
    code: str = Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_-]+$")
    name: str = Field(min_length=1, max_length=64)
    region: str = Field(min_length=1, max_length=32)
    active: bool = True


class StorePatch(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=64)
    region: str | None = Field(default=None, min_length=1, max_length=32)
    active: bool | None = None


class StoreQuery(BaseModel):
    region: str | None = Field(default=None, max_length=32)
    active: bool | None = None


class StaffQuery(BaseModel):
    store_id: int | None = Field(default=None, ge=1, le=2**62)
    role: Literal["guide", "marketer", "admin"] | None = None
    active: bool | None = None


class StaffPatch(BaseModel):
    store_id: int | None = Field(default=None, ge=1, le=2**62, description="the guide's store; null: none")
    avatar: str | None = Field(default=None, max_length=512, pattern=r"^https://",
                               description="the avatar shown on the guide's card")


class CardQuery(BaseModel):
    store_id: int | None = Field(default=None, ge=1, le=2**62)


@bp.post("/stores")
@require("marketer", "admin")
@body(StoreCreate)
async def create_store(request: Request) -> HTTPResponse:
    """Role: marketer, admin. A store (its code is what a payment's attach names); 409 if the code is taken."""
    b: StoreCreate = request.ctx.body
    return json(stores.store_view(await stores.create_store(b.code, b.name, b.region, b.active)), status=201)


@bp.get("/stores")
@require("marketer", "admin")
@query(StoreQuery)
async def list_stores(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Stores (?region=, ?active=)."""
    q: StoreQuery = request.ctx.query
    return json({"items": await stores.list_stores(q.region, q.active)})


@bp.get("/stores/<store_id:int>")
@require("marketer", "admin")
async def get_store(request: Request, store_id: int) -> HTTPResponse:
    """Role: marketer, admin. One store with its guides."""
    store = await stores.get_store(store_id)
    return json({**stores.store_view(store), "guides": await stores.list_staff(store.id, "guide", None)})


@bp.patch("/stores/<store_id:int>")
@require("marketer", "admin")
@body(StorePatch)
async def patch_store(request: Request, store_id: int) -> HTTPResponse:
    """Role: marketer, admin. Rename, move to a region, (de)activate: an inactive store assigns no guides."""
    changes = request.ctx.body.model_dump(exclude_unset=True)
    if any(v is None for v in changes.values()):
        raise ValidationFailed("name, region and active cannot be null", code="validation_failed")
    return json(stores.store_view(await stores.update_store(store_id, changes)))


@bp.get("/staff")
@require("marketer", "admin")
@query(StaffQuery)
async def list_staff(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Staff users, e.g. a store's guides (?store_id=&role=guide)."""
    q: StaffQuery = request.ctx.query
    return json({"items": await stores.list_staff(q.store_id, q.role, q.active)})


@bp.patch("/staff/<staff_id:int>")
@require("admin")
@body(StaffPatch)
async def patch_staff(request: Request, staff_id: int) -> HTTPResponse:
    """Role: admin. Put a guide in a store (`store_id`, null to take them out) or set their card's avatar."""
    changes = request.ctx.body.model_dump(exclude_unset=True)
    return json(await stores.assign_store(staff_id, changes, request.app.ctx.rt.clock.now()))


@bp.get("/guides/cards")
@require("marketer", "admin")
@query(CardQuery)
async def list_cards(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Guides' contact cards (?store_id=); a QR not created yet shows `ready: false`."""
    q: CardQuery = request.ctx.query
    guides = StaffUser.filter(role="guide")
    if q.store_id is not None:
        guides = guides.filter(store_id=q.store_id)
    staff = await guides.order_by("id").limit(1000)
    by_staff = {c.staff_id: c for c in await GuideCard.filter(staff_id__in=[s.id for s in staff])} if staff else {}
    return json({"items": [{**cards.card_view(s, by_staff.get(s.id)), "store_id": s.store_id, "active": s.active}
                           for s in staff]})
