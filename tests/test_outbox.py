"""Outbox delivery of subscribe messages: claim once, 43101 recorded and never retried, backoff, max attempts,
the reaper, and the guarantee that a push failure never touches the payment's points."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import asyncpg
import pytest

from app.db import conn, is_postgres_conn
from app.services.outbox import service as outbox
from app.services.outbox.service import deliver_due, enqueue, reap_stuck
from app.sqlx import fetch
from models import Member, OutboxMessage, PointEntry
from tests.conftest import Api, pg_database_setting
from tests.payhelpers import NotifyRelay, assert_ledger_invariant, play_payment, sandbox_call

SEND_PATH = "/cgi-bin/message/subscribe/send"
TEMPLATE = "sandbox-tpl-points"


async def push(rt, openid: str, key: str = "k1", **data: str) -> OutboxMessage:
    await enqueue("subscribe", key, {"openid": openid, "template_id": TEMPLATE,
                                     "data": data or {"thing1": "积分到账", "number2": "12"}},
                  now=rt.clock.now(), member_id=None)
    return await OutboxMessage.get(dedupe_key=key)


async def fault(sandbox, **spec) -> None:
    await sandbox_call(sandbox, "POST", "/__sandbox__/faults", {"path": SEND_PATH, **spec})


async def test_enqueue_is_idempotent_and_delivery_is_claimed_once(rt, sandbox) -> None:
    msg = await push(rt, "o-claim")
    assert await enqueue("subscribe", "k1", {"openid": "x"}, now=rt.clock.now(), member_id=None) is False
    results = await asyncio.gather(*[deliver_due(rt) for _ in range(5)])
    assert sum(r.get("sent", 0) for r in results) == 1
    assert len(sandbox.state.sent_messages) == 1
    msg = await OutboxMessage.get(id=msg.id)
    assert (msg.status, msg.attempts) == ("sent", 1)
    assert await deliver_due(rt) == {}


async def test_user_refusal_is_recorded_and_not_retried(rt, sandbox) -> None:
    await sandbox_call(sandbox, "POST", "/__sandbox__/subscriptions",
                       {"openid": "o-refuses", "template_id": TEMPLATE, "quota": 0})
    msg = await push(rt, "o-refuses")
    assert await deliver_due(rt) == {"refused": 1}
    msg = await OutboxMessage.get(id=msg.id)
    assert msg.status == "refused" and "43101" in (msg.last_error or "")
    rt.clock.shift(timedelta(days=1))
    assert await deliver_due(rt) == {}
    assert sandbox.state.sent_messages == []


async def test_transient_failures_back_off_then_succeed(rt, sandbox) -> None:
    await fault(sandbox, count=100, http_status=503)
    msg = await push(rt, "o-flaky")
    assert await deliver_due(rt) == {"retry": 1}
    msg = await OutboxMessage.get(id=msg.id)
    assert (msg.status, msg.attempts) == ("pending", 1) and "HTTP 503" in (msg.last_error or "")
    assert msg.next_attempt_at >= rt.clock.now() + timedelta(seconds=29)
    assert await deliver_due(rt) == {}  # not due yet
    rt.clock.shift(timedelta(seconds=31))
    assert await deliver_due(rt) == {"retry": 1}
    msg = await OutboxMessage.get(id=msg.id)
    assert msg.attempts == 2 and msg.next_attempt_at >= rt.clock.now() + timedelta(seconds=59)
    await sandbox_call(sandbox, "DELETE", "/__sandbox__/faults")
    rt.clock.shift(timedelta(seconds=61))
    assert await deliver_due(rt) == {"sent": 1}
    assert (await OutboxMessage.get(id=msg.id)).last_error is None


async def test_gives_up_after_max_attempts(rt, sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rt.settings.outbox, "max_attempts", 3)
    await fault(sandbox, count=100, http_status=502)  # WeChat keeps failing
    msg = await push(rt, "o-quota")
    outcomes = []
    for _ in range(4):
        outcomes.append(await deliver_due(rt))
        rt.clock.shift(timedelta(hours=2))
    assert outcomes == [{"retry": 1}, {"retry": 1}, {"failed": 1}, {}]
    msg = await OutboxMessage.get(id=msg.id)
    assert (msg.status, msg.attempts) == ("failed", 3)


async def test_daily_quota_holds_the_kind_until_midnight_without_spending_attempts(
        rt, sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """45009 is the app's daily quota: the first refusal holds every subscribe message until midnight
    (Beijing time) without calling WeChat for the rest, and no message loses an attempt to it."""
    from app.clock import SHANGHAI

    monkeypatch.setattr(rt.settings.outbox, "concurrency", 1)
    rt.clock.set(datetime(2026, 11, 24, 21, 30, tzinfo=SHANGHAI))
    for n in range(3):
        await push(rt, f"o-quota{n}", key=f"q{n}")
    later = await push(rt, "o-later", key="q-later")  # a retry already scheduled for later tonight
    await OutboxMessage.filter(id=later.id).update(next_attempt_at=rt.clock.now() + timedelta(hours=1),
                                                   attempts=2)
    await fault(sandbox, count=1, errcode=45009)
    assert await deliver_due(rt) == {"retry": 3}
    assert sandbox.state.sent_messages == []
    midnight = datetime(2026, 11, 25, 0, 0, tzinfo=SHANGHAI)
    rows = await OutboxMessage.all().order_by("id")
    assert [(m.status, m.attempts, m.next_attempt_at) for m in rows] == [
        ("pending", 0, midnight), ("pending", 0, midnight), ("pending", 0, midnight), ("pending", 2, midnight)]
    errors = sorted("held" if "held" in (m.last_error or "") else "45009" if "45009" in (m.last_error or "") else
                    "?" for m in rows[:3])
    assert errors == ["45009", "held", "held"]
    rt.clock.set(midnight - timedelta(seconds=1))
    assert await deliver_due(rt) == {}
    rt.clock.set(midnight)
    assert await deliver_due(rt) == {"sent": 4}
    assert [m.attempts for m in await OutboxMessage.all().order_by("id")] == [1, 1, 1, 3]


async def test_claims_after_a_daily_quota_hold_wait_for_it(rt, sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once 45009 starts a hold, the deliverer claims nothing more until the hold has moved the kind's rows:
    claiming meanwhile would take rows the hold is moving and give each back one by one (a slow hold here)."""
    monkeypatch.setattr(rt.settings.outbox, "concurrency", 1)
    monkeypatch.setattr(rt.settings.outbox, "batch", 2)
    real_hold = outbox.hold_kind

    async def slow_hold(*args, **kwargs) -> int:
        await asyncio.sleep(0.3)
        return await real_hold(*args, **kwargs)

    monkeypatch.setattr(outbox, "hold_kind", slow_hold)
    for n in range(12):
        await push(rt, f"o-hold{n}", key=f"h{n}")
    await fault(sandbox, count=1, errcode=45009)
    counts = await deliver_due(rt, seconds=10.0)
    # the claim in flight when 45009 came back (two rows at most) is given back by hand; the rest by the hold
    assert counts.get("retry", 0) <= 4 and "sent" not in counts, counts
    rows = await OutboxMessage.all()
    assert {(m.status, m.attempts) for m in rows} == {("pending", 0)} and len(rows) == 12
    assert len({m.next_attempt_at for m in rows}) == 1


