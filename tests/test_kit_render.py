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
from macros.model import Durations, Meeting
from macros.organisation import Organisation
from macros.pages import Facts, by_name
from macros.pause import schedule
from macros.render import actions, meeting, memo, prepare, worksheet
from macros.render.escape import h
from macros.render.page import render_page
from macros.render.parts import macros

from .conftest import DATA
from .golden import assert_golden

GOLDEN = Path(__file__).parent / "golden" / "kit"
TODAY = dt.date(2026, 11, 23)
ORG = load(DATA).org

RENDERS: dict[str, Callable[[Organisation], str]] = {
    "voorbereiding.md": lambda org: prepare.checklist(org, today=TODAY),
    "draaiboek.md": lambda org: meeting.script(org, today=TODAY),
    "werkblad.md": worksheet.worksheet,
    "werkblad-leeg.md": lambda _: worksheet.blank_worksheet(),
    "actiepunten.md": lambda org: "\n".join(
        [
            actions.register(org, today=TODAY),
            actions.by_owner(org, today=TODAY),
            actions.by_step(org, today=TODAY),
            actions.form(org, today=TODAY),
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
    page = meeting.script(ORG, today=TODAY)
    timed = schedule(ORG, ORG.meetings[0])
    plan = timed.plan
    headings = re.findall(r"^## (\d\d:\d\d) · ([a-k])\. ", page, flags=re.M)
    assert [letter for _, letter in headings] == [b.letter for b in BLOCKS]
    assert [time for time, _ in headings] == [f"{s.start:%H:%M}" for s in plan.slots]
    assert headings[0][0] == f"{ORG.meetings[0].start:%H:%M}"
    assert f"Totaal, van {plan.start:%H:%M} tot {plan.end:%H:%M}" in page


def test_script_shows_the_break_of_a_long_meeting_and_shifts_the_times_after_it() -> None:
    timed = schedule(ORG, ORG.meetings[0])
    assert timed.pause is not None  # the example meeting takes 2 h 10
    pause, plain = timed.pause, agenda(ORG, ORG.meetings[0])
    page = meeting.script(ORG, today=TODAY)
    times = re.findall(r"^## (\d\d:\d\d) · (?:([a-k])\.|Pauze)", page, flags=re.M)
    letters = [letter or "pauze" for _, letter in times]
    after = next(b.letter for b in BLOCKS if b.id == pause.after)
    assert letters[letters.index(after) + 1] == "pauze"
    assert times[letters.index("pauze")][0] == f"{pause.start:%H:%M}"
    following = letters[letters.index("pauze") + 1]
    shifted = next(s for s in plain.slots if s.block.letter == following).start + dt.timedelta(minutes=pause.minutes)
    assert times[letters.index(following)][0] == f"{shifted:%H:%M}" == f"{pause.end:%H:%M}"
    assert f'<td data-label="Onderdeel">Pauze</td><td data-label="Duur">{pause.minutes} min</td>' in page
    no_break = _with_meeting(ORG, break_minutes=0)
    quiet = meeting.script(no_break, today=TODAY)
    assert "Pauze" not in quiet and f"tot {plain.end:%H:%M} (" in quiet


def test_mapping_round_has_every_step_with_its_people_and_needs() -> None:
    page = meeting.script(ORG, today=TODAY)
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
    page = meeting.script(org, today=TODAY)
    start = ORG.meetings[0].start
    assert start is not None
    welcome = (dt.datetime.combine(TODAY, start) + dt.timedelta(minutes=20)).strftime("%H:%M")
    assert f"## {welcome} · b. " in page
    assert f"{len(ORG.steps) * 5} min ({len(ORG.steps)} × 5)" in page
    assert page.count("(aangepast)") == 2
    assert meeting.script(_with_meeting(ORG, durations=None), today=TODAY).count("(aangepast)") == 0


def test_gaps_in_the_data_become_questions() -> None:
    step = ORG.steps[1]
    entry = step.data.customers[0]
    need = entry.needs[0].model_copy(update={"when": None})
    data = step.data.model_copy(
        update={"customers": [entry.model_copy(update={"needs": [need]}), *step.data.customers[1:]]}
    )
    steps = list(ORG.steps)
    steps[1] = dataclasses.replace(step, data=data)
    page = meeting.script(dataclasses.replace(ORG, steps=tuple(steps)), today=TODAY)
    assert f"wanneer moet dit er zijn: “{h(need.what.rstrip('.'))}”?" in page
    assert "wanneer: nog niet afgesproken" in page


def test_follow_up_defaults_to_three_months_and_says_so() -> None:
    org = _with_meeting(ORG, follow_up=None)
    page = memo.memo(org)
    assert "14 januari 2027" in page  # 14 October + three months
    assert "De precieze datum volgt nog" in page and "meetings.yml" not in page.split("<h3>Vervolg</h3>")[1]
    assert "De precieze datum volgt nog" not in memo.memo(ORG)
    assert "drie maanden na de bijeenkomst" in meeting.script(org, today=TODAY)


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


def test_a3_worksheet_is_the_same_sheet_with_its_own_class_and_page() -> None:
    page_type = by_name("werkblad-a3")
    assert page_type.url() == "bijeenkomst/werkblad/a3/" and page_type.data == by_name("werkblad").data
    facts = Facts(ORG, TODAY, page_type.url())
    page = str(render_page(page_type, facts))
    a4 = worksheet.worksheet(ORG)
    assert page.startswith("# Werkblad op A3\n")
    sheet = page[page.index('<div class="hb-sheet') :]
    assert sheet.startswith('<div class="hb-sheet hb-sheet--a3"') and "hb-sheet--a3" not in a4
    # Apart from the class the sheet is the A4 one: the same steps, names and boxes.
    assert sheet.replace(" hb-sheet--a3", "").strip() == a4[a4.index('<div class="hb-sheet') :].strip()
    assert '<a href="../">werkblad op A4</a>' in page


def _with_steps(count: int) -> Organisation:
    first = ORG.steps[0]
    steps = tuple(dataclasses.replace(first, id=f"stap-{n}", number=n) for n in range(1, count + 1))
    return dataclasses.replace(ORG, steps=steps)


def test_a3_sheet_takes_more_steps_before_it_asks_to_merge_them() -> None:
    eight = _with_steps(8)  # too many for A4, not for A3
    assert "print het blad op A3" in worksheet.worksheet(eight)
    assert "hb-todo" not in str(macros("worksheet.html").sheet(worksheet.sheet_view(eight, "a3")))
    a3 = str(macros("worksheet.html").sheet(worksheet.sheet_view(_with_steps(11), "a3")))
    assert "Op één A3 passen er 10; voeg stappen samen." in a3 and "print het blad op A3" not in a3


def test_checklist_lists_steps_without_a_customer_as_to_do() -> None:
    steps = list(ORG.steps)
    steps[1] = dataclasses.replace(steps[1], data=steps[1].data.model_copy(update={"customers": []}))
    page = prepare.checklist(dataclasses.replace(ORG, steps=tuple(steps)), today=TODAY)
    item = page[page.index("Per stap is de interne klant bekend") :].split("</li>")[0]
    assert "Nog doen" in item and h(steps[1].name) in item
    assert (
        "Nog doen"
        not in prepare.checklist(ORG, today=TODAY).split("Per stap is de interne klant bekend")[1].split("</li>")[0]
    )


def test_checklist_wants_field_staff_at_the_meeting() -> None:
    office = tuple(p.id for p in ORG.people if p.workplace == "kantoor")
    page = prepare.checklist(_with_meeting(ORG, attendees=list(office)), today=TODAY)
    assert "Er is nog niemand van de buitendienst uitgenodigd." in page


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
    assert "handboek meeting add" in meeting.script(org, today=TODAY)
    assert "09:00" in meeting.script(org, today=TODAY).split("## Tijdschema")[1]


def test_meeting_model_accepts_the_new_fields() -> None:
    assert isinstance(ORG.meetings[0], Meeting)
    assert ORG.meetings[0].agreements and ORG.meetings[0].durations is not None


BEFORE = dt.date(2026, 10, 1)  # before the meeting of 14 October 2026
PAST_NOTICE = "Deze bijeenkomst was op"


def test_pages_before_the_meeting_show_no_past_notice() -> None:
    assert PAST_NOTICE not in meeting.script(ORG, today=BEFORE)
    page = prepare.checklist(ORG, today=BEFORE)
    assert PAST_NOTICE not in page and "## Voor de vervolgbijeenkomst" not in page
    form = actions.form(ORG, today=BEFORE)
    assert PAST_NOTICE not in form and h(ORG.meetings[0].title) in form


def test_pages_after_the_meeting_say_so_and_point_to_the_follow_up() -> None:
    record = ORG.meetings[0]
    assert record.follow_up is not None and record.date < TODAY <= record.follow_up
    expected = 'De volgende is de vervolgbijeenkomst op <time datetime="2027-01-13">13 januari 2027</time>.'
    for page in (meeting.script(ORG, today=TODAY), prepare.checklist(ORG, today=TODAY), actions.form(ORG, today=TODAY)):
        notice = page[page.index(PAST_NOTICE) :].split("</div>")[0]
        assert "14 oktober 2026" in notice and expected in notice
    script = meeting.script(ORG, today=TODAY)
    assert script.index(PAST_NOTICE) < script.index("## Tijdschema")  # at the top, the script stays below
    assert "Vervolgbijeenkomst · 13 januari 2027" in actions.form(ORG, today=TODAY)


def test_preparation_after_the_meeting_lists_open_points_for_the_follow_up() -> None:
    page = prepare.checklist(ORG, today=TODAY)
    follow = page.split("## Voor de vervolgbijeenkomst op 13 januari 2027")[1].split("## De lijst van")[0]
    open_points = [x for x in ORG.actions if x.status != "klaar"]
    late = [x for x in open_points if x.is_overdue(TODAY)]
    assert open_points and late
    for x in open_points:
        assert h(x.what) in follow and h(ORG.person(x.who).name) in follow
    for x in (x for x in ORG.actions if x.status == "klaar"):
        assert h(x.what) not in follow
    assert follow.count("hb-row-late") == len(late) and f"waarvan {len(late)} te laat" in follow


def test_a_past_follow_up_is_not_presented_as_coming() -> None:
    later = dt.date(2027, 2, 1)
    page = meeting.script(ORG, today=later)
    assert "Ook de vervolgbijeenkomst van" in page and "De volgende is" not in page


def test_absent_internal_customer_is_asked_through_a_colleague() -> None:
    record = ORG.meetings[0]
    absent = [p for p in ORG.people if p.id not in record.attendees and p.id != record.facilitator]
    assert absent, "the demo data has someone who is not at the meeting"
    page = meeting.script(ORG, today=TODAY)
    for person in absent:
        assert f"{h(person.name)}: " not in page
    tom = next(p for p in absent if p.id == "tom-hendriks")
    assert "Tom Hendriks is er niet bij. Vraag Erik Smit hoe Tom dit het liefst krijgt" in page
    everyone = _with_meeting(ORG, attendees=[p.id for p in ORG.people if p.id != record.facilitator])
    assert f"{h(tom.name)} is er niet bij" not in meeting.script(everyone, today=TODAY)


def test_printed_script_and_form_hold_no_maintainer_text() -> None:
    script = meeting.script(ORG, today=TODAY)
    assert "meetings.yml" not in script and "handboek action add" not in script
    assert script.count('<span class="hb-meta hb-screen-only">(aangepast)</span>') == script.count("(aangepast)")
    assert "Geef de punten na afloop door aan de beheerder van het handboek." in script
    form = actions.form(ORG, today=TODAY)
    assert "Klaar op" in form and "Wanneer klaar?" not in form


def test_memo_is_written_after_the_meeting() -> None:
    page = memo.memo(ORG)
    text = memo.plain_text(ORG, ORG.meetings[0])
    assert "Vandaag" not in text and "hebben we afgesproken" in text
    assert not re.search(r"[a-z]: [A-Z]", text.split("\n", 1)[1]), "no capital after a colon inside a sentence"
    assert "Klik op ‘Kopieer de tekst’" in page and "<kbd>A</kbd>" not in page


def test_absent_customer_without_a_colleague_present_gets_a_call() -> None:
    record = ORG.meetings[0]
    step = ORG.step("planning-voorbereiding")
    tom_colleagues = {
        p.person
        for s in ORG.steps
        for p in s.data.performers
        if "tom-hendriks" in {q.person for q in s.data.performers}
    }
    nobody = {*tom_colleagues, *(p.person for p in step.data.performers)}
    org = _with_meeting(ORG, attendees=[p for p in record.attendees if p not in nobody])
    page = meeting.script(org, today=TODAY)
    assert "Tom Hendriks is er niet bij. Bel Tom na afloop en vraag hoe Tom dit het liefst krijgt" in page


def test_the_memo_is_about_the_last_meeting_held_not_one_still_planned(data_copy: Path) -> None:
    path = data_copy / "meetings.yml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + '  - id: vervolg-2027-01\n    title: Vervolg\n    date: 2027-01-13\n    start: "08:30"\n',
        encoding="utf-8",
    )
    org = load(data_copy).org
    page = memo.memo(org, today=dt.date(2026, 11, 23))
    assert "14 oktober 2026" in page and "Vervolg</h2>" not in page
    assert "Het memo komt na de bijeenkomst van 14 oktober 2026" in memo.memo(org, today=dt.date(2026, 10, 1))


def test_no_calendar_file_is_offered_that_would_hold_no_event() -> None:
    from macros.render.meeting import calendar_link

    assert calendar_link("bijeenkomst/", ORG).count("download>") == 2
    only_actions = calendar_link("bijeenkomst/", dataclasses.replace(ORG, meetings=()))
    assert "vervolgbijeenkomst.ics" not in only_actions and "Alle open actiepunten" in only_actions
    empty = calendar_link("bijeenkomst/", dataclasses.replace(ORG, meetings=(), actions=()))
    assert ".ics" not in empty and "nog niets" in empty
