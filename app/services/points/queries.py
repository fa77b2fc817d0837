"""Read models for the member API: balance summary, upcoming expiries, ledger pages, tasks."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta
from typing import Any

from app.db import conn
from app.errors import ValidationFailed
from app.runtime import Runtime
from app.services.points.config_cache import config_cache
from app.sqlx import fetch, to_dt, to_json
from models import AwardCounter, Member

_EPS = timedelta(microseconds=1)


async def summary(rt: Runtime, member: Member) -> dict[str, Any]:
    now = rt.clock.now()
    cfg = await config_cache.get()
    rows = await fetch(conn(), "SELECT expires_at, SUM(remaining) AS amount FROM point_buckets WHERE member_id = $1 "
                               "AND state = 'active' AND remaining > 0 AND expires_at IS NOT NULL "
                               "GROUP BY expires_at ORDER BY expires_at", [member.id])
    expiring: dict[str, int] = {}
    for r in rows:
        when = to_dt(r["expires_at"])
        assert when is not None
        # bucket expiry is the first instant it is gone; show the last valid Shanghai day
        key = rt.clock.day_of(when - _EPS).isoformat()
        expiring[key] = expiring.get(key, 0) + int(r["amount"])
    pending_rows = await fetch(conn(), "SELECT release_at, SUM(remaining) AS amount FROM point_buckets "
                                       "WHERE member_id = $1 AND state = 'pending' GROUP BY release_at "
                                       "ORDER BY release_at", [member.id])
    tiers = cfg.tiers
    current = cfg.tier(member.tier_level)
    nxt = next((t for t in tiers if t.level > member.tier_level), None)
    return {
        "balance": member.balance,
        "pending": member.pending,
        "growth": member.growth,
        "tier": {"level": member.tier_level, "name": current.name if current else "member",
                 "multiplier_bp": current.multiplier_bp if current else 10000},
        "next_tier": ({"level": nxt.level, "name": nxt.name, "growth_threshold": nxt.growth_threshold,
                       "growth_needed": max(nxt.growth_threshold - member.growth, 0)} if nxt else None),
        "expiring": [{"date": d, "amount": a} for d, a in expiring.items()],
        "pending_releases": [{"release_at": to_dt(r["release_at"]).isoformat(), "amount": int(r["amount"])}  # type: ignore[union-attr]
                             for r in pending_rows if r["release_at"] is not None],
        "as_of": now.isoformat(),
    }




def _cursor_encode(entry_id: int) -> str:
    return base64.urlsafe_b64encode(f"e{entry_id}".encode()).decode().rstrip("=")


def _cursor_decode(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not raw.startswith("e"):
            raise ValueError
        return int(raw[1:])
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationFailed("invalid cursor", details=[{"field": "cursor", "message": "invalid"}]) from exc


def entry_view(r: Any) -> dict[str, Any]:
    created = r["created_at"]
    created = created if isinstance(created, datetime) else to_dt(created)
    return {"id": int(r["id"]), "account": r["account"], "amount": int(r["amount"]), "kind": r["kind"],
            "event": r["event"], "source": r["source"], "balance_after": int(r["balance_after"]),
            "growth": int(r["growth"]), "trace": to_json(r["trace"]),
            "created_at": created.isoformat() if created else None}


async def ledger_page(member_id: int, cursor: str | None, limit: int) -> dict[str, Any]:
    """Newest first, keyset-paginated on the entry id (stable under concurrent inserts)."""
    before = _cursor_decode(cursor) if cursor else 2**62
    rows = await fetch(conn(), "SELECT id, account, amount, kind, event, source, balance_after, growth, trace, "
                               "created_at FROM point_entries WHERE member_id = $1 AND id < $2 ORDER BY id DESC "
                               "LIMIT $3", [member_id, before, limit + 1])
    items = [entry_view(r) for r in rows[:limit]]
    next_cursor = _cursor_encode(items[-1]["id"]) if len(rows) > limit else None
    return {"items": items, "next_cursor": next_cursor}


async def tasks(rt: Runtime, member: Member) -> dict[str, Any]:
    """Newbie tasks (once-per-member rules) and daily tasks (daily-capped rules) with progress."""
    cfg = await config_cache.get()
    now = rt.clock.now()
    today = f"d:{rt.clock.today().isoformat()}"
    counters = {(c.rule_id, c.period): c for c in await AwardCounter.filter(member_id=member.id,
                                                                            period__in=["life", today])}
    newbie, daily = [], []
    for event in cfg.rules_by_event:
        rule = cfg.rule_for(event, now)
        if rule is None:
            continue
        if rule.once_per_member:
            done = (rule.id, "life") in counters
            newbie.append({"event": event, "rule": rule.code, "name": rule.name, "points": rule.points_fixed,
                           "done": done})
        elif rule.daily_count_cap:
            c = counters.get((rule.id, today))
            daily.append({"event": event, "rule": rule.code, "name": rule.name, "points": rule.points_fixed,
                          "done_today": c.count if c else 0, "daily_limit": rule.daily_count_cap,
                          "points_today": c.points if c else 0, "daily_points_cap": rule.daily_points_cap})
    return {"newbie": newbie, "daily": daily}
