"""Browser fixtures (QUALITY.md §3): the system Chromium through Playwright, the app under test
served by Waitress in a thread over a fresh database, every request fenced to 127.0.0.1.

Never run ``playwright install``: the browser is the OS package (``/usr/bin/chromium``) or the
executable named by ``SISAKAT_CHROMIUM``. Journeys use ``page`` (1280x800) and ``phone_page``
(360x740); both fail the test on a request to any other host, on console errors and on page
errors, and save ``failure.png`` into the test's tmp folder when the test fails.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from tests.conftest import require_or_skip

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
ALLOWED_HOST = "127.0.0.1"


def chromium_path() -> str | None:
    """The OS Chromium: ``SISAKAT_CHROMIUM``, ``/usr/bin/chromium`` or whatever is on PATH."""
    configured = os.environ.get("SISAKAT_CHROMIUM", "").strip()
    if configured:
        return configured if os.path.exists(configured) else None
    if os.path.exists("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's report on the item so fixtures can see whether the test failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


# Package scope: Playwright's sync API keeps an asyncio loop marked running in this thread
# while it lives, which breaks asyncio.run() in code under test elsewhere (pyHanko signing).
@pytest.fixture(scope="package")
def browser():
    """Headless system Chromium; skipped with a reason when absent (fatal in CI)."""
    exe = chromium_path()
    if not exe:
        require_or_skip("Chromium dari paket OS tidak ditemukan (setel SISAKAT_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_or_skip("paket playwright tidak terpasang (requirements-dev.txt)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@dataclass
class LiveServer:
    """The app under test, served by Waitress on an ephemeral 127.0.0.1 port."""

    app: object
    url: str
    server: object = field(repr=False)


@pytest.fixture
def live_server(csrf_app):
    """Serve a fresh app (fresh instance, uploads and database; CSRF on, as in production) with
    Waitress in a thread. The test keeps the app context, so factories can create users."""
    from tests.waitress_thread import served

    options = {"host": ALLOWED_HOST, "port": 0, "threads": 4, "ident": "SISAKAT-test"}
    with served(csrf_app, **options) as server:
        yield LiveServer(
            app=csrf_app, url=f"http://{ALLOWED_HOST}:{server.effective_port}", server=server
        )


@dataclass
class PageGuard:
    """What a page did that must fail the test."""

    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Human-readable list of violations."""
        return [f"permintaan ke luar 127.0.0.1: {u}" for u in self.foreign_requests] + [
            f"galat konsol: {m}" for m in self.console_errors
        ]


def _guarded_page(browser, live_server, request, tmp_path, viewport):
    guard = PageGuard()
    context = browser.new_context(viewport=viewport, base_url=live_server.url, locale="id-ID")

    def fence(route):
        if urlsplit(route.request.url).hostname == ALLOWED_HOST:
            route.continue_()
        else:
            guard.foreign_requests.append(route.request.url)
            route.abort()

    context.route("**/*", fence)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and guard.console_errors.append(m.text))
    page.on("pageerror", lambda exc: guard.console_errors.append(str(exc)))
    return context, page, guard


def _finish(context, page, guard, request, tmp_path) -> None:
    report = getattr(request.node, "rep_call", None)
    problems = guard.problems()
    if (report is not None and report.failed) or problems:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
    context.close()
    if problems:
        pytest.fail("; ".join(problems) + f" (tangkapan layar: {tmp_path / 'failure.png'})")


@pytest.fixture
def page(browser, live_server, request, tmp_path):
    """A 1280x800 page whose base URL is the live server."""
    context, pg, guard = _guarded_page(browser, live_server, request, tmp_path, DESKTOP)
    yield pg
    _finish(context, pg, guard, request, tmp_path)


@pytest.fixture
def phone_page(browser, live_server, request, tmp_path):
    """A 360x740 page (phones are how most applicants reach the service)."""
    context, pg, guard = _guarded_page(browser, live_server, request, tmp_path, PHONE)
    yield pg
    _finish(context, pg, guard, request, tmp_path)
