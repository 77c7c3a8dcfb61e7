"""The follow-up meeting's own script (/bijeenkomst/vervolg/, method step 3i).

The facts are gathered here into a view; ``templates/followup_script.html``
turns them into the page, escaping every value. The script is for the
follow-up of the last meeting held: its action points (done, open, late), what
the data shows now per step, the new agreements to make, and the next date.

The data has no dates on needs or agreements, and the build has no history, so
the page cannot list what changed since the meeting. It says so, and shows
what can be derived honestly: the status of each action point agreed then, the
agreements made then, and per step the state of the needs today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from ..agenda import DEFAULT_START, add_months, clock, current_meeting, follow_up, held_meeting
from ..followup import FOLLOW_UP_FILE
from ..model import STATUS_LABELS, Action, Meeting, Person
from ..organisation import Organisation, Step
from ..pause import place
from . import templates
from .links import PAGES, rel
from .meeting import no_meeting

HERE = "bijeenkomst/vervolg/"
# The follow-up's own blocks: (title, minutes, what you do). Together FOLLOW_UP_MINUTES.
BLOCKS = (
    ("Opening", 10, "Heet iedereen welkom. Noem kort het doel van de vorige bijeenkomst en wat jullie toen afspraken."),
    (
        "De actiepunten",
        30,
        "Loop de actiepunten hieronder langs. Vraag bij elk punt: is het klaar, wat loopt nog, wat houdt het tegen?",
    ),
    (
        "Werken de afspraken?",
        25,
        "Vraag per stap aan de interne klant: krijg je nu wat je nodig hebt, op tijd en in de goede vorm?",
    ),
    (
        "Nieuwe afspraken",
        15,
        "Spreek af wat nog ontbreekt. Leg elk actiepunt vast met wat, wie en wanneer.",
    ),
    ("Volgende datum en slotronde", 10, "Plan het volgende vervolg. Vraag iedereen in één zin hoe het nu gaat."),
)

PAUSE_DOES = "Geef een pauze. Zeg hoe laat jullie weer beginnen."


@dataclass(frozen=True)
class Block:
    start: str
    end: str
    title: str
    minutes: int
    does: str
    pause: bool = False  # the break, not one of the numbered blocks


@dataclass(frozen=True)
class ActionRow:
    action: Action
    who: Person
    step: Step | None
    status: str


@dataclass(frozen=True)
class StepState:
    """One step today: what was agreed for it at the meeting, and how complete its needs are."""

    step: Step
    agreed: list[str]
    customers: int
    needs: int
    incomplete: int  # needs without when, form or why
    in_return: int


@dataclass(frozen=True)
class FollowUpView:
    meeting: Meeting
    held: bool
    day: dt.date
    default_day: bool
    start: str
    location: str | None
    blocks: list[Block]
    done: list[ActionRow]
    open: list[ActionRow]
    late: list[ActionRow]
    other_open: int  # open action points that belong to no meeting or another one
    steps: list[StepState]
    todo: list[str]
    next_day: dt.date
    today: dt.date
    ics: str
    here: str


def _row(org: Organisation, action: Action) -> ActionRow:
    step = org.step(action.step) if action.step else None
    return ActionRow(action, org.person(action.who), step, STATUS_LABELS[action.status])


def _state(step: Step, meeting: Meeting) -> StepState:
    agreed = [p for a in meeting.agreements if a.step == step.id for p in a.points]
    needs = [n for c in step.data.customers for n in c.needs]
    return StepState(
        step=step,
        agreed=agreed,
        customers=len(step.data.customers),
        needs=len(needs),
        incomplete=sum(not (n.when and n.form and n.why) for n in needs),
        in_return=sum(len(c.in_return) for c in step.data.customers),
    )


def _todo(late: list[ActionRow], steps: list[StepState]) -> list[str]:
    """New agreements to make, as derived from the data."""
    todo = [
        f"{row.action.what.strip().rstrip('.')} ({row.who.name}) is te laat: spreek een nieuwe datum af, "
        "of wie het overneemt."
        for row in late
    ]
    for state in steps:
        name = state.step.name
        if not state.customers:
            todo.append(f"Stap {name} heeft nog geen interne klant: wie werkt verder met wat deze stap oplevert?")
            continue
        if not state.agreed:
            todo.append(f"Voor stap {name} staat nog geen afspraak: wat spreken jullie af?")
        if state.incomplete:
            count = "verwachting mist" if state.incomplete == 1 else "verwachtingen missen"
            todo.append(f"Bij stap {name}: {state.incomplete} {count} nog wanneer, vorm of waarom. Vul dat samen aan.")
    return todo


def _blocks(start: dt.datetime, meeting: Meeting | None) -> list[Block]:
    """The follow-up's blocks at their clock times, with a break when it is long (the rule of pause.py)."""
    found = place([minutes for _, minutes, _ in BLOCKS], meeting)
    out, clock_at = [], start
    for index, (title, minutes, does) in enumerate(BLOCKS):
        end = clock_at + dt.timedelta(minutes=minutes)
        out.append(Block(clock(clock_at), clock(end), title, minutes, does))
        clock_at = end
        if found is not None and found[0] == index:
            end = clock_at + dt.timedelta(minutes=found[1])
            out.append(Block(clock(clock_at), clock(end), "Pauze", found[1], PAUSE_DOES, pause=True))
            clock_at = end
    return out


def view(org: Organisation, meeting: Meeting, *, today: dt.date) -> FollowUpView:
    """The facts of the follow-up of ``meeting``."""
    day, default = follow_up(meeting)
    planned = next((m for m in org.meetings if m.date == day and m.id != meeting.id), None)
    start_time = (planned.start if planned else None) or meeting.start or DEFAULT_START
    location = (planned.location if planned else None) or meeting.location
    own = sorted((a for a in org.actions if a.meeting == meeting.id), key=lambda a: (a.due, a.id))
    rows = [_row(org, a) for a in own]
    late = [r for r in rows if r.action.is_overdue(today)]
    done = [r for r in rows if r.action.status == "klaar"]
    still = [r for r in rows if r.action.status != "klaar" and not r.action.is_overdue(today)]
    steps = [_state(s, meeting) for s in org.steps]
    return FollowUpView(
        meeting=meeting,
        held=meeting.date <= today,
        day=day,
        default_day=default,
        start=clock(start_time),
        location=location,
        blocks=_blocks(dt.datetime.combine(day, start_time), meeting),  # the break as in the calendar file
        done=done,
        open=still,
        late=late,
        other_open=sum(1 for a in org.actions if a.status != "klaar" and a.meeting != meeting.id),
        steps=steps,
        todo=_todo(late, steps),
        next_day=add_months(day, 3),
        today=today,
        ics=rel(HERE, FOLLOW_UP_FILE.rsplit("/", 1)[0] + "/") + FOLLOW_UP_FILE.rsplit("/", 1)[1],
        here=HERE,
    )


def script(org: Organisation, *, today: dt.date) -> Markup:
    """Markdown of the follow-up script: for the follow-up of the last meeting held (or the coming one)."""
    meeting = held_meeting(org, today) or current_meeting(org)
    if meeting is None:
        return Markup(no_meeting() + "\n")
    return templates.render("followup_script.html", view=view(org, meeting, today=today), pages=PAGES)
