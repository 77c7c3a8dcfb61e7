"""The method's rules as warnings, and the ``handboek check`` command."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

from macros import analysis
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


def _drop_customer(data: Path, rel: str, person: str) -> None:
    """Remove one internal-customer entry (up to the next entry or the end of the file)."""
    path = data / rel
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - person: {person}\n", text.index("customers:"))
    end = text.find("\n  - person: ", start + 1)
    path.write_text(text[:start] + (text[end + 1 :] if end != -1 else ""), encoding="utf-8")


def _performer_line(data: Path, rel: str, person: str) -> int:
    lines = (data / rel).read_text(encoding="utf-8").splitlines()
    return lines.index(f"  - person: {person}") + 1


def test_default_data_gives_everyone_after_the_first_step_a_supplier() -> None:
    assert analysis.unsupplied(load(DATA).org) == []


def test_someone_without_a_supplier_is_warned_at_their_performer_entry(data_copy: Path) -> None:
    _drop_customer(data_copy, "steps/02-calculatie-offerte.yml", "sanne-visser")
    found = [m for m in _messages(data_copy, dt.date(2026, 11, 1)) if "leverancier" in m]
    line = _performer_line(data_copy, "steps/03-planning-voorbereiding.yml", "sanne-visser")
    assert found == [
        f"{data_copy / 'steps/03-planning-voorbereiding.yml'}:{line}:5: warning: Sanne Visser werkt in stap 3 "
        "(Planning/voorbereiding), maar krijgt daar van geen enkele stap werk: er is geen leverancier. "
        "Zet '- person: sanne-visser' bij 'customers' in de stap die het werk levert, meestal stap 2 "
        "(steps/02-calculatie-offerte.yml), met wat Sanne Visser nodig heeft."
    ]
    # Her person page has nothing to list under her suppliers either.
    assert analysis.suppliers_of_person(load(data_copy).org, "sanne-visser") == []


def test_only_the_later_step_of_a_person_is_judged(data_copy: Path) -> None:
    # Ahmed works in steps 1 and 5; step 4 supplies his work in step 5. Without that entry he has no
    # supplier in step 5; step 1 needs none.
    _drop_customer(data_copy, "steps/04-uitvoering.yml", "ahmed-el-amrani")
    gaps = analysis.unsupplied(load(data_copy).org)
    assert [(g.step.id, g.person.id) for g in gaps] == [("facturatie-nazorg", "ahmed-el-amrani")]
    line = _performer_line(data_copy, "steps/05-facturatie-nazorg.yml", "ahmed-el-amrani")
    assert any(
        f"05-facturatie-nazorg.yml:{line}:5: warning: Ahmed el Amrani werkt in stap 5" in m
        for m in _messages(data_copy, dt.date(2026, 11, 1))
    )


def test_the_first_step_needs_no_internal_supplier(data_copy: Path) -> None:
    # Kees works only in step 1, and is named as a customer only for feedback; take that away too.
    _drop_customer(data_copy, "steps/05-facturatie-nazorg.yml", "kees-bakker")
    assert analysis.unsupplied(load(data_copy).org) == []


def test_a_delivery_from_yourself_is_no_supplier(data_copy: Path) -> None:
    # Linda is the only one left in step 2 and names herself as the customer for her work in step 3.
    path = data_copy / "steps/02-calculatie-offerte.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - person: gerda-meijer\n    role: Keurt offertes boven 25.000 euro goed.\n", "")
    path.write_text(text.replace("  - person: sanne-visser\n", "  - person: linda-de-vries\n", 1), encoding="utf-8")
    step3 = data_copy / "steps/03-planning-voorbereiding.yml"
    text = step3.read_text(encoding="utf-8")
    step3.write_text(text.replace("  - person: sanne-visser\n", "  - person: linda-de-vries\n", 1), encoding="utf-8")
    org = load(data_copy).org
    assert ("calculatie-offerte", "linda-de-vries") in [
        (s.id, c.person) for s, c in org.suppliers_of(org.step("planning-voorbereiding"))
    ]
    assert [(g.step.id, g.person.id) for g in analysis.unsupplied(org)] == [
        ("planning-voorbereiding", "linda-de-vries")
    ]
