"""Scheduled work that must happen once and never be lost: the job lock (token, renewal, the database lease
when Redis is down), tier warnings claimed once per member and month, expiry reminders queued with their claim,
the outbox lease of a slowly drained batch; and the embedded default's SQLite times and budget counter."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

import asyncpg
import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from app.clock import SHANGHAI, clock
from app.db import conn, is_postgres_conn
from app.runtime import Runtime
from app.services.outbox import service as outbox
from app.services.points import engine, reminders, tiers
from app.services.points.config_cache import config_cache
from app.sqlx import fetch
from models import EarningRule, ExpiryReminder, Member, OutboxMessage, Payment, PointBucket, PointsBudget, TierChange
from sandbox.state import openid_for
from tasks import scheduler
from tests.conftest import BACKEND, Api, pg_database_setting
from tests.payhelpers import NotifyRelay, play_payment


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=SHANGHAI)


class Gate:
    """A job that records each run and blocks until released (no sleeping: the test decides when it ends)."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        self.runs = 0

    async def __call__(self, rt: Runtime) -> None:
        self.runs += 1
        self.started.set()
        await self.release.wait()


# -- the job lock -----------------------------------------------------------------------------------------------
async def test_a_slow_run_never_deletes_the_lock_of_the_run_that_followed_it(rt) -> None:
    slow, second, third = Gate(), Gate(), Gate()
    a = asyncio.ensure_future(scheduler._guarded("lock-test", slow, rt)())
    await slow.started.wait()
    key = rt.key("job-lock", "lock-test")
    await rt.redis.delete(key)  # the slow run's lock expired (TTL) ...
    b = asyncio.ensure_future(scheduler._guarded("lock-test", second, rt)())
    await second.started.wait()  # ... and another scheduler took it
    b_token = await rt.redis.get(key)
    slow.release.set()
    await a  # the slow run ends: it must not release a lock that is no longer its own
    assert await rt.redis.get(key) == b_token
    third.release.set()
    await scheduler._guarded("lock-test", third, rt)()
    assert third.runs == 0  # still single-flight while the second run holds the lock
    second.release.set()
    await b
    assert await rt.redis.get(key) is None
    await scheduler._guarded("lock-test", third, rt)()
    assert third.runs == 1


async def test_the_lock_is_renewed_while_a_long_job_runs(rt, monkeypatch: pytest.MonkeyPatch) -> None:
    ticks: asyncio.Queue[None] = asyncio.Queue()
    naps: asyncio.Queue[float] = asyncio.Queue()

    async def timer(seconds: float) -> None:  # the renewal timer, driven by the test
        naps.put_nowait(seconds)
        await ticks.get()

    monkeypatch.setattr(scheduler, "_sleep", timer)
    job = Gate()
    run = asyncio.ensure_future(scheduler._guarded("renew-test", job, rt)())
    await job.started.wait()
    assert await naps.get() == scheduler.JOB_LOCK_SECONDS / 3
    key = rt.key("job-lock", "renew-test")
    await rt.redis.pexpire(key, 1000)  # most of the TTL has passed
    ticks.put_nowait(None)
    await naps.get()  # renewed, waiting for the next tick
    assert await rt.redis.pttl(key) > scheduler.JOB_LOCK_SECONDS * 1000 - 5000
    job.release.set()
    await run
    assert await rt.redis.get(key) is None


async def test_a_lock_taken_over_is_neither_renewed_nor_released_by_the_old_holder(rt) -> None:
    old = scheduler.JobLock(rt, "takeover")
    assert await old.acquire()
    await rt.redis.set(old.key, "someone-else", px=60_000)  # expired and taken by another scheduler
    assert await old.renew() is False and await old.release() is False
    assert await rt.redis.get(old.key) == "someone-else"


@pytest.mark.skipif(BACKEND != "postgres", reason="the database lease is a PostgreSQL advisory lock; SQLite has a "
                                                  "single writer and runs the job (its claims make it harmless)")
