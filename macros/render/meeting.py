"""The meeting script (/bijeenkomst/draaiboek/) and the facts of a meeting that several pages share."""

from __future__ import annotations

from ..agenda import Agenda, Slot, agenda, clock, current_meeting, duration_nl, follow_up
from ..followup import CALENDAR_FILE
from ..model import WORKPLACE_LABELS, Meeting, Organisation
from ..nl import date_nl
from .escape import h, md
from .links import PAGES, a, rel
from .parts import join
from .script_text import TEXT

HERE = PAGES["draaiboek"]
NO_MEETING = (
    '<p class="hb-empty hb-todo">Er staat nog geen bijeenkomst in <code>meetings.yml</code>. '
    'Leg hem vast met <code>handboek meeting add --title "…" --date JJJJ-MM-DD --start 08:30</code>.</p>'
)


def calendar_link(here: str) -> str:
    """A link to the follow-up calendar file."""
    folder, name = CALENDAR_FILE.rsplit("/", 1)
    href = rel(here, folder + "/") + name
    return (
        f'<a class="hb-calendar" href="{h(href)}" download>Vervolg en actiepunten in je agenda (.ics)</a> '
        '<span class="hb-meta">Open het bestand in Outlook, of importeer het in Google Agenda.</span>'
    )


def names(org: Organisation, ids: list[str]) -> str:
    return join((h(org.person(p).name) for p in ids), "nog niemand")


