"""Run a Sanic server command with a longer worker start-up allowance (`BENCH_WORKER_ACK_SECONDS`, default 120).

Why: Sanic's main process kills the server when a worker has not acknowledged its start within 30 s (a class
constant, no setting). On the shared 2-core machine, with other sessions' test suites running, a jifen worker
needs ~2.5 s of CPU to import and start but can wait 30+ s for it, so whole runs aborted before measuring.
`jifen serve` has its own setting for this (`[server] worker_start_seconds`, set here from the same variable);
the ceiling app gets the same allowance through `jifen.cli.allow_worker_start`. Only the allowance changes; the
server is the same `jifen serve` (or ceiling app) code.

Usage: `python -m bench.slow_start jifen serve --workers N` or `python -m bench.slow_start ceiling --port P ...`.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    from jifen.cli import allow_worker_start

    seconds = os.environ.get("BENCH_WORKER_ACK_SECONDS", "120")
    what, args = sys.argv[1], sys.argv[2:]
    if what == "jifen":
        from jifen.cli import main as jifen_main

        os.environ["JIFEN_SERVER_WORKER_START_SECONDS"] = str(int(float(seconds)))
        return jifen_main(args)
    if what == "ceiling":
        allow_worker_start(float(seconds))
        from bench import ceiling_app

        sys.argv = ["bench.ceiling_app", *args]
        ceiling_app.main()
        return 0
    raise SystemExit(f"unknown server {what!r}")


if __name__ == "__main__":
    sys.exit(main())
