"""Merge a meeting record into the data folder: ``handboek import``.

The needs and promises go into the step files, the action points into
actions.yml, the agreements and attendees into meetings.yml. Each file is read
in round-trip form (comments, key order and quotes stay), as ``edit`` does;
the whole folder is then checked as it would be after the merge, and only when
it has no errors are the changed files written. What is already in the data is
skipped, so a second import of the same record changes nothing.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import stat
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from . import edit, lock, roundtrip
from .load import Loaded, display_path, load
from .problems import DataError, Problem
from .record import NeedItem, Record, read
from .session import EditError, Notify, load_current, new_document, new_notes
from .text import shown
from .yamlsrc import decode

# Text made of these characters is written as it is; anything else (HTML, braces, quotes, line
# breaks, right-to-left marks ...) is written between double quotes, so that it reads as text.
_PLAIN = re.compile(r"[\w .,;:!?()'’‘/+%€&-]*")
_LOOKS_TYPED = re.compile(r"[\d\s:.,+-]*|(?i:y|n|yes|no|true|false|on|off|null)")
# Where a new list goes in an item that does not have it yet: after the last of these keys.
_MEETING_KEYS = ("id", "title", "date", "start", "location", "facilitator")
_LABELS = {
    "needs": ("behoefte", "behoeften"),
    "in_return": ("belofte terug", "beloften terug"),
    "agreements": ("afspraak", "afspraken"),
    "actions": ("actiepunt", "actiepunten"),
    "attendees": ("deelnemer", "deelnemers"),
}


@dataclass
class Change:
    """One data file as it is and as it would be after the merge."""

    rel: str
    before: str
    after: str


@dataclass
class Outcome:
    """What an import did (or, with a dry run, would do)."""

    changes: list[Change]
    added: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    action_ids: list[str] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    written: bool = False

    def summary(self) -> str:
        """One Dutch sentence: what was added and what was already there."""
        if not self.added:
            return "niets veranderd: alles uit het verslag staat al in de gegevens"
        parts = [_count(self.added[k], *_LABELS[k]) for k in _LABELS if self.added[k]]
        text = ("toegevoegd: " if self.written else "zou toevoegen: ") + ", ".join(parts)
        if self.action_ids:
            text += f" (nieuwe codes {', '.join(self.action_ids)})"
        skipped = sum(self.skipped.values())
        if skipped:
            text += f"; {_count(skipped, 'punt stond', 'punten stonden')} er al"
        return text


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def text(value: str) -> str:
    """A value from the record as YAML: plain when that is safe to read, else between double quotes.

    Numbers, times such as 08:30 and words such as 'yes' or 'off' are quoted too: an older YAML
    reader (YAML 1.1) would take them for a number or a yes/no value.
    """
    plain = _PLAIN.fullmatch(value) and value == value.strip() and not _LOOKS_TYPED.fullmatch(value)
    return value if plain else DoubleQuotedScalarString(value)


class _Files:
    """The round-trip documents that the merge changes, read once each."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.docs: dict[str, roundtrip.Document] = {}
        self.originals: dict[str, str] = {}
        self.raw: dict[str, bytes | None] = {}  # the bytes read, to check before writing that nobody changed them
        self.touched: set[str] = set()
        self.created: list[tuple[CommentedMap, str]] = []  # lists the merge added, for _settle

    def get(self, rel: str) -> Any:
        if rel not in self.docs:
            path = self.folder / rel
            roundtrip.remove_stale(path)  # left by an edit that was killed; the lock says none is running
            raw = path.read_bytes() if path.is_file() else None
            self.raw[rel] = raw
            self.originals[rel] = raw.decode("utf-8").removeprefix("\ufeff") if raw is not None else ""
            self.docs[rel] = roundtrip.Document(decode(raw)) if raw is not None else new_document(self.folder, rel)
        self.touched.add(rel)
        return self.docs[rel].data

    def changes(self) -> list[Change]:
        for node, key in self.created:
            _settle(node, key)
        out = []
        for rel in sorted(self.touched):
            after = self.docs[rel].dump()
            if after != self.originals[rel]:
                out.append(Change(rel, self.originals[rel], after))
        return out


def _list(
    node: CommentedMap, key: str, after: tuple[str, ...], created: list[tuple[CommentedMap, str]]
) -> CommentedSeq:
    """The list at ``node[key]``; when missing or empty, a block list right after the last key of ``after``."""
    seq = node.get(key)
    if isinstance(seq, CommentedSeq) and len(seq):
        return seq  # a list written on one line, [a, b], stays on one line
    if key not in node:
        last = next((k for k in reversed(after) if k in node), None)
        roundtrip.insert_after(node, last or "", key, CommentedSeq())
        created.append((node, key))
    return roundtrip.block_list(node, key)


def _settle(node: CommentedMap, key: str) -> None:
    """Comment lines that ended an item, moved onto a list the merge added there, go to that list's end."""
    token = roundtrip._comment(node, key)
    last = roundtrip._last_slot(node[key])
    if token is None or last is None or roundtrip._comment(*last) is not None:
        return
    node.ca.items[key][2] = None
    roundtrip._set_comment(*last, token)


def _need(item: NeedItem) -> CommentedMap:
    need = CommentedMap([("what", text(item.what))])
    for key in ("when", "form", "why"):
        value = getattr(item, key)
        if value:
            need[key] = text(value)
    return need


