"""The method's rules as warnings, and the ``handboek check`` command."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

from macros.adapters.cli import main
from macros.load import load
from macros.rules import check

from .cases import CASES
from .conftest import DATA, ROOT

LINE = re.compile(r"^.+:\d+:\d+: (error|warning): .+$")


def _messages(data: Path, today: dt.date = dt.date(2026, 11, 23)) -> list[str]:
    return [str(p) for p in check(load(data), today)]


def test_default_data_has_only_the_overdue_warnings() -> None:
    found = _messages(DATA)
    assert len(found) == 2
    assert all("is te laat" in m for m in found)
    assert _messages(DATA, dt.date(2026, 11, 1)) == []


def test_step_without_customer_and_need_without_when(data_copy: Path) -> None:
    path = data_copy / "steps" / "02-calculatie-offerte.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("customers:")] + "customers: []\n", encoding="utf-8")
    first = data_copy / "steps" / "01-aanvraag-opname.yml"
    before = first.read_text(encoding="utf-8")
    first.write_text(before.replace("        when: Binnen twee werkdagen na het bezoek.\n", ""), encoding="utf-8")
    found = _messages(data_copy, dt.date(2026, 1, 1))
    line = len(text[: text.index("customers:")].splitlines()) + 1
    need = (
        before.splitlines().index(
            "      - what: Een volledig opnameformulier met alle maten, foto's van de meterkast "
            "en de plek van het werk."
        )
        + 1
    )
    assert f"{path}:{line}:12: warning: deze stap heeft nog geen interne klant".split("/")[-1] in "\n".join(found)
    assert any(f"01-aanvraag-opname.yml:{need}:9: warning: bij deze behoefte staat niet wanneer" in m for m in found)


def test_follow_up_missing_or_late_and_too_many_actions(data_copy: Path) -> None:
    path = data_copy / "meetings.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("follow_up: 2027-01-13", "follow_up: 2027-06-01"), encoding="utf-8"
    )
    path = data_copy / "actions.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("who: sanne-visser", "who: erik-smit"), encoding="utf-8")
    found = _messages(data_copy, dt.date(2026, 1, 1))
    assert any("meer dan drie maanden" in m for m in found)
    assert any("Erik Smit heeft 3 open actiepunten" in m for m in found)
    path = data_copy / "meetings.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    follow_up: 2027-06-01\n", ""), encoding="utf-8")
    assert any("geen vervolgbijeenkomst" in m for m in _messages(data_copy, dt.date(2026, 1, 1)))


def test_check_exit_codes_and_format(data_copy: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-23")
    assert main(["check", "--data", str(data_copy)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and all(LINE.match(line) and ": warning: " in line for line in out)
    assert main(["check", "--data", str(data_copy), "--strict"]) == 1
    capsys.readouterr()
    CASES[5].breaks(data_copy)
    assert main(["check", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and ": error: onbekende persoon" in out[0] and LINE.match(out[0])


def test_python_m_macros_check_runs_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "people.yml").write_bytes(b"people:\n\t- x\n")
    proc = subprocess.run(
        [sys.executable, "-m", "macros", "check", "--data", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "people.yml:2:1: error: tab gevonden" in proc.stdout
    usage = subprocess.run([sys.executable, "-m", "macros", "nope"], cwd=ROOT, capture_output=True, text=True)
    assert usage.returncode == 2
