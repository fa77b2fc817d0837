"""Database wiring: Tortoise config, connect/close, migrations (Aerich, one history per dialect), raw SQL.

Migrations never run per worker (several workers would race on CREATE TABLE): `jifen migrate` is a deploy
step, run once (guarded by a PostgreSQL advisory lock); `jifen serve` runs it in the main process on the
embedded default before any worker starts.
"""

from __future__ import annotations

import asyncio
import contextvars
import re
import sqlite3
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import asyncpg

# Tortoise registers its own datetime adapter when this module loads; importing it first lets ours replace it
import tortoise.backends.sqlite.executor  # noqa: F401
from tortoise import Tortoise, connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.fields import DatetimeField

from app.config import ROOT, Settings

MODEL_MODULES = ["models", "aerich.models"]
T = TypeVar("T")
MIGRATIONS_DIR = ROOT / "migrations"


def db_url(settings: Settings) -> str:
    url = settings.database.url
    if url.startswith("postgresql://"):
        url = "postgres://" + url[len("postgresql://"):]
    if url.startswith("sqlite://") and not url.startswith("sqlite://:memory:"):
        Path(url[len("sqlite://"):].split("?")[0]).parent.mkdir(parents=True, exist_ok=True)
    return url


class NoResetConnection(asyncpg.connection.Connection):  # type: ignore[misc]
    """Pool connections skip asyncpg's reset query on release.

    asyncpg runs `pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL` every time a connection goes
    back to the pool, and Tortoise acquires one per query: a second round trip for every statement. jifen
    keeps no session state on pooled connections (no LISTEN, SET or session advisory locks; open
    transactions are still rolled back by asyncpg), so the reset only costs latency.
    """

    def get_reset_query(self) -> str:
        return ""


