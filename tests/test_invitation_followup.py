"""The invitation (/bijeenkomst/uitnodiging/ and .ics) and the follow-up script (/bijeenkomst/vervolg/).

Golden files in ``tests/golden/kit/``; refresh after an intended change with
``UPDATE_GOLDEN=1 python -m pytest tests/test_invitation_followup.py`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from icalendar import Calendar

from macros import followup, invitation_ics
from macros.followup import FOLLOW_UP_MINUTES
from macros.load import load
from macros.model import Action, Meeting
from macros.organisation import Organisation
from macros.render import followup_script, invitation

from .conftest import DATA, Build
from .golden import assert_golden
from .hostile import HOSTILE

GOLDEN = Path(__file__).parent / "golden" / "kit"
TODAY = dt.date(2026, 11, 23)
ORG = load(DATA).org
MEETING = ORG.meetings[0]


def _with_meeting(org: Organisation, **changes: object) -> Organisation:
    return dataclasses.replace(org, meetings=(MEETING.model_copy(update=changes),))


def _text(org: Organisation, today: dt.date = TODAY) -> str:
    return "\n".join(invitation.view(org, org.meetings[-1], today=today).lines)


def test_golden_invitation_and_follow_up_script() -> None:
    assert_golden(GOLDEN / "uitnodiging.md", str(invitation.invitation(ORG, today=dt.date(2026, 9, 1))))
    assert_golden(GOLDEN / "vervolg.md", str(followup_script.script(ORG, today=TODAY)))


def test_invitation_names_office_and_field_staff_with_date_time_place_and_goal() -> None:
    text = _text(ORG)
    assert "Onderwerp: Uitnodiging: Wat hebben onze interne klanten nodig? (woensdag 14 oktober 2026)" in text
    # 2 h 10 of blocks and a break of 15 minutes, as on the draaiboek
    assert "Wanneer: woensdag 14 oktober 2026, van 08:30 tot 10:55, met 15 minuten pauze" in text
    assert "Waar: Kantine, Industrieweg 12, Amersfoort" in text
    assert "Doel: Te vaak zoeken we achteraf nog gegevens op, of rijden we terug voor een onderdeel." in text
    office = [p.name for p in ORG.people if p.workplace == "kantoor" and p.id in (*MEETING.attendees, "gerda-meijer")]
    field = [p.name for p in ORG.people if p.workplace == "buiten" and p.id in MEETING.attendees]
    assert len(office) == 6 and field == ["Kees Bakker", "Erik Smit", "Yusuf Demir"]
    assert "- van de buitendienst: Kees Bakker, Erik Smit en Yusuf Demir" in text
    line = next(x for x in text.splitlines() if x.startswith("- van kantoor: "))
    assert sorted(line.removeprefix("- van kantoor: ").replace(" en ", ", ").split(", ")) == sorted(office)
    assert text.splitlines()[0].startswith("Onderwerp: ")  # no addresses: settings.show_emails is off by default
    assert "@" not in text
    settings = ORG.info.settings.model_copy(update={"show_emails": True})
    shown = dataclasses.replace(ORG, info=ORG.info.model_copy(update={"settings": settings}))
    assert _text(shown).splitlines()[0].startswith("Aan: ahmed@meijer-zonen.nl; ")
    assert text.endswith("Met vriendelijke groet,\nGerda Meijer")
    page = str(invitation.invitation(ORG, today=dt.date(2026, 9, 1)))
    assert '<a class="hb-calendar" href="../uitnodiging.ics" download>' in page
    assert 'id="hb-invite-copy"' in page and "navigator.clipboard.writeText(t.value)" in page
    assert "hb-todo" not in page and "Al geweest" not in page


def test_invitation_asks_for_field_staff_and_lists_everyone_without_attendees() -> None:
    office_only = _with_meeting(ORG, attendees=["linda-de-vries", "marco-jansen"], location=None, goal=None)
    page = str(invitation.invitation(office_only, today=dt.date(2026, 9, 1)))
    assert "Er staat nog niemand van de buitendienst bij de deelnemers." in page
    assert "Er staat nog geen plaats bij de bijeenkomst." in page
    text = _text(office_only)
    assert "- van de buitendienst:" not in text and "Waar: dat laat ik nog weten" in text
    assert "Doel: samen afspreken wat we van elkaar nodig hebben" in text
    nobody = _with_meeting(ORG, attendees=[])
    view = invitation.view(nobody, nobody.meetings[0], today=TODAY)
    assert view.everyone and len(view.office) + len(view.outside) == len(ORG.people)
    assert "Daarom staan hier alle collega&#x27;s uit people.yml." in str(invitation.invitation(nobody, today=TODAY))


def _unsafe(page: str) -> list[str]:
    """Markup from the data that reached the page as markup. A Markdown heading escapes braces with a backslash."""
    html = "\n".join(line for line in page.splitlines() if not line.startswith("## "))
    return [bad for bad in ("<script>alert", "<img src=x", "{{", "{%", 'href="javascript:') if bad in html]


def test_invitation_shows_hostile_data_as_text() -> None:
    for value in HOSTILE:
        org = _with_meeting(ORG, title=value, location=value, goal=value)
        page = str(invitation.invitation(org, today=TODAY))
        assert _unsafe(page) == [], value
        assert "Al geweest" in page  # the meeting lies before TODAY


def test_invitation_ics_is_the_meeting_itself_and_deterministic() -> None:
    raw = invitation_ics.build(ORG)
    assert raw == invitation_ics.build(load(DATA).org)
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    cal = Calendar.from_ical(raw)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 1
    event = events[0]
    assert str(event["uid"]) == "uitnodiging-bijeenkomst-2026-10@installatiebedrijf-meijer-zonen.handboek"
    assert str(event["summary"]) == MEETING.title
    assert event.decoded("dtstart").isoformat() == "2026-10-14T08:30:00+02:00"
    assert event.decoded("dtend").isoformat() == "2026-10-14T10:55:00+02:00"  # the break included
    assert str(event["location"]) == "Kantine, Industrieweg 12, Amersfoort"
    notes = str(event["description"])
    assert "Kantoor: " in notes and "Buitendienst: Kees Bakker, Erik Smit, Yusuf Demir" in notes
    assert "Begeleider: Gerda Meijer" in notes


def test_invitation_ics_cleans_text_and_strips_carriage_returns() -> None:
    org = _with_meeting(ORG, title="Regel\r\neen\x07 <b>{{ x }}</b>", location="A\rB\x00", goal="doel\r\nmet\rregels")
    event = next(iter(Calendar.from_ical(invitation_ics.build(org)).walk("VEVENT")))
    assert str(event["summary"]) == "Regel\neen <b>{{ x }}</b>"
    assert str(event["location"]) == "A\nB"
    assert "\r" not in str(event["description"]) and "doel met regels" in str(event["description"])
    empty = dataclasses.replace(ORG, meetings=())
    assert list(Calendar.from_ical(invitation_ics.build(empty)).walk("VEVENT")) == []


def test_follow_up_sorts_action_points_into_done_open_and_late() -> None:
    view = followup_script.view(ORG, MEETING, today=TODAY)
    assert [r.action.id for r in view.done] == ["ap-02"]
    assert [r.action.id for r in view.late] == ["ap-05", "ap-03"]
    assert [r.action.id for r in view.open] == ["ap-07", "ap-01", "ap-08", "ap-04", "ap-06"]
    assert (view.day, view.default_day, view.start, view.next_day) == (
        dt.date(2027, 1, 13),
        False,
        "08:30",
        dt.date(2027, 4, 13),
    )
    assert [b.start for b in view.blocks][:2] == ["08:30", "08:40"] and view.blocks[-1].end == "10:00"
    assert sum(b.minutes for b in view.blocks) == FOLLOW_UP_MINUTES
    assert view.todo[0].startswith(
        "Maandoverzicht openstaande facturen en klachten op één pagina opzetten (Petra Mulder)"
    )
    planning = next(s for s in view.steps if s.step.id == "planning-voorbereiding")
    assert (planning.needs, planning.incomplete, planning.in_return, len(planning.agreed)) == (3, 1, 2, 2)
    page = str(followup_script.script(ORG, today=TODAY))
    assert "1 klaar, 5 lopen nog, 2 te laat" in page
    assert "De site bewaart niet wanneer een verwachting of een afspraak erbij kwam." in page


def test_follow_up_uses_a_planned_follow_up_meeting_and_knows_no_points() -> None:
    planned = Meeting(
        id="vervolg-2027-01", title="Vervolg", date=dt.date(2027, 1, 13), start="13:00", location="Kantoor"
    )
    extra = Action(id="ap-99", what="Los punt", who="erik-smit", due=dt.date(2027, 2, 1))
    org = dataclasses.replace(ORG, meetings=(MEETING, planned), actions=(extra,))
    view = followup_script.view(org, MEETING, today=TODAY)
    assert (view.start, view.location, view.blocks[-1].end) == ("13:00", "Kantoor", "14:30")
    assert view.other_open == 1 and not (view.done or view.open or view.late)
    page = str(followup_script.script(org, today=TODAY))
    assert "Bij deze bijeenkomst zijn geen actiepunten vastgelegd." in page
    assert "Er staat nog 1 open actiepunt die niet bij deze bijeenkomst hoort." in page
    # Before the first meeting is held, the script is for its follow-up and says it is still to come.
    early = str(followup_script.script(ORG, today=dt.date(2026, 9, 1)))
    assert "Die bijeenkomst moet nog komen." in early
    assert "Al geweest" not in early and "Al geweest" not in page
    late = str(followup_script.script(ORG, today=dt.date(2027, 2, 1)))
    assert 'De vervolgbijeenkomst van <time datetime="2027-01-13">13 januari 2027</time> is voorbij.' in late


def test_follow_up_shows_hostile_data_as_text() -> None:
    for value in HOSTILE:
        actions = tuple(a.model_copy(update={"what": value}) for a in ORG.actions)
        org = dataclasses.replace(_with_meeting(ORG, title=value, location=value), actions=actions)
        assert _unsafe(str(followup_script.script(org, today=TODAY))) == [], value


def test_built_site_serves_invitation_follow_up_and_calendar(default_build: Build) -> None:
    ics = default_build.site / "bijeenkomst" / "uitnodiging.ics"
    assert ics.read_bytes() == invitation_ics.build(ORG)
    invite = default_build.page("bijeenkomst/uitnodiging")
    href = re.search(r'<a class="hb-calendar" href="([^"]+)" download>De bijeenkomst', invite)
    assert href is not None and (default_build.site / "bijeenkomst" / "uitnodiging" / href[1]).resolve() == ics
    follow = default_build.page("bijeenkomst/vervolg")
    assert "Dit draaiboek is voor het vervolg op de bijeenkomst van" in follow and 'href="../draaiboek/"' in follow
    assert 'href="../vervolg/"' in default_build.page("bijeenkomst/draaiboek")
    # Both pages are in the menu under "Bijeenkomst".
    assert 'href="../vervolg/"' in invite and 'href="../uitnodiging/"' in follow


def test_follow_up_gets_the_same_break_on_its_page_and_in_its_calendar_file() -> None:
    # The follow-up takes 90 minutes: no break by default, one when the meeting asks for it after 60.
    plain = followup_script.view(ORG, MEETING, today=TODAY)
    assert not any(b.pause for b in plain.blocks)
    org = _with_meeting(ORG, break_after=60, break_minutes=20)
    view = followup_script.view(org, org.meetings[0], today=TODAY)
    titles = [b.title for b in view.blocks]
    at = titles.index("Pauze")
    assert titles[at - 1] == "De actiepunten" and view.blocks[at].minutes == 20
    assert (view.blocks[at].start, view.blocks[at].end, view.blocks[at + 1].start) == ("09:10", "09:30", "09:30")
    assert view.blocks[-1].end == "10:20"  # 90 minutes and the break, from 08:30
    page = str(followup_script.script(org, today=TODAY))
    assert '<tr class="hb-break"><td data-label="Tijd">09:10–09:30</td><td data-label="Onderdeel">Pauze' in page
    assert "3. Werken de afspraken?" in page  # the break has no number of its own
    cal = Calendar.from_ical(followup.build_meetings_only(org))
    ends = {str(e["uid"]).split("@")[0]: e.decoded("dtend") for e in cal.walk("VEVENT")}
    assert f"{ends['vervolg-' + MEETING.id]:%H:%M}" == "10:20"
