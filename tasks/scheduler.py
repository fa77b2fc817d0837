"""The scheduled-jobs process (`jifen scheduler`): APScheduler only triggers; the database decides.

Every job claims its work atomically in the database (conditional updates / unique inserts / SKIP LOCKED),
so two schedulers running at once do no harm, and a missed run catches up because jobs work off
"everything due up to now", not "what was due at this tick".
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import signal
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from app import db
from app.config import Settings, ensure_auth_secret
from app.redis_client import LuaScript
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


JOB_LOCK_SECONDS = 60
"""Time to live of a job's Redis lock; the holder renews it every third of that while the job runs, so a
crashed scheduler blocks its jobs for at most a minute and a slow run never loses its lock to expiry."""

_JOB_LEASE_CLASS = 7126002  # pg_try_advisory_lock(class, hashtext(job)): the fallback lease's key space

# Compare-and-delete / compare-and-renew: only the holder's token releases or extends the lock, so a run
# whose lock expired (and was taken by another scheduler) can never delete or prolong the new holder's lock.
_RELEASE = LuaScript("""
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
""")
_RENEW = LuaScript("""
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
""")


class JobLock:
    """A job's single-flight lock in Redis, held under a random token (see `_RELEASE` / `_RENEW`)."""

    def __init__(self, rt: Runtime, name: str, ttl_seconds: int = JOB_LOCK_SECONDS) -> None:
        self.rt = rt
        self.name = name
        self.key = rt.key("job-lock", name)
        self.token = secrets.token_hex(16)
        self.ttl_ms = ttl_seconds * 1000

    async def acquire(self) -> bool:
        return bool(await self.rt.redis.set(self.key, self.token, nx=True, px=self.ttl_ms))

    async def renew(self) -> bool:
        """Extend the lock; False when it is no longer ours (it expired and another run took it)."""
        return bool(await _RENEW(self.rt.redis, [self.key], [self.token, self.ttl_ms]))

    async def release(self) -> bool:
        return bool(await _RELEASE(self.rt.redis, [self.key], [self.token]))

    async def keep(self) -> None:
        """Renew every third of the TTL until cancelled (a run longer than the TTL keeps its lock)."""
        while True:
            await _sleep(self.ttl_ms / 3000)
            try:
                if not await self.renew():
                    log.warning("job %s lost its lock (expired and taken); the database claims keep the "
                                "overlap harmless", self.name)
                    return
            except Exception as exc:
                log.warning("job %s: could not renew its lock: %s", self.name, exc)


_sleep = asyncio.sleep  # the renewal timer (tests drive it by hand)


