"""The meeting on a projector (/bijeenkomst/presentatie/): one screen per block, with capture during the rounds.

:func:`view` gathers the facts (the meeting, its timed blocks a to k with the
break, each step's round with its people, its internal customers and what is
recorded now, and the pick lists); :func:`presentation` renders them through
``presentation.html``. The browser script ``docs/assets/presentatie.js`` reads
the facts it needs from one JSON element (:func:`script_json`) and keeps what is
typed in localStorage; nothing is sent anywhere.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from markupsafe import Markup

from ..agenda import Slot, clock, current_meeting, duration_nl, follow_up
from ..limits import SENTENCE_MAX
from ..model import Meeting, Need
from ..nl import date_nl
from ..organisation import Organisation, Step
from ..pause import Schedule, schedule
from . import templates
from .templates import render, safe

TEMPLATE = "presentation.html"
RECORD_FORMAT = "handboek-interne-klant/verslag"  # see the record's description in the README
RECORD_VERSION = 1


@dataclass(frozen=True)
class Option:
    """One entry of a pick list: the code that goes into the record, and the name people see."""

    id: str
    label: str


@dataclass(frozen=True)
class Customer:
    """An internal customer of a step, with what is recorded for it now."""

    id: str
    name: str
    needs: tuple[Need, ...]
    in_return: tuple[Need, ...]


@dataclass(frozen=True)
class Worker:
    name: str
    function: str


@dataclass(frozen=True)
class Screen:
    """One screen of the presentation: a block (a to k), one step's round, or the break."""

    key: str  # its address after '#', and the id of its element
    kind: str  # 'block', 'round' or 'break'
    label: str  # its row in the schedule
    title: str
    start: dt.datetime
    minutes: int
    letter: str = ""
    does: str = ""  # what the facilitator does (block)
    says: str = ""  # what the facilitator can say (block)
    questions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # facts from the data for this block, as plain text
    custom: bool = False  # the meeting sets this block's duration itself
    rounds: tuple[Screen, ...] = ()  # the mapping round: one screen per step
    capture_actions: bool = False  # the block where action points are recorded
    step: Step | None = None
    number: int = 0  # the step's place in the round, and of how many
    of: int = 0
    workers: tuple[Worker, ...] = ()
    customers: tuple[Customer, ...] = ()
    agreements: tuple[str, ...] = ()  # what the meeting agreed for this step so far
    external: tuple[str, tuple[str, ...]] | None = None  # after the last step: the external customer's name and wishes

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minutes)

    @property
    def at(self) -> str:
        return clock(self.start)

    @property
    def until(self) -> str:
        return clock(self.end)


@dataclass(frozen=True)
class Presentation:
    """Everything the presentation page shows."""

    meeting: Meeting | None
    start: dt.datetime
    end: dt.datetime
    minutes: int  # break included
    default_start: bool
    screens: tuple[Screen, ...]  # in the order of the meeting; a block's rounds follow that block
    people: tuple[Option, ...]
    steps: tuple[Option, ...]
    attendees: tuple[str, ...]  # the people the meeting expects, ticked at the start
    follow_up: dt.date | None
    limit: int = SENTENCE_MAX  # the most characters in a typed text: the longest sentence ``handboek import`` takes

    @property
    def order(self) -> tuple[Screen, ...]:
        """Every screen in the order the arrow keys go: each block, then its rounds."""
        return tuple(s for screen in self.screens for s in (screen, *screen.rounds))

    @property
    def duration(self) -> str:
        return duration_nl(self.minutes)

    @property
    def time(self) -> str:
        return f"{clock(self.start)} tot {clock(self.end)}"

    @property
    def until(self) -> str:
        return clock(self.end)

    def data(self) -> dict[str, Any]:
        """The facts the browser script needs, for :func:`script_json`."""
        meeting = self.meeting
        return {
            "format": RECORD_FORMAT,
            "version": RECORD_VERSION,
            "meeting": None
            if meeting is None
            else {"id": meeting.id, "title": meeting.title, "date": meeting.date.isoformat()},
            "attendees": list(self.attendees),
            "people": {p.id: p.label for p in self.people},
            "steps": [{"id": s.id, "name": s.label} for s in self.steps],
            "screens": [
                {
                    "key": s.key,
                    "label": s.label,
                    "start": s.start.isoformat(timespec="minutes"),
                    "minutes": s.minutes,
                    "rounds": [r.key for r in s.rounds],
                }
                for s in self.order
            ],
        }


class _Words(NamedTuple):
    title: str
    does: str
    says: str
    questions: tuple[str, ...]


