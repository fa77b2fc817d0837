"""Bearer tokens (HS256 JWT) for members and staff, and the role check every handler declares.

Member tokens are checked by signature and expiry alone (the hot path; a member cannot be deactivated).
Staff tokens are also checked against their `staff_users` row on every request - it exists, is active, has
the token's role and has not revoked tokens issued up to then (`tokens_valid_after`) - with that row cached
for `STAFF_CACHE_SECONDS` in Redis, so a deactivation or revocation reaches every worker at once (the cache
entry is dropped) or, where the cache cannot be reached from the revoking process, within that time.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sanic import Request
from sanic_ext.extensions.openapi.builders import OperationStore

from app.errors import Forbidden, Unauthorized

ROLES = ("member", "guide", "marketer", "admin")
STAFF_ROLES = ("guide", "marketer", "admin")
STAFF_CACHE_SECONDS = 30
_MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class Principal:
    subject_id: int
    role: str
    issued_at: int = 0

    @property
    def member_id(self) -> int:
        if self.role != "member":
            raise Forbidden("this route is for members")
        return self.subject_id


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


_HEADER_B64 = _b64encode(b'{"alg":"HS256","typ":"JWT"}')


@functools.lru_cache(maxsize=8)
def _keyed_mac(secret: str) -> Any:
    """HMAC-SHA256 keyed with `secret`, copied per token: the key schedule (two hash blocks) is paid once."""
    return hmac.new(secret.encode(), digestmod=hashlib.sha256)


def issue_token(secret: str, subject_id: int, role: str, now: int, ttl: int) -> str:
    """A standard HS256 JWT (any JWT library verifies it), built by hand like the check below: PyJWT's
    general encoder was a tenth of the login path's CPU. The claims are four known scalars (`role` one of
    ROLES, the rest integers), so they are formatted directly - the same bytes json.dumps would give."""
    if role not in ROLES:
        raise ValueError(role)
    claims = f'{{"sub":"{int(subject_id)}","role":"{role}","iat":{int(now)},"exp":{int(now) + int(ttl)}}}'
    signing_input = f"{_HEADER_B64}.{_b64encode(claims.encode())}".encode()
    mac = _keyed_mac(secret).copy()
    mac.update(signing_input)
    return f"{signing_input.decode()}.{_b64encode(mac.digest())}"


def _verify_hs256(secret: str, token: str) -> dict[str, Any]:
    """HS256 only (no algorithm negotiation): a constant-time HMAC check, then the claims. Hand-rolled
    because PyJWT's general decoder was a tenth of the check-in path's CPU."""
    try:
        header_b64, payload_b64, signature_b64 = token.split(".")
        header = json.loads(_b64decode(header_b64))
        if not isinstance(header, dict) or header.get("alg") != "HS256":
            raise ValueError("alg")
        expected = hmac.new(secret.encode(), f"{header_b64}.{payload_b64}".encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, _b64decode(signature_b64)):
            raise ValueError("signature")
        claims = json.loads(_b64decode(payload_b64))
        if not isinstance(claims, dict) or not isinstance(claims.get("exp"), int):
            raise ValueError("claims")
        if not isinstance(claims.get("iat", 0), int):
            raise ValueError("iat")
        claims["sub"] = _subject(claims.get("sub"))
        return claims
    except (ValueError, TypeError, UnicodeDecodeError, binascii.Error, RecursionError) as exc:
        # RecursionError: a header of thousands of nested brackets is valid base64 and nearly valid JSON
        raise Unauthorized("invalid token", code="invalid_token") from exc


def _subject(sub: Any) -> int:
    """`sub` is a decimal id (a string, as JWT wants, or a number) that fits the ids' BIGINT column."""
    if isinstance(sub, bool):
        raise ValueError("sub")
    if isinstance(sub, str) and sub.isascii() and sub.isdigit() and len(sub) <= 19:
        sub = int(sub)
    if not isinstance(sub, int) or not 1 <= sub <= _MAX_ID:
        raise ValueError("sub")
    return sub


_VERIFIED: dict[tuple[str, str], tuple[Principal, int]] = {}
_VERIFIED_MAX = 20_000


