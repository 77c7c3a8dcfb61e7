"""One step of the mapping round in the meeting script: its people, its internal customer and what to ask.

The view gathers who is there and what is still unknown; ``templates/script_round.html`` writes the round.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import analysis
from ..agenda import Slot
from ..model import Meeting, Need, Person
from ..organisation import Organisation, Step
from .parts import macros


@dataclass(frozen=True)
class Ask:
    """A question for an internal customer; ``topic`` is 'when', 'form', 'needs' or 'return'."""

    person: Person
    present: bool  # at the meeting (or there is no meeting): ask directly
    colleague: Person | None  # someone at the meeting who can answer for an absent person
    topic: str
    need: Need | None = None


@dataclass(frozen=True)
class CustomerRound:
    person: Person
    needs: list[Need]
    in_return: list[Need]


@dataclass(frozen=True)
class RoundView:
    step: Step
    start: dt.datetime
    workers: list[Person]
    customers: list[CustomerRound]
    last: bool  # after this step comes the external customer
    asks: list[Ask]


def _ask(
    org: Organisation, meeting: Meeting | None, person_id: str, step_id: str, topic: str, need: Need | None
) -> Ask:
    person = org.person(person_id)
    if meeting is None or person_id in analysis.present(meeting):
        return Ask(person, True, None, topic, need)
    colleague = analysis.go_between(org, meeting, person_id, step_id)
    return Ask(person, False, org.person(colleague) if colleague else None, topic, need)


def round_view(org: Organisation, meeting: Meeting | None, slot: Slot) -> RoundView:
    """What one step of the round shows and asks: questions for what is not known yet."""
    step = slot.step
    assert step is not None
    asks: list[Ask] = []
    for entry in step.data.customers:
        for need in entry.needs:
            if need.when is None:
                asks.append(_ask(org, meeting, entry.person, step.id, "when", need))
            elif need.form is None:
                asks.append(_ask(org, meeting, entry.person, step.id, "form", need))
        if not entry.needs:
            asks.append(_ask(org, meeting, entry.person, step.id, "needs", None))
        if not entry.in_return:
            asks.append(_ask(org, meeting, entry.person, step.id, "return", None))
    return RoundView(
        step,
        slot.start,
        [org.person(p.person) for p in step.data.performers],
        [CustomerRound(org.person(c.person), list(c.needs), list(c.in_return)) for c in step.data.customers],
        org.is_last(step),
        asks,
    )


def round_html(org: Organisation, meeting: Meeting | None, slot: Slot) -> str:
    """One step of the mapping round: its people, its internal customer, what is known now, what to ask."""
    return str(macros("script_round.html").round(round_view(org, meeting, slot), org.external_customer))
