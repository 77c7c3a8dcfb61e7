"""Record action points and meetings in the data without hand-editing YAML.

Each edit reads the file in round-trip form (comments, key order and quotes
stay), changes it, checks the whole data folder as it would be after the edit
with the project's own loader, and only then writes the file, atomically.
Nothing here knows about MkDocs or the command line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from . import lock, roundtrip, schema
from .append import append_item
from .load import Loaded, display_path, load
from .model import ID_MAX, ID_PATTERN
from .problems import DataError, Problem
from .rules import check
from .text import hint, shown
from .yamlsrc import YamlProblem, decode

ID = re.compile(ID_PATTERN)
TIME = re.compile(r"^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$")
# A new actions.yml or meetings.yml, written by an edit or by 'handboek init' (scaffold.py): the text is here once.
NEW_FILES = {
    "actions.yml": """\
# Actiepunten: wat, wie, wanneer. Status is open, bezig of klaar.
# Voeg ze toe met: handboek action add --what "..." --who code --due JJJJ-MM-DD
actions: []
""",
    "meetings.yml": """\
# Bijeenkomsten over interne klanten, met de datum van de vervolgbijeenkomst.
# Voeg ze toe met: handboek meeting add --title "..." --date JJJJ-MM-DD
meetings: []
""",
}
Notify = Callable[[str], None]


class EditError(Exception):
    """An edit that cannot be made; ``problems`` lists data errors behind it, if any."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)


@dataclass(frozen=True)
class Result:
    """What an edit did: the code of the item, the file written, and new reminders."""

    id: str
    path: str
    message: str
    notes: list[Problem] = field(default_factory=list)


def parse_date(text: str) -> dt.date:
    """A date written as JJJJ-MM-DD or DD-MM-JJJJ."""
    value = text.strip()
    for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{shown(text)}' is geen datum. Schrijf JJJJ-MM-DD, zoals 2026-12-15.")


def parse_time(text: str) -> str:
    """A start time as 'UU:MM' (also accepts 8:30 and 8.30)."""
    match = TIME.match(text.strip())
    if not match:
        raise ValueError(f"'{shown(text)}' is geen tijd. Schrijf UU:MM, zoals 08:30.")
    return f"{int(match[1]):02d}:{match[2]}"


def parse_id(text: str) -> str:
    """A code: small letters, digits and hyphens."""
    if not ID.match(text) or len(text) > ID_MAX:
        raise ValueError(
            f"'{shown(text)}' is geen geldige code. Gebruik kleine letters, cijfers en streepjes, zoals 'erik-smit' of 'ap-09'."
        )
    return text


def _known(value: str, known: Iterable[str], unknown: str, option: str) -> None:
    names = set(known)
    if value in names:
        return
    raise EditError(f"{option}: {unknown} '{shown(value)}'.{hint(value, names, empty=' Bekend: nog niets.')}")


@dataclass
class _Session:
    """One edit of one file, inside the folder's lock: the bytes read, and the folder as loaded with them."""

    folder: Path
    rel: str
    raw: bytes | None
    text: str | None
    before: Loaded

    def document(self) -> roundtrip.Document:
        if self.text is not None:
            return roundtrip.Document(self.text)
        first = _schema_line(self.folder, self.rel)
        return roundtrip.Document((first + "\n" if first else "") + NEW_FILES[self.rel])

    def commit(self, text: str, today: dt.date) -> list[Problem]:
        """Check the folder as it would be with ``text``; write only when it has no errors and the file is as read."""
        try:
            after = load(self.folder, overrides={self.rel: text})
        except DataError as exc:
            raise EditError(
                "de wijziging is niet opgeslagen, want de gegevens zouden dan fouten hebben:", exc.problems
            ) from None
        if self.raw is not None and self.raw.startswith(b"\xef\xbb\xbf"):
            text = "\ufeff" + text  # the file had a byte-order mark: keep it, so the diff shows only the edit
        path = self.folder / self.rel
        try:
            roundtrip.write_atomic(path, text, expected=self.raw)
        except roundtrip.ChangedMeanwhile:
            raise EditError(
                f"{shown(display_path(path))} is tijdens deze bewerking door iemand anders opgeslagen of veranderd. "
                "Er is niets geschreven, dus die wijziging staat er nog. Voer de opdracht opnieuw uit."
            ) from None
        seen = {(p.path, p.message) for p in check(self.before, today)}
        return [p for p in check(after, today) if (p.path, p.message) not in seen]


