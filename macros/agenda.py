"""The meeting as a timed agenda: the method's blocks a to k with clock times.

The blocks and their default durations are part of the model (``meeting_model``);
a meeting in meetings.yml may override any of them under ``durations``. Nothing here knows about MkDocs or rendering.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .meeting_model import BLOCKS as BLOCKS
from .meeting_model import DEFAULT_START as DEFAULT_START
from .meeting_model import FOLLOW_UP_MONTHS, Block

if TYPE_CHECKING:
    from .model import Meeting
    from .organisation import Organisation, Step


@dataclass(frozen=True)
class Slot:
    """A block, or one step of the mapping round, at its clock time."""

    block: Block
    start: dt.datetime
    minutes: int
    step: Step | None = None
    custom: bool = False  # the meeting sets this block's duration itself

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class Agenda:
    """The whole timed script of one meeting."""

    slots: tuple[Slot, ...]
    rounds: tuple[Slot, ...]  # the mapping round, one slot per process step
    start: dt.datetime
    default_start: bool  # True when the meeting has no start time and DEFAULT_START was used

    @property
    def end(self) -> dt.datetime:
        return self.slots[-1].end if self.slots else self.start

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.slots)


def is_custom(block: Block, meeting: Meeting | None) -> bool:
    """Whether the meeting sets the duration of this block itself."""
    return meeting is not None and meeting.durations is not None and getattr(meeting.durations, block.id) is not None


def minutes_of(block: Block, meeting: Meeting | None) -> int:
    """The minutes of one block (per step for the mapping round): the meeting's own, or the default."""
    if meeting is not None and meeting.durations is not None:
        own = getattr(meeting.durations, block.id)
        if own is not None:
            return int(own)
    return block.minutes


def agenda(org: Organisation, meeting: Meeting | None) -> Agenda:
    """Clock times of every block, from the meeting's start (or 09:00 when it has none)."""
    day = meeting.date if meeting is not None else dt.date(2000, 1, 1)
    start_time = meeting.start if meeting is not None and meeting.start is not None else DEFAULT_START
    start = dt.datetime.combine(day, start_time)
    clock = start
    slots: list[Slot] = []
    rounds: list[Slot] = []
    for block in BLOCKS:
        each = minutes_of(block, meeting)
        if block.per_step:
            sub = clock
            for step in org.steps:
                rounds.append(Slot(block, sub, each, step))
                sub += dt.timedelta(minutes=each)
            total = each * len(org.steps)
        else:
            total = each
        slots.append(Slot(block, clock, total, custom=is_custom(block, meeting)))
        clock += dt.timedelta(minutes=total)
    return Agenda(tuple(slots), tuple(rounds), start, meeting is None or meeting.start is None)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the last day of the month when that day does not exist."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def follow_up_horizon(day: dt.date) -> dt.date:
    """Three months after ``day``: the default follow-up, and the latest one the method advises."""
    return add_months(day, FOLLOW_UP_MONTHS)


def follow_up(meeting: Meeting) -> tuple[dt.date, bool]:
    """The follow-up date and whether it is the default (three months after the meeting)."""
    if meeting.follow_up is not None:
        return meeting.follow_up, False
    return follow_up_horizon(meeting.date), True


def current_meeting(org: Organisation, meeting_id: str | None = None) -> Meeting | None:
    """The meeting the facilitator pages are about: the given one, or the latest in the data."""
    if meeting_id is not None:
        found = next((m for m in org.meetings if m.id == meeting_id), None)
        if found is None:
            raise ValueError(f"onbekende bijeenkomst '{meeting_id}' in meetings.yml")
        return found
    if not org.meetings:
        return None
    return max(org.meetings, key=lambda m: (m.date, m.start or DEFAULT_START))


def held_meeting(org: Organisation, today: dt.date) -> Meeting | None:
    """The latest meeting that has taken place by ``today``: the one a memo is about."""
    held = [m for m in org.meetings if m.date <= today]
    return max(held, key=lambda m: (m.date, m.start or DEFAULT_START)) if held else None


def next_meeting(org: Organisation, today: dt.date) -> Meeting | None:
    """The first meeting after ``today``, if one is planned."""
    coming = [m for m in org.meetings if m.date > today]
    return min(coming, key=lambda m: (m.date, m.start or DEFAULT_START)) if coming else None


def duration_nl(minutes: int) -> str:
    """'1 uur en 55 minuten', '45 minuten', '2 uur'."""
    hours, rest = divmod(minutes, 60)
    parts = ([f"{hours} uur"] if hours else []) + ([f"{rest} {'minuut' if rest == 1 else 'minuten'}"] if rest else [])
    return " en ".join(parts) or "0 minuten"


def clock(moment: dt.datetime | dt.time) -> str:
    """A clock time as Dutch readers write it: 08:30."""
    return f"{moment.hour:02d}:{moment.minute:02d}"
