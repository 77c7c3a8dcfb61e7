"""The invitation to the meeting (/bijeenkomst/uitnodiging/, method step 2c): facts, e-mail text and calendar file.

The facts are gathered here into a view; ``templates/invitation.html`` turns
them into the page, escaping every value. The meeting is the one the
draaiboek is for: the latest in meetings.yml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from .. import analysis
from ..agenda import clock, current_meeting
from ..invitation_ics import FILE, invited
from ..model import Meeting, Person
from ..nl import date_nl
from ..organisation import Organisation
from ..pause import schedule
from . import templates
from .links import PAGES, rel
from .meeting import no_meeting

HERE = "bijeenkomst/uitnodiging/"
DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
DEFAULT_GOAL = "samen afspreken wat we van elkaar nodig hebben, zodat het werk beter op elkaar aansluit."


@dataclass(frozen=True)
class InvitationView:
    """Everything the invitation page shows."""

    meeting: Meeting
    weekday: str
    start: str
    end: str
    default_start: bool
    facilitator: Person | None
    office: list[Person]
    outside: list[Person]
    everyone: bool  # no attendees in the data yet: everyone in people.yml is listed
    emails: list[str]  # only when settings.show_emails allows it
    lines: list[str]  # the e-mail text, one line each
    ics: str
    here: str
    past: bool
    notes: list[str] = field(default_factory=list)
    pause: int = 0  # minutes of the break in the meeting; 0 when it has none


def weekday(day: dt.date) -> str:
    return DAYS[day.weekday()]


def _names(people: list[Person]) -> str:
    names = [p.name for p in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def plain_text(view: InvitationView, org: Organisation) -> list[str]:
    """The invitation as lines of plain text, ready to paste into an e-mail."""
    meeting = view.meeting
    day = f"{view.weekday} {date_nl(meeting.date)}"
    lines = [f"Aan: {'; '.join(view.emails)}"] if view.emails else []
    lines += [f"Onderwerp: Uitnodiging: {meeting.title} ({day})", "", "Beste collega's,", ""]
    lines += [
        f"Graag nodig ik je uit voor de bijeenkomst “{meeting.title}”. We kijken samen naar ons werk, stap voor "
        "stap. Per stap spreken we af wat de collega na jou nodig heeft: wat, wanneer, in welke vorm en waarom.",
        "",
        f"Wanneer: {day}, van {view.start} tot {view.end}"
        + (f", met {view.pause} minuten pauze" if view.pause else ""),
        f"Waar: {' '.join(meeting.location.split()) if meeting.location else 'dat laat ik nog weten'}",
        f"Doel: {' '.join(meeting.goal.split()) if meeting.goal else DEFAULT_GOAL}",
        "",
        "Wie er komen:",
    ]
    if view.office:
        lines.append(f"- van kantoor: {_names(view.office)}")
    if view.outside:
        lines.append(f"- van de buitendienst: {_names(view.outside)}")
    lines += [
        "",
        "We vragen collega's van kantoor en van de buitendienst. Wie het werk doet, weet vaak het best wat er nodig is.",
        "",
        "Je hoeft niets voor te bereiden. Denk wel na over één vraag: wat heb jij van je collega's nodig om je "
        "werk goed te doen?",
        "",
        "Kun je niet? Laat het me dan zo snel mogelijk weten.",
        "",
        "Met vriendelijke groet,",
        view.facilitator.name if view.facilitator else org.info.name,
    ]
    return lines


def _notes(meeting: Meeting, office: list[Person], outside: list[Person], everyone: bool) -> list[str]:
    notes = []
    if everyone:
        notes.append(
            "Bij deze bijeenkomst staan nog geen deelnemers. Daarom staan hier alle collega's uit people.yml. "
            "Kies wie je uitnodigt en zet die bij 'attendees' in meetings.yml."
        )
    if not outside:
        notes.append(
            "Er staat nog niemand van de buitendienst bij de deelnemers. Nodig ook mensen van de buitendienst uit, zoals "
            "een projectleider of een monteur. Zij weten wat er op de bouw nodig is."
        )
    if not office:
        notes.append("Er staat nog niemand van kantoor bij de deelnemers. Nodig ook mensen van kantoor uit.")
    if meeting.location is None:
        notes.append("Er staat nog geen plaats bij de bijeenkomst. Zet die bij 'location' in meetings.yml.")
    if meeting.start is None:
        notes.append("Er staat nog geen begintijd bij de bijeenkomst; de tijden rekenen vanaf 09:00.")
    return notes


def view(org: Organisation, meeting: Meeting, *, today: dt.date) -> InvitationView:
    """The facts of the invitation for ``meeting``."""
    timed = schedule(org, meeting)  # the end time counts the break, as on the draaiboek
    plan = timed.plan
    everyone = not meeting.attendees
    people = list(org.people) if everyone else [org.person(p) for p in invited(org, meeting)]
    office = [p for p in people if p.workplace == "kantoor"]
    outside = [p for p in people if p.workplace == "buiten"]
    facilitator = org.person(meeting.facilitator) if meeting.facilitator else None
    result = InvitationView(
        meeting=meeting,
        weekday=weekday(meeting.date),
        start=clock(plan.start),
        end=clock(plan.end),
        default_start=plan.default_start,
        facilitator=facilitator,
        office=office,
        outside=outside,
        everyone=everyone,
        emails=[email for p in people if (email := analysis.shown_email(org, p))],
        lines=[],
        ics=rel(HERE, FILE.rsplit("/", 1)[0] + "/") + FILE.rsplit("/", 1)[1],
        here=HERE,
        past=meeting.date < today,
        notes=_notes(meeting, office, outside, everyone),
        pause=timed.pause.minutes if timed.pause else 0,
    )
    result.lines.extend(plain_text(result, org))
    return result


def invitation(org: Organisation, *, today: dt.date) -> Markup:
    """Markdown of the invitation page: the facts, the text to copy, and the calendar file."""
    meeting = current_meeting(org)
    if meeting is None:
        return Markup(no_meeting() + "\n")
    return templates.render(
        "invitation.html", view=view(org, meeting, today=today), pages=PAGES, follow_up="bijeenkomst/vervolg/"
    )
