"""Which step an internal customer's needs are delivered to: the rule, its override, and its validation."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from macros.load import load
from macros.model import Customer, Performer
from macros.organisation import Organisation, Step
from macros.problems import DataError

from .conftest import DATA

UITVOERING = "steps/04-uitvoering.yml"


@pytest.fixture(scope="module")
def org() -> Organisation:
    return load(DATA).org


def _suppliers(org: Organisation, step_id: str) -> list[tuple[str, str]]:
    return [(s.id, c.person) for s, c in org.suppliers_of(org.step(step_id))]


def test_a_person_in_two_steps_gets_the_work_in_the_first_later_step(org: Organisation) -> None:
    # Ahmed works in steps 1 and 5; step 4 names him for his after-care work, so it goes to step 5 only.
    ahmed = "ahmed-el-amrani"
    assert [s.id for s in org.steps_of(ahmed)] == ["aanvraag-opname", "facturatie-nazorg"]
    assert ("uitvoering", ahmed) not in _suppliers(org, "aanvraag-opname")
    assert ("uitvoering", ahmed) in _suppliers(org, "facturatie-nazorg")


def test_without_a_later_step_the_work_goes_to_the_last_earlier_one(org: Organisation) -> None:
    # Kees works only in step 1; step 5 names him, so the feedback lands in step 1.
    entry = next(c for c in org.step("facturatie-nazorg").data.customers if c.person == "kees-bakker")
    assert org.delivered_to(org.step("facturatie-nazorg"), entry) == org.step("aanvraag-opname")


def test_every_entry_is_shown_on_exactly_one_step(org: Organisation) -> None:
    shown = [pair for step in org.steps for pair in _suppliers(org, step.id)]
    named = [
        (s.id, c.person)
        for s in org.steps
        for c in s.data.customers
        if any(x.id != s.id for x in org.steps_of(c.person))
    ]
    assert sorted(shown) == sorted(named)


def test_a_customer_who_works_nowhere_is_delivered_nowhere(org: Organisation) -> None:
    step = org.step("uitvoering")
    assert org.delivered_to(step, Customer(person="nobody-here")) is None


def _with_customer(org: Organisation, step_id: str, entry: Customer) -> Organisation:
    steps = [
        dataclasses.replace(s, data=s.data.model_copy(update={"customers": [*s.data.customers, entry]}))
        if s.id == step_id
        else s
        for s in org.steps
    ]
    return dataclasses.replace(org, steps=tuple(steps))


def _adds_worker(org: Organisation, step_id: str, person_id: str) -> Organisation:
    steps: list[Step] = []
    for s in org.steps:
        if s.id == step_id:
            s = dataclasses.replace(
                s, data=s.data.model_copy(update={"performers": [*s.data.performers, Performer(person=person_id)]})
            )
        steps.append(s)
    return dataclasses.replace(org, steps=tuple(steps))


def test_for_step_overrides_the_rule(org: Organisation) -> None:
    # Ahmed also helps in planning; without for_step step 1's need would go there, with it to step 5.
    changed = _adds_worker(org, "planning-voorbereiding", "ahmed-el-amrani")
    plain = _with_customer(changed, "aanvraag-opname", Customer(person="ahmed-el-amrani"))
    assert ("aanvraag-opname", "ahmed-el-amrani") in _suppliers(plain, "planning-voorbereiding")
    pinned = _with_customer(
        changed, "aanvraag-opname", Customer(person="ahmed-el-amrani", for_step="facturatie-nazorg")
    )
    assert ("aanvraag-opname", "ahmed-el-amrani") not in _suppliers(pinned, "planning-voorbereiding")
    assert ("aanvraag-opname", "ahmed-el-amrani") in _suppliers(pinned, "facturatie-nazorg")


def _set_for_step(data: Path, value: str) -> int:
    """Give Ahmed's entry in step 4 a for_step; return the line it stands on."""
    path = data / UITVOERING
    old = "  - person: ahmed-el-amrani\n"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, old + f"    for_step: {value}\n", 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 2


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("facturatie-nazorgg", "Bedoel je 'facturatie-nazorg'?"),
        ("planning-voorbereiding", "'ahmed-el-amrani' werkt niet in stap 'planning-voorbereiding'"),
        ("uitvoering", "een andere stap dan deze stap zelf"),
    ],
)
def test_bad_for_step_is_an_error_with_its_place(data_copy: Path, value: str, fragment: str) -> None:
    line = _set_for_step(data_copy, value)
    with pytest.raises(DataError) as info:
        load(data_copy)
    problems = info.value.problems
    assert len(problems) == 1, info.value.report()
    assert problems[0].path.endswith(UITVOERING) and problems[0].line == line
    assert fragment in problems[0].message


def test_a_good_for_step_loads(data_copy: Path) -> None:
    _set_for_step(data_copy, "facturatie-nazorg")
    org = load(data_copy).org
    assert ("uitvoering", "ahmed-el-amrani") in _suppliers(org, "facturatie-nazorg")
