"""The invitation as a calendar file: /bijeenkomst/uitnodiging.ics holds the meeting itself.

The meeting is the one the draaiboek is for (the latest in meetings.yml), from
its start to the end of its timed agenda. Like ``followup``, the bytes depend
only on the data: the UID comes from the meeting's code and DTSTAMP from the
data's own dates. Nothing here knows about MkDocs.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from . import followup
from .agenda import current_meeting
from .model import WORKPLACE_LABELS, Meeting
from .organisation import Organisation
from .pause import schedule

FILE = "bijeenkomst/uitnodiging.ics"
PRODID = "-//Handboek interne klant//uitnodiging//NL"


def clean(value: str) -> str:
    """Text as the follow-up calendar writes it, and without carriage returns."""
    return followup._text(value.replace("\r\n", "\n").replace("\r", "\n"))


def invited(org: Organisation, meeting: Meeting) -> list[str]:
    """Who is invited: the attendees, and the facilitator when not among them."""
    people = list(meeting.attendees)
    if meeting.facilitator and meeting.facilitator not in people:
        people.append(meeting.facilitator)
    return people


def description(org: Organisation, meeting: Meeting) -> str:
    """The event's notes: the goal, who leads, and who comes from the office and from outside."""
    lines = []
    if meeting.goal:
        lines += [f"Doel: {' '.join(meeting.goal.split())}", ""]
    lines.append(
        "We bespreken per stap van ons werk wat de interne klant nodig heeft: wat, wanneer, in welke vorm en waarom."
    )
    if meeting.facilitator:
        lines.append(f"Begeleider: {org.person(meeting.facilitator).name}")
    people = [org.person(p) for p in invited(org, meeting)]
    for workplace, label in WORKPLACE_LABELS.items():
        names = [p.name for p in people if p.workplace == workplace]
        if names:
            lines.append(f"{label}: {', '.join(names)}")
    lines.append(org.info.name)
    return "\n".join(lines)


def build(org: Organisation) -> bytes:
    """The calendar file as bytes (CRLF line ends); no event when there is no meeting yet."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean(f"Handboek {org.info.name}: bijeenkomst"))
    cal.add("x-wr-timezone", followup.TIMEZONE)
    cal.add_component(followup._amsterdam())
    meeting = current_meeting(org)
    if meeting is not None:
        plan = schedule(org, meeting).plan  # its end counts the break
        zone = ZoneInfo(followup.TIMEZONE)
        event = Event()
        event.add("uid", f"uitnodiging-{meeting.id}@{followup._slug(org.info.name)}.handboek")
        event.add("dtstamp", followup.stamp(org))
        event.add("summary", clean(meeting.title))
        event.add("description", clean(description(org, meeting)))
        event.add("dtstart", plan.start.replace(tzinfo=zone))
        event.add("dtend", plan.end.replace(tzinfo=zone))
        if meeting.location:
            event.add("location", clean(meeting.location))
        cal.add_component(event)
    return bytes(cal.to_ical())
