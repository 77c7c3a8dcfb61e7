"""``handboek check`` output and exit codes, the new rule, ``handboek init``, and the Dutch command line."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros import schema
from macros.adapters.cli import main
from macros.load import load
from macros.rules import check

from .conftest import ROOT, TODAY, run_build

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<message>\S.*)$")


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", TODAY)
    monkeypatch.delenv("HANDBOOK_DATA", raising=False)


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_check_clean_warnings_strict(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(capsys, "--data", str(data_copy))
    assert code == 0 and err == "0 fouten, 2 waarschuwingen.\n"
    assert all(LINE.match(line) and LINE.match(line)["severity"] == "warning" for line in out)  # type: ignore[index]
    code, strict, err = _check(capsys, "--data", str(data_copy), "--strict")
    assert code == 1 and "2 fouten" in err
    assert strict == [line.replace(": warning: ", ": error: ") for line in out]


def test_check_lists_every_error_once_with_file_line_col(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    actions = data_copy / "actions.yml"
    text = actions.read_text(encoding="utf-8")
    actions.write_text(text.replace("    who: sanne-visser\n", "").replace("due: 2026-12-01", "due: morgen"), "utf-8")
    people = data_copy / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("workplace: buiten", "workplace: bouw", 1), "utf-8")
    code, out, err = _check(capsys, "--data", str(data_copy))
    assert code == 1 and err.startswith("3 fouten.")
    found = [LINE.match(line) for line in out]
    assert all(found), out
    messages = {(Path(m["path"]).name, m["message"].split(".")[0]) for m in found if m}
    assert ("actions.yml", "'who' ontbreekt") in messages
    assert ("actions.yml", "'morgen' is geen bestaande datum") in messages
    assert ("people.yml", "'bouw' kan hier niet") in messages
    lines = text.splitlines()
    missing = next(m for m in found if m and "'who' ontbreekt" in m["message"])
    assert lines[int(missing["line"]) - 1].strip() == "- id: ap-03"


def test_check_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["check", "--data", str(tmp_path / "nergens")]) == 2
    assert "bestaat niet" in capsys.readouterr().err
    assert main(["check", "--data", str(ROOT / "README.md")]) == 2
    assert "is een bestand, geen map" in capsys.readouterr().err
    assert main(["check", "--strikt"]) == 2
    assert "verkeerd gebruik: onbekend: --strikt" in capsys.readouterr().err
    monkeypatch.setenv("HANDBOOK_TODAY", "gisteren")
    assert main(["check", "--data", str(ROOT / "data")]) == 2
    assert "HANDBOOK_TODAY" in capsys.readouterr().err


def test_follow_up_in_the_past_without_a_meeting(data_copy: Path) -> None:
    found = [str(p) for p in check(load(data_copy), dt.date(2027, 2, 1))]
    late = [m for m in found if "vervolgbijeenkomst van 13 januari 2027 is voorbij" in m]
    assert len(late) == 1 and "handboek meeting add" in late[0]
    assert (
        main(
            [
                "meeting",
                "add",
                "--title",
                "Vervolg",
                "--date",
                "2027-01-13",
                "--follow-up",
                "2027-04-13",
                "--data",
                str(data_copy),
            ]
        )
        == 0
    )
    assert not [p for p in check(load(data_copy), dt.date(2027, 2, 1)) if "is voorbij" in p.message]


def test_init_makes_a_folder_that_loads_with_only_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "bakkerij"
    assert main(["init", str(target), "--name", "Bakkerij De Korenschoof: brood & banket"]) == 0
    loaded = load(target)
    assert loaded.org.info.name == "Bakkerij De Korenschoof: brood & banket"
    assert [s.name for s in loaded.org.steps] == [
        "Aanvraag/opname",
        "Calculatie/offerte",
        "Planning/voorbereiding",
        "Uitvoering",
        "Facturatie/nazorg",
    ]
    capsys.readouterr()
    code, out, err = _check(capsys, "--data", str(target))
    assert code == 0 and out and all(LINE.match(line)["severity"] == "warning" for line in out)  # type: ignore[index]
    # Outside the project the folder gets its own schemas; every file points at one that exists.
    for path in target.rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(schema.HEADER) and (path.parent / first.removeprefix(schema.HEADER)).is_file()
    assert schema.stale(target / "schema") == []
    # The new folder takes edits right away.
    assert (
        main(
            [
                "action",
                "add",
                "--what",
                "Mensen invullen",
                "--who",
                "voornaam-achternaam",
                "--due",
                "2027-01-01",
                "--data",
                str(target),
            ]
        )
        == 0
    )
    assert "actions:\n  - id: ap-01\n" in (target / "actions.yml").read_text(encoding="utf-8")


def test_init_inside_the_project_uses_the_committed_schemas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "schema").mkdir()
    schema.write(tmp_path / "schema")
    (tmp_path / "organisaties").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["init", "organisaties/nieuw"]) == 0
    first = (tmp_path / "organisaties/nieuw/steps/01-aanvraag-opname.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../schema/step.schema.json"
    assert not (tmp_path / "organisaties/nieuw/schema").exists()


def test_init_refuses_a_folder_in_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "vol").mkdir()
    (tmp_path / "vol" / "notities.txt").write_text("van mij", encoding="utf-8")
    assert main(["init", str(tmp_path / "vol")]) == 1
    assert "bestaat al en is niet leeg" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "vol").iterdir()] == ["notities.txt"]
    assert main(["init", str(tmp_path / "geen" / "map")]) == 1
    assert main(["init", str(tmp_path / "leeg"), "--name", "  "]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vol"]  # nothing half-made left behind
    (tmp_path / "leeg").mkdir()
    assert main(["init", str(tmp_path / "leeg")]) == 0  # an empty folder is fine


def test_init_folder_builds_strict(tmp_path: Path) -> None:
    target = tmp_path / "nieuw"
    assert main(["init", str(target)]) == 0
    build = run_build(tmp_path, target)
    assert build.returncode == 0, build.output
    assert "Aanvraag/opname" in build.page("stappen/aanvraag-opname/")


def test_help_is_dutch_and_python_m_macros_works() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "macros", "action", "add", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("gebruik: handboek action add") and "wat er moet gebeuren" in proc.stdout
    assert "usage" not in proc.stdout and "show this help" not in proc.stdout
