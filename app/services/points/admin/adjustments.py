"""Members for operators: profile, ledger, manual adjustments (limits, approvals) and operator awards."""

from __future__ import annotations

import zlib
from datetime import datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError
from tortoise.transactions import in_transaction

from app.auth import Principal
from app.clock import SHANGHAI
from app.db import conn, is_postgres_conn
from app.errors import Conflict, Forbidden, NotFound, ValidationFailed
from app.runtime import Runtime
from app.services.members.service import get_member, member_view
from app.services.points import budget, engine, ledger, queries
from app.services.points.admin.common import (
    ADJUST_LOCK_KEY,
    MAX_POINTS,
    Event,
    _iso,
    _page,
    _raise,
    check_event,
    operator_of,
)
from app.services.points.config_cache import config_cache
from app.sqlx import INTEGRITY_ERRORS, execute, fetchrow, to_json
from models import AdjustmentRequest, TierChange

IdemKey = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[\x21-\x7e]+$",
                               description="printable ASCII, no spaces; retries must reuse it")]
ADJUST_PREFIX = "admin-adjust:"
AWARD_PREFIX = "admin-award:"





async def member_detail(rt: Runtime, member_id: int) -> dict[str, Any]:
    """Profile, balances (incl. debt held in debt buckets), tier progress, upcoming expiries, tier history."""
    member = await get_member(member_id)
    debt = await fetchrow(conn(), "SELECT COALESCE(SUM(remaining), 0) AS s FROM point_buckets "
                                  "WHERE member_id = $1 AND state = 'debt'", [member_id])
    changes = await TierChange.filter(member_id=member_id).order_by("-id").limit(10)
    return {
        "member": member_view(member),
        "points": {**await queries.summary(rt, member.id), "debt": -int(debt["s"]) if debt else 0},
        "tier_history": [{"from_level": t.from_level, "to_level": t.to_level, "reason": t.reason,
                          "at": _iso(t.created_at)} for t in changes],
    }


async def member_ledger(member_id: int, cursor: str | None, limit: int) -> dict[str, Any]:
    """Both accounts (available and pending), newest first."""
    await get_member(member_id)
    return await queries.ledger_page(member_id, cursor, limit)


class AdjustmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    amount: int = Field(ge=-MAX_POINTS, le=MAX_POINTS, description="signed points; negative may create debt")
    reason: Annotated[str, Field(min_length=1, max_length=200)]
    idempotency_key: IdemKey
    expires_at: AwareDatetime | None = Field(
        default=None, description="positive adjustments only; default: end of next year (Asia/Shanghai)")

    @model_validator(mode="after")
    def _cross_fields(self) -> AdjustmentIn:
        errors: list[tuple[tuple[str | int, ...], str, Any]] = []
        if self.amount == 0:
            errors.append((("amount",), "must not be 0", 0))
        if self.amount < 0 and self.expires_at is not None:
            errors.append((("expires_at",), "only for positive adjustments", self.expires_at.isoformat()))
        _raise("AdjustmentIn", errors)
        return self


_ENTRY_SQL = ("SELECT id, account, amount, kind, event, source, balance_after, growth, trace, created_at "
              "FROM point_entries WHERE member_id = $1 AND idem_key = $2")


def default_adjust_expiry(now: datetime) -> datetime:
    """Granted points follow the default rule validity (end of next year), so goodwill does not pile up as
    never-expiring liability; pass `expires_at` to choose otherwise."""
    year = now.astimezone(SHANGHAI).year
    return datetime(year + 2, 1, 1, tzinfo=SHANGHAI)


async def _adjustment_entry(member_id: int, key: str, data: AdjustmentIn) -> dict[str, Any] | None:
    row = await fetchrow(conn(), _ENTRY_SQL, [member_id, key])
    if row is None:
        return None
    trace = to_json(row["trace"]) or {}
    if row["kind"] != "adjust" or int(row["amount"]) != data.amount or trace.get("reason") != data.reason:
        raise Conflict("this idempotency key was already used for a different adjustment",
                       code="idempotency_key_reused", details={"entry_id": int(row["id"])})
    return queries.entry_view(row)


