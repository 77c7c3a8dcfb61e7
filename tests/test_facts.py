"""One home per rule: each fact that pages and checks share is tested here, where it is worked out."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from macros import analysis
from macros.agenda import follow_up, follow_up_horizon
from macros.load import Loaded, load
from macros.model import Action, Meeting, Performer, Person, Settings
from macros.organisation import Organisation
from macros.rules import check

from .conftest import DATA

ORG = load(DATA).org
DAY = dt.date(2026, 11, 23)


def _action(status: str, due: dt.date, who: str = "erik-smit", id_: str = "ap-x") -> Action:
    return Action(id=id_, what="Iets doen", who=who, due=due, status=status)  # type: ignore[arg-type]


def _with_actions(*actions: Action) -> Organisation:
    return dataclasses.replace(ORG, actions=actions)


# --- open, late, overloaded -----------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "is_open"), [("open", True), ("bezig", True), ("klaar", False)])
def test_an_action_is_open_until_it_is_done(status: str, is_open: bool) -> None:
    assert _action(status, DAY).is_open is is_open


@pytest.mark.parametrize(
    ("status", "due", "late"),
    [
        ("open", DAY - dt.timedelta(days=1), True),
        ("bezig", DAY - dt.timedelta(days=1), True),
        ("open", DAY, False),  # due today is not late yet
        ("klaar", DAY - dt.timedelta(days=30), False),  # done is never late
    ],
)
def test_an_action_is_late_when_open_and_past_its_due_date(status: str, due: dt.date, late: bool) -> None:
    assert _action(status, due).is_overdue(DAY) is late


def test_open_and_late_lists_come_from_the_same_rule_in_due_order() -> None:
    actions = (
        _action("open", DAY + dt.timedelta(days=3), id_="ap-c"),
        _action("klaar", DAY - dt.timedelta(days=9), id_="ap-a"),
        _action("bezig", DAY - dt.timedelta(days=2), id_="ap-b"),
    )
    org = _with_actions(*actions)
    assert [a.id for a in analysis.open_of(org)] == ["ap-b", "ap-c"]
    assert [a.id for a in analysis.open_actions(actions)] == ["ap-b", "ap-c"]
    assert [a.id for a in analysis.overdue_of(org, DAY)] == ["ap-b"]
    assert [a.id for a in analysis.done_of(org)] == ["ap-a"]


def test_overloaded_means_more_than_the_agreed_number_and_the_check_agrees() -> None:
    limit = ORG.info.settings.max_open_actions
    assert not analysis.is_overloaded(ORG, limit) and analysis.is_overloaded(ORG, limit + 1)
    actions = [_action("open", DAY, "erik-smit", f"ap-{i}") for i in range(limit + 1)]
    actions += [_action("open", DAY, "tom-hendriks", f"ap-t{i}") for i in range(limit)]
    actions += [_action("klaar", DAY, "tom-hendriks", "ap-done")]  # done points do not count
    org = _with_actions(*actions)
    assert [(p.id, n) for p, n in analysis.overloaded(org)] == [("erik-smit", limit + 1)]
    warnings = [p.message for p in check(dataclasses.replace(_loaded(), org=org), DAY)]
    assert [m for m in warnings if "open actiepunten" in m] == [
        f"Erik Smit heeft {limit + 1} open actiepunten (meer dan {limit})."
    ]


def test_the_limit_comes_from_the_settings() -> None:
    strict = dataclasses.replace(ORG, info=ORG.info.model_copy(update={"settings": Settings(max_open_actions=1)}))
    assert analysis.is_overloaded(strict, 2) and not analysis.is_overloaded(strict, 1)


def _loaded() -> Loaded:
    return load(DATA)


# --- the follow-up horizon ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "horizon"),
    [
        (dt.date(2026, 10, 14), dt.date(2027, 1, 14)),
        (dt.date(2026, 11, 30), dt.date(2027, 2, 28)),  # no 30 February: the last day of the month
        (dt.date(2027, 12, 31), dt.date(2028, 3, 31)),
    ],
)
def test_the_follow_up_horizon_is_three_calendar_months(day: dt.date, horizon: dt.date) -> None:
    assert follow_up_horizon(day) == horizon
    meeting = ORG.meetings[0].model_copy(update={"date": day, "follow_up": None})
    assert follow_up(meeting) == (horizon, True)


@pytest.mark.parametrize(("extra_days", "warned"), [(0, False), (1, True)])
def test_the_check_warns_just_past_the_same_horizon(extra_days: int, warned: bool) -> None:
    loaded = _loaded()
    first = loaded.org.meetings[0]
    later = first.model_copy(update={"follow_up": follow_up_horizon(first.date) + dt.timedelta(days=extra_days)})
    org = dataclasses.replace(loaded.org, meetings=(later, *loaded.org.meetings[1:]))
    messages = [p.message for p in check(dataclasses.replace(loaded, org=org), first.date)]
    assert any("meer dan drie maanden" in m for m in messages) is warned


# --- the last step and the external customer ------------------------------------------------------------


def test_the_last_step_is_the_one_before_the_external_customer() -> None:
    assert ORG.last_step is ORG.steps[-1]
    assert [ORG.is_last(s) for s in ORG.steps] == [False] * (len(ORG.steps) - 1) + [True]
    assert ORG.external_customer is ORG.info.external_customer
    empty = dataclasses.replace(ORG, steps=())
    assert empty.last_step is None


def test_a_step_without_internal_customer_except_the_last() -> None:
    steps = [dataclasses.replace(s, data=s.data.model_copy(update={"customers": []})) for s in ORG.steps]
    bare = dataclasses.replace(ORG, steps=tuple(steps))
    assert analysis.steps_without_customer(bare) == list(bare.steps[:-1])
    assert analysis.steps_without_customer(ORG) == [s for s in ORG.steps[:-1] if not s.data.customers]


# --- nobody in a step -----------------------------------------------------------------------------------


def test_a_person_without_a_task_works_in_no_step_even_when_someone_s_customer() -> None:
    steps = list(ORG.steps)
    # Marco only stays the internal customer of step 2; he no longer works in step 3.
    third = steps[2].data
    steps[2] = dataclasses.replace(
        steps[2], data=third.model_copy(update={"performers": [Performer(person="sanne-visser")]})
    )
    extra = Person(id="nina-nieuw", name="Nina Nieuw", function="Stagiair", workplace="kantoor")
    org = dataclasses.replace(ORG, steps=tuple(steps), people=(*ORG.people, extra))
    assert [p.id for p in analysis.people_without_task(org)] == ["marco-jansen", "nina-nieuw"]
    assert analysis.people_without_step is analysis.people_without_task
    assert analysis.people_without_task(ORG) == []


def test_a_step_nobody_works_in_is_unstaffed() -> None:
    steps = list(ORG.steps)
    steps[1] = dataclasses.replace(steps[1], data=steps[1].data.model_copy(update={"performers": []}))
    org = dataclasses.replace(ORG, steps=tuple(steps))
    assert analysis.unstaffed_steps(org) == [steps[1]]
    assert analysis.unstaffed_steps(ORG) == []


# --- handoffs between office and field ------------------------------------------------------------------


def test_remote_handoffs_are_those_where_someone_works_elsewhere() -> None:
    found = {(h.step.id, h.taker.id) for h in analysis.remote_handoffs(ORG)}
    for step in ORG.steps:
        places = {ORG.person(p.person).workplace for p in step.data.performers}
        for entry in step.data.customers:
            same = places == {ORG.person(entry.person).workplace}
            assert ((step.id, entry.person) in found) is not same
    first = analysis.remote_handoffs(ORG)[0]
    assert first.makers == tuple(sorted(first.makers))


def test_office_to_field_is_the_first_office_worker_with_a_field_customer() -> None:
    assert analysis.office_to_field(ORG) == ("marco-jansen", "erik-smit")
    office = [p.model_copy(update={"workplace": "kantoor"}) for p in ORG.people]
    assert analysis.office_to_field(dataclasses.replace(ORG, people=tuple(office))) is None


def test_example_handoff_is_the_first_step_with_people_and_a_customer() -> None:
    assert analysis.example_handoff(ORG) is ORG.steps[0]
    bare = [dataclasses.replace(s, data=s.data.model_copy(update={"customers": []})) for s in ORG.steps]
    assert analysis.example_handoff(dataclasses.replace(ORG, steps=tuple(bare))) is None


# --- who is at a meeting --------------------------------------------------------------------------------


def _meeting(**changes: object) -> Meeting:
    return ORG.meetings[0].model_copy(update=changes)


def test_present_and_absent_count_the_facilitator_as_present() -> None:
    meeting = _meeting(attendees=["erik-smit", "marco-jansen"], facilitator="gerda-meijer")
    assert analysis.present(meeting) == {"erik-smit", "marco-jansen", "gerda-meijer"}
    assert analysis.present(None) == set()
    absent = [p.id for p in analysis.absent(ORG, meeting)]
    assert absent == [p.id for p in ORG.people if p.id not in {"erik-smit", "marco-jansen", "gerda-meijer"}]


def test_go_between_is_a_present_colleague_never_the_facilitator() -> None:
    # Tom (absent) works in 'uitvoering' with Erik.
    meeting = _meeting(attendees=["erik-smit"], facilitator="gerda-meijer")
    assert analysis.go_between(ORG, meeting, "tom-hendriks", "planning-voorbereiding") == "erik-smit"
    # Erik leads the meeting, so someone who works in the step asked about speaks for Tom.
    meeting = _meeting(attendees=["marco-jansen"], facilitator="erik-smit")
    assert analysis.go_between(ORG, meeting, "tom-hendriks", "planning-voorbereiding") == "marco-jansen"
    # Nobody who shares a step with Tom is there: someone working in the step asked about.
    meeting = _meeting(attendees=["sanne-visser"], facilitator="gerda-meijer")
    assert analysis.go_between(ORG, meeting, "tom-hendriks", "planning-voorbereiding") == "sanne-visser"
    meeting = _meeting(attendees=[], facilitator="sanne-visser")
    assert analysis.go_between(ORG, meeting, "tom-hendriks", "planning-voorbereiding") is None
