"""Round-trip edits: ``handboek action add|done`` and ``handboek meeting add``.

The golden cases in ``tests/golden/edits/<case>/`` hold a file before the edit,
the command, and the file after it: they prove that comments, key order and
quoting survive. Refresh them after an intended change with
``UPDATE_GOLDEN=1 python -m pytest tests/test_edit.py`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import stat
from pathlib import Path

import pytest

from macros import edit, roundtrip
from macros.adapters.cli import main
from macros.load import load

from .conftest import TODAY

EDITS = Path(__file__).parent / "golden" / "edits"
CASES = sorted(p.name for p in EDITS.iterdir() if p.is_dir())


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", TODAY)
    monkeypatch.delenv("HANDBOOK_DATA", raising=False)


def _target(command: list[str]) -> str:
    return "actions.yml" if command[0] == "action" else "meetings.yml"


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]


@pytest.mark.parametrize("case", CASES)
def test_golden_edit_keeps_comments_order_and_quotes(
    case: str, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = EDITS / case
    command = shlex.split((folder / "command").read_text(encoding="utf-8"))
    before = (folder / "before.yml").read_text(encoding="utf-8")
    target = data_copy / _target(command)
    target.write_text(before, encoding="utf-8")
    assert main([*command, "--data", str(data_copy)]) == 0, capsys.readouterr().err
    after = target.read_text(encoding="utf-8")
    expected = folder / "after.yml"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(after, encoding="utf-8")
    assert after == expected.read_text(encoding="utf-8"), f"{case}: the edit changed more than it should"
    # Independent of the golden file: every comment and every original line survives.
    lost = [line for line in before.splitlines() if line.strip() and line not in after.splitlines()]
    changed = {"action-done-quoted": 1, "action-done-no-status": 0}.get(case, 0)
    assert len(lost) == changed, lost
    load(data_copy)  # the result loads
    assert _leftovers(data_copy) == []


def test_action_add_prints_only_the_new_id(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["action", "add", "--what", "Iets doen", "--who", "erik-smit", "--due", "15-01-2027", "--data", str(data_copy)]
    )
    out, err = capsys.readouterr()
    assert code == 0 and out == "ap-09\n"
    assert "actiepunt toegevoegd met code ap-09" in err
    added = load(data_copy).org.actions[-1]
    assert (added.id, added.who, added.due, added.status, added.step) == (
        "ap-09",
        "erik-smit",
        dt.date(2027, 1, 15),
        "open",
        None,
    )


def test_action_done_and_again(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["action", "done", "ap-03", "--data", str(data_copy)]) == 0
    assert load(data_copy).org.actions[2].status == "klaar"
    text = (data_copy / "actions.yml").read_bytes()
    assert main(["action", "done", "ap-03", "--data", str(data_copy)]) == 0
    assert "stond al op 'klaar'" in capsys.readouterr().err
    assert (data_copy / "actions.yml").read_bytes() == text


def test_meeting_add_makes_a_free_code(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["meeting", "add", "--title", "Extra", "--date", "2026-10-28", "--data", str(data_copy)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert out == "bijeenkomst-2026-10-2\n"
    # A meeting without a follow-up date is reported as a new reminder, not refused.
    assert "warning: geen vervolgbijeenkomst gepland" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["action", "add", "--what", "x", "--who", "erik-smid", "--due", "2027-01-01"], "Bedoel je 'erik-smit'?"),
        (["action", "add", "--what", " ", "--who", "erik-smit", "--due", "2027-01-01"], "vul in wat er moet gebeuren"),
        (["action", "add", "--what", "x", "--who", "erik-smit", "--due", "2027-01-01", "--step", "offerte"], "stap"),
        (["action", "add", "--what", "x", "--who", "erik-smit", "--due", "2027-01-01", "--id", "ap-01"], "bestaat al"),
        (["action", "done", "ap-99"], "onbekend actiepunt 'ap-99'"),
        (
            ["meeting", "add", "--title", "x", "--date", "2027-01-01", "--attendees", "kees-bakker,kees-baker"],
            "Bedoel je",
        ),
        (["meeting", "add", "--title", "x", "--date", "2027-01-01", "--follow-up", "2026-12-01"], "na de bijeenkomst"),
    ],
)
def test_refused_edits_change_nothing(
    args: list[str], message: str, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p: p.read_bytes() for p in data_copy.rglob("*.yml")}
    assert main([*args, "--data", str(data_copy)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and message in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in data_copy.rglob("*.yml")} == before
    assert _leftovers(data_copy) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["action", "add", "--what", "x", "--who", "erik-smit", "--due", "morgen"], "'morgen' is geen datum"),
        (["action", "add", "--what", "x", "--who", "Erik Smit", "--due", "2027-01-01"], "geen geldige code"),
        (["action", "add", "--what", "x", "--due", "2027-01-01"], "dit ontbreekt nog: --who"),
        (
            ["action", "add", "--what", "x", "--who", "erik-smit", "--due", "2027-01-01", "--status", "klaar"],
            "kies uit",
        ),
        (["meeting", "add", "--title", "x", "--date", "2027-01-01", "--start", "25:00"], "geen tijd"),
        (["action"], "dit ontbreekt nog"),
        (
            ["action", "add", "--what", "x", "--who", "erik-smit", "--due", "2027-01-01", "--data", "/niet/hier"],
            "bestaat niet",
        ),
    ],
)
def test_wrong_use_exits_2_in_dutch(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_data_that_already_has_errors_is_not_edited(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people = data_copy / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("function: Monteur", "funtion: Monteur"), "utf-8")
    actions = (data_copy / "actions.yml").read_bytes()
    assert main(["action", "done", "ap-01", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert "people.yml:" in err and "onbekende sleutel 'funtion'" in err and "al fouten" in err
    assert (data_copy / "actions.yml").read_bytes() == actions


def test_the_whole_folder_is_checked_before_writing(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even when the command's own checks miss something, the loader refuses the edit."""
    monkeypatch.setattr(edit, "_known", lambda *args: None)
    before = (data_copy / "actions.yml").read_bytes()
    lines = len(before.decode().splitlines())
    code = main(["action", "add", "--what", "x", "--who", "niemand", "--due", "2027-01-01", "--data", str(data_copy)])
    err = capsys.readouterr().err
    assert code == 1 and "niet opgeslagen" in err
    assert f"actions.yml:{lines + 3}:10: error: onbekende persoon 'niemand'" in err
    assert (data_copy / "actions.yml").read_bytes() == before


