"""Load an organisation's data folder: every problem at once, with file:line:col.

``load(data_dir)`` returns a checked ``Loaded`` or raises ``DataError`` that
lists every error in every file. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .guard import display_path as display_path
from .guard import refusal, size_problem, step_files
from .limits import ID_MAX, ID_PATTERN
from .messages import problems_from
from .model import ActionsFile, MeetingsFile, OrganisationFile, PeopleFile, StepFile
from .organisation import Organisation, Step
from .problems import DataError, Problem
from .text import hint, shown
from .yamlsrc import Path as Loc
from .yamlsrc import Pos, Source, YamlProblem, decode, parse

# Ids that would give a generated page the address of a hand-written one.
RESERVED_IDS = {"index"}
# ASCII digits only: Python's \d would take Arabic-Indic digits as a step number too.
STEP_FILE = re.compile(r"^([0-9]{2})-(" + ID_PATTERN.removeprefix("^").removesuffix("$") + ")$")
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Loaded:
    """A checked organisation with the parsed files behind it."""

    org: Organisation
    data_dir: Path
    sources: dict[str, Source]

    def pos(self, rel: str, loc: Loc) -> Pos:
        return self.sources[rel].where(loc)

    def display(self, rel: str) -> str:
        return display_path(self.data_dir / rel)


class _Collector:
    def __init__(self, data_dir: Path, overrides: Mapping[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self.overrides = dict(overrides or {})
        self.problems: list[Problem] = []
        self.sources: dict[str, Source] = {}

    def add(self, rel: str, pos: Pos, message: str) -> None:
        self.problems.append(Problem(display_path(self.data_dir / rel), pos.line, pos.col, "error", message))

    def refused(self, rel: str) -> bool:
        """A link or a folder where a data file belongs: reported, never read."""
        message = refusal(self.data_dir, rel)
        if message:
            self.add(rel, Pos(1, 1), message)
        return message is not None

    def read(self, rel: str, model: type[M], *, required: bool = True) -> M | None:
        path = self.data_dir / rel
        if rel not in self.overrides and self.refused(rel):
            return None
        if rel not in self.overrides and not path.is_file():
            if required:
                self.add(rel, Pos(1, 1), f"bestand ontbreekt; maak {rel} aan in {display_path(self.data_dir)}.")
                return None
            return model.model_validate({})
        try:
            raw = self.overrides[rel].encode("utf-8") if rel in self.overrides else path.read_bytes()
            source = parse(rel, decode(raw))
        except YamlProblem as exc:
            self.add(rel, exc.pos, exc.message)
            return None
        except OSError as exc:
            self.add(rel, Pos(1, 1), f"kan het bestand niet lezen: {exc.strerror}.")
            return None
        self.sources[rel] = source
        if source.value is None:
            self.add(rel, Pos(1, 1), "bestand is leeg. Vul het in; kijk in de standaardmap data/ voor een voorbeeld.")
            return None
        try:
            return model.model_validate(source.value)
        except ValidationError as exc:
            for pos, message in problems_from(exc, model, source):
                self.add(rel, pos, message)
            return None

    def check_refs(self, rel: str, refs: Iterable[tuple[Loc, str | None]], known: set[str], kind: str) -> None:
        for loc, ref in refs:
            if ref is None or ref in known:
                continue
            empty = f" Er is nog geen enkele {kind}; voeg die eerst toe, of haal de verwijzing weg."
            said = hint(ref, known, empty=empty)
            self.add(rel, self.sources[rel].where(loc), f"onbekende {kind} '{shown(ref)}'.{said}")

    def check_unique(self, rel: str, ids: list[tuple[Loc, str]], kind: str) -> None:
        seen: dict[str, Loc] = {}
        for loc, value in ids:
            if value in seen:
                first = self.sources[rel].where(seen[value])
                self.add(
                    rel,
                    self.sources[rel].where(loc),
                    f"{kind} '{shown(value)}' bestaat al (regel {first.line}); kies een andere code.",
                )
            else:
                seen[value] = loc


def _read_steps(col: _Collector) -> tuple[list[Step], set[str]]:
    """The steps that loaded, and the ids of all step files (loaded or not)."""
    names, problems = step_files(col.data_dir)
    for rel, message in problems:
        col.add(rel, Pos(1, 1), message)
    steps: list[Step] = []
    numbers: dict[int, str] = {}
    ids: dict[str, str] = {}
    for name in names:
        rel = f"steps/{name}"
        match = STEP_FILE.match(name.rsplit(".", 1)[0])
        if not match:
            col.add(rel, Pos(1, 1), "bestandsnaam moet NN-code.yml zijn, zoals 02-calculatie-offerte.yml.")
            continue
        if len(match[2]) > ID_MAX:
            col.add(rel, Pos(1, 1), f"de code in de bestandsnaam is langer dan {ID_MAX} tekens; maak die korter.")
            continue
        number, step_id = int(match[1]), match[2]
        if step_id in RESERVED_IDS:
            col.add(rel, Pos(1, 1), f"'{step_id}' kan geen code van een stap zijn; kies een andere bestandsnaam.")
            continue
        if number in numbers or step_id in ids:
            clash = f"nummer {match[1]}" if number in numbers else f"code '{step_id}'"
            other = numbers.get(number) or ids[step_id]
            col.add(
                rel,
                Pos(1, 1),
                f"het {clash} is al gebruikt door {other}; geef elke stap een eigen nummer en code "
                "(een kopie van een stapbestand? Hernoem of verwijder de kopie).",
            )
            # Still a known step: references to it are not the problem, so they get no error of their own.
            ids.setdefault(step_id, rel)
            continue
        numbers[number], ids[step_id] = rel, rel
        if col.refused(rel):
            continue
        data = col.read(rel, StepFile)
        if data is not None:
            steps.append(Step(step_id, number, rel, data))
    return steps, set(ids)


def _get(source: Source | None, loc: Loc) -> Any:
    value = source.value if source else None
    for part in loc:
        if isinstance(part, int) and isinstance(value, list) and part < len(value):
            value = value[part]
        elif isinstance(part, str) and isinstance(value, dict):
            value = value.get(part)
        else:
            return None
    return value


def _raw(source: Source | None, list_key: str, field: str) -> list[tuple[Loc, str]]:
    """(location, text) of ``field`` in every item of the list ``list_key``.

    References are checked on the raw values so that a file with other errors
    still gets its references checked in the same run.
    """
    items = _get(source, (list_key,))
    if not isinstance(items, list):
        return []
    return [
        ((list_key, i, field), item[field])
        for i, item in enumerate(items)
        if isinstance(item, dict) and isinstance(item.get(field), str)
    ]


def _check_agreements(col: _Collector, step_ids: set[str]) -> None:
    """Each meeting's agreements name known steps, each step once."""
    src = col.sources.get("meetings.yml")
    if src is None or not step_ids:
        return
    for loc, _ in _raw(src, "meetings", "id"):
        base = (*loc[:-1], "agreements")
        items = _get(src, base)
        if not isinstance(items, list):
            continue
        refs = [
            ((*base, j, "step"), item["step"])
            for j, item in enumerate(items)
            if isinstance(item, dict) and isinstance(item.get("step"), str)
        ]
        col.check_refs("meetings.yml", refs, step_ids, "stap")
        seen: dict[str, int] = {}
        for ref_loc, step in refs:
            pos = src.where(ref_loc)
            if step in seen:
                col.add(
                    "meetings.yml",
                    pos,
                    f"stap '{shown(step)}' staat al bij de afspraken van deze bijeenkomst (regel {seen[step]}); "
                    "zet alle afspraken voor die stap onder 'points' daar.",
                )
            else:
                seen[step] = pos.line