def _merge_needs(files: _Files, loaded: Loaded, record: Record, key: str, out: Outcome) -> None:
    for item in getattr(record, key):
        rel = loaded.org.step(item.step).path
        data = files.get(rel)
        customers = _list(data, "customers", ("name", "summary", "performers"), files.created)
        entry = next((c for c in customers if isinstance(c, CommentedMap) and c.get("person") == item.customer), None)
        if entry is None:
            entry = CommentedMap([("person", item.customer)])
            roundtrip.append(customers, entry)
        order = ("person",) if key == "needs" else ("person", "needs")
        listed = _list(entry, key, order, files.created)
        if any(isinstance(n, dict) and str(n.get("what", "")).strip() == item.what for n in listed):
            out.skipped[key] += 1
            continue
        roundtrip.append(listed, _need(item))
        out.added[key] += 1


def _merge_meeting(files: _Files, record: Record, out: Outcome) -> None:
    if not record.attendees and not record.agreements:
        return
    meetings = files.get("meetings.yml")["meetings"]
    meeting = next(m for m in meetings if isinstance(m, CommentedMap) and m.get("id") == record.meeting)
    if record.attendees:
        present = list(meeting.get("attendees") or [])
        new = [p for p in dict.fromkeys(record.attendees) if p not in present]
        out.skipped["attendees"] += len(dict.fromkeys(record.attendees)) - len(new)
        if new:
            attendees = _list(meeting, "attendees", _MEETING_KEYS, files.created)
            for person in new:
                roundtrip.append(attendees, person)
            out.added["attendees"] += len(new)
    for item in record.agreements:
        agreements = _list(meeting, "agreements", tuple(meeting), files.created)
        entry = next((a for a in agreements if isinstance(a, CommentedMap) and a.get("step") == item.step), None)
        if entry is None:
            entry = CommentedMap([("step", item.step)])
            roundtrip.append(agreements, entry)
        points = _list(entry, "points", ("step",), files.created)
        if any(str(p).strip() == item.point for p in points):
            out.skipped["agreements"] += 1
            continue
        roundtrip.append(points, text(item.point))
        out.added["agreements"] += 1


def _merge_actions(files: _Files, loaded: Loaded, record: Record, out: Outcome) -> None:
    if not record.actions:
        return
    existing = {(a.what.strip(), a.who, a.due) for a in loaded.org.actions}
    ids = [a.id for a in loaded.org.actions]
    data = files.get("actions.yml")
    actions = roundtrip.block_list(data, "actions")
    for item in record.actions:
        if (item.what, item.who, item.due) in existing:
            out.skipped["actions"] += 1
            continue
        existing.add((item.what, item.who, item.due))
        new_id = edit.next_id(ids)
        ids.append(new_id)
        entry = CommentedMap(
            [("id", new_id), ("what", text(item.what)), ("who", item.who), ("due", item.due), ("status", "open")]
        )
        if item.step is not None:
            entry["step"] = item.step
        entry["meeting"] = record.meeting
        roundtrip.append(actions, entry)
        out.action_ids.append(new_id)
        out.added["actions"] += 1


def import_record(
    folder: Path, record_path: Path, *, today: dt.date, dry_run: bool = False, notify: Notify | None = None
) -> Outcome:
    """Merge the record at ``record_path`` into ``folder``; with ``dry_run`` only compute the changes.

    Raises ``RecordError`` for a record that cannot be read or names unknown codes, and
    ``EditError`` when the data has errors now or would have them after the merge, or when a
    file changed on disk during the import. Nothing is written unless every file checks out.
    The whole read-check-write holds the data folder's lock, like every other edit.
    """
    try:
        with lock.hold(folder, notify=notify):
            return _import(folder, record_path, today=today, dry_run=dry_run)
    except lock.LockTimeout as exc:
        raise EditError(str(exc)) from None


def _import(folder: Path, record_path: Path, *, today: dt.date, dry_run: bool) -> Outcome:
    before = load_current(folder)
    record = read(record_path, before.org)
    files = _Files(folder)
    out = Outcome([])
    _merge_needs(files, before, record, "needs", out)
    _merge_needs(files, before, record, "in_return", out)
    _merge_meeting(files, record, out)
    _merge_actions(files, before, record, out)
    out.changes = files.changes()
    if not out.changes:
        return out
    try:
        after = load(folder, overrides={c.rel: c.after for c in out.changes})
    except DataError as exc:
        raise EditError(
            "het verslag is niet ingevoerd, want de gegevens zouden dan fouten hebben:", exc.problems
        ) from None
    out.notes = new_notes(before, after, today)
    if dry_run:
        return out
    _write_all(folder, out.changes, files.raw)
    out.written = True
    return out


def _write_all(folder: Path, changes: list[Change], read: dict[str, bytes | None]) -> None:
    """Write every changed file: first all to temporary files beside them, then rename them in one go.

    When a write fails (a full disk, a file that cannot be opened), or a file no longer holds the
    bytes that were read (someone saved it by hand meanwhile), the temporary files are removed
    and no data file has changed. A file with a byte-order mark keeps it.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for change in changes:
            path = folder / change.rel
            bom = path.is_file() and path.read_bytes().startswith(b"\xef\xbb\xbf")
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((tmp, path))
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(("\ufeff" if bom else "") + change.after)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~roundtrip.umask())
        for change in changes:
            path = folder / change.rel
            now = path.read_bytes() if path.is_file() else None
            if now != read.get(change.rel):
                raise EditError(
                    f"{shown(display_path(path))} is tijdens het invoeren door iemand anders opgeslagen of veranderd. "
                    "Er is niets geschreven, dus die wijziging staat er nog. Voer de opdracht opnieuw uit."
                )
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)


def diff(changes: list[Change], folder: Path) -> str:
    """A unified diff per file, with the paths as a person would type them."""
    out: list[str] = []
    for change in changes:
        name = display_path(folder / change.rel)
        out.extend(
            difflib.unified_diff(
                change.before.splitlines(keepends=True),
                change.after.splitlines(keepends=True),
                fromfile=f"{name} (nu)",
                tofile=f"{name} (na het invoeren)",
            )
        )
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)