async def test_minute_quota_retries_that_message_a_minute_later(rt, sandbox,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rt.settings.outbox, "concurrency", 1)
    await push(rt, "o-minute0", key="m0")
    await push(rt, "o-minute1", key="m1")
    await fault(sandbox, count=1, errcode=45011)
    assert await deliver_due(rt) == {"retry": 1, "sent": 1}  # the other message is not held back
    held = await OutboxMessage.get(status="pending")
    assert (held.status, held.attempts) == ("pending", 0)
    assert abs((held.next_attempt_at - rt.clock.now()).total_seconds() - 60) < 2
    rt.clock.shift(timedelta(seconds=61))
    assert await deliver_due(rt) == {"sent": 1}


async def test_invalid_arguments_fail_at_once(rt, sandbox) -> None:
    msg = await push(rt, "o-long", thing1="这是一段远远超过二十个字的说明文字所以微信会拒绝它的")
    assert await deliver_due(rt) == {"failed": 1}
    msg = await OutboxMessage.get(id=msg.id)
    assert msg.attempts == 1 and "47003" in (msg.last_error or "")


async def test_unknown_kind_fails(rt) -> None:
    await enqueue("carrier_pigeon", "k-pigeon", {}, now=rt.clock.now(), member_id=None)
    assert await deliver_due(rt) == {"failed": 1}


async def test_reaper_recovers_rows_stuck_in_sending(rt, sandbox) -> None:
    msg = await push(rt, "o-stuck")
    await OutboxMessage.filter(id=msg.id).update(status="sending", attempts=1, updated_at=rt.clock.now())
    assert await reap_stuck(rt) == 0  # a delivery in progress is left alone
    rt.clock.shift(timedelta(seconds=rt.settings.outbox.reap_after_seconds + 1))
    assert await reap_stuck(rt) == 1
    assert await deliver_due(rt) == {"sent": 1}
    assert (await OutboxMessage.get(id=msg.id)).attempts == 2