class _Leases:
    """The database leases of this process's job runs while Redis is down: session-level advisory locks, all on
    ONE connection of their own, outside the pool.

    Why not a pooled connection per lease (as before): a lease lives as long as its run, so as many runs at once as
    the pool has connections (18 jobs, most of them due together at the minute; 10 connections by default) left
    none for the jobs' own queries, and every run waited for ever. Why no session locks on pooled connections:
    those skip asyncpg's reset (app/db.py NoResetConnection) and carry no session state. No transaction either, so
    nothing is idle in one (a database-wide idle_in_transaction_session_timeout would end it). If this connection
    breaks, PostgreSQL drops its locks: the runs in progress go on without a lease (harmless, the lock only saves
    duplicate work) and the next lease opens a new one."""

    def __init__(self) -> None:
        self._conn: asyncpg.Connection | None = None
        self._lock: asyncio.Lock | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._held: set[str] = set()

    def _guard(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        if self._lock is None or self._loop is not loop:  # a new event loop (a new process run): start over
            self._conn, self._lock, self._loop, self._held = None, asyncio.Lock(), loop, set()
        return self._lock

    async def take(self, url: str, name: str) -> asyncpg.Connection | None:
        """The connection now holding `name`'s lease, or None when another run holds it (in this process: a
        session lock is re-entrant, so the names held here are remembered)."""
        async with self._guard():
            if name in self._held:
                return None
            if self._conn is None or self._conn.is_closed():
                self._conn = await asyncpg.connect(url, timeout=5)
            c = self._conn
            if not await c.fetchval("SELECT pg_try_advisory_lock($1, hashtext($2))", _JOB_LEASE_CLASS, name):
                return None
            self._held.add(name)
            return c

    async def give_back(self, c: asyncpg.Connection, name: str) -> None:
        async with self._guard():
            self._held.discard(name)
            if c is not self._conn or c.is_closed():
                return  # that session is gone, and its locks with it
            try:
                await c.fetchval("SELECT pg_advisory_unlock($1, hashtext($2))", _JOB_LEASE_CLASS, name)
            except BaseException:  # unknown whether it was unlocked: end the session, which surely does
                c.terminate()
                self._conn = None
                raise

    async def close(self) -> None:
        if self._conn is not None and self._loop is asyncio.get_running_loop():
            async with self._guard():
                if self._conn is not None and not self._conn.is_closed():
                    await self._conn.close()
                self._conn = None
                self._held.clear()


_LEASES = _Leases()


async def close_leases() -> None:
    """Before the database closes: the lease connection (`_Leases`) goes too."""
    await _LEASES.close()


@asynccontextmanager
async def _db_lease(rt: Runtime, name: str) -> AsyncIterator[bool]:
    """The fallback when Redis is unreachable: on PostgreSQL an advisory lock held for the run (`_Leases`); True
    when this run holds it. SQLite has no such lock and a single writer: the run goes ahead, since every job
    claims its rows in the database and a second run is harmless."""
    if not db.is_postgres_conn(db.conn()):
        yield True
        return
    c = await _LEASES.take(rt.settings.database.url, name)
    if c is None:
        yield False
        return
    try:
        yield True
    finally:
        await _LEASES.give_back(c, name)


def _guarded(name: str, job: Job, rt: Runtime) -> Callable[[], Awaitable[None]]:
    """Run a job single-flight across every scheduler sharing this Redis, or this PostgreSQL database when
    Redis is down. The lock only saves duplicate work: each job claims its rows in the database, so two
    overlapping runs never do anything twice (tier warnings, reminders and pushes included)."""

    async def run() -> None:
        task = asyncio.current_task()
        if task is None:  # pragma: no cover (always run as a task)
            return await guarded()
        _RUNNING.add(task)
        try:
            await guarded()
        finally:
            _RUNNING.discard(task)

    async def guarded() -> None:
        lock = JobLock(rt, name)
        try:
            acquired = await lock.acquire()
        except Exception as exc:
            log.warning("job %s: Redis unavailable (%s), taking the database lease instead", name, exc)
            async with _db_lease(rt, name) as leased:
                if not leased:
                    log.debug("job %s already running elsewhere (database lease)", name)
                    return
                await _run(name, job, rt)
            return
        if not acquired:
            log.debug("job %s already running elsewhere", name)
            return
        keeper = asyncio.ensure_future(lock.keep())
        try:
            await _run(name, job, rt)
        finally:
            keeper.cancel()
            try:
                await lock.release()
            except Exception:  # Redis went away meanwhile: the lock expires within JOB_LOCK_SECONDS
                log.debug("job %s: lock not released", name, exc_info=True)

    return run


_RUNNING: set[asyncio.Task[Any]] = set()
"""This process's job runs in progress (`stop_running_jobs`)."""


async def stop_running_jobs(wait_seconds: float = 15.0) -> None:
    """On shutdown, before the database closes: cancel the job runs still in progress and wait for them (up to
    `wait_seconds`), so each lets go in its own way while it still can (an outbox batch records what went out and
    commits; a job's transaction rolls back; a lock is released) instead of being cut off when the loop ends."""
    running = [task for task in _RUNNING if not task.done()]
    for task in running:
        task.cancel()
    if running:
        await asyncio.wait(running, timeout=wait_seconds)


async def _run(name: str, job: Job, rt: Runtime) -> None:
    try:
        result = await job(rt)
        if result:
            log.info("job %s: %s", name, result)
    except Exception:
        log.exception("job %s failed", name)


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
    await stop_running_jobs()
    await close_leases()
    await rt.close()
    await db.close()


def run_scheduler(settings: Settings) -> None:
    try:
        import uvloop

        uvloop.run(scheduler_main(settings))
    except ImportError:  # pragma: no cover
        asyncio.run(scheduler_main(settings))
