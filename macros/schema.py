"""JSON Schema for every data file, generated from the model: one source of truth.

The schemas are committed in ``schema/`` so that an editor with the YAML
extension completes and validates offline. Each data file points at its schema
in its first line (``# yaml-language-server: $schema=...``). When the model
changes, ``python -m macros schema --write`` (or ``handboek schema --write``)
writes them again; a test fails while a committed schema is stale.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .limits import CLOCK_PATTERN, DATE_PATTERN
from .model import ActionsFile, MeetingsFile, OrganisationFile, PeopleFile, StepFile

SCHEMA_DIR = "schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
REGENERATE = "python -m macros schema --write"
HEADER = "# yaml-language-server: $schema="
TIME_PATTERN = CLOCK_PATTERN  # the loader's own: the same times pass both


@dataclass(frozen=True)
class DataFile:
    """One kind of data file: where it lives in the data folder and its model."""

    kind: str
    model: type[BaseModel]
    title: str
    description: str

    @property
    def schema_name(self) -> str:
        return f"{self.kind}.schema.json"


FILES = (
    DataFile(
        "organisation",
        OrganisationFile,
        "organisation.yml",
        "De organisatie zelf: naam, omschrijving, de externe klant en instellingen van het handboek.",
    ),
    DataFile("people", PeopleFile, "people.yml", "Iedereen die in het werkproces meedoet, met een eigen code."),
    DataFile(
        "step",
        StepFile,
        "steps/NN-code.yml",
        "Eén stap in het werkproces: wie er werkt, wie de interne klant is, wat die nodig heeft "
        "en wat de stap terug mag verwachten.",
    ),
    DataFile("actions", ActionsFile, "actions.yml", "De actiepunten: wat er moet gebeuren, wie het doet en wanneer."),
    DataFile("meetings", MeetingsFile, "meetings.yml", "De bijeenkomsten over interne klanten."),
)


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, tuned for editors: no English titles, times as 'UU:MM'."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        # Titles would be English field names ("Follow Up"); the Dutch description says it all.
        return False

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        found = super().model_schema(schema)
        # Class names and docstrings are for programmers; they are English.
        found.pop("title", None)
        found.pop("description", None)
        return found

    def time_schema(self, schema: core_schema.TimeSchema) -> JsonSchemaValue:
        # Editors check format 'time' as a full RFC 3339 time with seconds and zone;
        # the data writes '08:30'.
        return {"type": "string", "pattern": TIME_PATTERN}

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        # The loader takes JJJJ-MM-DD between 2000 and 2100 only; the pattern says the same.
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN}


def schema_of(data_file: DataFile) -> dict[str, Any]:
    """The JSON Schema of one kind of data file."""
    body = data_file.model.model_json_schema(schema_generator=_Generator)
    return {
        "$schema": DIALECT,
        "title": data_file.title,
        "description": data_file.description,
        **body,
    }


def render(data_file: DataFile) -> str:
    """The schema as the committed file holds it."""
    return json.dumps(schema_of(data_file), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def kind_of(rel: str) -> DataFile | None:
    """Which kind of data file ``rel`` (a path inside the data folder) is."""
    name = rel.replace(os.sep, "/")
    if name.startswith("steps/"):
        return FILES[2]
    return next((f for f in FILES if f.title == name), None)


def header(rel: str, schema_dir: Path, data_dir: Path) -> str:
    """The first line of a data file: where the editor finds its schema."""
    data_file = kind_of(rel)
    if data_file is None:
        raise ValueError(f"geen gegevensbestand: {rel}")
    here = (data_dir / rel).parent
    target = os.path.relpath(schema_dir / data_file.schema_name, here).replace(os.sep, "/")
    return HEADER + target


def write(schema_dir: Path) -> list[Path]:
    """Write every schema into ``schema_dir``; return the files that changed."""
    schema_dir.mkdir(parents=True, exist_ok=True)
    changed = []
    for data_file in FILES:
        path = schema_dir / data_file.schema_name
        text = render(data_file)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale(schema_dir: Path) -> list[Path]:
    """The committed schemas that differ from the model (or are missing)."""
    return [
        schema_dir / f.schema_name
        for f in FILES
        if not (schema_dir / f.schema_name).is_file()
        or (schema_dir / f.schema_name).read_text(encoding="utf-8") != render(f)
    ]
