"""Processes `jifen serve` manages beside the HTTP workers in dev: the sandbox and the scheduler.

They are spawned once by Sanic's main process (main_process_ready), never per worker, so the scheduler
does not run N times with N workers. Production runs `jifen scheduler` separately.
"""

from __future__ import annotations

import logging

from sanic import Sanic

from app.config import Settings


def sandbox_process(host: str, port: int) -> None:
    from app.logging_setup import configure_logging
    from sandbox.server import run_sandbox

    configure_logging("INFO")
    logging.basicConfig(level=logging.INFO)
    run_sandbox(host, port)


def scheduler_process(settings: Settings) -> None:
    from app.logging_setup import configure_logging
    from tasks.scheduler import run_scheduler

    configure_logging(settings.log.level)
    run_scheduler(settings)


def attach_managed_processes(app: Sanic, settings: Settings) -> None:
    @app.main_process_ready
    async def spawn(app: Sanic) -> None:
        if settings.sandbox.enabled:
            app.manager.manage("Sandbox", sandbox_process,
                               {"host": settings.sandbox.host, "port": settings.sandbox.port}, transient=False)
        if settings.server.embedded_scheduler:
            app.manager.manage("Scheduler", scheduler_process, {"settings": settings}, transient=False)
