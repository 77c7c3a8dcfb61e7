"""Real MkDocs builds in a temporary folder: the default site, broken data, hostile data."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from macros.load import load

from . import hostile
from .cases import CASES, Case
from .conftest import DATA, Build, run_build

ORG = load(DATA).org
ADDRESSES = ["", "interne-klant/", "keten/", "stappen/", "mensen/"]
ADDRESSES += [f"stappen/{s.id}/" for s in ORG.steps] + [f"mensen/{p.id}/" for p in ORG.people]


@pytest.mark.parametrize("address", ADDRESSES)
def test_every_address_is_built(default_build: Build, address: str) -> None:
    page = default_build.page(address)
    assert "Traceback" not in page and "Macro Rendering Error" not in page
    assert re.search(r"<h1[^>]*>", page)


def test_step_pages_are_in_the_nav_in_order_and_people_are_not(default_build: Build) -> None:
    page = default_build.page("keten/")
    nav = page[page.index('class="md-nav md-nav--primary"') :]
    positions = [nav.index(f'href="../stappen/{s.id}/"') for s in ORG.steps]
    assert positions == sorted(positions)
    assert 'href="../mensen/erik-smit/"' not in nav[: nav.index("</nav>")]


def test_edit_links_point_at_the_file_behind_the_page(default_build: Build) -> None:
    base = "https://github.com/meijer-zonen/handboek/edit/main/"
    assert f'href="{base}data/steps/04-uitvoering.yml"' in default_build.page("stappen/uitvoering/")
    assert f'href="{base}data/people.yml"' in default_build.page("mensen/erik-smit/")
    assert f'href="{base}docs/keten.md"' in default_build.page("keten/")


def test_nothing_is_loaded_from_another_host(default_build: Build) -> None:
    for path in default_build.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag) or 'rel="canonical"' in tag, (path, tag)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_search_is_dutch_and_finds_people(default_build: Build) -> None:
    index = json.loads((default_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    locations = {doc["location"] for doc in index["docs"]}
    assert {"mensen/erik-smit/", "stappen/uitvoering/"} <= locations


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_data_stops_the_build(case: Case, data_copy: Path, tmp_path: Path) -> None:
    line = case.line(data_copy)
    case.breaks(data_copy)
    build = run_build(tmp_path, data_copy)
    assert build.returncode != 0
    assert re.search(rf"{re.escape(case.file)}:{line}:\d+: error: ", build.output), build.output
    assert "Traceback" not in build.output
    assert not build.site.exists(), "nothing may be published"


def test_bad_data_stops_a_non_strict_build_too(data_copy: Path, tmp_path: Path) -> None:
    CASES[0].breaks(data_copy)
    build = run_build(tmp_path, data_copy, strict=False)
    assert build.returncode != 0 and "people.yml:" in build.output and "Traceback" not in build.output
    assert not build.site.exists()


def test_hostile_values_render_as_text(hostile_build: Build) -> None:
    build = hostile_build
    forbidden = re.compile(
        r"<script>alert|<img src=x|<a href=\"javascript|href=\"javascript:|<strong>vet|<em>schuin|"
        r"<code>code|</title><script|\b49\b.{0,10}Uitvoering|jinja</|"
        r"<script>window|<svg/onload|<iframe|<style>body|onmouseover=\"window|onfocus='window|"
        r"onclick=\"window|<h1>kop|<blockquote>|<li>lijst|<img[^>]*x\.png"
    )
    shown = []
    for path in build.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        match = forbidden.search(html)
        assert match is None, (path, html[max(0, match.start() - 80) : match.end() + 40])
        shown.append(_text(html))
    step = build.page("stappen/uitvoering/")
    # Which hostile value lands in which field rotates with the data; the script payload is on some page,
    # escaped, and the steps list shows its (hostile) names and summaries escaped too.
    pages = [p.read_text(encoding="utf-8") for p in build.site.rglob("index.html")]
    assert any("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in html for html in pages)
    assert "&lt;" in build.page("stappen/").split('<div class="md-content"', 1)[1]
    assert "&#123;&#123; config.site_name &#125;&#125;" in build.page("mensen/gerda-meijer/")
    assert "lang " * 30 in build.page("stappen/aanvraag-opname/") or "lang " * 30 in step

    # Every hostile value is on some page, character for character, as text.
    text = " ".join(shown)
    missing = [v for v in hostile.HOSTILE + hostile.EXTRA if " ".join(v.split()) not in text]
    assert missing == []
    assert "Z" * 150 in text


def test_the_organisation_name_is_escaped_once(default_build: Build) -> None:
    # "Meijer & Zonen": Material escapes the site name itself in some places; it must not become "&amp;amp;".
    for path in default_build.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "&amp;amp;" not in html, path
    assert 'title="Handboek Meijer &amp; Zonen"' in default_build.page("keten/")


def _text(html: str) -> str:
    """The text of a page: tags dropped, entities decoded, white space folded (escaped data has no tags)."""
    body = re.sub(r"<script\b.*?</script>|<style\b.*?</style>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


# Markdown, HTML and Jinja at once, in every text field: the rotating corpus cannot miss a field this way.
# Names are cut at 100 characters (the model's limit): the checked parts come first, the links after.
EVERYWHERE = (
    "[klik](javascript:alert(1)) {{ 7*7 }} **vet** <b>tag</b> `code` _schuin_ "
    "![b](https://evil.example/t.png) <https://evil.example/auto>"
)


def test_one_payload_in_every_text_field_stays_text(tmp_path: Path) -> None:
    build = run_build(tmp_path, hostile.make(DATA, tmp_path / "same", same=EVERYWHERE))
    assert build.returncode == 0, build.output
    live = re.compile(r'(?:src|href)="(?:https?://evil\.example|javascript:)|<strong>vet|<b>tag|<em>schuin|<code>code')
    for path in build.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        match = live.search(html)
        assert match is None, (path, html[max(0, match.start() - 120) : match.end() + 40])
    keten = _text(build.page("keten/"))
    assert "[klik](javascript:alert(1))" in keten and "{{ 7*7 }}" in keten


def test_a_person_page_marks_mensen_as_the_current_place_in_the_nav(default_build: Build) -> None:
    # People pages are not in the nav; 'Mensen' (a page in 'Ons werk') is marked as if the list were shown.
    assert re.search(
        r'md-nav__item--active">\s*<a href="\.\./" class="md-nav__link', default_build.page("mensen/erik-smit/")
    )
    assert not re.search(r'md-nav__item--active">\s*<a href="\.\./mensen/"', default_build.page("keten/"))
