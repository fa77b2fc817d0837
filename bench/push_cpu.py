"""CPU per message of `outbox.deliver_due` against the bare aiohttp client, in one warm process, ABBA-alternated.

Why: on the shared 2-core machine the push scenario's rates move with other sessions' load; the CPU each side's
own process spends per message (`time.process_time()`: the sandbox runs in its own process) and the ratio of
sides measured back to back are steadier. Beside it: the CPU per message of the PostgreSQL backends serving this
database (the outbox's batch reads and outcome records; the bare client has none) and of the sandbox (the same work
for both sides), read from /proc, since all of it shares the two cores the push scenario runs on.
Own database (`jifen_pushcpu`, dropped at the end), Redis db 9 under `jifen-pushcpu:`, a sandbox subprocess
on a free port; no 100,000-member dataset needed. Compare two checkouts by running it from each in turn
(before, after, before, after):

    PYTHONPATH=. python -m bench.push_cpu [--messages 3000] [--rounds 2] [--batch 100]
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from typing import Any

import asyncpg

from bench.env import free_port
from bench.procs import cpu_seconds

DB = "jifen_pushcpu"
ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
DSN = f"postgres://postgres@127.0.0.1:5432/{DB}"
PREFIX = "jifen-pushcpu:"
TEMPLATE = "sandbox-tpl-points"


async def _admin(statement: str) -> None:
    c = await asyncpg.connect(ADMIN)
    try:
        await c.execute(statement)
    finally:
        await c.close()


async def seed(n: int) -> list[str]:
    """`n` due subscribe rows shaped like the payment push (as `bench/push.py` seeds); returns their payloads."""
    c = await asyncpg.connect(DSN)
    try:
        await c.execute("TRUNCATE outbox_messages")
        await c.execute("""
            INSERT INTO outbox_messages (kind, dedupe_key, member_id, payload, status, attempts, next_attempt_at,
                                         created_at, updated_at)
            SELECT 'subscribe', 'bench-push:' || i, NULL,
                   jsonb_build_object('openid', 'o-bench-' || i, 'template_id', $2::text, 'page', NULL,
                       'data', jsonb_build_object('character_string1', 'BENCH' || lpad(i::text, 10, '0'),
                                                  'amount2', '128.00元', 'number3', '128',
                                                  'thing4', '本单无优惠券', 'time5', '2026-11-24 00:30',
                                                  'thing6', '积分已到账')),
                   'pending', 0, now() - interval '1 minute', now(), now()
            FROM generate_series(1, $1::int) AS i""", n, TEMPLATE)
        await c.execute("ANALYZE outbox_messages")
        return [r["payload"] for r in await c.fetch("SELECT payload FROM outbox_messages ORDER BY id")]
    finally:
        await c.close()


async def backends_cpu() -> float:
    """CPU seconds so far of the PostgreSQL backends connected to this database (the runtime's pool)."""
    c = await asyncpg.connect(ADMIN)
    try:
        pids = [r["pid"] for r in await c.fetch("SELECT pid FROM pg_stat_activity WHERE datname = $1", DB)]
    finally:
        await c.close()
    return sum(cpu_seconds(pid) for pid in pids)  # a backend that ended meanwhile reads as 0 (procs.cpu_times)


async def run_outbox(rt: Any, n: int) -> tuple[float, float]:
    """Own process CPU and the database backends' CPU over one delivery of `n` messages."""
    from app.services.outbox import service as outbox

    await seed(n)
    pg0 = await backends_cpu()
    c0 = time.process_time()
    counts: Counter[str] = Counter()
    while out := await outbox.deliver_due(rt, seconds=120.0):
        counts.update(out)
    cpu = time.process_time() - c0
    pg = await backends_cpu() - pg0
    assert counts == {"sent": n}, counts
    return cpu, pg


async def run_bare(url: str, n: int, concurrency: int) -> tuple[float, float]:
    from bench.push import bare_bodies, send_bare

    out = await send_bare(url, bare_bodies(list(await seed(n))), concurrency)
    assert out["errcodes"] == {"0": n}, out["errcodes"]
    return float(out["cpu_seconds"]), 0.0


async def measure(url: str, n: int, rounds: int, sandbox_pid: int,
                  batch: int | None = None) -> dict[str, dict[str, float]]:
    from app import db, domains
    from app.config import load_settings
    from app.runtime import Runtime

    await _admin(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    await _admin(f'CREATE DATABASE "{DB}"')
    settings = load_settings(env={})
    settings.database.url, settings.database.pool_max = DSN, 10
    settings.redis.url, settings.redis.prefix = "redis://127.0.0.1:6379/9", PREFIX
    settings.wechat.api_base = url
    if batch:
        settings.outbox.batch = batch
    await db.migrate(settings)
    await db.connect(settings)
    rt = await Runtime.create(settings)
    cpu: dict[str, dict[str, list[float]]] = {side: {"own": [], "pg": [], "sandbox": []} for side in ("outbox", "bare")}
    try:
        domains.load()
        await rt.miniprogram.tokens.get(None)
        await run_outbox(rt, n)  # warm-up of both sides (connections, prepared statements)
        await run_bare(url, n, settings.outbox.concurrency)
        for _ in range(rounds):
            for side in ("outbox", "bare", "bare", "outbox"):
                s0 = cpu_seconds(sandbox_pid)
                own, pg = await (run_outbox(rt, n) if side == "outbox" else
                                 run_bare(url, n, settings.outbox.concurrency))
                figures = {"own": own, "pg": pg, "sandbox": cpu_seconds(sandbox_pid) - s0}
                for part, took in figures.items():
                    cpu[side][part].append(took / n * 1e6)
                print(f"  {side}: {' '.join(f'{k} {v[-1]:.0f}' for k, v in cpu[side].items())} µs CPU/msg",
                      flush=True)
    finally:
        keys = [k async for k in rt.redis.scan_iter(match=f"{PREFIX}*")]
        if keys:
            await rt.redis.delete(*keys)
        await rt.close()
        await db.close()
        await _admin(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    return {side: {part: sum(v) / len(v) for part, v in parts.items()} for side, parts in cpu.items()}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--messages", type=int, default=3000)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--batch", type=int, default=None, help="outbox.batch for this run (default: config.toml's)")
    args = p.parse_args()
    logging.basicConfig(level=logging.WARNING)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    sandbox = subprocess.Popen([sys.executable, "-m", "bench.sandbox_proc", "--port", str(port)],
                               start_new_session=True)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/__sandbox__/health", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        import uvloop

        got = uvloop.run(measure(url, args.messages, args.rounds, sandbox.pid, args.batch))
    finally:
        os.killpg(sandbox.pid, 15)
        sandbox.wait()
    out, bare = got["outbox"], got["bare"]
    print(f"outbox {out['own']:.0f} µs CPU/msg, bare client {bare['own']:.0f} µs CPU/msg, "
          f"bare/outbox {bare['own'] / out['own']:.2f}")
    print(f"with PostgreSQL ({out['pg']:.0f} µs/msg for the outbox) and the sandbox ({out['sandbox']:.0f} / "
          f"{bare['sandbox']:.0f} µs/msg): bare/outbox {sum(bare.values()) / sum(out.values()):.2f}")


if __name__ == "__main__":
    main()
