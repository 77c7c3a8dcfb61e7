"""The chain of steps as a picture (SVG, drawn at build time) and as text."""

from __future__ import annotations

from ..model import Organisation
from .escape import h
from .steps import steps_index

WIDTH = 480
BOX = 92
GAP = 34
PAD = 16
LINE_CHARS = 62


def _fit(text: str, limit: int = LINE_CHARS) -> str:
    """Shorten a line so that it fits the box; the text version has it whole."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _box(y: int, title: str, lines: list[str], cls: str) -> str:
    parts = [
        f'<rect class="{cls}" x="1" y="{y}" width="{WIDTH - 2}" height="{BOX}" rx="8" />',
        f'<text class="hb-chain-title" x="{PAD}" y="{y + 26}">{h(_fit(title, 48))}</text>',
    ]
    for i, line in enumerate(lines[:3]):
        parts.append(f'<text class="hb-chain-line" x="{PAD}" y="{y + 48 + i * 18}">{h(_fit(line))}</text>')
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
        shapes.append(
            _box(y, f"{step.number}. {step.name}", [f"Werkt hier: {workers}", f"Interne klant: {customers}"], "hb-chain-step")
        )
        shapes.append(_arrow(y + BOX))
        y += BOX + GAP
    ext = org.info.external_customer
    shapes.append(_box(y, ext.name, [f"Verwacht: {e}" for e in ext.expectations], "hb-chain-end"))
    height = y + BOX + 1
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
