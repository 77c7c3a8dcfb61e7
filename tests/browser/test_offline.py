"""The copy for a shared drive (HANDBOOK_OFFLINE=1), opened from file:// in Chromium.

No web server: every request must be a file inside the site's folder. A person's page is
found through search and through the menu, and no page logs an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ..conftest import Build
from .conftest import VISITED, Guard

RESULTS = ".md-search-result__list > .md-search-result__item > a.md-search-result__link"


class FolderGuard(Guard):
    """A Guard for a site opened from a folder: only files inside ``origin`` may load."""

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.origin):
            self.requested.append(url)
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


@pytest.fixture
def offline(browser: Any, offline_build: Build) -> Iterator[tuple[Any, FolderGuard, str]]:
    """A tab, the guard of its context, and the file:// address of the offline site's folder."""
    root = offline_build.site.as_uri() + "/"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    guard = FolderGuard(root)
    guard.watch(context)
    tab = context.new_page()
    yield tab, guard, root
    context.close()
    guard.assert_clean()


def test_search_finds_a_person_without_a_server(offline: tuple[Any, FolderGuard, str]) -> None:
    tab, guard, root = offline
    tab.goto(root + "index.html")
    box = tab.get_by_role("textbox", name="Zoeken")
    box.click()
    box.fill("Erik Smit")
    box.press("End")
    first = tab.locator(RESULTS).first
    first.wait_for()
    assert first.evaluate("a => a.href").startswith(root + "mensen/erik-smit.html")
    first.click()
    tab.wait_for_load_state()
    assert tab.url.startswith(root + "mensen/erik-smit.html")
    assert tab.title().startswith("Erik Smit - Handboek")
    requested = " ".join(guard.requested)
    # The index came as a script from the folder, through the shim that the site serves itself.
    assert "search/search_index.js" in requested and "assets/vendor/iframe-worker/shim.js" in requested
    guard.assert_clean()


def test_the_menu_leads_to_a_person(offline: tuple[Any, FolderGuard, str]) -> None:
    tab, guard, root = offline
    tab.goto(root + "keten.html")  # the home page shows no menu beside the text
    tab.locator(".md-nav--primary").get_by_role("link", name="Mensen", exact=True).first.click()
    tab.wait_for_load_state()
    assert tab.url == root + "mensen.html"  # docs/mensen.md: a page, not a folder with an index
    tab.locator("article").get_by_role("link", name="Erik Smit").first.click()
    tab.wait_for_load_state()
    assert tab.url == root + "mensen/erik-smit.html"
    assert tab.title().startswith("Erik Smit - Handboek")
    # On through the menu, to a step page.
    tab.locator(".md-nav--primary").get_by_role("link", name="Uitvoering").first.click()
    tab.wait_for_load_state()
    assert tab.url == root + "stappen/uitvoering.html"
    guard.assert_clean()


def test_every_page_opens_from_the_folder_without_errors(
    offline: tuple[Any, FolderGuard, str], offline_build: Build
) -> None:
    tab, guard, root = offline
    site = offline_build.site
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")
    for address in pages:
        tab.goto(root + address)
        tab.wait_for_load_state("load")
        # The page's own styles loaded: Material's layout is there, not a bare HTML page.
        assert tab.locator(".md-header").count() == 1, address
    VISITED["offline"] = len(pages)
    requested = " ".join(guard.requested)
    assert "handboek.css" in requested and "bundle." in requested
    # Print: the worksheet keeps its content in print media as well.
    tab.goto(root + "bijeenkomst/werkblad/leeg.html")
    tab.emulate_media(media="print")
    assert tab.locator("article").inner_text().strip()
    guard.assert_clean()
