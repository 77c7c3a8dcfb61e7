"""Facilitator kit in a real strict build: the pages, the calendar file and the links to it."""

from __future__ import annotations

import posixpath
import re

import icalendar
import pytest

from macros import followup
from macros.load import load

from .conftest import DATA, Build

PAGES = [
    "bijeenkomst/",
    "bijeenkomst/voorbereiding/",
    "bijeenkomst/draaiboek/",
    "bijeenkomst/werkblad/",
    "bijeenkomst/werkblad/leeg/",
    "bijeenkomst/memo/",
    "actiepunten/",
]
MEETING_PAGES = [
    "bijeenkomst/",
    "bijeenkomst/voorbereiding/",
    "bijeenkomst/draaiboek/",
    "bijeenkomst/memo/",
    "actiepunten/formulier/",
]


@pytest.mark.parametrize("address", PAGES)
def test_kit_page_is_built_and_in_the_nav(default_build: Build, address: str) -> None:
    page = default_build.page(address)
    assert "Traceback" not in page and "Macro Rendering Error" not in page
    assert re.search(r"<h1[^>]*>", page)
    nav = page[page.index('class="md-nav md-nav--primary"') :]
    assert "md-nav__link--active" in nav, f"{address} is not in the navigation"


def test_the_action_form_is_outside_the_nav_and_marks_actiepunten(default_build: Build) -> None:
    page = default_build.page("actiepunten/formulier/")
    assert "Macro Rendering Error" not in page and 'class="hb-form"' in page
    nav = page[page.index('class="md-nav md-nav--primary"') :]
    assert re.search(r'md-nav__item--active">\s*<a href="\.\./" class="md-nav__link', nav), "Actiepunten is the place"
    assert "Formulier actiepunten" not in nav


def test_calendar_file_is_served_and_equals_the_core_output(default_build: Build) -> None:
    served = (default_build.site / followup.CALENDAR_FILE).read_bytes()
    assert served == followup.build(load(DATA).org), "two builds of the same data give the same calendar"
    cal = icalendar.Calendar.from_ical(served)
    assert len(list(cal.walk("VEVENT"))) >= 1


def test_follow_up_only_calendar_is_served_without_action_points(default_build: Build) -> None:
    org = load(DATA).org
    served = (default_build.site / followup.FOLLOW_UP_FILE).read_bytes()
    assert served == followup.build(org, with_actions=False)
    events = list(icalendar.Calendar.from_ical(served).walk("VEVENT"))
    assert [str(e["UID"]).split("@")[0] for e in events] == [f"vervolg-{m.id}" for m in org.meetings]
    full = list(icalendar.Calendar.from_ical((default_build.site / followup.CALENDAR_FILE).read_bytes()).walk("VEVENT"))
    assert len(full) == len(events) + sum(a.status != "klaar" for a in org.actions)


@pytest.mark.parametrize("address", MEETING_PAGES)
def test_meeting_pages_link_to_the_calendar(default_build: Build, address: str) -> None:
    page = default_build.page(address)
    links = re.findall(r'<a class="hb-calendar" href="([^"]+)"', page)
    assert links, f"no calendar link on {address}"
    for href in links:
        assert (default_build.site / posixpath.normpath(posixpath.join(address, href))).is_file()
    targets = {posixpath.normpath(posixpath.join(address, href)) for href in links}
    assert targets == {followup.CALENDAR_FILE, followup.FOLLOW_UP_FILE}


def test_worksheet_links_and_form_anchor_resolve(default_build: Build) -> None:
    page = default_build.page("bijeenkomst/draaiboek/")
    assert 'href="../../actiepunten/formulier/"' in page
    assert 'class="hb-form"' in default_build.page("actiepunten/formulier/")  # its own page, one A4
    assert 'id="formulier"' in default_build.page("actiepunten/")  # old links still land on the way there
    assert 'href="../werkblad/"' in page


def test_memo_copy_script_is_inline_and_optional(default_build: Build) -> None:
    page = default_build.page("bijeenkomst/memo/")
    assert '<button type="button" id="hb-memo-copy" class="md-button" hidden>' in page
    script = re.findall(r"<script>(\(function\(\)\{var b=document.getElementById\('hb-memo-copy'\).*?)</script>", page)
    assert script and "http" not in script[0] and "navigator.clipboard" in script[0]
    assert '<textarea id="hb-memo-text"' in page and "<p><textarea" not in page


@pytest.mark.parametrize(
    "address", ["bijeenkomst/", "bijeenkomst/voorbereiding/", "bijeenkomst/draaiboek/", "actiepunten/formulier/"]
)
def test_pages_get_today_and_say_the_meeting_was_held(default_build: Build, address: str) -> None:
    # The build runs with HANDBOOK_TODAY 2026-11-23, after the demo meeting of 14 October 2026.
    page = default_build.page(address)
    assert "Deze bijeenkomst was op" in page and "De volgende is de vervolgbijeenkomst op" in page
