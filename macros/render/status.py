"""Whether the meeting is still coming or already held, and what that means for the facilitator's pages.

When the latest meeting lies before ``today``, the pages say so at the top and
point to the follow-up; the preparation page lists the open action points to
go through in that follow-up.
"""

from __future__ import annotations

import datetime as dt

from .. import analysis
from ..agenda import follow_up
from ..model import Meeting, Organisation
from ..nl import date_nl
from .escape import h
from .links import PAGES, a, person_url, rel


def is_past(meeting: Meeting | None, today: dt.date) -> bool:
    """True when the meeting was held before today."""
    return meeting is not None and meeting.date < today


def _when(day: dt.date) -> str:
    return f'<time datetime="{day.isoformat()}">{date_nl(day)}</time>'


def past_notice(meeting: Meeting | None, today: dt.date, *, extra: str = "", screen_only: bool = False) -> str:
    """A notice for a held meeting: when it was, and when the follow-up is (or was). Empty when still coming."""
    if meeting is None or not is_past(meeting, today):
        return ""
    day, default = follow_up(meeting)
    lines = [f"Deze bijeenkomst was op {_when(meeting.date)}."]
    if day >= today:
        planned = " (nog niet vastgelegd)" if default else ""
        lines.append(
            f"De volgende is de vervolgbijeenkomst op {_when(day)}{planned}. "
            "Daarin bespreek je hoe het gaat met de actiepunten."
        )
    else:
        lines.append(
            f"Ook de vervolgbijeenkomst van {_when(day)} is voorbij. Spreek een nieuwe datum af "
            "en geef die door aan de beheerder van het handboek."
        )
    if extra:
        lines.append(extra)
    cls = "hb-notice hb-past" + (" hb-screen-only" if screen_only else "")
    return f'<div class="{cls}" role="note"><p><strong>Al geweest.</strong> {" ".join(lines)}</p></div>'


def overview_notice(meeting: Meeting | None, today: dt.date, here: str) -> str:
    """The notice for /bijeenkomst/, pointing to the points to go through in the follow-up."""
    prep = a(here, PAGES["voorbereiding"], "voorbereiding")
    return past_notice(meeting, today, extra=f"De open actiepunten om te bespreken staan bij de {prep}.")


def follow_up_agenda(org: Organisation, meeting: Meeting, today: dt.date, here: str) -> str:
    """Markdown: the open action points to go through in the follow-up, late ones marked."""
    day, _ = follow_up(meeting)
    points = analysis.open_of(org)
    heading = f"## Voor de vervolgbijeenkomst op {date_nl(day)}"
    if not points:
        return (
            heading + "\n\n" + '<p class="hb-empty">Alle actiepunten zijn klaar. Bespreek of de afspraken werken.</p>'
        )
    late = sum(x.is_overdue(today) for x in points)
    count = f"{len(points)} {'actiepunt staat' if len(points) == 1 else 'actiepunten staan'} nog open"
    lead = f"{count}, waarvan {late} te laat." if late else f"{count}."
    rows = []
    for x in points:
        status = '<strong class="hb-late">te laat</strong>' if x.is_overdue(today) else "op tijd"
        rows.append(
            f'<tr class="{"hb-row-late" if x.is_overdue(today) else ""}">'
            f'<td data-label="Wat">{h(x.what)}</td>'
            f'<td data-label="Wie">{a(here, person_url(x.who), org.person(x.who).name)}</td>'
            f'<td data-label="Klaar op">{_when(x.due)}</td><td data-label="Stand">{status}</td></tr>'
        )
    table = (
        '<div class="hb-table-wrap"><table class="hb-table hb-stack hb-follow-up">'
        '<thead><tr><th scope="col">Wat</th><th scope="col">Wie</th><th scope="col">Klaar op</th>'
        f'<th scope="col">Stand</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )
    register = f'<a href="{h(rel(here, PAGES["actiepunten"]))}">actiepunten</a>'
    intro = (
        f"<p>Loop in de vervolgbijeenkomst deze punten samen door. {lead} Vraag bij elk punt: is het klaar, "
        f"wat loopt nog, en wat moet anders? Alle punten staan ook bij de {register}.</p>"
    )
    return heading + "\n\n" + intro + "\n\n" + table
