"""Read the meeting record that the presentation page downloads (``verslag-….json``).

The format is described in the project notes (record-format): a JSON object
with ``format``, ``version``, the meeting's code, and the needs, promises,
agreements, action points and attendees that the room agreed on. ``read``
checks everything at once and reports each problem at its JSON pointer, such as
``verslag.json:/actions/2/who: error: onbekende persoon 'marco-janssen'. Bedoel je
'marco-jansen'?``. Nothing here writes, and nothing knows about MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, StrictStr
from pydantic import ValidationError as _ValidationError

from .edit import EditError
from .load import display_path
from .messages import message_for, unknown_ref
from .model import Day, Id
from .organisation import Organisation
from .problems import Problem
from .yamlsrc import MAX_BYTES

FORMAT = "handboek-interne-klant/verslag"
VERSION = 1
# C0 controls but tab and line feed, DEL, and C1 controls: they cannot stand in a data file.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True, order=True)
class RecordProblem(Problem):
    """A problem in the record, at a JSON pointer (or at line and column when the file is no JSON)."""

    pointer: str = ""

    def __str__(self) -> str:
        where = self.pointer if self.pointer else f"{self.line}:{self.col}"
        return f"{self.path}:{where}: {self.severity}: {self.message}"


class RecordError(EditError):
    """The record cannot be read or does not fit the data; ``problems`` lists every reason."""

    def __init__(self, problems: list[RecordProblem]) -> None:
        count = "de regel" if len(problems) == 1 else f"de {len(problems)} regels"
        super().__init__(f"het verslag is niet ingevoerd; er is niets veranderd. Herstel {count} hierboven.", problems)
        self.record_problems = problems


def _plain_text(value: Any) -> Any:
    """Line ends as '\\n', no control characters, no spaces around; anything that is not text is left to pydantic."""
    if not isinstance(value, str):
        return value
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _CONTROLS.search(text):
        raise ValueError("deze tekst bevat een onzichtbaar stuurteken; typ de tekst opnieuw zonder dat teken")
    return text


def _not_empty(value: str) -> str:
    if not value:
        raise ValueError("vul hier tekst in; leeg kan niet")
    return value


Text = Annotated[StrictStr, BeforeValidator(_plain_text), AfterValidator(_not_empty)]
Optional = Annotated[StrictStr, BeforeValidator(_plain_text)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NeedItem(_Strict):
    step: Id
    customer: Id
    what: Text
    when: Optional | None = None
    form: Optional | None = None
    why: Optional | None = None


class AgreementItem(_Strict):
    step: Id
    point: Text


class ActionItem(_Strict):
    what: Text
    who: Id
    due: Day
    step: Id | None = None


def _saved(value: Any) -> Any:
    if isinstance(value, str):
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"'{value[:40]}' is geen tijdstip. Het hoort te staan als 2026-10-14T10:42:00+02:00"
            ) from None
    return value


class Record(_Strict):
    format: StrictStr
    version: StrictInt
    meeting: Id
    saved: Annotated[StrictStr, AfterValidator(_saved)] | None = None
    attendees: list[Id] = Field(default_factory=list)
    needs: list[NeedItem] = Field(default_factory=list)
    in_return: list[NeedItem] = Field(default_factory=list)
    agreements: list[AgreementItem] = Field(default_factory=list)
    actions: list[ActionItem] = Field(default_factory=list)


def pointer(loc: Iterable[str | int]) -> str:
    """A JSON pointer (RFC 6901) for a path of keys and list indexes."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in loc)


def _problem(file: str, loc: Iterable[str | int], message: str) -> RecordProblem:
    where = pointer(loc)
    return RecordProblem(file, 0 if where else 1, 0 if where else 1, "error", message, where)


def _duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"de sleutel '{key}' staat twee keer in hetzelfde blok; haal er één weg")
        seen[key] = value
    return seen


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is geen getal dat in een verslag kan staan")


