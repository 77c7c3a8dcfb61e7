"""The worksheet (the internal-customer model): one landscape sheet with room to write, A4 or A3.

``worksheet(org)`` fills in the organisation's steps, the names per step and
the external customer; ``blank_worksheet()`` is the same sheet without data,
for a team that starts from scratch. ``a3_view`` is the filled sheet for one A3
sheet on the table (the page type ``werkblad-a3`` in ``pages.py``). The sheet
itself is ``templates/worksheet.html``; the paper size only changes its class,
and the print styles give each size its own page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..agenda import current_meeting
from ..model import ExternalCustomer, Meeting, Person
from ..organisation import Organisation, Step
from .links import PAGES
from .parts import macros

if TYPE_CHECKING:
    from ..pages import Facts

MAX_STEPS = 7  # what fits across one A4 landscape sheet
# Per paper size: the most steps that fit across one landscape sheet.
SIZES = {"a4": MAX_STEPS, "a3": 10}
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
    size: str = "a4"  # the paper: "a4" or "a3" (a key of SIZES)
    here: str = ""  # the page's address, for the links of the A3 page
    other: str = ""  # the address of the sheet on the other paper size


def _columns(org: Organisation) -> list[Column]:
    return [
        Column(
            s.number,
            s,
            [org.person(p.person) for p in s.data.performers],
            [org.person(c.person) for c in s.data.customers],
        )
        for s in org.steps
    ]


def sheet_view(org: Organisation, size: str = "a4", here: str = "") -> SheetView:
    """The filled sheet for one landscape sheet of ``size``."""
    return SheetView(
        _columns(org),
        org.external_customer,
        name=org.info.name,
        meeting=current_meeting(org),
        too_many=len(org.steps) > SIZES[size],
        max_steps=SIZES[size],
        size=size,
        here=here,
        other=PAGES["werkblad" if size == "a3" else "werkblad-a3"],
    )


def a3_view(facts: Facts) -> SheetView:
    """The view of /bijeenkomst/werkblad/a3/: the same sheet, for one A3 sheet on the table."""
    return sheet_view(facts.org, "a3", facts.here)


def worksheet(org: Organisation) -> str:
    """The sheet with the organisation's steps and names; a note instead when there are too many steps."""
    return str(macros("worksheet.html").sheet(sheet_view(org)))


def blank_worksheet(steps: int = BLANK_STEPS) -> str:
    """The same sheet with empty boxes: step names, people and customer written in by hand."""
    count = max(1, min(steps, MAX_STEPS))
    view = SheetView([Column(n) for n in range(1, count + 1)], None, blank=True)
    return str(macros("worksheet.html").sheet(view))


def sheet_summary(org: Organisation) -> str:
    """One line for the screen: which steps and names the sheet holds."""
    return str(macros("worksheet.html").summary(org.steps, org.external_customer))
