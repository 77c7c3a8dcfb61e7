"""The keyboard alone: the skip link, a focus ring you can see, and the menu and search on a phone.

test_pages.py presses Tab through every page at desktop width; these tests
follow a person through a few pages, also at phone width, where Material opens
the menu and the search with buttons of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .audit import NO_MOTION, Stop, prepare, tab_through
from .conftest import Guard, Server, guarded_context
from .test_search import wait_for_first_result

FOCUSED = "(() => { const e = document.activeElement; return e.innerText || e.getAttribute('aria-label') || ''; })()"
IN_CONTENT = "document.activeElement.closest('article.md-content__inner') !== null"
PHONE = {"width": 375, "height": 740}


def _tab_to(page: Any, name: str, limit: int = 80) -> None:
    """Press Tab until the element with this text or label has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED).strip() == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


@pytest.mark.parametrize("address", ["", "stappen/uitvoering/", "404.html"])
def test_skip_link_comes_first_and_jumps_to_the_content(
    guard: tuple[Any, Guard], site_server: Server, address: str
) -> None:
    page, watcher = guard
    page.goto(site_server.url + address)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    assert page.evaluate(FOCUSED) == "Naar de inhoud"
    assert skip.is_visible() and skip.bounding_box()["y"] >= 0  # type: ignore[index]
    page.keyboard.press("Enter")
    page.wait_for_url("**#hb-inhoud")
    page.keyboard.press("Tab")
    assert page.evaluate(IN_CONTENT), f"after the skip link, Tab went to {page.evaluate(FOCUSED)!r}"
    watcher.assert_clean()


def test_focus_ring_can_be_seen(guard: tuple[Any, Guard], site_server: Server, tmp_path: Path) -> None:
    """A screenshot of a link before and after Tab reaches it must differ: the ring is really drawn."""
    page, watcher = guard
    page.goto(site_server.url + "stappen/uitvoering/")
    link = page.locator("article ul.hb-people a").first
    box = link.bounding_box()
    assert box is not None
    clip = {"x": box["x"] - 8, "y": box["y"] - 8, "width": box["width"] + 16, "height": box["height"] + 16}
    before = page.screenshot(clip=clip)
    _tab_to(page, link.inner_text())
    after = page.screenshot(clip=clip, path=str(tmp_path / "focus-link.png"))
    assert before != after
    style = link.evaluate("a => [getComputedStyle(a).outlineStyle, getComputedStyle(a).outlineWidth]")
    assert style[0] == "solid" and float(style[1].removesuffix("px")) >= 2
    watcher.assert_clean()


@pytest.fixture
def phone(browser: Any, site_server: Server) -> Any:
    context, watcher = guarded_context(browser, site_server, viewport=PHONE, has_touch=True)
    prepare(context)
    page = context.new_page()
    yield page, watcher
    context.close()
    watcher.assert_clean()


@pytest.mark.parametrize("address", ["", "mensen/erik-smit/"])
def test_on_a_phone_every_tab_stop_is_visible(phone: tuple[Any, Guard], site_server: Server, address: str) -> None:
    page, _ = phone
    page.goto(site_server.url + address)
    page.add_style_tag(content=NO_MOTION)  # judge the end state of each transition
    stops, trapped = tab_through(page)
    assert not trapped and len(stops) > 3
    bad = [f"{s.target} {s.text!r}: {s.problem()}" for s in stops if not s.shows_focus]
    assert bad == [], "hidden or unmarked Tab stops:\n" + "\n".join(bad)
    assert [s.text for s in stops[1:3]] == ["Menu openen", "Zoeken openen"]


def test_on_a_phone_the_menu_works_with_the_keyboard(
    phone: tuple[Any, Guard], site_server: Server, tmp_path: Path
) -> None:
    page, _ = phone
    page.goto(site_server.url + "stappen/uitvoering/")
    page.add_style_tag(content=NO_MOTION)
    _tab_to(page, "Menu openen")
    page.keyboard.press("Enter")
    assert page.locator("#__drawer").is_checked()
    # The menu opens on the step's own sub-menu; focus starts on its way back up.
    assert page.evaluate(FOCUSED).strip() == "Stappen"
    page.screenshot(path=str(tmp_path / "phone-menu.png"))
    stops, trapped = tab_through(page)
    assert not trapped
    bad = [f"{s.target} {s.text!r}: {s.problem()}" for s in stops if not s.shows_focus]
    assert bad == [], "with the menu open:\n" + "\n".join(bad)
    assert not page.locator("#__drawer").is_checked(), "the menu closed when focus left it"

    _tab_to(page, "Menu openen")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # back to the main menu
    assert page.evaluate(FOCUSED).strip() == "Stappen"
    # A section without a page of its own opens with the keyboard too, and focus goes into it.
    page.keyboard.press("Shift+Tab")  # "Ons werk" comes just before "Stappen"
    assert page.evaluate(FOCUSED).strip() == "Ons werk"
    page.keyboard.press("Enter")
    # As with the step's sub-menu, focus starts on the way back up, then the section's links follow.
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Ons werk: terug naar het hoofdmenu"
    _tab_to(page, "Mensen", limit=10)
    page.keyboard.press("Enter")
    page.wait_for_url("**/mensen/")


def test_on_a_phone_escape_closes_the_menu(phone: tuple[Any, Guard], site_server: Server) -> None:
    page, _ = phone
    page.goto(site_server.url + "keten/")
    _tab_to(page, "Menu openen")
    page.keyboard.press(" ")
    assert page.locator("#__drawer").is_checked()
    page.keyboard.press("Escape")
    assert not page.locator("#__drawer").is_checked()
    assert page.evaluate(FOCUSED).strip() == "Menu openen"


def test_on_a_phone_the_search_opens_with_the_keyboard(phone: tuple[Any, Guard], site_server: Server) -> None:
    page, _ = phone
    page.goto(site_server.url + "keten/")
    page.add_style_tag(content=NO_MOTION)
    _tab_to(page, "Zoeken openen")
    page.keyboard.press(" ")
    page.locator(".md-search__input:focus").wait_for()
    box = Stop(**page.evaluate("window.__hbStops.at(-1)"))
    assert box.text == "Zoeken" and box.shows_focus, box.problem()
    page.keyboard.type("Erik Smit")
    wait_for_first_result(page, "mensen/erik-smit/", "Erik Smit")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/mensen/erik-smit/**")
