"""Limits, clean output and nothing from outside the folder (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from icalendar import Calendar
from mkdocs.exceptions import PluginError
from ruamel.yaml import YAML

from macros import followup
from macros import limits as model
from macros.adapters.cli import main
from macros.adapters.plugin import HandbookPlugin
from macros.guard import outside_links
from macros.load import display_path, load
from macros.model import Meeting
from macros.problems import DataError

from . import hostile
from .conftest import DATA, ROOT, run_build

FILLER = "werk "


def _largest(target: Path) -> Path:
    """The default organisation with every text at the longest its field allows."""
    shutil.copytree(DATA, target)
    yaml = YAML(typ="rt")
    yaml.width = 10**9

    def fill(value: object, key: str | None) -> object:
        if isinstance(value, dict):
            return {k: fill(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v, key) for v in value]
        if key == "short_name" or (key == "name" and isinstance(value, str) and "Meijer" in value):
            return (FILLER * 20)[: model.SHORT_NAME_MAX if key == "short_name" else model.NAME_MAX].strip() + "x"
        if isinstance(value, str) and key in {"description", "summary", "goal"} | {
            "what", "when", "form", "why", "role", "expectations", "points", "name", "title", "function", "team",
            "place", "location",
        }:  # fmt: skip
            size = hostile.limit(key) if key != "description" else model.SENTENCE_MAX
            return (FILLER * 300)[: size - 1] + "x"
        return value

    for path in sorted(target.rglob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(fill(data, None), out)
    return target


def _bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# The bound stated on /beheer/ ("Grenzen"): a fixed part (theme, search, the hand-written pages), a part
# per person and step page, and a part per byte of data. Every text at its limit must stay inside it.
SITE_FIXED = 4_000_000
SITE_PER_PAGE = 30_000
SITE_PER_DATA_BYTE = 20


def test_the_largest_allowed_values_build_within_the_stated_size(tmp_path: Path) -> None:
    data = _largest(tmp_path / "data")
    org = load(data).org  # every value is at its limit, none over
    build = run_build(tmp_path, data)
    assert build.returncode == 0, build.output
    site, given, pages = _bytes(build.site), _bytes(data), len(org.people) + len(org.steps)
    assert site <= SITE_FIXED + SITE_PER_PAGE * pages + SITE_PER_DATA_BYTE * given, (site, given, pages)


@pytest.mark.parametrize(
    ("rel", "old", "new", "words"),
    [
        ("organisation.yml", "short_name: Meijer & Zonen", "short_name: " + "x" * 61, ["60 tekens", "short_name"]),
        ("people.yml", "name: Erik Smit", "name: " + "e" * 101, ["100 tekens", "'name'"]),
        ("actions.yml", "what: ", "what: " + "w" * 301 + " ", ["300 tekens"]),
    ],
)
def test_over_a_limit_is_an_error_at_its_place_naming_the_limit(
    data_copy: Path, rel: str, old: str, new: str, words: list[str]
) -> None:
    path = data_copy / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    problem = info.value.problems[0]
    line = text.split(old)[0].count("\n") + 1
    assert (problem.path.endswith(rel), problem.line) == (True, line)
    for word in words:
        assert word in problem.message
    assert "Grenzen" in problem.message


def test_too_many_people_are_refused(data_copy: Path) -> None:
    people = (data_copy / "people.yml").read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: p{i}\n    name: Persoon {i}\n    function: Monteur\n    workplace: buiten\n"
        for i in range(model.MAX_PEOPLE)
    )
    (data_copy / "people.yml").write_text(people + extra, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    messages = [p.message for p in info.value.problems]
    assert any(f"de grens is {model.MAX_PEOPLE}" in m for m in messages), messages


def test_a_too_big_folder_is_refused_before_it_is_read(data_copy: Path) -> None:
    padding = ("# " + "x" * 1000 + "\n") * 1300  # 1.3 MB each: every file is under its own limit of 2 MB
    for rel in ("meetings.yml", "actions.yml", "steps/01-aanvraag-opname.yml", "steps/02-calculatie-offerte.yml"):
        path = data_copy / rel
        path.write_text(path.read_text(encoding="utf-8") + padding, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    [problem] = info.value.problems
    assert f"de grens is {model.MAX_DATA_BYTES // 1_000_000} MB" in problem.message
    assert problem.path == display_path(data_copy)


HOSTILE_TEXT = "a\n::error file=x::gehackt\x1b[2J\x1b]0;titel\x07\x00 en \u202e"


def _forbidden(text: str) -> None:
    assert "\x1b" not in text and "\x00" not in text and "\x07" not in text and "\u202e" not in text
    assert not any(line.startswith("::") for line in text.splitlines()), text


def test_control_characters_in_values_and_keys_never_reach_any_output(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    escaped = HOSTILE_TEXT.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    people = (data_copy / "people.yml").read_text(encoding="utf-8")
    people = people.replace("name: Erik Smit", f'name: "{escaped}"', 1)
    people = people.replace("function: Monteur", f'function: Monteur\n    "{escaped}": 1', 1)
    (data_copy / "people.yml").write_text(people, encoding="utf-8")
    actions = (data_copy / "actions.yml").read_text(encoding="utf-8")
    (data_copy / "actions.yml").write_text(actions.replace("who: erik-smit", f'who: "{escaped}"', 1), encoding="utf-8")
    assert main(["check", "--data", str(data_copy)]) == 1
    out = capsys.readouterr()
    _forbidden(out.out + out.err)
    assert "\\n::error" in out.out and "\\x1b[2J" in out.out  # shown, as visible escapes
    assert "bevat een onzichtbaar stuurteken" in out.out
    # The build log: the text of the PluginError is made from the same lines.
    with pytest.raises(DataError) as info:
        load(data_copy)
    _forbidden(info.value.report())
    # An edit's own messages.
    assert (
        main(["action", "add", "--data", str(data_copy), "--what", "x", "--who", HOSTILE_TEXT, "--due", "2027-01-01"])
        == 2
    )
    _forbidden("".join(capsys.readouterr()))


def test_the_github_matcher_sees_one_problem_per_line(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json
    import re

    matcher = json.loads((ROOT / ".github" / "handboek-matcher.json").read_text(encoding="utf-8"))
    pattern = re.compile(matcher["problemMatcher"][0]["pattern"][0]["regexp"])
    path = data_copy / "organisation.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("place:", 'place: "x\\n::error::nep"\nplaats:', 1))
    main(["check", "--data", str(data_copy)])
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(pattern.match(line) for line in lines), lines
    _forbidden("\n".join(lines))


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("08-nieuw.txt", "alleen stapbestanden (.yml of .yaml)"),
        ("08-nieuw.yml.bak", "alleen stapbestanden (.yml of .yaml)"),
        ("\u0660\u0668-nieuw.yml", "bestandsnaam moet NN-code.yml zijn"),
        ("08-" + "a" * 61 + ".yml", "langer dan 60 tekens"),
    ],
)
def test_step_files_are_named_strictly(data_copy: Path, name: str, message: str) -> None:
    (data_copy / "steps" / name).write_text("name: Nieuw\nsummary: Iets.\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    assert any(message in p.message and name in p.path for p in info.value.problems), info.value.report()


def test_a_step_file_in_capitals_counts(data_copy: Path) -> None:
    (data_copy / "steps" / "08-nieuw.YML").write_text("name: Nieuw\nsummary: Iets.\n", encoding="utf-8")
    assert "nieuw" in {s.id for s in load(data_copy).org.steps}


def test_a_folder_named_actions_yml_is_an_error(data_copy: Path) -> None:
    (data_copy / "actions.yml").unlink()
    (data_copy / "actions.yml").mkdir()
    with pytest.raises(DataError) as info:
        load(data_copy)
    assert any("is een map, geen bestand" in p.message for p in info.value.problems)


def test_an_over_indented_key_is_called_an_indentation_problem(data_copy: Path) -> None:
    path = data_copy / "organisation.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nshort_name:", "\n  short_name:", 1), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    assert "inspringing" in info.value.problems[0].message


def test_symlinks_in_data_and_docs_are_refused(data_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:GEHEIM\n", encoding="utf-8")
    (data_copy / "steps" / "09-gelinkt.yml").symlink_to(secret)
    with pytest.raises(DataError) as info:
        load(data_copy)
    report = info.value.report()
    assert "09-gelinkt.yml" in report and "koppeling (symlink)" in report and "GEHEIM" not in report

    project = tmp_path / "project"
    docs = project / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "wachtwoord.txt").symlink_to(secret)
    (docs / "binnen.md").write_text("# binnen\n", encoding="utf-8")
    (docs / "ook-binnen.md").symlink_to(docs / "binnen.md")
    found = outside_links(docs, project)
    assert [Path(p.path).name for p in found] == ["wachtwoord.txt"]
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    config = SimpleNamespace(docs_dir=str(docs), config_file_path=str(project / "mkdocs.yml"))
    plugin = HandbookPlugin()
    plugin.load_config({})
    with pytest.raises(PluginError) as error:
        plugin.on_config(config)  # type: ignore[arg-type]
    assert "wachtwoord.txt" in str(error.value) and "GEHEIM" not in str(error.value)


def test_a_forged_calendar_event_stays_one_event(data_copy: Path) -> None:
    org = load(data_copy).org
    forged = "Kantine\rEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:nep\x1b\x00\x0b"
    meeting = Meeting.model_construct(**{**dict(org.meetings[0]), "location": forged, "title": "Titel\rX-NEP:1"})
    fake = type(org)(org.info, org.people, org.steps, (), (meeting,), org.files)
    data = followup.build(fake)
    for raw in (b"\x1b", b"\x00", b"\x0b", b"\rEND", b"\nBEGIN:VEVENT\nSUMMARY:nep"):
        assert raw not in data
    parsed = Calendar.from_ical(data)
    events = [c for c in parsed.walk("VEVENT")]
    assert len(events) == 1
    assert "X-NEP" not in events[0]
    assert str(events[0]["location"]).startswith("Kantine")


def test_limits_are_in_the_schema_and_on_the_beheer_page() -> None:
    import json

    schema = json.loads((ROOT / "schema" / "organisation.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["short_name"]["anyOf"][0]["maxLength"] == model.SHORT_NAME_MAX
    people = json.loads((ROOT / "schema" / "people.schema.json").read_text(encoding="utf-8"))
    assert people["properties"]["people"]["maxItems"] == model.MAX_PEOPLE
    page = (ROOT / "docs" / "beheer.md").read_text(encoding="utf-8")
    assert "## Grenzen" in page
    numbers = [v for k, v in vars(model).items() if k.endswith("_MAX") or k.startswith("MAX_")]
    assert len(numbers) == 13
    for number in numbers:
        shown = f"{number // 1_000_000} MB" if number >= 1_000_000 else str(number)
        assert f"| {shown}" in page, number


def test_the_build_log_shows_control_characters_as_escapes(data_copy: Path, tmp_path: Path) -> None:
    escaped = HOSTILE_TEXT.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    path = data_copy / "people.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Erik Smit", f'name: "{escaped}"', 1))
    build = run_build(tmp_path, data_copy)
    assert build.returncode != 0
    assert "people.yml" in build.output and "\\x1b[2J" in build.output
    _forbidden(build.output)
