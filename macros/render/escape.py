"""Escaping of data values: the only way data reaches a page."""

from __future__ import annotations

import html
import re

# Python-Markdown's backslash-escapable characters, plus '|' for tables.
_MD_SPECIAL = set("\\`*_{}[]()#+-.!|")
# Characters that the HTML escaper leaves alone but Jinja or MkDocs could see.
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
# C0 controls (but tab, newline, return) and DEL: invalid in HTML, and STX/ETX
# are Python-Markdown's own placeholder marks.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(value: object) -> str:
    """The value as text, without control characters."""
    return _CONTROLS.sub("", str(value))


def h(value: object) -> str:
    """Escape a value for HTML text or an attribute value in double quotes."""
    return html.escape(clean(value), quote=True).translate(_BRACES)


def md(value: object) -> str:
    """Escape a value for inline Markdown, such as a heading, on one line."""
    out = []
    for char in " ".join(clean(value).split()):
        if char in _MD_SPECIAL:
            out.append("\\" + char)
        elif char in "&<>\"'":
            out.append(html.escape(char, quote=True))
        else:
            out.append(char)
    return "".join(out)


# Every character that Python-Markdown could read as markup, as a numeric reference.
_INLINE = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~:&<>\"'"}


def inline(value: object) -> str:
    """Escape a value for running text that may stand in Markdown as well as in HTML.

    Where a hand-written page puts a macro in a Markdown paragraph, ``h()`` alone would
    leave ``[text](javascript:...)`` or ``**bold**`` for Markdown to interpret.
    """
    return "".join(_INLINE.get(c) or h(c) for c in clean(value))
