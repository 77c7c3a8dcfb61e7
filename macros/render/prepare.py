"""The preparation checklist (/bijeenkomst/voorbereiding/), checked against the data where it can be."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import analysis
from ..agenda import current_meeting
from ..model import Organisation
from ..nl import date_nl
from .escape import h
from .links import PAGES, a, rel, step_url
from .parts import join
from .status import follow_up_agenda, is_past, past_notice
from .worksheet import MAX_STEPS

HERE = PAGES["voorbereiding"]
PRINT_TITLE = "Het werkblad is geprint"
STATES = {"done": ("☑", "Klaar"), "todo": ("☐", "Nog doen"), "self": ("☐", "Zelf afvinken")}


@dataclass(frozen=True)
class Item:
    state: str  # a key of STATES
    title: str
    body: str


def _steps(org: Organisation, ids: list[str]) -> str:
    return join(a(HERE, step_url(s), org.step(s).name) for s in ids)


def _task_division(org: Organisation) -> Item:
    empty = [s.id for s in analysis.unstaffed_steps(org)]
    loose = analysis.people_without_task(org)
    lines = [
        f"Welke hoofdstappen heeft het werk, en wie doet wat? Bekijk de "
        f"{a(HERE, PAGES['taakverdeling'], 'taakverdeling')} en de {a(HERE, PAGES['stappen'], 'stappen')}."
    ]
    if empty:
        lines.append(f"Nog niemand ingevuld bij: {_steps(org, empty)}.")
    if loose:
        lines.append(f"Werkt in geen enkele stap: {join(h(p.name) for p in loose)}.")
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
    return Item("self", PRINT_TITLE, body)


def _customers(org: Organisation) -> Item:
    missing = [s.id for s in analysis.steps_without_customer(org)]
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
    others = analysis.absent(org, meeting)
    lines = [
        "Nodig naast de mensen van kantoor ook een paar mensen van buiten uit, zoals projectleiders en monteurs.",
        f"Uitgenodigd: {len(office)} van kantoor en {len(field)} van buiten.",
    ]
    if field:
        lines.append(f"Van buiten: {join(h(p.name) for p in field)}.")
    else:
        lines.append("Er is nog niemand van buiten uitgenodigd.")
    if others:
        lines.append(
            f"Niet uitgenodigd: {join(h(p.name) for p in others)}. "
            "Wie er niet bij is, hoort het via het werkoverleg en het memo."
        )
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
    body += f" om {meeting.start:%H:%M} uur" if meeting.start else ""
    body += f". Plaats: {h(meeting.location)}." if meeting.location else "."
    body += f" Het {a(HERE, PAGES['draaiboek'], 'draaiboek')} rekent de tijden uit."
    if missing:
        body += f" Nog in te vullen in <code>meetings.yml</code>: {join(missing)}."
    return Item("todo" if missing else "done", title, body)


def checklist(org: Organisation, *, today: dt.date) -> str:
    """The preparation steps of the method (1 and 2a to 2c), each with what the data shows.

    When the meeting was held, a notice and the open action points for the follow-up come first.
    """
    items = [_task_division(org), _print_model(org), _customers(org), _invite(org), _plan(org)]
    rows = []
    for item in items:
        box, label = STATES[item.state]
        rows.append(
            f'<li class="hb-check hb-check-{item.state}"><span class="hb-check-box" aria-hidden="true">{box}</span>'
            f'<div><p class="hb-check-title">{item.title} <span class="hb-check-state">{label}</span></p>'
            f"<p>{item.body}</p></div></li>"
        )
    lead = f'<p class="hb-lead">{_count(items)}</p>'
    body = lead + '<ul class="hb-checklist">' + "".join(rows) + "</ul>"
    meeting = current_meeting(org)
    if meeting is None or not is_past(meeting, today):
        return body + "\n"
    notice = past_notice(
        meeting, today, extra="De lijst voor die bijeenkomst staat verderop. Je kunt hem opnieuw gebruiken."
    )
    follow = follow_up_agenda(org, meeting, today, HERE)
    return "\n\n".join([notice, follow, f"## De lijst van {date_nl(meeting.date)}", body]) + "\n"


def _count(items: list[Item]) -> str:
    """'4 van de 5 punten zijn klaar. Het printen van het werkblad vink je zelf af.'"""
    done = sum(i.state == "done" for i in items)
    own = [i for i in items if i.state == "self"]
    verb = "is" if done == 1 else "zijn"
    text = f"{done} van de {len(items)} punten {verb} klaar."
    if len(own) == 1 and own[0].title == PRINT_TITLE:
        text += " Het printen van het werkblad vink je zelf af."
    elif own:
        text += f" {len(own)} {'punt vink' if len(own) == 1 else 'punten vink'} je zelf af."
    return text
