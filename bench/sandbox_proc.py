"""The WeChat sandbox as a process, with the knobs its control API does not expose.

Why: the push scenario needs `SandboxState.subscribe_rate_per_second` (WeChat's 45009 answers), which is
only settable on the state object, so this wraps `sandbox.server.SandboxServer` around a configured state.
Run: `python -m bench.sandbox_proc --port P [--subscribe-rate N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import signal

from sandbox.server import SandboxServer
from sandbox.state import SandboxState


async def serve(port: int, rate: float | None) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with SandboxServer("127.0.0.1", port, SandboxState(subscribe_rate_per_second=rate)):
        await stop.wait()


def main() -> None:
    p = argparse.ArgumentParser(description="WeChat sandbox with bench knobs")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--subscribe-rate", type=float, default=None, help="subscribe sends per second before 45009")
    args = p.parse_args()
    try:
        import uvloop

        uvloop.run(serve(args.port, args.subscribe_rate))
    except ImportError:  # pragma: no cover
        asyncio.run(serve(args.port, args.subscribe_rate))


if __name__ == "__main__":
    main()
