"""The preparation checklist (/bijeenkomst/voorbereiding/), checked against the data where it can be."""

from __future__ import annotations

from dataclasses import dataclass

from ..agenda import current_meeting
from ..model import Organisation
from ..nl import date_nl
from .escape import h
from .links import PAGES, a, rel, step_url
from .parts import join
from .worksheet import MAX_STEPS

HERE = PAGES["voorbereiding"]
STATES = {"done": ("☑", "Klaar"), "todo": ("☐", "Nog doen"), "self": ("☐", "Zelf afvinken")}


@dataclass(frozen=True)
class Item:
    state: str  # a key of STATES
    title: str
    body: str


def _steps(org: Organisation, ids: list[str]) -> str:
    return join(a(HERE, step_url(s), org.step(s).name) for s in ids)


def _task_division(org: Organisation) -> Item:
    empty = [s.id for s in org.steps if not s.data.performers]
    named = {p.person for s in org.steps for p in s.data.performers} | {
        c.person for s in org.steps for c in s.data.customers
    }
    loose = [p for p in org.people if p.id not in named]
    lines = [
        f"Welke hoofdstappen heeft het werk, en wie doet wat? Bekijk de "
        f"{a(HERE, PAGES['taakverdeling'], 'taakverdeling')} en de {a(HERE, PAGES['stappen'], 'stappen')}."
    ]
    if empty:
        lines.append(f"Nog niemand ingevuld bij: {_steps(org, empty)}.")
    if loose:
        lines.append(f"Staat in geen enkele stap: {join(h(p.name) for p in loose)}.")
    state = "todo" if empty else "done"
    if not empty:
        lines.append(f"Alle {len(org.steps)} stappen hebben mensen.")
    return Item(state, "De taakverdeling is bekend", " ".join(lines))


def _print_model(org: Organisation) -> Item:
    link = a(HERE, PAGES["werkblad"], "werkblad")
    blank = f'<a href="{h(rel(HERE, PAGES["werkblad"] + "leeg/"))}">lege werkblad</a>'
    body = (
        f"Print het {link} op A4, liggend: één blad per deelnemer en één groot voor op tafel. "
        f"Begint het team zonder gegevens? Gebruik dan het {blank}."
    )
    if len(org.steps) > MAX_STEPS:
        body += f" Let op: er zijn {len(org.steps)} stappen; op één A4 passen er {MAX_STEPS}."
    return Item("self", "Het werkblad is geprint", body)


def _customers(org: Organisation) -> Item:
    last = org.steps[-1].id if org.steps else None
    missing = [s.id for s in org.steps if not s.data.customers and s.id != last]
    open_when = [
        s.id
        for s in org.steps
        if any(n.when is None for c in s.data.customers for n in c.needs) and s.id not in missing
    ]
    lines = ["Schrijf per stap op wie het werk overneemt. Die naam staat dan al op het werkblad."]
    if missing:
        lines.append(f"Nog geen interne klant bij: {_steps(org, missing)}. Spreek af wie dat is, vóór de bijeenkomst.")
    else:
        lines.append("Elke stap heeft een interne klant.")
    if open_when:
        lines.append(f"Vraag in de bijeenkomst door over <em>wanneer</em> bij: {_steps(org, open_when)}.")
    return Item("todo" if missing else "done", "Per stap is de interne klant bekend", " ".join(lines))


def _invite(org: Organisation) -> Item:
    meeting = current_meeting(org)
    title = "Kantoor en buitendienst zijn uitgenodigd"
    if meeting is None:
        return Item("todo", title, "Er staat nog geen bijeenkomst in de gegevens, dus ook geen deelnemers.")
    people = [org.person(p) for p in meeting.attendees]
    office = [p for p in people if p.workplace == "kantoor"]
    field = [p for p in people if p.workplace == "buiten"]
    others = [p for p in org.people if p.id not in meeting.attendees and p.id != meeting.facilitator]
    lines = [
        "Nodig naast de mensen van kantoor ook een paar mensen van buiten uit, zoals projectleiders en monteurs.",
        f"Uitgenodigd: {len(office)} van kantoor en {len(field)} van buiten.",
    ]
    if field:
        lines.append(f"Van buiten: {join(h(p.name) for p in field)}.")
    else:
        lines.append("Er is nog niemand van buiten uitgenodigd.")
    if others:
        lines.append(f"Niet uitgenodigd: {join(h(p.name) for p in others)}. Zij horen het via het memo.")
    state = "done" if office and field else "todo"
    return Item(state, title, " ".join(lines))


def _plan(org: Organisation) -> Item:
    meeting = current_meeting(org)
    title = "Datum, tijd en plaats staan vast"
    if meeting is None:
        return Item("todo", title, "Leg de bijeenkomst vast met <code>handboek meeting add</code>.")
    missing = [
        label
        for label, value in (
            ("begintijd", meeting.start),
            ("plaats", meeting.location),
            ("begeleider", meeting.facilitator),
        )
        if value is None
    ]
    body = f"De bijeenkomst “{h(meeting.title)}” is op {date_nl(meeting.date)}"
    body += f" om {meeting.start:%H:%M}" if meeting.start else ""
    body += f", in {h(meeting.location)}." if meeting.location else "."
    body += f" Het {a(HERE, PAGES['draaiboek'], 'draaiboek')} rekent de tijden uit."
    if missing:
        body += f" Nog in te vullen in <code>meetings.yml</code>: {join(missing)}."
    return Item("todo" if missing else "done", title, body)


def checklist(org: Organisation) -> str:
    """The preparation steps of the method (1 and 2a to 2c), each with what the data shows."""
    items = [_task_division(org), _print_model(org), _customers(org), _invite(org), _plan(org)]
    rows = []
    for item in items:
        box, label = STATES[item.state]
        rows.append(
            f'<li class="hb-check hb-check-{item.state}"><span class="hb-check-box" aria-hidden="true">{box}</span>'
            f'<div><p class="hb-check-title">{item.title} <span class="hb-check-state">{label}</span></p>'
            f"<p>{item.body}</p></div></li>"
        )
    todo = sum(i.state == "todo" for i in items)
    lead = (
        f'<p class="hb-lead">{todo} van de {len(items)} punten moeten nog gebeuren.</p>'
        if todo
        else f'<p class="hb-lead">Alle {len(items)} punten zijn in orde of kun je zelf afvinken.</p>'
    )
    return lead + '<ul class="hb-checklist">' + "".join(rows) + "</ul>\n"
