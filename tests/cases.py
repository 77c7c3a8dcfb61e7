"""Broken-data cases: how to break a copy of the default data, and where the error must point."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def _replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def _write(rel: str, content: bytes) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        (data / rel).write_bytes(content)

    return apply


def _line_of(rel: str, needle: str) -> Callable[[Path], int]:
    """The 1-based line on which ``needle`` first stands in the pristine file."""

    def find(data: Path) -> int:
        lines = (data / rel).read_text(encoding="utf-8").splitlines()
        return next(i for i, line in enumerate(lines, 1) if needle in line)

    return find


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    line: Callable[[Path], int]  # computed on the unbroken copy
    fragment: str
    breaks: Callable[[Path], None]


CASES = [
    Case(
        "syntax",
        "people.yml",
        _line_of("people.yml", "name: Linda de Vries"),
        "aanhalingstekens",
        _replace("people.yml", "name: Linda de Vries", "name: Linda: de Vries"),
    ),
    Case(
        "tab",
        "actions.yml",
        _line_of("actions.yml", "what: Elke maandag"),
        "tab",
        _replace("actions.yml", "    what: Elke maandag", "\twhat: Elke maandag"),
    ),
    Case(
        "duplicate-key",
        "organisation.yml",
        lambda d: _line_of("organisation.yml", "place: Amersfoort")(d) + 1,
        "twee keer",
        _replace("organisation.yml", "place: Amersfoort", "place: Amersfoort\nname: Dubbel"),
    ),
    Case(
        "unknown-key",
        "steps/02-calculatie-offerte.yml",
        _line_of("steps/02-calculatie-offerte.yml", "summary:"),
        "onbekende sleutel 'sumary'",
        _replace("steps/02-calculatie-offerte.yml", "summary:", "sumary:"),
    ),
    Case(
        "wrong-type",
        "people.yml",
        _line_of("people.yml", "function: Monteur"),
        "verwacht tekst",
        _replace("people.yml", "function: Monteur", "function: 42"),
    ),
    Case(
        "unknown-reference",
        "steps/04-uitvoering.yml",
        _line_of("steps/04-uitvoering.yml", "person: petra-mulder"),
        "onbekende persoon 'petra-mulders'",
        _replace("steps/04-uitvoering.yml", "person: petra-mulder", "person: petra-mulders"),
    ),
    Case(
        "impossible-date",
        "meetings.yml",
        _line_of("meetings.yml", "follow_up:"),
        "geen bestaande datum",
        _replace("meetings.yml", "follow_up: 2027-01-13", "follow_up: 2027-02-30"),
    ),
    Case("empty-file", "people.yml", lambda _: 1, "leeg", _write("people.yml", b"")),
    Case(
        "non-utf8",
        "steps/01-aanvraag-opname.yml",
        lambda _: 2,
        "UTF-8",
        _write("steps/01-aanvraag-opname.yml", b"name: Aanvraag\nsummary: caf\xe9\n"),
    ),
]
