"""Find the data folder and the date, and load the data once per build."""

from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from pathlib import Path

from ..load import Loaded, load

DATA_ENV = "HANDBOOK_DATA"
TODAY_ENV = "HANDBOOK_TODAY"

_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], Loaded]] = {}
# Folders checked at the start of the running build: within one build the files are not walked again.
_in_build: set[Path] = set()


def data_dir(project_dir: str | os.PathLike[str]) -> Path:
    """The data folder: $HANDBOOK_DATA, or data/ beside mkdocs.yml."""
    return _data_dir(os.environ.get(DATA_ENV), os.fspath(project_dir), os.getcwd())


@lru_cache(maxsize=64)  # asked for on every page; resolving a path asks the file system
def _data_dir(chosen: str | None, project_dir: str, cwd: str) -> Path:  # cwd: a relative path depends on it
    return Path(chosen).expanduser().resolve() if chosen else (Path(project_dir) / "data").resolve()


def today() -> dt.date:
    """The date that decides what is overdue: $HANDBOOK_TODAY (JJJJ-MM-DD) or today."""
    fixed = os.environ.get(TODAY_ENV)
    if fixed:
        try:
            return parse_today(fixed, TODAY_ENV)
        except ValueError as exc:
            raise SystemExit(str(exc)) from None
    return dt.date.today()


def parse_today(text: str, name: str) -> dt.date:
    """A date written JJJJ-MM-DD; ``name`` (the setting) is in the message when it is not one."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{name}={text!r} is geen datum; schrijf JJJJ-MM-DD.") from None


def _signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def load_once(folder: Path) -> Loaded:
    """Load the folder, or return the earlier result if no file changed since.

    During a build (between ``start_build`` and ``end_build``) the result of
    the check at its start is used as it is: a macro on every page must not
    walk the data folder again.
    """
    hit = _cache.get(folder)
    if hit and folder in _in_build:
        return hit[1]
    signature = _signature(folder)
    if hit and hit[0] == signature:
        return hit[1]
    loaded = load(folder)
    _cache[folder] = (signature, loaded)
    return loaded


def start_build(folder: Path) -> Loaded:
    """Check the files once at the start of a build (every rebuild of mkdocs serve too) and load them if changed."""
    _in_build.discard(folder)
    loaded = load_once(folder)
    _in_build.add(folder)
    return loaded


def end_build() -> None:
    """After a build, or when it failed: the next access checks the files again."""
    _in_build.clear()


def source_prefix(folder: Path, project_dir: str | os.PathLike[str]) -> str:
    """The data folder as a path inside the repository, for edit links and source notes."""
    return _source_prefix(folder, os.fspath(project_dir))


@lru_cache(maxsize=64)
def _source_prefix(folder: Path, project_dir: str) -> str:  # both absolute here
    try:
        return folder.relative_to(Path(project_dir).resolve()).as_posix()
    except ValueError:
        return "data"
