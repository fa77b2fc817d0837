"""Work one caller starts and others share (the rule cache's reload, the budget counter's rebuild) runs outside the
starter's transaction (`app.db.detached`). Started inside one (a make-up check-in's award runs in its transaction),
it ran on that transaction's connection: queued behind the transaction's own statements, failing once the
transaction had ended (the connection back in the pool) and every waiting caller with it; and a make-up waiting for
a rebuild that needed a pooled connection kept its own, so enough of them at once exhausted the pool."""

from __future__ import annotations

from typing import Any

import pytest
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.transactions import in_transaction

from app.db import conn
from app.services.points import budget
from app.services.points.config_cache import config_cache
from app.sqlx import fetch
from models import PointsBudget
from tests.conftest import BACKEND


def in_a_transaction() -> bool:
    """Whether this context's queries go to a transaction (what `in_transaction()` sets for its block)."""
    return isinstance(conn(), TransactionalDBClient)


async def test_a_rule_reload_started_inside_a_transaction_runs_outside_it(
        seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    await config_cache.get()
    seen: list[bool] = []
    original = config_cache.reload

    async def reload() -> Any:
        seen.append(in_a_transaction())
        return await original()

    monkeypatch.setattr(config_cache, "reload", reload)
    config_cache._snap.loaded_at -= 3600  # stale: the next get() serves it and starts one reload
    async with in_transaction() as tx:
        assert in_a_transaction()
        await config_cache.get()
        flight = config_cache._reloading
        assert flight is not None
        await fetch(tx, "SELECT 1")
    snap = await flight  # the transaction is over; the reload had a connection of its own
    assert seen == [False]
    assert snap.rules_by_event and config_cache._snap is snap


@pytest.mark.skipif(BACKEND != "postgres", reason="the counter lives in Redis only on the production backend "
                                                  "(in-process Redis: every read sums the ledger in place)")
async def test_a_budget_rebuild_started_inside_a_transaction_runs_outside_it(
        rt, monkeypatch: pytest.MonkeyPatch) -> None:
    await PointsBudget.create(year=2026, budget_points=1_000)
    await rt.redis.delete(rt.key("budget-issued", 2026))
    seen: list[bool] = []
    original = budget._ledger_total

    async def ledger_total(year: int) -> int:
        seen.append(in_a_transaction())
        return await original(year)

    monkeypatch.setattr(budget, "_ledger_total", ledger_total)
    async with in_transaction():  # as a make-up check-in's award
        assert await budget.issued(rt, 2026) == 0
    assert seen == [False]
    assert await rt.redis.get(rt.key("budget-issued", 2026)) == "0"


async def test_detached_work_before_connect_is_refused_not_run_in_the_callers_context(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """No context outside a transaction exists before `connect`; running in the caller's instead could put the
    work (an outbox sender, a reload) in the caller's transaction, so it is refused and the coroutine closed."""
    from app import db

    ran: list[bool] = []

    async def work() -> None:
        ran.append(True)

    coro = work()
    monkeypatch.setattr(db, "_OUTSIDE", None)
    with pytest.raises(RuntimeError, match="connect"):
        db.detached(coro)
    assert coro.cr_frame is None and not ran  # closed, never started (no "never awaited" warning)
