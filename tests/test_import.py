"""``handboek import``: a meeting record merged into the data, round-trip and all or nothing.

The golden cases in ``tests/golden/import/<case>/`` hold the record, the files
before the import (laid over a copy of data/) and the files after it. Refresh them
after an intended change with ``UPDATE_GOLDEN=1 python -m pytest tests/test_import.py``
and review the diff.
"""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml as pyyaml
from ruamel.yaml import YAML

from macros.adapters.cli import main
from macros.limits import SENTENCE_MAX
from macros.load import load
from macros.record import FORMAT

from .conftest import TODAY, run_build

IMPORTS = Path(__file__).parent / "golden" / "import"
CASES = sorted(p.name for p in IMPORTS.iterdir() if p.is_dir())
MEETING = "bijeenkomst-2026-10"
STEP_FILE = "steps/03-planning-voorbereiding.yml"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", TODAY)
    monkeypatch.delenv("HANDBOOK_DATA", raising=False)


def _record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "format": FORMAT,
        "version": 1,
        "meeting": MEETING,
        "saved": "2026-10-14T10:42:00+02:00",
        "attendees": ["gerda-meijer", "erik-smit"],
        "needs": [
            {
                "step": "planning-voorbereiding",
                "customer": "erik-smit",
                "what": "Een lijst met de sleutels en codes van elk pand.",
                "when": "Bij de werkmap, op donderdag.",
                "form": "Een vel in de werkmap.",
                "why": "Dan staan we niet voor een dichte deur.",
            }
        ],
        "in_return": [
            {
                "step": "planning-voorbereiding",
                "customer": "erik-smit",
                "what": "Sleutels na de oplevering dezelfde dag terug.",
                "when": "",
                "form": "",
                "why": "",
            }
        ],
        "agreements": [{"step": "planning-voorbereiding", "point": "De sleutellijst zit in elke werkmap."}],
        "actions": [
            {
                "what": "Een sleutellijst maken voor elke werkmap.",
                "who": "marco-jansen",
                "due": "2026-12-11",
                "step": "planning-voorbereiding",
            }
        ],
    }
    record.update(changes)
    return record


def _write(tmp_path: Path, record: object, name: str = "verslag.json") -> Path:
    path = tmp_path / name
    path.write_text(record if isinstance(record, str) else json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


def _files(folder: Path) -> dict[Path, bytes]:
    """The data files and their bytes; the edit lock (an empty file kept on purpose) is not data."""
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".handboek.lock"}


