"""README's walkthrough runs as written against `jifen serve`, and every page and form survives hostile input.

The README block between `<!-- walkthrough -->` and `<!-- /walkthrough -->` is executed by bash with
`set -euo pipefail` against a real `jifen serve` (with the sandbox, as `scripts/dev` runs it) on free ports, so
the documentation cannot drift from the API. Only the ports, the data directory and the command name differ from
a reader's copy-paste (the block reads them from API, SBX and JIFEN). The service runs on the suite's backend:
the embedded defaults (SQLite + in-process Redis, what `scripts/dev` runs), or PostgreSQL + Redis.

On the data the walkthrough leaves, the console (as a marketer and as an admin) and the workbench (as the
walkthrough's guide, given an SOP task) are crawled and every form is fuzzed (tests/formfuzz.py): never a 5xx.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.config import load_settings
from tests.conftest import BACKEND, PG_ADMIN_URL, REDIS_TEST_URL, ROOT, RUN_ID, _check_services, _pg_admin
from tests.formfuzz import Fuzzer


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def walkthrough() -> str:
    text = (ROOT / "README.md").read_text()
    m = re.search(r"<!-- walkthrough -->(.*?)<!-- /walkthrough -->", text, re.S)
    assert m, "README has no walkthrough block"
    blocks = re.findall(r"```bash\n(.*?)```", m.group(1), re.S)
    assert blocks
    return "\n".join(blocks)


def _wait_ready(url: str, proc: subprocess.Popen[bytes], seconds: float | None = None) -> None:
    """Wait as long as `jifen serve` gives its workers to start (`[server] worker_start_seconds`), and a little
    more: on a loaded CI host (both suites on two cores) the embedded server's start has taken over a minute."""
    if seconds is None:
        seconds = load_settings(env={}).server.worker_start_seconds + 30
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"jifen serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} not ready after {seconds}s")


@dataclass
class Walked:
    """The service after README's walkthrough ran against it: its data is what an operator's first day leaves."""

    api: str
    env: dict[str, str]
    run: subprocess.CompletedProcess[str]
    log: Path

    def warnings_and_errors(self) -> list[str]:
        """The service's ERROR and WARNING records so far (for failure messages: an outage's 503 is logged at
        WARNING, with its cause): the message and the exception's last line."""
        out = []
        for line in self.log.read_text(errors="replace").splitlines():
            if '"level": "ERROR"' in line or '"level": "WARNING"' in line:
                record = json.loads(line)
                out.append(f"{record.get('level')} {record.get('msg')}: "
                           f"{(record.get('exc') or '').strip().splitlines()[-1:]}")
        return out

    def call(self, method: str, path: str, token: str | None, body: dict[str, Any] | None = None,
             headers: dict[str, str] | None = None) -> Any:
        """One JSON API call that must succeed (test set-up): its answer, or an AssertionError saying why not."""
        req = urllib.request.Request(f"{self.api}{path}", method=method, data=json.dumps(body).encode() if body
                                     else None, headers={"Content-Type": "application/json", **(headers or {}),
                                                         **({"Authorization": f"Bearer {token}"} if token else {})})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return json.loads(resp.read())
        except urllib.error.HTTPError as exc:
            raise AssertionError(f"{method} {path} -> {exc.code}: {exc.read()[:500]!r}") from exc

    def staff_token(self, role: str, *args: str) -> str:
        """A bearer token minted the way README mints one (`jifen admin token`)."""
        out = subprocess.run([sys.executable, "-m", "jifen.cli", "admin", "token", "--role", role, *args], cwd=ROOT,
                             env=self.env, capture_output=True, text=True, timeout=60, check=True)
        return out.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walked]:
    """`jifen serve` on the suite's backend (the embedded defaults, or PostgreSQL + Redis), with README's
    walkthrough run against it (once per module)."""
    tmp_path = tmp_path_factory.mktemp("walkthrough")
    api_port, sbx_port = _free_port(), _free_port()
    api, sbx = f"http://127.0.0.1:{api_port}", f"http://127.0.0.1:{sbx_port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIFEN_")}
    env.update(_backend(tmp_path))
    env.update({
        "JIFEN_AUTH_SECRET": "walkthrough-secret-0123456789abcdef0123456789",
        "JIFEN_SERVER_PORT": str(api_port), "JIFEN_SANDBOX_PORT": str(sbx_port),
        "JIFEN_SANDBOX_KEYS_DIR": str(tmp_path / "keys"),
        "JIFEN_WECHAT_API_BASE": sbx, "JIFEN_WECOM_API_BASE": sbx, "JIFEN_WECHATPAY_API_BASE": sbx,
        "JIFEN_LOG_LEVEL": "WARNING",
        "API": api, "SBX": sbx, "JIFEN": f"{shlex.quote(sys.executable)} -m jifen.cli",
    })
    if BACKEND == "postgres":  # `jifen serve` migrates only the embedded database itself (README, production)
        subprocess.run([sys.executable, "-m", "jifen.cli", "migrate"], cwd=ROOT, env=env, check=True, timeout=120,
                       capture_output=True)
    log = (tmp_path / "serve.log").open("wb")  # the service's own log: what a failure below is explained by
    server = subprocess.Popen([sys.executable, "-m", "jifen.cli", "serve"], cwd=ROOT, env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_ready(f"{api}/healthz", server)
        _wait_ready(f"{sbx}/__sandbox__/health", server)
        script = "set -euo pipefail\n" + walkthrough()
        run = subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=240)
        yield Walked(api, env, run, tmp_path / "serve.log")
    finally:
        os.killpg(server.pid, 15)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
        log.close()
        if BACKEND == "postgres":
            _drop_backend(env)


