"""Escaping of data values: the only way data reaches a page."""

from __future__ import annotations

import html

# Python-Markdown's backslash-escapable characters, plus '|' for tables.
_MD_SPECIAL = set("\\`*_{}[]()#+-.!|")
# Characters that the HTML escaper leaves alone but Jinja or MkDocs could see.
_BRACES = {"{": "&#123;", "}": "&#125;"}


def h(value: object) -> str:
    """Escape a value for HTML text or an attribute value in double quotes."""
    text = html.escape(str(value), quote=True)
    return "".join(_BRACES.get(c, c) for c in text)


def md(value: object) -> str:
    """Escape a value for inline Markdown, such as a heading, on one line."""
    out = []
    for char in " ".join(str(value).split()):
        if char in _MD_SPECIAL:
            out.append("\\" + char)
        elif char in "&<>\"'":
            out.append(html.escape(char, quote=True))
        else:
            out.append(char)
    return "".join(out)
