"""Console passwords: argon2id hashes (argon2-cffi's defaults, RFC 9106 low-memory profile) on staff_users.

Only marketers and admins sign in with a password (guides sign in through WeCom OAuth). A wrong name and a
wrong password look the same and take the same time (a dummy hash is verified when there is no such user).
Hashing runs in a worker thread: it is deliberately slow and must not stall the event loop.
"""

from __future__ import annotations

import asyncio
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.errors import ApiError, Conflict, Unauthorized, ValidationFailed
from models import StaffUser

CONSOLE_ROLES = ("marketer", "admin")
MIN_LENGTH = 8

_hasher = PasswordHasher()
# What an unknown name is verified against: a hash of a random secret nobody kept, made with argon2-cffi's default
# parameters (so it costs what a real user's takes). A literal, because hashing one at import cost ~130 ms of every
# process's start (each worker, every CLI run); made afresh only if the defaults ever differ from its parameters.
_DUMMY = "$argon2id$v=19$m=65536,t=3,p=4$NS338YAApx7sbj4f7xcpug$/ggzBLlyaqD49zILwvxLKUy9sWahv+4nuFpkufhW/sY"
if _hasher.check_needs_rehash(_DUMMY):
    _DUMMY = _hasher.hash(secrets.token_urlsafe(32))


def hash_password(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise ValidationFailed(f"password: at least {MIN_LENGTH} characters",
                               details=[{"field": "password", "message": f"at least {MIN_LENGTH} characters"}])
    return _hasher.hash(password)


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


async def authenticate(name: str, password: str) -> StaffUser:
    """The active marketer/admin called `name` whose password this is, else 401 (one message for every case).

    Names are unique among console users (`create_user` refuses a second one); a database written before that
    rule may hold a marketer and an admin of one name, and each is tried, so neither is locked out."""
    candidates = [s for s in await StaffUser.filter(name=name, role__in=CONSOLE_ROLES).order_by("id")
                  if s.password_hash]
    staff = None
    for candidate in candidates or [None]:
        stored = candidate.password_hash if candidate is not None else _DUMMY
        if await asyncio.to_thread(_verify, stored, password) and candidate is not None:
            staff = candidate
            break
    if staff is None:
        raise Unauthorized("wrong name or password", code="bad_credentials")
    if not staff.active:
        raise ApiError("this staff user is deactivated", code="staff_deactivated", status=403)
    return staff


async def create_user(role: str, name: str, password: str) -> StaffUser:
    """`jifen admin create-user`: a console user, or a new password for the existing one of that name and role."""
    if role not in CONSOLE_ROLES:
        raise ValidationFailed("role: marketer or admin (guides sign in through WeCom)",
                               details=[{"field": "role", "message": "marketer or admin"}])
    if name != name.strip() or not name:  # the sign-in form trims what is typed: " 小李" could never sign in
        raise ValidationFailed("name: without leading or trailing spaces, not empty",
                               details=[{"field": "name", "message": "名称不能为空，首尾不能有空格"}])
    # the name is what signs in: two console users of one name with a password could not both sign in (a token-only
    # user, `jifen admin token`, has no password and signs in nowhere, so it does not hold the name)
    other = await StaffUser.filter(name=name, role__in=CONSOLE_ROLES, password_hash__isnull=False) \
        .exclude(role=role).first()
    if other is not None:
        raise Conflict(f"a console user named {name!r} already exists ({other.role} #{other.id}); choose another "
                       "name", code="staff_name_taken")
    hashed = await asyncio.to_thread(hash_password, password)
    staff = await StaffUser.filter(name=name, role=role).order_by("id").first()
    if staff is None:
        return await StaffUser.create(name=name, role=role, password_hash=hashed)
    staff.password_hash = hashed
    await staff.save(update_fields=["password_hash"])
    return staff
