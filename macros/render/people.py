"""The page of one person, and the list of everyone: views that gather the facts, templates that format."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from .. import analysis
from ..model import WORKPLACE_LABELS, Customer, ExternalCustomer, Person
from ..organisation import Organisation, Step
from ..pages import Facts
from . import templates
from .feedback import FeedbackLink, correction_view, feedback_view
from .links import person_url
from .parts import ActionRow, action_rows


class MyStep(NamedTuple):
    step: Step
    role: str | None


class Takers(NamedTuple):
    """A step I work in, and its internal customers other than me."""

    step: Step
    takers: list[tuple[Person, Customer]]
    is_last: bool


class Supply(NamedTuple):
    """A step that names me as its internal customer: what I need from its people, and what I promise back."""

    step: Step
    entry: Customer
    makers: list[Person]  # its people, without me
    target: Step | None  # the step of mine the work is for, shown when I work in several


class PersonView(NamedTuple):
    here: str
    person: Person
    email: str | None  # only when settings.show_emails allows it
    place: str  # 'kantoor' or 'buitendienst'; '' when the team already says it
    step_count: int
    open_count: int
    late_count: int
    customers: list[Person]  # at a glance
    suppliers: list[Person]
    steps: list[MyStep]
    takers: list[Takers]
    supplies: list[Supply]
    external: ExternalCustomer
    actions: list[ActionRow]  # the open ones, formatted by parts.action_table in the template
    unclear: int  # needs of my customers without when or form
    first_taker: Person | None
    feedback: FeedbackLink | None
    correction: FeedbackLink | None  # 'Klopt er iets niet?'


def _unique(org: Organisation, ids: list[str]) -> list[Person]:
    return [org.person(pid) for pid in dict.fromkeys(ids)]


def person_view(facts: Facts, person_id: str) -> PersonView:
    """The facts of /mensen/<id>/: my steps, my customers, my suppliers, my actions, the 4 A's."""
    org = facts.org
    person = org.person(person_id)
    here = person_url(person.id)
    steps = org.steps_of(person.id)
    place = WORKPLACE_LABELS[person.workplace].lower()
    mine = analysis.open_actions(org.actions_of_person(person.id))
    customers = [c.person for _, c in analysis.customers_of_person(org, person.id)]
    suppliers = [p.person for s, _ in analysis.suppliers_of_person(org, person.id) for p in s.data.performers]
    several = len(steps) > 1
    workers_of = {s.id: {p.person for p in s.data.performers} for s in org.steps}
    return PersonView(
        here=here,
        person=person,
        email=analysis.shown_email(org, person),
        place="" if (person.team or "").casefold() == place else place,  # "team Kantoor, kantoor" says it twice
        step_count=len(steps),
        open_count=len(mine),
        late_count=sum(x.is_overdue(facts.today) for x in mine),
        customers=_unique(org, [pid for pid in customers if pid != person.id]),  # each has a block below
        suppliers=_unique(org, [pid for pid in suppliers if pid != person.id]),
        steps=[MyStep(s, next((p.role for p in s.data.performers if p.person == person.id), None)) for s in steps],
        takers=[
            Takers(
                s,
                [(org.person(c.person), c) for c in s.data.customers if c.person != person.id],
                org.is_last(s),
            )
            for s in steps
        ],
        supplies=[
            Supply(
                step,
                entry,
                [org.person(p.person) for p in step.data.performers if p.person != person.id],
                org.delivered_to(step, entry) if several else None,
            )
            for step, entry in analysis.suppliers_of_person(org, person.id)
        ],
        external=org.external_customer,
        actions=action_rows(org, mine, facts.today),
        unclear=sum(
            1 for g in analysis.gaps(org) if person.id in workers_of[g.step.id] and g.customer.person != person.id
        ),
        first_taker=org.person(customers[0]) if customers else None,
        feedback=feedback_view(org, f"Feedback over een overdracht met {person.name}"),
        correction=correction_view(org, person.name),
    )


def person_page(org: Organisation, person_id: str, *, today: dt.date, source_dir: str = "data") -> str:
    """Markdown for /mensen/<id>/ (template ``person.html``)."""
    view = person_view(Facts(org, today, person_url(person_id), source_dir), person_id)
    return str(templates.render("person.html", page=view))


def people_index(org: Organisation, *, here: str = "mensen/") -> str:
    """A table of everyone: name, function, team and steps; stacked cards on a phone (template ``people_index.html``)."""
    rows = [(p, org.steps_of(p.id)) for p in sorted(org.people, key=lambda p: p.name.casefold())]
    return str(templates.render("people_index.html", here=here, rows=rows))
