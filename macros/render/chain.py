"""The chain of steps as a picture (SVG, drawn at build time) and as text: a view with the geometry, a template."""

from __future__ import annotations

import textwrap
from typing import NamedTuple

from ..organisation import Organisation
from . import templates
from .steps import step_lines

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


class Box(NamedTuple):
    """One box of the picture, with every coordinate worked out; ``arrow`` points to the next box."""

    cls: str
    y: int
    height: int
    title: str
    lines: list[tuple[int, str]]  # (y, text)
    arrow: tuple[int, int, str] | None  # (y1, y2, the points of the head)


class ChainView(NamedTuple):
    width: int
    height: int
    pad: int
    names: str  # the chain in one line, for the picture's title
    boxes: list[Box]


def _box(y: int, title: str, lines: list[str], cls: str, *, arrow: bool) -> Box:
    height = 40 + LINE_HEIGHT * len(lines)
    head = None
    if arrow:
        mid, top = WIDTH // 2, y + height
        points = f"{mid - 7},{top + GAP - 12} {mid + 7},{top + GAP - 12} {mid},{top + GAP - 2}"
        head = (top + 4, top + GAP - 10, points)
    rows = [(y + 48 + i * LINE_HEIGHT, line) for i, line in enumerate(lines)]
    return Box(cls, y, height, _fit(title, 48), rows, head)


def chain_view(org: Organisation) -> ChainView:
    """A vertical chain: each step with its people and internal customer, then the external customer."""
    boxes = []
    y = 1
    for step in org.steps:
        workers = ", ".join(org.person(p.person).name for p in step.data.performers) or "nog niemand"
        customers = ", ".join(org.person(c.person).name for c in step.data.customers) or "nog niet ingevuld"
        box = _box(y, f"{step.number}. {step.name}", _wrap([f"Werkt hier: {workers}", f"Interne klant: {customers}"]),
                   "hb-chain-step", arrow=True)  # fmt: skip
        boxes.append(box)
        y += box.height + GAP
    ext = org.external_customer
    last = _box(y, f"Wat de {ext.name.lower()} verwacht", _wrap([f"• {e}" for e in ext.expectations]), "hb-chain-end",
                arrow=False)  # fmt: skip
    boxes.append(last)
    names = " → ".join([s.name for s in org.steps] + [ext.name])
    return ChainView(WIDTH, y + last.height + 1, PAD, names, boxes)


def chain_svg(org: Organisation) -> str:
    """The picture (template ``chain.html``)."""
    return str(templates.render("chain.html", chain=chain_view(org)))


def chain_text(org: Organisation, *, here: str = "keten/") -> str:
    """The chain as a list: each step and its internal customer, with links (template ``chain_text.html``)."""
    lines = step_lines(org)
    return str(templates.render("chain_text.html", here=here, lines=lines, external=org.external_customer))
