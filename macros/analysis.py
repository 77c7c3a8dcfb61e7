"""Facts that several pages and checks share: open and late action points, workload, gaps, task division,
the handoffs between office and field, and who is at a meeting.

Plain functions over the model, without any markup, so that pages, checks and tests share one answer.
Each fact has its one home here (or on the model: ``Action.is_open``, ``Action.is_overdue``,
``Organisation.last_step``); renderers only format what these return.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .agenda import follow_up_horizon
from .model import Action, Customer, Meeting, Need, Person
from .organisation import Organisation, Step


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


def open_actions(actions: Iterable[Action]) -> list[Action]:
    """The open ones among ``actions`` (``Action.is_open``), by due date."""
    return sorted((a for a in actions if a.is_open), key=lambda a: (a.due, a.id))


def open_of(org: Organisation) -> list[Action]:
    """Action points that are not done, by due date."""
    return open_actions(org.actions)


def overdue_of(org: Organisation, today: dt.date) -> list[Action]:
    """Open action points past their due date (``Action.is_overdue``), by due date."""
    return [a for a in open_of(org) if a.is_overdue(today)]


def late_per_step(org: Organisation, today: dt.date) -> list[tuple[Step | None, int]]:
    """(step, number of late action points) in the order of the steps; None for the points without a step.

    The count without names that /4a/ shows when the organisation does not name late colleagues there.
    """
    counts = Counter(a.step for a in overdue_of(org, today))
    found: list[tuple[Step | None, int]] = [(s, counts[s.id]) for s in org.steps if counts[s.id]]
    return found + ([(None, counts[None])] if counts[None] else [])


def is_overloaded(org: Organisation, open_count: int) -> bool:
    """Whether this many open action points is more than the organisation agreed (settings.max_open_actions)."""
    return open_count > org.info.settings.max_open_actions


def workload(org: Organisation) -> list[tuple[Person, int]]:
    """(person, number of open action points) for everyone with at least one, most first."""
    counts = Counter(a.who for a in open_of(org))
    people = [(org.person(pid), n) for pid, n in counts.items()]
    return sorted(people, key=lambda pn: (-pn[1], pn[0].name.casefold()))


def overloaded(org: Organisation) -> list[tuple[Person, int]]:
    """People with more open action points than settings.max_open_actions; 'handboek check' warns about them."""
    return [(p, n) for p, n in workload(org) if is_overloaded(org, n)]


def unstaffed_steps(org: Organisation) -> list[Step]:
    """Steps in which nobody works."""
    return [s for s in org.steps if not s.data.performers]


def people_without_task(org: Organisation) -> list[Person]:
    """People who work in no step: nobody's performer. They may still be someone's internal customer."""
    return [p for p in org.people if not org.steps_of(p.id)]


people_without_step = people_without_task  # the former name, still used by the task-division page


def steps_without_customer(org: Organisation) -> list[Step]:
    """Steps that name no internal customer. The last step is not one: its work goes to the external customer."""
    return [s for s in org.steps if not s.data.customers and not org.is_last(s)]


def customers_of_person(org: Organisation, person_id: str) -> list[tuple[Step, Customer]]:
    """The internal customers of the steps this person works in (not the person themself)."""
    return [(s, c) for s in org.steps_of(person_id) for c in s.data.customers if c.person != person_id]


def suppliers_of_person(org: Organisation, person_id: str) -> list[tuple[Step, Customer]]:
    """The steps that name this person as their internal customer, with what the person needs from them."""
    return org.customer_of(person_id)


@dataclass(frozen=True)
class Unsupplied:
    """Someone who works in ``step`` (a step after the first) and gets work there from no other step."""

    step: Step
    index: int  # their entry in step.data.performers
    person: Person


def unsupplied(org: Organisation) -> list[Unsupplied]:
    """People without a supplier for their work in a step: no step delivers to them there.

    Deliveries are those of ``Organisation.suppliers_of`` (``for_step``, else the ``delivered_to`` rule), so
    this is the same matching that the step and person pages show. A delivery from a step in which only
    this person works is no supplier. The first step has no internal supplier by design: the external
    customer starts the work there.
    """
    found = []
    for step in org.steps[1:]:
        fed = {
            entry.person
            for supplier, entry in org.suppliers_of(step)
            if not supplier.data.performers or any(p.person != entry.person for p in supplier.data.performers)
        }
        seen: set[str] = set()
        for i, performer in enumerate(step.data.performers):
            if performer.person not in fed and performer.person not in seen:
                found.append(Unsupplied(step, i, org.person(performer.person)))
            seen.add(performer.person)
    return found


def done_of(org: Organisation) -> list[Action]:
    """Action points that are done: successes to name."""
    return [a for a in org.actions if not a.is_open]


def shown_email(org: Organisation, person: Person) -> str | None:
    """The person's e-mail address where a page may show it: only when settings.show_emails allows it."""
    return person.email if org.info.settings.show_emails else None


# --- owners and reviews of steps ------------------------------------------------------------------------------


def review_expires(step: Step) -> dt.date | None:
    """The last day on which the step's review still counts: the follow-up horizon after 'reviewed'."""
    reviewed = step.data.reviewed
    return follow_up_horizon(reviewed) if reviewed is not None else None


def review_due(step: Step, today: dt.date) -> bool:
    """Whether the step needs a review: it was never reviewed, or its review is older than the horizon."""
    expires = review_expires(step)
    return expires is None or expires < today


def steps_due_for_review(org: Organisation, today: dt.date) -> list[Step]:
    """The steps whose agreements should be looked at again, in the order of the steps."""
    return [s for s in org.steps if review_due(s, today)]


# --- handoffs between office and field ----------------------------------------------------------------------


@dataclass(frozen=True)
class Handoff:
    """Work that goes from the people of ``step`` to the internal customer ``taker``, used in ``target``."""

    step: Step
    makers: tuple[str, ...]  # codes of the people who work in the step, sorted
    taker: Person
    target: Step | None


def remote_handoffs(org: Organisation) -> list[Handoff]:
    """Handoffs where the internal customer does not work at the same place as all the people who deliver."""
    found = []
    for step in org.steps:
        makers = {p.person for p in step.data.performers}
        places = {org.person(m).workplace for m in makers}
        for entry in step.data.customers:
            taker = org.person(entry.person)
            if taker.workplace in places and len(places) == 1:
                continue
            found.append(Handoff(step, tuple(sorted(makers)), taker, org.delivered_to(step, entry)))
    return found


def office_to_field(org: Organisation) -> tuple[str, str] | None:
    """The first (office worker, field worker) pair where the field worker is the office worker's internal customer."""
    for step in org.steps:
        for p in step.data.performers:
            for c in step.data.customers:
                if org.person(p.person).workplace == "kantoor" and org.person(c.person).workplace == "buiten":
                    return p.person, c.person
    return None


def example_handoff(org: Organisation) -> Step | None:
    """The first step with both people and an internal customer: an example from the organisation's own work."""
    return next((s for s in org.steps if s.data.customers and s.data.performers), None)


# --- who is at a meeting ------------------------------------------------------------------------------------


def present(meeting: Meeting | None) -> set[str]:
    """Codes of the people at the meeting: the attendees and the facilitator (nobody when there is no meeting)."""
    if meeting is None:
        return set()
    return set(meeting.attendees) | ({meeting.facilitator} if meeting.facilitator else set())


def absent(org: Organisation, meeting: Meeting) -> list[Person]:
    """Everyone who is not at the meeting, in the order of people.yml."""
    here = present(meeting)
    return [p for p in org.people if p.id not in here]


def go_between(org: Organisation, meeting: Meeting, person_id: str, step_id: str) -> str | None:
    """Someone at the meeting who can speak for an absent person: a colleague who shares a step with them,
    else someone who works in ``step_id``. Never the facilitator, who leads the meeting."""
    here = present(meeting) - {meeting.facilitator}
    shared = [
        p.person for s in org.steps for p in s.data.performers if person_id in {q.person for q in s.data.performers}
    ]
    workers = [p.person for p in org.step(step_id).data.performers]
    return next((c for c in [*shared, *workers] if c in here and c != person_id), None)
