"""The page of one person, and the list of everyone."""

from __future__ import annotations

import datetime as dt

from .. import analysis
from ..model import WORKPLACE_LABELS, Customer, Organisation, Step
from .escape import h, md
from .feedback import feedback_link
from .links import PAGES, a, person_url, step_url
from .parts import action_table, join, needs_block, open_actions, person_link, step_link


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def person_page(org: Organisation, person_id: str, *, today: dt.date, source_dir: str = "data") -> str:
    """Markdown for /mensen/<id>/: my steps, my customers, my suppliers, my actions, the 4 A's."""
    person = org.person(person_id)
    here = person_url(person.id)
    steps = org.steps_of(person.id)
    facts = [h(person.function)]
    if person.team:
        facts.append(f"team {h(person.team)}")
    place = WORKPLACE_LABELS[person.workplace].lower()
    if (person.team or "").casefold() != place:  # "team Kantoor, kantoor" says the same thing twice
        facts.append(place)
    contact = f' · <a href="mailto:{h(person.email)}">{h(person.email)}</a>' if person.email else ""
    mine = open_actions(org.actions_of_person(person.id))
    late = sum(x.is_overdue(today) for x in mine)
    summary = (
        f"Werkt in {_plural(len(steps), 'stap', 'stappen')} · "
        + (_plural(len(mine), "open actiepunt", "open actiepunten") if mine else "geen open actiepunten")
        + (f', waarvan <strong class="hb-late">{late} te laat</strong>' if late else "")
    )
    out = [
        f"# {md(person.name)}",
        f'<p class="hb-lead">{", ".join(facts)}{contact}</p>',
        f'<p class="hb-meta">{summary}</p>',
        _at_a_glance(org, here, person.id),
        "## Jouw stappen",
        _my_steps(org, here, person.id),
        "## Jouw interne klanten",
        '<p class="hb-intro">Zij werken verder met wat jij aflevert. Dit hebben ze van jou nodig.</p>',
        *_my_customers(org, here, person.id),
        "## Jouw leveranciers",
        '<p class="hb-intro">Van hen krijg jij werk. Dit heb jij van hen nodig, en dit mogen zij van jou verwachten.</p>',
        *_my_suppliers(org, here, person.id),
        "## Jouw actiepunten",
        action_table(
            org, here, mine, today, show_who=False, show_step=True, empty="Je hebt geen open actiepunten.", stack=True
        ),
        f'<p class="hb-meta">Alle afspraken van iedereen staan bij {a(here, PAGES["actiepunten"], "Actiepunten")}.</p>',
        "## De 4 A's voor jou",
        _four_a(org, here, person.id, len(mine), late),
        feedback_link(org, f"Feedback over een overdracht met {person.name}"),
        f'<p class="hb-source">Deze pagina komt uit <code>{h(source_dir)}/people.yml</code> en de stappen in '
        f"<code>{h(source_dir)}/steps/</code>.</p>",
    ]
    return "\n\n".join(part for part in out if part) + "\n"


def _names(org: Organisation, here: str, ids: list[str], empty: str) -> str:
    unique = list(dict.fromkeys(ids))
    return join((person_link(org, here, pid) for pid in unique), empty)


def _at_a_glance(org: Organisation, here: str, person_id: str) -> str:
    """Who depends on me and on whom I depend, in two lines: what a reader looks for first."""
    customers = [c.person for _, c in analysis.customers_of_person(org, person_id)]
    suppliers = [p.person for s, _ in analysis.suppliers_of_person(org, person_id) for p in s.data.performers]
    suppliers = [pid for pid in suppliers if pid != person_id]
    return (
        '<dl class="hb-glance">'
        f"<dt>Jouw interne klanten</dt><dd>{_names(org, here, customers, 'nog niet ingevuld')}</dd>"
        f"<dt>Jouw leveranciers</dt><dd>{_names(org, here, suppliers, 'nog niet ingevuld')}</dd>"
        "</dl>"
    )


def _my_steps(org: Organisation, here: str, person_id: str) -> str:
    items = []
    for step in org.steps_of(person_id):
        role = next((p.role for p in step.data.performers if p.person == person_id), None)
        items.append(
            f"<li>{a(here, step_url(step.id), f'{step.number}. {step.name}')}"
            + (f' <span class="hb-role">{h(role)}</span>' if role else "")
            + "</li>"
        )
    if not items:
        return (
            '<p class="hb-empty hb-todo">Nog niet ingedeeld in een stap. Kijk bij '
            f"{a(here, PAGES['taakverdeling'], 'de taakverdeling')} en spreek af waar jij meewerkt.</p>"
        )
    return '<ul class="hb-people">' + "".join(items) + "</ul>"


def _customer_block(org: Organisation, here: str, entry: Customer) -> str:
    name = org.person(entry.person).name
    block = (
        f'<div class="hb-block"><p class="hb-block-head">{person_link(org, here, entry.person)} '
        f'<span class="hb-function">{h(org.person(entry.person).function)}</span></p>'
        + needs_block(entry.needs, empty="Nog niet vastgelegd wat deze interne klant nodig heeft.")
    )
    if entry.in_return:
        block += f'<p class="hb-sub">Wat jij terug mag verwachten van {h(name)}:</p>'
        block += needs_block(entry.in_return, in_return=True, empty="")
    return block + "</div>"


def _my_customers(org: Organisation, here: str, person_id: str) -> list[str]:
    """Per step I work in: its internal customers and what they need."""
    steps = org.steps_of(person_id)
    if not steps:
        return ['<p class="hb-empty">Je werkt nog in geen stap, dus je hebt nog geen interne klanten.</p>']
    out = []
    for step in steps:
        out.append(f"### In {md(f'{step.number}. {step.name}')}")
        entries = [c for c in step.data.customers if c.person != person_id]
        if entries:
            out.extend(_customer_block(org, here, entry) for entry in entries)
        elif step.id == org.steps[-1].id:
            ext = org.info.external_customer
            items = "".join(f"<li>{h(e)}</li>" for e in ext.expectations)
            out.append(
                f'<p class="hb-meta">Na deze stap komt de {h(ext.name.lower())}. Die verwacht:</p>'
                f'<ul class="hb-expectations">{items}</ul>'
            )
        else:
            out.append(
                '<p class="hb-empty hb-todo">Voor deze stap is nog geen interne klant ingevuld. '
                "Vraag je collega's wie jouw werk overneemt.</p>"
            )
    return out


def _my_suppliers(org: Organisation, here: str, person_id: str) -> list[str]:
    """The steps that name me as their internal customer: what I need, and what they may expect from me."""
    pairs = analysis.suppliers_of_person(org, person_id)
    if not pairs:
        return ['<p class="hb-empty">Geen enkele stap noemt jou als interne klant.</p>']
    out = []
    several = len(org.steps_of(person_id)) > 1
    for step, entry in pairs:
        out.append(f"### Van {md(f'{step.number}. {step.name}')}")
        target = org.delivered_to(step, entry)
        if several and target is not None:
            out.append(f'<p class="hb-meta">Voor jouw werk in {step_link(org, here, target.id)}.</p>')
        out.append(_supplier_block(org, here, step, entry, person_id))
    return out


def _supplier_block(org: Organisation, here: str, step: Step, entry: Customer, person_id: str) -> str:
    makers = join(
        (person_link(org, here, p.person) for p in step.data.performers if p.person != person_id), "nog niemand"
    )
    block = (
        f'<div class="hb-block"><p class="hb-block-head">Geleverd door {makers}. Dit heb jij van hen nodig:</p>'
        + needs_block(entry.needs, empty="Nog niet vastgelegd wat jij nodig hebt.")
        + '<p class="hb-sub">Wat zij van jou mogen verwachten (een duidelijke vraag, op tijd):</p>'
    )
    if entry.in_return:
        block += needs_block(entry.in_return, in_return=True, empty="")
    else:
        block += (
            '<p class="hb-empty hb-todo">Dit is nog niet afgesproken. Spreek met hen af hoe en wanneer jij vraagt '
            "wat je nodig hebt.</p>"
        )
    return block + "</div>"


def _four_a(org: Organisation, here: str, person_id: str, n_open: int, n_late: int) -> str:
    """The 4 A's in four lines, each with a fact about this person."""
    unclear = [g for g in analysis.gaps(org) if person_id in _workers(g.step) and g.customer.person != person_id]
    if n_open == 0:
        promise = "Je hebt geen open actiepunten. Spreek alleen iets af als je het ook kunt nakomen."
    else:
        promise = f"Je hebt {_plural(n_open, 'open actiepunt', 'open actiepunten')}" + (
            f", waarvan {n_late} te laat. Zeg vandaag wanneer het wel lukt."
            if n_late
            else ". Rond ze op tijd af, of zeg vooraf als het niet lukt."
        )
    guess = (
        f"Bij {_plural(len(unclear), 'behoefte', 'behoeften')} van jouw interne klanten staat nog niet wanneer of "
        "in welke vorm. Vraag het na in plaats van te raden."
        if unclear
        else "Bij jouw interne klanten staat steeds wanneer en in welke vorm. Klopt dat nog? Vraag het na."
    )
    takers = list(dict.fromkeys(c.person for _, c in analysis.customers_of_person(org, person_id)))
    who = person_link(org, here, takers[0]) if takers else "wie jouw werk overneemt"
    attention = f"Bel of loop even langs bij {who} als je werk overdraagt. Een halve minuut echte aandacht telt."
    items = [
        ("Afspraken nakomen", promise),
        ("Aandacht", attention),
        ("Attitude", "Zeg het ook als een overdracht goed ging. Jouw houding werkt door bij je collega's."),
        ("Aanname", guess),
    ]
    rows = "".join(f"<li><strong>{name}.</strong> {text}</li>" for name, text in items)
    more = a(here, PAGES["4a"], "De 4 A's")
    return f'<ul class="hb-four-a">{rows}</ul><p>Lees meer bij {more}.</p>'


def _workers(step: Step) -> set[str]:
    return {p.person for p in step.data.performers}


def people_index(org: Organisation, *, here: str = "mensen/") -> str:
    """A table of everyone: name, function, team and steps; stacked cards on a phone."""
    rows = []
    for person in sorted(org.people, key=lambda p: p.name.casefold()):
        steps = join((step_link(org, here, s.id) for s in org.steps_of(person.id)), "")
        if not steps:
            steps = '<span class="hb-flag">in geen enkele stap</span>'
        rows.append(
            f'<tr><th scope="row">{a(here, person_url(person.id), person.name)}</th>'
            f'<td data-label="Functie">{h(person.function)}</td>'
            f'<td data-label="Team">{h(person.team or "–")}</td>'
            f'<td data-label="Stappen">{steps}</td></tr>'
        )
    return (
        '<div class="hb-table-wrap"><table class="hb-table hb-stack">'
        f"<caption>{_plural(len(org.people), 'persoon', 'mensen')}, op naam</caption>"
        '<thead><tr><th scope="col">Naam</th><th scope="col">Functie</th><th scope="col">Team</th>'
        f'<th scope="col">Stappen</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )
