"""Material's search in the browser: its worker loads the index from the local server and finds the right page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from .audit import axe_violations
from .conftest import Guard, Server

RESULTS = ".md-search-result__list > .md-search-result__item > a.md-search-result__link"
# Material links each result with ?h=<the query>: so a list for a half-typed query is told apart.
FIRST_RESULT_IS = f"""([path, query]) => {{
  const first = document.querySelector({json.dumps(RESULTS)});
  return first !== null && first.pathname === path
    && new URL(first.href).searchParams.get('h') === query.toLowerCase();
}}"""


def wait_for_first_result(page: Any, address: str, query: str) -> None:
    """Wait until the list is that of the whole ``query`` (typing shows lists for its start first), with ``address`` first."""
    page.wait_for_function(FIRST_RESULT_IS, arg=["/" + address, query])


def search(page: Any, url: str, query: str) -> list[str]:
    """Put ``query`` in the search box and return the addresses of the results, best first."""
    page.goto(url)
    box = page.get_by_role("textbox", name="Zoeken")
    box.click()
    # Material searches on keyup: fill in the whole query, then one key, so that only
    # the full query is searched and the list cannot be that of a half-typed one.
    box.fill(query)
    box.press("End")
    page.locator(RESULTS).first.wait_for()
    # Material adds ?h=<query> (highlight) and an #anchor for a section; the page is the path.
    paths = page.locator(RESULTS).evaluate_all("links => links.map(a => a.pathname)")
    return [p.lstrip("/") for p in paths]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Erik Smit", "mensen/erik-smit/"),
        ("offerte", "stappen/calculatie-offerte/"),
        ("planning", "stappen/planning-voorbereiding/"),
        ("factuur", "stappen/facturatie-nazorg/"),
    ],
)
def test_search_shows_the_right_page_first(
    guard: tuple[Any, Guard], site_server: Server, query: str, first: str
) -> None:
    page, watcher = guard
    found = search(page, site_server.url, query)
    assert found and found[0] == first, found
    assert any(u.endswith("search/search_index.json") for u in watcher.requested), "the worker loaded the index"
    watcher.assert_clean()


def test_search_with_the_keyboard_only(guard: tuple[Any, Guard], site_server: Server) -> None:
    page, watcher = guard
    page.goto(site_server.url + "keten/")
    page.keyboard.press("/")  # Material's shortcut for the search box
    page.keyboard.type("Petra Mulder")
    wait_for_first_result(page, "mensen/petra-mulder/", "Petra Mulder")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/mensen/petra-mulder/**")
    assert page.locator("h1").first.inner_text().startswith("Petra Mulder")
    watcher.assert_clean()


def test_search_dialog_and_results_are_accessible(
    guard: tuple[Any, Guard], site_server: Server, tmp_path: Path
) -> None:
    page, watcher = guard
    search(page, site_server.url, "uitvoering")
    dialog = page.get_by_role("dialog", name="Zoeken in het handboek")
    assert dialog.count() == 1
    assert page.get_by_role("search").locator(RESULTS).count() >= 1
    page.evaluate(AXE_SCRIPT)
    violations = axe_violations(page)
    assert violations == [], "\n".join(map(str, violations))
    page.screenshot(path=str(tmp_path / "search.png"))
    watcher.assert_clean()
