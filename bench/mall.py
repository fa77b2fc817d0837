"""Points-mall redemption against a hand-written asyncpg transaction doing the same, in the same run.

    python -m bench.mall [--quick] [--keep-db]

In-process (no HTTP: the redemption is what is measured, not Sanic): on a fresh PostgreSQL database
`jifen_bench_mall` (created and dropped here; nothing else is touched), members with three point lots each.

1. **Pure-points redemption throughput**, 16 concurrent clients over distinct members: jifen's
   `mall.service.redeem` (member lock, Idempotency-Key check, limits, redemption row, ledger spend FIFO with
   allocations, conditional stock UPDATE, fulfilment) against one asyncpg transaction that does the same
   writes (lock member, FIFO over the lots, entry, allocations, balance, stock, order row). Target >= 0.7x.
2. **Burst**: 200 redemptions at once of a reward with stock 50 (200 distinct members), jifen against the same
   raw transaction; wall time from the first start to the last answer; exactly 50 winners on both sides.
   Target >= 0.5x.
3. **Bulk shipping**: a CSV of gift redemptions shipped row after row as the console's long action does
   (`mall.admin.ship_csv`: the conditional UPDATE and the member's shipping notice in the outbox, one transaction
   per row, each row's outcome reported) against a hand-written loop doing the same writes per row (UPDATE ...
   RETURNING, the notice's INSERT ... ON CONFLICT DO NOTHING, one transaction). No target: a figure to watch.

Both sides use a pool of the same size (`--pool`, default 10) on the same database, alternating
jifen/raw/raw/jifen (ABBA) so drift hits both alike, after an unmeasured warm-up part per side. Ratios only:
absolute figures move 25-40 % here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import asyncpg

PG = os.environ.get("JIFEN_BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
DB = "jifen_bench_mall"


async def _admin(sql: str) -> None:
    c = await asyncpg.connect(f"{PG}/postgres")
    try:
        await c.execute(sql)
    finally:
        await c.close()


async def setup(pool_max: int) -> Any:
    from app import db
    from app.config import load_settings
    from app.runtime import Runtime

    await _admin(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    await _admin(f'CREATE DATABASE "{DB}"')
    s = load_settings(env={})
    s.database.url = f"{PG}/{DB}"
    s.database.pool_max = pool_max
    s.redis.url = "memory://"
    s.log.level = "WARNING"
    await db.migrate(s)
    await db.connect(s)
    return await Runtime.create(s)


async def make_members(raw: asyncpg.Pool, n: int, tag: str) -> list[int]:
    """n members, each with three lots (40 expiring soon, 60 later, 100 never) = 200 points, and an address."""
    now = datetime.now(UTC)
    async with raw.acquire() as c:
        ids = [r["id"] for r in await c.fetch(
            "INSERT INTO members (openid, invite_code, balance, pending, growth, tier_level, checkin_streak, "
            "created_at, updated_at) SELECT $1 || g, left(md5($1 || g), 16), 200, 0, 0, 0, 0, $2, $2 "
            "FROM generate_series(1, $3) g "
            "RETURNING id", f"{tag}-", now, n)]
        for amount, days in ((40, 30), (60, 300), (100, None)):
            exp = now + timedelta(days=days) if days else None
            await c.execute(
                "WITH e AS (INSERT INTO point_entries (member_id, account, amount, kind, idem_key, balance_after, "
                "growth, created_at) SELECT m, 'available', $1, 'adjust', 'seed-' || ($1::int)::text || '-' || m, "
                "0, 0, $2 "
                "FROM unnest($3::bigint[]) m RETURNING id, member_id) "
                "INSERT INTO point_buckets (member_id, entry_id, state, initial, remaining, expired_amount, "
                "expires_at, created_at) SELECT member_id, id, 'active', $1, $1, 0, $4, $2 FROM e",
                amount, now, ids, exp)
        await c.execute("INSERT INTO mall_addresses (member_id, name, phone, region, detail, is_default, "
                        "created_at) SELECT m, 'bench', '13800000000', '上海', '1号', true, $2 "
                        "FROM unnest($1::bigint[]) m", ids, now)
    return ids


async def make_reward(raw: asyncpg.Pool, stock: int | None, name: str) -> int:
    async with raw.acquire() as c:
        return int(await c.fetchval(
            "INSERT INTO mall_rewards (name, category, kind, points, cash_fen, min_tier, stock, redeemed_count, sort, "
            "featured, featured_on_member_day, active, created_at, updated_at) VALUES ($1, '', 'gift', 50, 0, 0, $2, "
            "0, 0, false, false, true, now(), now()) RETURNING id", name, stock))


RAW_SQL = {
    "lock": "SELECT balance FROM members WHERE id = $1 FOR UPDATE",
    "lots": "SELECT id, remaining FROM point_buckets WHERE member_id = $1 AND state = 'active' AND remaining > 0 "
            "ORDER BY expires_at IS NULL, expires_at, id",
    "entry": "INSERT INTO point_entries (member_id, account, amount, kind, event, source, idem_key, balance_after, "
             "growth, created_at) VALUES ($1, 'available', $2, 'spend', 'mall_redeem', $3, $3, $4, 0, $5) RETURNING id",
    "take": "UPDATE point_buckets SET remaining = remaining - t.take FROM unnest($1::bigint[], $2::int[]) "
            "AS t(id, take) WHERE point_buckets.id = t.id",
    "alloc": "INSERT INTO spend_allocations (entry_id, bucket_id, amount) SELECT $1, b, a "
             "FROM unnest($2::bigint[], $3::int[]) AS t(b, a)",
    "member": "UPDATE members SET balance = balance - $2, updated_at = $3 WHERE id = $1",
    "stock": "UPDATE mall_rewards SET stock = stock - 1, redeemed_count = redeemed_count + 1 WHERE id = $1 "
             "AND (stock IS NULL OR stock > 0) RETURNING id",
    "order": "INSERT INTO mall_redemptions (member_id, reward_id, idem_key, request_hash, kind, reward_name, points, "
             "cash_fen, day, state, fulfilment, late_payment, created_at, updated_at) VALUES ($1, $2, $3, '', 'gift', "
             "'bench', $4, 0, $5, 'completed', 'ordered', false, $6, $6)",
}


class OutOfStock(Exception):
    pass


RAW_SHIP = {
    "ship": "UPDATE mall_redemptions SET fulfilment = 'shipped', carrier = $2, tracking_no = $3, shipped_at = $4, "
            "updated_at = $4 WHERE id = $1 AND kind = 'gift' AND state = 'completed' AND fulfilment = 'ordered' "
            "RETURNING member_id, reward_name, (SELECT openid FROM members WHERE id = member_id) AS openid",
    "notice": "INSERT INTO outbox_messages (kind, dedupe_key, member_id, payload, status, attempts, next_attempt_at, "
              "created_at, updated_at) VALUES ('subscribe', $1, $2, $3::jsonb, 'pending', 0, $4, $4, $4) "
              "ON CONFLICT (dedupe_key) DO NOTHING",
}


async def make_orders(raw: asyncpg.Pool, members: list[int], reward_id: int) -> list[int]:
    """One gift redemption waiting to be shipped (completed, ordered) per member."""
    async with raw.acquire() as c:
        return [r["id"] for r in await c.fetch(
            "INSERT INTO mall_redemptions (member_id, reward_id, idem_key, request_hash, kind, reward_name, points, "
            "cash_fen, day, state, fulfilment, late_payment, created_at, updated_at) SELECT m, $2, 'ship-' || m, '', "
            "'gift', '保温杯', 50, 0, current_date, 'completed', 'ordered', false, now(), now() "
            "FROM unnest($1::bigint[]) m RETURNING id", members, reward_id)]


async def raw_ship(pool: asyncpg.Pool, template: str, ids: list[int]) -> int:
    """The ceiling for bulk shipping: per row, one transaction with the shipment and its notice."""
    shipped = 0
    async with pool.acquire() as c:
        for rid in ids:
            now = datetime.now(UTC)
            async with c.transaction():
                row = await c.fetchrow(RAW_SHIP["ship"], rid, "顺丰速运", f"SF{rid:012d}", now)
                if row is None:
                    continue
                local = now.astimezone(timezone(timedelta(hours=8)))  # Asia/Shanghai, no DST
                payload = {"openid": row["openid"], "template_id": template, "page": None, "data": {
                    "thing1": row["reward_name"][:20], "character_string2": f"SF{rid:012d}", "thing3": "顺丰速运",
                    "time4": f"{local:%Y-%m-%d %H:%M}"}}
                await c.execute(RAW_SHIP["notice"], f"raw-shipped:{rid}", row["member_id"], json.dumps(payload), now)
                shipped += 1
    return shipped


async def jifen_ship(rt: Any, ids: list[int]) -> int:
    from app.services.mall import admin

    csv_text = "redemption_id,carrier,tracking_no\n" + "".join(f"{rid},顺丰速运,SF{rid:012d}\n" for rid in ids)
    return int((await admin.ship_csv(rt, csv_text))["shipped"])


async def raw_redeem(pool: asyncpg.Pool, member_id: int, reward_id: int, points: int) -> None:
    """The hand-written ceiling: the same rows in one transaction with the fewest round trips we could write."""
    now = datetime.now(UTC)
    key = f"raw:{uuid.uuid4().hex}"
    async with pool.acquire() as c, c.transaction():
        balance = await c.fetchval(RAW_SQL["lock"], member_id)
        if balance < points:
            raise RuntimeError("insufficient points")
        lots = await c.fetch(RAW_SQL["lots"], member_id)
        ids, takes, left = [], [], points
        for lot in lots:
            if left <= 0:
                break
            take = min(left, lot["remaining"])
            ids.append(lot["id"])
            takes.append(take)
            left -= take
        entry = await c.fetchval(RAW_SQL["entry"], member_id, -points, key, balance - points, now)
        await c.execute(RAW_SQL["take"], ids, takes)
        await c.execute(RAW_SQL["alloc"], entry, ids, takes)
        await c.execute(RAW_SQL["member"], member_id, points, now)
        if await c.fetchval(RAW_SQL["stock"], reward_id) is None:
            raise OutOfStock()
        await c.execute(RAW_SQL["order"], member_id, reward_id, key, points, now.date(), now)


async def jifen_redeem(rt: Any, member_id: int, reward_id: int) -> None:
    from app.services.mall import service as mall

    await mall.redeem(rt, member_id, uuid.uuid4().hex, mall.RedeemIn(reward_id=reward_id))


async def throughput(fn: Any, members: list[int], per_member: int, clients: int) -> float:
    queue = [m for _ in range(per_member) for m in members]
    chunks = [queue[i::clients] for i in range(clients)]

    async def client(work: list[int]) -> None:
        for m in work:
            await fn(m)

    t0 = time.perf_counter()
    await asyncio.gather(*[client(w) for w in chunks])
    return len(queue) / (time.perf_counter() - t0)


async def burst(fn: Any, members: list[int]) -> tuple[float, int]:
    from app.errors import ApiError

    async def one(m: int) -> bool:
        try:
            await fn(m)
            return True
        except (OutOfStock, ApiError):
            return False

    t0 = time.perf_counter()
    won = await asyncio.gather(*[one(m) for m in members])
    return time.perf_counter() - t0, sum(won)


async def main(quick: bool, keep: bool, pool_max: int) -> dict[str, Any]:
    from app import db

    rt = await setup(pool_max)
    raw = await asyncpg.create_pool(f"{PG}/{DB}", min_size=pool_max, max_size=pool_max)
    out: dict[str, Any] = {}
    try:
        n = 200 if quick else 600
        per = 2  # two redemptions of 50 points per member (each has 200)
        rates: dict[str, list[float]] = {"jifen": [], "raw": []}

        def redeemer(side: str, reward: int) -> Any:
            """One redemption of `reward` by a member, jifen's or the raw transaction's."""
            if side == "jifen":
                return lambda m: jifen_redeem(rt, m, reward)
            return lambda m: raw_redeem(raw, m, reward, 50)

        # each side's own load first, a quarter as large, not measured: jifen's first part had come out ~20 %
        # below its second (cold statements and ORM paths) while it always goes first (317 then 407/s, 2026-12-03)
        for side in ("jifen", "raw"):
            members = await make_members(raw, max(n // 4, 16), f"w{side}-{uuid.uuid4().hex[:6]}")
            reward = await make_reward(raw, None, f"warm-{side}")
            fn = redeemer(side, reward)
            await throughput(fn, members, per, 16)
        for side in ("jifen", "raw", "raw", "jifen"):
            members = await make_members(raw, n, f"{side}-{uuid.uuid4().hex[:6]}")
            reward = await make_reward(raw, None, f"tp-{side}")
            fn = redeemer(side, reward)
            rates[side].append(await throughput(fn, members, per, 16))
        jifen_rate = sum(rates["jifen"]) / 2
        raw_rate = sum(rates["raw"]) / 2
        out["throughput"] = {"jifen_per_s": round(jifen_rate), "raw_per_s": round(raw_rate),
                             "ratio": round(jifen_rate / raw_rate, 2), "target": 0.7}
        times: dict[str, list[float]] = {"jifen": [], "raw": []}
        winners: dict[str, list[int]] = {"jifen": [], "raw": []}
        for side in ("jifen", "raw", "raw", "jifen"):
            members = await make_members(raw, 200, f"b{side}-{uuid.uuid4().hex[:6]}")
            reward = await make_reward(raw, 50, f"burst-{side}")
            fn = redeemer(side, reward)
            took, won = await burst(fn, members)
            async with raw.acquire() as c:
                left = await c.fetchval("SELECT stock FROM mall_rewards WHERE id = $1", reward)
                rows = await c.fetchval("SELECT count(*) FROM mall_redemptions WHERE reward_id = $1", reward)
            assert won == 50 == rows and left == 0, (side, won, rows, left)
            times[side].append(took)
            winners[side].append(won)
        jt, rt_ = sum(times["jifen"]) / 2, sum(times["raw"]) / 2
        out["burst"] = {"jifen_seconds": round(jt, 3), "raw_seconds": round(rt_, 3), "ratio": round(rt_ / jt, 2),
                        "winners": {"jifen": winners["jifen"], "raw": winners["raw"]}, "target": 0.5}
        template = rt.settings.miniprogram.subscribe_template_shipping
        rows = 100 if quick else 400
        ship_rates: dict[str, list[float]] = {"jifen": [], "raw": []}
        for side in ("jifen", "raw", "raw", "jifen"):
            members = await make_members(raw, rows, f"s{side}-{uuid.uuid4().hex[:6]}")
            ids = await make_orders(raw, members, await make_reward(raw, None, f"ship-{side}"))
            t0 = time.perf_counter()
            shipped = await (jifen_ship(rt, ids) if side == "jifen" else raw_ship(raw, template, ids))
            ship_rates[side].append(rows / (time.perf_counter() - t0))
            async with raw.acquire() as c:
                notices = await c.fetchval("SELECT count(*) FROM outbox_messages o JOIN mall_redemptions r ON "
                                           "o.dedupe_key IN ('mall-shipped:' || r.id, 'raw-shipped:' || r.id) "
                                           "WHERE r.id = ANY($1::bigint[])", ids)
            assert shipped == notices == rows, (side, shipped, notices)
        js, rs = sum(ship_rates["jifen"]) / 2, sum(ship_rates["raw"]) / 2
        out["ship"] = {"jifen_per_s": round(js), "raw_per_s": round(rs), "ratio": round(js / rs, 2), "rows": rows}
    finally:
        await raw.close()
        await rt.close()
        await db.close()
        if not keep:
            await _admin(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    return out


def cli() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true")
    p.add_argument("--keep-db", action="store_true")
    p.add_argument("--pool", type=int, default=10)
    p.add_argument("--json", action="store_true", help="print the results as one JSON object")
    args = p.parse_args()
    res = asyncio.run(main(args.quick, args.keep_db, args.pool))
    if args.json:
        print(json.dumps(res))
        return
    t, b = res["throughput"], res["burst"]
    print("| scenario | jifen | raw asyncpg txn | ratio | target |")
    print("|---|---|---|---|---|")
    print(f"| pure-points redemption, 16 clients | {t['jifen_per_s']:,}/s | {t['raw_per_s']:,}/s | {t['ratio']:.2f}x "
          f"| >= 0.70x {'PASS' if t['ratio'] >= 0.7 else 'FAIL'} |")
    print(f"| 200 at once on stock 50 (winners {b['winners']['jifen']} / {b['winners']['raw']}) | "
          f"{b['jifen_seconds']:.3f} s | {b['raw_seconds']:.3f} s | {b['ratio']:.2f}x | "
          f">= 0.50x {'PASS' if b['ratio'] >= 0.5 else 'FAIL'} |")
    sh = res["ship"]
    print(f"| bulk shipping, {sh['rows']} rows with their notices | {sh['jifen_per_s']:,}/s | {sh['raw_per_s']:,}/s | "
          f"{sh['ratio']:.2f}x | – |")


def run(ctx: Any) -> None:
    """`python -m bench --only mall`: this module in a subprocess (its own database and Tortoise state), its two
    comparisons added to the run's table."""
    import subprocess
    import sys

    from bench.report import Row
    from bench.runner import say

    args = [sys.executable, "-m", "bench.mall", "--json"] + (["--quick"] if ctx.plan.mode == "quick" else [])
    done = subprocess.run(args, capture_output=True, text=True, timeout=1800, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench.mall failed: {done.stderr[-2000:]}")
    res = json.loads(done.stdout.strip().splitlines()[-1])
    t, b = res["throughput"], res["burst"]
    say(f"  mall: {t} / {b}")
    ctx.res.add(Row("mall pure-points redemption (16 clients)", "-", t["jifen_per_s"], "raw asyncpg txn",
                    t["raw_per_s"], unit="redemptions/s", target=0.7))
    ctx.res.add(Row("mall 200 at once on stock 50", "-", 200 / b["jifen_seconds"], "raw asyncpg txn",
                    200 / b["raw_seconds"], unit="redemptions/s", target=0.5,
                    note=f"winners jifen {b['winners']['jifen']}, raw {b['winners']['raw']}"))
    sh = res["ship"]
    say(f"  mall bulk shipping: {sh}")
    ctx.res.add(Row(f"mall bulk shipping by CSV ({sh['rows']} rows, notice each)", "-", sh["jifen_per_s"],
                    "raw asyncpg txn per row", sh["raw_per_s"], unit="rows/s"))


if __name__ == "__main__":
    cli()
