"""The registry of page types (macros/pages.py) and the plugin that builds the site from it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from macros import followup, invitation_ics, pages
from macros.load import load
from macros.render import links

from .conftest import DATA, ROOT, TODAY, Build

DOCS = ROOT / "docs"
# 'Mensen' is a plain page in 'Ons werk' (a section of its own left the phone menu empty).
ACTIVE_MENSEN = re.compile(r'<li class="md-nav__item md-nav__item--active">\s*<a href="\.\./" class="md-nav__link')


def test_every_hand_written_page_is_in_the_registry_at_the_address_mkdocs_gives_it() -> None:
    sources = {p.source: p for p in pages.REGISTRY if p.source}
    assert set(sources) == {f.relative_to(DOCS).as_posix() for f in DOCS.rglob("*.md")}
    for src, page in sources.items():
        stem = src.removesuffix(".md")
        expected = "" if stem == "index" else stem.removesuffix("index") if stem.endswith("index") else stem + "/"
        assert page.address == expected, src


def test_every_data_file_of_the_registry_exists() -> None:
    org = load(DATA).org
    for page in pages.REGISTRY:
        for item in page.page_items(org):
            for name in item.data:
                assert (DATA / name).exists(), (page.name, name)


def test_names_are_unique_and_links_come_from_the_registry() -> None:
    names = [p.name for p in pages.REGISTRY]
    assert len(names) == len(set(names))
    assert links.PAGES["keten"] == "keten/" and links.PAGES["home"] == ""
    assert links.step_url("uitvoering") == "stappen/uitvoering/"
    assert links.person_url("erik-smit") == "mensen/erik-smit/"
    files = {followup.CALENDAR_FILE, followup.FOLLOW_UP_FILE, invitation_ics.FILE}
    assert files == {p.address for p in pages.REGISTRY if p.is_file}


def test_the_nav_follows_the_registry_with_one_entry_per_step() -> None:
    org = load(DATA).org
    nav = pages.nav((p, i.id or None) for p in pages.REGISTRY for i in p.page_items(org))
    assert nav[0] == {"Start": "index.md"} and nav[-1] == {"Beheer": "beheer.md"}
    sections = [next(iter(e)) for e in nav]
    assert sections == ["Start", "De methode", "Ons werk", "Stappen", "Bijeenkomst", "Beheer"]
    steps = next(e["Stappen"] for e in nav if "Stappen" in e)
    assert steps == ["stappen/index.md", *(f"stappen/{s.id}.md" for s in org.steps)]
    work = next(e["Ons werk"] for e in nav if "Ons werk" in e)
    # A plain page, not a section with only its index: the phone menu would open at that empty level.
    assert {"Mensen": "mensen.md"} in work
    assert not any("mensen/" in str(e) for e in work)  # person pages are not in the nav


def test_plugin_options_win_over_the_environment(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOOK_DATA", str(tmp_path / "nowhere"))
    monkeypatch.setenv("HANDBOOK_TODAY", "2020-01-01")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["handboek"]
    plugin.config.data_dir, plugin.config.today = str(data_copy), TODAY
    plugin.on_config(config)
    assert plugin.folder == data_copy.resolve() and plugin.today.isoformat() == TODAY
    assert config.nav is not None and config.nav[0] == {"Start": "index.md"}


def test_a_wrong_date_stops_the_build_with_a_dutch_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "23-11-2026")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    with pytest.raises(PluginError, match="HANDBOOK_TODAY='23-11-2026' is geen datum; schrijf JJJJ-MM-DD"):
        config.plugins["handboek"].on_config(config)


def test_generated_pages_hold_one_macro_call_and_person_pages_mark_mensen(default_build: Build) -> None:
    erik = default_build.page("mensen/erik-smit")
    assert "Erik Smit" in erik
    # 'Mensen' is the current place in the nav while a person page shows (the person is not in the nav).
    assert ACTIVE_MENSEN.search(erik)
    assert not ACTIVE_MENSEN.search(default_build.page("keten").replace('href="../mensen/"', 'href="../"'))
    step = default_build.page("stappen/uitvoering")
    assert "data/steps/04-uitvoering.yml" in step


def _project(tmp_path: Path) -> Path:
    """A copy of the project in which a test may change the code, as a maintainer would."""
    project = tmp_path / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".git", "site", "*.egg-info", "__pycache__", ".*cache")
    )
    return project


def _build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HANDBOOK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    env.pop("HANDBOOK_DATA", None)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=300)


def test_a_new_page_type_is_one_view_one_template_and_one_registry_line(tmp_path: Path) -> None:
    """The worked example of the README ("Een paginatype toevoegen"), built strict in a copy of the project."""
    project = _project(tmp_path)
    (project / "macros" / "render" / "teams.py").write_text(
        textwrap.dedent('''\
            """The teams page: who works in which team."""

            from __future__ import annotations

            from dataclasses import dataclass

            from ..model import Person
            from ..pages import Facts


            @dataclass(frozen=True)
            class TeamsView:
                here: str
                teams: list[tuple[str, list[Person]]]


            def teams_view(facts: Facts) -> TeamsView:
                teams: dict[str, list[Person]] = {}
                for person in facts.org.people:
                    teams.setdefault(person.team or "Zonder team", []).append(person)
                return TeamsView(facts.here, sorted(teams.items()))
            '''),
        encoding="utf-8",
    )
    (project / "macros" / "templates" / "teams.html").write_text(
        textwrap.dedent("""\
            {% import "parts.html" as parts %}
            # Teams

            {% for team, people in page.teams %}
            ## {{ team|md }}

            <ul>{% for person in people %}<li>{{ parts.person_link(person, page.here) }}</li>{% endfor %}</ul>

            {% endfor %}
            """),
        encoding="utf-8",
    )
    registry = project / "macros" / "pages.py"
    text = registry.read_text(encoding="utf-8")
    anchor = '    PageType("beheer", "beheer/"'
    line = (
        '    PageType("teams", "teams/", ("people.yml",), ("Ons werk",), "Teams",'
        ' view="macros.render.teams:teams_view", template="teams.html"),\n'
    )
    registry.write_text(text.replace(anchor, line + anchor), encoding="utf-8")

    proc = _build(project, tmp_path / "site")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    page = (tmp_path / "site" / "teams" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="uitvoering">Uitvoering' in page
    assert '<a href="../mensen/erik-smit/">Erik Smit</a>' in page
    assert "data/people.yml" in page  # the edit button opens the data file behind the page
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="teams/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Teams', home)  # in the nav


def test_an_override_in_custom_dir_changes_the_wording_of_a_page(tmp_path: Path) -> None:
    project = _project(tmp_path)
    own = project / "overrides" / "handboek" / "step.html"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(
        (ROOT / "macros" / "templates" / "step.html")
        .read_text(encoding="utf-8")
        .replace("## Wie werkt hier", "## Wie doet dit werk"),
        encoding="utf-8",
    )
    proc = _build(project, tmp_path / "site")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    page = (tmp_path / "site" / "stappen" / "uitvoering" / "index.html").read_text(encoding="utf-8")
    assert ">Wie doet dit werk<" in page and ">Wie werkt hier<" not in page


def test_a_generated_page_outside_the_registry_fails_the_strict_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Another plugin's page has no data file we know of: no edit button, and a warning that --strict counts."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import File

    class Extra(BasePlugin):  # type: ignore[type-arg]
        def on_files(self, files: Any, config: Any) -> Any:
            files.append(File.generated(config, "extra.md", content="# Extra\n"))
            return files

    monkeypatch.setenv("HANDBOOK_TODAY", TODAY)
    monkeypatch.delenv("HANDBOOK_DATA", raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    config.plugins["extra"] = Extra()
    with pytest.raises(Abort):
        build(config)
    assert "pagina extra.md is gegenereerd zonder bronbestand; zet hem in macros/pages.py." in caplog.text
