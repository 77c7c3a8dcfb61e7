"""Record action points and meetings in the data without hand-editing YAML.

Each edit reads the file in round-trip form (comments, key order and quotes
stay), changes it, checks the whole data folder as it would be after the edit
with the project's own loader, and only then writes the file, atomically; the
lock, the read and the write are in ``session.py``. Nothing here knows about
MkDocs or the command line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from . import roundtrip
from .append import append_item, appended
from .limits import ID_MAX, ID_PATTERN
from .load import display_path
from .problems import Problem
from .session import NEW_FILES as NEW_FILES
from .session import EditError as EditError
from .session import NotAsMeant, Notify, editing
from .text import hint, shown

ID = re.compile(ID_PATTERN)
TIME = re.compile(r"^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$")


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
    with editing(folder, "actions.yml", notify) as session:
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
        rel = "actions.yml"
        fast = session.text and append_item(session.text, before.sources[rel], "actions", dict(item))
        try:
            if not fast:
                raise NotAsMeant(rel)
            # A long file: the item goes in as text, and the check's own parse confirms it (macros/append.py).
            notes = session.commit(
                fast, today, as_meant=lambda after: appended(before.sources[rel], after.sources[rel], "actions", item)
            )
        except NotAsMeant:
            doc = session.document()
            roundtrip.append(roundtrip.block_list(doc.data, "actions"), item)
            notes = session.commit(doc.dump(), today)
        return Result(new_id, display_path(folder / "actions.yml"), f"actiepunt toegevoegd met code {new_id}", notes)


def set_action_status(
    folder: Path, action_id: str, status: str, *, today: dt.date, notify: Notify | None = None
) -> Result:
    """Set the status of one action point ('klaar' for done)."""
    with editing(folder, "actions.yml", notify) as session:
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
    with editing(folder, "meetings.yml", notify) as session:
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
    with editing(folder, "meetings.yml", notify) as session:
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
