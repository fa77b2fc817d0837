"""The benchmark database `jifen_bench`: create, migrate, seed set-based, reset between runs, drop.

Members 1..read_members carry a seeded ledger (the read scenarios), the next `tokens` members are the
writers (check-ins and payments) whose pre-minted tokens the Lua scripts walk in shuffled order. Every
write scenario starts from the same state: `reset_writes` removes what writers did and restores them.
"""

from __future__ import annotations

import asyncio
import random
import subprocess
import time
from pathlib import Path

import asyncpg
import jwt

from bench.env import ADMIN_DSN, APPID, AUTH_SECRET, DB_NAME, DSN, JIFEN, MEMBER_NAME_PREFIX, ROOT, Plan, jifen_env

BUDGET_POINTS = 10_000_000_000  # with --budget: the year's points budget, far from its warning line

# tables whose rows only write scenarios create (configuration tables are never touched)
WRITE_TABLES = ("checkins", "award_counters", "tier_changes", "outbox_messages", "payments", "payment_refunds",
                "wechatpay_notifications", "coupons", "spend_allocations", "expiry_reminders", "wecom_events",
                "wecom_contacts", "wecom_contact_follows")


async def connect() -> asyncpg.Connection:
    return await asyncpg.connect(DSN)


async def recreate_database() -> None:
    admin = await asyncpg.connect(ADMIN_DSN)
    try:
        await admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        await admin.execute(f"CREATE DATABASE {DB_NAME}")
    finally:
        await admin.close()


async def drop_database() -> None:
    admin = await asyncpg.connect(ADMIN_DSN)
    try:
        await admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
    finally:
        await admin.close()


def migrate(log_dir: Path) -> None:
    """`jifen migrate` exactly as a deploy runs it (also seeds the default rules: check-in = 5 points)."""
    env = jifen_env(0, "http://127.0.0.1:9")
    with open(log_dir / "migrate.log", "wb") as log:
        subprocess.run([JIFEN, "migrate"], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, check=True,
                       timeout=120)


def _openid_sql(expr: str) -> str:
    """The sandbox's openid for login code `sandbox:b<id>` (sandbox.state.openid_for), computed in SQL."""
    return (f"'o' || left(translate(encode(sha256(convert_to('openid:{APPID}:{MEMBER_NAME_PREFIX}' || {expr}, "
            "'UTF8')), 'base64'), '+/', '-_'), 27)")


def _unionid_sql(expr: str) -> str:
    return (f"'u' || left(translate(encode(sha256(convert_to('unionid:{MEMBER_NAME_PREFIX}' || {expr}, "
            "'UTF8')), 'base64'), '+/', '-_'), 27)")


