"""Facts that several employee pages show: gaps in the agreements, workload, task division.

Plain functions over the model, without any markup, so that pages and tests share one answer.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from .model import Action, Customer, Need, Organisation, Person, Step


@dataclass(frozen=True)
class Gap:
    """A need of an internal customer that does not yet say when or in what form."""

    step: Step
    customer: Customer
    need: Need
    missing: tuple[str, ...]  # Dutch labels: "wanneer", "vorm"


def missing_parts(need: Need) -> tuple[str, ...]:
    """What an agreement still lacks to be clear: when, and in what form."""
    parts = []
    if not need.when:
        parts.append("wanneer")
    if not need.form:
        parts.append("vorm")
    return tuple(parts)


def gaps(org: Organisation) -> list[Gap]:
    """Every need without a 'when' or a 'form', in the order of the steps: unspoken expectations."""
    return [
        Gap(step, entry, need, missing_parts(need))
        for step in org.steps
        for entry in step.data.customers
        for need in entry.needs
        if missing_parts(need)
    ]


def open_of(org: Organisation) -> list[Action]:
    """Action points that are not done, by due date."""
    return sorted((a for a in org.actions if a.status != "klaar"), key=lambda a: (a.due, a.id))


def overdue_of(org: Organisation, today: dt.date) -> list[Action]:
    return [a for a in open_of(org) if a.is_overdue(today)]


def workload(org: Organisation) -> list[tuple[Person, int]]:
    """(person, number of open action points) for everyone with at least one, most first."""
    counts = Counter(a.who for a in open_of(org))
    people = [(org.person(pid), n) for pid, n in counts.items()]
    return sorted(people, key=lambda pn: (-pn[1], pn[0].name.casefold()))


def overloaded(org: Organisation) -> list[tuple[Person, int]]:
    """People with more open action points than settings.max_open_actions (the same rule as 'handboek check')."""
    limit = org.info.settings.max_open_actions
    return [(p, n) for p, n in workload(org) if n > limit]


def unstaffed_steps(org: Organisation) -> list[Step]:
    """Steps in which nobody works."""
    return [s for s in org.steps if not s.data.performers]


def people_without_step(org: Organisation) -> list[Person]:
    """People who work in no step (they may still be someone's internal customer)."""
    return [p for p in org.people if not org.steps_of(p.id)]


def customers_of_person(org: Organisation, person_id: str) -> list[tuple[Step, Customer]]:
    """The internal customers of the steps this person works in (not the person themself)."""
    return [(s, c) for s in org.steps_of(person_id) for c in s.data.customers if c.person != person_id]


def suppliers_of_person(org: Organisation, person_id: str) -> list[tuple[Step, Customer]]:
    """The steps that name this person as their internal customer, with what the person needs from them."""
    return org.customer_of(person_id)


def done_of(org: Organisation) -> list[Action]:
    """Action points that are done: successes to name."""
    return [a for a in org.actions if a.status == "klaar"]
