"""Facilitator kit, core: the timed agenda, the extended meeting data, the follow-up calendar."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import icalendar
import pytest

from macros import edit, followup
from macros.agenda import BLOCKS, add_months, agenda, duration_nl, follow_up
from macros.load import load
from macros.meeting_model import DEFAULT_MINUTES
from macros.model import Durations
from macros.problems import DataError
from macros.rules import check

from .conftest import DATA

ORG = load(DATA).org
MEETING = ORG.meetings[0]


def _errors(folder: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(folder)
    return [str(p) for p in caught.value.problems if p.severity == "error"]


def _edit(folder: Path, old: str, new: str) -> int:
    """Replace ``old`` in meetings.yml; return the line on which it stood."""
    path = folder / "meetings.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_blocks_are_a_to_k_and_match_the_model() -> None:
    assert [b.letter for b in BLOCKS] == list("abcdefghijk")
    assert list(Durations.model_fields) == [b.id for b in BLOCKS]


def test_clock_times_follow_from_start_and_durations() -> None:
    plan = agenda(ORG, MEETING)
    assert MEETING.start is not None and MEETING.durations is not None
    assert plan.start == dt.datetime.combine(MEETING.date, MEETING.start)
    for before, after in zip(plan.slots, plan.slots[1:], strict=False):
        assert after.start == before.end
    own = MEETING.durations.model_dump(exclude_none=True)
    expected = sum(own.get(b.id, b.minutes) * (len(ORG.steps) if b.per_step else 1) for b in BLOCKS)
    assert plan.minutes == expected
    assert plan.end - plan.start == dt.timedelta(minutes=expected)
    assert [r.step for r in plan.rounds] == list(ORG.steps)
    mapping = next(s for s in plan.slots if s.block.id == "mapping")
    assert plan.rounds[0].start == mapping.start and plan.rounds[-1].end == mapping.end


def test_defaults_without_overrides_and_without_start() -> None:
    bare = MEETING.model_copy(update={"durations": None, "start": None})
    plan = agenda(ORG, bare)
    assert plan.default_start and plan.start.time() == dt.time(9, 0)
    assert plan.minutes == sum(DEFAULT_MINUTES[b.id] * (len(ORG.steps) if b.per_step else 1) for b in BLOCKS)


def test_dutch_durations_and_months() -> None:
    assert duration_nl(130) == "2 uur en 10 minuten"
    assert duration_nl(45) == "45 minuten" and duration_nl(60) == "1 uur" and duration_nl(1) == "1 minuut"
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 10, 14), 3) == dt.date(2027, 1, 14)
    assert follow_up(MEETING) == (MEETING.follow_up, False)
    assert follow_up(MEETING.model_copy(update={"follow_up": None})) == (dt.date(2027, 1, 14), True)


def test_unknown_block_name_is_an_error_with_a_hint(data_copy: Path) -> None:
    line = _edit(data_copy, "      mapping: 14", "      maping: 14")
    errors = _errors(data_copy)
    assert any(
        f"meetings.yml:{line}:7: error: onbekende sleutel 'maping'. Bedoel je 'mapping'?" in e for e in errors
    ), errors


def test_impossible_duration_is_an_error(data_copy: Path) -> None:
    line = _edit(data_copy, "      actions: 20", "      actions: 0")
    errors = _errors(data_copy)
    assert any(f"meetings.yml:{line}:16: error: het getal 0 is te klein; vul minstens 1 in." in e for e in errors), (
        errors
    )


def test_unknown_step_in_agreements_is_an_error_with_a_hint(data_copy: Path) -> None:
    line = _edit(data_copy, "      - step: uitvoering\n", "      - step: uitvoeren\n")
    errors = _errors(data_copy)
    assert any(
        f"meetings.yml:{line}:15: error: onbekende stap 'uitvoeren'. Bedoel je 'uitvoering'?" in e for e in errors
    ), errors


def test_a_step_twice_in_agreements_is_an_error(data_copy: Path) -> None:
    line = _edit(data_copy, "      - step: uitvoering\n", "      - step: aanvraag-opname\n")
    errors = _errors(data_copy)
    assert any(
        f"meetings.yml:{line}:15: error: stap 'aanvraag-opname' staat al bij de afspraken" in e for e in errors
    ), errors


def test_agreement_without_points_is_an_error(data_copy: Path) -> None:
    text = (data_copy / "meetings.yml").read_text(encoding="utf-8")
    start = text.index("      - step: facturatie-nazorg")
    (data_copy / "meetings.yml").write_text(
        text[:start] + "      - step: facturatie-nazorg\n        points: []\n", "utf-8"
    )
    line = text[:start].count("\n") + 2
    assert any(f"meetings.yml:{line}:" in e and "minstens één" in e for e in _errors(data_copy))


def test_rules_and_meeting_add_still_work_with_the_extended_model(data_copy: Path) -> None:
    loaded = load(data_copy)
    assert not [p for p in check(loaded, dt.date(2026, 11, 23)) if "meetings.yml" in p.path]
    result = edit.add_meeting(
        data_copy,
        title="Vervolg: hoe gaat het?",
        date=dt.date(2027, 1, 13),
        today=dt.date(2026, 11, 23),
        start="08:30",
        attendees=["kees-bakker", "erik-smit"],
        follow_up=dt.date(2027, 4, 14),
    )
    after = load(data_copy).org
    assert result.id == "bijeenkomst-2027-01"
    assert after.meetings[0].agreements == MEETING.agreements and after.meetings[0].durations == MEETING.durations
    text = (data_copy / "meetings.yml").read_text(encoding="utf-8")
    assert "# 'agreements' zijn de afspraken per stap" in text


def _events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return list(cal.walk("VEVENT"))


def test_calendar_parses_back_with_follow_ups_and_open_actions() -> None:
    events = _events(followup.build(ORG))
    open_actions = [a for a in ORG.actions if a.status != "klaar"]
    assert len(events) == len(ORG.meetings) + len(open_actions)
    by_uid = {str(e["uid"]): e for e in events}
    assert len(by_uid) == len(events)
    follow = next(e for uid, e in by_uid.items() if uid.startswith(f"vervolg-{MEETING.id}@"))
    start = follow.decoded("dtstart")
    assert start.date() == MEETING.follow_up and start.time() == MEETING.start
    assert str(start.tzinfo) == "Europe/Amsterdam"
    assert str(follow["location"]) == MEETING.location
    for action in open_actions:
        event = next(e for uid, e in by_uid.items() if uid.startswith(f"actiepunt-{action.id}@"))
        assert event.decoded("dtstart") == action.due
        assert event.decoded("dtend") == action.due + dt.timedelta(days=1)
        assert action.what in str(event["summary"]) and ORG.person(action.who).name in str(event["summary"])
    assert not any(str(e["uid"]).startswith("actiepunt-ap-02@") for e in events), "done actions stay out"


def test_calendar_is_deterministic_and_dated_from_the_data() -> None:
    first, second = followup.build(ORG), followup.build(ORG)
    assert first == second
    stamps = {e.decoded("dtstamp") for e in _events(first)}
    assert stamps == {dt.datetime.combine(max(m.date for m in ORG.meetings), dt.time(0), tzinfo=dt.UTC)}
    assert b"\r\n" in first and b"BEGIN:VTIMEZONE" in first


def test_calendar_uses_the_default_follow_up_and_keeps_values_as_text() -> None:
    hostile = "Overleg; DTSTART:19700101\nBEGIN:VEVENT"
    meeting = MEETING.model_copy(update={"follow_up": None, "title": hostile})
    org = dataclasses.replace(ORG, meetings=(meeting,))
    events = _events(followup.build(org))
    follow = next(e for e in events if str(e["uid"]).startswith("vervolg-"))
    assert follow.decoded("dtstart").date() == dt.date(2027, 1, 14)
    assert str(follow["summary"]) == f"Vervolg: {hostile}"
    assert len(events) == 1 + sum(a.status != "klaar" for a in ORG.actions)


def test_calendar_drops_control_characters_from_the_data() -> None:
    meeting = MEETING.model_copy(update={"title": "Ctl\x00nul\x01een\x1bESC\x7f"})
    ics = followup.build(dataclasses.replace(ORG, meetings=(meeting,)))
    assert not any(b in ics for b in (b"\x00", b"\x01", b"\x1b", b"\x7f"))
    assert b"Vervolg: Ctlnuleen" in ics


def test_a_held_meeting_without_agreements_gets_a_reminder(data_copy: Path) -> None:
    text = (data_copy / "meetings.yml").read_text(encoding="utf-8")
    (data_copy / "meetings.yml").write_text(text[: text.index("    agreements:")], encoding="utf-8")
    found = [str(p) for p in check(load(data_copy), dt.date(2026, 11, 23))]
    line = text.splitlines().index(f"  - id: {MEETING.id}") + 1
    assert any(
        f"meetings.yml:{line}:5: warning: de bijeenkomst is geweest, maar er staan geen afspraken" in m for m in found
    ), found
    assert not any("geen afspraken" in str(p) for p in check(load(data_copy), MEETING.date))


def test_meeting_agree_adds_points_and_keeps_the_file(data_copy: Path) -> None:
    from macros.adapters.cli import main

    path = data_copy / "meetings.yml"
    before = path.read_text(encoding="utf-8")
    assert (
        main(
            ["meeting", "agree", MEETING.id, "--step", "uitvoering", "--point", "Nieuw punt.", "--data", str(data_copy)]
        )
        == 0
    )
    after = path.read_text(encoding="utf-8")
    assert [line for line in before.splitlines() if line not in after.splitlines()] == []
    assert load(data_copy).org.meetings[0].agreements[3].points[-1] == "Nieuw punt."
    new = edit.add_meeting(data_copy, title="Vervolg", date=dt.date(2027, 1, 13), today=dt.date(2026, 11, 23))
    args = [
        "meeting",
        "agree",
        new.id,
        "--step",
        "uitvoering",
        "--point",
        "Een",
        "--point",
        "Twee",
        "--data",
        str(data_copy),
    ]
    assert main(args) == 0
    made = load(data_copy).org.meetings[-1].agreements
    assert [(a.step, a.points) for a in made] == [("uitvoering", ["Een", "Twee"])]
    assert "      - step: uitvoering\n        points:\n          - Een\n          - Twee\n" in path.read_text(
        encoding="utf-8"
    )


def test_meeting_agree_refuses_unknown_codes(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from macros.adapters.cli import main

    text = (data_copy / "meetings.yml").read_text(encoding="utf-8")
    assert (
        main(
            [
                "meeting",
                "agree",
                "bijeenkomst-2026-11",
                "--step",
                "uitvoering",
                "--point",
                "x",
                "--data",
                str(data_copy),
            ]
        )
        == 1
    )
    assert "Bedoel je 'bijeenkomst-2026-10'?" in capsys.readouterr().err
    assert main(["meeting", "agree", MEETING.id, "--step", "uitvoering", "--point", " ", "--data", str(data_copy)]) == 1
    assert (data_copy / "meetings.yml").read_text(encoding="utf-8") == text