@contextmanager
def _editing(folder: Path, rel: str, notify: Notify | None) -> Iterator[_Session]:
    """Lock the folder, read ``rel`` once and load the whole folder with exactly those bytes."""
    try:
        with lock.hold(folder, notify=notify):
            path = folder / rel
            roundtrip.remove_stale(path)  # left by an edit that was killed; the lock says none is running
            raw = text = None
            overrides = {}
            if path.is_file() and not path.is_symlink():
                raw = path.read_bytes()
                try:
                    text = decode(raw)
                    overrides[rel] = text
                except YamlProblem:
                    pass  # the loader reads the file itself and reports the problem at its place
            try:
                before = load(folder, overrides=overrides)
            except DataError as exc:
                raise EditError(
                    "de gegevens bevatten al fouten; er is niets veranderd. Herstel eerst de regels hierboven.",
                    exc.problems,
                ) from None
            yield _Session(folder, rel, raw, text, before)
    except lock.LockTimeout as exc:
        raise EditError(str(exc)) from None


def _schema_line(folder: Path, rel: str) -> str | None:
    """The schema line for a new file, in the style of people.yml beside it."""
    try:
        first = (folder / "people.yml").read_text(encoding="utf-8").splitlines()[0]
    except (OSError, IndexError, UnicodeDecodeError):
        return None
    if not first.startswith(schema.HEADER):
        return None
    schema_dir = (folder / first.removeprefix(schema.HEADER).strip()).parent
    return schema.header(rel, schema_dir, folder)


def next_id(existing: Iterable[str], prefix: str = "ap-") -> str:
    """The next free code in the series ``ap-01``, ``ap-02``, ..."""
    numbers = [m[1] for m in (re.match(rf"^{re.escape(prefix)}(\d+)$", i) for i in existing) if m]
    width = max([2, *(len(n) for n in numbers)])
    return f"{prefix}{max([0, *(int(n) for n in numbers)]) + 1:0{width}d}"


def add_action(
    folder: Path,
    *,
    what: str,
    who: str,
    due: dt.date,
    today: dt.date,
    step: str | None = None,
    meeting: str | None = None,
    status: str = "open",
    action_id: str | None = None,
    notify: Notify | None = None,
) -> Result:
    """Append an action point to actions.yml and return its code."""
    with _editing(folder, "actions.yml", notify) as session:
        before = session.before
        org = before.org
        what = " ".join(what.split())
        if not what:
            raise EditError("--what: vul in wat er moet gebeuren.")
        _known(who, (p.id for p in org.people), "onbekende persoon", "--who")
        if step is not None:
            _known(step, (s.id for s in org.steps), "onbekende stap", "--step")
        if meeting is not None:
            _known(meeting, (m.id for m in org.meetings), "onbekende bijeenkomst", "--meeting")
        ids = [a.id for a in org.actions]
        if action_id is not None and action_id in ids:
            raise EditError(f"--id: actiepunt '{action_id}' bestaat al; kies een andere code of laat --id weg.")
        new_id = action_id or next_id(ids)
        item = CommentedMap([("id", new_id), ("what", what), ("who", who), ("due", due), ("status", status)])
        if step is not None:
            item["step"] = step
        if meeting is not None:
            item["meeting"] = meeting
        fast = session.text and append_item(session.text, before.sources["actions.yml"], "actions", dict(item))
        if fast:
            text = fast
        else:
            doc = session.document()
            roundtrip.append(roundtrip.block_list(doc.data, "actions"), item)
            text = doc.dump()
        notes = session.commit(text, today)
        return Result(new_id, display_path(folder / "actions.yml"), f"actiepunt toegevoegd met code {new_id}", notes)


def set_action_status(
    folder: Path, action_id: str, status: str, *, today: dt.date, notify: Notify | None = None
) -> Result:
    """Set the status of one action point ('klaar' for done)."""
    with _editing(folder, "actions.yml", notify) as session:
        before = session.before
        ids = [a.id for a in before.org.actions]
        _known(action_id, ids, "onbekend actiepunt", "ID")
        rel = "actions.yml"
        path = display_path(folder / rel)
        current = before.org.actions[ids.index(action_id)]
        if current.status == status:
            return Result(action_id, path, f"actiepunt {action_id} stond al op '{status}'; niets veranderd")
        doc = session.document()
        item = next(i for i in doc.data["actions"] if i.get("id") == action_id)
        if "status" in item:
            roundtrip.replace(item, "status", status)
        else:
            roundtrip.insert_after(item, "due", "status", status)
        notes = session.commit(doc.dump(), today)
        return Result(action_id, path, f"actiepunt {action_id} staat op '{status}'", notes)


