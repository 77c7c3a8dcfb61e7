"""Loading the data: the default organisation, and one message per problem with file:line:col."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.load import load
from macros.problems import DataError

from .cases import CASES, Case
from .conftest import DATA

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.+)$")


def test_default_organisation_loads() -> None:
    org = load(DATA).org
    assert [s.id for s in org.steps] == [
        "aanvraag-opname",
        "calculatie-offerte",
        "planning-voorbereiding",
        "uitvoering",
        "facturatie-nazorg",
    ]
    assert 8 <= len(org.people) <= 12
    assert {p.workplace for p in org.people} == {"kantoor", "buiten"}
    assert all(s.data.performers for s in org.steps)
    assert all(s.data.customers for s in org.steps)
    assert org.meetings[0].follow_up is not None
    assert org.info.external_customer.name == "Opdrachtgever"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_problem_names_file_and_line(case: Case, data_copy: Path) -> None:
    line = case.line(data_copy)
    case.breaks(data_copy)
    with pytest.raises(DataError) as info:
        load(data_copy)
    problems = info.value.problems
    assert len(problems) == 1, info.value.report()
    found = problems[0]
    assert found.path.endswith(case.file)
    assert found.line == line, str(found)
    assert case.fragment in found.message
    assert LINE.match(str(found)), str(found)


def test_all_problems_in_one_run(data_copy: Path) -> None:
    for case in CASES[3:7]:  # four problems in four different files
        case.breaks(data_copy)
    with pytest.raises(DataError) as info:
        load(data_copy)
    files = {Path(p.path).name for p in info.value.problems}
    assert files == {"02-calculatie-offerte.yml", "people.yml", "04-uitvoering.yml", "meetings.yml"}


def test_references_checked_even_when_the_file_has_other_errors(data_copy: Path) -> None:
    path = data_copy / "actions.yml"
    text = path.read_text(encoding="utf-8").replace("due: 2026-12-15", "due: morgen", 1)
    path.write_text(text.replace("who: erik-smit", "who: erik-smid", 1), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    messages = [p.message for p in info.value.problems]
    assert any("geen bestaande datum" in m for m in messages)
    assert any("Bedoel je 'erik-smit'" in m for m in messages)


def test_missing_key_points_at_the_item(data_copy: Path) -> None:
    path = data_copy / "people.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    function: Calculator\n", ""), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    (found,) = info.value.problems
    assert "'function' ontbreekt" in found.message
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[found.line - 1].strip() == "- id: linda-de-vries"


def test_duplicate_id_and_bad_filename(data_copy: Path) -> None:
    path = data_copy / "people.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: tom-hendriks", "id: erik-smit"), encoding="utf-8")
    (data_copy / "steps" / "6-extra.yml").write_text("name: x\nsummary: y\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    messages = sorted(p.message for p in info.value.problems)
    assert any("'erik-smit' bestaat al" in m for m in messages)
    assert any("bestandsnaam moet NN-code.yml zijn" in m for m in messages)


def test_missing_files_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        load(tmp_path)
    paths = sorted(Path(p.path).name for p in info.value.problems)
    assert paths == ["organisation.yml", "people.yml", "steps"]


def test_unknown_key_suggests_the_right_one(data_copy: Path) -> None:
    path = data_copy / "actions.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: bezig", "stauts: bezig", 1), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    assert "Bedoel je 'status'?" in info.value.problems[0].message


def test_wrong_enum_lists_the_choices(data_copy: Path) -> None:
    path = data_copy / "actions.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: bezig", "status: gedaan", 1), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    assert "'open', 'bezig', 'klaar'" in info.value.problems[0].message


def test_reserved_ids_are_refused(data_copy: Path) -> None:
    path = data_copy / "people.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: tom-hendriks", "id: index"), encoding="utf-8")
    (data_copy / "steps" / "09-index.yml").write_text("name: x\nsummary: y\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    reserved = [p for p in info.value.problems if "'index' kan geen code" in p.message]
    assert {Path(p.path).name for p in reserved} == {"people.yml", "09-index.yml"}


@pytest.mark.parametrize(
    "url",
    [
        'https://x.nl/"><script>alert(1)</script>{path}',
        "https://x.nl/ {path}",
        "javascript:alert(1)//{path}",
        "https://x.nl/'onmouseover='alert(1)'{path}",
    ],
)
def test_an_edit_url_that_could_break_out_of_its_attribute_is_refused(url: str, data_copy: Path) -> None:
    path = data_copy / "organisation.yml"
    text = path.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("edit_url:"))
    quoted = url.replace("\\", "\\\\").replace('"', '\\"')
    path.write_text(re.sub(r"(?m)^edit_url:.*$", f'edit_url: "{quoted}"', text), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    report = info.value.report()
    assert f"organisation.yml:{line}:" in report and "aanhalingstekens" in report


@pytest.mark.parametrize("value", ["5", "true", "2026-01-01", "kees-bakker"])
def test_attendees_that_are_not_a_list_give_one_type_error(value: str, data_copy: Path) -> None:
    path = data_copy / "meetings.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    attendees:\n")
    end = text.index("    follow_up:", start)
    path.write_text(text[:start] + f"    attendees: {value}\n" + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    with pytest.raises(DataError) as info:
        load(data_copy)
    report = info.value.report().splitlines()
    assert len(report) == 2, report  # one problem and the closing line: no error per letter
    assert f"meetings.yml:{line}:" in report[0] and "lijst" in report[0]


def test_an_unknown_attendee_is_reported_on_its_own_line(data_copy: Path) -> None:
    path = data_copy / "meetings.yml"
    text = path.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.strip() == "- sanne-visser")
    path.write_text(text.replace("- sanne-visser", "- sanne-vissr", 1), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    assert f"meetings.yml:{line}:" in info.value.report() and "Bedoel je 'sanne-visser'" in info.value.report()


@pytest.mark.parametrize(
    ("key", "old", "new", "fragment"),
    [
        ("people.yml", "email: ", 'email: "gerda@x.nl?subject=Ontslag&cc=ceo@evil.nl"  # ', "geen e-mailadres"),
        ("meetings.yml", 'start: "08:30"', "start: 510", "geen tijd"),
        ("meetings.yml", 'start: "08:30"', 'start: "08:30:15+05:00"', "geen tijd"),
        ("meetings.yml", "date: 2026-10-14", "date: 20261014", "geen datum"),
        ("meetings.yml", "date: 2026-10-14", "date: 9999-11-01", "tussen 2000 en 2100"),
        ("actions.yml", "due: 2026-", 'due: "9999-12-31"  # 2026-', "tussen 2000 en 2100"),
        ("organisation.yml", "max_open_actions: 2", "max_open_actions: true", "heel getal"),
        ("organisation.yml", "max_open_actions: 2", "max_open_actions: .inf", "heel getal"),
        ("organisation.yml", "max_open_actions: 2", 'max_open_actions: "2"', "heel getal"),
    ],
)
def test_values_that_only_look_right_are_refused_in_dutch(
    key: str, old: str, new: str, fragment: str, data_copy: Path
) -> None:
    path = data_copy / key
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    report = info.value.report()
    assert f"{key}:{line}:" in report and fragment in report, report
