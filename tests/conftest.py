"""Test harness: one app, one database, one sandbox per session; tables truncated between tests.

Backends: JIFEN_TEST_BACKEND=embedded (SQLite file + fakeredis, default) or postgres (a fresh PostgreSQL
database created and dropped by the session, Redis db 15 under a random key prefix). Under CI=true the
postgres pass fails loudly when PostgreSQL or Redis are unreachable.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from sanic import Sanic

from app import caches, db
from app.auth import issue_token
from app.clock import SHANGHAI, clock
from app.config import Settings, load_settings
from app.runtime import Runtime

BACKEND = os.environ.get("JIFEN_TEST_BACKEND", "embedded")
PG_ADMIN_URL = os.environ.get("JIFEN_TEST_PG_URL", "postgres://postgres@127.0.0.1:5432")
REDIS_TEST_URL = os.environ.get("JIFEN_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
RUN_ID = uuid.uuid4().hex[:10]

# Every test starts at this business moment (a Monday, not a member day, not in a campaign month) and time runs
# on from it; `clock.reset()` comes back here. JIFEN_TEST_WALL_CLOCK pretends the machine's own date is another
# one (test_clock_pin runs part of the suite on a member day in December that way).
TEST_HOME = datetime(2026, 11, 30, 10, 0, tzinfo=SHANGHAI)



def model_tables() -> list[str]:
    """Every table the models declare (a new domain's tables are cleaned without editing this file)."""
    from tortoise import Tortoise

    return sorted(m._meta.db_table for m in Tortoise.apps["models"].values())


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "corrupts_ledger: the test breaks the invariant on purpose")
    wall = os.environ.get("JIFEN_TEST_WALL_CLOCK")
    if wall:
        _pretend_wall_clock(datetime.fromisoformat(wall))
    if os.environ.get("JIFEN_TEST_UNPINNED") != "1":  # only test_clock_pin's control run unpins
        clock.pin(TEST_HOME)


def _pretend_wall_clock(moment: datetime) -> None:
    """Shift the machine's clock as app.clock sees it, as if the suite ran on `moment`'s date."""
    import app.clock as clock_module

    delta = moment - datetime.now(moment.tzinfo)
    real = clock_module.datetime

    class _Shifted(real):  # type: ignore[misc,valid-type]
        """Only `now` is shifted; everything app.clock builds (`datetime(...)`, e.g. a day's start) is a plain
        datetime, as with the real clock: database drivers adapt by exact type and refuse a subclass."""

        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            return real(*args, **kwargs)

        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return real.now(tz) + delta

    clock_module.datetime = _Shifted  # type: ignore[misc]


def pytest_report_header(config: pytest.Config) -> str:
    return f"jifen backend: {BACKEND}"


async def _pg_admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(f"{PG_ADMIN_URL}/postgres", timeout=5)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@asynccontextmanager
async def pg_database_setting(rt: Runtime, setting: str, value: str) -> AsyncIterator[None]:
    """PostgreSQL only: the test database's default for `setting` is `value` for the block (ALTER DATABASE ...
    SET, what a DBA configures), every pool connection opened again after it, and again after the reset."""
    import asyncpg

    raw = db.conn()._pool._pool  # the asyncpg pool under app.db_pool.FairPool
    admin = await asyncpg.connect(rt.settings.database.url)
    name = await admin.fetchval("SELECT current_database()")
    try:
        await admin.execute(f'ALTER DATABASE "{name}" SET {setting} = {value}')
        await raw.expire_connections()
        yield
    finally:
        await admin.execute(f'ALTER DATABASE "{name}" RESET {setting}')
        await admin.close()
        await raw.expire_connections()


async def _check_services() -> None:
    import redis.asyncio as aioredis

    try:
        await _pg_admin("SELECT 1")
        r = aioredis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=3)
        await r.ping()
        await r.aclose()
    except Exception as exc:
        msg = f"PostgreSQL/Redis unreachable for the postgres test pass: {exc!r}"
        if os.environ.get("CI") == "true":
            pytest.exit(msg, returncode=3)
        pytest.skip(msg, allow_module_level=True)


