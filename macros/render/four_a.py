"""The 4 A's (/4a/), each made concrete with the organisation's own data."""

from __future__ import annotations

import datetime as dt

from .. import analysis
from ..model import WORKPLACE_LABELS, Organisation
from ..nl import date_nl
from .escape import h
from .links import PAGES, a, person_url
from .parts import action_table, join, person_link, step_link

HERE = PAGES["4a"]


def _today(items: list[str]) -> str:
    """The 'what you can do today' prompts of one A."""
    lis = "".join(f"<li>{item}</li>" for item in items)
    return f'<div class="hb-today"><p class="hb-sub">Wat kun je vandaag doen?</p><ul>{lis}</ul></div>'


def promises(org: Organisation, *, today: dt.date, here: str = HERE) -> str:
    """Afspraken nakomen: the open and overdue action points, and who carries more than the agreed number."""
    open_ = analysis.open_of(org)
    late = analysis.overdue_of(org, today)
    limit = org.info.settings.max_open_actions
    if not open_:
        lead = ""  # the empty table below already says that nothing is open
    else:
        lead = (
            f"<p>Er {'staat' if len(open_) == 1 else 'staan'} {len(open_)} "
            f"{'actiepunt' if len(open_) == 1 else 'actiepunten'} open"
            + (f', waarvan <strong class="hb-late">{len(late)} te laat</strong>.' if late else ". Niets is te laat.")
            + "</p>"
        )
    table = action_table(org, here, open_, today, show_step=True, empty="Er staan geen actiepunten open.", stack=True)
    rows = []
    for person, n in analysis.workload(org):
        over = analysis.is_overloaded(org, n)
        note = f' <strong class="hb-flag">meer dan {limit}</strong>' if over else ""
        rows.append(f"<li>{a(here, person_url(person.id), person.name)}: {n} open{note}</li>")
    heavy = analysis.overloaded(org)
    if heavy:
        verdict = (
            f"<p><strong>Let op:</strong> {join(person_link(org, here, p.id) for p, _ in heavy)} "
            f"{'draagt' if len(heavy) == 1 else 'dragen'} meer dan {limit} open actiepunten. "
            "Verdeel het werk of schuif een datum op, en zeg dat op tijd.</p>"
        )
    else:
        verdict = f"<p>Niemand heeft meer dan {limit} open actiepunten. Die grens hebben we samen afgesproken.</p>"
    load = f'<p class="hb-sub">Wie draagt hoeveel?</p><ul class="hb-load">{"".join(rows)}</ul>' if rows else ""
    prompts = []
    for act in late[:3]:
        prompts.append(
            f"{person_link(org, here, act.who)}: Je actiepunt &#8216;{h(act.what.rstrip('.'))}&#8217; moest op "
            f"{date_nl(act.due)} klaar zijn. Zeg vandaag wanneer het wel klaar is."
        )
    prompts.append("Maak in het volgende overleg alleen afspraken die je echt kunt nakomen. Schrijf ze op.")
    return lead + table + load + verdict + _today(prompts)


def attention(org: Organisation, *, here: str = HERE) -> str:
    """Aandacht: the handoffs to colleagues who work elsewhere, where a short call makes the difference."""
    items = []
    for handoff in analysis.remote_handoffs(org):
        taker, target = handoff.taker, handoff.target
        route = f"van {step_link(org, here, handoff.step.id)}" + (
            f" naar {step_link(org, here, target.id)}" if target is not None else ""
        )
        items.append(
            f"<li>{join(person_link(org, here, m) for m in handoff.makers)} &#8594; "
            f"{person_link(org, here, taker.id)} ({WORKPLACE_LABELS[taker.workplace].lower()}), {route}</li>"
        )
    has_handoffs = any(step.data.customers for step in org.steps)
    if not has_handoffs:
        body = "<p>Er zijn nog geen overdrachten vastgelegd. Vul per stap de interne klant in.</p>"
    elif not items:
        body = "<p>Bij elke overdracht zitten de mensen op dezelfde plek. Loop dus gewoon even langs.</p>"
    else:
        body = (
            "<p>Bij deze overdrachten zit de een op kantoor en de ander op de bouw. Daar gaat snel iets mis. "
            "Bel even in plaats van te mailen.</p>"
            f'<ul class="hb-handoffs">{"".join(items)}</ul>'
        )
    return body + _today(
        [
            "Kies één overdracht uit de lijst. Bel die collega en vraag: &#8216;Had je alles wat je nodig had?&#8217;"
            if items
            else "Loop na een overdracht even langs en vraag: &#8216;Had je alles wat je nodig had?&#8217;",
            "Leg je telefoon weg als een collega iets komt vragen. Luister eerst.",
        ]
    )


