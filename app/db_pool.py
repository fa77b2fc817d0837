"""PostgreSQL engine for Tortoise whose pool serves waiting callers first come, first served.

Why: asyncpg hands pooled connections out through an `asyncio.LifoQueue`. A caller that arrives while a
connection is free takes it even when others are already waiting, and a woken waiter that lost that race
goes to the back of the line. When a worker has more requests in flight than connections (any saturated
worker), some requests were overtaken again and again: login p99 1.1-1.8 s at p50 45 ms in the benchmark,
gone with a pool as large as the load. A FIFO semaphore with one permit per connection in front of the
pool makes the wait fair without changing what is acquired or how it is released.
"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
from tortoise.backends.asyncpg.client import AsyncpgDBClient


class FairPool:
    """An asyncpg pool behind a FIFO gate; everything but acquire/release is the pool's own."""

    __slots__ = ("_gate", "_pool")

    def __init__(self, pool: asyncpg.Pool, size: int) -> None:
        self._pool = pool
        self._gate = asyncio.Semaphore(size)  # FIFO: a newcomer never takes a permit while others wait

    async def acquire(self, *, timeout: float | None = None) -> Any:  # noqa: ASYNC109 (asyncpg.Pool API)
        if timeout is None:  # Tortoise's case; asyncio.timeout(None) would still cost two loop lookups
            await self._gate.acquire()
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
    async def create_pool(self, **kwargs: Any) -> Any:
        pool = await super().create_pool(**kwargs)
        return FairPool(pool, int(kwargs["max_size"]))


client_class = FairAsyncpgDBClient