async def test_redis_down_falls_back_to_a_database_lease(rt, monkeypatch: pytest.MonkeyPatch) -> None:
    async def redis_down(*args: Any, **kwargs: Any) -> Any:
        raise RedisConnectionError("Connection refused")

    monkeypatch.setattr(rt.redis, "set", redis_down)
    first, second = Gate(), Gate()
    second.release.set()
    other = await asyncpg.connect(rt.settings.database.url)  # another scheduler's session

    async def other_takes_it() -> bool:
        took = await other.fetchval("SELECT pg_try_advisory_lock($1, hashtext($2))", scheduler._JOB_LEASE_CLASS,
                                    "lease-test")
        if took:
            await other.fetchval("SELECT pg_advisory_unlock($1, hashtext($2))", scheduler._JOB_LEASE_CLASS,
                                 "lease-test")
        return bool(took)

    try:
        a = asyncio.ensure_future(scheduler._guarded("lease-test", first, rt)())
        await first.started.wait()
        await asyncio.gather(*(scheduler._guarded("lease-test", second, rt)() for _ in range(3)))
        assert second.runs == 0  # another run in this scheduler sees the run in progress
        assert await other_takes_it() is False  # and so does another scheduler without Redis
        first.release.set()
        await a
        assert await other_takes_it() is True  # the lease ended with the run
        await scheduler._guarded("lease-test", second, rt)()
        assert second.runs == 1
    finally:
        await other.close()
        await scheduler.close_leases()


@pytest.mark.skipif(BACKEND != "postgres", reason="the database lease is a PostgreSQL advisory lock")
async def test_more_jobs_at_once_than_pool_connections_still_run_on_database_leases(
        rt, monkeypatch: pytest.MonkeyPatch) -> None:
    """With Redis down every job run takes the database lease. A lease had held a pool connection for the whole
    run, so as many runs at once as the pool has connections (18 jobs, most of them due together at the minute,
    10 connections a process by default) left none for the jobs' own queries: every run waited for ever and the
    scheduler stopped for good, Redis back or not. The leases now share one connection of their own."""
    async def redis_down(*args: Any, **kwargs: Any) -> Any:
        raise RedisConnectionError("Connection refused")

    monkeypatch.setattr(rt.redis, "set", redis_down)
    runs = rt.settings.database.pool_max + 2
    done: list[int] = []

    async def job(rt_: Runtime) -> None:
        await asyncio.sleep(0.2)  # every run takes its lease before any of them queries
        await fetch(conn(), "SELECT 1")
        done.append(1)

    try:
        await asyncio.wait_for(asyncio.gather(*(scheduler._guarded(f"pool-{n}", job, rt)() for n in range(runs))),
                               timeout=30)
    finally:
        await scheduler.close_leases()
    assert len(done) == runs


