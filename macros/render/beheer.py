"""Parts of the maintainer guide (/beheer/) that come from the data: the files and example commands."""

from __future__ import annotations

import datetime as dt

from .. import analysis
from ..agenda import follow_up_horizon
from ..model import Organisation
from .escape import h
from .links import PAGES, a, step_url

HERE = "beheer/"


def _row(path: str, content: str, page: str) -> str:
    # <wbr> lets a long path wrap after a slash on a phone instead of in the middle of a word.
    shown = h(path).replace("/", "/<wbr>")
    return (
        f'<tr><td data-label="Bestand"><code>{shown}</code></td>'
        f'<td data-label="Wat erin staat">{content}</td><td data-label="Pagina">{page}</td></tr>'
    )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def data_files(org: Organisation, *, source_dir: str = "data", here: str = HERE) -> str:
    """A table of every data file: what is in it and which page shows it."""
    open_actions = len(analysis.open_of(org))
    rows = [
        _row(
            f"{source_dir}/{org.files.get('organisation', 'organisation.yml')}",
            f"De naam ({h(org.info.name)}), de omschrijving en de externe klant.",
            a(here, PAGES["home"], "Start"),
        ),
        _row(
            f"{source_dir}/{org.files.get('people', 'people.yml')}",
            f"{_count(len(org.people), 'persoon', 'mensen')}: code, naam, functie, team en werkplek.",
            a(here, PAGES["mensen"], "Mensen") + " en een pagina per persoon",
        ),
    ]
    for step in org.steps:
        rows.append(
            _row(
                f"{source_dir}/{step.path}",
                f"Stap {step.number}: wie er werkt, de interne klant en wat die nodig heeft.",
                a(here, step_url(step.id), step.name),
            )
        )
    rows.append(
        _row(
            f"{source_dir}/{org.files.get('actions', 'actions.yml')}",
            f"{_count(len(org.actions), 'actiepunt', 'actiepunten')}, waarvan {open_actions} nog niet klaar.",
            "de pagina's van de stappen en de mensen",
        )
    )
    rows.append(
        _row(
            f"{source_dir}/{org.files.get('meetings', 'meetings.yml')}",
            f"{_count(len(org.meetings), 'bijeenkomst', 'bijeenkomsten')}, met de datum van de vervolgbijeenkomst.",
            "de pagina's over de bijeenkomst",
        )
    )
    head = "<thead><tr><th>Bestand</th><th>Wat erin staat</th><th>Pagina</th></tr></thead>"
    return (
        '<div class="hb-table-wrap"><table class="hb-table hb-stack hb-files">'
        "<caption>De bestanden met gegevens</caption>"
        f"{head}<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _pre(lines: list[str]) -> str:
    return '<pre class="hb-command"><code>' + h("\n".join(lines)) + "</code></pre>"


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