def _check_for_step(col: _Collector, steps: list[Step], step_ids: set[str]) -> None:
    """Each customer's ``for_step`` names a known step in which that customer works."""
    workers = {s.id: {p.person for p in s.data.performers} for s in steps}
    for step in steps:
        src = col.sources[step.path]
        refs = [
            ((*loc[:-1], "for_step"), item["for_step"])
            for loc, _ in _raw(src, "customers", "person")
            if isinstance(item := _get(src, loc[:-1]), dict) and isinstance(item.get("for_step"), str)
        ]
        col.check_refs(step.path, refs, step_ids, "stap")
        for loc, target in refs:
            person = _get(src, (*loc[:-1], "person"))
            if target == step.id:
                col.add(step.path, src.where(loc), "bij 'for_step' hoort een andere stap dan deze stap zelf.")
            elif target in workers and person not in workers[target]:
                col.add(
                    step.path,
                    src.where(loc),
                    f"'{shown(person)}' werkt niet in stap '{shown(target)}'. Bij 'for_step' hoort een stap waarin deze interne "
                    "klant zelf werkt; zet de persoon daar bij 'performers' of kies een andere stap.",
                )


def load(data_dir: str | os.PathLike[str], overrides: Mapping[str, str] | None = None) -> Loaded:
    """Load and check a data folder. Raises DataError listing every error.

    ``overrides`` maps a file in the folder (such as 'actions.yml') to the text
    it would have after an edit, so that an edit is checked before it is written.
    """
    col = _Collector(Path(data_dir), overrides)
    too_big = size_problem(col.data_dir, col.overrides)
    if too_big:  # stop before reading: memory grows with what is read
        col.add("", Pos(1, 1), too_big)
        raise DataError(col.problems)
    info = col.read("organisation.yml", OrganisationFile)
    people = col.read("people.yml", PeopleFile)
    steps, step_ids = _read_steps(col)
    actions = col.read("actions.yml", ActionsFile, required=False)
    meetings = col.read("meetings.yml", MeetingsFile, required=False)

    person_ids = {v for _, v in _raw(col.sources.get("people.yml"), "people", "id")}
    meeting_ids = {v for _, v in _raw(col.sources.get("meetings.yml"), "meetings", "id")}
    for rel, key in (("people.yml", "people"), ("meetings.yml", "meetings"), ("actions.yml", "actions")):
        col.check_unique(rel, _raw(col.sources.get(rel), key, "id"), "code")
    for loc, value in _raw(col.sources.get("people.yml"), "people", "id"):
        if value in RESERVED_IDS:
            col.add(
                "people.yml", col.sources["people.yml"].where(loc), f"'{value}' kan geen code zijn; kies een andere."
            )
    if person_ids:  # when people.yml itself is unreadable, its error is enough
        for step in steps:
            src = col.sources[step.path]
            performers = _raw(src, "performers", "person")
            customers = _raw(src, "customers", "person")
            owner = _get(src, ("owner",))
            owners: list[tuple[Loc, str]] = [(("owner",), owner)] if isinstance(owner, str) else []
            col.check_refs(step.path, performers + customers + owners, person_ids, "persoon")
            col.check_unique(step.path, performers, "medewerker")
            col.check_unique(step.path, customers, "interne klant")
        meetings_src = col.sources.get("meetings.yml")
        meetings_raw = _get(meetings_src, ("meetings",))
        attendees: list[tuple[Loc, str]] = []
        for i, meeting in enumerate(meetings_raw if isinstance(meetings_raw, list) else []):
            listed = meeting.get("attendees") if isinstance(meeting, dict) else None
            if isinstance(listed, list):  # anything else already has its own type error
                attendees += [(("meetings", i, "attendees", j), a) for j, a in enumerate(listed) if isinstance(a, str)]
        col.check_refs("meetings.yml", _raw(meetings_src, "meetings", "facilitator") + attendees, person_ids, "persoon")
        col.check_refs("actions.yml", _raw(col.sources.get("actions.yml"), "actions", "who"), person_ids, "persoon")
    actions_src = col.sources.get("actions.yml")
    col.check_refs("actions.yml", _raw(actions_src, "actions", "step"), step_ids, "stap")
    _check_agreements(col, step_ids)
    _check_for_step(col, steps, step_ids)
    if "meetings.yml" in col.sources or (col.data_dir / "meetings.yml").exists() is False:
        col.check_refs("actions.yml", _raw(actions_src, "actions", "meeting"), meeting_ids, "bijeenkomst")

    if col.problems or info is None or people is None or actions is None or meetings is None:
        raise DataError(col.problems)
    org = Organisation(
        info=info,
        people=tuple(people.people),
        steps=tuple(sorted(steps, key=lambda s: s.number)),
        actions=tuple(actions.actions),
        meetings=tuple(meetings.meetings),
        files={
            "organisation": "organisation.yml",
            "people": "people.yml",
            "actions": "actions.yml",
            "meetings": "meetings.yml",
        },
    )
    return Loaded(org, Path(data_dir), col.sources)