@pytest.mark.skipif(BACKEND != "postgres", reason="the database lease is a PostgreSQL advisory lock")
async def test_the_database_lease_outlives_a_database_idle_in_transaction_timeout(
        rt, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lease was a transaction-scoped lock, its transaction idle while the job ran: a database-wide
    idle_in_transaction_session_timeout (300 ms here) shorter than the job ended it mid-run, leaving a second
    scheduler free to start the job and the first failing at its COMMIT. Now a session lock, in no transaction."""
    async def redis_down(*args: Any, **kwargs: Any) -> Any:
        raise RedisConnectionError("Connection refused")

    monkeypatch.setattr(rt.redis, "set", redis_down)
    first, second = Gate(), Gate()
    second.release.set()
    async with pg_database_setting(rt, "idle_in_transaction_session_timeout", "300"):
        a = asyncio.ensure_future(scheduler._guarded("lease-idle", first, rt)())
        await first.started.wait()
        await asyncio.sleep(0.8)  # the job runs on, its lease's transaction idle
        await scheduler._guarded("lease-idle", second, rt)()
        assert second.runs == 0  # the lease still holds
        first.release.set()
        await a  # and its transaction commits
        await scheduler._guarded("lease-idle", second, rt)()
        await scheduler.close_leases()
    assert (first.runs, second.runs) == (1, 1)


def test_a_pool_of_one_connection_is_refused_at_start_up() -> None:
    """An outbox batch holds a connection while its senders write on others: with a pool of one, the first
    writing sender would wait for ever."""
    from app.config import load_settings

    with pytest.raises(ValueError, match="pool_max"):
        load_settings(env={"JIFEN_DATABASE_POOL_MAX": "1"})
    assert load_settings(env={"JIFEN_DATABASE_POOL_MAX": "2"}).database.pool_max == 2


# -- tier warnings: claimed once per member and month ---------------------------------------------------------
async def test_overlapping_tier_warning_runs_warn_each_member_once(api: Api, seeded, sandbox) -> None:
    clock.set(at(2025, 6, 1))
    members = []
    for n in range(3):
        _, m = await api.login(f"tier-warn-{n}")
        mid = m["id"]
        await engine.award(seeded, mid, "purchase", f"big-{n}", {"amount_fen": 150_000})  # 1500 growth: silver
        members.append(mid)
    assert {m.tier_level for m in await Member.filter(id__in=members)} == {1}
    clock.set(at(2026, 11, 21))  # that growth has left the 365-day window: the tier drops on 1 December
    results = await asyncio.gather(*(tiers.warn_upcoming(seeded) for _ in range(4)))  # Redis down: no job lock
    assert sum(r["warned"] for r in results) == 3
    assert await TierChange.filter(reason="warning").count() == 3
    messages = await OutboxMessage.filter(dedupe_key__startswith="tier-warning:")
    assert sorted(m.member_id for m in messages) == sorted(members)
    assert await outbox.deliver_due(seeded) == {"sent": 3}
    assert len(sandbox.state.sent_messages) == 3
    clock.set(at(2026, 11, 25))
    assert (await tiers.warn_upcoming(seeded))["warned"] == 0  # once per month
    clock.set(at(2026, 12, 21))
    assert (await tiers.warn_upcoming(seeded))["warned"] == 3  # still dropping (no evaluation ran): next month's


# -- expiry reminders: the claim and its message commit together ----------------------------------------------
async def test_a_send_that_dies_after_the_claim_loses_no_reminder(api: Api, seeded, sandbox,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The claim used to commit before the send: a send that died (not a WeChat error: the process, the
    network stack) left the bucket claimed and its reminder never sent."""
    clock.set(at(2026, 12, 1))
    _, member = await api.login("reminded")
    await EarningRule.filter(code="share").update(validity="days", validity_days=20)
    config_cache.invalidate()
    earned = await engine.award(seeded, member["id"], "share", "s1", {})

    async def dies(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("connection torn down mid-send")

    monkeypatch.setattr(seeded.miniprogram, "send_subscribe_message", dies)
    assert await reminders.send_due(seeded) == {"queued": 1, "buckets": 1}  # claimed with its message
    assert await outbox.deliver_due(seeded) == {"retry": 1}
    monkeypatch.undo()
    assert await reminders.send_due(seeded) == {"queued": 0, "buckets": 0}  # the bucket stays claimed once ...
    clock.shift(outbox.backoff(seeded, 1) + timedelta(seconds=1))
    assert await outbox.deliver_due(seeded) == {"sent": 1}  # ... and its reminder still goes out
    sent = sandbox.state.sent_messages
    assert len(sent) == 1 and sent[0]["touser"] == member["openid"]
    assert sent[0]["data"]["thing3"] == f"{earned.points}积分将于30天内过期"


async def test_a_failing_reminder_rolls_its_claim_back(api: Api, seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    clock.set(at(2026, 12, 1))
    _, member = await api.login("reminded-later")
    await EarningRule.filter(code="share").update(validity="days", validity_days=20)
    config_cache.invalidate()
    await engine.award(seeded, member["id"], "share", "s1", {})
    real = outbox.enqueue

    async def broken(*args: Any, **kwargs: Any) -> bool:
        raise RuntimeError("database went away")

    monkeypatch.setattr(outbox, "enqueue", broken)
    with pytest.raises(RuntimeError):
        await reminders.send_due(seeded)
    assert await ExpiryReminder.all().count() == 0  # no claim without its message
    monkeypatch.setattr(outbox, "enqueue", real)
    assert await reminders.send_due(seeded) == {"queued": 1, "buckets": 1}


async def test_reconcile_queues_reminders_the_old_code_claimed_and_never_sent(api: Api, seeded, sandbox) -> None:
    from app.services import reconcile

    clock.set(at(2026, 12, 1))
    _, member = await api.login("reminded-before-upgrade")
    await EarningRule.filter(code="share").update(validity="days", validity_days=20)
    config_cache.invalidate()
    await engine.award(seeded, member["id"], "share", "s1", {})
    await engine.award(seeded, member["id"], "share", "s2", {})
    buckets = await PointBucket.filter(member_id=member["id"]).order_by("id")
    for b in buckets:  # what a crash between the old claim and its send left behind
        await ExpiryReminder.create(bucket_id=b.id, member_id=member["id"], stage_days=30, amount=b.remaining,
                                    status="claimed", created_at=clock.now())
    found = await reconcile.run(seeded, repair=False)
    assert [f.check for f in found] == ["expiry_reminders_claimed_unsent"] * 2 and not any(f.repaired for f in found)
    assert await OutboxMessage.all().count() == 0
    found = await reconcile.run(seeded, repair=True)
    assert len(found) == 2 and all(f.repaired for f in found)
    assert await reconcile.run(seeded, repair=True) == []
    assert {r.status for r in await ExpiryReminder.all()} == {"queued"}
    assert await outbox.deliver_due(seeded) == {"sent": 1}  # one message for the member's two buckets
    total = sum(b.remaining for b in buckets)
    assert sandbox.state.sent_messages[0]["data"]["number1"] == str(total)


# -- the outbox lease ---------------------------------------------------------------------------------------------
SLOW_KIND = "test_slow_subscribe"
_slow_sends: list[int] = []


@outbox.sender(SLOW_KIND)
async def _slow_subscribe(rt_: Runtime, msg: outbox.Claimed) -> None:
    """A subscribe message over a slow WeChat: another scheduler's reaper runs first, then the send takes a
    minute of business time."""
    _slow_sends.append(await outbox.reap_stuck(rt_))  # another scheduler's delivery job
    rt_.clock.shift(timedelta(seconds=60))
    await outbox.send_subscribe(rt_, msg)


async def test_a_slowly_drained_batch_is_not_reaped_and_resent(rt, sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten messages due at once, each send taking a minute (a slow WeChat): the delivery takes ten minutes,
    twice reap_after. Another scheduler's reaper runs before every send; the live deliverer's rows are never
    reaped (a batch gives its unsent rows back after hold_seconds), so each message goes out once."""
    monkeypatch.setattr(rt.settings.outbox, "concurrency", 1)
    for n in range(10):
        await outbox.enqueue(SLOW_KIND, f"slow-{n}", {"openid": f"o-slow-{n}", "template_id": "sandbox-tpl-points",
                                                      "data": {"thing1": "积分到账", "number2": "1"}},
                             now=rt.clock.now(), member_id=None)
    _slow_sends.clear()
    clock.set(clock.now())
    assert await outbox.deliver_due(rt, 10) == {"sent": 10}
    assert _slow_sends == [0] * 10
    clock.shift(timedelta(seconds=rt.settings.outbox.reap_after_seconds + 1))
    assert await outbox.reap_stuck(rt) == 0 and await outbox.deliver_due(rt) == {}
    assert len(sandbox.state.sent_messages) == 10
    assert {m.status for m in await OutboxMessage.all()} == {"sent"}


# -- SQLite: times in UTC ------------------------------------------------------------------------------------------
async def test_a_plus_eight_time_at_the_link_window_edge_compares_as_the_same_instant(
        api: Api, seeded, sandbox, notify_relay: NotifyRelay) -> None:
    """WeChat's times carry +08:00. Written as such on SQLite (text), they compared with the UTC window start as
    text, 8 hours off: a payment half an hour outside the link window was credited, one inside was not."""
    window = timedelta(days=seeded.settings.payments.link_window_days)
    now = clock.now()
    outside = (now - window - timedelta(minutes=30)).astimezone(SHANGHAI)  # e.g. 09:30+08:00, window from 10:00
    inside = (now - window + timedelta(minutes=30)).astimezone(SHANGHAI)
    for name, paid in (("edge-outside", outside), ("edge-inside", inside)):
        played = await play_payment(sandbox, notify_relay, openid_for("wxsandbox0000001", name), 6600)
        assert played["status"] == 204
        await Payment.filter(transaction_id=played["transaction_id"]).update(success_time=paid)  # WeChat's +08:00
    _, late = await api.login("edge-outside")
    _, early = await api.login("edge-inside")
    assert (await Payment.get(openid=late["openid"])).member_id is None
    assert (await Payment.get(openid=early["openid"])).member_id == early["id"]
    assert (await Member.get(id=early["id"])).balance > 0 and (await Member.get(id=late["id"])).balance == 0
    if not is_postgres_conn(conn()):  # one text form: UTC
        stored = [r[0] for r in await fetch(conn(), "SELECT success_time FROM payments")]
        assert all(str(t).endswith("+00:00") for t in stored), stored


@pytest.mark.skipif(BACKEND == "postgres", reason="rows written with an offset exist only on SQLite")
async def test_sqlite_rows_written_with_an_offset_are_rewritten_in_utc(rt) -> None:
    from app.db import normalise_sqlite_times

    await conn().execute_query(
        "INSERT INTO outbox_messages (kind, dedupe_key, payload, status, attempts, next_attempt_at, created_at, "
        "updated_at) VALUES ('subscribe', 'old', '{}', 'pending', 0, '2026-11-01 07:59:59.250000+08:00', "
        "'2026-11-01 09:00:00+08:00', '2026-10-31 20:00:00-05:00')")
    assert await normalise_sqlite_times() == 3
    assert await normalise_sqlite_times() == 0
    row = (await fetch(conn(), "SELECT next_attempt_at, created_at, updated_at FROM outbox_messages"))[0]
    assert tuple(row) == ("2026-10-31 23:59:59.250000+00:00", "2026-11-01 01:00:00+00:00",
                          "2026-11-01 01:00:00+00:00")
    msg = await OutboxMessage.get(dedupe_key="old")
    assert msg.next_attempt_at == datetime(2026, 11, 1, 7, 59, 59, 250000, tzinfo=SHANGHAI)


# -- the budget counter sees every process's awards ----------------------------------------------------------------
async def test_the_budget_counts_awards_made_by_another_process(api: Api, seeded) -> None:
    """The scheduler is another process: on the embedded default its in-process Redis is not the server's, so
    the server's counter missed the scheduler's awards (and let the budget be overspent)."""
    clock.set(at(2026, 6, 1))
    await PointsBudget.create(year=2026, budget_points=1_000_000)
    config_cache.invalidate()
    from app.services.points import budget

    _, member = await api.login("budget-elsewhere")
    assert await budget.issued(seeded, 2026) == 0  # the server has counted
    scheduler_rt = await Runtime.create(seeded.settings)  # what `jifen scheduler` builds from the same settings
    try:
        r = await engine.award(scheduler_rt, member["id"], "purchase", "late-credit", {"amount_fen": 10_000})
        assert r.status == "awarded" and r.points == 100
    finally:
        await scheduler_rt.close()
    assert await budget.issued(seeded, 2026) == 100
