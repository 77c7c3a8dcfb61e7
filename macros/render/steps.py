"""The page of one process step, and the list of all steps: views that gather the facts, templates that format."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from .. import analysis
from ..model import WORKPLACE_LABELS, Customer, ExternalCustomer, Person
from ..organisation import Organisation, Step
from ..pages import Facts
from . import templates
from .feedback import FeedbackLink, correction_view, feedback_view
from .links import step_url
from .parts import ActionRow, action_rows


class Worker(NamedTuple):
    person: Person
    place: str  # 'kantoor' or 'buitendienst'
    role: str | None


class Supply(NamedTuple):
    """What one of our people needs from a supplying step, and what they promise back."""

    taker: Person
    makers: list[Person]
    source: Step
    entry: Customer


class Taker(NamedTuple):
    """One internal customer of the step and what they need."""

    person: Person
    entry: Customer


class StepView(NamedTuple):
    here: str
    step: Step
    total: int
    previous: Step | None
    next: Step | None
    workers: list[Worker]
    is_first: bool
    is_last: bool
    external: ExternalCustomer
    supplies: list[Supply]
    takers: list[Taker]
    actions: list[ActionRow]  # the open ones, formatted by parts.action_table in the template
    feedback: FeedbackLink | None
    correction: FeedbackLink | None  # 'Klopt er iets niet?'
    owner: Person | None
    review_due: bool  # never reviewed, or longer ago than the follow-up horizon


def step_view(facts: Facts, step_id: str) -> StepView:
    """The facts of /stappen/<id>/: people, suppliers, customers, open actions."""
    org = facts.org
    step = org.step(step_id)
    here = step_url(step.id)
    index = org.steps.index(step)
    total = len(org.steps)
    return StepView(
        here=here,
        step=step,
        total=total,
        previous=org.steps[index - 1] if index > 0 else None,
        next=org.steps[index + 1] if index < total - 1 else None,
        workers=[
            Worker(org.person(p.person), WORKPLACE_LABELS[org.person(p.person).workplace].lower(), p.role)
            for p in step.data.performers
        ],
        is_first=index == 0,
        is_last=org.is_last(step),
        external=org.external_customer,
        supplies=[
            Supply(org.person(entry.person), [org.person(p.person) for p in supplier.data.performers], supplier, entry)
            for supplier, entry in org.suppliers_of(step)
        ],
        takers=[Taker(org.person(c.person), c) for c in step.data.customers],
        actions=action_rows(org, analysis.open_actions(org.actions_of_step(step.id)), facts.today),
        feedback=feedback_view(org, f"Feedback over de overdracht in stap {step.number}: {step.name}"),
        correction=correction_view(org, f"stap {step.number}, {step.name}"),
        owner=org.person(step.data.owner) if step.data.owner else None,
        review_due=analysis.review_due(step, facts.today),
    )


def step_page(org: Organisation, step_id: str, *, today: dt.date, source_dir: str = "data") -> str:
    """Markdown for /stappen/<id>/ (template ``step.html``)."""
    view = step_view(Facts(org, today, step_url(step_id), source_dir), step_id)
    return str(templates.render("step.html", page=view))


class StepLine(NamedTuple):
    step: Step
    workers: list[Person]
    takers: list[Person]


def step_lines(org: Organisation) -> list[StepLine]:
    """Each step with who works there and its internal customers."""
    return [
        StepLine(s, [org.person(p.person) for p in s.data.performers], [org.person(c.person) for c in s.data.customers])
        for s in org.steps
    ]


def steps_index(org: Organisation, *, here: str = "stappen/") -> str:
    """An ordered list of the steps, each a link with what happens there (template ``steps_index.html``)."""
    return str(templates.render("steps_index.html", here=here, lines=step_lines(org), external=org.external_customer))
