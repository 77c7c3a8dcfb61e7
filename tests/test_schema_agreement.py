"""The JSON Schema (what the editor checks) and the loader (what the build checks) agree on borderline values.

Both come from the same definitions in macros/model.py. Each case goes through both; a value that one
accepts and the other refuses would give a red line in the editor for data that builds, or the reverse.
Values are given as text, as an editor's YAML 1.2 reads them (a date or a time is a string there).
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from macros import schema
from macros.limits import NAME_MAX, SENTENCE_MAX, SHORT_NAME_MAX
from macros.yamlsrc import parse

from .conftest import DATA, ROOT

ORG = parse("organisation.yml", (DATA / "organisation.yml").read_text(encoding="utf-8")).value
BASES: dict[str, Any] = {
    "organisation": ORG,
    "people": {"people": [{"id": "erik-smit", "name": "Erik Smit", "function": "Monteur", "workplace": "buiten"}]},
    "actions": {"actions": [{"id": "ap-01", "what": "Iets doen", "who": "erik-smit", "due": "2026-03-15"}]},
    "meetings": {"meetings": [{"id": "m-1", "title": "Bijeenkomst", "date": "2026-03-15"}]},
}
WHERE = {
    "start": ("meetings", ("meetings", 0, "start")),
    "date": ("meetings", ("meetings", 0, "date")),
    "location": ("meetings", ("meetings", 0, "location")),
    "due": ("actions", ("actions", 0, "due")),
    "id": ("actions", ("actions", 0, "id")),
    "what": ("actions", ("actions", 0, "what")),
    "email": ("people", ("people", 0, "email")),
    "name": ("people", ("people", 0, "name")),
    "short_name": ("organisation", ("short_name",)),
    "feedback": ("organisation", ("feedback", "url")),
    "feedback.email": ("organisation", ("feedback", "email")),
    "edit_url": ("organisation", ("edit_url",)),
}
CASES = [
    ("start", "08:30"),
    ("start", "23:59"),
    ("start", "08:30:00"),
    ("start", "8:30"),
    ("start", "24:00"),
    ("start", "08:60"),
    ("start", ""),
    ("date", "2026-03-15"),
    ("date", "2100-12-31"),
    ("date", "2026-02-30"),
    ("date", "1999-12-31"),
    ("date", "2101-01-01"),
    ("date", "2026-3-15"),
    ("date", "20260315"),
    ("date", "2026-03-15T10:00:00"),
    ("due", ""),
    ("id", "ap-01"),
    ("id", "a" * 60),
    ("id", "a" * 61),
    ("id", "Ap-01"),
    ("id", "-ap"),
    ("id", "ap--01"),
    ("id", "ap_01"),
    ("id", ""),
    ("email", "erik@voorbeeld.nl"),
    ("email", "erik smit@voorbeeld.nl"),
    ("email", "erik@voorbeeld"),
    ("email", "erik?cc=x@voorbeeld.nl"),
    ("email", "e" * 250 + "@x.nl"),
    ("email", ""),
    ("feedback", "https://github.com/org/h/issues/new?title={title}"),
    ("feedback", "http://github.com/org/h/issues/new?title={title}"),
    ("feedback", "https://github.com/org/h/issues/new"),
    ("feedback", "javascript:alert(1)//{title}"),
    ("feedback", "mailto:handboek@voorbeeld.nl"),
    ("feedback", "https://x.nl/" + "a" * 500 + "{title}"),
    ("feedback.email", "handboek@voorbeeld.nl"),
    ("both", "handboek@voorbeeld.nl"),
    ("neither", ""),
    ("edit_url", "https://github.com/org/h/edit/main/{path}"),
    ("edit_url", 'https://x.nl/"{path}'),
    ("what", "Iets doen"),
    ("what", ""),
    ("what", "   "),
    ("what", "regel een\nregel twee"),
    ("what", "met\ttab"),
    ("what", "met \x1b[2J escape"),
    ("what", "met NUL \x00"),
    ("what", "met CR \r erin"),
    ("what", "w" * SENTENCE_MAX),
    ("what", "w" * (SENTENCE_MAX + 1)),
    ("what", "w" * SENTENCE_MAX + " "),
    ("what", " " + "w" * (SENTENCE_MAX - 1)),
    ("what", "w" * (SENTENCE_MAX - 1) + "\n"),
    ("name", "n" * NAME_MAX),
    ("name", "n" * (NAME_MAX + 1)),
    ("short_name", "k" * SHORT_NAME_MAX),
    ("short_name", "k" * (SHORT_NAME_MAX + 1)),
    ("location", "Kantine"),
    ("location", "\x00"),
]


def _with(field: str, value: str) -> tuple[str, Any]:
    if field in ("both", "neither"):  # feedback: exactly one of e-mail and url
        doc = copy.deepcopy(ORG)
        doc["feedback"] = {"email": value, "url": "https://x.nl/new?title={title}"} if field == "both" else {}
        return "organisation", doc
    kind, loc = WHERE[field]
    doc = copy.deepcopy(BASES[kind])
    doc.pop("feedback", None)  # one target only: the case sets it
    node = doc
    for part in loc[:-1]:
        node = node.setdefault(part, {}) if isinstance(part, str) else node[part]
    node[loc[-1]] = value
    return kind, doc


def _schema_accepts(kind: str, doc: Any) -> bool:
    body = json.loads((ROOT / schema.SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(body, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return not list(validator.iter_errors(doc))


def _loader_accepts(kind: str, doc: Any) -> bool:
    model = next(f.model for f in schema.FILES if f.kind == kind)
    try:
        model.model_validate(doc)
    except ValidationError:
        return False
    return True


def test_the_bases_are_valid() -> None:
    for kind, doc in BASES.items():
        assert _schema_accepts(kind, doc) and _loader_accepts(kind, doc), kind


@pytest.mark.parametrize(("field", "value"), CASES, ids=[f"{f}={v[:20]!r}" for f, v in CASES])
def test_schema_and_loader_agree(field: str, value: str) -> None:
    kind, doc = _with(field, value)
    assert _schema_accepts(kind, doc) == _loader_accepts(kind, doc)
