"""Staff identities (guides, marketers, admins), their credentials and their revocation.

A staff token is honoured only while its `staff_users` row is active, has the token's role and has not
revoked it (`app.auth.check_staff`; a token whose role is not the row's is refused too). Deactivating a user
or revoking its tokens sets `tokens_valid_after` to now, so every token issued until then dies even if the
user is reactivated later: reactivation needs a fresh token. The row is cached for `STAFF_CACHE_SECONDS`;
each change here drops the cache entry, so workers sharing this Redis see it on their next request (a
separate process on the in-process `memory://` Redis, e.g. the CLI next to the embedded server, reaches them
within that time).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from app import db
from app.auth import STAFF_CACHE_SECONDS, issue_token, staff_cache_key
from app.clock import clock
from app.config import Settings, ensure_auth_secret
from app.errors import Conflict, NotFound
from app.redis_client import create_redis
from app.services.staff import assignment
from models import StaffUser

log = logging.getLogger("jifen.staff")
_STAFF_REF = re.compile(r"(?:admin|marketer|guide):([0-9]{1,18})")  # `operator_of`'s `role:staff id` (a bigint)


def token_issued_at(staff: StaffUser, now: datetime) -> int:
    """`iat` for a new token: never inside the revoked second (a token minted right after a revocation in the
    same second would otherwise be refused at once), so it may lie up to a second ahead of the clock."""
    iat = int(now.timestamp())
    if staff.tokens_valid_after is not None:
        iat = max(iat, int(staff.tokens_valid_after.timestamp()) + 1)
    return iat


def staff_token(settings: Settings, staff: StaffUser, now: datetime) -> str:
    return issue_token(settings.auth.secret, staff.id, staff.role, token_issued_at(staff, now),
                       settings.auth.staff_token_ttl_seconds)


async def create_staff_token(settings: Settings, role: str, name: str, wecom_userid: str | None = None) -> str:
    """Create (or reuse, by WeCom userid) a staff user and mint a bearer token for it.

    A WeCom userid names one person: asked for with another role, the existing user's token would have come back
    under the role asked for in nobody's sight (a "marketer" token that was a guide's); that is refused. Asked
    for with another name, the token is the existing user's, as its name says (`staff_view`)."""
    ensure_auth_secret(settings)
    await db.connect(settings)
    try:
        staff = None
        if wecom_userid:
            staff = await StaffUser.get_or_none(wecom_userid=wecom_userid)
            if staff is not None and staff.role != role:
                raise Conflict(f"WeCom user {wecom_userid} is already staff #{staff.id} {staff.name} ({staff.role}), "
                               f"not a {role}: ask with --role {staff.role}, or another --wecom-userid",
                               code="wecom_userid_taken")
        if staff is None:
            staff = await StaffUser.create(name=name, role=role, wecom_userid=wecom_userid)
            assignment.staff_changed()
        return staff_token(settings, staff, clock.now())
    finally:
        await db.close()


def staff_view(staff: StaffUser) -> dict[str, Any]:
    return {"id": staff.id, "name": staff.name, "role": staff.role, "wecom_userid": staff.wecom_userid,
            "active": staff.active,
            "tokens_valid_after": staff.tokens_valid_after.isoformat() if staff.tokens_valid_after else None}


async def names_of(refs: Iterable[str]) -> dict[str, str]:
    """Staff names for `role:staff id` references, the form rows keep who acted in (`operator_of`: a run's
    `created_by`, an adjustment request's `requested_by`), so that a page says 小李 where the row says marketer:5.
    One query for them all; a reference that is not of that form or names no user has no entry (shown as it is)."""
    wanted = {ref: int(m[1]) for ref in refs if (m := _STAFF_REF.fullmatch(ref))}
    if not wanted:
        return {}
    by_id = {int(i): str(n) for i, n in await StaffUser.filter(id__in=set(wanted.values())).values_list("id", "name")}
    return {ref: by_id[i] for ref, i in wanted.items() if i in by_id}


async def change_staff(redis: Redis, prefix: str, staff_id: int, now: datetime, *, active: bool | None = None,
                       revoke: bool = False) -> StaffUser:
    """Deactivate/reactivate or revoke tokens; deactivation also revokes every token issued so far.
    `prefix` is the Redis key prefix the workers' staff cache lives under.

    The cache entry is dropped after the change commits. A request that read the old row in that very instant
    can put it back for at most STAFF_CACHE_SECONDS; a Redis failure here is logged, not answered as an
    error (the change stands and the cached row expires on its own)."""
    staff = await StaffUser.get_or_none(id=staff_id)
    if staff is None:
        raise NotFound(f"no staff user #{staff_id}", code="staff_not_found")
    values: dict[str, Any] = {}
    if active is not None and active != staff.active:
        values["active"] = active
    if revoke or values.get("active") is False:
        after = now
        if staff.tokens_valid_after is not None and int(now.timestamp()) <= int(staff.tokens_valid_after.timestamp()):
            # tokens minted since the last revocation carry an iat one second past it (token_issued_at): move
            # the line past them too, or a second revocation within that second would miss them
            after = staff.tokens_valid_after + timedelta(seconds=1)
        values["tokens_valid_after"] = after
    if values:
        await StaffUser.filter(id=staff_id).update(**values)
        staff.update_from_dict(values)
        assignment.staff_changed()
    try:
        await redis.delete(staff_cache_key(prefix, staff_id))
    except (RedisConnectionError, RedisTimeoutError) as exc:
        log.warning("staff %s changed but its cached row was not dropped (%s): it expires within %s s",
                    staff_id, exc, STAFF_CACHE_SECONDS)
    return staff


async def change_staff_cli(settings: Settings, staff_id: int, **change: Any) -> dict[str, Any]:
    """`jifen admin deactivate|activate|revoke`: the same change from the command line."""
    await db.connect(settings)
    redis = create_redis(settings.redis.url)
    try:
        return staff_view(await change_staff(redis, settings.redis.prefix, staff_id, clock.now(), **change))
    finally:
        await redis.aclose()
        await db.close()