def test_a_failed_write_leaves_the_old_file(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = data_copy / "actions.yml"
    before = target.read_bytes()

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device", dst)

    monkeypatch.setattr(roundtrip.os, "replace", broken)
    assert main(["action", "done", "ap-01", "--data", str(data_copy)]) == 1
    assert target.read_bytes() == before and _leftovers(data_copy) == []


def test_write_keeps_permissions_and_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_bytes(b"# kop\r\nactions:\r\n  - id: ap-01\r\n    who: a\r\n")
    path.chmod(0o640)
    doc = roundtrip.Document(path.read_bytes().decode("utf-8"))
    doc.data["actions"][0]["who"] = "b"
    roundtrip.write_atomic(path, doc.dump())
    assert path.read_bytes() == b"# kop\r\nactions:\r\n  - id: ap-01\r\n    who: b\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_missing_actions_file_is_created_with_its_schema_line(data_copy: Path) -> None:
    (data_copy / "actions.yml").unlink()
    assert (
        main(["action", "add", "--what", "x", "--who", "erik-smit", "--due", "2027-01-01", "--data", str(data_copy)])
        == 0
    )
    text = (data_copy / "actions.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/actions.schema.json\n# Actiepunten")
    assert "  - id: ap-01\n" in text


def test_next_id_and_dates() -> None:
    assert edit.next_id(["ap-01", "ap-08", "eigen-code"]) == "ap-09"
    assert edit.next_id([]) == "ap-01"
    assert edit.next_id(["ap-099"]) == "ap-100"
    assert edit.parse_date("2027-01-15") == edit.parse_date("15-01-2027") == dt.date(2027, 1, 15)
    assert edit.parse_time("8.30") == "08:30"
    with pytest.raises(ValueError, match="geen datum"):
        edit.parse_date("2027-02-30")


def test_an_edit_keeps_a_byte_order_mark(data_copy: Path) -> None:
    path = data_copy / "actions.yml"
    before = path.read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + before)
    assert main(["action", "done", "ap-01", "--data", str(data_copy)]) == 0
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and not after.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    assert load(data_copy).org.actions[0].status == "klaar"
