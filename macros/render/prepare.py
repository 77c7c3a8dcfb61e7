"""The preparation checklist (/bijeenkomst/voorbereiding/), checked against the data where it can be."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .. import analysis
from ..agenda import current_meeting
from ..meeting_model import FOLLOW_UP_MONTHS
from ..organisation import Organisation
from .links import PAGES
from .parts import macros
from .status import follow_up_view, past_view
from .worksheet import MAX_STEPS

HERE = PAGES["voorbereiding"]
PRINT_TITLE = "Het werkblad is geprint"


@dataclass(frozen=True)
class Item:
    """One point of the checklist: its state (done, todo or self: to tick off by hand) and what the data shows."""

    kind: str  # which body the template writes
    state: str  # 'done', 'todo' or 'self'
    title: str
    data: dict[str, Any]


def _task_division(org: Organisation) -> Item:
    empty = analysis.unstaffed_steps(org)
    data = {"empty": empty, "loose": analysis.people_without_task(org), "steps": len(org.steps)}
    return Item("task_division", "todo" if empty else "done", "De taakverdeling is bekend", data)


def _print_model(org: Organisation) -> Item:
    return Item("print", "self", PRINT_TITLE, {"steps": len(org.steps), "max_steps": MAX_STEPS})


def _customers(org: Organisation) -> Item:
    missing = analysis.steps_without_customer(org)
    open_when = [
        s for s in org.steps if any(n.when is None for c in s.data.customers for n in c.needs) and s not in missing
    ]
    data = {"missing": missing, "open_when": open_when}
    return Item("customers", "todo" if missing else "done", "Per stap is de interne klant bekend", data)


def _invite(org: Organisation) -> Item:
    meeting = current_meeting(org)
    title = "Kantoor en buitendienst zijn uitgenodigd"
    if meeting is None:
        return Item("invite", "todo", title, {"meeting": None})
    people = [org.person(p) for p in meeting.attendees]
    office = [p for p in people if p.workplace == "kantoor"]
    field = [p for p in people if p.workplace == "buiten"]
    data = {"meeting": meeting, "office": office, "field": field, "others": analysis.absent(org, meeting)}
    return Item("invite", "done" if office and field else "todo", title, data)


def _plan(org: Organisation) -> Item:
    meeting = current_meeting(org)
    title = "Datum, tijd en plaats staan vast"
    if meeting is None:
        return Item("plan", "todo", title, {"meeting": None})
    missing = [
        label
        for label, value in (
            ("begintijd", meeting.start),
            ("plaats", meeting.location),
            ("begeleider", meeting.facilitator),
        )
        if value is None
    ]
    return Item("plan", "todo" if missing else "done", title, {"meeting": meeting, "missing": missing})


def _review(org: Organisation, today: dt.date) -> Item:
    due = analysis.steps_due_for_review(org, today)
    owners = [org.person(s.data.owner) if s.data.owner else None for s in due]
    data = {"due": list(zip(due, owners, strict=True)), "months": FOLLOW_UP_MONTHS}
    return Item("review", "todo" if due else "done", "De afspraken per stap zijn nagekeken", data)


def checklist(org: Organisation, *, today: dt.date) -> str:
    """The preparation steps of the method (1 and 2a to 2c), each with what the data shows,
    and the steps whose agreements are due for a review by their owner.

    When the meeting was held, a notice and the open action points for the follow-up come first.
    """
    items = [_task_division(org), _print_model(org), _customers(org), _review(org, today), _invite(org), _plan(org)]
    meeting = current_meeting(org)
    past = past_view(meeting, today)
    if meeting is None or past is None:
        return str(macros("prepare.html").page(items, None, None, None, HERE))
    follow = follow_up_view(org, meeting, today)
    return str(macros("prepare.html").page(items, past, follow, meeting.date, HERE))
