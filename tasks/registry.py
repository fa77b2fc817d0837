"""The scheduler's job table: (name, job(rt), APScheduler trigger kwargs). Times are Asia/Shanghai."""

from __future__ import annotations

from typing import Any

from app.services import reconcile
from app.services.points import jobs as points_jobs
from tasks import outbox_jobs

JOBS: list[tuple[str, Any, dict[str, Any]]] = [
    ("points_expire", points_jobs.expire_points, {"trigger": "interval", "minutes": 1}),
    ("points_release", points_jobs.release_pending, {"trigger": "interval", "minutes": 1}),
    ("points_expiry_reminders", points_jobs.expiry_reminders, {"trigger": "interval", "minutes": 30}),
    ("tier_downgrades", points_jobs.tier_downgrades, {"trigger": "cron", "day": 1, "hour": 3, "minute": 0}),
    ("tier_warnings", points_jobs.tier_warnings, {"trigger": "cron", "day": 21, "hour": 10, "minute": 0}),
]

JOBS += [
    ("outbox_deliver", outbox_jobs.deliver, {"trigger": "interval", "seconds": 5}),
    ("payments_credit_pending", outbox_jobs.credit_pending_payments, {"trigger": "interval", "minutes": 1}),
]

JOBS += [
    ("reconcile", reconcile.job, {"trigger": "interval", "minutes": 5}),
]
