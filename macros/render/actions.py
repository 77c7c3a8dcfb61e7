"""The action register (/actiepunten/): all points, grouped by owner and by step, and a form for new ones.

The view functions here gather the facts; ``templates/actions.html`` formats them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import analysis
from ..agenda import current_meeting, follow_up
from ..model import STATUS_LABELS, Meeting
from ..organisation import Organisation
from .links import PAGES
from .parts import ActionRow, action_rows, macros
from .status import PastView, is_past, past_view

HERE = PAGES["actiepunten"]
FORM_ROWS = 15


@dataclass(frozen=True)
class RegisterView:
    total: int
    counts: list[tuple[str, int]]  # (status label in lower case, number)
    late: int
    today: dt.date
    open: list[ActionRow]
    done: list[ActionRow]


@dataclass(frozen=True)
class FormView:
    name: str
    meeting: Meeting | None
    follow_up: dt.date | None  # the coming follow-up the form is for, when the meeting was held
    past: PastView | None
    rows: int
    steps: int


def _register_view(org: Organisation, today: dt.date) -> RegisterView:
    return RegisterView(
        total=len(org.actions),
        counts=[(label.lower(), sum(x.status == s for x in org.actions)) for s, label in STATUS_LABELS.items()],
        late=len(analysis.overdue_of(org, today)),
        today=today,
        open=action_rows(org, analysis.open_of(org), today),
        done=action_rows(org, analysis.done_of(org), today),
    )


def summary(org: Organisation, today: dt.date) -> str:
    return str(macros("actions.html").summary(_register_view(org, today)))


def register(org: Organisation, *, today: dt.date) -> str:
    """Every action point, open ones first in due order, then the done ones."""
    return str(macros("actions.html").register(_register_view(org, today), HERE))


def by_owner(org: Organisation, *, today: dt.date) -> str:
    """The open action points per person, people by name."""
    open_ = analysis.open_of(org)
    owners = sorted({x.who for x in open_}, key=lambda p: org.person(p).name.casefold())
    groups = [(org.person(p), action_rows(org, [x for x in open_ if x.who == p], today)) for p in owners]
    return str(macros("actions.html").by_owner(groups, HERE))


def by_step(org: Organisation, *, today: dt.date) -> str:
    """The open action points per process step, in the order of the chain."""
    groups = [(s, action_rows(org, analysis.open_actions(org.actions_of_step(s.id)), today)) for s in org.steps]
    loose = action_rows(org, [x for x in analysis.open_of(org) if x.step is None], today)
    return str(macros("actions.html").by_step(groups, loose, HERE))


def form(org: Organisation, *, today: dt.date) -> str:
    """An empty form for the meeting: what, who, when, step; one A4 page.

    For a meeting already held the form is for its follow-up, and a notice on screen says so.
    """
    meeting = current_meeting(org)
    coming = None
    if meeting is not None and is_past(meeting, today):
        day, _ = follow_up(meeting)
        coming = day if day >= today else None
    view = FormView(org.info.name, meeting, coming, past_view(meeting, today), FORM_ROWS, len(org.steps))
    return str(macros("actions.html").form(view))
