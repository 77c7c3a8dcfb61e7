"""The memo to all staff after a meeting (/bijeenkomst/memo/), printable and as plain text for an e-mail."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import analysis
from ..agenda import current_meeting, follow_up, held_meeting, next_meeting
from ..model import Action, Meeting
from ..nl import date_nl
from ..organisation import Organisation, Step
from .links import PAGES
from .meeting import CalendarView, calendar_view, no_meeting
from .parts import ActionRow, action_rows, macros

HERE = PAGES["memo"]


@dataclass(frozen=True)
class MemoView:
    meeting: Meeting
    name: str  # the organisation
    sender: str | None  # the facilitator's name
    count: int  # how many colleagues were there
    agreements: list[tuple[Step, list[str]]]
    actions: list[ActionRow]
    follow_up: dt.date
    default: bool  # the follow-up is not fixed yet
    present: list[str]  # names; the facilitator marked as such when not an attendee
    text: str  # the plain text for the e-mail
    calendar: CalendarView


def _present(org: Organisation, meeting: Meeting) -> list[str]:
    """The attendees, and the facilitator when not among them."""
    present = [org.person(p).name for p in meeting.attendees]
    if meeting.facilitator and meeting.facilitator not in meeting.attendees:
        present.append(f"{org.person(meeting.facilitator).name} (begeleider)")
    return present


def _actions(org: Organisation, meeting: Meeting) -> list[Action]:
    return sorted((x for x in org.actions if x.meeting == meeting.id), key=lambda x: (x.due, x.id))


def _intro(org: Organisation, meeting: Meeting) -> str:
    """The memo's opening sentences as plain text: the same words as on the page (``memo.html``)."""
    return str(macros("memo.html").intro(meeting.date, len(analysis.present(meeting))).unescape())


def plain_text(org: Organisation, meeting: Meeting) -> str:
    """The memo as plain text, ready to paste into an e-mail."""
    day, default = follow_up(meeting)
    lines = [f"Onderwerp: Afspraken uit de bijeenkomst van {date_nl(meeting.date)}", "", "Beste collega's,", ""]
    lines += [_intro(org, meeting), ""]
    if meeting.goal:
        lines += [f"Waarom we bij elkaar kwamen. Het doel was: “{' '.join(meeting.goal.split())}”", ""]
    lines += ["WAT WE HEBBEN AFGESPROKEN", ""]
    if not meeting.agreements:
        lines += ["Er zijn nog geen afspraken vastgelegd.", ""]
    for agreement in meeting.agreements:
        step = org.step(agreement.step)
        lines.append(f"{step.number}. {step.name}")
        lines += [f"- {' '.join(p.split())}" for p in agreement.points]
        lines.append("")
    lines += ["ACTIEPUNTEN (wat, wie, wanneer)", ""]
    actions = _actions(org, meeting)
    lines += [f"- {x.what.strip().rstrip('.')} ({org.person(x.who).name}, {date_nl(x.due)})" for x in actions] or [
        "- geen"
    ]
    lines += ["", "VERVOLG", ""]
    lines.append(
        f"Op {date_nl(day)} kijken we samen hoe het gaat."
        + (" De precieze datum volgt nog." if default else "")
        + " Merk je eerder dat een afspraak niet werkt? Zeg het dan tegen "
        + (org.person(meeting.facilitator).name if meeting.facilitator else "de begeleider")
        + "."
    )
    lines += ["", "Met vriendelijke groet,", org.person(meeting.facilitator).name if meeting.facilitator else ""]
    return "\n".join(lines).rstrip() + "\n"


def memo(org: Organisation, meeting_id: str | None = None, *, today: dt.date | None = None) -> str:
    """Markdown of the memo page: the memo itself, then the plain text to copy.

    With ``today`` the memo is about the latest meeting held by then: a meeting that is
    only planned has no agreements to send yet.
    """
    meeting = held_meeting(org, today) if today is not None and meeting_id is None else current_meeting(org, meeting_id)
    page = macros("memo.html")
    if meeting is None:
        planned = next_meeting(org, today) if today is not None else None
        if planned is not None:
            return str(page.planned(planned.date))
        return no_meeting() + "\n"
    day, default = follow_up(meeting)
    view = MemoView(
        meeting=meeting,
        name=org.info.name,
        sender=org.person(meeting.facilitator).name if meeting.facilitator else None,
        count=len(analysis.present(meeting)),
        agreements=[(org.step(a.step), list(a.points)) for a in meeting.agreements],
        actions=action_rows(org, _actions(org, meeting), meeting.date),
        follow_up=day,
        default=default,
        present=_present(org, meeting),
        text=plain_text(org, meeting),
        calendar=calendar_view(HERE, org),
    )
    return str(page.memo(view, HERE))
