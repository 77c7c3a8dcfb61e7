"""Facilitator kit, render layer: golden files of the new pages and what the data adds to them.

Refresh after an intended change with ``UPDATE_GOLDEN=1 python -m pytest tests/test_kit_render.py``
and review the diff.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.agenda import BLOCKS, agenda
from macros.load import load
from macros.model import Durations, Meeting, Organisation
from macros.render import actions, meeting, memo, prepare, worksheet
from macros.render.escape import h

from .conftest import DATA
from .golden import assert_golden

GOLDEN = Path(__file__).parent / "golden" / "kit"
TODAY = dt.date(2026, 11, 23)
ORG = load(DATA).org

RENDERS: dict[str, Callable[[Organisation], str]] = {
    "voorbereiding.md": prepare.checklist,
    "draaiboek.md": meeting.script,
    "werkblad.md": worksheet.worksheet,
    "werkblad-leeg.md": lambda _: worksheet.blank_worksheet(),
    "actiepunten.md": lambda org: "\n".join(
        [
            actions.register(org, today=TODAY),
            actions.by_owner(org, today=TODAY),
            actions.by_step(org, today=TODAY),
            actions.form(org),
        ]
    ),
    "memo.md": memo.memo,
}


@pytest.mark.parametrize("name", sorted(RENDERS))
def test_golden(name: str) -> None:
    rendered = RENDERS[name](ORG)
    path = GOLDEN / name
    assert_golden(path, rendered)


def _with_meeting(org: Organisation, **changes: object) -> Organisation:
    first = org.meetings[0].model_copy(update=changes)
    return dataclasses.replace(org, meetings=(first, *org.meetings[1:]))


def test_script_shows_every_block_in_order_with_clock_times() -> None:
    page = meeting.script(ORG)
    plan = agenda(ORG, ORG.meetings[0])
    headings = re.findall(r"^## (\d\d:\d\d) · ([a-k])\. ", page, flags=re.M)
    assert [letter for _, letter in headings] == [b.letter for b in BLOCKS]
    assert [time for time, _ in headings] == [f"{s.start:%H:%M}" for s in plan.slots]
    assert headings[0][0] == f"{ORG.meetings[0].start:%H:%M}"
    assert f"Totaal, van {plan.start:%H:%M} tot {plan.end:%H:%M}" in page


def test_mapping_round_has_every_step_with_its_people_and_needs() -> None:
    page = meeting.script(ORG)
    rounds = re.findall(r'<section class="hb-round".*?</section>', page)
    assert len(rounds) == len(ORG.steps)
    for step, block in zip(ORG.steps, rounds, strict=True):
        assert h(step.name) in block
        for performer in step.data.performers:
            assert h(ORG.person(performer.person).name) in block
        for entry in step.data.customers:
            assert h(ORG.person(entry.person).name) in block
            for need in entry.needs:
                assert h(need.what) in block


def test_changed_durations_move_the_clock() -> None:
    org = _with_meeting(ORG, durations=Durations(opening=20, mapping=5))
    page = meeting.script(org)
    start = ORG.meetings[0].start
    assert start is not None
    welcome = (dt.datetime.combine(TODAY, start) + dt.timedelta(minutes=20)).strftime("%H:%M")
    assert f"## {welcome} · b. " in page
    assert f"{len(ORG.steps) * 5} min ({len(ORG.steps)} × 5)" in page
    assert page.count("(aangepast)") == 2
    assert meeting.script(_with_meeting(ORG, durations=None)).count("(aangepast)") == 0


def test_gaps_in_the_data_become_questions() -> None:
    step = ORG.steps[1]
    entry = step.data.customers[0]
    need = entry.needs[0].model_copy(update={"when": None})
    data = step.data.model_copy(
        update={"customers": [entry.model_copy(update={"needs": [need]}), *step.data.customers[1:]]}
    )
    steps = list(ORG.steps)
    steps[1] = dataclasses.replace(step, data=data)
    page = meeting.script(dataclasses.replace(ORG, steps=tuple(steps)))
    assert f"wanneer moet dit er zijn: “{h(need.what.rstrip('.'))}”?" in page
    assert "wanneer: nog niet afgesproken" in page


def test_follow_up_defaults_to_three_months_and_says_so() -> None:
    org = _with_meeting(ORG, follow_up=None)
    page = memo.memo(org)
    assert "14 januari 2027" in page  # 14 October + three months
    assert "drie maanden na de bijeenkomst" in page
    assert "drie maanden" not in memo.memo(ORG).split("Vervolgbijeenkomst:")[1].split("</p>")[0]


def test_memo_has_agreements_per_step_actions_and_follow_up() -> None:
    page = memo.memo(ORG)
    record = ORG.meetings[0]
    for agreement in record.agreements:
        assert h(ORG.step(agreement.step).name) in page
        for point in agreement.points:
            assert h(point) in page
    for action in (a for a in ORG.actions if a.meeting == record.id):
        assert h(action.what) in page
    text = memo.plain_text(ORG, record)
    assert not re.search(r"</?[a-z]", text), "the e-mail text has no markup"
    assert "13 januari 2027" in text and "Beste collega's" in text
    assert text.count("\n- ") >= sum(len(a.points) for a in record.agreements)


def test_memo_plain_text_box_keeps_markup_as_text() -> None:
    hostile = "<script>alert(1)</script> **vet** {{ x }} </textarea>"
    org = _with_meeting(ORG, goal=hostile)
    page = memo.memo(org)
    box = page[page.index("<textarea") : page.index("</textarea>")]
    assert "<script>alert" not in box and "</textarea> " not in box
    assert "&lt;/textarea&gt;" in box and "&#123;&#123; x &#125;&#125;" in box
    assert "\n" not in box  # one line, so Markdown leaves the block alone


def test_worksheet_names_per_step_and_blank_has_none() -> None:
    sheet = worksheet.worksheet(ORG)
    assert sheet.count('class="hb-sheet-col') == len(ORG.steps) + 1
    for step in ORG.steps:
        for performer in step.data.performers:
            assert h(ORG.person(performer.person).name) in sheet
    for expectation in ORG.info.external_customer.expectations:
        assert h(expectation) in sheet
    blank = worksheet.blank_worksheet()
    assert blank.count('class="hb-sheet-col') == worksheet.BLANK_STEPS + 1
    assert not any(h(p.name) in blank for p in ORG.people)


def test_checklist_lists_steps_without_a_customer_as_to_do() -> None:
    steps = list(ORG.steps)
    steps[1] = dataclasses.replace(steps[1], data=steps[1].data.model_copy(update={"customers": []}))
    page = prepare.checklist(dataclasses.replace(ORG, steps=tuple(steps)))
    item = page[page.index("Per stap is de interne klant bekend") :].split("</li>")[0]
    assert "Nog doen" in item and h(steps[1].name) in item
    assert "Nog doen" not in prepare.checklist(ORG).split("Per stap is de interne klant bekend")[1].split("</li>")[0]


def test_checklist_wants_field_staff_at_the_meeting() -> None:
    office = tuple(p.id for p in ORG.people if p.workplace == "kantoor")
    page = prepare.checklist(_with_meeting(ORG, attendees=list(office)))
    assert "Er is nog niemand van buiten uitgenodigd." in page


def test_action_register_marks_overdue_and_groups() -> None:
    page = actions.register(ORG, today=TODAY)
    late = [a for a in ORG.actions if a.is_overdue(TODAY)]
    assert late and page.count("hb-row-late") == len(late)
    owners = actions.by_owner(ORG, today=TODAY)
    for person in {a.who for a in ORG.actions if a.status != "klaar"}:
        assert f"### {ORG.person(person).name}" in owners
    by_step = actions.by_step(ORG, today=TODAY)
    assert [line for line in by_step.splitlines() if line.startswith("### ")] == [
        f"### {s.number}. {s.name}" for s in ORG.steps
    ]


def test_pages_without_a_meeting_explain_what_to_do() -> None:
    org = dataclasses.replace(ORG, meetings=())
    assert "handboek meeting add" in memo.memo(org)
    assert "handboek meeting add" in meeting.script(org)
    assert "09:00" in meeting.script(org).split("## Tijdschema")[1]


def test_meeting_model_accepts_the_new_fields() -> None:
    assert isinstance(ORG.meetings[0], Meeting)
    assert ORG.meetings[0].agreements and ORG.meetings[0].durations is not None
