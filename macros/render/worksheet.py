"""The worksheet (the internal-customer model): one A4 landscape sheet with room to write.

``worksheet(org)`` fills in the organisation's steps, the names per step and
the external customer; ``blank_worksheet()`` is the same sheet without data,
for a team that starts from scratch.
"""

from __future__ import annotations

from ..agenda import current_meeting
from ..model import Organisation, Step
from ..nl import date_nl
from .escape import h
from .parts import join

MAX_STEPS = 7  # what fits across one A4 landscape sheet
BLANK_STEPS = 5  # the method's default chain has five steps
WRITE_LINES = 12  # enough ruled lines to fill a box; print clips what does not fit, on screen the box grows
NEEDS_LABEL = "Wat heeft de interne klant nodig? <span>Wat, wanneer, in welke vorm, waarom?</span>"
RETURN_LABEL = "Wat mag deze stap terug verwachten? <span>Hoe duidelijk en op tijd is de vraag?</span>"


def _wrap(name: str) -> str:
    """A step name that may wrap after a slash, as in 'Planning/<wbr>voorbereiding'."""
    return h(name).replace("/", "/<wbr>")


def _lines(count: int) -> str:
    return '<div class="hb-lines" aria-hidden="true">' + "<span></span>" * count + "</div>"


def _cell(label: str, body: str, cls: str = "") -> str:
    return f'<div class="hb-sheet-cell {cls}"><p class="hb-sheet-label">{label}</p>{body}</div>'


def _names(org: Organisation, ids: list[str], empty: str) -> str:
    if not ids:
        return f'<p class="hb-sheet-empty">{empty}</p>' + _lines(2)
    return '<ul class="hb-sheet-names">' + "".join(f"<li>{h(org.person(p).name)}</li>" for p in ids) + "</ul>"


def _column(org: Organisation, step: Step) -> str:
    workers = _names(org, [p.person for p in step.data.performers], "nog niemand")
    customers = _names(org, [c.person for c in step.data.customers], "nog niet ingevuld")
    return (
        f'<section class="hb-sheet-col" aria-label="Stap {step.number}: {h(step.name)}">'
        f'<p class="hb-sheet-step"><span class="hb-sheet-nr">{step.number}</span> {_wrap(step.name)}</p>'
        + _cell("Werkt hier", workers)
        + _cell("Interne klant", customers)
        + _cell(NEEDS_LABEL, _lines(WRITE_LINES), "hb-sheet-write")
        + _cell(RETURN_LABEL, _lines(WRITE_LINES), "hb-sheet-write")
        + "</section>"
    )


def _blank_column(number: int) -> str:
    return (
        f'<section class="hb-sheet-col" aria-label="Stap {number}">'
        f'<p class="hb-sheet-step"><span class="hb-sheet-nr">{number}</span> '
        '<span class="hb-sheet-blank">naam van de stap</span></p>'
        + _cell("Werkt hier", _lines(3))
        + _cell("Interne klant", _lines(2))
        + _cell(NEEDS_LABEL, _lines(WRITE_LINES), "hb-sheet-write")
        + _cell(RETURN_LABEL, _lines(WRITE_LINES), "hb-sheet-write")
        + "</section>"
    )


def _end_column(name: str | None, expectations: list[str]) -> str:
    title = h(name) if name else '<span class="hb-sheet-blank">externe klant</span>'
    items = "".join(f"<li>{h(e)}</li>" for e in expectations)
    listed = f'<ul class="hb-sheet-expect">{items}</ul>' if items else _lines(5)
    return (
        '<section class="hb-sheet-col hb-sheet-end" aria-label="Externe klant">'
        f'<p class="hb-sheet-step"><span class="hb-sheet-nr">★</span> {title}</p>'
        + _cell("Externe klant: wat verwacht die van ons?", listed, "hb-sheet-span")
        + _cell("Wat nog meer?", _lines(2 * WRITE_LINES), "hb-sheet-write hb-sheet-span")
        + "</section>"
    )


def _sheet(title: str, subtitle: str, columns: list[str], count: int) -> str:
    return (
        f'<div class="hb-sheet" style="--hb-cols: {count}">'
        f'<div class="hb-sheet-head"><p class="hb-sheet-title">{title}</p>'
        f'<p class="hb-sheet-sub">{subtitle}</p></div>'
        f'<div class="hb-sheet-grid">{"".join(columns)}</div>'
        '<p class="hb-sheet-foot">Lees van links naar rechts. Wie in een stap werkt, levert aan de interne klant '
        "van die stap. Eén persoon kan interne klant zijn van meer stappen. Aan het eind staat de externe klant.</p>"
        "</div>"
    )


def worksheet(org: Organisation) -> str:
    """The sheet with the organisation's steps and names; a note instead when there are too many steps."""
    meeting = current_meeting(org)
    sub = f"{h(org.info.name)}"
    if meeting is not None:
        sub += f" · {h(meeting.title)} · {date_nl(meeting.date)}"
    columns = [_column(org, s) for s in org.steps]
    ext = org.external_customer
    columns.append(_end_column(ext.name, list(ext.expectations)))
    note = ""
    if len(org.steps) > MAX_STEPS:
        note = (
            f'<p class="hb-todo">Er zijn {len(org.steps)} stappen. Op één blad passen er {MAX_STEPS}; '
            "print het blad op A3, of voeg stappen samen.</p>"
        )
    return note + _sheet("Schema interne klanten", sub, columns, len(columns))


def blank_worksheet(steps: int = BLANK_STEPS) -> str:
    """The same sheet with empty boxes: step names, people and customer written in by hand."""
    count = max(1, min(steps, MAX_STEPS))
    columns = [_blank_column(n) for n in range(1, count + 1)] + [_end_column(None, [])]
    sub = "Organisatie: ____________________ · Datum: ____________"
    return _sheet("Schema interne klanten", sub, columns, len(columns))


def sheet_summary(org: Organisation) -> str:
    """One line for the screen: which steps and names the sheet holds."""
    steps = join(h(s.name) for s in org.steps)
    ext = h(org.external_customer.name.lower())
    return f'<p class="hb-screen-only">Het werkblad heeft {len(org.steps)} stappen: {steps}. Daarna komt de {ext}.</p>'
