"""JSON Schema for editors: generated from the model, committed, current, and matching the data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from macros import schema
from macros.adapters.cli import main
from macros.yamlsrc import decode, parse

from .cases import CASES
from .conftest import DATA, ROOT

SCHEMAS = ROOT / schema.SCHEMA_DIR
DATA_FILES = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yml"))


def as_editor_sees(value: Any) -> Any:
    """YAML values as an editor's JSON view has them: dates and times are text (YAML 1.2)."""
    if isinstance(value, dict):
        return {k: as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_sees(v) for v in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _validator(rel: str) -> Draft202012Validator:
    kind = schema.kind_of(rel)
    assert kind is not None, rel
    committed = json.loads((SCHEMAS / kind.schema_name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(committed)
    return Draft202012Validator(committed, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _errors(folder: Path, rel: str) -> list[str]:
    value = parse(rel, decode((folder / rel).read_bytes())).value
    return [e.message for e in _validator(rel).iter_errors(as_editor_sees(value))]


def test_committed_schemas_are_current() -> None:
    stale = schema.stale(SCHEMAS)
    assert not stale, (
        f"De schema's {', '.join(p.name for p in stale)} passen niet meer bij macros/model.py. "
        f"Schrijf ze opnieuw met: {schema.REGENERATE}"
    )
    assert sorted(p.name for p in SCHEMAS.iterdir()) == sorted(f.schema_name for f in schema.FILES)


@pytest.mark.parametrize("rel", DATA_FILES)
def test_default_data_validates_against_the_committed_schema(rel: str) -> None:
    assert _errors(DATA, rel) == []


@pytest.mark.parametrize("rel", DATA_FILES)
def test_every_data_file_points_at_its_schema(rel: str) -> None:
    first = (DATA / rel).read_text(encoding="utf-8").splitlines()[0]
    assert first == schema.header(rel, SCHEMAS, DATA)
    target = ((DATA / rel).parent / first.removeprefix(schema.HEADER)).resolve()
    assert target.is_file(), first


@pytest.mark.parametrize(
    "name", ["unknown-key", "wrong-type", "impossible-date"], ids=["unknown-key", "wrong-type", "impossible-date"]
)
def test_the_schema_rejects_what_the_loader_rejects(name: str, data_copy: Path) -> None:
    case = next(c for c in CASES if c.name == name)
    case.breaks(data_copy)
    assert _errors(data_copy, case.file), f"the editor would not flag {name}"


def test_the_schema_knows_enums_times_and_patterns() -> None:
    meetings = schema.schema_of(schema.FILES[4])
    start = meetings["$defs"]["Meeting"]["properties"]["start"]["anyOf"][0]
    validator = Draft202012Validator(start)
    assert validator.is_valid("08:30") and not validator.is_valid("8:30 uur")
    actions = schema.schema_of(schema.FILES[3])
    assert actions["$defs"]["Action"]["properties"]["status"]["enum"] == ["open", "bezig", "klaar"]
    assert actions["$defs"]["Action"]["additionalProperties"] is False


def _properties(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        for key, sub in (node.get("properties") or {}).items():
            found.append((f"{path}/{key}", sub))
        for key, sub in node.items():
            found += _properties(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            found += _properties(sub, f"{path}/{i}")
    return found


@pytest.mark.parametrize("data_file", schema.FILES, ids=lambda f: f.kind)
def test_every_field_has_a_dutch_description(data_file: schema.DataFile) -> None:
    generated = schema.schema_of(data_file)
    assert generated["description"] and "title" not in generated.get("$defs", {}).get("Meeting", {})
    missing = [path for path, sub in _properties(generated) if not sub.get("description")]
    assert not missing, f"Geef deze velden in macros/model.py een Nederlandse description: {missing}"
    english = [path for path, sub in _properties(generated) if " the " in f" {sub['description'].lower()} "]
    assert not english, english


def test_schema_command_checks_and_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "schema"
    assert main(["schema", "--dir", str(folder)]) == 1
    out = capsys.readouterr().out
    assert (
        out
        == f"{folder}:1:1: error: de map met schema's bestaat niet; maak ze met '{schema.REGENERATE} --dir {folder}'.\n"
    )
    assert main(["schema", "--write", "--dir", str(folder)]) == 0
    assert main(["schema", "--dir", str(folder)]) == 0
    (folder / "step.schema.json").write_text("{}", encoding="utf-8")
    capsys.readouterr()
    assert main(["schema", "--dir", str(folder)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{folder / 'step.schema.json'}:1:1: error:")
    assert f"draai '{schema.REGENERATE} --dir {folder}'" in out  # the fix names the same folder
