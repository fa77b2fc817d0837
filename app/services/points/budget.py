"""Budget guard: points are a debt, so issuance is tracked against an annual budget.

Issued points (awards and positive manual adjustments) are counted in Redis (`INCRBY`, off the database's
hot rows) and rebuilt from the ledger when the counter is missing. Past the warning ratio the engine logs
and exposes an alert; past the budget it refuses awards (mode refuse) or awards and flags them (mode flag).
Concurrent awards can overshoot the budget by at most the awards in flight at that moment. An award whose
counter update fails (Redis gone right after the commit) still stands; the process then rebuilds the counter
on its next read.

On the embedded default (`memory://`) Redis lives inside each process, so the scheduler's awards (payments
credited late, reconciled awards) would never reach the server's counter: there the counter is not kept at all
and every read sums the ledger, which both processes share (slower per award, exact).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from app.clock import SHANGHAI
from app.db import conn, detached
from app.redis_client import LuaScript
from app.runtime import Runtime
from app.services.points.config_cache import ConfigSnapshot
from app.sqlx import fetchrow

log = logging.getLogger("jifen.budget")


def budget_year(now: datetime) -> int:
    return now.astimezone(SHANGHAI).year


_rebuilding: dict[str, asyncio.Future[int]] = {}
_missed: set[str] = set()  # counters this process could not add to (Redis failed): rebuilt on next read


def _counted_in_redis(rt: Runtime) -> bool:
    """False for the in-process Redis (`memory://`): each process would count only its own awards."""
    return not rt.settings.redis.url.startswith("memory://")


async def issued(rt: Runtime, year: int) -> int:
    if not _counted_in_redis(rt):
        return await _ledger_total(year)
    key = rt.key("budget-issued", year)
    if key in _missed:  # it lacks awards that committed while Redis failed: recount from the ledger
        await rt.redis.delete(key)
        _missed.discard(key)
    value = await rt.redis.get(key)
    if value is not None:
        return int(value)
    # the counter is gone (first use, Redis restarted): one rebuild per process, concurrent callers share it,
    # so a burst of awards does not become a burst of year-long ledger sums
    flight = _rebuilding.get(key)
    if flight is None:
        flight = _rebuilding[key] = detached(_rebuild(rt, key, year))  # never on a caller's transaction
        flight.add_done_callback(lambda _: _rebuilding.pop(key, None))
    return await asyncio.shield(flight)


async def _ledger_total(year: int) -> int:
    """Points issued in the (Shanghai) year according to the ledger: the counter's truth."""
    start = datetime(year, 1, 1, tzinfo=SHANGHAI)
    end = datetime(year + 1, 1, 1, tzinfo=SHANGHAI)
    # issued = awards (a pending award counts when awarded, not again when released) + positive manual
    # adjustments; claw-backs and negative adjustments do not give budget back (points are debt: overcount)
    row = await fetchrow(conn(), "SELECT COALESCE(SUM(amount), 0) AS s FROM point_entries "
                                 "WHERE ((kind = 'earn' AND NOT (account = 'available' AND idem_key LIKE 'release:%')) "
                                 "OR (kind = 'adjust' AND amount > 0)) "
                                 "AND created_at >= $1 AND created_at < $2", [start, end])
    return int(row["s"]) if row else 0


async def _rebuild(rt: Runtime, key: str, year: int) -> int:
    total = await _ledger_total(year)
    await rt.redis.set(key, total, nx=True, ex=400 * 86400)
    return int(await rt.redis.get(key) or total)


async def check(rt: Runtime, cfg: ConfigSnapshot, now: datetime, points: int) -> dict[str, Any] | None:
    """None when within budget; otherwise a description of the breach (mode decides refuse/flag)."""
    b = cfg.budgets.get(budget_year(now))
    if b is None or points <= 0:
        return None
    used = await issued(rt, b.year)
    if used + points > b.budget_points:
        log.warning("points budget %s exhausted: issued %s of %s", b.year, used, b.budget_points)
        return {"mode": b.mode, "issued": used, "budget": b.budget_points}
    if (used + points) * 10000 >= b.budget_points * b.warn_ratio_bp:
        await rt.redis.set(rt.key("budget-alert", b.year), f"{used + points}/{b.budget_points}", ex=86400 * 2)
    return None


async def fits(rt: Runtime, cfg: ConfigSnapshot, now: datetime, points_at_most: int) -> bool:
    """For the single-statement paths: True when no budget is configured for the year, or when even
    `points_at_most` more stays below the warning line - then neither a refusal, a flag nor an alert can
    be due, and the statement needs no budget logic. Otherwise the general path decides exactly."""
    b = cfg.budgets.get(budget_year(now))
    if b is None:
        return True
    used = await issued(rt, b.year)
    return (used + points_at_most) * 10000 < b.budget_points * min(b.warn_ratio_bp, 10000)


# Add to the counter only while it exists: a missing counter is rebuilt from the ledger by `issued()`,
# which already includes these points; INCRBY alone would recreate it from zero.
_ADD_IF_COUNTED = LuaScript("""
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCRBY', KEYS[1], ARGV[1]) end
return false
""")


async def record_issued(rt: Runtime, cfg: ConfigSnapshot, now: datetime, points: int) -> None:
    """Count issued points while a budget is configured for the year (otherwise `issued()` rebuilds the
    counter from the ledger when a budget appears, so nothing is lost by skipping the round trip).

    Called after the award committed, so a Redis failure here must not turn a done award into an error
    answer: the counter is marked for a rebuild from the ledger instead."""
    year = budget_year(now)
    if year not in cfg.budgets or points <= 0 or not _counted_in_redis(rt):
        return
    key = rt.key("budget-issued", year)
    try:
        await _ADD_IF_COUNTED(rt.redis, [key], [points])
    except (RedisConnectionError, RedisTimeoutError) as exc:
        _missed.add(key)
        log.warning("budget counter %s not updated (%s): it will be rebuilt from the ledger", key, exc)


async def status(rt: Runtime, cfg: ConfigSnapshot, now: datetime) -> dict[str, Any] | None:
    b = cfg.budgets.get(budget_year(now))
    if b is None:
        return None
    used = await issued(rt, b.year)
    return {"year": b.year, "budget_points": b.budget_points, "issued": used, "mode": b.mode,
            "warn_ratio_bp": b.warn_ratio_bp, "warning": used * 10000 >= b.budget_points * b.warn_ratio_bp,
            "exhausted": used >= b.budget_points}
