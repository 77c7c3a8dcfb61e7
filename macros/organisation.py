"""The checked aggregate of one organisation: its steps, people, actions and meetings, with lookups.

``load.load`` builds it from the validated files (the classes in ``model``); rendering reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Action, Customer, ExternalCustomer, Meeting, OrganisationFile, Person, StepFile


@dataclass(frozen=True)
class Step:
    """A process step with the identity that its file name gives it."""

    id: str
    number: int
    path: str
    data: StepFile

    @property
    def name(self) -> str:
        return self.data.name


@dataclass(frozen=True)
class Organisation:
    """All data of one organisation, checked and cross-referenced."""

    info: OrganisationFile
    people: tuple[Person, ...]
    steps: tuple[Step, ...]
    actions: tuple[Action, ...]
    meetings: tuple[Meeting, ...]
    files: dict[str, str] = field(default_factory=dict)

    # Lookups by code, built on first use: a page asks for a person or a step many times,
    # and scanning the lists for each would make a build quadratic in the number of people.
    @cached_property
    def _people(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    @cached_property
    def _steps(self) -> dict[str, Step]:
        return {s.id: s for s in self.steps}

    @cached_property
    def _steps_by_performer(self) -> dict[str, list[Step]]:
        found: dict[str, list[Step]] = {}
        for step in self.steps:
            for person_id in dict.fromkeys(p.person for p in step.data.performers):
                found.setdefault(person_id, []).append(step)
        return found

    @cached_property
    def _customer_entries(self) -> dict[str, list[tuple[Step, Customer]]]:
        found: dict[str, list[tuple[Step, Customer]]] = {}
        for step in self.steps:
            for entry in step.data.customers:
                found.setdefault(entry.person, []).append((step, entry))
        return found

    @cached_property
    def _actions_by(self) -> tuple[dict[str, list[Action]], dict[str, list[Action]]]:
        by_step: dict[str, list[Action]] = {}
        by_person: dict[str, list[Action]] = {}
        for action in self.actions:
            if action.step is not None:
                by_step.setdefault(action.step, []).append(action)
            by_person.setdefault(action.who, []).append(action)
        return by_step, by_person

    @property
    def last_step(self) -> Step | None:
        """The last step of the chain: its work goes to the external customer, not to a colleague."""
        return self.steps[-1] if self.steps else None

    def is_last(self, step: Step) -> bool:
        """Whether ``step`` is the last one, after which the external customer comes."""
        return self.last_step is not None and step.id == self.last_step.id

    @property
    def external_customer(self) -> ExternalCustomer:
        """The customer at the end of the chain, after the last step."""
        return self.info.external_customer

    def person(self, person_id: str) -> Person:
        return self._people[person_id]

    def step(self, step_id: str) -> Step:
        return self._steps[step_id]

    def steps_of(self, person_id: str) -> list[Step]:
        """Steps in which the person works."""
        return list(self._steps_by_performer.get(person_id, ()))

    def customer_of(self, person_id: str) -> list[tuple[Step, Customer]]:
        """(step, entry) pairs in which the person is the internal customer."""
        return list(self._customer_entries.get(person_id, ()))

    def delivered_to(self, supplier: Step, entry: Customer) -> Step | None:
        """The step in which the internal customer ``entry`` of step ``supplier`` uses the work.

        The rule: ``for_step`` when it is filled in; otherwise the first step after ``supplier``
        (in process order) in which that person works; if there is none, the last step before
        ``supplier`` in which the person works; if the person works in no other step, nowhere (None).
        Matching by person alone would show a handoff on every step that person works in.
        """
        if entry.for_step is not None:
            return self._steps.get(entry.for_step)
        mine = [s for s in self.steps_of(entry.person) if s.id != supplier.id]
        later = [s for s in mine if s.number > supplier.number]
        if later:
            return later[0]
        earlier = [s for s in mine if s.number < supplier.number]
        return earlier[-1] if earlier else None

    @cached_property
    def _suppliers(self) -> dict[str, list[tuple[Step, Customer]]]:
        found: dict[str, list[tuple[Step, Customer]]] = {}
        for step in self.steps:
            for entry in step.data.customers:
                target = self.delivered_to(step, entry)
                if target is not None and target.id != step.id:
                    found.setdefault(target.id, []).append((step, entry))
        return found

    def suppliers_of(self, step: Step) -> list[tuple[Step, Customer]]:
        """(supplier step, customer entry) pairs whose work is used in ``step``; see ``delivered_to``."""
        return list(self._suppliers.get(step.id, ()))

    def actions_of_step(self, step_id: str) -> list[Action]:
        return list(self._actions_by[0].get(step_id, ()))

    def actions_of_person(self, person_id: str) -> list[Action]:
        return list(self._actions_by[1].get(person_id, ()))
