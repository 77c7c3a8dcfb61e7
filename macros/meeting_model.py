"""The blocks of the meeting script and their default durations: part of the model, below ``agenda``.

``model.Durations`` names these blocks and their defaults in the JSON Schema, and
``agenda`` puts them on the clock; both import them from here, so neither imports the other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DEFAULT_START = dt.time(9, 0)  # the script's start when a meeting has no start time
FOLLOW_UP_MONTHS = 3  # the method: "a progress review in about three months"


@dataclass(frozen=True)
class Block:
    """One block of the meeting script (method step 3, a to k)."""

    id: str
    letter: str
    minutes: int
    per_step: bool = False  # minutes for each process step, such as the mapping round


BLOCKS: tuple[Block, ...] = (
    Block("opening", "a", 5),
    Block("welcome", "b", 3),
    Block("internal_customer", "c", 7),
    Block("model", "d", 5),
    # f (asking on, making connections) is how the round e is run, not a block after it (method step 3f):
    # its ten minutes are part of e, two per step for the five default steps. A meeting can still give f
    # time of its own in durations.connections.
    Block("mapping", "e", 12, per_step=True),
    Block("connections", "f", 0),
    Block("actions", "g", 15),
    Block("round", "h", 5),
    Block("follow_up", "i", 5),
    Block("inform", "j", 5),
    Block("start", "k", 5),
)
DEFAULT_MINUTES: dict[str, int] = {b.id: b.minutes for b in BLOCKS}