def tortoise_config(settings: Settings) -> dict[str, Any]:
    url: Any = db_url(settings)
    if settings.database.is_postgres:
        sep = "&" if "?" in url else "?"
        url = expand_db_url(f"{url}{sep}maxsize={settings.database.pool_max}&minsize=1")
        url["credentials"]["connection_class"] = NoResetConnection
        url["credentials"]["acquire_timeout"] = settings.database.acquire_timeout_seconds
        url["engine"] = "app.db_pool"  # asyncpg with first-come-first-served pool waits
    else:
        url = expand_db_url(url)
        url["engine"] = "app.db_sqlite"  # transactions take the write lock at BEGIN (two processes, one file)
    return {
        "connections": {"default": url},
        "apps": {"models": {"models": MODEL_MODULES, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def _sqlite_datetime(value: datetime) -> str:
    """SQLite stores timestamps as text and compares them as text, so every aware datetime is written in UTC.

    Why: Tortoise writes `isoformat(" ")`, keeping the value's own offset; an update or filter with a
    `+08:00` time (WeChat's times, Shanghai day starts) then compares as text against `+00:00` rows and is
    off by 8 hours (a payment at the edge of the link window, a day boundary). One text form for every row
    and parameter makes text order time order: `YYYY-MM-DD HH:MM:SS[.ffffff]+00:00`, as `app.sqlx` writes it.
    """
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.isoformat(" ")


sqlite3.register_adapter(datetime, _sqlite_datetime)


def dialect(settings: Settings) -> str:
    return "postgres" if settings.database.is_postgres else "sqlite"


_OUTSIDE: contextvars.Context | None = None
"""The context right after `connect`: Tortoise's connections, no transaction (`detached`)."""


async def connect(settings: Settings) -> None:
    global _OUTSIDE
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    _OUTSIDE = contextvars.copy_context()


def detached(work: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
    """A task for work that runs outside any transaction: what callers share (a cache reload, a counter rebuild)
    and the outbox's senders (a batch's transaction must not carry their writes).

    Why: a task copies its starter's context, and inside `in_transaction()` that context sends every query to the
    transaction's connection. Shared work started by a caller in a transaction then queued behind (or, on asyncpg,
    collided with: "another operation is in progress") the transaction's own statements, failed for every caller
    waiting on it once the transaction had ended, and made a caller waiting on it inside its transaction hold two
    connections' worth of the pool. Its log lines carry no request id (it is not one request's work).

    Before `connect` there is no such context, and none can be made up (a fresh context would give Tortoise no
    connections and it would open a second pool): refused rather than run in the caller's context, which may
    be a transaction's."""
    if _OUTSIDE is None:
        work.close()
        raise RuntimeError("app.db.detached() needs app.db.connect() first")
    return asyncio.get_running_loop().create_task(work, context=_OUTSIDE.copy())


async def close() -> None:
    await Tortoise.close_connections()


def conn() -> BaseDBAsyncClient:
    return connections.get("default")


_PG_PARAM = re.compile(r"\$(\d+)")


def is_postgres_conn(c: BaseDBAsyncClient) -> bool:
    return c.capabilities.dialect == "postgres"


def sql(c: BaseDBAsyncClient, text: str) -> str:
    """Write SQL once with $n placeholders; SQLite gets ?n (numbered params, so reuse works on both)."""
    return text if is_postgres_conn(c) else _PG_PARAM.sub(r"?\1", text)


async def migrate(settings: Settings, then: Callable[[], Awaitable[None]] | None = None) -> list[str]:
    """Apply pending Aerich migrations for this dialect (creating the schema on an empty database), then run
    `then` (the first-install seed) under the same lock, so two deploys never seed twice."""
    from aerich import Command

    location = str(MIGRATIONS_DIR / dialect(settings))
    command = Command(tortoise_config=tortoise_config(settings), app="models", location=location)
    await command.init()
    try:
        if not settings.database.is_postgres:
            return await _upgrade_and_then(command, then)
        # the session lock lives on one dedicated connection, held while other connections migrate
        async with conn().acquire_connection() as lock_conn:
            await lock_conn.execute("SELECT pg_advisory_lock(7126001)")
            try:
                return await _upgrade_and_then(command, then)
            finally:
                await lock_conn.execute("SELECT pg_advisory_unlock(7126001)")
    finally:
        await Tortoise.close_connections()


async def _upgrade_and_then(command: Any, then: Callable[[], Awaitable[None]] | None) -> list[str]:
    applied = await command.upgrade(run_in_transaction=True)
    if not is_postgres_conn(conn()):
        await normalise_sqlite_times()
    if then is not None:
        await then()
    return list(applied)


async def normalise_sqlite_times() -> int:
    """Data fix for SQLite databases written before `_sqlite_datetime`: rewrite every timestamp stored with a
    non-UTC offset in UTC (same instant, microseconds kept). Idempotent, no schema change; runs with every
    `jifen migrate` (and so on every embedded `jifen serve`). Returns how many values changed."""
    changed = 0
    c = conn()
    for model in Tortoise.apps.get_models_iterable():
        for field in model._meta.fields_map.values():
            if not isinstance(field, DatetimeField):
                continue
            col = f'"{field.source_field or field.model_field_name}"'
            # SQLite's datetime() applies a trailing [+-]HH:MM offset, giving the UTC wall time
            rows = await c.execute_query(
                f'UPDATE "{model._meta.db_table}" SET {col} = datetime(substr({col}, 1, 19) || substr({col}, -6)) '
                f"|| CASE WHEN length({col}) > 25 THEN substr({col}, 20, length({col}) - 25) ELSE '' END "
                f"|| '+00:00' WHERE length({col}) >= 25 AND substr({col}, -6, 1) IN ('+', '-') "
                f"AND substr({col}, -6) <> '+00:00'")
            changed += int(rows[0])
    return changed


async def make_migrations(name: str, kind: str) -> str | None:
    """Developer step: write the next migration for one dialect from the models (offline, no database).

    Aerich keeps class-level state, so each dialect runs in its own process (see `jifen makemigrations`).
    """
    from aerich import Command

    url = {"sqlite": "sqlite://:memory:", "postgres": "postgres://u@127.0.0.1:5432/x"}[kind]
    config = {"connections": {"default": url},
              "apps": {"models": {"models": MODEL_MODULES, "default_connection": "default"}},
              "use_tz": True, "timezone": "UTC"}
    location = MIGRATIONS_DIR / kind
    command = Command(tortoise_config=config, app="models", location=str(location))
    try:
        if not any((location / "models").glob("*.py")):
            await command.init_migrations(safe=True)
            return "initial"
        await command.init(offline=True)
        made = await command.migrate(name, no_input=True, offline=True)
        if made:
            # aerich's SQLite writer escapes "/" in table comments as "\/", an invalid escape in the generated
            # Python string (SyntaxWarning on 3.12, an error later); the comment reads the same without it
            path = location / "models" / made
            path.write_text(path.read_text().replace("\\/", "/"))
        return made
    finally:
        await Tortoise.close_connections()