def _backend(tmp_path: Path) -> dict[str, str]:
    """The suite's backend for the service: embedded (a SQLite file, in-process Redis), or a fresh PostgreSQL
    database and the suite's Redis db under a prefix of its own."""
    if BACKEND != "postgres":
        return {"JIFEN_DATABASE_URL": f"sqlite://{tmp_path / 'jifen.sqlite3'}"}
    asyncio.run(_check_services())
    dbname = f"jifen_walk_{RUN_ID}"
    asyncio.run(_pg_admin(f'CREATE DATABASE "{dbname}"'))
    return {"JIFEN_DATABASE_URL": f"{PG_ADMIN_URL}/{dbname}", "JIFEN_REDIS_URL": REDIS_TEST_URL,
            "JIFEN_REDIS_PREFIX": f"jifen-walk-{RUN_ID}:"}


def _drop_backend(env: dict[str, str]) -> None:
    import redis

    asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{env["JIFEN_DATABASE_URL"].rsplit("/", 1)[1]}" WITH (FORCE)'))
    r = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        keys = list(r.scan_iter(match=f"{env['JIFEN_REDIS_PREFIX']}*", count=500))
        if keys:
            r.delete(*keys)
    finally:
        r.close()


def test_readme_walkthrough_runs_as_written(walked: Walked) -> None:
    run = walked.run
    assert run.returncode == 0, f"stdout:\n{run.stdout[-4000:]}\nstderr:\n{run.stderr[-4000:]}"
    assert "WALKTHROUGH OK" in run.stdout


@pytest.fixture(scope="module")
def operated(walked: Walked) -> Walked:
    """The walkthrough's data plus what it does not make, so that every kind of page has a record to show: a
    published lottery a member has drawn from and a draft one, a content edition, a campaign plan, an SOP task for
    the walkthrough's guide (handed out by the scheduler), a pending adjustment request."""
    assert walked.run.returncode == 0, "the walkthrough failed: see test_readme_walkthrough_runs_as_written"
    admin = walked.staff_token("admin", "--name", "表单测试-准备")
    mkt = walked.staff_token("marketer", "--name", "表单测试-SOP")
    member = walked.call("POST", "/api/v1/auth/login", None, {"code": "sandbox:formfuzz"})
    mid = member["member"]["id"]
    walked.call("POST", f"/admin/v1/members/{mid}/adjustments", admin,
                {"amount": 500, "reason": "表单测试", "idempotency_key": "formfuzz-points"})
    lotteries = "/admin/v1/mall/lotteries"
    for publish in (True, False):
        lot = walked.call("POST", lotteries, admin, {"name": "表单测试转盘", "cost_points": 10})
        for prize in ({"name": "谢谢参与", "kind": "points", "points": 1, "weight": 5, "consolation": True},
                      {"name": "50积分", "kind": "points", "points": 50, "weight": 1, "stock_total": 10}):
            walked.call("POST", f"{lotteries}/{lot['id']}/prizes", admin, prize)
        if publish:
            walked.call("POST", f"{lotteries}/{lot['id']}/publish", admin)
            walked.call("POST", f"/api/v1/mall/lotteries/{lot['id']}/draws", member["token"],
                        headers={"Idempotency-Key": "formfuzz-draw"})
    cover = walked.call("POST", "/admin/v1/content/images", mkt, {"filename": "pic.png", "purpose": "cover",
                        "data_base64": base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"formfuzz" * 10).decode()})
    edition = walked.call("POST", "/admin/v1/editions", mkt, {"title": "表单测试期", "mode": "publish", "articles": [
        {"role": "headline", "title": "会员日", "content": "<p>积分翻倍</p>", "cover_image_id": cover["id"],
         "author": "品牌", "digest": "摘要"}]})
    today = datetime.now(UTC).date()
    walked.call("POST", f"/admin/v1/editions/{edition['id']}/schedule", mkt,  # on the calendar, hence linked
                {"at": f"{today + timedelta(days=1)}T09:00:00+08:00"})
    walked.call("POST", "/admin/v1/content-plans", mkt, {
        "name": "表单测试计划", "goal": "签到", "goal_metric": "checkins", "goal_target": 100,
        "reach_channels": ["公众号"], "warmup_on": str(today), "formal_on": str(today + timedelta(days=3)),
        "closing_on": str(today + timedelta(days=5)), "ends_on": str(today + timedelta(days=7))})
    walked.call("POST", "/admin/v1/adjustment-requests", mkt,
                {"member_id": mid, "amount": 50_000, "reason": "表单测试", "idempotency_key": "formfuzz-request"})
    _give_the_guide_a_task(walked, mkt, wait=False)
    return walked


