"""The chain of steps as a picture (SVG, drawn at build time) and as text."""

from __future__ import annotations

import textwrap

from ..model import Organisation
from .escape import h
from .steps import steps_index

WIDTH = 480
GAP = 34
PAD = 16
LINE_CHARS = 62
LINE_HEIGHT = 18
MAX_LINES = 6


def _fit(text: str, limit: int = LINE_CHARS) -> str:
    """Shorten a line so that it fits the box; the text version has it whole."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap(items: list[str]) -> list[str]:
    """Wrap each item to the box width; at most two lines per item."""
    lines: list[str] = []
    for item in items:
        wrapped = textwrap.wrap(" ".join(item.split()), LINE_CHARS, break_long_words=True) or [""]
        if len(wrapped) > 2:
            wrapped = [wrapped[0], _fit(" ".join(wrapped[1:]))]
        lines += wrapped
    return lines[:MAX_LINES]


def _box_height(lines: list[str]) -> int:
    return 40 + LINE_HEIGHT * len(lines)


def _box(y: int, title: str, lines: list[str], cls: str) -> str:
    parts = [
        f'<rect class="{cls}" x="1" y="{y}" width="{WIDTH - 2}" height="{_box_height(lines)}" rx="8" />',
        f'<text class="hb-chain-title" x="{PAD}" y="{y + 26}">{h(_fit(title, 48))}</text>',
    ]
    for i, line in enumerate(lines):
        parts.append(f'<text class="hb-chain-line" x="{PAD}" y="{y + 48 + i * LINE_HEIGHT}">{h(line)}</text>')
    return "".join(parts)


def _arrow(y: int) -> str:
    mid = WIDTH // 2
    return (
        f'<line class="hb-chain-arrow" x1="{mid}" y1="{y + 4}" x2="{mid}" y2="{y + GAP - 10}" />'
        f'<polygon class="hb-chain-head" points="{mid - 7},{y + GAP - 12} {mid + 7},{y + GAP - 12} {mid},{y + GAP - 2}" />'
    )


def chain_svg(org: Organisation) -> str:
    """A vertical chain: each step with its people and internal customer, then the external customer."""
    shapes = []
    y = 1
    for step in org.steps:
        workers = ", ".join(org.person(p.person).name for p in step.data.performers) or "nog niemand"
        customers = ", ".join(org.person(c.person).name for c in step.data.customers) or "nog niet ingevuld"
        lines = _wrap([f"Werkt hier: {workers}", f"Interne klant: {customers}"])
        shapes.append(_box(y, f"{step.number}. {step.name}", lines, "hb-chain-step"))
        shapes.append(_arrow(y + _box_height(lines)))
        y += _box_height(lines) + GAP
    ext = org.info.external_customer
    lines = _wrap([f"• {e}" for e in ext.expectations])
    shapes.append(_box(y, f"Wat de {ext.name.lower()} verwacht", lines, "hb-chain-end"))
    height = y + _box_height(lines) + 1
    names = " → ".join([s.name for s in org.steps] + [ext.name])
    return (
        f'<figure class="hb-chain"><svg role="img" aria-labelledby="hb-chain-title" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="hb-chain-title">De keten: {h(names)}</title>{"".join(shapes)}</svg>'
        "<figcaption>Elke stap levert aan de volgende. De pijl wijst naar de interne klant.</figcaption></figure>"
    )


def chain_text(org: Organisation, *, here: str = "keten/") -> str:
    """The same chain as a list, with links to the step pages."""
    return steps_index(org, here=here)