def follow_up_text(meeting: Meeting) -> str:
    """The follow-up date, saying so when it is the default of three months."""
    day, default = follow_up(meeting)
    text = f'<time datetime="{day.isoformat()}">{date_nl(day)}</time>'
    if default:
        text += (
            " (nog niet vastgelegd: drie maanden na de bijeenkomst, zoals de methode aanraadt; "
            "zet de datum onder <code>follow_up</code> in <code>meetings.yml</code>)"
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


def script(org: Organisation, meeting_id: str | None = None) -> str:
    """Markdown for the timed meeting script: overview table, then every block with its words."""
    meeting = current_meeting(org, meeting_id)
    plan = agenda(org, meeting)
    out = []
    if meeting is None:
        out.append(NO_MEETING)
        out.append('<p class="hb-meta">Hieronder staat het draaiboek met de standaardduur per onderdeel.</p>')
    else:
        out.append(f"## {md(meeting.title)}")
        out.append(meeting_facts(org, meeting, plan))
    out.append(
        f'<p class="hb-screen-only">{calendar_link(HERE)}<br>Print ook het '
        f"{a(HERE, PAGES['werkblad'], 'werkblad')} en het "
        f'<a href="{h(rel(HERE, PAGES["actiepunten"]))}#formulier">formulier voor actiepunten</a>.</p>'
    )
    out.append("## Tijdschema")
    out.append(_overview(plan))
    out.append(
        '<p class="hb-meta">De tijden volgen uit de begintijd en de duur van elk onderdeel. Wil je een onderdeel '
        "langer of korter maken? Zet het aantal minuten in <code>meetings.yml</code>, onder <code>durations</code>, "
        "bijvoorbeeld <code>mapping: 12</code> (minuten per stap) of <code>actions: 20</code>. Onderdelen met een eigen duur staan in het schema als <em>aangepast</em>.</p>"
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
            minutes += ' <span class="hb-meta">(aangepast)</span>'
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


def _questions(items: list[str] | tuple[str, ...], title: str = "Open vragen") -> str:
    if not items:
        return ""
    return f'<p class="hb-sub">{title}</p><ul class="hb-questions">' + "".join(f"<li>{q}</li>" for q in items) + "</ul>"


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
        f"{_questions(text.questions)}</div>"
    )
    out = [heading, body]
    if block.per_step:
        out.extend(_round(org, slot) for slot in plan.rounds)
    return out


def _extra(org: Organisation, meeting: Meeting | None, block_id: str) -> str:
    """What the data adds to a block: the goal, the names, the follow-up date, who was not there."""
    ext = org.info.external_customer
    steps = org.steps
    if block_id == "opening" and meeting is not None and meeting.goal:
        return f'<p class="hb-goal"><strong>Doel van deze bijeenkomst.</strong> {h(meeting.goal)}</p>'
    if block_id == "internal_customer":
        example = next((s for s in steps if s.data.customers and s.data.performers), None)
        if example is None:
            return ""
        makers = names(org, [p.person for p in example.data.performers])
        takers = names(org, [c.person for c in example.data.customers])
        verb = "aanlevert" if len(example.data.performers) == 1 else "aanleveren"
        return (
            f"<p>Een voorbeeld uit ons eigen werk: na de stap {h(example.name)} werkt {takers} verder met wat "
            f"{makers} {verb}. Onze externe klant is de {h(ext.name.lower())}.</p>"
        )
    if block_id == "model" and steps:
        return (
            f"<p>Op het werkblad staan {len(steps)} stappen, van {h(steps[0].name)} tot {h(steps[-1].name)}. "
            f"Rechts staat de {h(ext.name.lower())}, met wat die van ons verwacht.</p>"
        )
    if block_id == "actions":
        return (
            f'<p>Schrijf de punten op het <a href="{h(rel(HERE, PAGES["actiepunten"]))}#formulier">formulier '
            "voor actiepunten</a>. Leg ze na afloop vast met <code>handboek action add</code>.</p>"
        )
    if block_id == "follow_up" and meeting is not None:
        return f"<p>Voorstel voor de vervolgbijeenkomst: {follow_up_text(meeting)}.</p>"
    if block_id == "inform":
        memo = a(HERE, PAGES["memo"], "memo")
        absent = [p.id for p in org.people if meeting is not None and p.id not in meeting.attendees]
        if meeting is not None and meeting.facilitator in absent:
            absent.remove(meeting.facilitator)
        missing = f" Niet bij de bijeenkomst: {names(org, absent)}." if absent else ""
        return f"<p>Het {memo} staat klaar op deze site en komt uit de afspraken in de gegevens.{missing}</p>"
    return ""


def _round(org: Organisation, slot: Slot) -> str:
    """One step of the mapping round: its people, its internal customer, what is known now, what to ask."""
    step = slot.step
    assert step is not None
    ext = org.info.external_customer
    is_last = step == org.steps[-1]
    workers = [
        f"{h(org.person(p.person).name)} ({h(org.person(p.person).function.lower())})" for p in step.data.performers
    ]
    parts = [
        f'<section class="hb-round" aria-labelledby="ronde-{h(step.id)}">',
        f'<h3 id="ronde-{h(step.id)}">{clock(slot.start)} · Stap {step.number}: {h(step.name)}</h3>',
        f"<p><strong>Werkt hier:</strong> {join(workers, 'nog niemand ingevuld')}.</p>",
    ]
    asks: list[str] = []
    if not step.data.performers:
        asks.append("Wie doet het werk in deze stap?")
    if step.data.customers:
        customers = names(org, [c.person for c in step.data.customers])
        parts.append(f"<p><strong>Interne klant:</strong> {customers}.</p>")
    elif not is_last:
        parts.append('<p class="hb-todo"><strong>Interne klant:</strong> nog niet ingevuld.</p>')
        asks.append("Wie neemt het werk van deze stap over?")
    for entry in step.data.customers:
        person = org.person(entry.person)
        needs = []
        for need in entry.needs:
            when = h(need.when) if need.when else '<span class="hb-missing">wanneer: nog niet afgesproken</span>'
            needs.append(f"<li>{h(need.what)} <span class='hb-meta'>({when})</span></li>")
            if need.when is None:
                asks.append(f"{h(person.name)}: wanneer moet dit er zijn: “{_short(need.what)}”?")
            elif need.form is None:
                asks.append(f"{h(person.name)}: in welke vorm wil je dit krijgen: “{_short(need.what)}”?")
        if needs:
            parts.append(
                f'<p class="hb-sub">Wat {h(person.name)} nu nodig heeft (startpunt)</p><ul>{"".join(needs)}</ul>'
            )
        else:
            asks.append(f"{h(person.name)}: wat heb jij van deze stap nodig om goed te kunnen werken?")
        if entry.in_return:
            back = "".join(f"<li>{h(n.what)}</li>" for n in entry.in_return)
            parts.append(
                f'<p class="hb-sub">Wat deze stap terug mag verwachten van {h(person.name)}</p><ul>{back}</ul>'
            )
        else:
            asks.append(f"{h(person.name)}: wat mag deze stap van jou terug verwachten?")
    if is_last:
        expect = "".join(f"<li>{h(e)}</li>" for e in ext.expectations)
        parts.append(f'<p class="hb-sub">Daarna komt de {h(ext.name.lower())}. Die verwacht:</p><ul>{expect}</ul>')
        asks.append(f"Merkt de {h(ext.name.lower())} dat de stappen goed op elkaar aansluiten? Waaraan?")
    asks.append("Gaat het nu zo? Wat gaat er goed, en waar loopt het vast?")
    parts.append(_questions(asks, "Vraag door"))
    parts.append("</section>")
    return "".join(parts)


def _short(text: str) -> str:
    """A need quoted inside a question: escaped, without its closing full stop."""
    return h(text.strip().rstrip("."))
