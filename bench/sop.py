"""SOP task fan-out and WeCom job creation, on PostgreSQL (standalone: `python -m bench.sop [--quick]`).

1. Fan-out: one task targeting every guide (2,000 guides with 100,000 matching customers; --quick: 200 / 10,000)
   through jifen's `dispatch` (claim, assignments, recipients with segment and holdout, counts, two outbox rows
   per assignment, one transaction) against its ceiling, measured side by side: one hand-written
   INSERT ... SELECT of the same assignment rows and one of the same recipient rows, in one transaction, over
   raw asyncpg. Target: jifen < 10 s and <= 2x the ceiling.
2. WeCom jobs: the outbox delivers every assignment's app message and group-send (`add_msg_template`) to the
   sandbox, which answers 45033 beyond `max_concurrent` calls in flight and holds each call `latency_ms`;
   jifen's delivery is bounded (outbox concurrency) and backs off on 45033. Target: every job created once,
   none lost (the sandbox's task count equals the assignments).

The database `jifen_bench_sop` is created and dropped (`--keep-db` keeps it). Times are wall-clock seconds of
this machine, medians of `--repeat` runs for the fan-out.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from datetime import timedelta
from typing import Any

import asyncpg

PG = "postgres://postgres@127.0.0.1:5432"
DB = "jifen_bench_sop"


def say(msg: str) -> None:
    print(f"[bench sop {time.strftime('%H:%M:%S')}] {msg}", flush=True)


async def _admin(sql: str) -> None:
    c = await asyncpg.connect(f"{PG}/postgres")
    try:
        await c.execute(sql)
    finally:
        await c.close()


async def seed(guides: int, customers: int) -> None:
    """Stores of 10 guides each, every customer a member, primary follow of one guide, tagged etVIP."""
    c = await asyncpg.connect(f"{PG}/{DB}")
    try:
        per = customers // guides
        await c.execute(f"""
            INSERT INTO stores (id, code, name, region, active, created_at)
              SELECT i, 'S' || i, '店' || i, CASE WHEN i % 2 = 0 THEN '华东' ELSE '华南' END, TRUE, now()
              FROM generate_series(1, {max(guides // 10, 1)}) i;
            INSERT INTO staff_users (id, name, role, wecom_userid, active, store_id, created_at)
              SELECT i, 'g' || i, 'guide', 'guide' || i, TRUE, (i - 1) / 10 + 1, now()
              FROM generate_series(1, {guides}) i;
            INSERT INTO members (id, openid, unionid, invite_code, balance, pending, growth, tier_level,
                                 checkin_streak, created_at, updated_at)
              SELECT i, 'o' || i, 'u' || i, 'c' || i, 500, 0, 0, 1, 0, now(), now()
              FROM generate_series(1, {customers}) i;
            INSERT INTO wecom_contacts (id, external_userid, unionid, member_id, name, created_at, updated_at)
              SELECT i, 'wm' || i, 'u' || i, i, 'c' || i, now(), now() FROM generate_series(1, {customers}) i;
            INSERT INTO wecom_contact_follows (external_userid, userid, staff_id, state, status, is_primary,
                                               added_at, event_time)
              SELECT 'wm' || i, 'guide' || ((i - 1) / {per} + 1), (i - 1) / {per} + 1, '', 'active', TRUE,
                     now(), 0
              FROM generate_series(1, {customers}) i;
            INSERT INTO wecom_contact_tags (external_userid, userid, tag_id)
              SELECT 'wm' || i, 'guide' || ((i - 1) / {per} + 1), 'etVIP' FROM generate_series(1, {customers}) i;
            ANALYZE;""")
    finally:
        await c.close()


CEILING = """
INSERT INTO sop_assignments (task_id, staff_id, store_id, region, wecom_userid, state, recipients, holdouts,
                             deadline_at, wecom_reminds, created_at)
SELECT $1, s.id, s.store_id, st.region, s.wecom_userid, 'open', 0, 0, now(), 0, now()
FROM staff_users s LEFT JOIN stores st ON st.id = s.store_id WHERE s.role = 'guide' AND s.active;
"""
CEILING_RECIPIENTS = """
INSERT INTO sop_recipients (task_id, assignment_id, external_userid, member_id, holdout, tagged)
SELECT $1, a.id, f.external_userid, c.member_id, FALSE, FALSE
FROM sop_assignments a JOIN wecom_contact_follows f ON f.userid = a.wecom_userid AND f.is_primary
JOIN wecom_contacts c ON c.external_userid = f.external_userid
WHERE a.task_id = $1 AND EXISTS (SELECT 1 FROM wecom_contact_tags t WHERE t.external_userid = f.external_userid
                                 AND t.userid = f.userid AND t.tag_id = 'etVIP');
"""


async def clear(c: Any) -> None:
    await c.execute("TRUNCATE sop_assignments, sop_recipients, outbox_messages, sop_tasks RESTART IDENTITY")


async def ceiling_once(task_id: int) -> float:
    c = await asyncpg.connect(f"{PG}/{DB}")
    try:
        t0 = time.perf_counter()
        async with c.transaction():
            await c.execute(CEILING, task_id)
            await c.execute(CEILING_RECIPIENTS, task_id)
        return time.perf_counter() - t0
    finally:
        await c.close()


async def jifen_once(rt: Any, guides: int) -> tuple[float, dict[str, int]]:
    from app.services.sop import service

    now = rt.clock.now()
    regions_task = await _task(now, guides)
    t0 = time.perf_counter()
    counts = await service.dispatch(regions_task, now)
    elapsed = time.perf_counter() - t0
    assert counts is not None
    return elapsed, counts


async def _task(now: Any, guides: int) -> int:
    from models import SopTask

    t = await SopTask.create(kind="invitation", name="bench", content={"text": "会员日", "channel": "single"},
                             targets={"regions": ["华东", "华南"]}, segment={"tag_ids": ["etVIP"], "tier_min": 1},
                             start_at=now - timedelta(minutes=1), deadline_at=now + timedelta(days=1),
                             remind_before_minutes=60, holdout_bp=0, created_at=now)
    return t.id


async def wecom_jobs(rt: Any, limit_seconds: float) -> dict[str, Any]:
    """Deliver every outbox row of the fan-out through the sandbox with its concurrency limit; count 45033s."""
    from app.services.outbox import service as outbox
    from models import OutboxMessage

    spent: dict[str, list[float]] = {}
    for kind in ("sop_notify", "sop_wecom_job"):
        inner = outbox.sender_of(kind)
        assert inner is not None

        async def timed(rt: Any, msg: Any, inner: Any = inner, kind: str = kind) -> None:
            t = time.perf_counter()
            try:
                await inner(rt, msg)
            finally:
                spent.setdefault(kind, []).append(time.perf_counter() - t)

        outbox._SENDERS[kind] = timed
    t0 = time.perf_counter()
    rounds = 0
    while time.perf_counter() - t0 < limit_seconds:
        rounds += 1
        await outbox.deliver_due(rt, seconds=2.0)
        left = await OutboxMessage.exclude(status="sent").count()
        if not left:
            break
        # deferred rows (45033: 5 s of business time) come due sooner by moving the business clock
        rt.clock.shift(timedelta(seconds=5))
    for kind, xs in spent.items():
        say(f"  {kind}: {len(xs)} sends, median {statistics.median(xs) * 1000:.1f} ms, "
            f"p90 {sorted(xs)[int(len(xs) * 0.9)] * 1000:.1f} ms")
    return {"seconds": round(time.perf_counter() - t0, 2), "rounds": rounds,
            "sent": await OutboxMessage.filter(status="sent").count(),
            "left": await OutboxMessage.exclude(status="sent").count()}


async def main_async(args: argparse.Namespace) -> int:
    from app import db
    from app.config import load_settings
    from app.runtime import Runtime
    from sandbox.server import SandboxServer
    from sandbox.wecom_sop import sop_state

    guides, customers = (200, 10_000) if args.quick else (2_000, 100_000)
    await _admin(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    await _admin(f'CREATE DATABASE "{DB}"')
    settings = load_settings(env={})
    settings.database.url = f"{PG}/{DB}"
    settings.database.pool_max = 10
    settings.redis.url = "memory://"
    settings.auth.secret = "bench"
    settings.log.level = "WARNING"
    try:
        await db.migrate(settings)
        say(f"seeding {guides} guides, {customers} customers")
        await seed(guides, customers)
        async with SandboxServer() as sb:
            settings.wecom.api_base = sb.url
            settings.wechat.api_base = sb.url
            await db.connect(settings)
            rt = await Runtime.create(settings)
            try:
                fan, ceil = [], []
                counts: dict[str, int] = {}
                for i in range(args.repeat):
                    c = await asyncpg.connect(f"{PG}/{DB}")
                    await clear(c)
                    await c.close()
                    s = await ceiling_once(10_000 + i)
                    ceil.append(s)
                    c = await asyncpg.connect(f"{PG}/{DB}")
                    await clear(c)
                    await c.close()
                    s, counts = await jifen_once(rt, guides)
                    fan.append(s)
                    say(f"run {i + 1}: jifen {fan[-1]:.2f} s, ceiling {ceil[-1]:.2f} s, {counts}")
                jm, cm = statistics.median(fan), statistics.median(ceil)
                say(f"fan-out: jifen {jm:.2f} s vs hand-written INSERT ... SELECT {cm:.2f} s -> ratio "
                    f"{jm / cm:.2f}x (target < 10 s and <= 2x: {'met' if jm < 10 and jm / cm <= 2 else 'NOT met'})")
                state = sop_state(sb.state)
                state["config"].update({"max_concurrent": args.max_concurrent, "latency_ms": args.latency_ms,
                                        "check_friends": False})
                jobs = await wecom_jobs(rt, args.timeout)
                created = len(state["groupmsgs"])
                rejected = state["rejected_45033"]
                say(f"WeCom jobs: {created} group-sends created for {counts['assignments']} assignments, "
                    f"{len(sb.state.wecom_messages)} app messages, outbox sent {jobs['sent']}, "
                    f"left {jobs['left']}, 45033 answers seen {rejected}, {jobs['seconds']} s "
                    f"({'none lost' if created == counts['assignments'] and not jobs['left'] else 'LOST SOME'})")
            finally:
                await rt.close()
                await db.close()
    finally:
        if not args.keep_db:
            await _admin(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.sop", description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="200 guides / 10,000 customers")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--max-concurrent", type=int, default=6, help="sandbox: calls in flight before 45033")
    p.add_argument("--latency-ms", type=int, default=10, help="sandbox: time each WeCom call takes")
    p.add_argument("--timeout", type=float, default=300.0)
    p.add_argument("--keep-db", action="store_true")
    args = p.parse_args(argv)
    try:
        import uvloop

        return uvloop.run(main_async(args))
    except ImportError:  # pragma: no cover
        return asyncio.run(main_async(args))


if __name__ == "__main__":
    raise SystemExit(main())
