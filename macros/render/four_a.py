"""The 4 A's (/4a/), each made concrete with the organisation's own data.

The facts come from ``analysis``; ``templates/four_a.html`` writes them as the four parts of the page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import analysis
from ..model import WORKPLACE_LABELS, Action, Person
from ..organisation import Organisation, Step
from .links import PAGES
from .parts import ActionRow, action_rows, macros

HERE = PAGES["4a"]


@dataclass(frozen=True)
class PromisesView:
    open: list[ActionRow]
    late: list[Action]
    limit: int
    workload: list[tuple[Person, int, bool]]  # (person, open points, more than the limit)
    heavy: list[Person]
    name_late: bool  # settings.name_late: names next to the late points, else counts per step
    late_steps: list[tuple[Step | None, int]]  # (step or None, late points), when names are not shown


def promises(org: Organisation, *, today: dt.date, here: str = HERE) -> str:
    """Afspraken nakomen: the open and overdue action points, and who carries more than the agreed number.

    Unless settings.name_late says so, no name stands next to a late point: the table has no 'Wie' column and
    the late points are counted per step. /actiepunten/ and each person's own page still say who does what.
    """
    view = PromisesView(
        open=action_rows(org, analysis.open_of(org), today),
        late=analysis.overdue_of(org, today),
        limit=org.info.settings.max_open_actions,
        workload=[(p, n, analysis.is_overloaded(org, n)) for p, n in analysis.workload(org)],
        heavy=[p for p, _ in analysis.overloaded(org)],
        name_late=org.info.settings.name_late,
        late_steps=analysis.late_per_step(org, today),
    )
    return str(macros("four_a.html").promises(view, org, here))


def attention(org: Organisation, *, here: str = HERE) -> str:
    """Aandacht: the handoffs to colleagues who work elsewhere, where a short call makes the difference."""
    any_handoffs = any(step.data.customers for step in org.steps)
    page = macros("four_a.html")
    return str(page.attention(analysis.remote_handoffs(org), any_handoffs, WORKPLACE_LABELS, org, here))


def attitude(org: Organisation, *, here: str = HERE) -> str:
    """Attitude: what is already done, so that there is something to say thank you for."""
    return str(macros("four_a.html").attitude(analysis.done_of(org), org, here))


def assumptions(org: Organisation, *, here: str = HERE) -> str:
    """Aanname: the needs that do not say when or in what form: expectations nobody has spoken out yet."""
    any_needs = any(need for step in org.steps for entry in step.data.customers for need in entry.needs)
    return str(macros("four_a.html").assumptions(analysis.gaps(org), any_needs, org, here))
