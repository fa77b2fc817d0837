"""Hand-written SQL for the hot paths, written once with $n placeholders for both backends.

Why not the ORM here: the check-in/award path is the hottest write and must take as few database
round trips as possible (bench/ measures it against hand-written asyncpg). Values are adapted to what
Tortoise itself stores, so ORM reads of these rows stay correct.

Claims (a batch of due rows moved to a leased state in one UPDATE: the outbox on SQLite, WeCom events, content
editions, SOP polls) are built by `Claim` and nowhere else, so they all take the one safe form: the batch is picked in a
MATERIALIZED CTE (`WITH picked AS MATERIALIZED (SELECT id ... LIMIT $n FOR UPDATE SKIP LOCKED) UPDATE ... WHERE
id IN (SELECT id FROM picked)`), never in `id IN (SELECT ... LIMIT ...)` directly: PostgreSQL may plan the latter
as a nested-loop semi-join that re-runs the subquery for every row it scans, and each re-run skips the rows the
statement has already updated (self-modified rows count as locked), so the LIMIT picks the next ones and the
claim takes every due row (seen on a fresh table: LIMIT 2, 12 rows claimed). A CTE is computed once; SQLite
(3.35+) reads the same text. Row locks (`row_lock`) are PostgreSQL's alone: SQLite's single writer already
serialises every write transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from app.db import is_postgres_conn, sql


def adapt(c: BaseDBAsyncClient, value: Any) -> Any:
    pg = is_postgres_conn(c)
    if isinstance(value, datetime):
        value = value.astimezone(UTC)
        return value if pg else str(value)
    if isinstance(value, date):
        return value if pg else value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, list):  # PostgreSQL arrays (e.g. = ANY($1::bigint[]))
        return value if pg else json.dumps(value)
    if isinstance(value, bool) and not pg:
        return int(value)
    return value


async def fetch(c: BaseDBAsyncClient, text: str, args: Sequence[Any] = ()) -> list[Any]:
    """Run one statement and return its rows (RETURNING included) on either backend."""
    q = sql(c, text)
    values = [adapt(c, v) for v in args]
    async with c.acquire_connection() as raw:
        if is_postgres_conn(c):
            return list(await raw.fetch(q, *values))
        return list(await raw.execute_fetchall(q, values))


async def fetchrow(c: BaseDBAsyncClient, text: str, args: Sequence[Any] = ()) -> Any | None:
    rows = await fetch(c, text, args)
    return rows[0] if rows else None


async def execute(c: BaseDBAsyncClient, text: str, args: Sequence[Any] = ()) -> None:
    q = sql(c, text)
    values = [adapt(c, v) for v in args]
    async with c.acquire_connection() as raw:
        if is_postgres_conn(c):
            await raw.execute(q, *values)
        else:
            await raw.execute(q, values)


def row_lock(c: BaseDBAsyncClient, *, skip_locked: bool = False, of: str | None = None) -> str:
    """The `FOR UPDATE [OF t] [SKIP LOCKED]` suffix on PostgreSQL; nothing on SQLite (see the module doc)."""
    if not is_postgres_conn(c):
        return ""
    return " FOR UPDATE" + (f" OF {of}" if of else "") + (" SKIP LOCKED" if skip_locked else "")


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim statement (module doc, "Claims"): `pick` selects the batch's ids (its own WHERE, ORDER BY and
    `LIMIT $n`, no lock: the lock is added here), the UPDATE sets `set` on exactly those rows, re-checking
    `recheck` if given, and returns `returning`. `lock_of` names the picked table when `pick` joins others."""

    table: str
    pick: str
    set: str
    returning: str
    recheck: str = ""
    lock_of: str | None = None

    def text(self, c: BaseDBAsyncClient) -> str:
        recheck = f" AND {self.recheck}" if self.recheck else ""
        return (f"WITH picked AS MATERIALIZED ({self.pick}{row_lock(c, skip_locked=True, of=self.lock_of)})\n"
                f"UPDATE {self.table} SET {self.set} WHERE id IN (SELECT id FROM picked){recheck}\n"
                f"RETURNING {self.returning}")

    async def run(self, c: BaseDBAsyncClient, args: Sequence[Any]) -> list[Any]:
        return await fetch(c, self.text(c), args)


def to_dt(value: Any) -> datetime | None:
    """Read a timestamp column from either backend as an aware UTC datetime."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def to_json(value: Any) -> Any:
    """A JSON column as Python: asyncpg hands jsonb over as text, SQLite as text or already decoded."""
    if type(value) is str:
        return json.loads(value)
    if value is None or isinstance(value, dict | list):
        return value
    return json.loads(value)


def _integrity_errors() -> tuple[type[BaseException], ...]:
    import sqlite3

    import asyncpg
    from tortoise.exceptions import IntegrityError

    return (IntegrityError, asyncpg.exceptions.IntegrityConstraintViolationError, sqlite3.IntegrityError)


INTEGRITY_ERRORS = _integrity_errors()
