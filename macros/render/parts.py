"""Small HTML parts that several pages share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ..model import STATUS_LABELS, Action, Need, Organisation
from ..nl import date_nl
from . import templates
from .escape import h
from .links import a, person_url, step_url

NOT_AGREED = "nog niet afgesproken"


def person_link(org: Organisation, here: str, person_id: str) -> str:
    return a(here, person_url(person_id), org.person(person_id).name)


def step_link(org: Organisation, here: str, step_id: str) -> str:
    return a(here, step_url(step_id), org.step(step_id).name)


def join(parts: Iterable[str], empty: str = "") -> str:
    items = list(parts)
    if not items:
        return empty
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


def need_card(need: Need, *, in_return: bool = False) -> str:
    """One expectation: what, and when, in what form and why (template ``parts.html``)."""
    return str(_parts().need_card(need, in_return))


def needs_block(needs: Iterable[Need], *, in_return: bool = False, empty: str) -> str:
    return str(_parts().needs_block(list(needs), empty, in_return))


def _parts() -> Any:
    """The macros of ``parts.html``, for Python callers that have not moved to a template yet."""
    return templates.environment(templates.override_dirs()).get_template("parts.html").module


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
    rows = []
    for act in sorted(actions, key=lambda x: (x.due, x.id)):
        late = act.is_overdue(today)
        status = STATUS_LABELS[act.status] + (' <strong class="hb-late">te laat</strong>' if late else "")
        cells = [f"<td{_label('Wat', stack)}>{h(act.what)}</td>"]
        if show_who:
            cells.append(f"<td{_label('Wie', stack)}>{person_link(org, here, act.who)}</td>")
        if show_step:
            cells.append(f"<td{_label('Stap', stack)}>{step_link(org, here, act.step) if act.step else '–'}</td>")
        cells.append(
            f'<td{_label("Wanneer", stack)}><time datetime="{act.due.isoformat()}">{date_nl(act.due)}</time></td>'
        )
        cells.append(f"<td{_label('Status', stack)}>{status}</td>")
        rows.append(f'<tr class="{"hb-row-late" if late else ""}">' + "".join(cells) + "</tr>")
    if not rows:
        return f'<p class="hb-empty">{empty}</p>'
    head = ["Wat"] + (["Wie"] if show_who else []) + (["Stap"] if show_step else []) + ["Wanneer", "Status"]
    header = "".join(f'<th scope="col">{c}</th>' for c in head)
    return (
        f'<div class="hb-table-wrap"><table class="hb-table{" hb-stack" if stack else ""}">'
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _label(name: str, on: bool) -> str:
    return f' data-label="{name}"' if on else ""


def open_actions(actions: Iterable[Action]) -> list[Action]:
    return [x for x in actions if x.status != "klaar"]
