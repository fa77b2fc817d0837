"""Where the benchmark runs and how big it is: the plan per mode, endpoints, and jifen's environment.

Everything is sized for a 2-core machine shared by the load generator, the service, PostgreSQL and Redis,
and everything is bounded: a mode fixes every duration up front, so a run cannot drift past its budget.
"""

from __future__ import annotations

import os
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
LUA_DIR = BENCH_DIR / "lua"
PGBENCH_DIR = BENCH_DIR / "pgbench"
RESULTS_DIR = BENCH_DIR / "results"
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
JIFEN = str(ROOT / ".venv" / "bin" / "jifen")

PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
# BENCH_DB_NAME / BENCH_REDIS_PREFIX: a separate database and key prefix (e.g. `bench.compare_trees` beside
# another session's run, which holds the lock on the defaults)
DB_NAME = os.environ.get("BENCH_DB_NAME", "jifen_bench")
DSN = f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{DB_NAME}"
ADMIN_DSN = f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/postgres"
REDIS_DB = 9
REDIS_URL = f"redis://127.0.0.1:6379/{REDIS_DB}"
REDIS_PREFIX = os.environ.get("BENCH_REDIS_PREFIX", "jifen-bench:")
# HS256 key shared by jifen and the ceiling app; 48 bytes so PyJWT does not warn
AUTH_SECRET = "jifen-bench-secret-0123456789abcdef0123456789abcd"
APPID, APP_SECRET = "wxsandbox0000001", "sandbox-secret"
MCHID = "1900000001"
# both jifen and the ceiling hold this many PostgreSQL connections per worker (jifen's default pool_max)
POOL_MAX = 10
# points the default check-in rule awards (seeded by `jifen migrate`); the raw ceiling awards the same
CHECKIN_POINTS = 5
# seeded members are `sandbox:b<id>` users: their openids are what the sandbox derives from that login code
MEMBER_NAME_PREFIX = "b"


@dataclass(frozen=True)
class Plan:
    """One mode's sizes and durations. Quick scales the sweep and the push down, never the member count."""

    mode: str
    duration: float  # seconds per wrk run
    warmup: float  # seconds of mixed warm-up traffic after a server starts
    threads: int = 2
    connections: int = 64
    workers: tuple[int, ...] = (1, 2)
    members: int = 100_000
    read_members: int = 20_000  # members 1..read_members carry a seeded ledger for the read scenarios
    read_entries: int = 25  # ledger entries per read member (a full first page of 20)
    tokens: int = 50_000  # check-in / payment members (pre-minted tokens), after the read members
    sweep_total: int = 1_000_000
    sweep_due: tuple[int, ...] = (100_000, 1_000_000)
    push_messages: int = 10_000
    push_rate_limit: int = 300  # sandbox subscribe sends per second before it answers 45009 (below the outbox rate)
    pgbench_seconds: float = 10.0
    soak_minutes: float = 0.0
    # scenarios measured in the rounds after the first worker count (None = all of them)
    later_rounds: frozenset[str] | None = None
    quiet_wait: tuple[float, float] = (45.0, 150.0)  # waiting for other processes: per wait, per run (s)
    only: frozenset[str] = field(default_factory=frozenset)
    budget: bool = False  # a points budget for the year, far below its warning line (as brands configure)

    def wants(self, scenario: str) -> bool:
        return not self.only or scenario in self.only


def plan_for(quick: bool, soak_minutes: float | None, only: list[str] | None) -> Plan:
    chosen = frozenset(only or ())
    if soak_minutes:
        minutes = max(1.0, min(float(soak_minutes), 30.0))  # bounded: a soak never runs past 30 minutes
        return Plan(mode="soak", duration=60.0, warmup=3.0, read_members=5_000, tokens=95_000,
                    soak_minutes=minutes, workers=(2,), only=chosen or frozenset({"soak"}))
    if quick:
        return Plan(mode="quick", duration=3.0, warmup=1.0, read_members=5_000, tokens=50_000,
                    sweep_total=30_000, sweep_due=(3_000, 30_000), push_messages=1_000,
                    push_rate_limit=300, pgbench_seconds=3.0, later_rounds=frozenset({"checkin"}),
                    quiet_wait=(3.0, 3.0), only=chosen)
    return Plan(mode="full", duration=10.0, warmup=2.0, only=chosen)


SCENARIOS = ("roundtrips", "bare", "checkin", "ledger", "balance", "login", "notify", "notify_coupon", "wecom",
             "pgbench", "sweep", "push", "soak", "mall", "startup")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def jifen_env(port: int, wechat_base: str, keys_env: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for `jifen serve` in production shape (PostgreSQL, Redis, no embedded extras).

    Per-IP rate limits are lifted to a billion per minute because every benchmark request comes from
    127.0.0.1; the per-member/per-openid windows keep production values, so their Redis round trip is
    still measured.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIFEN_")}
    env.update({
        "JIFEN_DATABASE_URL": DSN,
        "JIFEN_DATABASE_POOL_MAX": str(POOL_MAX),
        "JIFEN_REDIS_URL": REDIS_URL,
        "JIFEN_REDIS_PREFIX": REDIS_PREFIX,
        "JIFEN_AUTH_SECRET": AUTH_SECRET,
        "JIFEN_SANDBOX_ENABLED": "false",
        "JIFEN_SERVER_EMBEDDED_SCHEDULER": "false",
        "JIFEN_SERVER_HOST": "127.0.0.1",
        "JIFEN_SERVER_PORT": str(port),
        "JIFEN_WECHAT_API_BASE": wechat_base,
        "JIFEN_WECOM_API_BASE": wechat_base,
        "JIFEN_WECHATPAY_API_BASE": wechat_base,
        "JIFEN_WECHATPAY_MCHID": MCHID,
        "JIFEN_MINIPROGRAM_APPID": APPID,
        "JIFEN_MINIPROGRAM_SECRET": APP_SECRET,
        # what operators run: the default level, one access line per request (BENCH_LOG_LEVEL=WARNING to compare)
        "JIFEN_LOG_LEVEL": os.environ.get("BENCH_LOG_LEVEL", "INFO"),
        "JIFEN_RATELIMIT_LOGIN_PER_IP": "1000000000",
        "JIFEN_RATELIMIT_CHECKIN_PER_IP": "1000000000",
        "PYTHONUNBUFFERED": "1",
    })
    env.update(keys_env or {})
    return env
