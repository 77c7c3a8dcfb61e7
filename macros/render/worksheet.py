"""The worksheet (the internal-customer model): one A4 landscape sheet with room to write.

``worksheet(org)`` fills in the organisation's steps, the names per step and
the external customer; ``blank_worksheet()`` is the same sheet without data,
for a team that starts from scratch. The sheet itself is ``templates/worksheet.html``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..agenda import current_meeting
from ..model import ExternalCustomer, Meeting, Person
from ..organisation import Organisation, Step
from .parts import macros

MAX_STEPS = 7  # what fits across one A4 landscape sheet
BLANK_STEPS = 5  # the method's default chain has five steps
WRITE_LINES = 12  # enough ruled lines to fill a box; print clips what does not fit, on screen the box grows


@dataclass(frozen=True)
class Column:
    number: int
    step: Step | None = None  # None: a blank column to write the step in by hand
    workers: list[Person] = field(default_factory=list)
    customers: list[Person] = field(default_factory=list)


@dataclass(frozen=True)
class SheetView:
    columns: list[Column]
    external: ExternalCustomer | None
    name: str | None = None
    meeting: Meeting | None = None
    blank: bool = False
    too_many: bool = False
    max_steps: int = MAX_STEPS
    write_lines: int = WRITE_LINES


def worksheet(org: Organisation) -> str:
    """The sheet with the organisation's steps and names; a note instead when there are too many steps."""
    columns = [
        Column(
            s.number,
            s,
            [org.person(p.person) for p in s.data.performers],
            [org.person(c.person) for c in s.data.customers],
        )
        for s in org.steps
    ]
    view = SheetView(
        columns,
        org.external_customer,
        name=org.info.name,
        meeting=current_meeting(org),
        too_many=len(org.steps) > MAX_STEPS,
    )
    return str(macros("worksheet.html").sheet(view))


def blank_worksheet(steps: int = BLANK_STEPS) -> str:
    """The same sheet with empty boxes: step names, people and customer written in by hand."""
    count = max(1, min(steps, MAX_STEPS))
    view = SheetView([Column(n) for n in range(1, count + 1)], None, blank=True)
    return str(macros("worksheet.html").sheet(view))


def sheet_summary(org: Organisation) -> str:
    """One line for the screen: which steps and names the sheet holds."""
    return str(macros("worksheet.html").summary(org.steps, org.external_customer))
