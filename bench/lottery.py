"""Lottery draws: jifen's `draw()` in-process against hand-written asyncpg transactions doing the same, same run.

Standalone: `python -m bench.lottery [--draws N] [--concurrency C] [--pool P]` (PostgreSQL at 127.0.0.1:5432,
user postgres, trust). It creates database `jifen_bench_lottery`, migrates it, seeds members with one lot of
points each (set-based) and publishes a lottery through the admin service: a consolation of 1 point (weight 900),
50 points (weight 90, stock 10^6) and a gift (weight 10, stock 10^6). Then, in ABBA order so drift hits both
sides alike, the same number of draws with the same concurrency and pool size by:

* jifen: `app.services.mall.lottery.service.draw` (member lock, idempotency check, limits, pity count, ledger
  spend, exclusions, decision, stock claim under a savepoint, prize credit through the ledger, draw record);
* raw: one asyncpg transaction per draw: member row locked, spend entry, FIFO lot consumed + its allocation,
  balance lowered, prize picked with `secrets`, stock decremented conditionally, draw row inserted (the issue's
  ceiling: spend + stock decrement + draw insert);
* raw+credit: the raw transaction plus the points prize's credit (entry, lot, balance), i.e. the same rows
  jifen writes for a points prize.

Every draw is a different member (no lock waits); each side checks its outcome (draw rows, stock never below
zero) so a ratio is never quoted over different work. The database is dropped at the end (`--keep-db` keeps it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import time
from datetime import UTC, datetime
from typing import Any

import asyncpg

ADMIN_DSN = "postgres://postgres@127.0.0.1:5432/postgres"
DB_NAME = "jifen_bench_lottery"
DSN = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
COST = 10
PRIZES = [("consolation", "points", 1, 900, None), ("50 points", "points", 50, 90, 1_000_000),
          ("gift", "gift", None, 10, 1_000_000)]


async def _admin(sql: str) -> None:
    c = await asyncpg.connect(ADMIN_DSN)
    try:
        await c.execute(sql)
    finally:
        await c.close()


async def setup(members: int, pool_max: int) -> tuple[Any, int]:
    """Fresh database, migrated and connected; members seeded; the lottery published. Returns (runtime, id)."""
    from app import db
    from app.config import load_settings
    from app.runtime import Runtime
    from app.services.mall.lottery import admin

    await _admin(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    await _admin(f'CREATE DATABASE "{DB_NAME}"')
    settings = load_settings(env={})
    settings.database.url = DSN
    settings.database.pool_max = pool_max
    settings.redis.url = "memory://"
    settings.auth.secret = "bench-lottery"
    await db.migrate(settings)
    c = await asyncpg.connect(DSN)
    try:
        await c.execute("""
            INSERT INTO members (id, openid, invite_code, balance, pending, growth, tier_level, checkin_streak,
                                 created_at, updated_at)
            SELECT i, 'lottery-bench-' || i, 'L' || lpad(to_hex(i), 9, '0'), 1000000, 0, 0, 0, 0, now(), now()
            FROM generate_series(1, $1::int) AS i""", members)
        await c.execute("SELECT setval(pg_get_serial_sequence('members', 'id'), $1::bigint)", members)
        await c.execute("""
            INSERT INTO point_entries (member_id, account, amount, kind, event, source, rule_id, idem_key,
                                       balance_after, growth, trace, created_at)
            SELECT i, 'available', 1000000, 'adjust', 'adjust', 'bench', NULL, 'seed', 1000000, 0, NULL, now()
            FROM generate_series(1, $1::int) AS i""", members)
        await c.execute("""
            INSERT INTO point_buckets (member_id, entry_id, state, initial, remaining, expired_amount, expires_at,
                                       release_at, created_at)
            SELECT e.member_id, e.id, 'active', 1000000, 1000000, 0, now() + interval '400 days', NULL, now()
            FROM point_entries e""")
        await c.execute("VACUUM ANALYZE")
    finally:
        await c.close()
    await db.connect(settings)
    rt = await Runtime.create(settings)
    lot = await admin.create_lottery(admin.LotteryIn(name="bench", cost_points=COST), "bench")
    for name, kind, points, weight, stock in PRIZES:
        body: dict[str, Any] = {"name": name, "kind": kind, "weight": weight, "stock_total": stock,
                                "consolation": name == "consolation"}
        body.update({"points": points} if kind == "points" else {"cost_fen": 2000})
        await admin.add_prize(rt, lot["id"], admin.PrizeIn.model_validate(body), "bench")
    await admin.publish(rt, lot["id"], "bench")
    return rt, int(lot["id"])


async def _run(n: int, concurrency: int, members: list[int], one: Any) -> float:
    """`n` draws by `concurrency` tasks, each draw for the next member of `members`; returns seconds."""
    it = iter(members[:n])

    async def worker() -> None:
        for member_id in it:
            await one(member_id)

    t0 = time.perf_counter()
    await asyncio.gather(*[worker() for _ in range(concurrency)])
    return time.perf_counter() - t0


def raw_draw(pool: asyncpg.Pool, lottery_id: int, prizes: list[dict[str, Any]], credit: bool) -> Any:
    total = sum(p["weight"] for p in prizes)

    async def one(member_id: int) -> None:
        key = f"raw:{secrets.token_hex(8)}"
        now = datetime.now(UTC)
        async with pool.acquire() as c, c.transaction():
            balance = await c.fetchval("SELECT balance FROM members WHERE id = $1 FOR UPDATE", member_id)
            if balance < COST:
                raise RuntimeError("insufficient points")
            entry = await c.fetchval(
                "INSERT INTO point_entries (member_id, account, amount, kind, event, source, idem_key, balance_after, "
                "growth, created_at) VALUES ($1, 'available', $2, 'spend', 'lottery_draw', 'raw', $3, $4, 0, $5) "
                "RETURNING id", member_id, -COST, key, balance - COST, now)
            lot = await c.fetchval(
                "UPDATE point_buckets SET remaining = remaining - $2 WHERE id = (SELECT id FROM point_buckets WHERE "
                "member_id = $1 AND state = 'active' AND remaining >= $2 ORDER BY expires_at NULLS LAST, id LIMIT 1) "
                "RETURNING id", member_id, COST)
            await c.execute("INSERT INTO spend_allocations (entry_id, bucket_id, amount) VALUES ($1, $2, $3)",
                            entry, lot, COST)
            await c.execute("UPDATE members SET balance = balance - $2, updated_at = $3 WHERE id = $1",
                            member_id, COST, now)
            r = secrets.randbits(63)
            x = r % total
            prize = prizes[-1]
            for p in prizes:
                x -= p["weight"]
                if x < 0:
                    prize = p
                    break
            if prize["stock"] is not None and await c.fetchval(
                    "UPDATE lottery_prizes SET stock_left = stock_left - 1 WHERE id = $1 AND stock_left > 0 "
                    "RETURNING stock_left", prize["id"]) is None:
                prize = prizes[0]
            if credit and prize["points"]:
                got = await c.fetchval(
                    "INSERT INTO point_entries (member_id, account, amount, kind, event, source, idem_key, "
                    "balance_after, growth, created_at) VALUES ($1, 'available', $2, 'earn', 'lottery_prize', 'raw', "
                    "$3, $4, 0, $5) RETURNING id", member_id, prize["points"], key + ":prize",
                    balance - COST + prize["points"], now)
                await c.execute("INSERT INTO point_buckets (member_id, entry_id, state, initial, remaining, "
                                "expired_amount, expires_at, created_at) VALUES ($1, $2, 'active', $3, $3, 0, "
                                "$4, $4)", member_id, got, prize["points"], now)
                await c.execute("UPDATE members SET balance = balance + $2 WHERE id = $1", member_id, prize["points"])
            await c.execute(
                "INSERT INTO lottery_draws (lottery_id, member_id, request_key, pool_version, random, weights, "
                "unavailable, pity_count, decided_by, prize_id, prize_kind, prize_name, real_prize, slot, points, "
                "cost_points, spend_entry_id, day, created_at) VALUES ($1, $2, $3, 1, $4, $5, '{}', 0, 'weight', $6, "
                "$7, $8, $9, 0, $10, $11, $12, $13, $14)", lottery_id, member_id, key, r,
                json.dumps([[p["id"], p["weight"]] for p in prizes]), prize["id"], prize["kind"], prize["name"],
                prize["name"] != "consolation", prize["points"], COST, entry, now.date(), now)

    return one


async def main(args: argparse.Namespace) -> None:
    from app import db
    from app.services.mall.lottery import admin, service

    half = args.draws // 2
    sides = ["jifen", "raw", "raw+credit"]
    # members: a disjoint range per (side, half), so every draw is a fresh member and no lock is waited on
    members = 2 * len(sides) * half
    rt, lottery_id = await setup(members, args.pool)
    ranges = {(s, h): list(range(1 + (2 * i + h) * half, 1 + (2 * i + h + 1) * half)) for i, s in enumerate(sides)
              for h in (0, 1)}
    pool = await asyncpg.create_pool(DSN, min_size=args.pool, max_size=args.pool)
    rows = await pool.fetch("SELECT id, name, kind, points, weight, stock_left FROM lottery_prizes ORDER BY id")
    prizes = [{"id": r["id"], "name": r["name"], "kind": r["kind"], "points": r["points"], "weight": r["weight"],
               "stock": r["stock_left"]} for r in rows]

    async def jifen_one(member_id: int) -> None:
        await service.draw(rt, lottery_id, member_id, secrets.token_hex(8))

    runners = {"jifen": jifen_one, "raw": raw_draw(pool, lottery_id, prizes, False),
               "raw+credit": raw_draw(pool, lottery_id, prizes, True)}
    seconds = dict.fromkeys(sides, 0.0)
    warm = list(range(members - 50, members))  # a few warm-up draws each (connections, statement caches)
    for s in sides:
        await _run(20, 4, warm[:20] if s == "jifen" else warm[20:40], runners[s])
    for h, order in ((0, sides), (1, list(reversed(sides)))):
        for s in order:
            seconds[s] += await _run(half, args.concurrency, ranges[(s, h)], runners[s])
    drift = await admin.stock_drift()
    counts = {r["n"] for r in await pool.fetch("SELECT COUNT(*) AS n FROM lottery_draws GROUP BY "
                                               "(request_key LIKE 'raw:%')")}
    negative = await pool.fetchval("SELECT COUNT(*) FROM lottery_prizes WHERE stock_left < 0")
    await pool.close()
    await rt.close()
    await db.close()
    if not args.keep_db:
        await _admin(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    rate = {s: 2 * half / seconds[s] for s in sides}
    print(f"lottery draws: {2 * half} per side, concurrency {args.concurrency}, pool {args.pool} "
          f"({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)")
    print("| side | draws/s | ratio jifen / side |")
    print("|---|---|---|")
    for s in sides:
        print(f"| {s} | {rate[s]:,.0f} | {rate['jifen'] / rate[s]:.2f}x |")
    print(f"checks: prizes below zero stock: {negative}; prizes whose stock_total - stock_left != draws that "
          f"won them: {len(drift)}; draw rows (jifen, raw sides incl. warm-up): {sorted(counts)}")


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=2000, help="draws per side (default 2000)")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--pool", type=int, default=10, help="connections per side (jifen's pool_max)")
    parser.add_argument("--keep-db", action="store_true")
    asyncio.run(main(parser.parse_args()))


if __name__ == "__main__":
    cli()