@pytest_asyncio.fixture(scope="session")
async def settings(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Settings]:
    s = load_settings(env={k: v for k, v in os.environ.items() if not k.startswith("JIFEN_")})
    s.auth.secret = "test-secret-for-jifen-suite-" + RUN_ID
    s.redis.prefix = f"jifen-test-{RUN_ID}:"
    s.wechat.retries = 2
    # the suite logs in hundreds of members from one IP: limits are off except where a test sets them
    s.ratelimit.login_per_ip = s.ratelimit.login_per_openid = 0
    s.ratelimit.checkin_per_ip = s.ratelimit.checkin_per_member = 0
    s.log.level = os.environ.get("JIFEN_TEST_LOG_LEVEL", "WARNING")
    dbname = f"jifen_test_{RUN_ID}"
    if BACKEND == "postgres":
        await _check_services()
        await _pg_admin(f'CREATE DATABASE "{dbname}"')
        s.database.url = f"{PG_ADMIN_URL}/{dbname}"
        s.database.pool_max = 30
        s.redis.url = REDIS_TEST_URL
    else:
        s.database.url = f"sqlite://{tmp_path_factory.mktemp('db') / 'jifen.sqlite3'}"
        s.redis.url = "memory://"
    try:
        yield s
    finally:
        if BACKEND == "postgres":
            await _pg_admin(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


@pytest_asyncio.fixture(scope="session")
async def sandbox(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Any]:
    from sandbox.server import SandboxServer

    with pytest.MonkeyPatch.context() as mp:  # WeChat Pay dev keys of this session, shared with jifen (rt)
        mp.setenv("JIFEN_SANDBOX_KEYS_DIR", str(tmp_path_factory.mktemp("sandbox-keys")))
        server = SandboxServer(host="127.0.0.1", port=0)
    async with server as sb:
        yield sb


@pytest_asyncio.fixture(scope="session")
async def rt(settings: Settings, sandbox: Any) -> AsyncIterator[Runtime]:
    settings.wechat.api_base = sandbox.url
    settings.wecom.api_base = sandbox.url
    settings.wechatpay.api_base = sandbox.url
    from sandbox.pay import pay_of

    settings.sandbox.keys_dir = str(pay_of(sandbox.app).keys_dir)
    await db.migrate(settings)
    await db.connect(settings)
    runtime = await Runtime.create(settings)
    try:
        yield runtime
    finally:
        if BACKEND == "postgres":
            keys = [k async for k in runtime.redis.scan_iter(match=f"{settings.redis.prefix}*", count=500)]
            if keys:
                await runtime.redis.delete(*keys)
        await runtime.close()
        await db.close()


@pytest_asyncio.fixture(scope="session")
async def app(rt: Runtime) -> AsyncIterator[Sanic]:
    """The real app served on a real socket in the session loop (one startup, real HTTP for every test)."""
    import socket

    from jifen.server import create_app

    Sanic.test_mode = True
    application = create_app(rt.settings, name=f"jifen_test_{RUN_ID}", manage_resources=False)
    application.ctx.rt = rt
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    srv = await application.create_server(sock=sock, return_asyncio_server=True, access_log=False)
    assert srv is not None
    await srv.startup()
    await srv.before_start()
    await srv.after_start()
    application.ctx.test_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    try:
        yield application
    finally:
        await srv.before_stop()
        await srv.close()
        await srv.after_stop()


@pytest_asyncio.fixture(autouse=True)
async def clean_state(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """Every test starts with empty tables, real time and a fresh sandbox; only for tests that use the DB."""
    clock.reset()
    if "rt" in request.fixturenames:
        runtime: Runtime = request.getfixturevalue("rt")
        conn = db.conn()
        tables = model_tables()
        if db.is_postgres_conn(conn):
            await conn.execute_script(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY")
        else:
            await conn.execute_script("".join(f"DELETE FROM {t};" for t in tables))
        await StaffRows.number_created_rows_apart(conn)
        keys = [k async for k in runtime.redis.scan_iter(match=f"{runtime.prefix}*", count=500)]
        if keys:
            await runtime.redis.delete(*keys)
        caches.forget_all()
        sb = request.getfixturevalue("sandbox")
        sb.state.reset()
        from sandbox.pay import pay_of

        pay_of(sb.app).reset()
    yield
    clock.reset()
    if "rt" in request.fixturenames and not request.node.get_closest_marker("corrupts_ledger"):
        from app.services.points.verify import find_violations

        assert await find_violations() == [], "test left the ledger inconsistent"


class StaffRows:
    """The staff users behind the tokens `staff_token` mints: a staff token is honoured only for an active
    `staff_users` row of the token's role, so each (role, staff_id) asked for gets its row, created before the
    next request (`Api.call` flushes; call `flush()` before using a token another way). The id asked for is kept
    unless this test already gave it another role; then the pair gets a fresh id from 1,000,001 on."""

    def __init__(self) -> None:
        self.role_of: dict[int, str] = {}
        self.ids: dict[tuple[str, int], int] = {}
        self.pending: list[tuple[int, str]] = []
        self.next_free = 1_000_001
        self._flushing = asyncio.Lock()  # concurrent calls (asyncio.gather) all wait for the rows

    def id_for(self, role: str, staff_id: int) -> int:
        if (role, staff_id) not in self.ids:
            real = staff_id
            if real in self.role_of:
                real, self.next_free = self.next_free, self.next_free + 1
            self.role_of[real] = role
            self.ids[(role, staff_id)] = real
            self.pending.append((real, role))
        return self.ids[(role, staff_id)]

    async def flush(self) -> None:
        if not self.pending and not self._flushing.locked():
            return
        from models import StaffUser

        async with self._flushing:
            rows, self.pending = self.pending, []
            if rows:
                await StaffUser.bulk_create([StaffUser(id=i, name=f"test-{role}-{i}", role=role)
                                             for i, role in rows], ignore_conflicts=True)

    @staticmethod
    async def number_created_rows_apart(conn: Any) -> None:
        """Rows a test creates itself (StaffUser.create, `jifen admin token`) get ids from 1,000,000,000 on,
        so they never take an id this fixture hands out, whatever the order of creation and first request."""
        if db.is_postgres_conn(conn):
            await conn.execute_script("ALTER SEQUENCE staff_users_id_seq RESTART WITH 1000000000")
        else:
            await conn.execute_script("DELETE FROM sqlite_sequence WHERE name = 'staff_users'; "
                                      "INSERT INTO sqlite_sequence (name, seq) VALUES ('staff_users', 999999999)")


@dataclass
class Api:
    """Thin helper over real HTTP to the test server: JSON in, (status, json) out."""

    app: Sanic
    session: Any
    staff: StaffRows | None = None

    async def call(self, method: str, path: str, *, token: str | None = None, json: Any = None,
                   headers: dict[str, str] | None = None, data: bytes | str | None = None) -> tuple[int, Any]:
        if self.staff is not None:
            await self.staff.flush()
        hdrs = dict(headers or {})
        if token:
            hdrs["Authorization"] = f"Bearer {token}"
        kwargs: dict[str, Any] = {"headers": hdrs}
        if json is not None and method.upper() not in ("GET", "DELETE", "HEAD"):
            kwargs["json"] = json
        if data is not None:
            kwargs["data"] = data
        async with self.session.request(method, self.app.ctx.test_url + path, **kwargs) as resp:
            text = await resp.text()
            self.last_headers = resp.headers
            try:
                import json as _json

                return resp.status, _json.loads(text)
            except ValueError:
                return resp.status, text

    async def login(self, name: str | None = None) -> tuple[str, dict[str, Any]]:
        status, body = await self.call("POST", "/api/v1/auth/login",
                                       json={"code": f"sandbox:{name or uuid.uuid4().hex}"})
        assert status in (200, 201), body
        return body["token"], body["member"]


@pytest_asyncio.fixture(scope="session")
async def http_session() -> AsyncIterator[Any]:
    import aiohttp

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=200)) as session:
        yield session


@pytest.fixture
def staff_rows() -> StaffRows:
    return StaffRows()


@pytest.fixture
def api(app: Sanic, http_session: Any, staff_rows: StaffRows) -> Api:
    return Api(app, http_session, staff_rows)


@pytest.fixture
def staff_token(rt: Runtime, staff_rows: StaffRows):  # type: ignore[no-untyped-def]
    """`make(role, staff_id)`: a token of an active staff user of that role (see StaffRows)."""

    def make(role: str = "admin", staff_id: int = 1) -> str:
        real = staff_rows.id_for(role, staff_id)
        return issue_token(rt.settings.auth.secret, real, role, int(clock.now().timestamp()), 3600)

    make.flush = staff_rows.flush  # type: ignore[attr-defined]
    return make


ROOT = Path(__file__).resolve().parent.parent


@pytest_asyncio.fixture
async def seeded(rt: Runtime) -> Runtime:
    """The default rule set, tiers and campaigns (as `jifen serve` seeds them)."""
    from app.services.points.config_cache import config_cache
    from app.services.points.seed import seed_points_defaults

    await seed_points_defaults()
    config_cache.invalidate()
    return rt


@pytest_asyncio.fixture(scope="session")
async def _notify_relay(app: Sanic) -> AsyncIterator[Any]:
    from tests.payhelpers import NotifyRelay

    relay = NotifyRelay(app, app.ctx.settings.payments.notify_path)
    await relay.start()
    yield relay
    await relay.stop()


@pytest.fixture
def notify_relay(_notify_relay: Any) -> Any:
    """A real HTTP notify URL (for the sandbox) relayed into the test app's POST /wechatpay/notify."""
    _notify_relay.reset()
    return _notify_relay