@pytest.mark.parametrize("case", CASES)
def test_golden_import_keeps_comments_order_and_quotes(
    case: str, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = IMPORTS / case
    before = {
        p.relative_to(folder / "before"): p.read_text(encoding="utf-8") for p in (folder / "before").rglob("*.yml")
    }
    for rel, text in before.items():
        (data_copy / rel).write_text(text, encoding="utf-8")
    command = [
        str(folder / part) if part.endswith(".json") else part
        for part in shlex.split((folder / "command").read_text(encoding="utf-8"))
    ]
    assert main([*command, "--data", str(data_copy)]) == 0, capsys.readouterr().err
    for rel, old in before.items():
        after = (data_copy / rel).read_text(encoding="utf-8")
        expected = folder / "after" / rel
        if os.environ.get("UPDATE_GOLDEN"):
            expected.parent.mkdir(parents=True, exist_ok=True)
            expected.write_text(after, encoding="utf-8")
        assert after == expected.read_text(encoding="utf-8"), f"{case}/{rel}: the import changed more than it should"
        # Independent of the golden file: every comment and every original line survives.
        lost = [line for line in old.splitlines() if line.strip() and line not in after.splitlines()]
        changed = {"meetings.yml": 1}.get(str(rel), 0)  # the list of attendees on one line gets longer
        assert len(lost) == changed, (rel, lost)
    load(data_copy)  # the result loads
    # A second import of the same record changes nothing, and says so.
    files = _files(data_copy)
    assert main([*command, "--data", str(data_copy)]) == 0
    assert "niets veranderd" in capsys.readouterr().err
    assert _files(data_copy) == files


def test_import_adds_need_action_agreement_and_attendees(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = load(data_copy).org
    path = _write(tmp_path, _record())
    assert main(["import", str(path), "--data", str(data_copy)]) == 0
    err = capsys.readouterr().err
    assert "toegevoegd: 1 behoefte, 1 belofte terug, 1 afspraak, 1 actiepunt, 1 deelnemer (nieuwe codes ap-09)" in err
    org = load(data_copy).org
    customer = next(c for c in org.step("planning-voorbereiding").data.customers if c.person == "erik-smit")
    need = customer.needs[-1]
    assert (need.what, need.when, need.form, need.why) == (
        "Een lijst met de sleutels en codes van elk pand.",
        "Bij de werkmap, op donderdag.",
        "Een vel in de werkmap.",
        "Dan staan we niet voor een dichte deur.",
    )
    promise = customer.in_return[-1]
    assert (promise.what, promise.when, promise.form, promise.why) == (
        "Sleutels na de oplevering dezelfde dag terug.",
        None,
        None,
        None,
    )
    action = org.actions[-1]
    assert [a.id for a in before.actions] == [a.id for a in org.actions[:-1]]
    assert (action.id, action.what, action.who, action.due.isoformat(), action.status, action.step, action.meeting) == (
        "ap-09",
        "Een sleutellijst maken voor elke werkmap.",
        "marco-jansen",
        "2026-12-11",
        "open",
        "planning-voorbereiding",
        MEETING,
    )
    meeting = org.meetings[0]
    old = before.meetings[0]
    assert list(meeting.attendees) == [*old.attendees, "gerda-meijer"]  # erik-smit was already there
    points = next(a for a in meeting.agreements if a.step == "planning-voorbereiding").points
    assert points[-1] == "De sleutellijst zit in elke werkmap." and len(points) == 3


def test_dry_run_writes_nothing_and_shows_a_diff(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _files(data_copy)
    path = _write(tmp_path, _record())
    assert main(["import", str(path), "--dry-run", "--data", str(data_copy)]) == 0
    out, err = capsys.readouterr()
    assert _files(data_copy) == files
    assert "zou toevoegen" in err and "er is niets geschreven" in err
    for rel in ("actions.yml", "meetings.yml", STEP_FILE):
        assert f"--- {data_copy / rel} (nu)\n+++ {data_copy / rel} (na het invoeren)\n" in out
    assert "+    - id: ap-09\n" in out.replace("  - id: ap-09", "    - id: ap-09")
    assert "+      - what: Een lijst met de sleutels en codes van elk pand.\n" in out
    assert "+          - De sleutellijst zit in elke werkmap.\n" in out
    assert "+      - gerda-meijer\n" in out
    # Every line of the diff is a diff line: a header, a hunk mark, context, added or removed.
    assert all(line[:1] in "-+ @" for line in out.splitlines())
    assert not any(line.startswith("-") and not line.startswith("---") for line in out.splitlines())


def test_second_import_changes_nothing(data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, _record())
    assert main(["import", str(path), "--data", str(data_copy)]) == 0
    files = _files(data_copy)
    capsys.readouterr()
    assert main(["import", str(path), "--data", str(data_copy)]) == 0
    assert main(["import", str(path), "--dry-run", "--data", str(data_copy)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("niets veranderd: alles uit het verslag staat al in de gegevens.") == 2
    assert _files(data_copy) == files


BAD = [
    ({"version": 2}, ["verslag.json:/version: error: versie 2 kan dit programma niet lezen; alleen versie 1."]),
    ({"version": "1"}, ['verslag.json:/version: error: versie "1" kan dit programma niet lezen']),
    ({"format": "iets-anders"}, ["verslag.json:/format: error: dit is geen verslag van het handboek"]),
    (
        {"actions": [{"what": "x", "who": "marco-janssen", "due": "2026-11-30"}]},
        ["verslag.json:/actions/0/who: error: onbekende persoon 'marco-janssen'. Bedoel je 'marco-jansen'?"],
    ),
    (
        {"actions": [{"what": "x", "who": "marco-jansen", "due": "30-11-2026"}]},
        ["verslag.json:/actions/0/due: error: '30-11-2026' is geen bestaande datum. Schrijf JJJJ-MM-DD"],
    ),
    (
        {"actions": [{"what": "x", "who": "marco-jansen", "due": "2026-02-30"}]},
        ["verslag.json:/actions/0/due: error: '2026-02-30' is geen bestaande datum"],
    ),
    (
        {"needs": [{"step": "planning-voorbereiding", "customer": "erik-smit", "what": "x", "wanneer": "nu"}]},
        ["verslag.json:/needs/0/wanneer: error: onbekende sleutel 'wanneer'. Toegestaan: step, customer, what"],
    ),
    ({"agreement": []}, ["verslag.json:/agreement: error: onbekende sleutel 'agreement'. Bedoel je 'agreements'?"]),
    (
        {"attendees": "erik-smit", "needs": [{"step": 3, "customer": "erik-smit", "what": ["x"]}]},
        [
            "verslag.json:/attendees: error: verwacht een lijst",
            "verslag.json:/needs/0/step: error: verwacht tekst, maar hier staat het getal 3.",
            "verslag.json:/needs/0/what: error: verwacht tekst, maar hier staat een lijst.",
        ],
    ),
    (
        {"meeting": "bijeenkomst-2026-11", "agreements": [{"step": "uitvoeren", "point": " "}]},
        [
            "verslag.json:/agreements/0/point: error: vul hier tekst in; leeg kan niet.",
            "verslag.json:/agreements/0/step: error: onbekende stap 'uitvoeren'. Bedoel je 'uitvoering'?",
            "verslag.json:/meeting: error: onbekende bijeenkomst 'bijeenkomst-2026-11'. Bedoel je 'bijeenkomst-2026-10'?",
        ],
    ),
    ({"saved": "gisteren"}, ["verslag.json:/saved: error: 'gisteren' is geen tijdstip."]),
    (
        {"needs": [{"step": "uitvoering", "customer": "erik-smit", "what": "a\x00b"}]},
        ["verslag.json:/needs/0/what: error: deze tekst bevat een onzichtbaar stuurteken"],
    ),
    (
        '{"format": "handboek-interne-klant/verslag",\n  "version": 1,,}',
        ["verslag.json:2:16: error: dit is geen geldige JSON"],
    ),
    ("[1, 2]", ["verslag.json:1:1: error: een verslag is één blok tussen { en }"]),
    ('{"version": 1, "version": 1}', ["verslag.json:1:1: error: de sleutel 'version' staat twee keer"]),
    ('{"version": NaN}', ["verslag.json:1:1: error: NaN is geen getal dat in een verslag kan staan."]),
    ('{\n "a": "\udcff"}', ["verslag.json:2:8: error: byte 0xff is geen UTF-8."]),
]


@pytest.mark.parametrize(("change", "expected"), BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_record_gives_json_pointers_and_writes_nothing(
    change: dict[str, Any] | str,
    expected: list[str],
    data_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    files = _files(data_copy)
    path = tmp_path / "verslag.json"
    if isinstance(change, str):
        path.write_bytes(change.encode("utf-8", "surrogateescape"))
    else:
        path.write_text(json.dumps(_record(**change)), encoding="utf-8")
    for extra in ([], ["--dry-run"]):
        assert main(["import", "verslag.json", *extra, "--data", str(data_copy)]) == 1
        out, err = capsys.readouterr()
        lines = err.splitlines()
        assert out == "" and "Traceback" not in err
        assert len(lines) == len(expected) + 1, err  # every problem on its own line, then one closing line
        for line, start in zip(lines, expected, strict=False):
            assert line.startswith(start), (line, start)
        assert lines[-1].startswith("handboek: het verslag is niet ingevoerd; er is niets veranderd.")
    assert _files(data_copy) == files


def test_missing_record_file(data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "weg.json"), "--data", str(data_copy)]) == 1
    assert ": error: dit bestand bestaat niet." in capsys.readouterr().err


def test_problem_after_the_merge_points_at_the_data_file(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The record is fine, but the step file would grow too big: reported at the data file, nothing written."""
    step = data_copy / STEP_FILE
    step.write_text(step.read_text(encoding="utf-8") + "# " + "opmerking " * 2_000 + "\n", encoding="utf-8")
    files = _files(data_copy)
    big = [{"step": "planning-voorbereiding", "customer": "erik-smit", "what": c * 999_000} for c in "ab"]
    path = _write(tmp_path, _record(needs=big, actions=[], agreements=[], attendees=[], in_return=[]))
    assert main(["import", str(path), "--data", str(data_copy)]) == 1
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert out == "" and "Traceback" not in err
    assert lines[0].startswith(f"{step}:") and ": error: " in lines[0], err[:300]
    assert lines[-1] == "handboek: het verslag is niet ingevoerd, want de gegevens zouden dan fouten hebben:"
    assert _files(data_copy) == files


HOSTILE = [
    '<script>alert("xss")</script>',
    "<img src=x onerror=alert(1)> & <b>vet</b>",
    "{{ config.site_name }} {% if true %}jinja{% endif %} {# niets #}",
    "Hij zei: \"ja\" en 'nee' en `code` \\ einde",
    "\u202eטקסט מימין לשמאל\u202c en مرحبا \u2067isolaat\u2069",
    "eerste regel\ntweede regel\n\nna een lege regel",
    "- geen lijst: # geen opmerking, [geen] {flow}: *geen* &anker !label |blok >gevouwen %",
    ("lang " * 60)[: SENTENCE_MAX - 5] + "einde",  # plain text at the limit: on one line, no quotes needed
    ("<b>{{ x }}</b> ‮'\"\n" * 358)[: SENTENCE_MAX - 1] + "!",  # everything at once, at the limit (no outer space)
]


def test_hostile_text_becomes_a_quoted_yaml_value_that_loads_back_equal(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    needs = [
        {"step": "planning-voorbereiding", "customer": "erik-smit", "what": value, "when": value, "why": value}
        for value in HOSTILE
    ]
    points = [{"step": "uitvoering", "point": value} for value in HOSTILE]
    actions = [{"what": value, "who": "erik-smit", "due": "2027-01-08"} for value in HOSTILE]
    path = _write(tmp_path, _record(needs=needs, in_return=[], agreements=points, actions=actions))
    assert main(["import", str(path), "--data", str(data_copy)]) == 0, capsys.readouterr().err
    assert len(HOSTILE[-1]) == len(HOSTILE[-2]) == SENTENCE_MAX
    for rel in (STEP_FILE, "meetings.yml", "actions.yml"):
        lines = (data_copy / rel).read_text(encoding="utf-8").splitlines()
        for value in HOSTILE[:-2] + HOSTILE[-1:]:
            # One double-quoted scalar on one line, whatever the value holds.
            quoted = json.dumps(value, ensure_ascii=False)
            assert any(line.strip().endswith(quoted) for line in lines), (rel, value[:40])
        assert any(line.endswith(" " + HOSTILE[-2]) for line in lines)  # plain text stays plain, on one line
    # Read back with a plain YAML parser and with the handbook's own loader: the same text.
    plain = YAML(typ="safe")
    step = plain.load((data_copy / STEP_FILE).read_text(encoding="utf-8"))
    erik = next(c for c in step["customers"] if c["person"] == "erik-smit")
    assert [n["what"] for n in erik["needs"][-len(HOSTILE) :]] == HOSTILE
    org = load(data_copy).org
    customer = next(c for c in org.step("planning-voorbereiding").data.customers if c.person == "erik-smit")
    assert [(n.what, n.when, n.why) for n in customer.needs[-len(HOSTILE) :]] == [(v, v, v) for v in HOSTILE]
    agreed = next(a for a in org.meetings[0].agreements if a.step == "uitvoering").points
    assert list(agreed[-len(HOSTILE) :]) == HOSTILE
    assert [a.what for a in org.actions[-len(HOSTILE) :]] == HOSTILE
    # And a second import finds every one of them already there.
    files = _files(data_copy)
    assert main(["import", str(path), "--data", str(data_copy)]) == 0
    assert _files(data_copy) == files


def test_import_then_strict_build_shows_the_new_need_and_action(data_copy: Path, tmp_path: Path) -> None:
    """End to end: import a record, build the site strictly, and find what the room agreed on its pages."""
    need = {
        "step": "planning-voorbereiding",
        "customer": "kees-bakker",
        "what": "Een bericht als de planning van een klus verschuift.",
        "when": "Dezelfde dag.",
        "form": "Een appje.",
        "why": "Dan kan ik de klant op tijd bellen.",
    }
    hostile = {"step": "planning-voorbereiding", "customer": "kees-bakker", "what": HOSTILE[0], "why": HOSTILE[2]}
    action = {
        "what": "De planning van elke klus in de gedeelde agenda zetten.",
        "who": "marco-jansen",
        "due": "2026-12-18",
    }
    path = _write(tmp_path, _record(needs=[need, hostile], actions=[action]))
    files = _files(data_copy)
    assert main(["import", str(path), "--dry-run", "--data", str(data_copy)]) == 0
    assert _files(data_copy) == files
    assert main(["import", str(path), "--data", str(data_copy)]) == 0
    build = run_build(tmp_path, data_copy)
    assert build.returncode == 0, build.output
    step_page = build.page("stappen/planning-voorbereiding")
    person_page = build.page("mensen/kees-bakker")
    for page in (step_page, person_page):
        assert need["what"] in page and need["why"] in page
        assert "&lt;script&gt;alert(" in page and "<script>alert(" not in page
        assert "{{ config.site_name }}" not in page  # braces are written as character references
        assert "&#123;&#123; config.site_name &#125;&#125;" in page
    # The worksheet shows the customers' names per step: Kees is now one for step 3.
    sheet = build.page("bijeenkomst/werkblad")
    column = sheet.split('aria-label="Stap 3: Planning/voorbereiding"', 1)[1].split("</section>", 1)[0]
    assert "<li>Kees Bakker</li>" in column
    register = build.page("actiepunten")
    assert action["what"] in register and "ap-09" in register


def test_text_that_looks_like_a_number_date_or_yes_stays_text(data_copy: Path, tmp_path: Path) -> None:
    values = [
        "123",
        "true",
        "null",
        "2026-11-30",
        "08:30",
        "yes",
        "Off",
        "~",
        "1e3",
        "0x1F",
        ".inf",
        "-",
        "a: b",
        "x #y",
    ]
    needs = [{"step": "uitvoering", "customer": "ahmed-el-amrani", "what": v, "when": v} for v in values]
    path = _write(tmp_path, _record(needs=needs, in_return=[], agreements=[], actions=[], attendees=[]))
    assert main(["import", str(path), "--data", str(data_copy)]) == 0
    lines = (data_copy / "steps" / "04-uitvoering.yml").read_text(encoding="utf-8").splitlines()
    for value in values:
        assert f"      - what: {value}" not in lines, (
            value
        )  # never bare: a YAML 1.1 reader would see a number or yes/no
    customer = next(c for c in load(data_copy).org.step("uitvoering").data.customers if c.person == "ahmed-el-amrani")
    assert [(n.what, n.when) for n in customer.needs[-len(values) :]] == [(v, v) for v in values]
    # PyYAML reads YAML 1.1, where a bare 08:30 is a number and yes is true: the values must still be text.
    step = pyyaml.safe_load((data_copy / "steps" / "04-uitvoering.yml").read_text(encoding="utf-8"))
    ahmed = next(c for c in step["customers"] if c["person"] == "ahmed-el-amrani")
    assert [n["what"] for n in ahmed["needs"][-len(values) :]] == values


def test_a_failed_write_leaves_every_data_file_as_it_was(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The record touches three files; when the second cannot be written, the first is not changed either."""
    files = _files(data_copy)
    calls = []
    real = os.fsync

    def failing(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", failing)
    assert main(["import", str(_write(tmp_path, _record())), "--data", str(data_copy)]) == 1
    assert "kan niet schrijven of lezen: No space left on device" in capsys.readouterr().err
    assert len(calls) == 2
    assert _files(data_copy) == files  # no data file changed, and no temporary file is left behind


def test_text_over_the_limit_is_refused_and_nothing_is_written(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """5,000 characters typed in the room: the import names the limit and the place, and writes nothing."""
    before = _files(data_copy)
    long = ("<b>{{ x }}</b> ‮'\"\n" * 358)[:5_000]
    path = _write(tmp_path, _record(needs=[], in_return=[], agreements=[], actions=[
        {"what": long, "who": "erik-smit", "due": "2027-01-08"}
    ]))  # fmt: skip
    assert main(["import", str(path), "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert f"de grens voor 'what' is {SENTENCE_MAX} tekens" in err, err
    assert "actions.yml:" in err and "\x1b" not in err
    assert _files(data_copy) == before
