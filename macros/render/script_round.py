"""One step of the mapping round in the meeting script: its people, its internal customer and what to ask."""

from __future__ import annotations

from collections.abc import Callable

from .. import analysis
from ..agenda import Slot, clock
from ..model import Meeting, Organisation
from .escape import h
from .parts import join


def names(org: Organisation, ids: list[str]) -> str:
    return join((h(org.person(p).name) for p in ids), "nog niemand")


def questions(items: list[str] | tuple[str, ...], title: str = "Open vragen") -> str:
    if not items:
        return ""
    return f'<p class="hb-sub">{title}</p><ul class="hb-questions">' + "".join(f"<li>{q}</li>" for q in items) + "</ul>"


def _about(template: str, need: str = "") -> Callable[[str], str]:
    """A phrase about an absent person; only the constant template is formatted, never the data."""
    return lambda name: template.format(name=name, need=need)


def _ask(
    org: Organisation, meeting: Meeting | None, person_id: str, step_id: str, direct: str, about: Callable[[str], str]
) -> str:
    """A question for an internal customer; when that person is not there, via a colleague or a call afterwards.

    ``direct`` is asked to the person ("wanneer moet dit er zijn?"); ``about`` gets the first name and
    speaks of them ("wanneer Tom dit nodig heeft.").
    """
    person = org.person(person_id)
    if meeting is None or person_id in analysis.present(meeting):
        return f"{h(person.name)}: {direct}"
    first = h(person.name.split()[0])
    colleague = analysis.go_between(org, meeting, person_id, step_id)
    topic = about(first)
    if colleague is None:
        return f"{h(person.name)} is er niet bij. Bel {first} na afloop en vraag {topic}"
    return f"{h(person.name)} is er niet bij. Vraag {h(org.person(colleague).name)} {topic} Of bel {first} na afloop."


def round_html(org: Organisation, meeting: Meeting | None, slot: Slot) -> str:
    """One step of the mapping round: its people, its internal customer, what is known now, what to ask."""
    step = slot.step
    assert step is not None
    ext = org.external_customer
    is_last = org.is_last(step)
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

        def ask(direct: str, about: Callable[[str], str], who: str = entry.person) -> str:
            return _ask(org, meeting, who, step.id, direct, about)

        needs = []
        for need in entry.needs:
            when = h(need.when) if need.when else '<span class="hb-missing">wanneer: nog niet afgesproken</span>'
            needs.append(f"<li>{h(need.what)} <span class='hb-meta'>({when})</span></li>")
            quoted = f"“{_short(need.what)}”"
            if need.when is None:
                asks.append(
                    ask(
                        f"wanneer moet dit er zijn: {quoted}?",
                        _about("wanneer {name} dit nodig heeft: {need}.", quoted),
                    )
                )
            elif need.form is None:
                asks.append(
                    ask(
                        f"in welke vorm wil je dit krijgen: {quoted}?",
                        _about("hoe {name} dit het liefst krijgt: {need}.", quoted),
                    )
                )
        if needs:
            parts.append(
                f'<p class="hb-sub">Wat {h(person.name)} nu nodig heeft (startpunt)</p><ul>{"".join(needs)}</ul>'
            )
        else:
            asks.append(
                ask(
                    "wat heb jij van deze stap nodig om goed te kunnen werken?",
                    _about("wat {name} van deze stap nodig heeft."),
                )
            )
        if entry.in_return:
            back = "".join(f"<li>{h(n.what)}</li>" for n in entry.in_return)
            parts.append(
                f'<p class="hb-sub">Wat deze stap terug mag verwachten van {h(person.name)}</p><ul>{back}</ul>'
            )
        else:
            asks.append(
                ask(
                    "wat mag deze stap van jou terug verwachten?",
                    _about("wat deze stap van {name} terug mag verwachten."),
                )
            )
    if is_last:
        expect = "".join(f"<li>{h(e)}</li>" for e in ext.expectations)
        parts.append(f'<p class="hb-sub">Daarna komt de {h(ext.name.lower())}. Die verwacht:</p><ul>{expect}</ul>')
        asks.append(f"Merkt de {h(ext.name.lower())} dat de stappen goed op elkaar aansluiten? Waaraan?")
    asks.append("Gaat het nu zo? Wat gaat er goed, en waar loopt het vast?")
    parts.append(questions(asks, "Vraag door"))
    parts.append("</section>")
    return "".join(parts)


def _short(text: str) -> str:
    """A need quoted inside a question: escaped, without its closing full stop."""
    return h(text.strip().rstrip("."))