def meeting_id(date: dt.date, existing: Iterable[str]) -> str:
    """'bijeenkomst-2026-10', or with '-2', '-3' ... when that code is taken."""
    taken = set(existing)
    base = f"bijeenkomst-{date:%Y-%m}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def add_meeting(
    folder: Path,
    *,
    title: str,
    date: dt.date,
    today: dt.date,
    start: str | None = None,
    location: str | None = None,
    facilitator: str | None = None,
    attendees: Sequence[str] = (),
    follow_up: dt.date | None = None,
    new_id: str | None = None,
    notify: Notify | None = None,
) -> Result:
    """Append a meeting to meetings.yml and return its code."""
    with _editing(folder, "meetings.yml", notify) as session:
        before = session.before
        org = before.org
        title = " ".join(title.split())
        if not title:
            raise EditError("--title: geef de bijeenkomst een titel.")
        people = [p.id for p in org.people]
        if facilitator is not None:
            _known(facilitator, people, "onbekende persoon", "--facilitator")
        for person in attendees:
            _known(person, people, "onbekende persoon", "--attendees")
        if len(set(attendees)) != len(attendees):
            raise EditError("--attendees: noem elke deelnemer één keer.")
        if follow_up is not None and follow_up <= date:
            raise EditError("--follow-up: de vervolgbijeenkomst moet na de bijeenkomst zelf zijn.")
        ids = [m.id for m in org.meetings]
        if new_id is not None and new_id in ids:
            raise EditError(f"--id: bijeenkomst '{new_id}' bestaat al; kies een andere code of laat --id weg.")
        code = new_id or meeting_id(date, ids)
        item = CommentedMap([("id", code), ("title", title), ("date", date)])
        if start is not None:
            item["start"] = DoubleQuotedScalarString(start)  # quoted, as in the examples: 08:30 is text
        optional = {"location": " ".join((location or "").split()), "facilitator": facilitator}
        item.update({k: v for k, v in optional.items() if v})
        if attendees:
            item["attendees"] = list(attendees)
            roundtrip.block_list(item, "attendees")
        if follow_up is not None:
            item["follow_up"] = follow_up
        doc = session.document()
        roundtrip.append(roundtrip.block_list(doc.data, "meetings"), item)
        notes = session.commit(doc.dump(), today)
        return Result(code, display_path(folder / "meetings.yml"), f"bijeenkomst toegevoegd met code {code}", notes)


def add_agreement(
    folder: Path, meeting: str, *, step: str, points: Sequence[str], today: dt.date, notify: Notify | None = None
) -> Result:
    """Add what was agreed for one step to a meeting in meetings.yml (for the memo)."""
    with _editing(folder, "meetings.yml", notify) as session:
        before = session.before
        org = before.org
        _known(meeting, (m.id for m in org.meetings), "onbekende bijeenkomst", "CODE")
        _known(step, (s.id for s in org.steps), "onbekende stap", "--step")
        texts = [" ".join(p.split()) for p in points]
        if not texts or not all(texts):
            raise EditError("--point: vul in wat er is afgesproken.")
        doc = session.document()
        item = next(i for i in doc.data["meetings"] if i.get("id") == meeting)
        agreements = roundtrip.block_list(item, "agreements")
        entry = next((a for a in agreements if a.get("step") == step), None)
        if entry is None:
            roundtrip.append(agreements, CommentedMap([("step", step), ("points", texts)]))
            roundtrip.block_list(agreements[-1], "points")
        else:
            for text in texts:
                roundtrip.append(roundtrip.block_list(entry, "points"), text)
        notes = session.commit(doc.dump(), today)
        count = f"{len(texts)} {'afspraak' if len(texts) == 1 else 'afspraken'}"
        return Result(meeting, display_path(folder / "meetings.yml"), f"{count} voor stap {step} vastgelegd", notes)