def decode_token(secret: str, token: str, now: int) -> Principal:
    """Verify a bearer token. Verified tokens are remembered (bounded) so the signature is checked once per
    token per worker; expiry is still compared with the clock on every request."""
    hit = _VERIFIED.get((secret, token))
    if hit is not None:
        principal, exp = hit
        if exp <= now:
            raise Unauthorized("token expired", code="token_expired")
        return principal
    claims = _verify_hs256(secret, token)
    if int(claims["exp"]) <= now:
        raise Unauthorized("token expired", code="token_expired")
    role = claims.get("role")
    if role not in ROLES:
        raise Unauthorized("invalid token", code="invalid_token")
    principal = Principal(subject_id=claims["sub"], role=role, issued_at=int(claims.get("iat", 0)))
    if len(_VERIFIED) >= _VERIFIED_MAX:
        _VERIFIED.clear()
    _VERIFIED[(secret, token)] = (principal, int(claims["exp"]))
    return principal


def staff_cache_key(prefix: str, staff_id: int) -> str:
    return f"{prefix}staff:{staff_id}"


async def _staff_row(rt: Any, staff_id: int) -> tuple[bool, str, int] | None:
    """(active, role, tokens valid after [unix seconds, 0 = none]) of a staff user, None if there is none.

    Cached in Redis for STAFF_CACHE_SECONDS ("-" caches a missing row, so a flood of tokens for unknown ids
    does not become a flood of queries). Without Redis the row is read from the database: auth keeps working
    through a Redis outage, only slower."""
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    from models import StaffUser

    key = staff_cache_key(rt.prefix, staff_id)
    redis_ok = True
    try:
        cached = await rt.redis.get(key)
    except (RedisConnectionError, RedisTimeoutError):
        cached, redis_ok = None, False
    if cached is not None:
        if cached == "-":
            return None
        active, role, after = cached.split("|")
        return active == "1", role, int(after)
    row = await StaffUser.filter(id=staff_id).first().values("active", "role", "tokens_valid_after")
    value = None if row is None else (bool(row["active"]), str(row["role"]), _seconds(row["tokens_valid_after"]))
    if redis_ok:
        text = "-" if value is None else f"{int(value[0])}|{value[1]}|{value[2]}"
        try:
            await rt.redis.set(key, text, ex=STAFF_CACHE_SECONDS)
        except (RedisConnectionError, RedisTimeoutError):
            pass
    return value


def _seconds(moment: Any) -> int:
    """Revocation granularity is the token's `iat` second: everything issued in or before that second dies."""
    return int(moment.timestamp()) if moment is not None else 0


async def check_staff(rt: Any, principal: Principal) -> None:
    """A staff token is honoured only while its staff user exists, is active, still has the token's role
    and has not revoked the tokens issued up to the token's `iat`."""
    row = await _staff_row(rt, principal.subject_id)
    if row is None:
        raise Unauthorized("no such staff user", code="invalid_token")
    active, role, valid_after = row
    if not active:
        raise Unauthorized("this staff user is deactivated", code="staff_deactivated")
    if role != principal.role:
        raise Unauthorized("the staff user's role has changed: get a new token", code="token_revoked")
    if valid_after and principal.issued_at <= valid_after:
        raise Unauthorized("this token was revoked: get a new one", code="token_revoked")


Handler = Callable[..., Awaitable[Any]]


def require(*roles: str) -> Callable[[Handler], Handler]:
    """Declare which roles a handler accepts; the principal lands in `request.ctx.principal`."""
    for role in roles:
        if role not in ROLES:
            raise ValueError(role)

    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def inner(request: Request, *args: Any, **kwargs: Any) -> Any:
            header = request.headers.get("authorization", "")
            scheme, _, token = header.partition(" ")
            if scheme.lower() != "bearer" or not token:
                raise Unauthorized("missing bearer token", code="missing_token")
            rt = request.app.ctx.rt
            principal = decode_token(rt.settings.auth.secret, token.strip(), int(rt.clock.now().timestamp()))
            if principal.role in STAFF_ROLES:  # a revoked token is 401 everywhere, before any 403
                await check_staff(rt, principal)
            if principal.role not in roles:
                raise Forbidden(f"role {principal.role} may not use this route")
            request.ctx.principal = principal
            return await handler(request, *args, **kwargs)

        inner.__jifen_roles__ = roles  # type: ignore[attr-defined]
        # keep OpenAPI docs attached by decorators applied below this one (sanic-ext keys them by function)
        store = OperationStore()
        if handler in store:
            store[inner] = store.pop(handler)
        return inner

    return wrap
