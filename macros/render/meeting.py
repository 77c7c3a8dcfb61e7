"""The meeting script (/bijeenkomst/draaiboek/) and the facts of a meeting that several pages share.

The view functions gather the facts; ``templates/meeting.html`` writes the page, with the facilitator's
words from ``templates/script_text.html`` and each step of the round from ``templates/script_round.html``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import analysis
from ..agenda import Agenda, current_meeting, duration_nl, follow_up
from ..followup import CALENDAR_FILE, FOLLOW_UP_FILE
from ..model import ExternalCustomer, Meeting, Person
from ..organisation import Organisation, Step
from ..pause import Pause, Schedule, schedule
from .links import PAGES, rel
from .parts import macros
from .script_round import RoundView, round_view
from .status import PastView, past_view

HERE = PAGES["draaiboek"]


def no_meeting() -> str:
    """The notice that meetings.yml holds no meeting yet, with the command to add one."""
    return str(macros("meeting.html").no_meeting())


def _ics(here: str, path: str) -> str:
    folder, name = path.rsplit("/", 1)
    return rel(here, folder + "/") + name


@dataclass(frozen=True)
class CalendarView:
    meetings: bool  # there is a follow-up to put in the calendar
    deadlines: bool  # there are open action points
    follow_up_href: str
    calendar_href: str


def calendar_link(here: str, org: Organisation | None = None) -> str:
    """Links to the two calendar files: the follow-up only, and the follow-up with every open action point.

    With ``org``, a file that would hold no event is not offered.
    """
    return str(macros("meeting.html").calendar_link(calendar_view(here, org)))


def calendar_view(here: str, org: Organisation | None = None) -> CalendarView:
    return CalendarView(
        meetings=org is None or bool(org.meetings),
        deadlines=org is None or bool(analysis.open_of(org)),
        follow_up_href=_ics(here, FOLLOW_UP_FILE),
        calendar_href=_ics(here, CALENDAR_FILE),
    )


@dataclass(frozen=True)
class FactsView:
    meeting: Meeting
    plan: Schedule | None
    duration: str  # the length of the plan in words, the break included
    facilitator: Person | None
    attendees: list[Person]
    office: int  # attendees from the office
    field: int  # attendees from outside
    follow_up: dt.date
    default: bool  # the follow-up is the default of three months


def facts_view(org: Organisation, meeting: Meeting, plan: Schedule | None = None) -> FactsView:
    people = [org.person(p) for p in meeting.attendees]
    day, default = follow_up(meeting)
    return FactsView(
        meeting,
        plan,
        duration_nl(plan.minutes) if plan is not None else "",
        org.person(meeting.facilitator) if meeting.facilitator else None,
        people,
        sum(p.workplace == "kantoor" for p in people),
        sum(p.workplace == "buiten" for p in people),
        day,
        default,
    )


def meeting_facts(org: Organisation, meeting: Meeting) -> str:
    """Date, time (the break included), place, facilitator, attendees and follow-up as a definition list."""
    return str(macros("meeting.html").facts(facts_view(org, meeting, schedule(org, meeting))))


@dataclass(frozen=True)
class ScriptView:
    meeting: Meeting | None
    plan: Agenda  # the blocks at their clock times, after the break shifted
    pause: Pause | None
    duration: str  # the break included
    past: PastView | None
    facts: FactsView | None
    calendar: CalendarView
    rounds: list[RoundView]
    external: ExternalCustomer
    example: Step | None  # a handoff from the organisation's own work
    example_makers: list[Person]
    example_takers: list[Person]
    first: Step | None
    last: Step | None
    steps: int
    absent: list[Person]  # not at the meeting, the facilitator aside


def script_view(org: Organisation, meeting: Meeting | None, today: dt.date) -> ScriptView:
    timed = schedule(org, meeting)
    plan = timed.plan
    example = analysis.example_handoff(org)
    return ScriptView(
        meeting=meeting,
        plan=plan,
        pause=timed.pause,
        duration=duration_nl(timed.minutes),
        past=past_view(meeting, today),
        facts=facts_view(org, meeting, timed) if meeting is not None else None,
        calendar=calendar_view(HERE, org),
        rounds=[round_view(org, meeting, slot) for slot in plan.rounds],
        external=org.external_customer,
        example=example,
        example_makers=[org.person(p.person) for p in example.data.performers] if example else [],
        example_takers=[org.person(c.person) for c in example.data.customers] if example else [],
        first=org.steps[0] if org.steps else None,
        last=org.last_step,
        steps=len(org.steps),
        absent=analysis.absent(org, meeting) if meeting is not None else [],
    )


def script(org: Organisation, meeting_id: str | None = None, *, today: dt.date) -> str:
    """Markdown for the timed meeting script: overview table, then every block with its words."""
    view = script_view(org, current_meeting(org, meeting_id), today)
    return str(macros("meeting.html").script(view, HERE))
