"""The task division (/taakverdeling/): a task-function matrix of steps and people, its flags and a list per step.

The view gathers who does what; the template ``taakverdeling.html`` formats it.
"""

from __future__ import annotations

from typing import NamedTuple

from .. import analysis
from ..model import Person
from ..organisation import Organisation, Step
from .links import PAGES
from .page import macro

HERE = PAGES["taakverdeling"]


class Cell(NamedTuple):
    """One person in one step: works there (with a role), takes the work, both or neither."""

    does: bool
    role: str | None
    takes: bool


class Row(NamedTuple):
    person: Person
    idle: bool  # in no step
    cells: list[Cell]


class Division(NamedTuple):
    here: str
    steps: list[Step]
    empty: set[str]  # ids of steps nobody works in
    rows: list[Row]
    unstaffed: list[Step]
    idle: list[Person]
    no_customer: list[Step]  # steps before the last without an internal customer


def _order(org: Organisation, person: Person) -> tuple[int, str]:
    steps = org.steps_of(person.id)
    return (steps[0].number if steps else 10**6, person.name.casefold())


def _cell(step: Step, person: Person) -> Cell:
    performer = next((p for p in step.data.performers if p.person == person.id), None)
    takes = any(c.person == person.id for c in step.data.customers)
    return Cell(performer is not None, performer.role if performer else None, takes)


def division(org: Organisation, here: str = HERE) -> Division:
    """Who does what in which step, and what needs attention."""
    unstaffed = analysis.unstaffed_steps(org)
    idle = analysis.people_without_task(org)
    idle_ids = {p.id for p in idle}
    return Division(
        here=here,
        steps=list(org.steps),
        empty={s.id for s in unstaffed},
        rows=[
            Row(person, person.id in idle_ids, [_cell(s, person) for s in org.steps])
            for person in sorted(org.people, key=lambda p: _order(org, p))
        ],
        unstaffed=unstaffed,
        idle=idle,
        no_customer=analysis.steps_without_customer(org),
    )


def task_matrix(org: Organisation, *, here: str = HERE) -> str:
    """Steps as columns, people as rows; each cell says whether the person works there (and how) or takes the work.

    The first column sticks while the table scrolls sideways, so a phone reader always sees whose row it is.
    """
    return str(macro("taakverdeling.html", "matrix")(division(org, here)))


def task_flags(org: Organisation, *, here: str = HERE) -> str:
    """What the matrix shows that needs attention, in words: steps with nobody, people in no step.

    Only real problems are listed; when there are none, one sentence says that everything is in order.
    """
    return str(macro("taakverdeling.html", "flags")(division(org, here)))
