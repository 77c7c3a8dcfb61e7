"""Text that goes into messages, logs and calendar files: one cleaning, written once.

A value from the data (or a key, or a file name) can hold anything: a line
break followed by ``::error``, a terminal escape, a NUL, a 2 MB name. Shown
raw, it would start a GitHub workflow command, repaint a terminal or flood a
log. ``shown`` makes any such text safe to print: control characters become
visible escapes such as ``\\n`` and ``\\x1b``, and long text is cut with '…'.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

# Control characters a data value may not hold: C0 but tab and line feed, DEL and C1. The model refuses
# them in every text field (its pattern is built from this class), and the calendar file drops them.
CONTROL_CLASS = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
CONTROL = re.compile(f"[{CONTROL_CLASS}]")
# In a message every control character is escaped, tab and line feed too, and so are the characters
# that break or reverse a line in a terminal or a log (line and paragraph separators, bidi controls).
_UNSAFE = re.compile(f"[\\t\\n{CONTROL_CLASS}\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
SHOWN_MAX = 60


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def clean(text: str) -> str:
    """``text`` with every control character written as a visible escape (``\\n``, ``\\x1b``)."""
    return _UNSAFE.sub(_escape, text)


def shown(value: object, limit: int = SHOWN_MAX) -> str:
    """A value as a message may quote it: cleaned, and cut with '…' after ``limit`` characters."""
    text = str(value)
    cut = text[:limit] + "…" if len(text) > limit else text
    return clean(cut)


def safe_line(line: str) -> str:
    """One output line that no CI runner reads as a command (GitHub's start with '::')."""
    line = clean(line)
    return "./" + line if line.startswith("::") else line


def suggest(value: str, known: Iterable[str]) -> str:
    """' Bedoel je 'x'?' when ``known`` holds a close match of ``value``, else ''."""
    close = difflib.get_close_matches(value, list(known), n=1)
    return f" Bedoel je '{shown(close[0])}'?" if close else ""


def hint(value: str, known: Iterable[str], *, empty: str = "", listed: int = 12) -> str:
    """A close match (' Bedoel je …?'), else the first known names (' Bekend: a, b, ….'), else ``empty``."""
    names = sorted(known)
    close = suggest(value, names)
    if close or not names:
        return close or empty
    more = ", …" if len(names) > listed else ""
    return f" Bekend: {', '.join(shown(n) for n in names[:listed])}{more}."
