"""The scheduled-jobs process (`jifen scheduler`): APScheduler only triggers; the database decides.

Every job claims its work atomically in the database (conditional updates / unique inserts / SKIP LOCKED),
so two schedulers running at once do no harm, and a missed run catches up because jobs work off
"everything due up to now", not "what was due at this tick".
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from app import db
from app.config import Settings, ensure_auth_secret
from app.runtime import Runtime

log = logging.getLogger("jifen.scheduler")

Job = Callable[[Runtime], Awaitable[object]]


def jobs() -> list[tuple[str, Job, dict[str, object]]]:
    """(name, coroutine, trigger kwargs) of every job the domains registered (`app.scheduling`)."""
    from app.scheduling import collect

    return [(j.name, j.fn, j.trigger) for j in collect()]


def build_scheduler(rt: Runtime) -> AsyncIOScheduler:
    sched = AsyncIOScheduler(timezone="Asia/Shanghai",
                             job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300})
    for name, job, trigger in jobs():
        sched.add_job(_guarded(name, job, rt), id=name, name=name, **trigger)  # type: ignore[arg-type]
    return sched


JOB_LOCK_SECONDS = 600


def _guarded(name: str, job: Job, rt: Runtime) -> Callable[[], Awaitable[None]]:
    """Run a job single-flight across every scheduler sharing this Redis (the DB claims make a second run
    harmless anyway; the lock just avoids the duplicate work)."""

    async def run() -> None:
        key = rt.key("job-lock", name)
        try:
            if not await rt.redis.set(key, "1", nx=True, ex=JOB_LOCK_SECONDS):
                log.debug("job %s already running elsewhere", name)
                return
        except Exception:
            log.warning("job %s: Redis unavailable, running without the lock", name)
        try:
            result = await job(rt)
            if result:
                log.info("job %s: %s", name, result)
        except Exception:
            log.exception("job %s failed", name)
        finally:
            try:
                await rt.redis.delete(key)
            except Exception:
                pass

    return run


async def scheduler_main(settings: Settings, stop: asyncio.Event | None = None) -> None:
    ensure_auth_secret(settings)
    await db.connect(settings)
    rt = await Runtime.create(settings)
    sched = build_scheduler(rt)
    sched.start()
    log.info("scheduler started with jobs: %s", [j.id for j in sched.get_jobs()])
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # pragma: no cover
            pass
    await stop.wait()
    sched.shutdown(wait=False)
    await rt.close()
    await db.close()


def run_scheduler(settings: Settings) -> None:
    try:
        import uvloop

        uvloop.run(scheduler_main(settings))
    except ImportError:  # pragma: no cover
        asyncio.run(scheduler_main(settings))
