"""PostgreSQL pool waits are first come, first served (app/db_pool.py)."""

from __future__ import annotations

import asyncio
import itertools

import asyncpg
import pytest

from app import db
from app.db_pool import FairPool
from tests.conftest import BACKEND

pytestmark = pytest.mark.skipif(BACKEND != "postgres", reason="the connection pool exists on PostgreSQL only")


async def _grant_order(pool: FairPool | asyncpg.Pool, tasks: int = 24, rounds: int = 15) -> list[int]:
    """Many tasks acquire/release a small pool in a tight loop; returns, for each grant, its arrival number."""
    arrivals = itertools.count()
    granted: list[int] = []

    async def user() -> None:
        for _ in range(rounds):
            ticket = next(arrivals)
            conn = await pool.acquire()
            granted.append(ticket)
            await asyncio.sleep(0)  # hold it across a loop iteration, as a query would
            await pool.release(conn)
            await asyncio.sleep(0)

    await asyncio.gather(*(user() for _ in range(tasks)))
    return granted


async def _asyncpg_pool(settings, size: int) -> asyncpg.Pool:  # type: ignore[no-untyped-def]
    """A plain asyncpg pool on the test database (the fairness is tested on its own, not through Tortoise)."""
    return await asyncpg.create_pool(settings.database.url.replace("postgres://", "postgresql://"),
                                     min_size=size, max_size=size)


async def test_pool_serves_waiters_in_arrival_order(rt, settings) -> None:
    assert isinstance(db.conn()._pool, FairPool)  # what Tortoise (and so every query) uses
    raw = await _asyncpg_pool(settings, 3)
    try:
        granted = await _grant_order(FairPool(raw, 3))
        assert len(granted) == 24 * 15
        assert granted == sorted(granted)  # nobody was overtaken by a later arrival
    finally:
        await raw.close()


async def test_cancelled_or_timed_out_waiters_give_their_place_back(rt, settings) -> None:
    raw = await _asyncpg_pool(settings, 1)
    pool = FairPool(raw, 1)
    try:
        held = await pool.acquire()
        with pytest.raises(TimeoutError):
            await pool.acquire(timeout=0.05)
        waiter = asyncio.create_task(pool.acquire())
        await asyncio.sleep(0.01)
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
        await pool.release(held)
        again = await pool.acquire(timeout=1)  # the permit count is intact: one connection, one permit
        assert await again.fetchval("SELECT 1") == 1
        await pool.release(again)
    finally:
        await raw.close()
