"""The action register (/actiepunten/): all points, grouped by owner and by step, and a form for new ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..agenda import current_meeting, follow_up
from ..analysis import open_actions
from ..model import STATUS_LABELS, Action, Organisation
from ..nl import date_nl
from .escape import h, md
from .links import PAGES, a, person_url, rel, step_url
from .status import is_past, past_notice

HERE = PAGES["actiepunten"]
FORM_ROWS = 15
COLUMN_CLASS = {
    "Code": "code",
    "Wat": "what",
    "Wie": "who",
    "Stap": "step",
    "Bijeenkomst": "meeting",
    "Wanneer": "due",
    "Status": "status",
}


def _status(act: Action, today: dt.date) -> str:
    late = ' <strong class="hb-late">te laat</strong>' if act.is_overdue(today) else ""
    return f'<span class="hb-status hb-status-{act.status}">{STATUS_LABELS[act.status]}</span>{late}'


def _step_link(org: Organisation, step_id: str) -> str:
    """A link to a step whose name may wrap after a slash, as in 'Planning/<wbr>voorbereiding'."""
    label = h(org.step(step_id).name).replace("/", "/<wbr>")
    return f'<a href="{h(rel(HERE, step_url(step_id)))}">{label}</a>'


def _meeting_label(org: Organisation, meeting_id: str | None) -> str:
    if meeting_id is None:
        return "–"
    meeting = next(m for m in org.meetings if m.id == meeting_id)
    return f'<time datetime="{meeting.date.isoformat()}">{date_nl(meeting.date)}</time>'


def _table(org: Organisation, actions: Iterable[Action], today: dt.date, *, columns: tuple[str, ...]) -> str:
    """A table of action points; ``columns`` picks from who, step and meeting."""
    head = ["Wat"] + [{"who": "Wie", "step": "Stap", "meeting": "Bijeenkomst"}[c] for c in columns]
    head += ["Wanneer", "Status", "Code"]  # the code last: only the maintainer needs it
    rows = []
    for act in sorted(actions, key=lambda x: (x.due, x.id)):
        cells = [f'<td data-label="Wat">{h(act.what)}</td>']
        if "who" in columns:
            cells.append(f'<td data-label="Wie">{a(HERE, person_url(act.who), org.person(act.who).name)}</td>')
        if "step" in columns:
            step = _step_link(org, act.step) if act.step else "–"
            cells.append(f'<td data-label="Stap">{step}</td>')
        if "meeting" in columns:
            cells.append(f'<td data-label="Bijeenkomst">{_meeting_label(org, act.meeting)}</td>')
        cells.append(f'<td data-label="Wanneer"><time datetime="{act.due.isoformat()}">{date_nl(act.due)}</time></td>')
        cells.append(f'<td data-label="Status">{_status(act, today)}</td>')
        cells.append(f'<td data-label="Code" class="hb-col-code">{h(act.id)}</td>')
        late = "hb-row-late" if act.is_overdue(today) else ""
        rows.append(f'<tr class="{late}">' + "".join(cells) + "</tr>")
    header = "".join(f'<th scope="col" class="hb-col-{COLUMN_CLASS[c]}">{c}</th>' for c in head)
    return (
        '<div class="hb-table-wrap"><table class="hb-table hb-stack hb-actions">'
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def summary(org: Organisation, today: dt.date) -> str:
    counts = {s: sum(x.status == s for x in org.actions) for s in STATUS_LABELS}
    late = sum(x.is_overdue(today) for x in org.actions)
    parts = [f"{n} {STATUS_LABELS[s].lower()}" for s, n in counts.items()]
    text = f"{len(org.actions)} actiepunten: " + ", ".join(parts)
    if late:
        text += f'. <strong class="hb-late">{late} te laat</strong> (stand op {date_nl(today)})'
    return f'<p class="hb-lead">{text}.</p>'


def register(org: Organisation, *, today: dt.date) -> str:
    """Every action point, open ones first in due order, then the done ones."""
    if not org.actions:
        return (
            '<p class="hb-empty">Er zijn nog geen actiepunten. Leg ze vast met '
            '<code>handboek action add --what "…" --who code --due JJJJ-MM-DD</code>.</p>'
        )
    done = [x for x in org.actions if not x.is_open]
    out = [summary(org, today), _table(org, open_actions(org.actions), today, columns=("who", "step", "meeting"))]
    if done:
        out.append(
            f'<details class="hb-done"><summary>{len(done)} {"afgerond actiepunt" if len(done) == 1 else "afgeronde actiepunten"}</summary>'
            + _table(org, done, today, columns=("who", "step", "meeting"))
            + "</details>"
        )
    return "\n\n".join(out) + "\n"


def by_owner(org: Organisation, *, today: dt.date) -> str:
    """The open action points per person, people with the most first."""
    out = []
    owners = sorted({x.who for x in open_actions(org.actions)}, key=lambda p: org.person(p).name.casefold())
    for person_id in owners:
        mine = [x for x in open_actions(org.actions) if x.who == person_id]
        person = org.person(person_id)
        late = sum(x.is_overdue(today) for x in mine)
        note = f', <strong class="hb-late">{late} te laat</strong>' if late else ""
        out.append(f"### {md(person.name)}")
        out.append(
            f'<p class="hb-meta">{a(HERE, person_url(person.id), person.name)}, {h(person.function.lower())}: '
            f"{len(mine)} open{note}.</p>"
        )
        out.append(_table(org, mine, today, columns=("step",)))
    if not out:
        return '<p class="hb-empty">Niemand heeft open actiepunten.</p>\n'
    return "\n\n".join(out) + "\n"


def by_step(org: Organisation, *, today: dt.date) -> str:
    """The open action points per process step, in the order of the chain."""
    out = []
    for step in org.steps:
        mine = open_actions(org.actions_of_step(step.id))
        out.append(f"### {step.number}. {md(step.name)}")
        if mine:
            out.append(_table(org, mine, today, columns=("who",)))
        else:
            out.append(f'<p class="hb-empty">Geen open actiepunten voor {a(HERE, step_url(step.id), step.name)}.</p>')
    loose = [x for x in open_actions(org.actions) if x.step is None]
    if loose:
        out.append("### Zonder stap")
        out.append(_table(org, loose, today, columns=("who",)))
    return "\n\n".join(out) + "\n"


def form(org: Organisation, *, today: dt.date) -> str:
    """An empty form for the meeting: what, who, when, step; one A4 page.

    For a meeting already held the form is for its follow-up, and a notice on screen says so.
    """
    meeting = current_meeting(org)
    about = f"{h(meeting.title)} · {date_nl(meeting.date)}" if meeting else "Bijeenkomst: ____________________"
    notice = ""
    if meeting is not None and is_past(meeting, today):
        day, _ = follow_up(meeting)
        if day >= today:
            about = f"Vervolgbijeenkomst · {date_nl(day)} · over de afspraken van {date_nl(meeting.date)}"
        notice = past_notice(meeting, today, screen_only=True)
    rows = "".join(
        f'<tr><td class="hb-form-nr">{n}</td><td></td><td></td><td></td><td></td></tr>' for n in range(1, FORM_ROWS + 1)
    )
    return notice + (
        '<div class="hb-form">'
        f'<p class="hb-form-title">Actiepunten · {h(org.info.name)}</p><p class="hb-meta">{about}</p>'
        '<p class="hb-form-hint">Schrijf bij elk punt op: wat er moet gebeuren, wie het doet en wanneer het klaar '
        "is. Maak alleen afspraken die je kunt nakomen.</p>"
        '<table class="hb-table hb-form-table"><thead><tr><th scope="col">Nr</th><th scope="col">Wat moet er gebeuren?</th>'
        '<th scope="col">Wie doet het?</th><th scope="col">Klaar op</th><th scope="col" class="hb-form-step">Stap</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        f'<p class="hb-meta">Bij <em>Stap</em> schrijf je het nummer van de stap, van 1 tot {len(org.steps)}, '
        "zoals op het werkblad.</p>"
        "</div>\n"
    )
