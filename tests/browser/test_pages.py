"""Every page of the default site in Chromium: no other hosts, no errors, no serious axe violations, keyboard.

The pages are found in the build itself (every index.html, and 404.html), so a
new page is checked without touching this file. One pass visits each page once
(see audit.py); the tests below each read one aspect of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from ..conftest import Build
from .audit import PageAudit, audit_page, axe_violations, prepare, reachable
from .conftest import VISITED, Guard, Server, addresses, guarded_context


@dataclass
class SiteAudit:
    origin: str
    pages: dict[str, PageAudit]
    guard: Guard


@pytest.fixture(scope="session")
def site_audit(browser: Any, site_server: Server, default_build: Build) -> Iterator[SiteAudit]:
    context, guard = guarded_context(browser, site_server)
    prepare(context)
    tab = context.new_page()
    pages = {a: audit_page(tab, site_server.url, a) for a in addresses(default_build.site)}
    VISITED["default"] = len(pages)
    yield SiteAudit(site_server.url, pages, guard)
    context.close()


def _report(lines: list[str]) -> str:
    return "\n".join(lines[:60]) + (f"\n... and {len(lines) - 60} more" if len(lines) > 60 else "")


def test_every_page_of_the_build_was_visited(site_audit: SiteAudit, default_build: Build) -> None:
    visited = set(site_audit.pages)
    assert visited == set(addresses(default_build.site))
    assert {"", "404.html", "mensen/erik-smit/", "stappen/uitvoering/"} <= visited
    # The pages really loaded from the local server, with their styles and scripts.
    requested = " ".join(site_audit.guard.requested)
    assert "search_index.json" in requested and "handboek.css" in requested and "bundle." in requested


def test_no_request_to_another_host(site_audit: SiteAudit) -> None:
    assert site_audit.guard.outside == [], _report(site_audit.guard.outside)


def test_no_console_errors_and_no_dialogs(site_audit: SiteAudit) -> None:
    assert site_audit.guard.errors == [], _report(site_audit.guard.errors)
    assert site_audit.guard.dialogs == [], _report(site_audit.guard.dialogs)


def test_no_serious_or_critical_accessibility_violations(site_audit: SiteAudit) -> None:
    found = [f"/{a}: {v}" for a, audit in site_audit.pages.items() for v in audit.violations]
    assert found == [], "axe-core (WCAG 2.1 A/AA):\n" + _report(found)


def test_every_tab_stop_is_visible_and_shows_focus(site_audit: SiteAudit) -> None:
    bad = [
        f"/{a}: {s.target} {s.text!r}: {s.problem()}"
        for a, audit in site_audit.pages.items()
        for s in audit.stops
        if not s.shows_focus
    ]
    assert bad == [], _report(bad)


def test_tab_leaves_every_page_and_starts_with_the_skip_link(site_audit: SiteAudit) -> None:
    trapped = [a for a, audit in site_audit.pages.items() if audit.trapped]
    assert trapped == [], f"focus never leaves: {trapped}"
    first = {a: audit.stops[0].text if audit.stops else None for a, audit in site_audit.pages.items()}
    assert set(first.values()) == {"Naar de inhoud"}, first


def test_every_page_can_be_reached_with_tab_alone(site_audit: SiteAudit) -> None:
    pages = set(site_audit.pages) - {"404.html"}
    missing = pages - reachable(site_audit.pages, site_audit.origin)
    assert missing == set(), f"not reachable from the home page with Tab and Enter: {sorted(missing)}"


def test_the_checks_themselves_catch_what_they_look_for(browser: Any, site_server: Server) -> None:
    """A page that breaks every rule on purpose: each check above must notice."""
    context, guard = guarded_context(browser, site_server)
    prepare(context)
    tab = context.new_page()
    tab.goto(site_server.url + "404.html")
    tab.evaluate("""() => {
        document.body.insertAdjacentHTML('beforeend', '<img src="https://example.org/font.woff2">');
        document.body.insertAdjacentHTML('beforeend', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
        console.error('kapot');
    }""")
    tab.wait_for_function("document.images.length >= 2")
    violations = axe_violations(tab)
    context.close()
    assert guard.outside == ["https://example.org/font.woff2"]
    assert any("kapot" in e for e in guard.errors)
    assert "image-alt" in {v.rule for v in violations}
