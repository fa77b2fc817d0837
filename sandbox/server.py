"""Running the sandbox: in-process for tests (`SandboxServer`) or as a blocking process (`run_sandbox`).

Tests bind port 0 and read the real port back, so parallel runs never collide. `run_sandbox` is what
`jifen sandbox`, `python -m sandbox` and the subprocess managed by `jifen serve` execute.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from types import TracebackType

from aiohttp import web

from sandbox.app import create_sandbox_app
from sandbox.state import SandboxState

log = logging.getLogger("jifen.sandbox")


class SandboxServer:
    """`async with SandboxServer() as sb:` serves the sandbox on the running loop at `sb.url`."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, state: SandboxState | None = None, *,
                 access_log: bool = False) -> None:
        self.host = host
        self.port = port
        self.state = state if state is not None else SandboxState()
        self.app = create_sandbox_app(self.state)
        self._access_log = access_log
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    async def start(self) -> SandboxServer:
        kwargs = {} if self._access_log else {"access_log": None}
        self._runner = web.AppRunner(self.app, shutdown_timeout=1.0, **kwargs)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        self.port = self._runner.addresses[0][1]  # the real port when 0 was asked for
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> SandboxServer:
        return await self.start()

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.stop()


async def serve_forever(host: str, port: int) -> None:
    """Serve until SIGINT/SIGTERM (how `jifen serve` stops its managed sandbox)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # not on this platform / not the main thread
            pass
    async with SandboxServer(host, port, access_log=True) as sb:
        log.info("WeChat sandbox listening on %s (control API: %s/__sandbox__/health)", sb.url, sb.url)
        await stop.wait()
    log.info("WeChat sandbox stopped")


def run_sandbox(host: str, port: int) -> None:
    """Blocking entry point; uses uvloop when installed."""
    try:
        import uvloop
    except ImportError:
        asyncio.run(serve_forever(host, port))
    else:
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            runner.run(serve_forever(host, port))
