"""Render layer on templates: one action-table macro with options, wording from an override, data always escaped."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros import analysis
from macros.load import load
from macros.render import actions, meeting, memo, parts, status, templates

from .conftest import DATA

ORG = load(DATA).org
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def override(tmp_path: Path) -> Iterator[Path]:
    """A theme folder with templates that win over the built-in ones; reset afterwards."""
    before = templates.override_dirs()
    templates.set_override_dirs([tmp_path])
    yield tmp_path
    templates.set_override_dirs(before)


def test_one_action_table_serves_every_page_with_its_options() -> None:
    open_ = analysis.open_of(ORG)
    late = analysis.overdue_of(ORG, TODAY)
    assert late, "the default data has late points"
    tables = {
        "person": parts.action_table(ORG, "mensen/erik-smit/", open_, TODAY, show_who=False),
        "register": actions.register(ORG, today=TODAY),
        "follow-up": status.follow_up_agenda(ORG, ORG.meetings[0], TODAY, "bijeenkomst/voorbereiding/"),
        "memo": memo.memo(ORG, today=TODAY),
    }
    for name, html in tables.items():
        assert html.count('<div class="hb-table-wrap"><table class="hb-table') >= 1, name
        # Every date comes from parts.time: a <time> with its ISO date.
        for iso, text in re.findall(r'<time datetime="([\d-]+)">([^<]+)</time>', html):
            assert dt.date.fromisoformat(iso).year == int(text.split()[-1]), name
    assert 'data-label="' not in tables["person"] and '<th scope="col">Wie</th>' not in tables["person"]
    assert 'class="hb-col-code"' in tables["register"] and 'class="hb-status hb-status-bezig"' in tables["register"]
    assert "Planning/<wbr>voorbereiding" in tables["register"]
    assert tables["follow-up"].count('<strong class="hb-late">te laat</strong>') == len(late)
    assert tables["follow-up"].count(">loopt nog</td>") == len(open_) - len(late)
    assert "hb-row-late" not in tables["memo"], "the memo lists what was agreed, not what is late"


def test_empty_action_table_says_so() -> None:
    html = parts.action_table(ORG, "x/", [], TODAY, empty="Niets open.")
    assert html == '<p class="hb-empty">Niets open.</p>'


def test_the_facilitator_words_come_from_an_overridable_template(override: Path) -> None:
    words = (templates.TEMPLATE_DIR / "script_text.html").read_text(encoding="utf-8")
    changed = words.replace("Opening: waarom we hier zijn", "Welkom: waarom we hier zijn")
    assert changed != words
    (override / "script_text.html").write_text(changed, encoding="utf-8")
    page = meeting.script(ORG, today=TODAY)
    assert re.search(r"^## \d\d:\d\d · a\. Welkom: waarom we hier zijn$", page, flags=re.M)
    assert "Opening: waarom we hier zijn" not in page


def test_titles_in_markdown_headings_are_escaped_for_markdown() -> None:
    hostile = "**vet** [link](javascript:alert(1)) <b>x</b> {{ jinja }}"
    first = ORG.meetings[0].model_copy(update={"title": hostile, "date": TODAY})
    org = dataclasses.replace(ORG, meetings=(first,))
    page = meeting.script(org, today=TODAY)
    heading = next(line for line in page.splitlines() if line.startswith("## ") and "vet" in line)
    assert "**" not in heading and "](" not in heading and "<b>" not in heading and "{{" not in heading


def test_the_wbr_filter_escapes_before_it_breaks() -> None:
    env = templates.environment()
    out = env.from_string("{{ v|wbr }}").render(v="<a>/{{x}}")
    assert out == "&lt;a&gt;/<wbr>&#123;&#123;x&#125;&#125;"
