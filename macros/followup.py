"""The follow-up calendar: every meeting's follow-up and every open action point's due date, as .ics.

The file is deterministic: UIDs come from the codes in the data and DTSTAMP
from the data's own dates, never from the clock, so two builds of the same
data give the same bytes. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from .agenda import DEFAULT_START, follow_up
from .model import Action, Meeting
from .nl import date_nl
from .organisation import Organisation
from .pages import by_name
from .pause import pause_minutes
from .text import CONTROL

if TYPE_CHECKING:
    from icalendar import Timezone

CALENDAR_FILE = by_name("vervolg-ics").address  # address inside the site: follow-ups and open action points
FOLLOW_UP_FILE = by_name("vervolgbijeenkomst-ics").address  # only the follow-ups, for everyone
TIMEZONE = "Europe/Amsterdam"
FOLLOW_UP_MINUTES = 90
PRODID = "-//Handboek interne klant//vervolg//NL"


def _text(value: str) -> str:
    """Text for the calendar: RFC 5545 allows no control characters but tab and (escaped) line feeds.

    The model already refuses them in the data; this is the last gate, for every text, the place too.
    A lone CR would let a parser end the line there and read the rest as a property or a new event.
    """
    return CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", ""))


@dataclass(frozen=True)
class Entry:
    """One event of the calendar, before it becomes iCalendar."""

    uid: str
    summary: str
    description: str
    day: dt.date
    start: dt.time | None  # None: an all-day event
    minutes: int = 0
    location: str | None = None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "handboek"


def _follow_up_entry(org: Organisation, meeting: Meeting, domain: str) -> Entry:
    day, default = follow_up(meeting)
    note = " (drie maanden na de bijeenkomst; nog niet vastgelegd)" if default else ""
    return Entry(
        uid=f"vervolg-{meeting.id}@{domain}",
        summary=f"Vervolg: {meeting.title}",
        description=(
            f"Voortgang van de afspraken uit de bijeenkomst van {date_nl(meeting.date)}{note}. "
            f"Welke actiepunten zijn klaar, wat loopt nog, wat moet anders? {org.info.name}."
        ),
        day=day,
        start=meeting.start or DEFAULT_START,
        minutes=FOLLOW_UP_MINUTES + pause_minutes(FOLLOW_UP_MINUTES, meeting),  # as on /bijeenkomst/vervolg/
        location=meeting.location,
    )


def _action_entry(org: Organisation, action: Action, domain: str) -> Entry:
    who = org.person(action.who).name
    lines = [f"Actiepunt {action.id}: {action.what}", f"Wie: {who}"]
    if action.step:
        lines.append(f"Stap: {org.step(action.step).name}")
    if action.meeting:
        meeting = next(m for m in org.meetings if m.id == action.meeting)
        lines.append(f"Afgesproken in: {meeting.title} ({date_nl(meeting.date)})")
    return Entry(
        uid=f"actiepunt-{action.id}@{domain}",
        summary=f"Uiterste datum {action.id}: {action.what} ({who})",
        description="\n".join(lines),
        day=action.due,
        start=None,
    )


def entries(org: Organisation, *, with_actions: bool = True) -> list[Entry]:
    """Follow-ups first (by date), then open action points (by due date) unless ``with_actions`` is False."""
    domain = f"{_slug(org.info.name)}.handboek"
    meetings = sorted(org.meetings, key=lambda m: (m.date, m.id))
    actions = sorted((a for a in org.actions if a.is_open), key=lambda a: (a.due, a.id)) if with_actions else []
    return [_follow_up_entry(org, m, domain) for m in meetings] + [_action_entry(org, a, domain) for a in actions]


def stamp(org: Organisation) -> dt.datetime:
    """DTSTAMP from the data: the day of the latest meeting, else the earliest due date."""
    days = [m.date for m in org.meetings] or [a.due for a in org.actions] or [dt.date(2000, 1, 1)]
    day = max(days) if org.meetings else min(days)
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)


def build(org: Organisation, *, with_actions: bool = True) -> bytes:
    """The calendar file as bytes (CRLF line ends, as RFC 5545 asks); without action points for FOLLOW_UP_FILE."""
    from icalendar import Calendar, Event  # only where the file is written: importing it costs a page's build

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = "vervolg en actiepunten" if with_actions else "vervolgbijeenkomst"
    cal.add("x-wr-calname", _text(f"Handboek {org.info.name}: {name}"))
    cal.add("x-wr-timezone", TIMEZONE)
    cal.add_component(_amsterdam())
    zone = ZoneInfo(TIMEZONE)
    when = stamp(org)
    for entry in entries(org, with_actions=with_actions):
        event = Event()
        event.add("uid", _text(entry.uid))
        event.add("dtstamp", when)
        event.add("summary", _text(entry.summary))
        event.add("description", _text(entry.description))
        if entry.start is None:
            event.add("dtstart", entry.day)
            event.add("dtend", entry.day + dt.timedelta(days=1))
            event.add("transp", "TRANSPARENT")  # a deadline, not a busy slot
        else:
            begin = dt.datetime.combine(entry.day, entry.start, tzinfo=zone)
            event.add("dtstart", begin)
            event.add("dtend", begin + dt.timedelta(minutes=entry.minutes))
        if entry.location:
            event.add("location", _text(entry.location))
        cal.add_component(event)
    return bytes(cal.to_ical())


def build_meetings_only(org: Organisation) -> bytes:
    """The calendar of FOLLOW_UP_FILE: only the follow-up meetings."""
    return build(org, with_actions=False)


def _amsterdam() -> Timezone:
    """Europe/Amsterdam with the EU's summer-time rule, as Outlook writes it; not tied to a tzdata version."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", TIMEZONE)
    for part, begin, month, before, after, name in (
        (TimezoneDaylight(), dt.datetime(1970, 3, 29, 2, 0), 3, 1, 2, "CEST"),
        (TimezoneStandard(), dt.datetime(1970, 10, 25, 3, 0), 10, 2, 1, "CET"),
    ):
        part.add("dtstart", begin)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        part.add("tzoffsetfrom", dt.timedelta(hours=before))
        part.add("tzoffsetto", dt.timedelta(hours=after))
        part.add("tzname", name)
        zone.add_component(part)
    return zone
