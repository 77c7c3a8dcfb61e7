"""The hostile organisation (tests/hostile.py) in Chromium: nothing from the data runs, all of it shows as text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .. import hostile
from ..conftest import Build
from .conftest import VISITED, Server, addresses, guarded_context
from .test_search import wait_for_first_result

# What the page would look like if a value had become markup or script.
PROBE = """() => ({
  pwned: typeof window.__pwned !== 'undefined',
  handlers: [...document.querySelectorAll('*')]
    .filter(e => [...e.attributes].some(a => a.name.startsWith('on')))
    .map(e => e.outerHTML.slice(0, 120)),
  jsLinks: [...document.querySelectorAll('a[href]')]
    .filter(a => a.href.trim().toLowerCase().startsWith('javascript:'))
    .map(a => a.outerHTML.slice(0, 120)),
  frames: document.querySelectorAll('iframe, embed, object').length,
  text: document.body.innerText,
})"""


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def hostile_pages(browser: Any, hostile_build: Build) -> Iterator[dict[str, Any]]:
    """Every page of the hostile build, probed after it loaded; plus the search results for a name."""
    server = Server(hostile_build.site)
    context, guard = guarded_context(browser, server)
    tab = context.new_page()
    probed: dict[str, Any] = {}
    for address in addresses(hostile_build.site):
        tab.goto(server.url + address)
        probed[address] = tab.evaluate(PROBE)
    VISITED["hostile"] = len(probed)
    tab.goto(server.url)
    box = tab.get_by_role("textbox", name="Zoeken")
    box.click()
    box.press_sequentially("Linda")  # her page title holds hostile values, now in the result list
    wait_for_first_result(tab, "mensen/linda-de-vries/", "Linda")
    probed["(zoeken naar 'Linda')"] = tab.evaluate(PROBE)
    context.close()
    server.close()
    yield {"pages": probed, "guard": guard}


def test_no_value_runs_as_script(hostile_pages: dict[str, Any]) -> None:
    pages = hostile_pages["pages"]
    assert len(pages) > 20
    assert [a for a, p in pages.items() if p["pwned"]] == []
    assert {a: p["handlers"] for a, p in pages.items() if p["handlers"]} == {}
    assert {a: p["jsLinks"] for a, p in pages.items() if p["jsLinks"]} == {}
    assert [a for a, p in pages.items() if p["frames"]] == []


def test_no_dialog_no_error_no_other_host(hostile_pages: dict[str, Any]) -> None:
    # alert() values would open a dialog, <img src=x> a failing request (a console error).
    hostile_pages["guard"].assert_clean()


def test_every_hostile_value_is_visible_as_literal_text(hostile_pages: dict[str, Any]) -> None:
    shown = _flat(" ".join(p["text"] for p in hostile_pages["pages"].values()))
    missing = [v for v in hostile.HOSTILE + hostile.EXTRA if _flat(v) not in shown]
    assert missing == []
    assert "lang " * 30 in shown and "Z" * 150 in shown  # the long values, at the limit of their fields
    assert hostile.EMAIL in shown
