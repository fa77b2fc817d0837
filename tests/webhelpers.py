"""Browser tests of the web pages: Debian's Chromium driven by Playwright (async API, in the session's event loop
with the test server, so the page and the app share one loop and the pinned business clock).

No browser is ever downloaded: Chromium comes from `apt-get install chromium` (JIFEN_CHROMIUM overrides the
path). Without it (or without the playwright package) the browser tests are skipped with a message saying so;
under CI=true they fail instead, as the issue wants them mandatory there.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

DOCS_SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def chromium_path() -> str | None:
    path = os.environ.get("JIFEN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if os.environ.get("JIFEN_CHROMIUM"):  # an explicit path is the only one tried
        path = os.environ["JIFEN_CHROMIUM"]
    return path if Path(path).exists() else None


def _unavailable(reason: str) -> None:
    message = f"browser tests need {reason} (apt-get install -y chromium; pip install playwright; never `playwright " \
              f"install`)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true: {message}", pytrace=False)
    pytest.skip(message)


@pytest_asyncio.fixture(scope="session", name="browser")
async def browser_fixture() -> AsyncIterator[Any]:
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        _unavailable("the playwright package")
    path = chromium_path()
    if path is None:
        _unavailable("Debian's chromium at /usr/bin/chromium")
    async with async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-gpu"])
        try:
            yield b
        finally:
            await b.close()


@pytest_asyncio.fixture(name="page")
async def page_fixture(browser: Any, app: Any) -> AsyncIterator[Any]:
    """A fresh browser context (no cookies) per test, with the test server as its base URL."""
    context = await browser.new_context(base_url=app.ctx.test_url, locale="zh-CN", viewport={"width": 1280,
                                                                                             "height": 900})
    await context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app.ctx.test_url)
    p = await context.new_page()
    p.set_default_timeout(10_000)
    try:
        yield p
    finally:
        await context.close()


def expect(target: Any) -> Any:
    """Playwright's retrying assertions, imported late so a machine without playwright skips (see above)."""
    from playwright.async_api import expect as pw_expect

    return pw_expect(target)


def screenshots_dir() -> Path:
    """Where the screenshots go: README's `docs/screenshots/` only when asked (`JIFEN_SCREENSHOTS=docs`, or any
    directory); otherwise a temporary directory, so a test run leaves the work tree as it was (every render
    differs in its bytes) while the pages are still rendered in full."""
    wanted = os.environ.get("JIFEN_SCREENSHOTS", "")
    if wanted == "docs":
        return DOCS_SCREENSHOTS
    return Path(wanted) if wanted else Path(tempfile.gettempdir()) / f"jifen-screenshots-{os.getpid()}"


async def screenshot(page: Any, name: str) -> None:
    target = screenshots_dir()
    target.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(target / f"{name}.png"), full_page=True)
    assert (target / f"{name}.png").stat().st_size > 0
