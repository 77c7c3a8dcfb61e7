"""A break in a long meeting: whether it gets one, where it falls, and the clock times after it.

A meeting whose blocks take longer than ``break_after`` minutes (default
``model.BREAK_AFTER``) gets a break of ``break_minutes`` (default
``model.BREAK_MINUTES``; 0 means no break). The break falls between two blocks,
at the boundary nearest to the middle of the meeting, so that both halves are
about as long. Every block after it starts that much later. Nothing here knows
about MkDocs or rendering.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import TYPE_CHECKING

from .agenda import Agenda, agenda
from .model import BREAK_AFTER, BREAK_MINUTES

if TYPE_CHECKING:
    from .model import Meeting
    from .organisation import Organisation


@dataclass(frozen=True)
class Pause:
    """The break: after which block, and when."""

    after: str  # the id of the block it follows
    start: dt.datetime
    minutes: int

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class Schedule:
    """The agenda with the break in it: the blocks after the break start later."""

    plan: Agenda
    pause: Pause | None

    @property
    def end(self) -> dt.datetime:
        return self.plan.end

    @property
    def minutes(self) -> int:
        """The whole meeting, break included."""
        return self.plan.minutes + (self.pause.minutes if self.pause else 0)


def settings(meeting: Meeting | None) -> tuple[int, int]:
    """(break_after, break_minutes) of the meeting, or the defaults."""
    after = meeting.break_after if meeting is not None and meeting.break_after is not None else BREAK_AFTER
    minutes = meeting.break_minutes if meeting is not None and meeting.break_minutes is not None else BREAK_MINUTES
    return after, minutes


def pause_minutes(total: int, meeting: Meeting | None) -> int:
    """The length of the break in a meeting whose blocks take ``total`` minutes; 0 when it gets none."""
    after, minutes = settings(meeting)
    return minutes if minutes > 0 and total > after else 0


def place(lengths: Sequence[int], meeting: Meeting | None) -> tuple[int, int] | None:
    """Where the break falls in blocks of these lengths: (index of the block it follows, minutes), or None.

    The one rule for every meeting script: the draaiboek, the presentation and the follow-up.
    """
    total = sum(lengths)
    minutes = pause_minutes(total, meeting)
    if not minutes or len(lengths) < 2:
        return None
    half = total / 2
    # The end of each block but the last, in minutes from the start; the one nearest the middle wins (the
    # earlier one on a tie).
    ends = list(accumulate(lengths))[:-1]
    index = min(range(len(ends)), key=lambda i: (abs(ends[i] - half), i))
    # A block of no time of its own (3f, asking on during the round) stays with the block before it:
    # the break comes after it, not between the two.
    while index + 1 < len(ends) and lengths[index + 1] == 0:
        index += 1
    return index, minutes


def with_break(plan: Agenda, meeting: Meeting | None) -> Schedule:
    """Put the break into an agenda, if the meeting is long enough to need one."""
    found = place([slot.minutes for slot in plan.slots], meeting)
    if found is None:
        return Schedule(plan, None)
    index, minutes = found
    pause = Pause(plan.slots[index].block.id, plan.slots[index].end, minutes)
    shift = dt.timedelta(minutes=minutes)
    slots = tuple(s if i <= index else replace(s, start=s.start + shift) for i, s in enumerate(plan.slots))
    rounds = tuple(r if r.start < pause.start else replace(r, start=r.start + shift) for r in plan.rounds)
    return Schedule(replace(plan, slots=slots, rounds=rounds), pause)


def schedule(org: Organisation, meeting: Meeting | None) -> Schedule:
    """The timed agenda of the meeting, with its break."""
    return with_break(agenda(org, meeting), meeting)
