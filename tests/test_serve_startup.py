"""`jifen serve` gives its workers `[server] worker_start_seconds` to start. Sanic's main process SIGKILLs the whole
server (its process group) when a worker has not acknowledged its start within a class constant of 30 s; on a
loaded 2-core host the embedded server's start (imports, SQLite migrations, the sandbox's keys) took longer and
the README walkthrough's server died with -9 in CI."""

from __future__ import annotations

import argparse
from typing import Any

import pytest
from sanic import Sanic
from sanic.worker.loader import AppLoader
from sanic.worker.manager import WorkerManager
from sanic.worker.process import WorkerProcess

from app.config import load_settings
from jifen import cli, server


@pytest.fixture
def thresholds():
    saved = WorkerProcess.THRESHOLD, WorkerManager.THRESHOLD
    yield
    WorkerProcess.THRESHOLD, WorkerManager.THRESHOLD = saved


def test_the_allowance_is_set_in_tenths_for_the_workers_and_their_manager(thresholds) -> None:
    cli.allow_worker_start(45)
    assert (WorkerProcess.THRESHOLD, WorkerManager.THRESHOLD) == (450, 450)


def test_serve_applies_the_configured_allowance_before_it_starts_anything(thresholds, monkeypatch) -> None:
    settings = load_settings(env={"JIFEN_SERVER_WORKER_START_SECONDS": "75",
                                  "JIFEN_DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
                                  "JIFEN_AUTH_SECRET": "serve-startup-test-secret-0123456789abcdef"})
    assert settings.server.worker_start_seconds == 75

    class Started(Exception):
        pass

    def no_serve(**_: object) -> None:
        raise Started

    monkeypatch.setattr("sanic.Sanic.serve", no_serve)
    monkeypatch.setattr("sanic.Sanic.prepare", lambda *a, **k: None)
    with pytest.raises(Started):
        cli.cmd_serve(settings, argparse.Namespace(host=None, port=None, workers=None))
    assert (WorkerProcess.THRESHOLD, WorkerManager.THRESHOLD) == (750, 750)
    assert load_settings(env={}).server.worker_start_seconds == 120  # config.toml's default


def test_only_the_workers_build_the_app(monkeypatch) -> None:
    """Sanic's main process only supervises; it holds a bare app of the workers' app's name, and the loader it
    hands the workers builds the whole app (routes, docs) in each of them."""
    settings = load_settings(env={"JIFEN_DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
                                  "JIFEN_AUTH_SECRET": "serve-startup-test-secret-0123456789abcdef"})
    seen: dict[str, Any] = {}

    def capture(*, primary: Sanic, app_loader: AppLoader) -> None:
        seen.update(primary=primary, loader=app_loader)

    monkeypatch.setattr("sanic.Sanic.serve", capture)
    monkeypatch.setattr("sanic.Sanic.prepare", lambda *a, **k: None)
    monkeypatch.setattr(Sanic, "_app_registry", {})  # this test's two apps named "jifen" leave with it
    monkeypatch.setattr(Sanic, "test_mode", True)  # the worker's app below reuses the main process's name
    built: list[str] = []
    real_create_app = server.create_app
    monkeypatch.setattr(server, "create_app", lambda *a, **k: built.append("app") or real_create_app(*a, **k))
    cli.cmd_serve(settings, argparse.Namespace(host=None, port=None, workers=None))
    primary = seen["primary"]
    assert built == [] and primary.name == cli.SERVER_APP_NAME and not primary.router.routes
    assert primary.listeners["main_process_ready"]  # it still starts the dev sandbox and scheduler
    worker_app = seen["loader"].load()
    assert built == ["app"] and worker_app.name == primary.name
    assert {"/healthz", "/api/v1/auth/login"} <= {"/" + r.path.lstrip("/") for r in worker_app.router.routes}
