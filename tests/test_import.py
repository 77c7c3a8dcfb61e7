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
from ruamel.yaml import YAML

from macros.adapters.cli import main
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
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


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