@pytest.mark.parametrize(("role", "args", "roots"), [
    ("marketer", ("--name", "表单测试-市场"), ("/console",)),
    ("admin", ("--name", "表单测试-管理"), ("/console",)),
    ("guide", ("--wecom-userid", "guide01"), ("/workbench",)),  # the walkthrough's guide, with a store
])
def test_every_page_and_form_survives_hostile_input(operated: Walked, role: str, args: tuple[str, ...],
                                                    roots: tuple[str, ...]) -> None:
    """Every console / workbench page a role reaches by links from its landing page, on the walkthrough's data
    (and `operated`'s), and every form on them, submitted with hostile values field by field (tests/formfuzz.py):
    never a 5xx."""
    walked = operated
    if role == "guide":  # a task of its own: the console's fuzzing may have cancelled `operated`'s
        _give_the_guide_a_task(walked, walked.staff_token("marketer", "--name", "表单测试-SOP"))
    fuzzer = Fuzzer(walked.api, walked.staff_token(role, *args), roots)
    fuzzer.fuzz()
    assert fuzzer.forms_posted > 0, "no form was found: the crawl did not get past the sign-in page"
    assert not fuzzer.failures, "\n".join([*fuzzer.failures[:40], "service log:", *walked.warnings_and_errors()[-20:]])


def test_null_for_any_field_of_any_update_is_never_a_500(operated: Walked) -> None:
    """Every PATCH / PUT in the API document, on records that exist (id 1 of each kind, made by the walkthrough and
    `operated`), with each of its body's fields set to null in turn: a 2xx or a 4xx, never a 5xx. (Null for a
    field that is optional but not nullable had reached the database as a 500 on editions.)"""
    walked = operated
    spec = json.loads(urllib.request.urlopen(f"{walked.api}/docs/openapi.json", timeout=30).read())
    tokens = {"/admin/": walked.staff_token("admin", "--name", "表单测试-空值"),
              "/api/": walked.call("POST", "/api/v1/auth/login", None, {"code": "sandbox:formfuzz"})["token"]}
    failures, tried = [], 0
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            token = next((t for prefix, t in tokens.items() if path.startswith(prefix)), None)
            schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            if method not in ("patch", "put") or token is None:
                continue
            if "$ref" in schema:
                schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
            url = walked.api + re.sub(r"\{[^}]+\}", "1", path)
            for field in schema.get("properties", {}):
                tried += 1
                req = urllib.request.Request(url, method=method.upper(), data=json.dumps({field: None}).encode(),
                                             headers={"Authorization": f"Bearer {token}",
                                                      "Content-Type": "application/json"})
                try:
                    with urllib.request.urlopen(req, timeout=30) as resp:
                        status = resp.status
                except urllib.error.HTTPError as exc:
                    status = exc.code
                if status >= 500:
                    failures.append(f"{method.upper()} {path} {{{field!r}: null}} -> {status}")
    assert tried > 50, tried
    assert not failures, "\n".join([*failures, "service log:", *walked.warnings_and_errors()[-20:]])


def _give_the_guide_a_task(walked: Walked, mkt: str, *, wait: bool = True) -> None:
    """An SOP task for the walkthrough's guide, started now, and (`wait`) the wait for the scheduler to hand it out
    (it looks every 30 s)."""
    guide = walked.staff_token("guide", "--wecom-userid", "guide01")
    me = walked.call("GET", "/guide/v1/whoami", guide)
    tpl = walked.call("POST", "/admin/v1/sop/templates", mkt, {
        "kind": "invitation", "name": "表单测试邀请", "content": {"text": "会员日邀请", "link_url": "https://example.com/e"}})
    now = datetime.now(UTC)
    task = walked.call("POST", "/admin/v1/sop/tasks", mkt, {
        "template_id": tpl["id"], "targets": {"staff_ids": [me["staff_id"]]}, "start_at": now.isoformat(),
        "deadline_at": (now + timedelta(days=2)).isoformat()})
    deadline = time.monotonic() + (120 if wait else 0)
    while time.monotonic() < deadline:
        if any(a["task_id"] == task["id"] for a in walked.call("GET", "/guide/v1/tasks", guide)["items"]):
            return
        time.sleep(2)
    if wait:
        raise AssertionError("the guide got no task within 120 s")
