"""Scheduled jobs, registered by their domains, collected by the scheduler process (`tasks/scheduler.py`).

Each domain keeps its jobs in `app/services/<domain>/jobs.py` and marks them with `@scheduled(name, **trigger)`
(APScheduler trigger kwargs, Asia/Shanghai). APScheduler only triggers: every job claims its work in the
database, so a second scheduler or a missed tick does no harm. The library never imports the scheduler; the
scheduler gets every domain's jobs through `collect()`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from app.runtime import Runtime

JobFn = Callable[[Runtime], Awaitable[Any]]


@dataclass(frozen=True)
class ScheduledJob:
    name: str
    fn: JobFn
    trigger: dict[str, Any]


_JOBS: dict[str, ScheduledJob] = {}


def scheduled(name: str, **trigger: Any) -> Callable[[JobFn], JobFn]:
    """Register `fn(rt)` as the job `name` (unique across domains) with APScheduler trigger kwargs."""

    def deco(fn: JobFn) -> JobFn:
        existing = _JOBS.get(name)
        if existing is not None and existing.fn is not fn:
            raise ValueError(f"scheduled job {name!r} registered twice")
        _JOBS[name] = ScheduledJob(name, fn, dict(trigger))
        return fn

    return deco


def collect() -> list[ScheduledJob]:
    """Every job the domains registered (importing them all first)."""
    from app import domains

    domains.load()
    return sorted(_JOBS.values(), key=lambda j: j.name)
