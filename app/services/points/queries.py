"""Read models for the member API: balance summary, upcoming expiries, ledger pages, missions."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta
from typing import Any

from app.db import conn
from app.errors import NotFound, ValidationFailed
from app.runtime import Runtime
from app.services.points.config_cache import config_cache
from app.sqlx import fetch, to_dt, to_json
from models import AwardCounter, Member

_EPS = timedelta(microseconds=1)


_SUMMARY_SQL = """
SELECT m.balance, m.pending, m.growth, m.tier_level, b.state, b.expires_at, b.release_at, b.amount
FROM members m
LEFT JOIN (SELECT state, expires_at, release_at, SUM(remaining) AS amount FROM point_buckets
           WHERE member_id = $1 AND state IN ('active', 'pending') AND remaining > 0
           GROUP BY state, expires_at, release_at) b ON 1 = 1
WHERE m.id = $1
"""


async def summary(rt: Runtime, member_id: int) -> dict[str, Any]:
    """Balances, tier progress, every upcoming expiry (per Shanghai day) and pending releases: one query."""
    now = rt.clock.now()
    cfg = await config_cache.get()
    rows = await fetch(conn(), _SUMMARY_SQL, [member_id])
    if not rows:
        raise NotFound("member not found", code="member_not_found")
    m = rows[0]
    expiring: dict[str, int] = {}
    releases: dict[datetime, int] = {}
    for r in rows:
        if r["state"] == "active" and r["expires_at"] is not None:
            when = to_dt(r["expires_at"])
            assert when is not None
            # bucket expiry is the first instant it is gone; show the last valid Shanghai day
            key = rt.clock.day_of(when - _EPS).isoformat()
            expiring[key] = expiring.get(key, 0) + int(r["amount"])
        elif r["state"] == "pending" and r["release_at"] is not None:
            when = to_dt(r["release_at"])
            assert when is not None
            releases[when] = releases.get(when, 0) + int(r["amount"])
    level, growth = int(m["tier_level"]), int(m["growth"])
    current = cfg.tier(level)
    nxt = next((t for t in cfg.tiers if t.level > level), None)
    return {
        "balance": int(m["balance"]),
        "pending": int(m["pending"]),
        "growth": growth,
        "tier": {"level": level, "name": current.name if current else "member",
                 "multiplier_bp": current.multiplier_bp if current else 10000},
        "next_tier": ({"level": nxt.level, "name": nxt.name, "growth_threshold": nxt.growth_threshold,
                       "growth_needed": max(nxt.growth_threshold - growth, 0)} if nxt else None),
        "expiring": [{"date": d, "amount": a} for d, a in sorted(expiring.items())],
        "pending_releases": [{"release_at": w.isoformat(), "amount": a} for w, a in sorted(releases.items())],
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


async def missions(rt: Runtime, member: Member) -> dict[str, Any]:
    """The member's missions with progress: newbie missions (once-per-member rules) and daily missions
    (daily-capped rules). Called "missions" in code and API so that "task" means only a guide's SOP task."""
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
