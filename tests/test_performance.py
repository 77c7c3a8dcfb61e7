"""What the benchmark relies on, checked fast: the scaled organisations, one load per build, the lookups.

The timings themselves are in benchmarks/ (``python benchmarks/run.py``), never in the suite.
"""

from __future__ import annotations

import datetime as dt
import itertools
import posixpath
import re
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from benchmarks.make_org import make_org
from benchmarks.twin import make_twin
from macros.adapters import site
from macros.load import load
from macros.organisation import Organisation
from macros.render.links import PAGES, person_url, rel, step_url
from macros.rules import check

from .conftest import DATA, ROOT, TODAY, Build

DEFAULT = load(DATA).org


@pytest.mark.parametrize("scale_customers", [False, True], ids=["customers-fixed", "customers-scaled"])
def test_make_org_writes_a_valid_organisation_k_times_the_default(tmp_path: Path, scale_customers: bool) -> None:
    loaded = load(make_org(3, tmp_path / "org", scale_customers=scale_customers))  # raises on any error
    org = loaded.org
    assert len(org.people) == 3 * len(DEFAULT.people)
    assert len({p.id for p in org.people}) == len(org.people)
    assert len(org.actions) == 3 * len(DEFAULT.actions)
    assert [s.id for s in org.steps] == [s.id for s in DEFAULT.steps]  # the nav stays the same size
    for big, small in zip(org.steps, DEFAULT.steps, strict=True):
        assert len(big.data.performers) == 3 * len(small.data.performers)
        assert len(big.data.customers) == (3 if scale_customers else 1) * len(small.data.customers)
    assert org.info == DEFAULT.info and org.meetings == DEFAULT.meetings
    assert all(p.severity == "warning" for p in check(loaded, dt.date.fromisoformat(TODAY)))


def test_make_org_is_deterministic(tmp_path: Path) -> None:
    first, second = make_org(2, tmp_path / "a"), make_org(2, tmp_path / "b")
    files = sorted(p.relative_to(first) for p in first.rglob("*.yml"))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.yml"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_loaded_once_per_build_and_a_yaml_change_shows_after_one_rebuild(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three in-process builds, each with a fresh config as ``mkdocs serve`` makes for every rebuild."""
    calls: list[Path] = []
    real_load = site.load

    def counting_load(folder: Path) -> object:
        calls.append(folder)
        return real_load(folder)

    monkeypatch.setattr(site, "load", counting_load)
    monkeypatch.setattr(site, "_cache", {})
    monkeypatch.setenv("HANDBOOK_DATA", str(data_copy))
    monkeypatch.setenv("HANDBOOK_TODAY", TODAY)
    out = tmp_path / "site"

    def rebuild() -> str:
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out), strict=True))
        return (out / "mensen" / "erik-smit" / "index.html").read_text(encoding="utf-8")

    assert "Erik Smit" in rebuild()
    assert len(calls) == 1, "one load for a build of every page"
    assert "Erik Smit" in rebuild() and len(calls) == 1, "nothing changed: the loaded data is reused"

    people = data_copy / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("Erik Smit", "Erik Smit-Bosman"), encoding="utf-8")
    assert "Erik Smit-Bosman" in rebuild()
    assert len(calls) == 2


def test_rel_is_posixpath_relpath_for_every_address() -> None:
    addresses = [*PAGES.values(), person_url("erik-smit"), step_url("uitvoering")]
    for here, target in itertools.product(addresses, repeat=2):
        path = posixpath.relpath(target.rstrip("/") or ".", here.rstrip("/") or ".")
        assert rel(here, target) == ("./" if path == "." else path + "/"), (here, target)


def _scan(org: Organisation, person_id: str) -> tuple[object, ...]:
    """The lookups written as plain scans over the lists: what the indexes must equal."""
    return (
        next(p for p in org.people if p.id == person_id),
        [s for s in org.steps if any(p.person == person_id for p in s.data.performers)],
        [(s, c) for s in org.steps for c in s.data.customers if c.person == person_id],
        [a for a in org.actions if a.who == person_id],
    )


def test_indexed_lookups_match_a_scan(tmp_path: Path) -> None:
    for org in (DEFAULT, load(make_org(2, tmp_path / "org", scale_customers=True)).org):
        for person in org.people:
            found = (org.person(person.id), org.steps_of(person.id), org.customer_of(person.id))
            assert (*found, org.actions_of_person(person.id)) == _scan(org, person.id)
        for step in org.steps:
            assert org.step(step.id) is step
            assert org.actions_of_step(step.id) == [a for a in org.actions if a.step == step.id]


ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
EDIT_BUTTON = re.compile(r'<a href="[^"]*" title="[^"]*" class="md-content__button md-icon" rel="edit">.*?</a>', re.S)


def test_static_twin_builds_strict_with_the_same_pages(
    default_build: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The benchmark's baseline: every page of the real site, with the same content, from plain Markdown."""
    monkeypatch.setattr(site, "_cache", {})
    monkeypatch.setenv("HANDBOOK_TODAY", TODAY)
    monkeypatch.setattr(sys, "path", list(sys.path))
    summary = make_twin(DATA, tmp_path / "twin")
    generated = {f"stappen/{s.id}.md" for s in DEFAULT.steps} | {f"mensen/{p.id}.md" for p in DEFAULT.people}
    assert not generated & set(summary["not_rendered"]), "data braces are HTML entities: no Jinja left to render"
    build(load_config(str(tmp_path / "twin" / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True))
    real = sorted(p.relative_to(default_build.site) for p in default_build.site.rglob("*.html"))
    assert real == sorted(p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("*.html"))
    for page in real:
        ours = ARTICLE.findall((default_build.site / page).read_text(encoding="utf-8"))
        twin = ARTICLE.findall((tmp_path / "site" / page).read_text(encoding="utf-8"))
        assert [_text(EDIT_BUTTON.sub("", a)) for a in ours] == [_text(a) for a in twin], page


def _text(html: str) -> str:
    return " ".join(html.split())


def test_serve_watches_the_data_folder_of_handbook_data_and_the_site_url_comes_from_the_environment(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOOK_DATA", str(data_copy))
    monkeypatch.setenv("HANDBOOK_SITE_URL", "https://meijer-zonen.github.io/handboek")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config = config.plugins["handboek"].on_config(config)
    assert str(data_copy.resolve()) in config.watch  # mkdocs serve watches every entry after the first build
    assert config.site_url == "https://meijer-zonen.github.io/handboek/"
    served = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    served.site_url = "http://127.0.0.1:8000/"  # what mkdocs serve sets before it builds
    assert served.plugins["handboek"].on_config(served).site_url == "http://127.0.0.1:8000/"
