"""The page of one process step, and the list of all steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..model import WORKPLACE_LABELS, Need, Organisation
from .escape import h, md
from .feedback import feedback_link
from .links import a, person_url, step_url
from .parts import action_table, join, needs_block, open_actions, person_link, step_link


def step_page(org: Organisation, step_id: str, *, today: dt.date, source_dir: str = "data") -> str:
    """Markdown for /stappen/<id>/: people, suppliers, customers, actions."""
    step = org.step(step_id)
    here = step_url(step.id)
    index = org.steps.index(step)
    total = len(org.steps)
    nav = [f"Stap {step.number} van de {total} stappen"]
    if index > 0:
        nav.append("vorige: " + step_link(org, here, org.steps[index - 1].id))
    if index < total - 1:
        nav.append("volgende: " + step_link(org, here, org.steps[index + 1].id))
    out = [
        f"# {md(step.name)}",
        f'<p class="hb-lead">{h(step.data.summary)}</p>',
        f'<p class="hb-meta">{" · ".join(nav)}</p>',
        "## Wie werkt hier",
        _performers(org, here, step_id),
        "## Wat wij nodig hebben van onze leveranciers",
        *_suppliers(org, here, step_id),
        "## Onze interne klanten",
        *_customers(org, here, step_id),
        "## Open actiepunten",
        action_table(
            org,
            here,
            open_actions(org.actions_of_step(step.id)),
            today,
            empty="Er staan geen open actiepunten voor deze stap.",
            stack=True,
        ),
        feedback_link(org, f"Feedback over de overdracht in stap {step.number}: {step.name}"),
        f'<p class="hb-source">Deze pagina komt uit het bestand <code>{h(source_dir)}/{h(step.path)}</code>. '
        "Klopt er iets niet? Pas dat bestand aan.</p>",
    ]
    return "\n\n".join(part for part in out if part) + "\n"


def _performers(org: Organisation, here: str, step_id: str) -> str:
    step = org.step(step_id)
    if not step.data.performers:
        return '<p class="hb-empty">Nog niemand ingevuld voor deze stap.</p>'
    items = []
    for perf in step.data.performers:
        person = org.person(perf.person)
        role = f' <span class="hb-role">{h(perf.role)}</span>' if perf.role else ""
        items.append(
            f"<li>{a(here, person_url(person.id), person.name)} "
            f'<span class="hb-function">{h(person.function)}, {WORKPLACE_LABELS[person.workplace].lower()}</span>{role}</li>'
        )
    return '<ul class="hb-people">' + "".join(items) + "</ul>"


def _suppliers(org: Organisation, here: str, step_id: str) -> list[str]:
    step = org.step(step_id)
    pairs = org.suppliers_of(step)
    if not pairs:
        if org.steps.index(step) == 0:
            return [
                f'<p class="hb-empty">Deze stap begint bij de vraag van de {h(org.info.external_customer.name.lower())}. '
                "Er is geen interne leverancier.</p>"
            ]
        return ['<p class="hb-empty">Geen andere stap levert werk aan deze stap.</p>']
    out = []
    for supplier, entry in pairs:
        taker = person_link(org, here, entry.person)
        makers = join(person_link(org, here, p.person) for p in supplier.data.performers)
        source = step_link(org, here, supplier.id)
        head = (
            f"{taker} krijgt dit van {makers} (stap {source}):" if makers else f"{taker} krijgt dit uit stap {source}:"
        )
        back = makers or f"de mensen in stap {source}"
        out.append(
            f'<div class="hb-block"><p class="hb-block-head">{head}</p>'
            + needs_block(entry.needs, empty="Nog niet vastgelegd wat hier nodig is.")
            + _in_return(entry.in_return, f"Dit belooft {taker} terug aan {back}")
            + "</div>"
        )
    return out


def _customers(org: Organisation, here: str, step_id: str) -> list[str]:
    step = org.step(step_id)
    out: list[str] = []
    is_last = org.steps.index(step) == len(org.steps) - 1
    if not step.data.customers and not is_last:
        out.append(
            '<p class="hb-empty hb-todo">Voor deze stap is nog geen interne klant ingevuld. '
            "Spreek af wie het werk van deze stap overneemt.</p>"
        )
    for entry in step.data.customers:
        person = org.person(entry.person)
        out.append(f"### {md(person.name)}")
        out.append(
            f'<p class="hb-meta">{a(here, person_url(person.id), person.name)} ({h(person.function.lower())}) '
            "heeft dit van ons nodig:</p>"
        )
        out.append(needs_block(entry.needs, empty="Nog niet vastgelegd wat deze interne klant nodig heeft."))
        out.append(_in_return(entry.in_return, f"Dit belooft {h(person.name)} ons terug"))
    if is_last:
        ext = org.info.external_customer
        items = "".join(f"<li>{h(e)}</li>" for e in ext.expectations)
        out.append(f"### {md(ext.name)}")
        out.append(
            f'<p class="hb-meta">Na deze stap komt de externe klant. Dit verwacht de {h(ext.name.lower())}:</p>'
            f'<ul class="hb-expectations">{items}</ul>'
        )
    return out


def _in_return(needs: Sequence[Need], title: str) -> str:
    if not needs:
        return ""
    return f'<p class="hb-sub">{title}:</p>' + needs_block(needs, in_return=True, empty="")


def steps_index(org: Organisation, *, here: str = "stappen/") -> str:
    """An ordered list of the steps with who works there and their customer."""
    items = []
    for step in org.steps:
        workers = join((person_link(org, here, p.person) for p in step.data.performers), "nog niemand")
        customers = join((person_link(org, here, c.person) for c in step.data.customers), "nog niet ingevuld")
        items.append(
            f"<li>{step_link(org, here, step.id)}<br>"
            f'<span class="hb-meta">Werkt hier: {workers}. Interne klant: {customers}.</span></li>'
        )
    ext = org.info.external_customer
    items.append(
        f'<li><strong>{h(ext.name)}</strong><br><span class="hb-meta">De externe klant aan het eind.</span></li>'
    )
    return '<ol class="hb-steps">' + "".join(items) + "</ol>"
