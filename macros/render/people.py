"""The page of one person, and the list of everyone."""

from __future__ import annotations

import datetime as dt

from ..model import WORKPLACE_LABELS, Organisation
from .escape import h, md
from .links import a, person_url, step_url
from .parts import action_table, join, needs_block, open_actions, person_link, step_link


def person_page(org: Organisation, person_id: str, *, today: dt.date, source_dir: str = "data") -> str:
    """Markdown for /mensen/<id>/: my steps, my customers, my suppliers, my actions."""
    person = org.person(person_id)
    here = person_url(person.id)
    steps = org.steps_of(person.id)
    facts = [h(person.function)]
    if person.team:
        facts.append(f"team {h(person.team)}")
    facts.append(WORKPLACE_LABELS[person.workplace].lower())
    contact = f' · <a href="mailto:{h(person.email)}">{h(person.email)}</a>' if person.email else ""
    mine = open_actions(org.actions_of_person(person.id))
    late = sum(x.is_overdue(today) for x in mine)
    summary = (
        f"Werkt in {len(steps)} {'stap' if len(steps) == 1 else 'stappen'}"
        f" · {len(mine)} open {'actiepunt' if len(mine) == 1 else 'actiepunten'}"
        + (f', waarvan <strong class="hb-late">{late} te laat</strong>' if late else "")
    )
    out = [
        f"# {md(person.name)}",
        f'<p class="hb-lead">{", ".join(facts)}{contact}</p>',
        f'<p class="hb-meta">{summary}</p>',
        "## Mijn stappen",
        _my_steps(org, here, person.id),
        "## Mijn interne klanten",
        *_my_customers(org, here, person.id),
        "## Mijn leveranciers",
        *_my_suppliers(org, here, person.id),
        "## Mijn actiepunten",
        action_table(org, here, mine, today, show_who=False, show_step=True, empty="Je hebt geen open actiepunten."),
        f'<p class="hb-source">Deze pagina komt uit <code>{h(source_dir)}/people.yml</code> en de stappen in '
        f"<code>{h(source_dir)}/steps/</code>.</p>",
    ]
    return "\n\n".join(out) + "\n"


def _my_steps(org: Organisation, here: str, person_id: str) -> str:
    items = []
    for step in org.steps_of(person_id):
        role = next((p.role for p in step.data.performers if p.person == person_id), None)
        items.append(
            f"<li>{a(here, step_url(step.id), step.name)}"
            + (f' <span class="hb-role">{h(role)}</span>' if role else "")
            + "</li>"
        )
    if not items:
        return '<p class="hb-empty">Nog niet ingedeeld in een stap.</p>'
    return '<ul class="hb-people">' + "".join(items) + "</ul>"


def _my_customers(org: Organisation, here: str, person_id: str) -> list[str]:
    """The internal customers of the steps this person works in."""
    out = []
    for step in org.steps_of(person_id):
        for entry in step.data.customers:
            if entry.person == person_id:
                continue
            out.append(
                f'<div class="hb-block"><p class="hb-block-head">{person_link(org, here, entry.person)}'
                f" heeft dit nodig uit {step_link(org, here, step.id)}:</p>"
                + needs_block(entry.needs, empty="Nog niet vastgelegd.")
                + (
                    '<p class="hb-sub">Wat jij terug mag verwachten:</p>'
                    + needs_block(entry.in_return, in_return=True, empty="")
                    if entry.in_return
                    else ""
                )
                + "</div>"
            )
    if not out:
        return ['<p class="hb-empty">Voor jouw stappen is nog geen interne klant ingevuld.</p>']
    return out


def _my_suppliers(org: Organisation, here: str, person_id: str) -> list[str]:
    """The steps that name this person as their internal customer."""
    out = []
    for step, entry in org.customer_of(person_id):
        makers = join((person_link(org, here, p.person) for p in step.data.performers), "nog niemand")
        out.append(
            f'<div class="hb-block"><p class="hb-block-head">Jij bent interne klant van {step_link(org, here, step.id)}'
            f" ({makers}). Dit heb jij nodig:</p>"
            + needs_block(entry.needs, empty="Nog niet vastgelegd wat jij nodig hebt.")
            + (
                '<p class="hb-sub">Wat zij van jou mogen verwachten:</p>'
                + needs_block(entry.in_return, in_return=True, empty="")
                if entry.in_return
                else ""
            )
            + "</div>"
        )
    if not out:
        return ['<p class="hb-empty">Geen enkele stap noemt jou als interne klant.</p>']
    return out


def people_index(org: Organisation, *, here: str = "mensen/") -> str:
    """A table of everyone: name, function, team and steps."""
    rows = []
    for person in sorted(org.people, key=lambda p: p.name.casefold()):
        steps = join((step_link(org, here, s.id) for s in org.steps_of(person.id)), "–")
        rows.append(
            f'<tr><th scope="row">{a(here, person_url(person.id), person.name)}</th>'
            f'<td data-label="Functie">{h(person.function)}</td>'
            f'<td data-label="Team">{h(person.team or "–")}</td>'
            f'<td data-label="Stappen">{steps}</td></tr>'
        )
    return (
        '<div class="hb-table-wrap"><table class="hb-table hb-stack">'
        '<thead><tr><th scope="col">Naam</th><th scope="col">Functie</th><th scope="col">Team</th>'
        f'<th scope="col">Stappen</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )
