"""Append one item to a long block list as text: fast, and every other byte stays.

ruamel.yaml's round trip reads and writes the whole file in pure Python; for
an ``actions.yml`` of thousands of items that takes far longer than checking
the whole folder. Appending an item needs none of that: the new lines go after
the last line of the list's last item, in the layout of its first item, and
comment lines that closed the list stay after it. The caller checks the
result with ``appended`` on the folder as loaded with the new text (one parse,
which the check needs anyway) and falls back to the round trip when it is not
exactly the old value plus the new item. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import re
from typing import Any

from .roundtrip import scalar
from .yamlsrc import Source

_SIMPLE = re.compile(r"^\s*(- )?[A-Za-z_][A-Za-z0-9_]*:( .*)?$|^\s*- \S.*$|^\s*(#.*)?$")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    return starts


def append_item(text: str, source: Source, key: str, item: dict[str, Any]) -> str | None:
    """``text`` with ``item`` appended to the block list at top-level ``key``; None when that is not safe here.

    ``source`` is the parsed ``text`` (from the loader). Only an item of plain
    one-line scalars is appended this way.
    """
    items = source.value.get(key) if isinstance(source.value, dict) else None
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) and i for i in items):
        return None
    first, last = source.values.get((key, 0)), source.values.get((key, len(items) - 1))
    if first is None or last is None:
        return None
    starts = _line_starts(text)
    lines = text.split("\n")
    head = lines[first.line - 1][: first.col - 1]
    if not head.strip() == "-" or not head.endswith(" "):
        return None  # not '  - key: value' (a flow list, or the key on the line below the dash)
    dash = head[: head.index("-")]
    indent = " " * (first.col - 1)
    # The last item runs until the next line that is indented no deeper than its dash (or the end).
    body_end = last.line  # 1-based: the last line of the item that is not a comment
    for number in range(last.line + 1, len(lines) + 1):
        line = lines[number - 1]
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and len(line) - len(line.lstrip(" ")) <= len(dash):
            break
        if stripped and not stripped.startswith("#"):
            body_end = number
    if not all(_SIMPLE.match(lines[n - 1].rstrip("\r")) for n in range(last.line, body_end + 1)):
        return None  # a block scalar or a flow value in the last item: let the round trip do it
    try:
        new = [
            f"{dash}- {k}: {scalar(v)}" if i == 0 else f"{indent}{k}: {scalar(v)}"
            for i, (k, v) in enumerate(item.items())
        ]
    except ValueError:
        return None
    at = starts[body_end] if body_end < len(starts) else len(text)
    before = text[:at]
    if not before.endswith("\n"):
        return None
    ending = "\r\n" if before.endswith("\r\n") else "\n"
    return before + "".join(line + ending for line in new) + text[at:]


def appended(before: Source, after: Source, key: str, item: dict[str, Any]) -> bool:
    """Whether ``after`` holds exactly ``before`` with ``item`` appended to the list at ``key``."""
    if not isinstance(before.value, dict) or not isinstance(before.value.get(key), list):
        return False
    expected = dict(before.value)
    expected[key] = [*before.value[key], dict(item)]
    return bool(after.value == expected)
