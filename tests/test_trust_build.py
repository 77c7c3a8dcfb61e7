"""The theme changes behind the browser tests, read from the built HTML (fast, and without a browser)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, Build
from .hostile import EDIT_URL


def _pages(build: Build) -> dict[str, str]:
    return {p.relative_to(build.site).as_posix(): p.read_text(encoding="utf-8") for p in build.site.rglob("*.html")}


def test_every_page_has_one_skip_link_to_the_content(default_build: Build) -> None:
    for name, html in _pages(default_build).items():
        assert html.count('class="md-skip hb-skip"') == 1, name
        assert html.count('id="hb-inhoud"') == 1, name


def test_the_search_dialog_has_a_name_and_no_hidden_palette_button(default_build: Build) -> None:
    html = default_build.page("")
    assert 'role="dialog" aria-label="Zoeken in het handboek"' in html
    assert 'class="md-option"' not in html, "one colour scheme needs no (hidden, focusable) switch"
    assert re.search(r'<script src="assets/handboek\.js(\?[^"]*)?"', html)


def test_the_edit_url_is_escaped_in_its_attribute(hostile_build: Build) -> None:
    # Material prints edit_url into href="..." as it is; the hook escapes it (quotes never get this far).
    html = hostile_build.page("")
    assert EDIT_URL.count("&") == 2
    assert 'href="https://example.org/edit?x=1&amp;amp=2&amp;path=docs/index.md"' in html


def test_the_footer_is_dutch(default_build: Build) -> None:
    html = default_build.page("")
    assert "Gemaakt met" in html and "Made with" not in html


def test_hand_written_pages_name_the_data_files_behind_them(default_build: Build) -> None:
    base = "https://github.com/meijer-zonen/handboek/edit/main/"
    memo = default_build.page("bijeenkomst/memo/")
    assert f'<a href="{base}data/meetings.yml"><code>data/meetings.yml</code></a> en' in memo
    assert "<code>data/steps/</code>" in default_build.page("stappen/")  # a folder: named, no edit link
    assert "De gegevens op deze pagina komen uit" not in default_build.page("interne-klant/")


def test_employees_see_whom_to_tell_and_the_files_are_folded_away_for_the_maintainer(default_build: Build) -> None:
    base = "https://github.com/meijer-zonen/handboek/edit/main/"
    for address, names in [
        ("actiepunten/", ["data/actions.yml", "docs/actiepunten.md"]),
        ("stappen/uitvoering/", ["data/steps/04-uitvoering.yml"]),
        ("mensen/erik-smit/", ["data/people.yml", "data/steps/"]),
    ]:
        page = default_build.page(address)
        note = page[page.index('<div class="hb-source hb-screen-only">') :]
        note = note[: note.index("</div>")]
        employees, maintainer = note.split('<details class="hb-maintainer">')
        assert "data/" not in employees and "Pas daar" not in employees
        if address.startswith(("stappen/", "mensen/")):  # these pages end with their own feedback link
            assert "Klopt er iets niet?" in page and "Meld het bij de beheerder" not in employees
        else:
            assert "Meld het bij de beheerder" in employees
        assert maintainer.startswith("<summary>Voor de beheerder</summary>")
        assert all(f"<code>{name}</code>" in maintainer for name in names), address
        assert "Pas daar de gegevens aan" not in page.replace(maintainer, "")
    assert f'<a href="{base}docs/actiepunten.md"><code>docs/actiepunten.md</code></a>' in default_build.page(
        "actiepunten/"
    )


def test_an_unknown_data_file_in_the_registry_fails_the_strict_build(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".git", "site", "*.egg-info", "__pycache__", ".*cache")
    )
    registry = project / "macros" / "pages.py"
    text = registry.read_text(encoding="utf-8")
    keten = '("organisation.yml", "steps/"), ("Ons werk",), "De keten"'
    assert keten in text
    registry.write_text(text.replace(keten, keten.replace("organisation.yml", "organsation.yml")), "utf-8")
    env = {**os.environ, "HANDBOOK_TODAY": "2026-11-23", "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode != 0 and "organsation.yml" in proc.stdout + proc.stderr