async def test_finished_rows_leave_the_due_index_and_retries_stay_in_it(rt, sandbox) -> None:
    """A finished message (sent, refused, failed) has no next attempt: NULL, so it is out of the partial index
    claims read (the outbox's history never slows a claim down); a retry keeps its time in it."""
    await sandbox_call(sandbox, "POST", "/__sandbox__/subscriptions",
                       {"openid": "o-refuses", "template_id": TEMPLATE, "quota": 0})
    await push(rt, "o-fine", key="f-sent")
    await push(rt, "o-refuses", key="f-refused")
    await push(rt, "o-long", key="f-failed", thing1="这是一段远远超过二十个字的说明文字所以微信会拒绝它的")
    assert await deliver_due(rt) == {"sent": 1, "refused": 1, "failed": 1}
    await fault(sandbox, count=100, http_status=503)
    await push(rt, "o-later", key="f-retry")
    assert await deliver_due(rt) == {"retry": 1}
    rows = {m.dedupe_key: (m.status, m.next_attempt_at) for m in await OutboxMessage.all()}
    assert rows["f-sent"] == ("sent", None) and rows["f-refused"] == ("refused", None)
    assert rows["f-failed"] == ("failed", None)
    assert rows["f-retry"][0] == "pending" and rows["f-retry"][1] > rt.clock.now()
    due = await fetch(conn(), "SELECT dedupe_key FROM outbox_messages WHERE next_attempt_at IS NOT NULL")
    assert [r["dedupe_key"] for r in due] == ["f-retry"]


async def test_a_postgres_batch_locks_its_rows_and_writes_one_version_a_message(rt, sandbox) -> None:
    """On PostgreSQL a batch is a transaction: its rows are locked, not updated, while they are sent (still
    `pending`, unseen by another deliverer), and each message's only row version is its outcome; a claim into
    `sending` made two. Counted by PostgreSQL itself, inside the batch's transaction."""
    c = conn()
    if not is_postgres_conn(c):
        pytest.skip("row locks and row versions are PostgreSQL's")
    for n in range(20):
        await push(rt, f"o-lock{n}", key=f"lock-{n}")
    counted = ("SELECT pg_stat_get_xact_tuples_updated('outbox_messages'::regclass) AS upd, "
               "pg_stat_get_xact_tuples_hot_updated('outbox_messages'::regclass) AS hot")
    async with outbox.held_batch(rt.clock.now(), 20) as batch:
        before = (await fetch(batch.c, counted))[0]
        assert len(batch.messages) == 20 and {m.attempts for m in batch.messages} == {1}
        # a second deliverer meanwhile (its own connection): nothing to take, nothing changed yet
        other = await asyncpg.connect(rt.settings.database.url)
        try:
            rows = await other.fetch("SELECT id FROM outbox_messages WHERE status = 'pending' "
                                     "FOR UPDATE SKIP LOCKED")
            statuses = await other.fetch("SELECT DISTINCT status, attempts FROM outbox_messages")
        finally:
            await other.close()
        assert rows == [] and [tuple(r) for r in statuses] == [("pending", 0)]
        picked = (await fetch(batch.c, counted))[0]
        await batch.finish([(m.id, outbox.SENT) for m in batch.messages], [], rt.clock.now())
        after = (await fetch(batch.c, counted))[0]
    assert (picked["upd"] - before["upd"], after["upd"] - picked["upd"]) == (0, 20)
    assert {(m.status, m.attempts, m.next_attempt_at) for m in await OutboxMessage.all()} == {("sent", 1, None)}


async def test_a_batch_outlives_a_database_idle_in_transaction_timeout_shorter_than_its_sends(rt, sandbox) -> None:
    """A database whose idle_in_transaction_session_timeout is shorter than a batch's sends (300 ms here, sends
    answered after 500 ms) would end every batch mid-way: its messages sent, never recorded, and sent again by
    the next batch, which dies the same way. The batch sets its own limit for its transaction
    (`outbox.idle_allowance`): each message goes out once and is recorded."""
    c = conn()
    if not is_postgres_conn(c):
        pytest.skip("idle_in_transaction_session_timeout is PostgreSQL's")
    for n in range(4):
        await push(rt, f"o-idle{n}", key=f"idle-{n}")
    await fault(sandbox, count=4, delay_ms=500)
    async with pg_database_setting(rt, "idle_in_transaction_session_timeout", "300"):
        assert (await fetch(conn(), "SHOW idle_in_transaction_session_timeout"))[0][0] == "300ms"
        counts = await deliver_due(rt)
    assert counts == {"sent": 4}
    assert len(sandbox.state.sent_messages) == 4
    assert {(m.status, m.attempts) for m in await OutboxMessage.all()} == {("sent", 1)}


