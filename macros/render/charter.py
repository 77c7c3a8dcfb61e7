"""'Onze afspraken': the service promises of every step, compiled into one charter for /handboek/.

The view gathers per step who promises what to whom; ``templates/charter.html`` formats it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Need, Person
from ..organisation import Organisation, Step
from .links import PAGES
from .parts import macros

HERE = PAGES["handboek"]


@dataclass(frozen=True)
class CustomerPromises:
    person: Person
    needs: list[Need]  # what the step promises this internal customer
    in_return: list[Need]  # what the customer promises back


@dataclass(frozen=True)
class StepPromises:
    step: Step
    makers: list[Person]  # who works in the step
    customers: list[CustomerPromises]
    last: bool  # the last step: its promises go to the external customer


def charter_view(org: Organisation) -> list[StepPromises]:
    return [
        StepPromises(
            step,
            [org.person(p.person) for p in step.data.performers],
            [CustomerPromises(org.person(c.person), list(c.needs), list(c.in_return)) for c in step.data.customers],
            org.is_last(step),
        )
        for step in org.steps
    ]


def charter(org: Organisation, *, here: str = HERE) -> str:
    """Per step: what its people promise each internal customer, and what they ask in return."""
    return str(macros("charter.html").charter(charter_view(org), org.external_customer, here))
