"""Hand-written SQL for the hot paths, written once with $n placeholders for both backends.

Why not the ORM here: the check-in/award path is the hottest write and must take as few database
round trips as possible (bench/ measures it against hand-written asyncpg). Values are adapted to what
Tortoise itself stores, so ORM reads of these rows stay correct.

Claims (a batch of due rows moved to a leased state in one UPDATE: the outbox, WeCom events, content editions,
SOP polls) pick their rows in a MATERIALIZED CTE (`WITH picked AS MATERIALIZED (SELECT id ... LIMIT $n FOR
UPDATE SKIP LOCKED) UPDATE ... WHERE id IN (SELECT id FROM picked)`), never in `id IN (SELECT ... LIMIT ...)`
directly: PostgreSQL may plan the latter as a nested-loop semi-join that re-runs the subquery for every row it
scans, and each re-run skips the rows the statement has already updated (self-modified rows count as locked),
so the LIMIT picks the next ones and the claim takes every due row (seen on a fresh table: LIMIT 2, 12 rows
claimed). A CTE is computed once; SQLite (3.35+) reads the same text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
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
