"""Rendering: escaping, and golden files of the generated Markdown.

Refresh the golden files after an intended change with
``UPDATE_GOLDEN=1 pytest tests/test_render.py`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path

import markdown
import pytest

from macros.load import load
from macros.organisation import Organisation
from macros.render.chain import chain_svg, chain_text
from macros.render.escape import h, inline, md
from macros.render.links import rel
from macros.render.people import people_index, person_page
from macros.render.steps import step_page, steps_index

from .conftest import DATA
from .golden import assert_golden

GOLDEN = Path(__file__).parent / "golden"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def org() -> Organisation:
    return load(DATA).org


def _pages(org: Organisation) -> dict[str, str]:
    return {
        "step-calculatie-offerte.md": step_page(org, "calculatie-offerte", today=TODAY),
        "step-facturatie-nazorg.md": step_page(org, "facturatie-nazorg", today=TODAY),
        "person-erik-smit.md": person_page(org, "erik-smit", today=TODAY),
        "people-index.md": people_index(org),
        "steps-index.md": steps_index(org),
        "chain.md": chain_svg(org) + "\n\n" + chain_text(org),
    }


@pytest.mark.parametrize(
    "name",
    [
        "step-calculatie-offerte.md",
        "step-facturatie-nazorg.md",
        "person-erik-smit.md",
        "people-index.md",
        "steps-index.md",
        "chain.md",
    ],
)
def test_golden(name: str, org: Organisation) -> None:
    rendered = _pages(org)[name]
    path = GOLDEN / name
    assert_golden(path, rendered)


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert(1)</script>",
        "**vet** _schuin_ `code`",
        "[klik](javascript:alert(1))",
        "# kop",
        "1. lijst",
        "- lijst",
        "> citaat",
        "{{ jinja }} {% if %}",
        "!!! note",
        "{: .klasse onclick=x}",
        "*[HTML]: afkorting",
        "&amp; &lt;",
        "a\\*b",
    ],
)
def test_md_escape_renders_literally(value: str) -> None:
    html = markdown.markdown(f"# {md(value)}", extensions=["attr_list", "abbr", "admonition", "tables", "md_in_html"])
    assert html.startswith("<h1")
    text = html[html.index(">") + 1 : html.rindex("</h1>")]
    assert "<" not in text, text  # no element came out of the value
    assert unescape(text) == value


@pytest.mark.parametrize(
    "value",
    [
        "[klik](javascript:alert(1))",
        "**vet** _schuin_ `code`",
        "![b](https://evil.example/t.png) <https://evil.example/>",
        "# kop",
        "- lijst",
        "1. lijst",
        "> citaat",
        "{{ jinja }}",
        "| a | b |",
    ],
)
def test_inline_escape_renders_literally_inside_a_markdown_paragraph(value: str) -> None:
    html = markdown.markdown(f"{inline(value)}\n\nvoor {inline(value)} na", extensions=["attr_list", "md_in_html"])
    paragraphs = re.findall(r"<p>(.*?)</p>", html, flags=re.S)
    assert len(paragraphs) == 2, html  # no heading, list, quote or table came out of the value
    assert all("<" not in p for p in paragraphs), html
    assert [unescape(p) for p in paragraphs] == [value, f"voor {value} na"]


def test_h_escapes_markup_and_jinja() -> None:
    assert h('<a href="x">{{ y }}</a>') == "&lt;a href=&quot;x&quot;&gt;&#123;&#123; y &#125;&#125;&lt;/a&gt;"


def test_relative_links() -> None:
    assert rel("stappen/uitvoering/", "mensen/erik-smit/") == "../../mensen/erik-smit/"
    assert rel("", "mensen/") == "mensen/"
    assert rel("mensen/", "mensen/erik-smit/") == "erik-smit/"
    assert rel("keten/", "") == "../"


def test_step_page_sections(org: Organisation) -> None:
    page = step_page(org, "uitvoering", today=TODAY)
    for heading in (
        "# Uitvoering",
        "## Wie werkt hier",
        "## Wat wij nodig hebben van onze leveranciers",
        "## Onze interne klanten",
        "### Petra Mulder",
        "## Open actiepunten",
    ):
        assert f"\n{heading}\n" in f"\n{page}"
    # The file behind the page is named for the maintainer under every page (overrides/main.html), not here.
    assert "data/steps/04-uitvoering.yml" not in page
    assert "Digitale werkbon in de app, met foto&#x27;s." in page


def test_last_step_ends_at_the_external_customer(org: Organisation) -> None:
    page = step_page(org, "facturatie-nazorg", today=TODAY)
    assert "### Opdrachtgever" in page
    for expectation in org.info.external_customer.expectations:
        assert h(expectation) in page


def test_overdue_actions_are_marked(org: Organisation) -> None:
    page = step_page(org, "facturatie-nazorg", today=TODAY)
    assert "te laat" in page
    assert "te laat" not in step_page(org, "facturatie-nazorg", today=dt.date(2026, 11, 1))


def test_missing_when_is_shown_as_not_agreed(org: Organisation) -> None:
    page = step_page(org, "planning-voorbereiding", today=TODAY)
    assert "nog niet afgesproken" in page


def test_chain_lists_every_step_then_the_customer(org: Organisation) -> None:
    svg = chain_svg(org)
    positions = [svg.index(h(s.name)) for s in org.steps] + [svg.index("Wat de opdrachtgever verwacht")]
    assert positions == sorted(positions)
    assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_control_characters_are_dropped() -> None:
    assert h("a\x00b\x02wzxhzdk:0\x03c\x1b") == "abwzxhzdk:0c"
    assert md("x\x02y\x03") == "xy"
    assert h("tab\there\nnewline") == "tab\there\nnewline"
