"""On the embedded default a transaction never loses its write to another process's commit (app/db_sqlite.py).

The service and the scheduler are two processes on one SQLite file. A transaction that read first and wrote
second used to fail with "database is locked" (a 503 on a console form) whenever the scheduler committed in
between; CI's page fuzzing hit it on `POST /console/plans/<id>`.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading

import pytest
from tortoise.transactions import in_transaction

from app import db
from app.db_sqlite import SqliteClient
from tests.conftest import BACKEND

pytestmark = pytest.mark.skipif(BACKEND != "embedded", reason="the SQLite engine exists on the embedded default only")


def _other_process_writer(path: str, done: threading.Event, errors: list[BaseException]) -> None:
    """What the scheduler does: its own connection, one write, autocommit, SQLite's busy wait (10 s)."""
    other = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        other.execute("UPDATE lock_probe SET n = n + 10 WHERE id = 1")
    except BaseException as exc:  # reported to the test
        errors.append(exc)
    finally:
        other.close()
        done.set()


async def test_a_transaction_that_read_first_still_writes_after_another_writer_came(rt, settings) -> None:
    assert isinstance(db.conn(), SqliteClient)  # the engine every query of the service goes through
    path = settings.database.url[len("sqlite://"):]
    await db.conn().execute_script("DROP TABLE IF EXISTS lock_probe; "
                                   "CREATE TABLE lock_probe (id INTEGER PRIMARY KEY, n INTEGER NOT NULL); "
                                   "INSERT INTO lock_probe VALUES (1, 0)")
    done, errors = threading.Event(), []
    writer = threading.Thread(target=_other_process_writer, args=(path, done, errors))
    try:
        async with in_transaction() as tx:
            _, rows = await tx.execute_query("SELECT n FROM lock_probe WHERE id = 1")
            assert rows[0]["n"] == 0
            writer.start()
            # a deferred BEGIN let the other writer commit here, and the update below failed with
            # "database is locked"; with the lock taken at BEGIN the other writer waits for our commit
            assert not await asyncio.to_thread(done.wait, 0.5)
            await tx.execute_query("UPDATE lock_probe SET n = n + 1 WHERE id = 1")
        await asyncio.to_thread(writer.join, 15)
        assert done.is_set() and not errors
        _, rows = await db.conn().execute_query("SELECT n FROM lock_probe WHERE id = 1")
        assert rows[0]["n"] == 11  # both writes, one after the other
    finally:
        await db.conn().execute_script("DROP TABLE IF EXISTS lock_probe")
