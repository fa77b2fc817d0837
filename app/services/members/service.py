"""Member identity: mini-program login (code2session → upsert by openid), phone binding, profile."""

from __future__ import annotations

import contextlib
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app import ratelimit
from app.auth import issue_token
from app.clock import clock
from app.db import conn, is_postgres_conn
from app.errors import ApiError, Forbidden, NotFound, RateLimited, ServiceUnavailable
from app.runtime import Runtime
from app.services.members import hooks
from app.services.points import pending_awards
from app.services.points.engine import award
from app.sqlx import INTEGRITY_ERRORS, fetchrow
from app.wechat import errors as wx
from models import Member

log = logging.getLogger("jifen.members")

_INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_invite_code() -> str:
    """8 characters of a 31-letter alphabet from ONE 48-bit draw (secrets.choice per letter made eight
    getrandom() calls, and every PostgreSQL login draws a code for the upsert statement's possible insert).
    31^8 < 2^48 / 300: the letters are uniform to within 0.4 %."""
    n = secrets.randbits(48)
    letters = []
    for _ in range(8):
        n, i = divmod(n, 31)
        letters.append(_INVITE_ALPHABET[i])
    return "".join(letters)


def wechat_failure(exc: wx.WeChatError, what: str) -> ApiError:
    """Translate a WeChat error into what the mini-program should do next."""
    if isinstance(exc, wx.InvalidCode):
        return ApiError(f"{what}: the code is invalid or expired, call wx.login again", code="invalid_code")
    if isinstance(exc, wx.CodeUsed):
        return ApiError(f"{what}: the code was already used, call wx.login again", code="code_used")
    if isinstance(exc, wx.RiskyUser):
        return Forbidden(f"{what}: WeChat blocked this login as high-risk", code="login_blocked")
    if isinstance(exc, wx.RateLimited):
        return RateLimited(f"{what}: WeChat rate limit reached, retry in a minute", code="wechat_rate_limited",
                           headers={"Retry-After": "60"})
    if isinstance(exc, wx.ConfigError):
        log.error("wechat configuration error: %s", exc)
        return ServiceUnavailable(f"{what}: WeChat integration misconfigured", code="wechat_misconfigured",
                                  retry_after=60)
    return ServiceUnavailable(f"{what}: WeChat is unavailable, retry shortly", code="wechat_unavailable")


async def _create(openid: str, unionid: str | None, invited_by_id: int | None, now: datetime) -> Member:
    """Insert the member; an invited one in one transaction with the inviter's award, owed until made
    (a transaction only then: an uninvited first login stays one statement)."""
    if not invited_by_id:
        return await Member.create(openid=openid, unionid=unionid, invite_code=new_invite_code())
    async with in_transaction() as c:
        member = await Member.create(openid=openid, unionid=unionid, invite_code=new_invite_code(),
                                     invited_by_id=invited_by_id, using_db=c)
        await pending_awards.owe(invited_by_id, "invite_accepted", hooks.invite_key(member.id),
                                 {"source": f"member:{member.id}"}, now=now, c=c)
    return member


# PostgreSQL: find, refresh the unionid of, or create (uninvited) the member by openid in ONE statement.
# $1 openid, $2 unionid, $3 a fresh invite code (used only by an insert), $4 now. No row back: a concurrent
# first login committed the member after this statement's snapshot (the caller reads it).
_UPSERT_SQL = """
WITH s AS (SELECT * FROM members WHERE openid = $1),
u AS (UPDATE members SET unionid = $2, updated_at = $4 FROM s
      WHERE members.id = s.id AND $2::text IS NOT NULL AND s.unionid IS DISTINCT FROM $2::text
      RETURNING members.*),
i AS (INSERT INTO members (openid, unionid, invite_code, balance, pending, growth, tier_level, checkin_streak,
                           created_at, updated_at)
      SELECT $1, $2, $3, 0, 0, 0, 0, 0, $4, $4 WHERE NOT EXISTS (SELECT 1 FROM s)
      ON CONFLICT (openid) DO NOTHING RETURNING members.*)
SELECT true AS created, i.* FROM i
UNION ALL SELECT false, u.* FROM u
UNION ALL SELECT false, s.* FROM s WHERE NOT EXISTS (SELECT 1 FROM u)
"""


@dataclass
class LoginResult:
    """`view` is what the API answers (`member_view`); `member_id` names the member for the caller."""

    member_id: int
    view: dict[str, Any]
    token: str
    created: bool


async def _upsert_row(openid: str, unionid: str | None, now: datetime) -> tuple[Any, bool] | None:
    """PostgreSQL, uninvited: the member's row (a record, no model built: a returning member's login only
    needs its view) and whether it was created; None when a concurrent first login must be read instead."""
    c = conn()
    if not is_postgres_conn(c):
        return None
    for _ in range(5):
        try:
            row = await fetchrow(c, _UPSERT_SQL, [openid, unionid, new_invite_code(), now])
        except INTEGRITY_ERRORS:
            continue  # invite code collision: draw again
        return None if row is None else (row, bool(row["created"]))
    return None


def _model(row: Any) -> Member:
    data = dict(row)
    data.pop("created", None)
    return Member._init_from_db(**data)