def parse(raw: bytes, file: str) -> Any:
    """The JSON value of the file, or RecordError with the line and column of the problem."""
    if len(raw) > MAX_BYTES:
        raise RecordError(
            [_problem(file, (), f"het verslag is groter dan {MAX_BYTES // 1_000_000} MB; dat klopt niet.")]
        )
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        problem = f"byte 0x{raw[exc.start]:02x} is geen UTF-8. Sla het verslag opnieuw op vanaf de presentatie."
        before = raw[: exc.start]
        line, col = before.count(b"\n") + 1, len(before) - (before.rfind(b"\n") + 1) + 1
        raise RecordError([RecordProblem(file, line, col, "error", problem)]) from None
    try:
        return json.loads(text, object_pairs_hook=_duplicate_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        message = (
            "dit is geen geldige JSON: hier klopt het teken niet. Gebruik het bestand dat de knop op de presentatie opslaat, "
            "zonder het met de hand te veranderen."
        )
        raise RecordError([RecordProblem(file, exc.lineno, exc.colno, "error", message)]) from None
    except ValueError as exc:
        raise RecordError([_problem(file, (), f"{exc}.")]) from None
    except RecursionError:
        raise RecordError([_problem(file, (), "het verslag is te diep genest; dat klopt niet.")]) from None


def validate(value: Any, file: str) -> Record:
    """The record checked against its own format: version, keys, types and dates."""
    if not isinstance(value, dict):
        raise RecordError([_problem(file, (), "een verslag is één blok tussen { en }; dit bestand is iets anders.")])
    if value.get("format") != FORMAT:
        message = (
            f"dit is geen verslag van het handboek; 'format' hoort '{FORMAT}' te zijn. "
            "Kies het bestand verslag-….json dat de presentatie heeft opgeslagen."
        )
        raise RecordError([_problem(file, ("format",), message)])
    version = value.get("version")
    if version != VERSION or isinstance(version, bool):
        message = (
            f"versie {json.dumps(version)} kan dit programma niet lezen; alleen versie {VERSION}. "
            "Werk het handboek bij, of sla het verslag op met dezelfde versie van de site."
        )
        raise RecordError([_problem(file, ("version",), message)])
    try:
        return Record.model_validate(value)
    except _ValidationError as exc:
        raise RecordError([_problem(file, err["loc"], message_for(err, Record)) for err in exc.errors()]) from None


# Where the record names a person, step or meeting: (list key or None, field, kind).
_REFS = (
    (None, "meeting", "bijeenkomst"),
    ("needs", "step", "stap"),
    ("needs", "customer", "persoon"),
    ("in_return", "step", "stap"),
    ("in_return", "customer", "persoon"),
    ("agreements", "step", "stap"),
    ("actions", "who", "persoon"),
    ("actions", "step", "stap"),
)


def _refs(value: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str, str]]:
    """(location, code, kind) of every reference in the raw record that is text; other values have a type error."""
    found: list[tuple[tuple[str | int, ...], str, str]] = []
    attendees = value.get("attendees")
    for i, person in enumerate(attendees if isinstance(attendees, list) else []):
        if isinstance(person, str):
            found.append((("attendees", i), person, "persoon"))
    for key, field, kind in _REFS:
        if key is None:
            items: list[tuple[tuple[str | int, ...], Any]] = [((), value)]
        else:
            listed = value.get(key)
            items = [((key, i), item) for i, item in enumerate(listed if isinstance(listed, list) else [])]
        for loc, item in items:
            code = item.get(field) if isinstance(item, dict) else None
            if isinstance(code, str):
                found.append(((*loc, field), code, kind))
    return found


def check_refs(value: dict[str, Any], org: Organisation, file: str) -> list[RecordProblem]:
    """A problem for every person, step or meeting that the record names and the data does not know."""
    known = {
        "persoon": {p.id for p in org.people},
        "stap": {s.id for s in org.steps},
        "bijeenkomst": {m.id for m in org.meetings},
    }
    return [
        _problem(file, loc, unknown_ref(code, known[kind], kind))
        for loc, code, kind in _refs(value)
        if code not in known[kind]
    ]


def read(path: Path, org: Organisation) -> Record:
    """Read, check and return the record at ``path``; RecordError lists every problem at once."""
    file = display_path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RecordError(
            [
                _problem(
                    file,
                    (),
                    "dit bestand bestaat niet. Geef het pad naar het verslag-….json dat de presentatie heeft opgeslagen.",
                )
            ]
        ) from None
    except OSError as exc:
        raise RecordError([_problem(file, (), f"kan het verslag niet lezen: {exc.strerror}.")]) from None
    value = parse(raw, file)
    try:
        record = validate(value, file)
        problems: list[RecordProblem] = []
    except RecordError as exc:
        if (
            value is None
            or not isinstance(value, dict)
            or any(p.pointer in ("/format", "/version") for p in exc.record_problems)
        ):
            raise
        record, problems = None, exc.record_problems
    problems += check_refs(value, org, file)
    if problems or record is None:
        raise RecordError(sorted(problems, key=_order))
    return record


def _order(problem: RecordProblem) -> list[str]:
    """Problems in the order of the file: by pointer, with list indexes as numbers."""
    return [part.zfill(8) if part.isdigit() else part for part in problem.pointer.split("/")]