def _expiry(amount: int, expires_at: datetime | None, now: datetime) -> datetime | None:
    """Added points expire (default: end of next year); the moment must still be ahead."""
    if amount <= 0:
        return None
    expires_at = expires_at or default_adjust_expiry(now)
    if expires_at <= now:
        raise ValidationFailed("expires_at must be in the future",
                               details=[{"field": "expires_at", "message": "must be in the future"}])
    return expires_at


def _approval_required(message: str, limit: dict[str, Any]) -> Forbidden:
    return Forbidden(f"{message}: file an adjustment request (POST /admin/v1/adjustment-requests) for an admin "
                     "to approve", code="approval_required", details=limit)


def _marketer_limits(rt: Runtime, principal: Principal, amount: int) -> int | None:
    """The daily limit that applies to this adjustment (None: none applies), after the per-adjustment one.

    Only marketers are limited, and only when they add points: admins are the ones who approve, and taking
    points away mints nothing (it can only create debt, which the member's later earnings pay)."""
    if principal.role != "marketer" or amount <= 0:
        return None
    limits = rt.settings.adjustments
    if amount > limits.marketer_max_points:
        raise _approval_required(f"{amount} points is above a marketer's limit of {limits.marketer_max_points} "
                                 "per adjustment", {"limit": "per_adjustment", "max_points": limits.marketer_max_points,
                                                    "amount": amount})
    return limits.marketer_daily_points


async def _apply_adjustment(rt: Runtime, member_id: int, amount: int, key: str, *, now: datetime, reason: str,
                            operator: str, expires_at: datetime | None, daily_limit: int | None = None,
                            request_id: int | None = None, requested_by: str | None = None) -> int:
    """Post one manual adjustment through the ledger, counted against the points budget like any award.

    One transaction holds the marketer's daily-limit check (serialised per operator: an advisory lock on
    PostgreSQL, the single writer on SQLite, so parallel requests cannot each pass the check), an approval's
    `pending -> approved` claim and the ledger posting: all of it commits or none. Returns the entry id;
    raises `ledger.DuplicateKey`/integrity errors when the key is already on the ledger."""
    cfg = await config_cache.get()
    extra: dict[str, Any] = {}
    if requested_by is not None:
        extra = {"requested_by": requested_by, "approval_request": request_id}
    if amount > 0:
        refusal = await budget.check(rt, cfg, now, amount)
        if refusal and refusal["mode"] == "refuse":
            raise Conflict("the points budget for the year is exhausted", code="budget_exhausted", details=refusal)
        if refusal:
            extra["budget"] = refusal
    async with in_transaction() as c:
        if daily_limit is not None:
            if is_postgres_conn(c):
                await execute(c, "SELECT pg_advisory_xact_lock($1, $2)",
                              [ADJUST_LOCK_KEY, zlib.crc32(operator.encode()) & 0x7FFFFFFF])
            day_start = rt.clock.day_start(rt.clock.day_of(now))
            row = await fetchrow(c, "SELECT COALESCE(SUM(amount), 0) AS s FROM point_entries WHERE source = $1 "
                                    "AND kind = 'adjust' AND amount > 0 AND created_at >= $2",
                                 [f"admin:{operator}", day_start])
            used = int(row["s"]) if row else 0
            if used + amount > daily_limit:
                raise _approval_required(
                    f"{used} points added today; {amount} more is above a marketer's daily limit of {daily_limit}",
                    {"limit": "per_day", "daily_points": daily_limit, "used_today": used, "amount": amount})
        if request_id is not None:
            claimed = await fetchrow(c, "UPDATE adjustment_requests SET state = 'approved', decided_by = $1, "
                                        "decided_at = $2 WHERE id = $3 AND state = 'pending' RETURNING id",
                                     [operator, now, request_id])
            if claimed is None:
                raise Conflict("this adjustment request was already decided", code="request_decided")
        entry_id = await ledger.adjust(member_id, amount, key, now=now, reason=reason, operator=operator,
                                       expires_at=expires_at, trace_extra=extra or None)
        if request_id is not None:
            await execute(c, "UPDATE adjustment_requests SET entry_id = $1 WHERE id = $2", [entry_id, request_id])
    if amount > 0:
        await budget.record_issued(rt, cfg, now, amount)
    return entry_id


