"""The customer card a guide sees in the workbench: points, tier, what expires soon and the last purchase.

Only for a customer the guide follows in WeCom (an active follow by the guide's WeCom userid); any other
customer is a 404, exactly like a missing one (a guide must not learn who else's customers exist). Points and
tier come from the member's own summary (app/services/points/queries.summary), never recomputed here.
"""

from __future__ import annotations

from typing import Any

from app.errors import NotFound
from app.runtime import Runtime
from app.services.points import queries
from models import ContactFollow, ExternalContact, Payment, StaffUser


async def card(rt: Runtime, staff_id: int, external_userid: str) -> dict[str, Any]:
    staff = await StaffUser.get_or_none(id=staff_id)
    follows = staff is not None and staff.wecom_userid and await ContactFollow.filter(
        external_userid=external_userid, userid=staff.wecom_userid, status="active").exists()
    contact = await ExternalContact.get_or_none(external_userid=external_userid) if follows else None
    if contact is None:
        raise NotFound("no such customer", code="customer_not_found")
    out: dict[str, Any] = {"external_userid": contact.external_userid, "name": contact.name,
                           "member_id": contact.member_id, "member": None}
    if contact.member_id is None:  # not (yet) a member: nothing more to show
        return out
    summary = await queries.summary(rt, contact.member_id)
    last = await Payment.filter(member_id=contact.member_id).order_by("-success_time").first()
    out["member"] = {"balance": summary["balance"], "pending": summary["pending"], "tier": summary["tier"],
                     "next_tier": summary["next_tier"], "expiring": summary["expiring"][:3],
                     "last_purchase": ({"at": last.success_time.isoformat(), "total_fen": last.total_fen}
                                       if last is not None else None)}
    return out