async def seed(plan: Plan) -> dict[str, float]:
    """Members (one INSERT … SELECT generate_series) and the read members' ledger; returns seconds taken."""
    timings: dict[str, float] = {}
    c = await connect()
    try:
        t0 = time.perf_counter()
        await c.execute(f"""
            INSERT INTO members (id, openid, unionid, invite_code, balance, pending, growth, tier_level,
                                 checkin_streak, created_at, updated_at)
            SELECT i, {_openid_sql("i")}, {_unionid_sql("i")}, 'B' || lpad(to_hex(i), 7, '0'), 0, 0, 0, 0, 0,
                   now() - interval '90 days', now() - interval '90 days'
            FROM generate_series(1, $1::int) AS i""", plan.members)
        await c.execute("SELECT setval(pg_get_serial_sequence('members', 'id'), $1::bigint)", plan.members)
        timings["members"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        n, k = plan.read_members, plan.read_entries
        await c.execute("""
            INSERT INTO point_entries (member_id, account, amount, kind, event, source, rule_id, idem_key,
                                       balance_after, growth, trace, created_at)
            SELECT m, 'available', 10, 'earn', 'share', 'seed', NULL, 'seed:' || j, 10 * j, 1,
                   '{"rule": "share", "points": 10}'::jsonb, now() - make_interval(hours => $2::int - j)
            FROM generate_series(1, $1::int) AS m, generate_series(1, $2::int) AS j""", n, k)
        await c.execute("""
            INSERT INTO point_buckets (member_id, entry_id, state, initial, remaining, expired_amount, expires_at,
                                       release_at, created_at)
            SELECT m, NULL, 'active', a, a, 0, date_trunc('month', now()) + make_interval(months => s), NULL, now()
            FROM generate_series(1, $1::int) AS m,
                 (VALUES (1, 4 * $2::int), (3, 4 * $2::int), (13, 2 * $2::int)) AS b(s, a)""", n, k)
        await c.execute("UPDATE members SET balance = 10 * $2::int, growth = $2::int WHERE id <= $1", n, k)
        if plan.budget:
            await c.execute("INSERT INTO points_budgets (year, budget_points, warn_ratio_bp, mode) VALUES "
                            "(extract(year FROM timezone('Asia/Shanghai', now()))::int, $1, 8000, 'refuse')",
                            BUDGET_POINTS)
        timings["read_ledger"] = time.perf_counter() - t0
        await reset_writes(c, plan)
        t0 = time.perf_counter()
        await c.execute("VACUUM ANALYZE")
        timings["vacuum"] = time.perf_counter() - t0
    finally:
        await c.close()
    return timings


async def reset_writes(c: asyncpg.Connection, plan: Plan) -> None:
    """Undo every write scenario: empty the write-only tables, drop the writers' ledger rows and restore
    the writers to 'checked in yesterday, streak id % 7' (so streak continuation and the 7th-day bonus run)."""
    existing = {r["tablename"] for r in await c.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    tables = [t for t in WRITE_TABLES if t in existing]
    await c.execute(f"TRUNCATE {', '.join(tables)}")
    r = plan.read_members
    await c.execute("DELETE FROM point_buckets WHERE member_id > $1", r)
    await c.execute("DELETE FROM point_entries WHERE member_id > $1", r)
    await c.execute("""
        UPDATE members SET balance = 0, pending = 0, growth = 0, tier_level = 0, checkin_streak = id % 7,
                           last_checkin_day = CAST(timezone('Asia/Shanghai', now()) AS date) - 1
        WHERE id > $1 AND (balance <> 0 OR pending <> 0 OR growth <> 0 OR tier_level <> 0
                           OR checkin_streak <> id % 7
                           OR last_checkin_day IS DISTINCT FROM CAST(timezone('Asia/Shanghai', now()) AS date) - 1)
        """, r)


async def drain(c: asyncpg.Connection, limit_s: float = 15.0) -> None:
    """Wait until no other session runs a statement in jifen_bench: a server keeps finishing the requests
    that were in flight when wrk stopped, and a reset under them would leave their rows behind."""
    deadline = time.monotonic() + limit_s
    quiet = 0
    while time.monotonic() < deadline and quiet < 3:
        busy = await c.fetchval("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                "AND state NOT IN ('idle') AND pid <> pg_backend_pid() "
                                "AND backend_type = 'client backend'")
        quiet = quiet + 1 if busy == 0 else 0
        await asyncio.sleep(0.1)


async def reset(plan: Plan) -> None:
    c = await connect()
    try:
        await drain(c)
        await reset_writes(c, plan)
    finally:
        await c.close()


def mint_tokens(plan: Plan, work: Path) -> tuple[Path, Path]:
    """Bearer tokens (app.auth format: HS256, sub, role, iat, exp) for read members and for writers,
    each file shuffled so walking it in order visits members at random."""
    now = int(time.time())
    rng = random.Random(20261123)

    def write(path: Path, ids: list[int]) -> Path:
        rng.shuffle(ids)
        lines = [jwt.encode({"sub": str(i), "role": "member", "iat": now, "exp": now + 86400}, AUTH_SECRET,
                            algorithm="HS256") for i in ids]
        path.write_text("\n".join(lines) + "\n")
        return path

    readers = write(work / "tokens_read.txt", list(range(1, plan.read_members + 1)))
    writers = write(work / "tokens_write.txt",
                    list(range(plan.read_members + 1, min(plan.read_members + plan.tokens, plan.members) + 1)))
    return readers, writers


def writer_ids(plan: Plan) -> range:
    return range(plan.read_members + 1, min(plan.read_members + plan.tokens, plan.members) + 1)


async def server_version() -> str:
    c = await connect()
    try:
        return str(await c.fetchval("SHOW server_version"))
    finally:
        await c.close()
