"""The maintainer's side: CI workflow, pre-commit, CODEOWNERS, edit links on every page, and /beheer/."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from macros.load import load
from macros.pages import REGISTRY
from macros.render.beheer import data_files, example_commands

from . import hostile
from .conftest import DATA, ROOT, Build
from .golden import assert_golden

GOLDEN = Path(__file__).parent / "golden"
ORG = load(DATA).org
EDIT = "https://github.com/meijer-zonen/handboek/edit/main/"
LOCKED_INSTALL = "pip install -r requirements/test.txt && pip install --no-deps --no-build-isolation -e ."


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job["steps"])


def test_workflow_checks_every_run_and_publishes_only_by_choice() -> None:
    flow = _yaml(ROOT / ".github" / "workflows" / "handboek.yml")
    triggers = flow.get("on") or flow.get(True)  # YAML 1.1 readers turn 'on' into True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    check = flow["jobs"]["check"]
    runs = "\n".join(step.get("run", "") for step in _steps(check))
    for command in ("handboek check", "mkdocs build --strict", "python -m pytest", LOCKED_INSTALL):
        assert command in runs, command
    assert runs.index("handboek check") < runs.index("mkdocs build") < runs.index("python -m pytest")
    # The site and the zip are downloads on every run: pull request and push alike.
    uploads = {
        step["with"]["name"]: step
        for step in _steps(check)
        if step.get("uses", "").startswith("actions/upload-artifact@")
    }
    assert set(uploads) == {"site", "handboek-zip"}
    assert all("if" not in step for step in uploads.values())
    assert uploads["site"]["with"]["path"] == "site/"
    zip_step = next(step for step in _steps(check) if step.get("run", "").startswith("handboek zip"))
    assert zip_step["run"] == "handboek zip --output dist/" and uploads["handboek-zip"]["with"]["path"] == "dist/*.zip"
    # GitHub Pages only when the organisation set the repository variable, and only from main.
    chosen = "vars.HANDBOOK_PUBLISH == 'pages'"
    pages = next(step for step in _steps(check) if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    publish = flow["jobs"]["publish"]
    for condition in (pages["if"], publish["if"]):
        assert condition.startswith(chosen + " && ") and "refs/heads/main" in condition
        assert "github.event_name != 'pull_request'" in condition
    assert publish["needs"] == "check"
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in _steps(publish))
    assert flow["permissions"] == {"contents": "read"}


def test_problem_matcher_reads_check_lines() -> None:
    matcher = json.loads((ROOT / ".github" / "handboek-matcher.json").read_text(encoding="utf-8"))
    pattern = matcher["problemMatcher"][0]["pattern"][0]
    found = re.match(pattern["regexp"], "data/people.yml:23:5: error: onbekende sleutel 'funtion'. Bedoel je: x?")
    assert found is not None
    assert [found[pattern[k]] for k in ("file", "line", "column", "severity")] == [
        "data/people.yml",
        "23",
        "5",
        "error",
    ]


def test_pre_commit_runs_handboek_check() -> None:
    config = _yaml(ROOT / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]}
    assert hooks["handboek-check"]["entry"] == "handboek check"
    assert hooks["handboek-check"]["pass_filenames"] is False
    assert re.search(hooks["handboek-check"]["files"], "data/steps/04-uitvoering.yml")
    # The same command, as the hook runs it from the project folder.
    env = {**os.environ, "HANDBOOK_TODAY": "2026-11-01"}
    env.pop("HANDBOOK_DATA", None)
    args = hooks["handboek-check"]["entry"].split()[1:]
    proc = subprocess.run([sys.executable, "-m", "macros", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_codeowners_example_names_every_step_file() -> None:
    text = (ROOT / ".github" / "CODEOWNERS.example").read_text(encoding="utf-8")
    owned = {line.split()[0] for line in text.splitlines() if line.strip() and not line.startswith("#")}
    for step in ORG.steps:
        assert f"/data/{step.path}" in owned, step.path
    assert all(len(line.split()) >= 2 for line in text.splitlines() if line.strip() and not line.startswith("#"))


def test_material_does_not_ask_github_for_repository_facts(default_build: Build) -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^(repo_url|repo_name|edit_uri):", config, re.MULTILINE)
    for path in default_build.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in html and "api.github.com" not in html, path


def _edit_link(html: str) -> str | None:
    found = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon"', html)
    return found[1] if found else None


def test_every_page_has_an_edit_link_to_the_file_behind_it(default_build: Build) -> None:
    steps = {f"stappen/{s.id}/": f"data/{s.path}" for s in ORG.steps}
    people = {f"mensen/{p.id}/": "data/people.yml" for p in ORG.people}
    # A generated page of one piece (the A3 worksheet) edits the first data file behind it.
    single = {
        t.address: "data/" + next(d for d in t.data if not d.endswith("/"))
        for t in REGISTRY
        if t.view and t.template and not t.items
    }
    generated = {**steps, **people, **single}
    pages = list(default_build.site.rglob("index.html"))
    assert len(pages) > len(steps) + len(people)
    for page in pages:
        address = page.parent.relative_to(default_build.site).as_posix() + "/"
        address = "" if address == "./" else address
        link = _edit_link(page.read_text(encoding="utf-8"))
        assert link is not None and link.startswith(EDIT), address
        target = link.removeprefix(EDIT)
        if address in generated:
            assert target == generated[address]
        else:  # the main data file or the page's Markdown; which one: tests/test_edit_links.py
            assert target.startswith("docs/") and target.endswith(".md") or target.startswith("data/"), target
        assert (ROOT / target).is_file(), (address, target)


def test_beheer_page_is_built_and_linked_from_the_maintainer_entrance(default_build: Build) -> None:
    home = default_build.page("")
    entrance = home[home.index('id="ingang-beheerder"') :]
    assert 'href="beheer/"' in entrance[: entrance.index("</section>")]
    page = default_build.page("beheer/")
    assert "<h1" in page and "Beheer van het handboek" in page
    assert "data/<wbr>steps/<wbr>04-uitvoering.yml" in page and 'href="../stappen/uitvoering/"' in page
    assert "handboek action add --what" in page and "--who petra-mulder" in page
    assert "handboek action done ap-01" in page and "--meeting bijeenkomst-2026-10" in page
    keten = default_build.page("keten/")
    assert re.search(r'<a href="\.\./beheer/" class="md-nav__link">', keten)


def test_beheer_parts_golden() -> None:
    rendered = data_files(ORG) + "\n\n" + example_commands(ORG, "action", today=dt.date(2026, 11, 23))
    path = GOLDEN / "beheer-parts.html"
    assert_golden(path, rendered + "\n")


def test_beheer_parts_escape_hostile_data(tmp_path: Path) -> None:
    org = load(hostile.make(DATA, tmp_path / "hostile")).org
    html = data_files(org)
    assert "{{" not in html and "&#123;&#123; config.site_name &#125;&#125;" in html
    assert "<b>" not in html
    # Which value lands in a step name depends on how many texts come before it: give every text this one.
    escaped = data_files(load(hostile.make(DATA, tmp_path / "same", same=hostile.HOSTILE[13])).org)
    assert "&amp;amp; &amp;lt;b&amp;gt;" in escaped and "<b>" not in escaped
    with pytest.raises(ValueError):
        example_commands(org, "iets-anders", today=dt.date(2026, 11, 23))
