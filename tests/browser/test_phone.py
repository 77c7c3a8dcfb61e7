"""On a phone (375 px wide) no page scrolls sideways, and the task matrix keeps its names in view."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from macros.load import load

from ..conftest import DATA
from .conftest import Server

ORG = load(DATA).org
# One page of every kind; the generated pages of a kind share their layout.
ADDRESSES = ["", "interne-klant/", "keten/", "stappen/", f"stappen/{ORG.steps[0].id}/", "mensen/"]
ADDRESSES += [f"mensen/{ORG.people[0].id}/", "taakverdeling/", "4a/", "handboek/", "beheer/"]


@pytest.fixture(scope="module")
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="nl-NL")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("address", ADDRESSES)
def test_page_fits_a_phone(phone: Any, site_server: Server, address: str) -> None:
    phone.goto(site_server.url + address)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"/{address} is {width} px wide on a 375 px phone"


def test_matrix_scrolls_sideways_with_the_names_in_view(phone: Any, site_server: Server) -> None:
    phone.goto(site_server.url + "taakverdeling/")
    wrap = phone.locator(".hb-matrix-wrap")
    inner, outer = wrap.evaluate("w => [w.scrollWidth, w.clientWidth]")
    assert inner > outer, "on a phone the matrix is wider than the screen and scrolls in its frame"
    first = phone.locator(".hb-matrix tbody th").first
    before = first.bounding_box()["x"]
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    assert first.bounding_box()["x"] == pytest.approx(before, abs=1)
    assert first.is_visible() and ORG.people[0].name in phone.locator(".hb-matrix tbody").inner_text()


def test_chain_picture_gives_way_to_the_list_on_a_phone(phone: Any, site_server: Server) -> None:
    # At 375 px the picture would shrink its names to about 9 px; the list says the same in readable text.
    phone.goto(site_server.url + "keten/")
    assert not phone.locator("figure.hb-chain").is_visible()
    assert phone.locator("ol.hb-steps").is_visible()
    phone.emulate_media(media="print")
    assert phone.locator("figure.hb-chain").is_visible(), "paper keeps the picture"
    phone.emulate_media(media="screen")


def test_need_cards_take_the_full_width_on_a_wide_screen(browser: Any, site_server: Server) -> None:
    # Two cards side by side wrapped 'Wanneer' and 'Vorm' after two or three words; one per row reads better.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    try:
        tab = context.new_page()
        tab.goto(site_server.url + f"stappen/{ORG.steps[2].id}/")
        boxes = [c.bounding_box() for c in tab.locator(".hb-needs").first.locator(".hb-need").all()]
        assert len(boxes) > 1 and len({round(b["x"]) for b in boxes}) == 1, "one card per row"
    finally:
        context.close()
