"""Whether the meeting is still coming or already held, and what that means for the facilitator's pages.

When the latest meeting lies before ``today``, the pages say so at the top and
point to the follow-up; the preparation page lists the open action points to
go through in that follow-up. The words are in ``templates/status.html``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import analysis
from ..agenda import follow_up
from ..model import Meeting
from ..organisation import Organisation
from .parts import ActionRow, action_rows, macros


def is_past(meeting: Meeting | None, today: dt.date) -> bool:
    """True when the meeting was held before today."""
    return meeting is not None and meeting.date < today


@dataclass(frozen=True)
class PastView:
    """A held meeting: its date, its follow-up, and whether that follow-up is over too."""

    held: dt.date
    day: dt.date
    default: bool  # the follow-up is the default of three months, not yet fixed
    passed: bool


def past_view(meeting: Meeting | None, today: dt.date) -> PastView | None:
    """The facts of a held meeting; None while it is still coming."""
    if meeting is None or not is_past(meeting, today):
        return None
    day, default = follow_up(meeting)
    return PastView(meeting.date, day, default, day < today)


def past_notice(meeting: Meeting | None, today: dt.date, *, extra: str = "", screen_only: bool = False) -> str:
    """A notice for a held meeting: when it was, and when the follow-up is (or was). Empty when still coming.

    ``extra`` is one more sentence of plain text.
    """
    view = past_view(meeting, today)
    return "" if view is None else str(macros("status.html").past_notice(view, extra, screen_only))


def overview_notice(meeting: Meeting | None, today: dt.date, here: str) -> str:
    """The notice for /bijeenkomst/, pointing to the points to go through in the follow-up."""
    view = past_view(meeting, today)
    if view is None:
        return ""
    page = macros("status.html")
    return str(page.past_notice(view, page.overview_extra(here)))


@dataclass(frozen=True)
class FollowUpView:
    """The follow-up of a meeting and the open action points to go through in it."""

    day: dt.date
    rows: list[ActionRow]


def follow_up_view(org: Organisation, meeting: Meeting, today: dt.date) -> FollowUpView:
    return FollowUpView(follow_up(meeting)[0], action_rows(org, analysis.open_of(org), today))


def follow_up_agenda(org: Organisation, meeting: Meeting, today: dt.date, here: str) -> str:
    """Markdown: the open action points to go through in the follow-up, late ones marked."""
    view = follow_up_view(org, meeting, today)
    return str(macros("status.html").follow_up_agenda(view.day, view.rows, here))