async def adjust_points(rt: Runtime, member_id: int, data: AdjustmentIn, principal: Principal
                        ) -> tuple[dict[str, Any], bool]:
    """Manual adjustment, audited (reason + operator in the trace, operator in the source) and idempotent.

    Returns (result, created). The same key again returns the first entry (created=False) without applying
    anything; the same key with a different amount/reason is a 409. A negative adjustment may exceed the
    balance: the shortfall is held as a debt bucket and the balance goes negative until later earnings
    pay it off (ledger policy), so operators can claw back points a member already spent. Added points count
    against the year's points budget; a marketer above the per-adjustment or per-day limit gets 403
    approval_required (nothing applied) and files an adjustment request instead.
    """
    await get_member(member_id)
    key = ADJUST_PREFIX + data.idempotency_key
    existing = await _adjustment_entry(member_id, key, data)
    if existing is None:
        now = rt.clock.now()
        expires_at = _expiry(data.amount, data.expires_at, now)
        daily_limit = _marketer_limits(rt, principal, data.amount)
        try:
            await _apply_adjustment(rt, member_id, data.amount, key, now=now, reason=data.reason,
                                    operator=operator_of(principal), expires_at=expires_at, daily_limit=daily_limit)
            created = True
        except (ledger.DuplicateKey, *INTEGRITY_ERRORS):
            created = False  # a concurrent identical request won; report its entry
        entry = await _adjustment_entry(member_id, key, data)
        if entry is None:  # pragma: no cover - the key is on the ledger whenever adjust returned or collided
            raise Conflict("adjustment could not be confirmed, retry with the same key", code="retry")
    else:
        entry, created = existing, False
    member = await get_member(member_id)
    return {"entry": entry, "duplicate": not created, "balance": member.balance, "pending": member.pending}, created




class AdjustmentRequestIn(AdjustmentIn):
    member_id: int = Field(ge=1, le=2**63 - 1)


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    note: str | None = Field(default=None, max_length=200)


def request_view(r: AdjustmentRequest) -> dict[str, Any]:
    return {"id": r.id, "member_id": r.member_id, "amount": r.amount, "reason": r.reason,
            "idempotency_key": r.idempotency_key, "expires_at": _iso(r.expires_at), "state": r.state,
            "requested_by": r.requested_by, "decided_by": r.decided_by, "decision_note": r.decision_note,
            "decided_at": _iso(r.decided_at), "entry_id": r.entry_id, "created_at": _iso(r.created_at)}


async def _get_request(request_id: int) -> AdjustmentRequest:
    found = await AdjustmentRequest.get_or_none(id=request_id)
    if found is None:
        raise NotFound(f"no adjustment request #{request_id}", code="request_not_found")
    return found


async def create_request(rt: Runtime, data: AdjustmentRequestIn, principal: Principal
                         ) -> tuple[dict[str, Any], bool]:
    """File an adjustment for an admin to approve. The idempotency key is the adjustment's: the same key again
    returns the same request (created=False); once approved, the entry is posted under that key, so neither a
    second request nor a direct adjustment with it can apply the points twice."""
    await get_member(data.member_id)
    now = rt.clock.now()
    _expiry(data.amount, data.expires_at, now)
    if await fetchrow(conn(), _ENTRY_SQL, [data.member_id, ADJUST_PREFIX + data.idempotency_key]):
        raise Conflict("this idempotency key is already on the member's ledger", code="idempotency_key_reused")
    try:
        req = await AdjustmentRequest.create(
            member_id=data.member_id, amount=data.amount, reason=data.reason, idempotency_key=data.idempotency_key,
            expires_at=data.expires_at, state="pending", requested_by=operator_of(principal), created_at=now)
        return request_view(req), True
    except INTEGRITY_ERRORS:
        req = await AdjustmentRequest.get(member_id=data.member_id, idempotency_key=data.idempotency_key)
        if (req.amount, req.reason) != (data.amount, data.reason):
            raise Conflict("this idempotency key was already used for a different request",
                           code="idempotency_key_reused", details={"request_id": req.id}) from None
        return request_view(req), False