def _words(block_id: str) -> _Words:
    """The facilitator's words for a block, as plain text, from ``templates/script_text.html``.

    The same words as the draaiboek, and an organisation's override of that file changes both.
    The template escapes the text again where it prints it.
    """
    module = templates.environment(templates.override_dirs()).get_template("script_text.html").module

    def plain(part: str) -> str:
        return Markup(getattr(module, f"{block_id}_{part}")()).unescape().strip()

    questions = re.findall(r"<li>(.*?)</li>", str(getattr(module, f"{block_id}_questions")()), flags=re.S)
    return _Words(plain("title"), plain("does"), plain("says"), tuple(Markup(q).unescape() for q in questions))


def _block(org: Organisation, meeting: Meeting | None, slot: Slot) -> Screen:
    text = _words(slot.block.id)
    return Screen(
        key=f"blok-{slot.block.letter}",
        kind="block",
        label=f"{slot.block.letter}. {text.title}",
        title=text.title,
        start=slot.start,
        minutes=slot.minutes,
        letter=slot.block.letter,
        does=text.does,
        says=text.says,
        questions=text.questions,
        notes=_notes(org, meeting, slot.block.id),
        custom=slot.custom,
        capture_actions=slot.block.id == "actions",
    )


def _notes(org: Organisation, meeting: Meeting | None, block_id: str) -> tuple[str, ...]:
    """Facts from the data that a block shows, as plain text (the template escapes them)."""
    if block_id == "opening" and meeting is not None and meeting.goal:
        return (f"Doel van deze bijeenkomst: {meeting.goal}",)
    if block_id == "model" and org.steps:
        return tuple(f"Stap {s.number}: {s.name}" for s in org.steps)
    if block_id == "follow_up" and meeting is not None:
        day, default = follow_up(meeting)
        note = f"Voorstel voor de vervolgbijeenkomst: {date_nl(day)}."
        return (note + (" Die datum staat nog niet vast." if default else ""),)
    return ()


def _round(org: Organisation, meeting: Meeting | None, slot: Slot, number: int) -> Screen:
    step = slot.step
    assert step is not None  # a round always belongs to a step
    customers = tuple(
        Customer(c.person, org.person(c.person).name, tuple(c.needs), tuple(c.in_return)) for c in step.data.customers
    )
    agreed = () if meeting is None else tuple(p for a in meeting.agreements if a.step == step.id for p in a.points)
    ext = org.info.external_customer
    last = step == org.steps[-1]
    return Screen(
        key=f"stap-{step.id}",
        kind="round",
        label=f"Stap {step.number}: {step.name}",
        title=step.name,
        start=slot.start,
        minutes=slot.minutes,
        letter=slot.block.letter,
        step=step,
        number=number,
        of=len(org.steps),
        workers=tuple(Worker(org.person(p.person).name, org.person(p.person).function) for p in step.data.performers),
        customers=customers,
        agreements=agreed,
        external=(ext.name, tuple(ext.expectations)) if last else None,
    )


def _screens(org: Organisation, meeting: Meeting | None, plan: Schedule) -> tuple[Screen, ...]:
    screens: list[Screen] = []
    for slot in plan.plan.slots:
        screen = _block(org, meeting, slot)
        if slot.block.per_step:
            rounds = tuple(_round(org, meeting, r, i) for i, r in enumerate(plan.plan.rounds, start=1))
            screen = replace(screen, rounds=rounds)
        screens.append(screen)
        pause = plan.pause
        if pause is not None and pause.after == slot.block.id:
            screens.append(Screen("pauze", "break", "Pauze", "Pauze", pause.start, pause.minutes))
    return tuple(screens)


def view(org: Organisation, meeting_id: str | None = None) -> Presentation:
    """The facts of the presentation of a meeting: the given one, or the latest in the data."""
    meeting = current_meeting(org, meeting_id)
    plan = schedule(org, meeting)
    return Presentation(
        meeting=meeting,
        start=plan.plan.start,
        end=plan.end,
        minutes=plan.minutes,
        default_start=plan.plan.default_start,
        screens=_screens(org, meeting, plan),
        people=tuple(Option(p.id, p.name) for p in org.people),
        steps=tuple(Option(s.id, f"{s.number}. {s.name}") for s in org.steps),
        attendees=() if meeting is None else tuple(meeting.attendees),
        follow_up=None if meeting is None else follow_up(meeting)[0],
        limit=SENTENCE_MAX,
    )


def script_json(data: Any) -> Markup:
    """JSON for a ``<script type="application/json">`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c`` and so on: then no value can end the element
    (``</script>``) or open a comment, and ``JSON.parse`` reads them back unchanged. This is
    the one place where the page marks something built from data as safe.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return safe(text)


def presentation(org: Organisation, meeting_id: str | None = None) -> str:
    """The HTML of the presentation page."""
    facts = view(org, meeting_id)
    return str(render(TEMPLATE, p=facts, data=script_json(facts.data())))
