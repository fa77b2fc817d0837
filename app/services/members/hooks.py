"""Domain events raised by identity flows; the points engine turns them into awards."""

from __future__ import annotations

import logging

from app.runtime import Runtime
from app.services.payments import service as payments
from app.services.points import pending_awards
from app.services.points.engine import award
from models import Member

log = logging.getLogger("jifen.hooks")


def invite_key(invitee_id: int) -> str:
    """The inviter's award key: once per invitee."""
    return f"invite:{invitee_id}"


async def member_registered(rt: Runtime, member: Member) -> None:
    """New member: the inviter earns `invite_accepted`, once per invitee (idempotency key = invitee id).
    The award was recorded as owed with the member row (`upsert_member`); it is made here so the inviter
    sees it at once, and a failure leaves it to the outbox (never fails the login, never lost)."""
    if member.invited_by_id and member.invited_by_id != member.id:
        status = await pending_awards.settle_now(rt, invite_key(member.id))
        log.info("invitation award for %s: %s", member.invited_by_id, status or "owed (outbox retries)")
    await _credit_earlier_payments(rt, member)
    await _credit_community(rt, member)


async def _credit_community(rt: Runtime, member: Member) -> None:
    """WeCom relationships and interactions from before registering (within the window) are credited now;
    a failure must not fail the login (the keyed awards make a later run a no-op for what was made)."""
    from app.services.community import service as community

    try:
        made = await community.member_registered(rt, member)
    except Exception:
        log.exception("crediting community activity of member %s failed", member.id)
        return
    if made:
        log.info("member %s credited for %s community award(s) from before registering", member.id, made)


async def _credit_earlier_payments(rt: Runtime, member: Member) -> None:
    """Payments made before registering (within link_window_days) are credited now; a failure must not
    fail the login, the `payments_credit_pending` job retries."""
    try:
        credited = await payments.credit_new_member(rt, member)
    except Exception:
        log.exception("crediting earlier payments of member %s failed", member.id)
        return
    if credited:
        log.info("member %s credited for %s payment(s) made before registering", member.id, credited)


async def phone_bound(rt: Runtime, member: Member) -> None:
    """First phone binding completes the `phone_bound` newbie task."""
    await award(rt, member.id, "phone_bound", "phone_bound", {"source": f"member:{member.id}"})
    if member.nickname:
        await award(rt, member.id, "profile_completed", "profile_completed", {"source": f"member:{member.id}"})
