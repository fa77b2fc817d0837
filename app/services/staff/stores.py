"""Stores and the guides who work in them (admin side).

A store is where a guide works and where a payment was made; the after-payment assignment hands a store's
paying members to its active guides in turn. Codes are the stable key a payment's `attach` names.
"""

from __future__ import annotations

from typing import Any

from app.errors import Conflict, NotFound, ValidationFailed
from app.sqlx import INTEGRITY_ERRORS
from models import StaffUser, Store
from models.guides import GuideCard


def store_view(store: Store) -> dict[str, Any]:
    return {"id": store.id, "code": store.code, "name": store.name, "region": store.region,
            "active": store.active, "created_at": store.created_at.isoformat() if store.created_at else None}


async def create_store(code: str, name: str, region: str, active: bool) -> Store:
    if await Store.filter(code=code).exists():
        raise Conflict(f"store code {code!r} is taken", code="store_code_taken")
    try:
        return await Store.create(code=code, name=name, region=region, active=active)
    except INTEGRITY_ERRORS as exc:  # a concurrent create with the same code
        raise Conflict(f"store code {code!r} is taken", code="store_code_taken") from exc


async def get_store(store_id: int) -> Store:
    store = await Store.get_or_none(id=store_id)
    if store is None:
        raise NotFound(f"no store #{store_id}", code="store_not_found")
    return store


async def list_stores(region: str | None, active: bool | None) -> list[dict[str, Any]]:
    q = Store.all()
    if region is not None:
        q = q.filter(region=region)
    if active is not None:
        q = q.filter(active=active)
    return [store_view(s) for s in await q.order_by("code")]


async def update_store(store_id: int, changes: dict[str, Any]) -> Store:
    store = await get_store(store_id)
    if changes:
        await Store.filter(id=store_id).update(**changes)
        store.update_from_dict(changes)
    return store


async def guide_view(staff: StaffUser, card: GuideCard | None = None) -> dict[str, Any]:
    return {"id": staff.id, "name": staff.name, "role": staff.role, "wecom_userid": staff.wecom_userid,
            "active": staff.active, "store_id": staff.store_id,
            "avatar": card.avatar if card else None}


async def list_staff(store_id: int | None, role: str | None, active: bool | None) -> list[dict[str, Any]]:
    q = StaffUser.all()
    if store_id is not None:
        q = q.filter(store_id=store_id)
    if role is not None:
        q = q.filter(role=role)
    if active is not None:
        q = q.filter(active=active)
    staff = await q.order_by("id").limit(1000)
    cards = {c.staff_id: c for c in await GuideCard.filter(staff_id__in=[s.id for s in staff])} if staff else {}
    return [await guide_view(s, cards.get(s.id)) for s in staff]


async def assign_store(staff_id: int, changes: dict[str, Any], now: Any) -> dict[str, Any]:
    """PATCH a staff user: `store_id` (a store that exists, or null) and the card's `avatar`."""
    staff = await StaffUser.get_or_none(id=staff_id)
    if staff is None:
        raise NotFound(f"no staff user #{staff_id}", code="staff_not_found")
    if "store_id" in changes:
        store_id = changes["store_id"]
        if store_id is not None and not await Store.filter(id=store_id).exists():
            raise ValidationFailed(f"no store #{store_id}", code="store_not_found")
        await StaffUser.filter(id=staff_id).update(store_id=store_id)
        staff.store_id = store_id
        if store_id is not None and staff.role == "guide" and staff.wecom_userid:
            from app.services.staff.cards import queue_card

            await queue_card(staff.id, now)  # the QR is ready before the store's first payer needs it
    if "avatar" in changes:
        from app.services.staff.cards import card_row

        card = await card_row(staff.id, now)
        await GuideCard.filter(id=card.id).update(avatar=changes["avatar"], updated_at=now)
    card = await GuideCard.get_or_none(staff_id=staff.id)
    return await guide_view(staff, card)
