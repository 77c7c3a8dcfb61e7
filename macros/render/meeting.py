"""The meeting script (/bijeenkomst/draaiboek/) and the facts of a meeting that several pages share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import analysis
from ..agenda import Agenda, Slot, agenda, clock, current_meeting, duration_nl, follow_up
from ..followup import CALENDAR_FILE, FOLLOW_UP_FILE
from ..model import WORKPLACE_LABELS, Meeting, Organisation
from ..nl import date_nl
from .escape import h, md
from .links import PAGES, a, rel
from .parts import macros
from .script_round import names, questions, round_html
from .script_text import TEXT
from .status import is_past, past_notice

HERE = PAGES["draaiboek"]
NO_MEETING = (
    '<p class="hb-empty hb-todo">Er staat nog geen bijeenkomst in <code>meetings.yml</code>. '
    'Leg hem vast met <code>handboek meeting add --title "…" --date JJJJ-MM-DD --start 08:30</code>.</p>'
)


def _ics(here: str, path: str) -> str:
    folder, name = path.rsplit("/", 1)
    return rel(here, folder + "/") + name


@dataclass(frozen=True)
class CalendarView:
    meetings: bool  # there is a follow-up to put in the calendar
    deadlines: bool  # there are open action points
    follow_up_href: str
    calendar_href: str


def calendar_link(here: str, org: Organisation | None = None) -> str:
    """Links to the two calendar files: the follow-up only, and the follow-up with every open action point.

    With ``org``, a file that would hold no event is not offered.
    """
    return str(macros("meeting.html").calendar_link(calendar_view(here, org)))


def calendar_view(here: str, org: Organisation | None = None) -> CalendarView:
    return CalendarView(
        meetings=org is None or bool(org.meetings),
        deadlines=org is None or bool(analysis.open_of(org)),
        follow_up_href=_ics(here, FOLLOW_UP_FILE),
        calendar_href=_ics(here, CALENDAR_FILE),
    )


def follow_up_text(meeting: Meeting) -> str:
    """The follow-up date, saying so when it is the default of three months."""
    day, default = follow_up(meeting)
    text = f'<time datetime="{day.isoformat()}">{date_nl(day)}</time>'
    if default:
        text += (
            " (nog niet vastgelegd: drie maanden na de bijeenkomst, zoals de methode aanraadt"
            '<span class="hb-screen-only">; zet de datum onder <code>follow_up</code> in '
            "<code>meetings.yml</code></span>)"
        )
    return text


def meeting_facts(org: Organisation, meeting: Meeting, plan: Agenda | None = None) -> str:
    """Date, time, place, facilitator, attendees and follow-up as a definition list."""
    rows = [("Datum", f'<time datetime="{meeting.date.isoformat()}">{date_nl(meeting.date)}</time>')]
    if plan is not None:
        time = f"{clock(plan.start)} tot {clock(plan.end)} ({duration_nl(plan.minutes)})"
        if plan.default_start:
            time += " · geen begintijd ingevuld, het draaiboek rekent vanaf 09:00"
        rows.append(("Tijd", time))
    if meeting.location:
        rows.append(("Plaats", h(meeting.location)))
    if meeting.facilitator:
        rows.append(("Begeleider", h(org.person(meeting.facilitator).name)))
    if meeting.attendees:
        people = [org.person(p) for p in meeting.attendees]
        count = {w: sum(p.workplace == w for p in people) for w in WORKPLACE_LABELS}
        rows.append(
            (
                "Deelnemers",
                f"{names(org, list(meeting.attendees))} "
                f'<span class="hb-meta">({count["kantoor"]} van kantoor, {count["buiten"]} van buiten)</span>',
            )
        )
    rows.append(("Vervolg", follow_up_text(meeting)))
    items = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="hb-facts">{items}</dl>'


def script(org: Organisation, meeting_id: str | None = None, *, today: dt.date) -> str:
    """Markdown for the timed meeting script: overview table, then every block with its words."""
    meeting = current_meeting(org, meeting_id)
    plan = agenda(org, meeting)
    out = []
    if is_past(meeting, today):
        out.append(
            past_notice(
                meeting, today, extra="Het draaiboek hieronder is van die bijeenkomst. Je kunt het opnieuw gebruiken."
            )
        )
    if meeting is None:
        out.append(NO_MEETING)
        out.append('<p class="hb-meta">Hieronder staat het draaiboek met de standaardduur per onderdeel.</p>')
    else:
        out.append(f"## {md(meeting.title)}")
        out.append(meeting_facts(org, meeting, plan))
    out.append(
        f'<p class="hb-screen-only">{calendar_link(HERE, org)}<br>Print ook het '
        f"{a(HERE, PAGES['werkblad'], 'werkblad')} en het "
        f'<a href="{h(rel(HERE, PAGES["actiepunten"]))}#formulier">formulier voor actiepunten</a>.</p>'
    )
    out.append("## Tijdschema")
    out.append(_overview(plan))
    out.append(
        '<p class="hb-meta hb-screen-only">De tijden volgen uit de begintijd en de duur van elk onderdeel. '
        "Staat er <em>aangepast</em> bij, dan heeft dat onderdeel in deze bijeenkomst een eigen duur. "
        f"Hoe je de duur verandert, staat bij {a(HERE, PAGES['beheer'], 'beheer')}.</p>"
    )
    for slot in plan.slots:
        out.extend(_block(org, meeting, plan, slot))
    return "\n\n".join(out) + "\n"


def _overview(plan: Agenda) -> str:
    rows = []
    for slot in plan.slots:
        text = TEXT[slot.block.id]
        label = f"{slot.block.letter}. {text.title}"
        minutes = f"{slot.minutes} min"
        if slot.block.per_step and plan.rounds:
            minutes += f" ({len(plan.rounds)} × {plan.rounds[0].minutes})"
        if slot.custom:
            minutes += ' <span class="hb-meta hb-screen-only">(aangepast)</span>'
        rows.append(
            f'<tr><td data-label="Tijd">{clock(slot.start)}–{clock(slot.end)}</td>'
            f'<td data-label="Onderdeel">{label}</td><td data-label="Duur">{minutes}</td></tr>'
        )
    return (
        '<div class="hb-table-wrap"><table class="hb-table hb-agenda">'
        '<thead><tr><th scope="col">Tijd</th><th scope="col">Onderdeel</th><th scope="col">Duur</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr><th scope="row" colspan="2">Totaal, van {clock(plan.start)} tot {clock(plan.end)}</th>'
        f"<td>{duration_nl(plan.minutes)}</td></tr></tfoot></table></div>"
    )


def _block(org: Organisation, meeting: Meeting | None, plan: Agenda, slot: Slot) -> list[str]:
    block = slot.block
    text = TEXT[block.id]
    heading = f"## {clock(slot.start)} · {block.letter}. {text.title}"
    extra = _extra(org, meeting, block.id)
    body = (
        f'<div class="hb-script-block"><p class="hb-meta">{slot.minutes} minuten, '
        f"van {clock(slot.start)} tot {clock(slot.end)}</p>"
        f"<p><strong>Wat je doet.</strong> {text.does}</p>{extra}"
        f'<blockquote class="hb-says"><p><strong>Wat je kunt zeggen:</strong> “{text.says}”</p></blockquote>'
        f"{questions(text.questions)}</div>"
    )
    out = [heading, body]
    if block.per_step:
        out.extend(round_html(org, meeting, slot) for slot in plan.rounds)
    return out


def _extra(org: Organisation, meeting: Meeting | None, block_id: str) -> str:
    """What the data adds to a block: the goal, the names, the follow-up date, who was not there."""
    ext = org.external_customer
    steps = org.steps
    last = org.last_step
    if block_id == "opening" and meeting is not None and meeting.goal:
        return f'<p class="hb-goal"><strong>Doel van deze bijeenkomst.</strong> {h(meeting.goal)}</p>'
    if block_id == "internal_customer":
        example = analysis.example_handoff(org)
        if example is None:
            return ""
        makers = names(org, [p.person for p in example.data.performers])
        takers = names(org, [c.person for c in example.data.customers])
        verb = "aanlevert" if len(example.data.performers) == 1 else "aanleveren"
        return (
            f"<p>Een voorbeeld uit ons eigen werk: na de stap {h(example.name)} werkt {takers} verder met wat "
            f"{makers} {verb}. Onze externe klant is de {h(ext.name.lower())}.</p>"
        )
    if block_id == "model" and last is not None:
        return (
            f"<p>Op het werkblad staan {len(steps)} stappen, van {h(steps[0].name)} tot {h(last.name)}. "
            f"Rechts staat de {h(ext.name.lower())}, met wat die van ons verwacht.</p>"
        )
    if block_id == "actions":
        return (
            f'<p>Schrijf de punten op het <a href="{h(rel(HERE, PAGES["actiepunten"]))}#formulier">formulier '
            "voor actiepunten</a>. Geef de punten na afloop door aan de beheerder van het handboek. "
            "Die zet ze op de site.</p>"
        )
    if block_id == "follow_up" and meeting is not None:
        return f"<p>Voorstel voor de vervolgbijeenkomst: {follow_up_text(meeting)}.</p>"
    if block_id == "inform":
        memo = a(HERE, PAGES["memo"], "memo")
        absent = [p.id for p in analysis.absent(org, meeting)] if meeting is not None else []
        missing = f" Niet bij de bijeenkomst: {names(org, absent)}." if absent else ""
        return f"<p>Het {memo} staat klaar op deze site en komt uit de afspraken in de gegevens.{missing}</p>"
    return ""
