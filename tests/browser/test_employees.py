"""What an employee does on a phone (375 px): open the menu, go from their summary to the part that matters, tap a name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from macros.load import load

from ..conftest import DATA
from .conftest import Server

ORG = load(DATA).org
PETRA = next(p for p in ORG.people if p.id == "petra-mulder")
# A person with internal customers and open action points (the default data has both).
WITH_CUSTOMERS = next(p for p in ORG.people if any(s for s in ORG.steps_of(p.id) if not ORG.is_last(s)))


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="nl-NL")
    tab = context.new_page()
    yield tab
    context.close()


def _menu_items(phone: Any) -> list[str]:
    """Open the ☰ menu and give the link texts that can be seen in it."""
    phone.locator('label.md-header__button[for="__drawer"]').click()
    phone.wait_for_timeout(400)  # the drawer slides in
    links = phone.locator(".md-nav--primary .md-nav__link")  # the current page is a label, not a link
    return [" ".join(a.inner_text().split()) for a in links.all() if a.is_visible()]


@pytest.mark.parametrize("address", ["mensen/", f"mensen/{PETRA.id}/", "keten/"])
def test_the_phone_menu_shows_the_sites_sections(phone: Any, site_server: Server, address: str) -> None:
    phone.goto(site_server.url + address)
    seen = _menu_items(phone)
    assert {"De keten", "Mensen", "Taakverdeling", "Actiepunten"} <= set(seen), f"/{address}: the menu shows {seen}"


def test_the_summary_of_a_person_links_within_the_page(phone: Any, site_server: Server) -> None:
    person = WITH_CUSTOMERS
    phone.goto(site_server.url + f"mensen/{person.id}/")
    links = phone.locator(".hb-glance a")
    assert links.count() >= 1
    for link in links.all():
        href = link.get_attribute("href")
        assert href.startswith("#"), f"{link.inner_text()} leads away to {href}"
        target = phone.locator(href)
        assert target.count() == 1, f"{href} is not on the page"
        about = target.evaluate("el => el.closest('.hb-block').innerText")
        assert link.inner_text() in about, f"{href} is about someone else"
    first = links.first
    first.click()
    phone.wait_for_timeout(200)
    target = phone.locator(first.get_attribute("href"))
    top = target.evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < 400, "the customer's part is in view after the tap"


def test_open_action_points_in_the_summary_lead_to_the_list(phone: Any, site_server: Server) -> None:
    person = next(p for p in ORG.people if any(a.status != "klaar" for a in ORG.actions_of_person(p.id)))
    phone.goto(site_server.url + f"mensen/{person.id}/")
    link = phone.locator(".hb-meta a", has_text="open actiepunt")
    assert link.count() == 1
    link.click()
    phone.wait_for_timeout(200)
    heading = phone.locator("#jouw-actiepunten")
    assert heading.inner_text().startswith("Jouw actiepunten")
    assert 0 <= heading.evaluate("el => el.getBoundingClientRect().top") < 400


@pytest.mark.parametrize("address", ["mensen/", f"mensen/{WITH_CUSTOMERS.id}/"])
def test_names_are_tap_targets_of_at_least_24_px(phone: Any, site_server: Server, address: str) -> None:
    # WCAG 2.2 AA (2.5.8): every target at least 24 by 24 CSS pixels.
    phone.goto(site_server.url + address)
    selector = ".hb-stack th[scope=row] a" if address == "mensen/" else ".hb-glance a, .hb-meta a[href^='#']"
    links = phone.locator(selector)
    assert links.count() >= 2
    for link in links.all():
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, f"{link.inner_text()} is {box['width']}×{box['height']} px"


def test_a_phone_shows_each_action_point_once(phone: Any, site_server: Server) -> None:
    # The register, the list per person and the list per step showed every point three times (6,900 px).
    phone.goto(site_server.url + "actiepunten/")
    rows = phone.locator(".hb-actions tbody tr")
    texts = [" ".join(r.inner_text().split()) for r in rows.all() if r.is_visible()]
    for action in ORG.actions:
        what = " ".join(action.what.split())
        shown = sum(what in t for t in texts)
        assert shown == (1 if action.is_open else 0), f"{action.id} is shown {shown} times"  # done: folded away
    views = phone.locator("details.hb-view")
    assert views.count() == 2 and not any(v.get_attribute("open") is not None for v in views.all())
    views.first.locator("summary").click()
    assert views.first.locator(".hb-actions").first.is_visible(), "a folded view opens with a tap"


def test_the_external_customer_is_not_numbered_as_a_step(phone: Any, site_server: Server) -> None:
    for address in ("keten/", "stappen/"):
        phone.goto(site_server.url + address)
        items = phone.locator("ol.hb-steps > li")
        assert items.count() == len(ORG.steps), f"/{address}: {items.count()} numbered items"
        assert ORG.external_customer.name.lower() in phone.locator(".hb-steps-end").inner_text().lower()
