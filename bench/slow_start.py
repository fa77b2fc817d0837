"""Run a Sanic server command with a longer worker start-up allowance (`BENCH_WORKER_ACK_SECONDS`, default 120).

Why: Sanic's main process kills the server when a worker has not acknowledged its start within 30 s (a class
constant, no setting). On the shared 2-core machine, with other sessions' test suites running, a jifen worker
needs ~2.5 s of CPU to import and start but can wait 30+ s for it, so whole runs aborted before measuring.
Only the allowance changes; the server is the same `jifen serve` (or ceiling app) code.

Usage: `python -m bench.slow_start jifen serve --workers N` or `python -m bench.slow_start ceiling --port P ...`.
"""

from __future__ import annotations

import os
import sys


def _allow_slow_start() -> None:
    from sanic.worker.manager import WorkerManager
    from sanic.worker.process import WorkerProcess

    tenths = int(float(os.environ.get("BENCH_WORKER_ACK_SECONDS", "120")) * 10)
    WorkerProcess.THRESHOLD = tenths
    WorkerManager.THRESHOLD = tenths


def main() -> int:
    _allow_slow_start()
    what, args = sys.argv[1], sys.argv[2:]
    if what == "jifen":
        from jifen.cli import main as jifen_main

        return jifen_main(args)
    if what == "ceiling":
        from bench import ceiling_app

        sys.argv = ["bench.ceiling_app", *args]
        ceiling_app.main()
        return 0
    raise SystemExit(f"unknown server {what!r}")


if __name__ == "__main__":
    sys.exit(main())
