"""Dutch formatting shared by rules and rendering."""

from __future__ import annotations

import datetime as dt

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()


def date_nl(day: dt.date) -> str:
    """A date as Dutch readers write it: 14 oktober 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
