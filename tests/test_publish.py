"""Publishing on purpose: noindex unless the site is public, and the copy that opens from a folder (zip)."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import unquote

import pytest

from macros import offline, publish
from macros.load import load
from macros.model import OrganisationFile
from macros.problems import DataError
from macros.render.links import rel

from .conftest import DATA, ROOT, TODAY, Build, run_build

INFO = load(DATA).org.info
ROBOTS = re.compile(r'<meta name="robots" content="([^"]*)">')
# Every href and src in a page; the ones that leave the folder start with a scheme, '//' or '/'.
LINK = re.compile(r'\s(?:href|src)="([^"]*)"')
OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)", re.IGNORECASE)


def _with_settings(info: OrganisationFile, **settings: object) -> OrganisationFile:
    return info.model_copy(update={"settings": info.settings.model_copy(update=settings)})


def _make_public(data: Path) -> None:
    path = data / "organisation.yml"
    text = path.read_text(encoding="utf-8")
    assert "  max_open_actions: 2\n" in text
    path.write_text(
        text.replace("  max_open_actions: 2\n", "  max_open_actions: 2\n  public: true\n"), encoding="utf-8"
    )


# --- the setting and its core functions ---


def test_a_site_is_not_public_unless_the_organisation_says_so() -> None:
    assert INFO.settings.public is False
    assert publish.robots_meta(INFO) == "noindex, nofollow"
    assert publish.robots_meta(_with_settings(INFO, public=True)) is None


def test_public_takes_only_true_or_false_in_dutch(data_copy: Path) -> None:
    path = data_copy / "organisation.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  max_open_actions: 2\n", "  max_open_actions: 2\n  public: ja\n"), encoding="utf-8")
    line = text[: text.index("  max_open_actions: 2\n")].count("\n") + 2
    with pytest.raises(DataError) as info:
        load(data_copy)
    assert [str(p) for p in info.value.problems] == [
        f"{data_copy / 'organisation.yml'}:{line}:11: error: hier hoort true (ja) of false (nee), maar er staat 'ja'."
    ]
    _make_public(data_copy)
    path.write_text(path.read_text(encoding="utf-8").replace("public: ja\n", ""), encoding="utf-8")
    assert load(data_copy).org.info.settings.public is True


@pytest.mark.parametrize(
    ("name", "short", "expected"),
    [
        ("Installatiebedrijf Meijer & Zonen", "Meijer & Zonen", "handboek-meijer-zonen-2026-12-02.zip"),
        ("Café Één B.V.", None, "handboek-cafe-een-b-v-2026-12-02.zip"),
        ("<script>", "../../etc", "handboek-etc-2026-12-02.zip"),
        ("Зоря", None, "handboek-2026-12-02.zip"),
    ],
)
def test_the_zip_is_named_after_the_organisation_and_the_date(name: str, short: str | None, expected: str) -> None:
    info = INFO.model_copy(update={"name": name, "short_name": short})
    assert publish.zip_name(info, dt.date(2026, 12, 2)) == expected


@pytest.mark.parametrize(
    ("value", "wanted"),
    [
        (None, False),
        ("", False),
        ("0", False),
        ("false", False),
        ("Nee", False),
        ("1", True),
        ("true", True),
        ("ja", True),
    ],
)
def test_handbook_offline_values(value: str | None, wanted: bool) -> None:
    assert publish.offline_requested(value) is wanted


# --- links in a site without directory addresses ---

PAGES = {
    "": "index.html",
    "keten/": "keten.html",
    "mensen/": "mensen/index.html",
    "mensen/erik-smit/": "mensen/erik-smit.html",
    "bijeenkomst/werkblad/": "bijeenkomst/werkblad/index.html",
    "bijeenkomst/werkblad/leeg/": "bijeenkomst/werkblad/leeg.html",
}


@pytest.mark.parametrize(
    ("src", "address"),
    [
        ("index.md", ""),
        ("keten.md", "keten/"),
        ("mensen/index.md", "mensen/"),
        ("mensen/erik-smit.md", "mensen/erik-smit/"),
        ("bijeenkomst/werkblad/leeg.md", "bijeenkomst/werkblad/leeg/"),
    ],
)
def test_directory_address_of_a_page(src: str, address: str) -> None:
    assert offline.directory_url(src) == address


@pytest.mark.parametrize(
    ("href", "page_dir", "page_file", "expected"),
    [
        ("mensen/", "", "index.html", "mensen/index.html"),
        ("actiepunten/#formulier", "", "index.html", "actiepunten/index.html#formulier"),
        ("../../keten/", "mensen/erik-smit/", "mensen/erik-smit.html", "../keten.html"),
        ("../", "mensen/erik-smit/", "mensen/erik-smit.html", "index.html"),
        ("../../", "mensen/erik-smit/", "mensen/erik-smit.html", "../index.html"),
        ("./", "mensen/", "mensen/index.html", "index.html"),
        ("../mensen/erik-smit/?h=erik", "keten/", "keten.html", "mensen/erik-smit.html?h=erik"),
        ("leeg/", "bijeenkomst/werkblad/", "bijeenkomst/werkblad/index.html", "leeg.html"),
        ("../vervolg.ics", "bijeenkomst/draaiboek/", "bijeenkomst/draaiboek.html", "vervolg.ics"),
        ("../../assets/logo.png", "mensen/erik-smit/", "mensen/erik-smit.html", "../assets/logo.png"),
        ("../../../buiten/", "mensen/erik-smit/", "mensen/erik-smit.html", "../../../buiten/"),
        ("https://example.org/a/", "", "index.html", "https://example.org/a/"),
        ("mailto:a@b.nl", "", "index.html", "mailto:a@b.nl"),
        ("#kop", "keten/", "keten.html", "#kop"),
        ("/absoluut/", "keten/", "keten.html", "/absoluut/"),
    ],
)
def test_a_directory_link_becomes_a_link_to_the_page_file(
    href: str, page_dir: str, page_file: str, expected: str
) -> None:
    assert offline.file_link(href, page_dir, page_file, PAGES) == expected


def test_only_attributes_in_raw_html_are_rewritten() -> None:
    markdown = (
        '[Markdown](keten.md) <a href="../../keten/">HTML</a> <img src="../../assets/x.png" alt="">'
        ' `href=&quot;../keten/&quot;` data-href="../keten/"'
    )
    done = offline.file_links(markdown, "mensen/erik-smit/", "mensen/erik-smit.html", PAGES)
    assert done == (
        '[Markdown](keten.md) <a href="../keten.html">HTML</a> <img src="../assets/x.png" alt="">'
        ' `href=&quot;../keten/&quot;` data-href="../keten/"'
    )


@pytest.mark.parametrize(
    ("file_url", "directory"),
    [("index.html", ""), ("keten.html", "keten/"), ("mensen/index.html", "mensen/"), ("mensen/x.html", "mensen/x/")],
)
def test_rel_reads_a_page_file_as_its_directory_address(file_url: str, directory: str) -> None:
    for target in ("", "mensen/", "mensen/erik-smit/", "stappen/uitvoering/", "bijeenkomst/werkblad/leeg/"):
        assert rel(file_url, target) == rel(directory, target)


# --- real builds ---


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_default_build_asks_search_engines_to_skip_every_page(default_build: Build) -> None:
    pages = _pages(default_build.site)
    assert len(pages) > 30
    for page in pages:
        assert ROBOTS.findall(page.read_text(encoding="utf-8")) == ["noindex, nofollow"], page
    sitemap = (default_build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<urlset" in sitemap and "<url>" not in sitemap


def test_a_public_site_can_be_found(tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _make_public(data_copy)
    monkeypatch.setenv("HANDBOOK_SITE_URL", "https://meijer-zonen.example/handboek/")
    build = run_build(tmp_path, data_copy)
    assert build.returncode == 0, build.output
    for page in _pages(build.site):
        assert 'name="robots"' not in page.read_text(encoding="utf-8"), page
    sitemap = (build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://meijer-zonen.example/handboek/mensen/erik-smit/</loc>" in sitemap


def test_offline_build_links_stay_inside_the_folder_and_reach_a_file(offline_build: Build) -> None:
    site = offline_build.site
    assert not (site / "mensen" / "erik-smit" / "index.html").exists()
    assert (site / "mensen" / "erik-smit.html").is_file()
    broken, outside = [], []
    for page in _pages(site):
        if page.name == "404.html":  # only useful on a web server; 'handboek zip' leaves it out
            continue
        html = page.read_text(encoding="utf-8")
        assert ROBOTS.findall(html) == ["noindex, nofollow"], page
        for href in LINK.findall(html):
            if href.startswith("#"):
                continue
            if OUTSIDE.match(href):
                # Links to click (edit, mail, Material's credits) may leave; nothing loads from elsewhere.
                outside.append(href)
                continue
            target = page.parent / unquote(re.split(r"[?#]", href)[0])
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href}")
    assert broken == [], "\n".join(broken[:40])
    assert all(re.match(r"^(https://|mailto:)", h) for h in outside), sorted(set(outside))
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="(?:https?:)?//', html), page
        assert "unpkg.com" not in html, page
    # Search without a server: the index as a script, and the worker shim from the site itself.
    assert (site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")
    assert (site / "assets" / "vendor" / "iframe-worker" / "shim.js").is_file()
    license_text = (site / "assets" / "vendor" / "iframe-worker" / "LICENSE").read_text(encoding="utf-8")
    assert "Martin Donath" in license_text and "Permission is hereby granted" in license_text
    memo = (site / "bijeenkomst" / "draaiboek.html").read_text(encoding="utf-8")
    assert 'href="vervolg.ics"' in memo and (site / "bijeenkomst" / "vervolg.ics").read_text(
        encoding="utf-8"
    ).startswith("BEGIN:VCALENDAR")


# --- handboek zip ---


def _zip(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HANDBOOK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("HANDBOOK_DATA", None)
    env.pop("HANDBOOK_OFFLINE", None)
    return subprocess.run(
        [sys.executable, "-m", "macros", "zip", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_handboek_zip_writes_the_offline_site_as_one_file(tmp_path: Path, data_copy: Path) -> None:
    first = _zip("--data", str(data_copy), "--output", f"{tmp_path}/uit/")
    assert first.returncode == 0, first.stdout + first.stderr
    target = tmp_path / "uit" / f"handboek-meijer-zonen-{TODAY}.zip"
    assert first.stdout.strip() == str(target)
    assert "Pak het uit in een gedeelde map en open index.html." in first.stderr
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        top = f"handboek-meijer-zonen-{TODAY}/"
        assert all(n.startswith(top) for n in names)
        inside = {n.removeprefix(top) for n in names}
        assert {"index.html", "mensen/erik-smit.html", "search/search_index.js", "bijeenkomst/vervolg.ics"} <= inside
        assert "404.html" not in inside and not any(n.endswith("/index.html/") for n in inside)
        assert 'href="mensen.html"' in archive.read(top + "index.html").decode("utf-8")
    # The same data gives the same zip, byte for byte; a named file is written where asked.
    again = _zip("--data", str(data_copy), "--output", str(tmp_path / "kopie.zip"))
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "kopie.zip").read_bytes() == target.read_bytes()


def test_handboek_zip_stops_on_bad_data_and_outside_the_project(tmp_path: Path, data_copy: Path) -> None:
    path = data_copy / "people.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("name:", "naam:", 1), encoding="utf-8")
    bad = _zip("--data", str(data_copy), "--output", str(tmp_path / "x.zip"))
    assert bad.returncode == 1 and not (tmp_path / "x.zip").exists()
    assert re.search(r"people\.yml:\d+:\d+: error: ", bad.stdout), bad.stdout
    assert "het zip-bestand is niet gemaakt" in bad.stderr and "Traceback" not in bad.stderr
    elsewhere = _zip("--data", str(DATA), cwd=tmp_path)
    assert elsewhere.returncode == 2 and "geen mkdocs.yml" in elsewhere.stderr
    assert list(tmp_path.glob("*.zip")) == []


def test_handboek_zip_help_is_dutch() -> None:
    shown = _zip("--help")
    assert shown.returncode == 0
    assert shown.stdout.startswith("gebruik: handboek zip") and "--output BESTAND" in shown.stdout
    assert "gedeelde map" in shown.stdout


def test_beheer_explains_the_choices_in_the_words_of_the_workflow_and_readme(default_build: Build) -> None:
    page = default_build.page("beheer/")
    flow = (ROOT / ".github" / "workflows" / "handboek.yml").read_text(encoding="utf-8")
    found = re.search(r"vars\.(\w+) == '(\w+)'", flow)
    assert found is not None
    assert f"<code>{found[1]}</code>" in page and f"<code>{found[2]}</code>" in page
    assert "<code>public: true</code>" in page and "<code>handboek zip</code>" in page
    headings = re.findall(r"<h[23] id=\"[^\"]+\">([^<]+)<", page)
    for heading in (
        "Aanpassen zonder terminal",
        "Wat alleen met een terminal kan",
        "Python en het project installeren op Windows",
        "Waar staat de site?",
        "Op een gedeelde map",
        "Openbaar op internet",
    ):
        assert heading in headings, headings
    assert "github.dev" in page and "Add python.exe to PATH" in page
    # The Windows steps are the README's install command, one line at a time.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme.split("<!-- site-command -->", 1)[1].split("```sh\n", 1)[1].split("\n", 1)[0]
    steps = [part for part in command.split(" && ") if not part.startswith("mkdocs ")]
    block = page[page.index("py -m venv .venv") :]
    block = block[: block.index("</code></pre>")]
    assert block.splitlines() == ["py -m venv .venv", ".venv\\Scripts\\activate", *steps]


def test_handbook_offline_turns_the_plugin_on_or_says_it_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.exceptions import PluginError

    from macros.adapters import plugin_offline

    plugin = SimpleNamespace(config={"enabled": False})
    config: Any = SimpleNamespace(plugins={"material/offline": plugin})
    monkeypatch.delenv("HANDBOOK_OFFLINE", raising=False)
    plugin_offline.enable(config)
    assert plugin.config["enabled"] is False
    monkeypatch.setenv("HANDBOOK_OFFLINE", "1")
    plugin_offline.enable(config)
    assert plugin.config["enabled"] is True
    with pytest.raises(PluginError, match="mkdocs.yml noemt de plugin 'offline' niet"):
        plugin_offline.enable(SimpleNamespace(plugins={}))  # type: ignore[arg-type]
