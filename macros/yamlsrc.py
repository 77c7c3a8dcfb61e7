"""Read one YAML file safely into plain Python values with their positions.

The file goes through ruamel.yaml's round-trip parser as a stream of events;
this module builds the values itself. That keeps every value's line and column
and closes the doors that YAML leaves open: anchors and aliases (memory bombs),
tags (``!!python/...``), deep nesting and duplicate keys are refused with a
message instead of being constructed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import ScalarEvent
from ruamel.yaml.reader import ReaderError

from .text import shown
from .yamlerrors import explain

try:
    from yaml.cyaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: ruamel.yaml reads everything
    _CParser = None
# ruamel.yaml's YAML 1.2 rules decide what a plain scalar is ('yes' and '08:30' stay text).
_RESOLVER = YAML(typ="rt").resolver
# Its table of implicit types (first character -> [(tag, regexp)]), taken once: ruamel.yaml works the
# YAML version out again on every call, which was a third of the time to read a large file.
_IMPLICIT: dict[str | None, list[tuple[Any, Any]]] = _RESOLVER.versioned_resolver

MAX_BYTES = 2_000_000
MAX_DEPTH = 24
Path = tuple[str | int, ...]

_PLAIN_TAGS = {
    None,
    "!",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass(frozen=True)
class Pos:
    """A 1-based line and column."""

    line: int
    col: int


@dataclass
class Source:
    """One parsed file: its value and where each value and key starts."""

    path: str
    value: Any = None
    values: dict[Path, Pos] = field(default_factory=dict)
    keys: dict[Path, Pos] = field(default_factory=dict)

    def where(self, loc: Path) -> Pos:
        """The position of the value at ``loc``, or of its nearest parent."""
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), Pos(1, 1))

    def where_key(self, loc: Path) -> Pos:
        return self.keys.get(loc) or self.where(loc)


class YamlProblem(Exception):
    """A problem that stops reading the file, with its position."""

    def __init__(self, pos: Pos, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


def _pos(mark: Any) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


def decode(raw: bytes) -> str:
    """Decode UTF-8, or raise YamlProblem at the first bad byte."""
    if len(raw) > MAX_BYTES:
        raise YamlProblem(Pos(1, 1), f"bestand is groter dan {MAX_BYTES // 1_000_000} MB; splits het op.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise YamlProblem(
            Pos(line, col),
            f"byte 0x{raw[exc.start]:02x} is geen UTF-8. Sla het bestand op als UTF-8 (zonder BOM is prima).",
        ) from None
    return text.removeprefix("\ufeff")


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: Path
    pos: Pos
    key: tuple[str, Pos] | None = None


class _Retry(Exception):
    """The fast parser cannot vouch for this text: read it again with ruamel.yaml."""


def parse(path: str, text: str) -> Source:
    """Parse YAML text into a Source. Raises YamlProblem on the first problem.

    Valid files go through libyaml (PyYAML's C parser), about 30 times faster
    than ruamel.yaml's pure-Python one; the events are the same and this
    module resolves the scalars itself, with ruamel.yaml's YAML 1.2 rules.
    Anything the fast path does not accept is read again with ruamel.yaml, so
    that every problem keeps exactly the message and position it always had.
    """
    # libyaml accepts a tab after 'key:', ruamel.yaml (and so this handbook) refuses it with a clear message.
    if _CParser is not None and "\t" not in text:
        try:
            return _build(path, _fast_events(text))
        except (_Retry, YamlProblem, pyyaml.YAMLError):
            pass
    try:
        return _build(path, YAML(typ="rt").parse(text))
    except MarkedYAMLError as exc:
        (line, col), message = explain(exc, text)
        raise YamlProblem(Pos(line, col), message) from None
    except ReaderError as exc:
        raise YamlProblem(_offset_pos(text, exc.position), _reader_message(exc)) from None
    except YAMLError:
        raise YamlProblem(
            Pos(1, 1), "dit bestand is geen geldige YAML; vergelijk het met het voorbeeld in data/."
        ) from None


def _fast_events(text: str) -> Iterator[Any]:
    parser = _CParser(text)
    try:
        while parser.check_event():
            event = parser.get_event()
            if getattr(event, "version", None) or getattr(event, "tags", None):
                raise _Retry  # %YAML or %TAG directives: ruamel.yaml's own handling decides
            yield event
    finally:
        parser.dispose()


def _build(path: str, events: Iterable[Any]) -> Source:
    source = Source(path)
    stack: list[_Frame] = []
    roots = 0

    def next_path(pos: Pos, value: Any = None, is_container: bool = False) -> Path | None:
        """Where the next value goes; None when it is a mapping key (kept in the frame)."""
        nonlocal roots
        if not stack:
            roots += 1
            if roots > 1:
                raise YamlProblem(pos, "één document per bestand; haal de tweede '---' weg.")
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        if top.key is not None:
            return (*top.path, top.key[0])
        if is_container or isinstance(value, bool) or not isinstance(value, str | int | float):
            raise YamlProblem(pos, "een sleutel moet een woord zijn, geen lijst, blok of lege waarde.")
        key = str(value)
        if key in top.container:
            first = source.keys[(*top.path, key)]
            raise YamlProblem(
                pos, f"sleutel '{shown(key)}' staat hier twee keer (eerst op regel {first.line}); haal er één weg."
            )
        top.key = (key, pos)
        return None

    def attach(loc: Path, value: Any, pos: Pos) -> None:
        source.values[loc] = pos
        if not stack:
            source.value = value
            return
        top = stack[-1]
        if isinstance(top.container, list):
            top.container.append(value)
        else:
            assert top.key is not None
            source.keys[loc] = top.key[1]
            top.container[top.key[0]] = value
            top.key = None

    for event in events:
        # Both parsers' events have the same class names and fields.
        kind = type(event).__name__
        pos = _pos(event.start_mark)
        if kind == "AliasEvent":
            raise YamlProblem(pos, "verwijzingen (*naam) worden niet ondersteund; schrijf de waarde uit.")
        if getattr(event, "anchor", None):
            raise YamlProblem(pos, "ankers (&naam) worden niet ondersteund; schrijf de waarde uit.")
        tag = getattr(event, "tag", None)
        tag = getattr(tag, "value", tag)
        if tag not in _PLAIN_TAGS:
            label = shown(str(tag).replace("tag:yaml.org,2002:", "!!"))
            raise YamlProblem(pos, f"labels als '{label}' worden niet ondersteund; haal het label weg.")
        if kind in ("MappingStartEvent", "SequenceStartEvent"):
            if len(stack) >= MAX_DEPTH:
                raise YamlProblem(pos, f"te diep genest (meer dan {MAX_DEPTH} niveaus).")
            loc = next_path(pos, is_container=True)
            assert loc is not None
            stack.append(_Frame({} if kind == "MappingStartEvent" else [], loc, pos))
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            frame = stack.pop()
            attach(frame.path, frame.container, frame.pos)
        elif kind == "ScalarEvent":
            value = _scalar(event)
            loc = next_path(pos, value)
            if loc is not None:
                attach(loc, value, pos)
    return source


def _resolve(value: str) -> str:
    """The implicit type of a plain scalar ('int', 'null', 'timestamp' ...), as ruamel.yaml's resolver says."""
    for tag, regexp in _IMPLICIT.get(value[:1], []) + _IMPLICIT.get(None, []):
        if regexp.match(value):
            return str(getattr(tag, "value", tag)).rsplit(":", 1)[-1]
    return "str"


def _scalar(event: ScalarEvent | Any) -> Any:
    value: str = event.value
    if event.style == ">":
        # ruamel's round-trip scanner marks fold points with BEL; they are not data.
        return value.replace("\a", "")
    if event.style:  # quoted or block scalars are always text
        return value
    kind = _resolve(value) if event.implicit[0] else "str"
    if kind == "null":
        return None
    if kind == "bool":
        return value.lower() == "true"
    if kind == "int":
        try:
            return int(value.replace("_", ""), 0) if not value.lstrip("+-").startswith("0") else int(value, 0)
        except ValueError:
            return value
    if kind == "float":
        try:
            return float(value.replace("_", "").replace(".inf", "inf").replace(".nan", "nan"))
        except ValueError:
            return value
    if kind == "timestamp":
        # An impossible date such as 2026-02-30 stays text; the model then
        # reports it with the rest of the file's problems.
        try:
            if len(value) == 10:
                return dt.date.fromisoformat(value)
            return dt.datetime.fromisoformat(value.replace(" ", "T"))
        except ValueError:
            return value
    return value


def _offset_pos(text: str, offset: int) -> Pos:
    before = text[:offset]
    return Pos(before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)


def _reader_message(exc: ReaderError) -> str:
    """ruamel refuses control characters such as NUL before parsing; say which one, in Dutch."""
    char = exc.character
    code = char if isinstance(char, int) else ord(char) if isinstance(char, str) and char else 0
    return f"het teken U+{code:04X} mag niet in een YAML-bestand (het is onzichtbaar of ongeldig); haal het weg."
