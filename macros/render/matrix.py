"""The task division (/taakverdeling/): a task-function matrix of steps and people, its flags and a list per step."""

from __future__ import annotations

from .. import analysis
from ..model import Organisation, Person, Step
from .escape import h, md
from .links import PAGES, a, person_url, rel, step_url
from .parts import join, person_link, step_link

HERE = PAGES["taakverdeling"]
DOES = "Voert uit"
TAKES = "Interne klant"


def _order(org: Organisation, person: Person) -> tuple[int, str]:
    steps = org.steps_of(person.id)
    return (steps[0].number if steps else 10**6, person.name.casefold())


def _cell(step: Step, person: Person) -> str:
    parts = []
    performer = next((p for p in step.data.performers if p.person == person.id), None)
    if performer is not None:
        parts.append(f'<span class="hb-mx-do">{DOES}</span>')
        if performer.role:
            parts.append(f'<span class="hb-mx-role">{h(performer.role)}</span>')
    if any(c.person == person.id for c in step.data.customers):
        parts.append(f'<span class="hb-mx-takes">{TAKES}</span>')
    if not parts:
        return '<td class="hb-mx-empty"><span aria-hidden="true">–</span><span class="hb-sr-only">nee</span></td>'
    return f"<td>{''.join(parts)}</td>"


def _wrap_link(here: str, step: Step) -> str:
    # A narrow column may break a name like 'Planning/voorbereiding' after the slash, not inside a word.
    label = h(f"{step.number}. {step.name}").replace("/", "/<wbr>")
    return f'<a href="{h(rel(here, step_url(step.id)))}">{label}</a>'


def task_matrix(org: Organisation, *, here: str = HERE) -> str:
    """Steps as columns, people as rows; each cell says whether the person works there (and how) or takes the work.

    The first column sticks while the table scrolls sideways, so a phone reader always sees whose row it is.
    """
    empty = {s.id for s in analysis.unstaffed_steps(org)}
    idle = {p.id for p in analysis.people_without_step(org)}
    heads = "".join(
        f'<th scope="col">{_wrap_link(here, s)}'
        + ('<span class="hb-flag">niemand</span>' if s.id in empty else "")
        + "</th>"
        for s in org.steps
    )
    rows = []
    for person in sorted(org.people, key=lambda p: _order(org, p)):
        flag = '<span class="hb-flag">in geen stap</span>' if person.id in idle else ""
        rows.append(
            f'<tr><th scope="row">{a(here, person_url(person.id), person.name)}'
            f'<span class="hb-mx-function">{h(person.function)}</span>{flag}</th>'
            + "".join(_cell(s, person) for s in org.steps)
            + "</tr>"
        )
    counts = "".join(
        f"<td>{len(s.data.performers)}</td>" if s.data.performers else '<td><span class="hb-flag">0</span></td>'
        for s in org.steps
    )
    return (
        '<div class="hb-table-wrap hb-matrix-wrap" tabindex="0" role="region" aria-label="Taakverdeling, scrolt opzij">'
        '<table class="hb-table hb-matrix"><caption class="hb-sr-only">Wie doet wat in welke stap</caption>'
        f'<thead><tr><th scope="col">Persoon</th>{heads}</tr></thead><tbody>{"".join(rows)}</tbody>'
        f'<tfoot><tr><th scope="row">Aantal mensen</th>{counts}</tr></tfoot></table></div>'
    )


def task_flags(org: Organisation, *, here: str = HERE) -> str:
    """What the matrix shows that needs attention, in words: steps with nobody, people in no step.

    Only real problems are listed; when there are none, one sentence says that everything is in order.
    """
    empty = analysis.unstaffed_steps(org)
    idle = analysis.people_without_step(org)
    items = []
    if empty:
        names = join(step_link(org, here, s.id) for s in empty)
        items.append(f"<li>In {names} werkt nog niemand. Spreek af wie dit doet.</li>")
    if idle:
        names = join(person_link(org, here, p.id) for p in idle)
        verb = "werkt" if len(idle) == 1 else "werken"
        items.append(f"<li>{names} {verb} in geen enkele stap. Hoort dat zo?</li>")
    no_customer = [s for s in org.steps[:-1] if not s.data.customers]
    if no_customer:
        names = join(step_link(org, here, s.id) for s in no_customer)
        items.append(f"<li>Bij {names} staat nog geen interne klant.</li>")
    if not items:
        return (
            '<p class="hb-flags-ok">Alles klopt: in elke stap werkt minstens één persoon, '
            "en iedereen werkt in minstens één stap.</p>"
        )
    return (
        '<p class="hb-sub"><strong>Dit vraagt aandacht:</strong></p>'
        f'<ul class="hb-flags hb-flags-warn">{"".join(items)}</ul>'
    )


def steps_list(org: Organisation, *, here: str = HERE) -> str:
    """The same division per step, as a list that reads well on a phone and on paper."""
    out = []
    for step in org.steps:
        out.append(f"### {md(f'{step.number}. {step.name}')}")
        if step.data.performers:
            items = "".join(
                f"<li>{person_link(org, here, p.person)}"
                + (f' <span class="hb-role">{h(p.role)}</span>' if p.role else "")
                + "</li>"
                for p in step.data.performers
            )
            out.append(f'<p class="hb-sub">{DOES}:</p><ul class="hb-people">{items}</ul>')
        else:
            out.append('<p class="hb-empty hb-todo"><strong>Let op:</strong> hier werkt nog niemand.</p>')
        customers = join((person_link(org, here, c.person) for c in step.data.customers), "")
        if customers:
            out.append(f'<p><span class="hb-sub">{TAKES}:</span> {customers}</p>')
        elif step.id == org.steps[-1].id:
            out.append(f'<p><span class="hb-sub">Daarna:</span> de {h(org.info.external_customer.name.lower())}</p>')
        else:
            out.append('<p class="hb-empty hb-todo"><strong>Let op:</strong> nog geen interne klant ingevuld.</p>')
        out.append(f'<p class="hb-meta">{a(here, step_url(step.id), "Wat deze stap levert en nodig heeft")}</p>')
    return "\n\n".join(out)
