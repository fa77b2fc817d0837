"""Scheduled SOP work. APScheduler only triggers; each run claims its rows in the database (the task's status,
the assignment's poll lease, conditional UPDATEs for reminders and overdue marks), so two schedulers or an
overlapping run do no harm."""

from __future__ import annotations

from typing import Any

from app.runtime import Runtime
from app.scheduling import scheduled
from app.services.sop import service, wecom


@scheduled("sop_dispatch", trigger="interval", seconds=30)
async def dispatch(rt: Runtime) -> dict[str, Any] | None:
    """Fan out the tasks whose start has come, then mark reminders and overdue assignments."""
    out: dict[str, Any] = await service.dispatch_due(rt.clock.now(), rt.settings.sop.dispatch_batch)
    out.update(await wecom.sweep_deadlines(rt))
    return out if any(out.values()) else None


@scheduled("sop_wecom_results", trigger="interval", seconds=60)
async def wecom_results(rt: Runtime) -> dict[str, Any] | None:
    """Pull WeCom's group-send and moment results, and check the tags of open tagging assignments, of the
    assignments whose poll is due."""
    out: dict[str, Any] = await wecom.poll_due(rt)
    out.update(await wecom.verify_tagging_due(rt))
    return out if out["polled"] or out["checked"] else None


@scheduled("sop_rules", trigger="interval", seconds=60)
async def sop_rules(rt: Runtime) -> dict[str, Any] | None:
    """Due steps of active SOP rules -> rows claimed once -> group-sends / guide to-dos through the outbox."""
    from app.services.sop import rules

    out = await rules.run_due(rt)
    return out if out["runs"] else None
