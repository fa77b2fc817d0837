"""Measurement of SOP tasks: completion per guide, store or region, and the effect on the customers targeted.

Completion counts assignments by state; `by_wecom` counts those WeCom's own results completed (group-send
sent, moment published, tags seen) beside the guide's confirmations (`by_guide`). Effect: among the task's
recipients who are members, targeted (sent to) vs holdout (matched, deliberately not sent), how many checked
in (a check-in row), paid (a payment) or redeemed (a points `spend` entry) within `days` of the task's start.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Literal

from app import csvfile
from app.db import conn
from app.errors import NotFound
from app.sqlx import fetch
from models import SopTask

GroupBy = Literal["guide", "store", "region"]
_KEY = {"guide": "a.staff_id", "store": "a.store_id", "region": "a.region"}


async def completion(by: GroupBy, task_id: int | None = None) -> list[dict[str, Any]]:
    args: list[Any] = []
    where = "a.state <> 'cancelled'"
    if task_id is not None:
        args.append(task_id)
        where += " AND a.task_id = $1"
    key = _KEY[by]
    rows = await fetch(conn(), f"""
        SELECT {key} AS k, COUNT(*) AS assignments,
          SUM(CASE WHEN a.state = 'done' THEN 1 ELSE 0 END) AS done,
          SUM(CASE WHEN a.state = 'overdue' THEN 1 ELSE 0 END) AS overdue,
          SUM(CASE WHEN a.state = 'open' THEN 1 ELSE 0 END) AS open,
          SUM(CASE WHEN a.state = 'done' AND a.completed_via = 'wecom' THEN 1 ELSE 0 END) AS by_wecom,
          SUM(CASE WHEN a.state = 'done' AND a.completed_via = 'guide' THEN 1 ELSE 0 END) AS by_guide,
          SUM(CASE WHEN a.state = 'done' AND a.overdue_at IS NOT NULL THEN 1 ELSE 0 END) AS late
        FROM sop_assignments a WHERE {where} GROUP BY {key} ORDER BY {key}""", args)
    out = []
    for r in rows:
        n = int(r["assignments"])
        out.append({by: r["k"], "assignments": n, "done": int(r["done"]), "overdue": int(r["overdue"]),
                    "open": int(r["open"]), "by_wecom": int(r["by_wecom"]), "by_guide": int(r["by_guide"]),
                    "late": int(r["late"]), "completion_rate": round(int(r["done"]) / n, 4) if n else None})
    return out


async def effect(task_id: int, days: int) -> dict[str, Any]:
    task = await SopTask.get_or_none(id=task_id)
    if task is None:
        raise NotFound("no such task", code="task_not_found")
    start = task.dispatched_at or task.start_at
    end = start + timedelta(days=days)
    rows = await fetch(conn(), """
        SELECT r.holdout AS holdout, COUNT(*) AS customers, COUNT(r.member_id) AS members,
          SUM(CASE WHEN EXISTS (SELECT 1 FROM checkins k WHERE k.member_id = r.member_id
                                AND k.created_at >= $2 AND k.created_at < $3) THEN 1 ELSE 0 END) AS checked_in,
          SUM(CASE WHEN EXISTS (SELECT 1 FROM payments p WHERE p.member_id = r.member_id
                                AND p.success_time >= $2 AND p.success_time < $3) THEN 1 ELSE 0 END) AS paid,
          SUM(CASE WHEN EXISTS (SELECT 1 FROM point_entries e WHERE e.member_id = r.member_id AND e.kind = 'spend'
                                AND e.created_at >= $2 AND e.created_at < $3) THEN 1 ELSE 0 END) AS redeemed
        FROM sop_recipients r WHERE r.task_id = $1 AND r.skip_reason IS NULL GROUP BY r.holdout""",
                       [task_id, start, end])
    groups: dict[str, dict[str, Any]] = {}
    for name in ("targeted", "holdout"):
        groups[name] = {"customers": 0, "members": 0, "checked_in": 0, "paid": 0, "redeemed": 0}
    for r in rows:
        g = groups["holdout" if r["holdout"] else "targeted"]
        for k in g:
            g[k] = int(r[k] or 0)
    for g in groups.values():
        for k in ("checked_in", "paid", "redeemed"):
            g[f"{k}_rate"] = round(g[k] / g["members"], 4) if g["members"] else None
    lift = {k: (round(groups["targeted"][f"{k}_rate"] - groups["holdout"][f"{k}_rate"], 4)
                if groups["targeted"][f"{k}_rate"] is not None and groups["holdout"][f"{k}_rate"] is not None
                else None) for k in ("checked_in", "paid", "redeemed")}
    return {"task_id": task_id, "days": days, "from": start.isoformat(), "to": end.isoformat(), **groups,
            "lift": lift}


def to_csv(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    header = list(rows[0])
    return csvfile.write(header, ([r.get(k) for k in header] for r in rows))


def effect_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"group": g, **report[g]} for g in ("targeted", "holdout")]