def attitude(org: Organisation, *, here: str = HERE) -> str:
    """Attitude: what is already done, so that there is something to say thank you for."""
    done = analysis.done_of(org)
    if done:
        items = "".join(f"<li>{person_link(org, here, x.who)}: {h(x.what)}</li>" for x in done)
        body = f'<p>Dit is al gelukt:</p><ul class="hb-done">{items}</ul>'
        first = org.person(done[0].who)
        prompt = f"Bedank {h(first.name)} voor wat al klaar is. Zeg erbij wat het jou oplevert."
    else:
        body = "<p>Nog geen actiepunt staat op klaar. Het eerste dat klaar is, verdient een compliment.</p>"
        prompt = "Let vandaag op één ding dat een collega goed voor je deed, en zeg het hem of haar."
    return body + _today(
        [prompt, "Begin een lastig gesprek met wat goed gaat. Dan luistert de ander beter naar wat beter kan."]
    )


def _ask(org: Organisation, here: str, gap: analysis.Gap) -> str:
    """One prompt per gap: the suppliers ask their internal customer exactly what is still missing."""
    makers = join(person_link(org, here, p.person) for p in gap.step.data.performers) or "De leverancier"
    questions: dict[tuple[str, ...], str] = {
        ("wanneer",): "wanneer dit er moet zijn",
        ("vorm",): "in welke vorm dit er moet zijn",
    }
    question = questions.get(gap.missing, "wanneer en in welke vorm dit er moet zijn")
    return (
        f"{makers}: vraag {person_link(org, here, gap.customer.person)} {question}: "
        f"&#8216;{h(gap.need.what.rstrip('.'))}&#8217;"
    )


def assumptions(org: Organisation, *, here: str = HERE) -> str:
    """Aanname: the needs that do not say when or in what form: expectations nobody has spoken out yet."""
    found = analysis.gaps(org)
    if not any(need for step in org.steps for entry in step.data.customers for need in entry.needs):
        return "<p>Er zijn nog geen behoeften vastgelegd. Vraag per stap aan de interne klant wat die nodig heeft.</p>"
    if not found:
        return "<p>Bij elke behoefte staat wanneer en in welke vorm. Vraag toch na of het nog klopt.</p>" + _today(
            ["Vraag één interne klant: &#8216;Is dit nog wat je nodig hebt?&#8217;"]
        )
    rows = "".join(
        f'<tr><td data-label="Stap">{step_link(org, here, g.step.id)}</td>'
        f'<td data-label="Interne klant">{person_link(org, here, g.customer.person)}</td>'
        f'<td data-label="Wat">{h(g.need.what)}</td>'
        f'<td data-label="Ontbreekt"><strong class="hb-flag">{" en ".join(g.missing)}</strong></td></tr>'
        for g in found
    )
    table = (
        '<div class="hb-table-wrap"><table class="hb-table hb-stack">'
        "<caption>Behoeften zonder wanneer of vorm</caption>"
        '<thead><tr><th scope="col">Stap</th><th scope="col">Interne klant</th><th scope="col">Wat</th>'
        f'<th scope="col">Ontbreekt</th></tr></thead><tbody>{rows}</tbody></table></div>'
    )
    asks = [_ask(org, here, g) for g in found]
    return (
        f"<p>Bij {len(found)} {'behoefte' if len(found) == 1 else 'behoeften'} staat nog niet wanneer of in welke "
        "vorm. Wie dat niet weet, gaat uit van een aanname. Daar gaat het vaak mis.</p>"
        + table
        + _today(
            [
                *asks,
                "Stel open vragen: &#8216;Wat bedoel je precies?&#8217; en &#8216;Waarom heb je dit nodig?&#8217;",
            ]
        )
    )
