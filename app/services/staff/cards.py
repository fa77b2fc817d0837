"""A guide's contact card: name, avatar and the WeCom contact-me QR (docs/wechat-protocols.md §5.13).

The QR is made once per guide by `externalcontact/add_contact_way` (type 1 single, scene 2 QR) with
`state = guide-<staff id>`, the channel code WeCom reports back on every contact added through it, so the
community graph attributes those customers to the guide. WeCom makes a new configuration on every call and
cannot look one up by state, so a second call would leave an orphan: the call is claimed in the database first.
`guide_cards.staff_id` is unique; the request that sets `claim` (a random token) on the row makes the one call
and stores the answer under that token; the others wait for it. A claim older than `CLAIM_STALE` (its holder
crashed) may be taken over; a failed call releases its claim at once.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from datetime import datetime, timedelta
from typing import Any

from app.errors import ServiceUnavailable
from app.runtime import Runtime
from app.services.outbox import service as outbox
from app.sqlx import INTEGRITY_ERRORS
from app.wechat import errors as wx
from app.wechat.wecom.contact_way import ContactWays
from models import StaffUser
from models.guides import GuideCard

log = logging.getLogger("jifen.guides")

CLAIM_STALE = timedelta(seconds=60)
WAIT_SECONDS = 15.0  # a waiting request gives up (503) after this long; the holder's call is bounded by it
CARD_KIND = "guide_card"


def state_for(staff_id: int) -> str:
    """The channel code of a guide's QR (WeCom's `state`, ≤ 30 chars: docs/wechat-protocols.md §5.13)."""
    return f"guide-{staff_id}"


def card_key(staff_id: int) -> str:
    return f"guide-card:{staff_id}"


async def card_row(staff_id: int, now: datetime) -> GuideCard:
    """The guide's card row, inserted unclaimed if missing (the unique staff_id decides between racers)."""
    card = await GuideCard.get_or_none(staff_id=staff_id)
    if card is not None:
        return card
    try:
        return await GuideCard.create(staff_id=staff_id, state=state_for(staff_id), status="creating",
                                      created_at=now, updated_at=now)
    except INTEGRITY_ERRORS:
        return await GuideCard.get(staff_id=staff_id)


def card_view(staff: StaffUser, card: GuideCard | None) -> dict[str, Any]:
    ready = card is not None and card.status == "ready"
    return {"staff_id": staff.id, "name": staff.name, "avatar": card.avatar if card else None,
            "qr_code": card.qr_code if ready and card else None,
            "state": card.state if card else state_for(staff.id), "ready": ready}


async def _claim(card: GuideCard, now: datetime) -> str | None:
    """Take the right to call WeCom for this card: unclaimed, or claimed by a holder presumed dead."""
    token = secrets.token_hex(16)
    q = GuideCard.filter(id=card.id, status="creating")
    if card.claim is None:
        n = await q.filter(claim__isnull=True).update(claim=token, claimed_at=now, updated_at=now)
    elif card.claimed_at is not None and card.claimed_at < now - CLAIM_STALE:
        log.warning("guide %s: taking over a stale contact-way claim (a crashed call may have left an orphan "
                    "configuration in WeCom)", card.staff_id)
        n = await q.filter(claim=card.claim).update(claim=token, claimed_at=now, updated_at=now)
    else:
        return None
    return token if n == 1 else None


async def ensure_card(rt: Runtime, staff: StaffUser) -> GuideCard:
    """The guide's card with its QR, creating the QR once. Raises the WeChat error of a failed call (the
    claim is released, so the next request tries again) or 503 while another request's call runs too long."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_SECONDS
    while True:
        now = rt.clock.now()
        card = await card_row(staff.id, now)
        if card.status == "ready":
            return card
        token = await _claim(card, now)
        if token is not None:
            return await _create(rt, staff, card, token)
        if loop.time() > deadline:
            raise ServiceUnavailable("the guide's QR code is being created, retry shortly", code="card_pending",
                                     retry_after=2)
        await asyncio.sleep(0.05)


async def _create(rt: Runtime, staff: StaffUser, card: GuideCard, token: str) -> GuideCard:
    if not staff.wecom_userid:
        await GuideCard.filter(id=card.id, claim=token).update(claim=None, claimed_at=None)
        raise wx.InvalidArgument(40035, "the guide has no WeCom userid", path="add_contact_way")
    try:
        out = await ContactWays(rt).add_single_qr(staff.wecom_userid, card.state, remark=f"导购{staff.name}")
    except BaseException:
        await GuideCard.filter(id=card.id, claim=token).update(claim=None, claimed_at=None)
        raise
    now = rt.clock.now()
    n = await GuideCard.filter(id=card.id, claim=token).update(
        status="ready", config_id=out["config_id"], qr_code=out["qr_code"][:512], updated_at=now)
    if n != 1:  # taken over while the call ran (slower than CLAIM_STALE): the winner's answer stands
        log.warning("guide %s: contact way %s was answered after the claim was taken over; orphaned in WeCom",
                    staff.id, out["config_id"])
    return await GuideCard.get(id=card.id)


async def queue_card(staff_id: int, now: datetime, c: Any = None) -> None:
    """Make sure the card gets its QR even if nobody opens a page: an outbox row, once per guide."""
    await outbox.enqueue(CARD_KIND, card_key(staff_id), {"staff_id": staff_id}, now=now, member_id=None, c=c)


@outbox.sender(CARD_KIND)
async def send_card(rt: Runtime, msg: outbox.Claimed) -> None:
    """Outbox sender: create the guide's QR (a no-op once ready); a guide without a WeCom userid is final."""
    staff = await StaffUser.get_or_none(id=int(msg.payload["staff_id"]))
    if staff is None or not staff.wecom_userid:
        raise outbox.Permanent("no such guide or no WeCom userid")
    try:
        await ensure_card(rt, staff)
    except (wx.InvalidArgument, wx.NoPrivilege) as exc:
        raise outbox.Permanent(str(exc)) from exc
