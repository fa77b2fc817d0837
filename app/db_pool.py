"""PostgreSQL engine for Tortoise whose pool serves waiting callers first come, first served.

Why: asyncpg hands pooled connections out through an `asyncio.LifoQueue`. A caller that arrives while a
connection is free takes it even when others are already waiting, and a woken waiter that lost that race
goes to the back of the line. When a worker has more requests in flight than connections (any saturated
worker), some requests were overtaken again and again: login p99 1.1-1.8 s at p50 45 ms in the benchmark,
gone with a pool as large as the load. A FIFO semaphore with one permit per connection in front of the
pool makes the wait fair without changing what is acquired or how it is released.

The wait in line is bounded (`[database] acquire_timeout_seconds`): asyncpg's own waits, as Tortoise makes them,
have no limit, so a pool drained by a stuck caller (or a caller holding one connection while it waits for
another) stalled every request and job of the process for good instead of failing them. A caller that finds a
free connection pays nothing for the bound.
"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
from tortoise.backends.asyncpg.client import AsyncpgDBClient


class PoolExhausted(TimeoutError):
    """No pooled connection came free within the configured wait (a TimeoutError, so an OSError: the web layer
    answers it as 503 database_unavailable, a job fails and runs again at its next trigger)."""


class FairPool:
    """An asyncpg pool behind a FIFO gate; everything but acquire/release is the pool's own."""

    __slots__ = ("_gate", "_pool", "_wait_limit")

    def __init__(self, pool: asyncpg.Pool, size: int, wait_limit: float) -> None:
        self._pool = pool
        self._gate = asyncio.Semaphore(size)  # FIFO: a newcomer never takes a permit while others wait
        self._wait_limit = wait_limit

    async def acquire(self, *, timeout: float | None = None) -> Any:  # noqa: ASYNC109 (asyncpg.Pool API)
        if timeout is None:  # Tortoise's case: bounded by the configured wait, and only when there is a wait
            if self._gate.locked():
                try:
                    async with asyncio.timeout(self._wait_limit):
                        await self._gate.acquire()
                except TimeoutError:
                    raise PoolExhausted(f"no database connection came free within {self._wait_limit:g} s "
                                        "(the pool's connections are all in use)") from None
            else:
                await self._gate.acquire()  # a permit is free: taken without suspending, no timer armed
        else:
            async with asyncio.timeout(timeout):  # asyncpg's acquire timeout also bounds the wait in line
                await self._gate.acquire()
        try:
            return await self._pool.acquire(timeout=timeout)
        except BaseException:
            self._gate.release()
            raise

    async def release(self, connection: Any, *, timeout: float | None = None) -> None:  # noqa: ASYNC109
        try:
            await self._pool.release(connection, timeout=timeout)
        finally:
            self._gate.release()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pool, name)


class FairAsyncpgDBClient(AsyncpgDBClient):
    def __init__(self, *args: Any, acquire_timeout: float = 10.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.acquire_timeout = float(acquire_timeout)

    async def create_pool(self, **kwargs: Any) -> Any:
        pool = await super().create_pool(**kwargs)
        return FairPool(pool, int(kwargs["max_size"]), self.acquire_timeout)


client_class = FairAsyncpgDBClient
