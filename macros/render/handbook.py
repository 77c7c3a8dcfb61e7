"""The service handbook (/handboek/): concrete do's per way of working, taken from the organisation's data.

A view function per way gathers the facts; ``templates/handbook.html`` writes the do's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from .. import analysis
from ..organisation import Organisation
from .feedback import feedback_view
from .links import PAGES
from .parts import macros

HERE = PAGES["handboek"]


def do_list(org: Organisation, way: str, *, today: dt.date, here: str = HERE) -> str:
    """The do's of one of the seven ways, made concrete with names, steps and agreements."""
    if way not in _DO:
        raise ValueError(f"unknown way: {way}; choose from {', '.join(_DO)}")
    return str(macros("handbook.html").do_list(way, _DO[way](org, today), here))


def _communiceren(org: Organisation, today: dt.date) -> dict[str, Any]:
    return {"outside": [p for p in org.people if p.workplace == "buiten"]}


def _verwachtingen(org: Organisation, today: dt.date) -> dict[str, Any]:
    needs = [n for s in org.steps for c in s.data.customers for n in c.needs]
    return {"total": len(needs), "complete": sum(1 for n in needs if not analysis.missing_parts(n))}


# Words that can start a need but never a name: only these are put in lower case after "Voor <name>:".
_LOWER_SAFE = {"een", "de", "het", "al", "alle", "elke", "ieder", "iedere", "twee", "drie"}


def _after_colon(text: str) -> str:
    """``text`` as it reads after a colon: the first letter in lower case when that is safe, else unchanged."""
    first, _, rest = text.partition(" ")
    if first.casefold() in _LOWER_SAFE and first[:1].isupper() and first[1:].islower():
        return first.lower() + (" " + rest if rest else "")
    return text


def _betrouwbaar(org: Organisation, today: dt.date) -> dict[str, Any]:
    # One agreed moment per step, so that every handoff is in the list; the charter below has them all.
    moments = []
    for step in org.steps:
        timed = next(((c.person, n) for c in step.data.customers for n in c.needs if n.when), None)
        if timed:
            who, need = timed
            moments.append((org.person(who), _after_colon(need.what), need.when))
    return {"moments": moments, "late": len(analysis.overdue_of(org, today))}


def _feedback(org: Organisation, today: dt.date) -> dict[str, Any]:
    return {"link": feedback_view(org, "Feedback over een overdracht")}


def _relaties(org: Organisation, today: dt.date) -> dict[str, Any]:
    coming = sorted(d for m in org.meetings for d in (m.date, m.follow_up) if d and d >= today)
    pair = analysis.office_to_field(org)
    return {
        "next": coming[0] if coming else None,
        "pair": (org.person(pair[0]), org.person(pair[1])) if pair else None,
    }


def _technologie(org: Organisation, today: dt.date) -> dict[str, Any]:
    forms: dict[str, str] = {}  # form -> the first step that uses it
    for step in org.steps:
        for entry in step.data.customers:
            for need in entry.needs:
                if need.form:
                    forms.setdefault(need.form, step.id)
    return {"forms": [(org.step(sid), form) for form, sid in list(forms.items())[:6]]}


def _successen(org: Organisation, today: dt.date) -> dict[str, Any]:
    return {"done": [(x, org.person(x.who)) for x in analysis.done_of(org)]}


_DO: dict[str, Callable[[Organisation, dt.date], dict[str, Any]]] = {
    "communiceren": _communiceren,
    "verwachtingen": _verwachtingen,
    "betrouwbaar": _betrouwbaar,
    "feedback": _feedback,
    "relaties": _relaties,
    "technologie": _technologie,
    "successen": _successen,
}
