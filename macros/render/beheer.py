"""Parts of the maintainer guide (/beheer/) that come from the data: the files and example commands."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import analysis
from ..agenda import follow_up_horizon
from ..organisation import Organisation
from .parts import macros

HERE = "beheer/"


@dataclass(frozen=True)
class FilesView:
    org: Organisation
    source_dir: str
    paths: dict[str, str]  # 'organisation', 'people', 'actions', 'meetings': the path shown for each file
    open: int  # open action points


def data_files(org: Organisation, *, source_dir: str = "data", here: str = HERE) -> str:
    """A table of every data file: what is in it and which page shows it."""
    paths = {
        key: f"{source_dir}/{org.files.get(key, f'{key}.yml')}"
        for key in ("organisation", "people", "actions", "meetings")
    }
    view = FilesView(org, source_dir, paths, len(analysis.open_of(org)))
    return str(macros("beheer.html").data_files(view, here))


def example_commands(org: Organisation, kind: str, *, today: dt.date) -> str:
    """A command block with real codes from the data, so that it can be copied and adapted.

    ``kind`` is 'action' or 'meeting'.
    """
    person = org.people[-1].id if org.people else "voornaam-achternaam"
    step = org.steps[0].id if org.steps else "aanvraag-opname"
    if kind == "action":
        due = today + dt.timedelta(days=28)
        meeting = f" --meeting {org.meetings[-1].id}" if org.meetings else ""
        open_ones = [x.id for x in org.actions if x.is_open]
        done = open_ones[0] if open_ones else "ap-01"
        return _pre(
            [
                f'handboek action add --what "Checklist voor de opname maken" --who {person} '
                f"--due {due.isoformat()} --step {step}{meeting}",
                f"handboek action done {done}",
            ]
        )
    if kind == "meeting":
        day = today + dt.timedelta(days=14)
        follow = follow_up_horizon(day)
        facilitator = org.people[0].id if org.people else person
        attendees = ",".join(p.id for p in org.people[1:4]) or person
        return _pre(
            [
                f'handboek meeting add --title "Wat hebben onze interne klanten nodig?" --date {day.isoformat()} '
                f'--start 08:30 --location "Kantine" --facilitator {facilitator} '
                f"--attendees {attendees} --follow-up {follow.isoformat()}",
            ]
        )
    raise ValueError(f"unknown kind of example: {kind}")


def _pre(lines: list[str]) -> str:
    return str(macros("beheer.html").commands(lines))