async def two_sent_two_in_flight(sandbox) -> None:
    """With two senders and every send answered 300 ms after the sandbox records it: wait until the first two
    answers are back and the next two sends are waiting for theirs."""
    for _ in range(250):
        if len(sandbox.state.sent_messages) >= 3:
            break
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.1)


async def test_a_stopped_deliverer_records_what_went_out_and_leaves_the_rest_due(
        rt, sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scheduler stopped mid-batch (the delivery task cancelled while a send is in flight): the messages that
    went out are recorded as sent, the rest stay due with no attempt spent (on PostgreSQL the batch's lock ends
    with its transaction, at once; SQLite gives the unsent back, and its cut-off send waits for the reaper) and
    go out on the next run; the cut-off one goes out again (at least once)."""
    for n in range(6):
        await push(rt, f"o-stop{n}", key=f"stop-{n}")
    await fault(sandbox, count=6, delay_ms=300)
    monkeypatch.setattr(rt.settings.outbox, "concurrency", 2)
    delivering = asyncio.ensure_future(deliver_due(rt))
    await two_sent_two_in_flight(sandbox)
    delivering.cancel()
    with pytest.raises(asyncio.CancelledError):
        await delivering
    rows = {m.dedupe_key: (m.status, m.attempts) for m in await OutboxMessage.all()}
    sent = {k for k, v in rows.items() if v == ("sent", 1)}
    assert len(sent) >= 2 and len(sent) < 6
    cut_off = {k for k, v in rows.items() if v[0] == "sending"}
    assert not cut_off if is_postgres_conn(conn()) else len(cut_off) <= 2
    assert {v for k, v in rows.items() if k not in sent | cut_off} == {("pending", 0)}
    rt.clock.shift(timedelta(seconds=rt.settings.outbox.reap_after_seconds + 1))
    assert await reap_stuck(rt) == len(cut_off)
    assert (await deliver_due(rt)).get("sent") == 6 - len(sent)
    assert {(m.status, m.attempts) for m in await OutboxMessage.all()} <= {("sent", 1), ("sent", 2)}
    assert {m["touser"] for m in sandbox.state.sent_messages} == {f"o-stop{n}" for n in range(6)}


async def test_a_stopping_scheduler_lets_its_delivery_record_what_went_out(
        rt, sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM to `jifen scheduler` mid-batch: before the database closes, the running delivery job is stopped
    and waited for (`stop_running_jobs`), so what went out is recorded and the job's lock released."""
    from app.services.outbox import jobs as outbox_jobs
    from tasks import scheduler

    for n in range(6):
        await push(rt, f"o-term{n}", key=f"term-{n}")
    await fault(sandbox, count=6, delay_ms=300)
    monkeypatch.setattr(rt.settings.outbox, "concurrency", 2)
    run = asyncio.ensure_future(scheduler._guarded("outbox_deliver", outbox_jobs.deliver, rt)())
    await two_sent_two_in_flight(sandbox)
    await scheduler.stop_running_jobs()
    assert run.cancelled()
    statuses = [m.status for m in await OutboxMessage.all()]
    assert 2 <= statuses.count("sent") < 6 and "pending" in statuses
    assert await rt.redis.get(rt.key("job-lock", "outbox_deliver")) is None


_SIDE_WRITES: list[int] = []


@outbox.sender("test_side_write")
async def _writes_on_its_own(rt_, msg: outbox.Claimed) -> None:
    """A sender that writes (as the refund, award and coupon senders do): its write commits on its own, seen by
    another connection while the batch that holds its message is still open."""
    await enqueue("subscribe", f"side-{msg.payload['n']}", {"openid": "o-side"}, now=rt_.clock.now(), member_id=None)
    if is_postgres_conn(conn()):
        other = await asyncpg.connect(rt_.settings.database.url)
        try:
            _SIDE_WRITES.append(await other.fetchval(
                "SELECT count(*) FROM outbox_messages WHERE dedupe_key = $1", f"side-{msg.payload['n']}"))
        finally:
            await other.close()


async def test_a_senders_own_writes_do_not_join_the_batch_transaction(rt, sandbox) -> None:
    _SIDE_WRITES.clear()
    for n in range(3):
        await enqueue("test_side_write", f"w-{n}", {"n": n}, now=rt.clock.now(), member_id=None)
    assert await deliver_due(rt, 3) == {"sent": 3}
    assert _SIDE_WRITES == ([1, 1, 1] if is_postgres_conn(conn()) else [])
    assert await OutboxMessage.filter(dedupe_key__startswith="side-").count() == 3


async def test_delivery_job_is_registered_and_runs(rt, sandbox) -> None:
    from app.services.outbox import jobs as outbox_jobs
    from tasks.scheduler import jobs

    registered = jobs()
    assert ("outbox_deliver", outbox_jobs.deliver, {"trigger": "interval", "seconds": 5}) in registered
    names = {name for name, _, _ in registered}
    assert {"payments_credit_pending", "points_expire", "points_release", "tier_downgrades", "reconcile"} <= names
    await push(rt, "o-job")
    assert await outbox_jobs.deliver(rt) == {"sent": 1}
    assert await outbox_jobs.deliver(rt) is None


# -- pushes after payments: failures never touch the points --------------------------------------------------
@pytest.mark.parametrize("failure", ["wechat_down", "user_refused"])
async def test_push_failure_never_loses_the_payments_points(api: Api, seeded, rt, sandbox, failure: str,
                                                            notify_relay: NotifyRelay) -> None:
    _, member = await api.login(f"push-{failure}")
    if failure == "wechat_down":
        await fault(sandbox, count=1000, http_status=500)
    else:
        await sandbox_call(sandbox, "POST", "/__sandbox__/subscriptions",
                           {"openid": member["openid"], "template_id": TEMPLATE, "quota": 0})
    played = await play_payment(sandbox, notify_relay, member["openid"], 12345)
    assert played["status"] == 204  # the answer never waits for (or depends on) the push
    assert (await Member.get(id=member["id"])).balance == 223
    outcome = await deliver_due(rt)
    assert outcome == ({"retry": 1} if failure == "wechat_down" else {"refused": 1})
    msg = await OutboxMessage.get(member_id=member["id"])
    assert msg.status == ("pending" if failure == "wechat_down" else "refused")
    assert (await Member.get(id=member["id"])).balance == 223
    assert await PointEntry.filter(member_id=member["id"]).count() == 2
    await assert_ledger_invariant(member["id"])
    if failure == "wechat_down":
        await sandbox_call(sandbox, "DELETE", "/__sandbox__/faults")
        rt.clock.shift(timedelta(minutes=1))
        assert await deliver_due(rt) == {"sent": 1}
        assert sandbox.state.sent_messages[0]["data"]["number3"] == "223"


async def test_backoff_is_capped(rt) -> None:
    assert outbox.backoff(rt, 1) == timedelta(seconds=30)
    assert outbox.backoff(rt, 3) == timedelta(seconds=120)
    assert outbox.backoff(rt, 30) == timedelta(seconds=rt.settings.outbox.backoff_max_seconds)


async def test_due_index_migration_takes_finished_rows_out_and_back(rt) -> None:
    """The migration that made the due index partial, on this backend's dialect: rows finished before it get no
    next attempt (NULL), unfinished ones keep theirs; its downgrade restores the former NOT NULL column."""
    import importlib.util
    from pathlib import Path

    c = conn()
    dialect = "postgres" if is_postgres_conn(c) else "sqlite"
    [path] = (Path(__file__).parents[1] / "migrations" / dialect / "models").glob("*_outbox_due.py")
    spec = importlib.util.spec_from_file_location("outbox_due_migration", path)
    assert spec and spec.loader
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    await c.execute_script(await migration.downgrade(c))
    now = rt.clock.now()
    for key, status in (("m-sent", "sent"), ("m-failed", "failed"), ("m-pending", "pending"), ("m-sending", "sending")):
        payload = {"openid": f"o-{key}", "template_id": TEMPLATE, "data": {"thing1": "积分到账"}}
        await OutboxMessage.create(kind="subscribe", dedupe_key=key, payload=payload, status=status,
                                   next_attempt_at=now, created_at=now, updated_at=now)
    await c.execute_script(await migration.upgrade(c))
    rows = {m.dedupe_key: m.next_attempt_at for m in await OutboxMessage.all()}
    assert rows == {"m-sent": None, "m-failed": None, "m-pending": now, "m-sending": now}
    await push(rt, "o-after-migration", key="m-new")
    assert await deliver_due(rt) == {"sent": 2}  # the pending row and the new one; `sending` awaits the reaper
