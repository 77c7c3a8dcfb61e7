"""What the loader may read: data files that are plain files inside the folder, of a known kind, in bounds.

A symlink could put a system file on every page or in a public CI log, a
stray ``08-x.YML~`` would silently vanish from the site, and a folder of
gigabytes would exhaust memory before any check. Each function here returns
the problems it finds as Dutch messages that name the file, never what a link
points at or holds. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from .limits import MAX_DATA_BYTES, MAX_STEPS
from .problems import Problem
from .text import shown

DATA_FILES = ("organisation.yml", "people.yml", "actions.yml", "meetings.yml")
DATA_SUFFIXES = (".yml", ".yaml")  # in any case: 08-x.YML is a step file too


def display_path(path: Path) -> str:
    """The path as a person would type it from the current folder."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel.replace(os.sep, "/")


def refusal(data_dir: Path, rel: str) -> str | None:
    """Why the data file ``rel`` is not read (a link, or a folder), or None."""
    path = data_dir / rel
    if path.is_symlink():
        return (
            f"{shown(rel)} is een koppeling (symlink) naar een ander bestand; die wordt niet gelezen. "
            "Zet het bestand zelf in de map met gegevens."
        )
    if path.exists() and not path.is_file():
        return f"{shown(rel)} is een map, geen bestand; zet hier een YAML-bestand neer."
    return None


def step_files(data_dir: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The names of the step files in steps/, and (path, message) for everything else found there."""
    folder = data_dir / "steps"
    if folder.is_symlink():
        return [], [("steps", "steps/ is een koppeling (symlink); zet de map zelf in de map met gegevens.")]
    if not folder.is_dir():
        return [], [("steps", "map steps/ ontbreekt; zet daar één bestand per processtap, zoals 01-aanvraag.yml.")]
    names: list[str] = []
    problems: list[tuple[str, str]] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.lower().endswith(DATA_SUFFIXES) and not entry.is_dir():
            names.append(entry.name)
        else:
            # Never silently skipped: a step saved as .yml.txt or .YAML~ would vanish from the site.
            kind = "mapje" if entry.is_dir() and not entry.is_symlink() else "bestand"
            problems.append(
                (
                    f"steps/{entry.name}",
                    f"alleen stapbestanden (.yml of .yaml) horen in steps/; hernoem of verwijder dit {kind}.",
                )
            )
    if not names:
        problems.append(("steps", "geen stappen gevonden; zet één bestand per processtap in steps/."))
    if len(names) > MAX_STEPS:
        problems.append(("steps", f"{len(names)} stappen; de grens is {MAX_STEPS}. Voeg stappen samen."))
    return names, problems


def size_problem(data_dir: Path, overrides: Mapping[str, str]) -> str | None:
    """The data files together stay under MAX_DATA_BYTES (an edit's new text counts as it will be)."""
    files = [data_dir / name for name in DATA_FILES]
    steps = data_dir / "steps"
    if steps.is_dir() and not steps.is_symlink():
        files += list(steps.iterdir())
    total = 0
    for path in files:
        rel = path.relative_to(data_dir).as_posix()
        if rel in overrides:
            total += len(overrides[rel].encode("utf-8"))
        elif path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    if total <= MAX_DATA_BYTES:
        return None
    return (
        f"de gegevens zijn samen {total / 1_000_000:.1f} MB; de grens is {MAX_DATA_BYTES // 1_000_000} MB. "
        "Haal oude actiepunten en bijeenkomsten weg (ze blijven in de geschiedenis van git)."
    )


def outside_links(folder: Path, project: Path) -> list[Problem]:
    """Every symlink under ``folder`` (such as docs/) that points outside ``project``: one error each.

    MkDocs would copy the target into the site (a system file, a private note). The message names
    the link, never what it points at or holds.
    """
    root = project.resolve()
    found = []
    for base, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            path = Path(base) / name
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                message = (
                    "koppeling (symlink) naar iets buiten het project; die wordt niet gepubliceerd. "
                    "Zet het bestand zelf in de map, of haal de koppeling weg."
                )
                found.append(Problem(display_path(path), 1, 1, "error", message))
    return sorted(found)
