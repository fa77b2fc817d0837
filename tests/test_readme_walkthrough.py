"""README's walkthrough runs as written against the service `scripts/dev` starts (embedded defaults).

The README block between `<!-- walkthrough -->` and `<!-- /walkthrough -->` is executed by bash with
`set -euo pipefail` against a real `jifen serve` (SQLite + in-process Redis + the sandbox, as `scripts/dev`
runs it) on free ports, so the documentation cannot drift from the API. Only the ports, the data directory and
the command name differ from a reader's copy-paste (the block reads them from API, SBX and JIFEN).
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from app.config import load_settings
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(os.environ.get("JIFEN_TEST_BACKEND", "embedded") != "embedded",
                                reason="the walkthrough is about the embedded defaults; run once per suite")


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


def test_readme_walkthrough_runs_as_written(tmp_path: Path) -> None:
    api_port, sbx_port = _free_port(), _free_port()
    api, sbx = f"http://127.0.0.1:{api_port}", f"http://127.0.0.1:{sbx_port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIFEN_")}
    env.update({
        "JIFEN_DATABASE_URL": f"sqlite://{tmp_path / 'jifen.sqlite3'}",
        "JIFEN_AUTH_SECRET": "walkthrough-secret-0123456789abcdef0123456789",
        "JIFEN_SERVER_PORT": str(api_port), "JIFEN_SANDBOX_PORT": str(sbx_port),
        "JIFEN_SANDBOX_KEYS_DIR": str(tmp_path / "keys"),
        "JIFEN_WECHAT_API_BASE": sbx, "JIFEN_WECOM_API_BASE": sbx, "JIFEN_WECHATPAY_API_BASE": sbx,
        "JIFEN_LOG_LEVEL": "WARNING",
        "API": api, "SBX": sbx, "JIFEN": f"{shlex.quote(sys.executable)} -m jifen.cli",
    })
    server = subprocess.Popen([sys.executable, "-m", "jifen.cli", "serve"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _wait_ready(f"{api}/healthz", server)
        _wait_ready(f"{sbx}/__sandbox__/health", server)
        script = "set -euo pipefail\n" + walkthrough()
        run = subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=240)
        assert run.returncode == 0, f"stdout:\n{run.stdout[-4000:]}\nstderr:\n{run.stderr[-4000:]}"
        assert "WALKTHROUGH OK" in run.stdout
    finally:
        os.killpg(server.pid, 15)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
