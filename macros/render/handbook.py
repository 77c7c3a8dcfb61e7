"""The service handbook (/handboek/): concrete do's per way of working, taken from the organisation's data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .. import analysis
from ..model import Need, Organisation
from ..nl import date_nl
from .escape import h
from .feedback import feedback_link
from .links import PAGES, a, rel
from .parts import join, person_link

HERE = PAGES["handboek"]


def _anchor(here: str, page: str, anchor: str, label: str) -> str:
    # rel() gives a folder address; the anchor goes after it, not inside it.
    return f'<a href="{h(rel(here, page))}#{h(anchor)}">{h(label)}</a>'


def _ul(items: list[str]) -> str:
    return '<ul class="hb-do">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _needs(org: Organisation) -> list[tuple[str, str, Need]]:
    """(step id, customer id, need) for every need of every internal customer."""
    return [(s.id, c.person, n) for s in org.steps for c in s.data.customers for n in c.needs]


def do_list(org: Organisation, way: str, *, today: dt.date, here: str = HERE) -> str:
    """The do's of one of the seven ways, made concrete with names, steps and agreements."""
    if way not in _DO:
        raise ValueError(f"unknown way: {way}; choose from {', '.join(_DO)}")
    return _ul(_DO[way](org, here, today))


def _communiceren(org: Organisation, here: str, today: dt.date) -> list[str]:
    outside = [p for p in org.people if p.workplace == "buiten"]
    items = []
    if outside:
        names = join(person_link(org, here, p.id) for p in outside)
        items.append(f"{names} werken vooral buiten. Bel hen bij iets dringends; een mail lezen ze vaak later.")
    items.append("Vraag na een overdracht: &#8216;Is dit wat je nodig had?&#8217; Luister naar het antwoord.")
    items.append("Zeg het meteen als iets later komt dan afgesproken. Niet pas op de dag zelf.")
    return items


def _verwachtingen(org: Organisation, here: str, today: dt.date) -> list[str]:
    needs = _needs(org)
    complete = sum(1 for _, _, n in needs if not analysis.missing_parts(n))
    return [
        _completeness(len(needs), complete, _anchor(here, PAGES["4a"], "aanname", "zie Aanname")),
        f"Kijk in {a(here, PAGES['taakverdeling'], 'de taakverdeling')} wie in welke stap werkt. "
        "Staat daar iets niet goed? Zeg het.",
        "Noem bij elke vraag wat, wanneer, in welke vorm en waarom.",
    ]


def _completeness(total: int, complete: int, see: str) -> str:
    """How many agreements say when and in what form, and what to do about the rest."""
    if total == 0:
        return "Er staan nog geen afspraken met interne klanten in het handboek. Maak ze samen, per stap."
    if complete == total:
        return f"Bij alle {total} afspraken staat wanneer en in welke vorm. Vraag af en toe na of het nog klopt."
    rest = total - complete
    todo = "Vul de laatste aan" if rest == 1 else f"Vul de andere {rest} aan"
    return f"Bij {complete} van de {total} afspraken staat wanneer en in welke vorm. {todo}: {see}."


# Words that can start a need but never a name: only these are put in lower case after "Voor <name>:".
_LOWER_SAFE = {"een", "de", "het", "al", "alle", "elke", "ieder", "iedere", "twee", "drie"}


def _after_colon(text: str) -> str:
    """``text`` as it reads after a colon: the first letter in lower case when that is safe, else unchanged."""
    first, _, rest = text.partition(" ")
    if first.casefold() in _LOWER_SAFE and first[:1].isupper() and first[1:].islower():
        return first.lower() + (" " + rest if rest else "")
    return text


def _betrouwbaar(org: Organisation, here: str, today: dt.date) -> list[str]:
    # One agreed moment per step, so that every handoff is in the list; the charter below has them all.
    moments = []
    for step in org.steps:
        timed = next(((c.person, n) for c in step.data.customers for n in c.needs if n.when), None)
        if timed:
            who, need = timed
            moments.append(
                f"Voor {person_link(org, here, who)}: {h(_after_colon(need.what))}<br><em>Wanneer:</em> {h(need.when)}"
            )
    items = []
    if moments:
        items.append("Zet de afgesproken momenten in je agenda. Bijvoorbeeld:" + _ul(moments))
    else:
        items.append("Spreek per overdracht een moment af, en zet het in je agenda.")
    late = analysis.overdue_of(org, today)
    if late:
        items.append(
            f'<strong class="hb-late">{len(late)} {"actiepunt is" if len(late) == 1 else "actiepunten zijn"} '
            f"te laat.</strong> Zie {_anchor(here, PAGES['4a'], 'afspraken-nakomen', 'Afspraken nakomen')}."
        )
    else:
        items.append("Geen enkel actiepunt is te laat. Houd dat zo: zeg het op tijd als een datum niet lukt.")
    return items


def _feedback(org: Organisation, here: str, today: dt.date) -> list[str]:
    items = [
        "Vraag na elke oplevering: wat ging goed, en wat kan de volgende keer beter?",
        "Krijg je kritiek? Bedank de ander en vraag door. Het is informatie, geen aanval.",
    ]
    link = feedback_link(org, "Feedback over een overdracht")
    if link:
        items.append(
            "Iets gezien bij een overdracht? Op elke pagina van een stap en van een persoon staat een link:" + link
        )
    return items


def _relaties(org: Organisation, here: str, today: dt.date) -> list[str]:
    items = []
    coming = sorted(d for m in org.meetings for d in (m.date, m.follow_up) if d and d >= today)
    if coming:
        items.append(
            f"De volgende bijeenkomst over interne klanten is op {date_nl(coming[0])}. Ga erheen en praat mee."
        )
    else:
        items.append("Plan samen een bijeenkomst over interne klanten. Zet de vervolgafspraak meteen in de agenda.")
    pair = analysis.office_to_field(org)
    if pair:
        items.append(
            f"Loop eens een halve dag mee met je interne klant. Bijvoorbeeld {person_link(org, here, pair[0])} "
            f"met {person_link(org, here, pair[1])}."
        )
    items.append("Vraag je interne klant wat hem of haar echt helpt, en wat juist hindert.")
    return items


def _technologie(org: Organisation, here: str, today: dt.date) -> list[str]:
    forms: dict[str, str] = {}  # form -> the first step that uses it
    for step_id, _, need in _needs(org):
        if need.form:
            forms.setdefault(need.form, step_id)
    items = [
        "Zoek in dit handboek op een naam of een woord, zoals &#8216;offerte&#8217; of &#8216;planning&#8217;. "
        "Dat werkt ook op je telefoon.",
    ]
    if forms:
        places = [f"<em>{h(org.step(sid).name)}:</em> {h(form)}" for form, sid in list(forms.items())[:6]]
        items.append("Gebruik de vaste plekken die we hebben afgesproken:" + _ul(places))
    return items


def _successen(org: Organisation, here: str, today: dt.date) -> list[str]:
    done = analysis.done_of(org)
    items = [f"Klaar: {h(x.what)} Dank aan {person_link(org, here, x.who)}." for x in done]
    items.append("Noem in het werkoverleg één overdracht die goed ging, met naam en toenaam.")
    return items


_DO: dict[str, Callable[[Organisation, str, dt.date], list[str]]] = {
    "communiceren": _communiceren,
    "verwachtingen": _verwachtingen,
    "betrouwbaar": _betrouwbaar,
    "feedback": _feedback,
    "relaties": _relaties,
    "technologie": _technologie,
    "successen": _successen,
}
