"""Staff identities (guides, marketers, admins) and their credentials."""

from __future__ import annotations

from app import db
from app.auth import issue_token
from app.clock import clock
from app.config import Settings, ensure_auth_secret
from models import StaffUser

STAFF_TOKEN_TTL = 30 * 24 * 3600


async def create_staff_token(settings: Settings, role: str, name: str, wecom_userid: str | None = None) -> str:
    """Create (or reuse, by WeCom userid) a staff user and mint a bearer token for it."""
    secret = ensure_auth_secret(settings)
    await db.connect(settings)
    try:
        staff = None
        if wecom_userid:
            staff = await StaffUser.get_or_none(wecom_userid=wecom_userid)
        if staff is None:
            staff = await StaffUser.create(name=name, role=role, wecom_userid=wecom_userid)
        return issue_token(secret, staff.id, staff.role, int(clock.now().timestamp()), STAFF_TOKEN_TTL)
    finally:
        await db.close()
