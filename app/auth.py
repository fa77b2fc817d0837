"""Bearer tokens (HS256 JWT) for members and staff, and the role check every handler declares."""

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


@dataclass(frozen=True)
class Principal:
    subject_id: int
    role: str

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


def issue_token(secret: str, subject_id: int, role: str, now: int, ttl: int) -> str:
    """A standard HS256 JWT (any JWT library verifies it), built by hand like the check below: PyJWT's
    general encoder was a tenth of the login path's CPU."""
    if role not in ROLES:
        raise ValueError(role)
    claims = {"sub": str(subject_id), "role": role, "iat": now, "exp": now + ttl}
    signing_input = f"{_HEADER_B64}.{_b64encode(json.dumps(claims, separators=(',', ':')).encode())}"
    signature = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64encode(signature)}"


def _verify_hs256(secret: str, token: str) -> dict[str, Any]:
    """HS256 only (no algorithm negotiation): a constant-time HMAC check, then the claims. Hand-rolled
    because PyJWT's general decoder was a tenth of the check-in path's CPU."""
    try:
        header_b64, payload_b64, signature_b64 = token.split(".")
        header = json.loads(_b64decode(header_b64))
        if header.get("alg") != "HS256":
            raise ValueError("alg")
        expected = hmac.new(secret.encode(), f"{header_b64}.{payload_b64}".encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, _b64decode(signature_b64)):
            raise ValueError("signature")
        claims = json.loads(_b64decode(payload_b64))
        if not isinstance(claims, dict) or "sub" not in claims or not isinstance(claims.get("exp"), int):
            raise ValueError("claims")
        return claims
    except (ValueError, TypeError, UnicodeDecodeError, binascii.Error) as exc:
        raise Unauthorized("invalid token", code="invalid_token") from exc


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
    principal = Principal(subject_id=int(claims["sub"]), role=role)
    if len(_VERIFIED) >= _VERIFIED_MAX:
        _VERIFIED.clear()
    _VERIFIED[(secret, token)] = (principal, int(claims["exp"]))
    return principal


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
