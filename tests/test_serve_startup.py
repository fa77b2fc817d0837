"""`jifen serve` gives its workers `[server] worker_start_seconds` to start. Sanic's main process SIGKILLs the whole
server (its process group) when a worker has not acknowledged its start within a class constant of 30 s; on a
loaded 2-core host the embedded server's start (imports, SQLite migrations, the sandbox's keys) took longer and
the README walkthrough's server died with -9 in CI."""

from __future__ import annotations

import argparse

import pytest
from sanic.worker.manager import WorkerManager
from sanic.worker.process import WorkerProcess

from app.config import load_settings
from jifen import cli


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
    monkeypatch.setattr("sanic.worker.loader.AppLoader.load", lambda self: type("App", (), {
        "prepare": lambda *a, **k: None, "main_process_ready": lambda *a, **k: (lambda fn: fn)})())
    with pytest.raises(Started):
        cli.cmd_serve(settings, argparse.Namespace(host=None, port=None, workers=None))
    assert (WorkerProcess.THRESHOLD, WorkerManager.THRESHOLD) == (750, 750)
    assert load_settings(env={}).server.worker_start_seconds == 120  # config.toml's default
