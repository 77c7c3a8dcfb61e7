"""Small HTML parts that several pages share: the Python side of ``templates/parts.html``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .. import analysis
from ..model import STATUS_LABELS, Action, Meeting, Need, Person
from ..organisation import Organisation, Step
from . import templates

NOT_AGREED = "nog niet afgesproken"


@dataclass(frozen=True)
class ActionRow:
    """One action point as a table shows it: the point, the people and things it names, and whether it is late."""

    action: Action
    person: Person
    step: Step | None
    meeting: Meeting | None
    late: bool

    @property
    def status(self) -> str:
        return STATUS_LABELS[self.action.status]


def action_rows(org: Organisation, actions: Iterable[Action], today: dt.date) -> list[ActionRow]:
    """View models of ``actions`` by due date, each with its owner, step, meeting and lateness."""
    meetings = {m.id: m for m in org.meetings}
    return [
        ActionRow(
            act,
            org.person(act.who),
            org.step(act.step) if act.step else None,
            meetings[act.meeting] if act.meeting else None,
            act.is_overdue(today),
        )
        for act in sorted(actions, key=lambda x: (x.due, x.id))
    ]


def macros(name: str = "parts.html") -> Any:
    """The macros of a template (an override from the theme's folder wins), for Python callers."""
    return templates.environment(templates.override_dirs()).get_template(name).module


def person_link(org: Organisation, here: str, person_id: str) -> str:
    return str(macros().person_link(org.person(person_id), here))


def step_link(org: Organisation, here: str, step_id: str) -> str:
    return str(macros().step_link(org.step(step_id), here))


def join(parts: Iterable[str], empty: str = "") -> str:
    """'a, b en c' of finished HTML parts (the caller escaped them)."""
    items = list(parts)
    if not items:
        return empty
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


def need_card(need: Need, *, in_return: bool = False) -> str:
    """One expectation: what, and when, in what form and why (template ``parts.html``)."""
    return str(macros().need_card(need, in_return))


def needs_block(needs: Iterable[Need], *, in_return: bool = False, empty: str) -> str:
    return str(macros().needs_block(list(needs), empty, in_return))


def action_table(
    org: Organisation,
    here: str,
    actions: Iterable[Action],
    today: dt.date,
    *,
    show_who: bool = True,
    show_step: bool = False,
    empty: str = "Geen open actiepunten.",
    stack: bool = False,
) -> str:
    """A table of action points with overdue ones marked; with ``stack`` each row becomes a card on a phone."""
    columns: Sequence[tuple[str, str]] = [
        ("what", "Wat"),
        *([("who", "Wie")] if show_who else []),
        *([("step", "Stap")] if show_step else []),
        ("due", "Wanneer"),
        ("status", "Status"),
    ]
    rows = action_rows(org, actions, today)
    cls = "hb-table hb-stack" if stack else "hb-table"
    return str(macros().action_table(rows, here, columns, cls=cls, labels=stack, empty=empty))


def open_actions(actions: Iterable[Action]) -> list[Action]:
    """The open ones among ``actions``, by due date (see ``analysis.open_actions``)."""
    return analysis.open_actions(actions)
