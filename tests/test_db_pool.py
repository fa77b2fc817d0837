"""PostgreSQL pool waits are first come, first served (app/db_pool.py)."""

from __future__ import annotations

import asyncio
import itertools

import asyncpg
import pytest

from app import db
from app.db_pool import FairPool, PoolExhausted
from tests.conftest import BACKEND, Api

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
        granted = await _grant_order(FairPool(raw, 3, 10.0))
        assert len(granted) == 24 * 15
        assert granted == sorted(granted)  # nobody was overtaken by a later arrival
    finally:
        await raw.close()


async def test_cancelled_or_timed_out_waiters_give_their_place_back(rt, settings) -> None:
    raw = await _asyncpg_pool(settings, 1)
    pool = FairPool(raw, 1, 10.0)
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


async def test_a_wait_in_line_is_bounded_and_gives_its_place_back(rt, settings) -> None:
    """Tortoise acquires without a timeout: a pool whose connections are all held (a stuck caller, one holding a
    connection while it waits for another) used to stall every later query of the process for good."""
    raw = await _asyncpg_pool(settings, 1)
    pool = FairPool(raw, 1, 0.2)
    try:
        held = await pool.acquire()
        # wait_for only guards the test: without the bound this waited for ever (wait_for's own TimeoutError is
        # not a PoolExhausted, so a hang fails the test)
        with pytest.raises(PoolExhausted, match=r"within 0\.2 s"):
            await asyncio.wait_for(pool.acquire(), 5)
        await pool.release(held)
        again = await asyncio.wait_for(pool.acquire(), 5)  # the timed-out waiter left no permit taken
        assert await again.fetchval("SELECT 1") == 1
        await pool.release(again)
    finally:
        await raw.close()


async def test_a_request_finding_the_pool_drained_gets_503_and_the_next_is_served(rt, api: Api) -> None:
    """Through the app: every connection of the worker's pool held elsewhere, a request that needs the database
    answers 503 database_unavailable after the configured wait instead of hanging; once they are free, 200."""
    pool = db.conn()._pool
    assert isinstance(pool, FairPool)
    token, _ = await api.login()
    limit = pool._wait_limit
    held = [await pool.acquire() for _ in range(rt.settings.database.pool_max)]
    pool._wait_limit = 0.3
    try:
        status, body = await asyncio.wait_for(api.call("GET", "/api/v1/me", token=token), 10)
        assert status == 503, body
        assert body["error"]["code"] == "database_unavailable"
        assert api.last_headers.get("Retry-After")
    finally:
        pool._wait_limit = limit
        for connection in held:
            await pool.release(connection)
    status, body = await api.call("GET", "/api/v1/me", token=token)
    assert status == 200, body


def test_the_wait_limit_is_configured_and_must_be_positive() -> None:
    from app.config import load_settings

    assert load_settings(env={}).database.acquire_timeout_seconds == 10.0
    s = load_settings(env={"JIFEN_DATABASE_ACQUIRE_TIMEOUT_SECONDS": "2.5"})
    assert s.database.acquire_timeout_seconds == 2.5
    assert db.tortoise_config(s)["connections"]["default"]  # SQLite: no pool, the setting is unused
    s.database.url = "postgres://u@127.0.0.1:5432/x"
    assert db.tortoise_config(s)["connections"]["default"]["credentials"]["acquire_timeout"] == 2.5
    with pytest.raises(ValueError, match="acquire_timeout_seconds"):
        load_settings(env={"JIFEN_DATABASE_ACQUIRE_TIMEOUT_SECONDS": "0"})
