"""SQLite engine for Tortoise whose transactions take the write lock when they begin (`BEGIN IMMEDIATE`).

Why: the embedded default runs the service and the scheduler as two processes on one SQLite file in WAL mode.
Tortoise begins transactions with a plain (deferred) `BEGIN`: the transaction reads from a snapshot and asks
for the write lock at its first write. If the other process committed in between, that snapshot is stale and
SQLite refuses the write at once with "database is locked" (SQLITE_BUSY_SNAPSHOT): the busy timeout does not
apply, since waiting could not help. A marketer saving a plan while the scheduler delivered a push got a 503.
Taking the lock at `BEGIN` makes the second writer wait its turn (up to the connection's 5 s busy timeout)
instead; SQLite has one writer at a time either way. Single statements outside a transaction already wait.
"""

from __future__ import annotations

import sqlite3

from tortoise.backends.base.client import TransactionContext
from tortoise.backends.sqlite.client import SqliteClient as _SqliteClient
from tortoise.backends.sqlite.client import SqliteTransactionContext, SqliteTransactionWrapper
from tortoise.exceptions import OperationalError


class ImmediateTransactionWrapper(SqliteTransactionWrapper):
    async def begin(self) -> None:
        try:
            await self._connection.commit()
            await self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:  # the lock stayed taken past the busy timeout: an outage (503)
            raise OperationalError(exc) from exc


class SqliteClient(_SqliteClient):
    def _in_transaction(self) -> TransactionContext:
        return SqliteTransactionContext(ImmediateTransactionWrapper(self), self._lock)


client_class = SqliteClient
