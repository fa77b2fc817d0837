# ruff: noqa: ASYNC221, ASYNC109
"""Reliability suite, run on demand against real processes (PostgreSQL + Redis + the sandbox):

  .venv/bin/python tests/reliability/run_reliability.py [kill9] [redis] [hostile]

- kill9:   payments played by the sandbox (with WeChat Pay's retry schedule, time-scaled) while a serving
           worker and then the whole server are killed with SIGKILL and restarted: every acknowledged
           payment is recorded exactly once, nothing is half-applied, `jifen ledger verify` is clean.
           A coupon rule for payments from 250 yuan gives about half of them exactly one coupon (issued in
           the single statement since issue #17, like the rest, which get none). After
           recovery `jifen reconcile --dry-run` finds nothing left half done.
- redis:   check-in load while jifen's Redis is shut down and restarted: requests that need Redis get a
           clear 503, nothing corrupt, service recovers with no restart of jifen.
- hostile: schemathesis over /docs/openapi.json with a token of every role (member, guide, marketer, admin): no 5xx.

Uses its own database (jifen_reliability), its own Redis instance on port 6393 (never the shared one's
data) and ports 8030/8931. Bounded in time; prints a summary and exits non-zero on any failure.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import asyncpg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
PY = str(ROOT / ".venv" / "bin" / "python")
JIFEN = str(ROOT / ".venv" / "bin" / "jifen")
DB = "jifen_reliability"
PG = "postgres://postgres@127.0.0.1:5432"
PORT, SANDBOX_PORT, REDIS_PORT = 8030, 8931, 6393
BASE = f"http://127.0.0.1:{PORT}"
SANDBOX = f"http://127.0.0.1:{SANDBOX_PORT}"
SECRET = "reliability-secret-0123456789-abcdefghij"


def env() -> dict[str, str]:
    e = dict(os.environ)
    e.update({
        "JIFEN_DATABASE_URL": f"{PG}/{DB}", "JIFEN_REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "JIFEN_AUTH_SECRET": SECRET, "JIFEN_SERVER_PORT": str(PORT), "JIFEN_SANDBOX_ENABLED": "false",
        "JIFEN_SERVER_EMBEDDED_SCHEDULER": "false", "JIFEN_WECHAT_API_BASE": SANDBOX,
        "JIFEN_WECHATPAY_API_BASE": SANDBOX, "JIFEN_LOG_LEVEL": "WARNING",
        "JIFEN_SANDBOX_KEYS_DIR": str(ROOT / "var" / "reliability-keys"),
        "JIFEN_RATELIMIT_LOGIN_PER_IP": "0", "JIFEN_RATELIMIT_CHECKIN_PER_IP": "0",
        "JIFEN_RATELIMIT_CHECKIN_PER_MEMBER": "100",
        # the code of this checkout, also when .venv is shared with another checkout (a git worktree)
        "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]),
    })
    # production-style WeChat Pay configuration, pointing at the sandbox's generated keys
    from app.wechatpay.keys import generate_dev_keys

    keys = generate_dev_keys(ROOT / "var" / "reliability-keys")
    e.update({
        "JIFEN_WECHATPAY_APIV3_KEY": keys.apiv3_key,
        "JIFEN_WECHATPAY_PUBLIC_KEY_PATH": str(keys.platform_public_key_path),
        "JIFEN_WECHATPAY_PUBLIC_KEY_ID": keys.platform_public_key_id,
        "JIFEN_WECHATPAY_PRIVATE_KEY_PATH": str(keys.merchant_private_key_path),
        "JIFEN_WECHATPAY_CERT_SERIAL": keys.merchant_serial,
    })
    return e


def start(args: list[str]) -> subprocess.Popen[bytes]:
    log = open(ROOT / "var" / f"reliability-{Path(args[1]).name}.log", "ab")
    return subprocess.Popen(args, env=env(), cwd=ROOT, start_new_session=True, stdout=log, stderr=log)


def kill_group(proc: subprocess.Popen[bytes], sig: int = signal.SIGKILL) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass
    proc.wait(timeout=15)


async def wait_http(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as s:
        while time.monotonic() < deadline:
            try:
                async with s.get(url) as r:
                    if r.status < 500:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise TimeoutError(url)


def redis_server() -> subprocess.Popen[bytes]:
    return subprocess.Popen(["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no"], stdout=subprocess.DEVNULL, start_new_session=True)


async def setup_db() -> None:
    conn = await asyncpg.connect(f"{PG}/postgres")
    await conn.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    await conn.execute(f'CREATE DATABASE "{DB}"')
    await conn.close()
    subprocess.run([JIFEN, "migrate"], env=env(), cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def serve(workers: int = 2) -> subprocess.Popen[bytes]:
    return start([JIFEN, "serve", "--workers", str(workers)])


async def login(s: aiohttp.ClientSession, name: str) -> dict:
    async with s.post(f"{BASE}/api/v1/auth/login", json={"code": f"sandbox:{name}"}) as r:
        return await r.json()


def verify() -> bool:
    out = subprocess.run([JIFEN, "ledger", "verify"], env=env(), cwd=ROOT, capture_output=True, text=True)
    print("   ", out.stdout.strip().splitlines()[-1] if out.stdout else out.stderr[-300:])
    return out.returncode == 0


def reconcile_clean() -> bool:
    """`jifen reconcile --dry-run`: after recovery no check may find anything a crash left half done."""
    out = subprocess.run([JIFEN, "reconcile", "--dry-run"], env=env(), cwd=ROOT, capture_output=True, text=True)
    lines = out.stdout.strip().splitlines()
    for line in lines[:-1][:20]:
        print("    left:", line)
    print("   ", lines[-1] if lines else out.stderr[-300:])
    return out.returncode == 0


def worker_pids(serve_pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(serve_pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in out]


@dataclass
class Stack:
    """The processes of one scenario: the sandbox and `jifen serve` (which kill9 restarts)."""

    sandbox: subprocess.Popen[bytes]
    server: subprocess.Popen[bytes]
    workers: int

    async def restart_server(self) -> None:
        self.server = serve(self.workers)
        await wait_http(f"{BASE}/healthz")


@asynccontextmanager
async def stack(workers: int = 2) -> AsyncIterator[Stack]:
    """A fresh database, the sandbox and jifen, all up; everything stopped on the way out."""
    await setup_db()
    st = Stack(start([PY, "-m", "sandbox", "--port", str(SANDBOX_PORT), "--log-level", "WARNING"]),
               serve(workers), workers)
    try:
        await wait_http(f"{SANDBOX}/__sandbox__/health")
        await wait_http(f"{BASE}/healthz")
        yield st
    finally:
        kill_group(st.server, signal.SIGTERM)
        kill_group(st.sandbox, signal.SIGTERM)


COUPON_FROM_FEN = 25_000  # kill9: payments from this amount get a coupon, below it not


async def coupon_rule(s: aiohttp.ClientSession, min_paid_fen: int) -> None:
    """A post-payment coupon for payments of at least `min_paid_fen`, configured through the admin API. Such
    payments take the step-by-step path; smaller ones the single statement: kill9 then crashes both."""
    admin = subprocess.run([JIFEN, "admin", "token", "--role", "admin"], env=env(), cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.strip().splitlines()[-1]  # a real staff user's token
    headers = {"Authorization": f"Bearer {admin}"}

    async def post(path: str, body: dict) -> dict:
        async with s.post(f"{BASE}/admin/v1{path}", json=body, headers=headers) as r:
            assert r.status == 201, (path, r.status, await r.text())
            return await r.json()

    template = await post("/coupon-templates", {"name": "满250送券", "kind": "amount_off", "amount_off_fen": 500,
                                                "validity": "days", "valid_days": 30})
    package = await post("/coupon-packages", {"name": "支付有礼", "items": [{"template_id": template["id"],
                                                                           "quantity": 1}]})
    await post("/coupon-rules", {"name": "支付有礼", "package_id": package["id"], "min_paid_fen": min_paid_fen})


async def scenario_kill9() -> bool:
    print("== kill9: SIGKILL a worker and the whole server while WeChat Pay notifications arrive")
    ok = True
    async with stack() as st:
        async with aiohttp.ClientSession() as s:
            await coupon_rule(s, COUPON_FROM_FEN)
            members = [(await login(s, f"k9-{i}"))["member"] for i in range(40)]
            n = 240

            async def pay(i: int) -> dict:
                m = members[i % len(members)]
                body = {"notify_url": f"{BASE}/wechatpay/notify", "openid": m["openid"],
                        "amount": random.randint(100, 50_000), "retry": True, "time_scale": 0.01}
                async with s.post(f"{SANDBOX}/__sandbox__/pay/payments", json=body) as r:
                    return await r.json()

            first = await asyncio.gather(*(pay(i) for i in range(n // 3)))
            victims = worker_pids(st.server.pid)
            print(f"   killing worker {victims[:1]} mid-load")
            if victims:
                os.kill(victims[0], signal.SIGKILL)
            second = await asyncio.gather(*(pay(i) for i in range(n // 3, 2 * n // 3)))
            print("   killing the whole server (SIGKILL) mid-load")
            third_task = asyncio.gather(*(pay(i) for i in range(2 * n // 3, n)))
            await asyncio.sleep(0.3)
            kill_group(st.server)
            third = await third_task
            await asyncio.sleep(1)
            await st.restart_server()
            played = first + second + third
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                async with s.get(f"{SANDBOX}/__sandbox__/pay/notifications") as r:
                    items = (await r.json())["items"]
                if all(i.get("delivered") for i in items) and len(items) >= n:
                    break
                await asyncio.sleep(1)
            undelivered = [i for i in items if not i.get("delivered")]
        conn = await asyncpg.connect(f"{PG}/{DB}")
        txs = {p["transaction_id"] for p in played}
        recorded = {r["transaction_id"] for r in await conn.fetch("SELECT transaction_id FROM payments")}
        dup = await conn.fetchval("SELECT COUNT(*) FROM (SELECT source FROM point_entries WHERE event = 'purchase' "
                                  "AND kind = 'earn' GROUP BY member_id, source HAVING COUNT(*) > 1) x")
        # one coupon for every payment from the threshold, none below
        wrong_coupons = await conn.fetch(
            "SELECT p.transaction_id, p.payer_total_fen, count(c.id) AS n FROM payments p "
            "LEFT JOIN coupons c ON c.payment_id = p.id GROUP BY p.id "
            "HAVING count(c.id) <> CASE WHEN p.payer_total_fen >= $1 THEN 1 ELSE 0 END", COUPON_FROM_FEN)
        big = await conn.fetchval("SELECT count(*) FROM payments WHERE payer_total_fen >= $1", COUPON_FROM_FEN)
        uncredited = await conn.fetchval("SELECT count(*) FROM payments WHERE credited_at IS NULL")
        await conn.close()
        acked = {p["transaction_id"] for p in played if p.get("delivered")}
        print(f"   played {len(txs)}, acknowledged on first try {len(acked)}, recorded {len(recorded)}, "
              f"still undelivered {len(undelivered)}, duplicate awards {dup}; {big} earned a coupon "
              f"(coupon rule), {len(recorded) - big} none; wrong coupon counts "
              f"{len(wrong_coupons)}, uncredited {uncredited}")
        if wrong_coupons or uncredited:
            print(f"   FAIL: coupons or credit not exactly once: {[dict(r) for r in wrong_coupons][:5]}")
            ok = False
        if not acked <= recorded:
            print("   FAIL: an acknowledged payment is missing")
            ok = False
        if undelivered or recorded != txs:
            print("   FAIL: not every payment was eventually recorded")
            ok = False
        if dup:
            ok = False
        ok = verify() and ok
        ok = reconcile_clean() and ok
    print("   kill9:", "PASS" if ok else "FAIL")
    return ok


async def scenario_redis() -> bool:
    print("== redis: shut Redis down and bring it back during check-in load")
    statuses: list[tuple[float, int, str]] = []
    ok = True
    async with stack():
        async with aiohttp.ClientSession() as s:
            tokens = [(await login(s, f"rd-{i}"))["token"] for i in range(200)]
            t0 = time.monotonic()
            stop = t0 + 12

            async def load() -> None:
                while time.monotonic() < stop:
                    tok = random.choice(tokens)
                    try:
                        async with s.post(f"{BASE}/api/v1/checkins", headers={"Authorization": f"Bearer {tok}"},
                                          timeout=aiohttp.ClientTimeout(total=5)) as r:
                            body = await r.json(content_type=None)
                            code = body.get("error", {}).get("code", "") if isinstance(body, dict) else ""
                            statuses.append((time.monotonic() - t0, r.status, code))
                    except (aiohttp.ClientError, TimeoutError):
                        statuses.append((time.monotonic() - t0, 0, "transport"))
                    await asyncio.sleep(0.01)

            async def chaos() -> None:
                await asyncio.sleep(3)
                subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "shutdown", "nosave"], capture_output=True)
                print("   redis down at t=3s")
                await asyncio.sleep(4)
                global REDIS_PROC
                REDIS_PROC = redis_server()
                print("   redis back at t=7s")

            await asyncio.gather(*(load() for _ in range(16)), chaos())
        during = [st for t, st, _ in statuses if 3.5 < t < 6.5]
        after = [st for t, st, _ in statuses if t > 9]
        bad = [(t, st, c) for t, st, c in statuses if st >= 500 and not (st == 503 and c == "redis_unavailable")]
        print(f"   requests {len(statuses)}; during outage: {sorted(set(during))}; after recovery: "
              f"{sorted(set(after))}; unexpected 5xx {len(bad)}")
        ok = bool(during) and set(during) <= {503} and bool(after) and set(after) <= {200, 201} and not bad
        ok = verify() and ok
    print("   redis:", "PASS" if ok else "FAIL")
    return ok


async def scenario_hostile() -> bool:
    print("== hostile: schemathesis over /docs/openapi.json (member, guide, marketer, admin tokens), no 5xx")
    ok = True
    async with stack(workers=1):
        async with aiohttp.ClientSession() as s:
            member = (await login(s, "hostile"))["token"]
        staff = {role: subprocess.run([JIFEN, "admin", "token", "--role", role], env=env(), cwd=ROOT,
                                      capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
                 for role in ("guide", "marketer", "admin")}
        for label, token in (("member", member), *staff.items()):
            (ROOT / "var" / f"reliability-schemathesis-{label}.txt").unlink(missing_ok=True)
            out = subprocess.run([str(ROOT / ".venv" / "bin" / "schemathesis"), "run",
                                  f"{BASE}/docs/openapi.json", "--checks", "not_a_server_error",
                                  "--max-examples", "40", "-H", f"Authorization: Bearer {token}"],
                                 capture_output=True, text=True, timeout=300)
            summary = [ln for ln in out.stdout.splitlines() if "generated" in ln or "failures" in ln.lower()]
            print(f"   {label}: exit {out.returncode}; {' | '.join(summary[-2:])}")
            if out.returncode != 0:
                (ROOT / "var" / f"reliability-schemathesis-{label}.txt").write_text(out.stdout)
                print(f"   details: var/reliability-schemathesis-{label}.txt")
                ok = False
    print("   hostile:", "PASS" if ok else "FAIL")
    return ok


REDIS_PROC: subprocess.Popen[bytes] | None = None


async def main(which: list[str]) -> int:
    global REDIS_PROC
    (ROOT / "var").mkdir(exist_ok=True)
    REDIS_PROC = redis_server()
    await asyncio.sleep(0.5)
    results = {}
    try:
        for name, fn in (("kill9", scenario_kill9), ("redis", scenario_redis), ("hostile", scenario_hostile)):
            if not which or name in which:
                results[name] = await fn()
    finally:
        subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "shutdown", "nosave"], capture_output=True)
        conn = await asyncpg.connect(f"{PG}/postgres")
        await conn.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        await conn.close()
    print(json.dumps(results))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
