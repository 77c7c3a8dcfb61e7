"""Browser fixtures: Debian's headless Chromium, driven by Playwright, over a locally served build.

Locally the browser tests skip with a reason when Chromium is missing; under
CI=true they fail instead, so that CI never passes without running them.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from ..conftest import Build

CHROMIUM = os.environ.get("HANDBOOK_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium tries to reach Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing_browser() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    return None


class Server:
    """A static file server on 127.0.0.1 for one built site."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}/"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        return


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = _missing_browser()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def site_server(default_build: Build) -> Iterator[Server]:
    """The default organisation's strict build, served on localhost."""
    server = Server(default_build.site)
    yield server
    server.close()


def addresses(site: Path) -> list[str]:
    """Every page of a built site, found in the build itself: each index.html, and 404.html."""
    found = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    pages = ["" if a == "." else a + "/" for a in found]
    return pages + (["404.html"] if (site / "404.html").exists() else [])


@dataclass
class Guard:
    """Watches one browser context: requests to other hosts (aborted), console errors, page errors, dialogs."""

    origin: str
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)

    def watch(self, context: Any) -> None:
        context.route("**/*", self._route)
        context.on("page", self._page)
        for tab in context.pages:
            self._page(tab)

    def _route(self, route: Any) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in {"http", "https"} and parts.hostname == "127.0.0.1" and url.startswith(self.origin):
            self.requested.append(url)
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _page(self, tab: Any) -> None:
        def console(msg: Any) -> None:
            if msg.type == "error":
                self.errors.append(f"{tab.url}: console: {msg.text}")

        def dialog(d: Any) -> None:
            self.dialogs.append(f"{tab.url}: {d.type}: {d.message}")
            d.dismiss()

        tab.on("console", console)
        tab.on("pageerror", lambda exc: self.errors.append(f"{tab.url}: page error: {exc}"))
        tab.on("dialog", dialog)

    def assert_clean(self) -> None:
        assert not self.outside, "requests to other hosts:\n" + "\n".join(self.outside)
        assert not self.errors, "errors in the browser:\n" + "\n".join(self.errors)
        assert not self.dialogs, "dialogs opened:\n" + "\n".join(self.dialogs)


def guarded_context(browser: Any, server: Server, **options: Any) -> tuple[Any, Guard]:
    """A desktop-sized Dutch browser context whose every request is checked by a Guard."""
    context = browser.new_context(
        viewport=options.pop("viewport", {"width": 1280, "height": 900}), locale="nl-NL", **options
    )
    guard = Guard(server.url)
    guard.watch(context)
    return context, guard


@pytest.fixture
def guard(browser: Any, site_server: Server) -> Iterator[tuple[Any, Guard]]:
    """A page on the default site, and the Guard of its context (asserted clean at the end of the test)."""
    context, watcher = guarded_context(browser, site_server)
    tab = context.new_page()
    yield tab, watcher
    context.close()
    watcher.assert_clean()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh desktop-sized page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    tab = context.new_page()
    yield tab
    context.close()


# Filled by the tests that visit whole sites, for the summary below.
VISITED: dict[str, int] = {}


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """A line in the test output with the count of browser tests, so that CI shows they ran."""
    counts = {}
    for outcome in ("passed", "failed", "error", "skipped"):
        reports = terminalreporter.stats.get(outcome, [])
        nodes = {r.nodeid for r in reports if getattr(r, "nodeid", "").startswith("tests/browser/")}
        counts[outcome] = len(nodes)
    if not any(counts.values()):
        return
    pages = ", ".join(f"{n} pages of the {name} site" for name, n in VISITED.items())
    line = ", ".join(f"{n} {k}" for k, n in counts.items())
    terminalreporter.write_sep("-", f"browser tests (Chromium): {line}" + (f"; visited {pages}" if pages else ""))
