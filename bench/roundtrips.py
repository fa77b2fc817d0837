"""Round trips per operation: every PostgreSQL statement (pool resets included) and Redis command that one
check-in, balance read, ledger page, login, payment notification or outbox delivery costs.

Why: on this machine a request path is bound by round trips (perf-notes §3), so the count is the first
thing to read beside a ratio. jifen's service functions run in-process here with the serving settings,
while asyncpg's and redis-py's entry points are wrapped in this process only (jifen is not modified).
"""

from __future__ import annotations

import contextlib
import inspect
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import asyncpg
from redis.asyncio.client import Pipeline, Redis


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []

    def summary(self) -> dict[str, Any]:
        kinds = Counter(kind for kind, _ in self.events)
        return {"pg_statements": kinds["pg"], "pg_resets": kinds["pg_reset"], "pg_tx_control": kinds["pg_tx"],
                "redis": kinds["redis"], "total": len(self.events),
                "sequence": [f"{kind}: {text}" for kind, text in self.events]}


@contextlib.contextmanager
def recording(rec: Recorder) -> Iterator[None]:
    """Wrap asyncpg's simple/extended query entry points and redis-py's command/pipeline execution."""
    conn_cls = asyncpg.connection.Connection
    orig_execute, orig_x, orig_many = conn_cls.execute, conn_cls._execute, conn_cls._executemany
    orig_cmd, orig_pipe = Redis.execute_command, Pipeline.execute

    def label(query: str) -> tuple[str, str]:
        text = " ".join(query.split())[:90]
        if "pg_advisory_unlock_all" in text or text.startswith("RESET ALL"):
            return "pg_reset", text[:40]
        if text.upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")):
            return "pg_tx", text
        return "pg", text

    async def execute(self: Any, query: str, *args: Any, **kw: Any) -> Any:
        if not args:
            rec.events.append(label(query))
        return await orig_execute(self, query, *args, **kw)

    async def _execute(self: Any, query: str, *args: Any, **kw: Any) -> Any:
        rec.events.append(label(query))
        return await orig_x(self, query, *args, **kw)

    async def _executemany(self: Any, query: str, *args: Any, **kw: Any) -> Any:
        rec.events.append(label(query))
        return await orig_many(self, query, *args, **kw)

    async def command(self: Any, *args: Any, **kw: Any) -> Any:
        if not isinstance(self, Pipeline):
            rec.events.append(("redis", str(args[0])))
        return await orig_cmd(self, *args, **kw)

    async def pipe(self: Any, *args: Any, **kw: Any) -> Any:
        rec.events.append(("redis", f"pipeline of {len(self.command_stack)}"))
        return await orig_pipe(self, *args, **kw)

    conn_cls.execute, conn_cls._execute, conn_cls._executemany = execute, _execute, _executemany  # type: ignore[method-assign]
    Redis.execute_command, Pipeline.execute = command, pipe  # type: ignore[method-assign]
    try:
        yield
    finally:
        conn_cls.execute, conn_cls._execute, conn_cls._executemany = orig_execute, orig_x, orig_many  # type: ignore[method-assign]
        Redis.execute_command, Pipeline.execute = orig_cmd, orig_pipe  # type: ignore[method-assign]


async def _count(op: Callable[[], Awaitable[Any]]) -> dict[str, Any]:
    rec = Recorder()
    with recording(rec):
        t0 = time.perf_counter()
        await op()
        elapsed = time.perf_counter() - t0
    return {**rec.summary(), "ms_unloaded": round(elapsed * 1000, 2)}


async def measure(ctx: Any) -> dict[str, dict[str, Any]]:
    from app import db
    from app.config import load_settings
    from app.runtime import Runtime
    from app.services.members import service as members
    from app.services.points import checkin, queries
    from bench import dataset
    from bench.env import jifen_env

    settings = load_settings(env=jifen_env(0, ctx.sandbox_url, ctx.keys_env))
    await db.connect(settings)
    rt = await Runtime.create(settings)
    out: dict[str, dict[str, Any]] = {}
    writers = dataset.writer_ids(ctx.plan)
    try:
        async def check_in(member_id: int) -> None:
            from app import ratelimit

            limits = settings.ratelimit
            await ratelimit.enforce(rt, "checkin", [("member", str(member_id), limits.checkin_per_member),
                                                    ("ip", "127.0.0.1", limits.checkin_per_ip)])
            await checkin.check_in(rt, member_id)

        takes_id = "member_id" in inspect.signature(queries.summary).parameters

        async def balance(member_id: int) -> None:  # what GET /api/v1/points does (its signature has changed)
            await queries.summary(rt, member_id if takes_id else await members.get_member(member_id))

        async def login(name: str) -> None:
            try:
                await members.login(rt, f"sandbox:{name}", None, ip="127.0.0.1")  # type: ignore[call-arg]
            except TypeError:
                await members.login(rt, f"sandbox:{name}", None)

        # a first call of each warms caches (config, statements, token) so the counts are the steady state
        for warm in (lambda: check_in(writers.start), lambda: balance(1), lambda: queries.ledger_page(1, None, 20),
                     lambda: login("b1")):
            await warm()
        out["check-in"] = await _count(lambda: check_in(writers.start + 2))
        out["check-in, already done today"] = await _count(lambda: check_in(writers.start + 2))
        out["balance"] = await _count(lambda: balance(3))
        out["ledger first page"] = await _count(lambda: queries.ledger_page(3, None, 20))
        out["login (returning member)"] = await _count(lambda: login("b3"))
        if ctx.payments_ok:
            out.update(await _notify_counts(ctx, rt))
    finally:
        await rt.close()
        await db.close()
    return out


async def _notify_counts(ctx: Any, rt: Any) -> dict[str, dict[str, Any]]:
    from app.services.payments import service as payments
    from bench.payments import _sign_chunk

    c = await asyncpg.connect(ctx_dsn())
    try:
        ids = [r["openid"] for r in await c.fetch("SELECT openid FROM members ORDER BY id DESC LIMIT 3")]
    finally:
        await c.close()
    lines = _sign_chunk((str(ctx.keys_dir), ids, 900_000, int(time.time())))

    def parts(line: str) -> tuple[dict[str, str], bytes]:
        ts, nonce, sig, serial, body = line.split("\t", 4)
        return ({"Wechatpay-Timestamp": ts, "Wechatpay-Nonce": nonce, "Wechatpay-Signature": sig,
                 "Wechatpay-Serial": serial, "Content-Type": "application/json"}, body.encode())

    await payments.handle_notification(rt, *parts(lines[0]))
    out = {"payment notification": await _count(lambda: payments.handle_notification(rt, *parts(lines[1])))}
    out["payment notification, duplicate"] = await _count(
        lambda: payments.handle_notification(rt, *parts(lines[1])))
    return out


def ctx_dsn() -> str:
    from bench.env import DSN

    return DSN


def run(ctx: Any) -> None:
    from bench.runner import reset_db, run_async, say

    reset_db(ctx)
    try:
        counts = run_async(measure(ctx))
    finally:
        reset_db(ctx)
    ctx.res.runs["roundtrips"] = counts
    for op, c in counts.items():
        say(f"  {op:<34} PostgreSQL {c['pg_statements']} statements + {c['pg_tx_control']} BEGIN/COMMIT + "
            f"{c['pg_resets']} pool resets, Redis {c['redis']}  ({c['ms_unloaded']} ms unloaded)")
