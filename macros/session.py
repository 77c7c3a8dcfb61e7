"""One edit of one data file: the folder's lock, one read, a check, and a write over exactly what was read.

``editing(folder, rel)`` takes the lock (``lock.py``), removes temporary files
of a killed edit, reads ``rel`` once and loads the whole folder with those
bytes. ``Session.commit`` checks the folder as it would be with the new text
and writes it only when it has no errors and the file on disk still holds the
bytes that were read. Nothing here knows about MkDocs or the command line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import lock, roundtrip, schema
from .load import Loaded, display_path, load
from .problems import DataError, Problem
from .rules import check
from .text import shown
from .yamlsrc import YamlProblem, decode

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


class NotAsMeant(Exception):
    """The new text does not hold what the edit meant to write; nothing was written."""


@dataclass
class Session:
    """One edit of one file, inside the folder's lock: the bytes read, and the folder as loaded with them."""

    folder: Path
    rel: str
    raw: bytes | None
    text: str | None
    before: Loaded

    def document(self) -> roundtrip.Document:
        return roundtrip.Document(self.text) if self.text is not None else new_document(self.folder, self.rel)

    def commit(self, text: str, today: dt.date, *, as_meant: Callable[[Loaded], bool] | None = None) -> list[Problem]:
        """Check the folder as it would be with ``text``; write only when it has no errors and the file is as read.

        ``as_meant`` can refuse the loaded result before anything is written (NotAsMeant): a text edit
        checks with it that it changed exactly what it meant to.
        """
        try:
            after = load(self.folder, overrides={self.rel: text})
        except DataError as exc:
            raise EditError(
                "de wijziging is niet opgeslagen, want de gegevens zouden dan fouten hebben:", exc.problems
            ) from None
        if as_meant is not None and not as_meant(after):
            raise NotAsMeant(self.rel)
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
        return new_notes(self.before, after, today)


def new_notes(before: Loaded, after: Loaded, today: dt.date) -> list[Problem]:
    """The method's warnings that an edit brought: those of ``after`` that ``before`` did not have."""
    seen = {(p.path, p.message) for p in check(before, today)}
    return [p for p in check(after, today) if (p.path, p.message) not in seen]


@contextmanager
def editing(folder: Path, rel: str, notify: Notify | None) -> Iterator[Session]:
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
            yield Session(folder, rel, raw, text, load_current(folder, overrides))
    except lock.LockTimeout as exc:
        raise EditError(str(exc)) from None


def load_current(folder: Path, overrides: dict[str, str] | None = None) -> Loaded:
    """The folder as it is before an edit; data that already has errors stops every edit."""
    try:
        return load(folder, overrides=overrides)
    except DataError as exc:
        raise EditError(
            "de gegevens bevatten al fouten; er is niets veranderd. Herstel eerst de regels hierboven.",
            exc.problems,
        ) from None


def new_document(folder: Path, rel: str) -> roundtrip.Document:
    """A data file that does not exist yet (actions.yml, meetings.yml), with the schema line of its folder."""
    first = _schema_line(folder, rel)
    return roundtrip.Document((first + "\n" if first else "") + NEW_FILES[rel])


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