async def list_requests(state: str | None, cursor: int | None, limit: int) -> dict[str, Any]:
    q = AdjustmentRequest.filter(id__gt=cursor or 0)
    if state is not None:
        q = q.filter(state=state)
    rows = await q.order_by("id").limit(limit + 1)
    return _page([request_view(r) for r in rows], limit)


async def approve_request(rt: Runtime, request_id: int, note: str | None, principal: Principal) -> dict[str, Any]:
    """Apply the requested adjustment through the ledger, exactly once: the `pending -> approved` claim and
    the posting (key `admin-adjust:<idempotency key>`) share one transaction, so of concurrent approvals one
    applies and the others get 409 request_decided. The entry names the approving admin as its operator and
    the requester in its trace. Budget refusal or an expiry now past leave the request pending."""
    req = await _get_request(request_id)
    if req.state != "pending":
        raise Conflict(f"this adjustment request is {req.state}", code="request_decided")
    now = rt.clock.now()
    expires_at = _expiry(req.amount, req.expires_at, now)
    try:
        await _apply_adjustment(rt, req.member_id, req.amount, ADJUST_PREFIX + req.idempotency_key, now=now,
                                reason=req.reason, operator=operator_of(principal), expires_at=expires_at,
                                request_id=req.id, requested_by=req.requested_by)
    except (ledger.DuplicateKey, *INTEGRITY_ERRORS) as exc:
        raise Conflict("this idempotency key is already on the member's ledger (applied another way): reject "
                       "the request", code="idempotency_key_reused") from exc
    if note:
        await AdjustmentRequest.filter(id=req.id).update(decision_note=note)
    return await _decided(req.id)


async def reject_request(rt: Runtime, request_id: int, note: str | None, principal: Principal) -> dict[str, Any]:
    await _get_request(request_id)
    done = await AdjustmentRequest.filter(id=request_id, state="pending").update(
        state="rejected", decided_by=operator_of(principal), decided_at=rt.clock.now(), decision_note=note)
    if not done:
        raise Conflict("this adjustment request was already decided", code="request_decided")
    return await _decided(request_id)


async def _decided(request_id: int) -> dict[str, Any]:
    req = await _get_request(request_id)
    out = request_view(req)
    if req.entry_id is not None:
        member = await get_member(req.member_id)
        out["balance"] = member.balance
    return out


class AwardContext(BaseModel):
    """What the engine reads from an award's context. Only `amount_fen` can be given by operators: the time
    is always the server clock and the source always names the operator."""

    model_config = ConfigDict(extra="forbid")
    amount_fen: int | None = Field(default=None, ge=0, le=10**11, description="for per-yuan rules")


class AwardIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    event: Event
    idempotency_key: IdemKey
    context: AwardContext = Field(default_factory=AwardContext)

    @model_validator(mode="after")
    def _event(self) -> AwardIn:
        try:
            check_event(self.event)
        except PydanticCustomError as exc:
            _raise("AwardIn", [(("event",), exc.message(), self.event)])
        return self


async def operator_award(rt: Runtime, member_id: int, data: AwardIn, principal: Principal) -> engine.AwardResult:
    """Run the one award entry point on an operator's behalf (e.g. `custom:experience_officer`)."""
    await get_member(member_id)
    context: dict[str, Any] = {"source": f"admin:{operator_of(principal)}"}
    if data.context.amount_fen is not None:
        context["amount_fen"] = data.context.amount_fen
    return await engine.award(rt, member_id, data.event, AWARD_PREFIX + data.idempotency_key, context)
