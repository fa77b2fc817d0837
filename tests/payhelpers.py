"""Helpers for payment tests: a real-HTTP notify endpoint in front of the ASGI app, sandbox calls, invariants.

The sandbox plays WeChat Pay over real HTTP. `NotifyRelay` listens on 127.0.0.1:<port> and forwards the raw
request (headers + body bytes) over real HTTP to the test server's `POST /wechatpay/notify`, answering with
jifen's status and body (so a test can see every answer). `mutate` lets a test tamper with a delivery
on its way in (body, headers), as an attacker or a broken proxy would.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import aiohttp
from aiohttp import web
from sanic import Sanic

from app.db import conn
from app.sqlx import fetch

Mutate = Callable[[dict[str, str], bytes], tuple[dict[str, str], bytes]]
_HOP_HEADERS = {"host", "content-length", "transfer-encoding", "connection"}


class NotifyRelay:
    def __init__(self, app: Sanic, path: str) -> None:
        self.app = app
        self.path = path
        self.mutate: Mutate | None = None
        self.answers: list[tuple[int, Any]] = []
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.url = ""
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None

    async def handle(self, request: web.Request) -> web.Response:
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_HEADERS}
        body = await request.read()
        self.received.append((headers, body))
        if self.mutate is not None:
            headers, body = self.mutate(headers, body)
        assert self._session is not None
        async with self._session.post(self.app.ctx.test_url + self.path, data=body, headers=headers) as resp:
            raw = await resp.read()
            status, content_type = resp.status, resp.headers.get("content-type", "application/json")
        try:
            payload: Any = json.loads(raw) if raw else ""
        except ValueError:
            payload = raw.decode(errors="replace")
        self.answers.append((status, payload))
        return web.Response(status=status, body=raw, content_type=content_type.split(";")[0])

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100))
        app = web.Application()
        app.router.add_post("/wechatpay/notify", self.handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/wechatpay/notify"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self._session is not None:
            await self._session.close()

    def reset(self) -> None:
        self.mutate = None
        self.answers.clear()
        self.received.clear()


async def sandbox_call(sandbox: Any, method: str, path: str, body: dict[str, Any] | None = None,
                       *, expect: int | None = 200) -> Any:
    async with aiohttp.ClientSession() as s, s.request(method, sandbox.url + path, json=body) as resp:
        text = await resp.text()
        if expect is not None:
            assert resp.status == expect, text
        return json.loads(text) if text else None


async def play_payment(sandbox: Any, relay: NotifyRelay, openid: str, amount: int, **extra: Any) -> dict[str, Any]:
    return await sandbox_call(sandbox, "POST", "/__sandbox__/pay/payments",
                              {"notify_url": relay.url, "openid": openid, "amount": amount, **extra})


async def play_refund(sandbox: Any, relay: NotifyRelay, transaction_id: str, amount: int,
                      **extra: Any) -> dict[str, Any]:
    return await sandbox_call(sandbox, "POST", "/__sandbox__/pay/refunds",
                              {"notify_url": relay.url, "transaction_id": transaction_id, "amount": amount, **extra})


async def wait_delivered(sandbox: Any, notification_id: str, within: float = 5.0) -> dict[str, Any]:
    """Wait for a notification the sandbox retries in the background to be acknowledged."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        items = (await sandbox_call(sandbox, "GET", "/__sandbox__/pay/notifications"))["items"]
        found = next(d for d in items if d["id"] == notification_id)
        if found["delivered"] or asyncio.get_running_loop().time() > deadline:
            return found
        await asyncio.sleep(0.02)


async def member_ledger(member_id: int) -> dict[str, int]:
    """The member row against its ledger: balance/pending and the sums of their entries."""
    c = conn()
    m = (await fetch(c, "SELECT balance, pending, growth FROM members WHERE id = $1", [member_id]))[0]
    sums = await fetch(c, "SELECT account, COALESCE(SUM(amount), 0) AS s FROM point_entries WHERE member_id = $1 "
                          "GROUP BY account", [member_id])
    by = {r["account"]: int(r["s"]) for r in sums}
    return {"balance": int(m["balance"]), "pending": int(m["pending"]), "growth": int(m["growth"]),
            "entries_available": by.get("available", 0), "entries_pending": by.get("pending", 0)}


async def assert_ledger_invariant(member_id: int) -> dict[str, int]:
    from app.services.points.verify import find_violations

    led = await member_ledger(member_id)
    assert led["balance"] == led["entries_available"], led
    assert led["pending"] == led["entries_pending"], led
    assert await find_violations() == []
    return led


async def written_rows(member_id: int, **extra: tuple[str, list[Any]]) -> str:
    """What the ledger wrote for a member (member row, entries, lots, counters, tier history) plus `extra`
    queries, as sorted JSON without ids and creation times: the two credit paths must write the same text."""
    c = conn()
    queries: dict[str, tuple[str, list[Any]]] = {
        "member": ("SELECT balance, pending, growth, tier_level, checkin_streak FROM members WHERE id = $1",
                   [member_id]),
        "entries": ("SELECT account, amount, kind, event, source, rule_id, idem_key, balance_after, growth, trace "
                    "FROM point_entries WHERE member_id = $1 ORDER BY id", [member_id]),
        "buckets": ("SELECT state, initial, remaining, expired_amount, expires_at, release_at FROM point_buckets "
                    "WHERE member_id = $1 ORDER BY id", [member_id]),
        "counters": ("SELECT rule_id, period, count, points FROM award_counters WHERE member_id = $1 "
                     "ORDER BY rule_id, period", [member_id]),
        "tiers": ("SELECT from_level, to_level, reason FROM tier_changes WHERE member_id = $1 ORDER BY id",
                  [member_id]),
        **extra,
    }
    rows = {name: [dict(r) for r in await fetch(c, sql, args)] for name, (sql, args) in queries.items()}
    return json.dumps(rows, default=str, sort_keys=True, ensure_ascii=False)


def refund_during_single_statement(monkeypatch: Any, rt: Any, *, refund: int = 2500, total: int = 10000,
                                   then: Callable[[str], Any] | None = None) -> dict[str, Any]:
    """Make a refund notification land between the single-statement credit's read and its write (PostgreSQL):
    the refund is recorded while the payment is not credited yet. `then(transaction_id)` runs right after.
    Returns the call counter (`n`, and `tid` once read)."""
    from app.services.payments import one_statement
    from app.services.payments import service as payments

    real_fetchrow = one_statement.fetchrow
    calls: dict[str, Any] = {"n": 0}

    async def refund_lands(c: Any, text: str, args: Any = ()) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:  # the read: (openid, transaction_id, ...)
            calls["tid"] = args[1]
        if calls["n"] == 2:  # the write statement
            txn = calls["tid"]
            await payments.record_refund(payments.Refund(
                refund_id=f"50{txn}", out_refund_no=f"R{txn}", transaction_id=txn, out_trade_no="", mchid="",
                status="SUCCESS", refund=refund, payer_refund=refund, total=total, payer_total=total,
                success_time=None), rt.clock.now())
            if then is not None:
                await then(txn)
        return await real_fetchrow(c, text, args)

    monkeypatch.setattr(one_statement, "fetchrow", refund_lands)
    return calls