async def upsert_member(openid: str, unionid: str | None, invited_by_id: int | None = None,
                        now: datetime | None = None) -> tuple[Member, bool]:
    """Find or create by openid; concurrent first logins of the same user converge on one row. An invited
    member's row commits together with the inviter's award, owed (`pending_awards`) until it is made."""
    c = conn()
    if not invited_by_id:
        found = await _upsert_row(openid, unionid, now or clock.now())
        if found is not None:
            return _model(found[0]), found[1]
    # hand-written read: a returning member's login is one statement, without the ORM's query building
    row = await fetchrow(c, "SELECT * FROM members WHERE openid = $1", [openid])
    member = Member._init_from_db(**dict(row)) if row is not None else None
    if member is not None:
        if unionid and member.unionid != unionid:
            member.unionid = unionid
            await member.save(update_fields=["unionid", "updated_at"])
        return member, False
    for _ in range(5):
        try:
            return await _create(openid, unionid, invited_by_id, now or clock.now()), True
        except IntegrityError:
            existing = await Member.get_or_none(openid=openid)
            if existing is not None:
                return existing, False
            # invite code collision: draw again
    raise ServiceUnavailable("could not allocate an invite code")


async def login(rt: Runtime, code: str, invite_code: str | None = None, ip: str = "unknown") -> LoginResult:
    """code2session, then the member by openid and a token.

    Rate limits: the per-IP window guards code2session (WeChat's quota is the app's); the per-openid window
    needs code2session's answer. While the IP is far from its limit (`ratelimit.may_defer`) both are counted
    in ONE round trip after code2session - also when code2session fails, so failed codes count against the IP
    as before; near the limit the IP is counted first, and only then is code2session called.
    """
    limits = rt.settings.ratelimit
    ip_window = ("ip", ip, limits.login_per_ip)
    deferred = ratelimit.may_defer(rt, "login", ip_window)
    if not deferred:
        await ratelimit.enforce(rt, "login", [ip_window])
    try:
        session = await rt.miniprogram.code2session(code)
    except wx.WeChatError as exc:
        if deferred:
            await ratelimit.enforce(rt, "login", [ip_window])
        raise wechat_failure(exc, "login") from exc
    except BaseException:  # e.g. cancelled: still counted, without hiding the original error
        if deferred:
            with contextlib.suppress(Exception):
                await ratelimit.enforce(rt, "login", [ip_window])
        raise
    openid_window = ("openid", session.openid, limits.login_per_openid)
    await ratelimit.enforce(rt, "login", [ip_window, openid_window] if deferred else [openid_window])
    inviter_id = None
    if invite_code:
        inviter = await Member.get_or_none(invite_code=invite_code.upper())
        inviter_id = inviter.id if inviter and inviter.openid != session.openid else None
    found = None if inviter_id else await _upsert_row(session.openid, session.unionid, rt.clock.now())
    if found is not None and not found[1]:  # a returning member (the common login): the view from the row
        row = found[0]
        member_id, view, created = row["id"], member_view(row), False
    else:
        if found is not None:
            member, created = _model(found[0]), True
        else:
            member, created = await upsert_member(session.openid, session.unionid, inviter_id, rt.clock.now())
        if created:
            await hooks.member_registered(rt, member)
        member_id, view = member.id, member_view(member)
    now = int(rt.clock.now().timestamp())
    token = issue_token(rt.settings.auth.secret, member_id, "member", now, rt.settings.auth.token_ttl_seconds)
    return LoginResult(member_id=member_id, view=view, token=token, created=created)


async def get_member(member_id: int) -> Member:
    member = await Member.get_or_none(id=member_id)
    if member is None:
        raise NotFound("member not found", code="member_not_found")
    return member


async def bind_phone(rt: Runtime, member_id: int, code: str) -> Member:
    member = await get_member(member_id)
    try:
        info = await rt.miniprogram.phone_number(code)
    except wx.WeChatError as exc:
        raise wechat_failure(exc, "phone binding") from exc
    first_time = member.phone is None
    member.phone = str(info.get("purePhoneNumber") or info.get("phoneNumber"))
    member.phone_country = str(info.get("countryCode", "86"))
    await member.save(update_fields=["phone", "phone_country", "updated_at"])
    if first_time:
        await hooks.phone_bound(rt, member)
    return member


async def update_profile(rt: Runtime, member_id: int, nickname: str) -> Member:
    """Profile edits; completing the profile (nickname and phone) is the `profile_completed` newbie task."""
    member = await get_member(member_id)
    member.nickname = nickname
    await member.save(update_fields=["nickname", "updated_at"])
    if member.phone:
        await award(rt, member.id, "profile_completed", "profile_completed", {"source": f"member:{member.id}"})
    return member


_VIEW_FIELDS = ("id", "openid", "unionid", "phone", "nickname", "invite_code", "balance", "pending", "growth",
                "tier_level")


def member_view(member: Member | Any) -> dict[str, Any]:
    """The member as the API shows it, from the model or from a row of `members` (a record or a mapping)."""
    if isinstance(member, Member):
        view = {f: getattr(member, f) for f in _VIEW_FIELDS}
        created_at = member.created_at
    else:
        view = {f: member[f] for f in _VIEW_FIELDS}
        created_at = member["created_at"]
    view["created_at"] = created_at.isoformat() if created_at else None
    return view
