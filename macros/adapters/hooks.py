"""MkDocs hook: load the data once, stop on errors, add one page per step and person.

Each generated page holds only a macro call; the macro renders the data.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from macros import publish
from macros.adapters import site
from macros.problems import DataError
from macros.rules import check

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger("handboek")
STEPS_SECTION = "Stappen"
# The address where the site is published, such as https://org.github.io/handboek/. MkDocs needs it
# for the 404 page (whose links must work at any depth) and the sitemap; the CI workflow sets it.
SITE_URL_ENV = "HANDBOOK_SITE_URL"


@event_priority(100)  # before mkdocs-macros, whose define_env uses the loaded data
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    folder = site.data_dir(_project_dir(config))
    try:
        loaded = site.start_build(folder)
    except DataError as exc:
        raise PluginError("De gegevens bevatten fouten:\n" + exc.report()) from None
    notes = check(loaded, site.today())
    if notes:
        # Not a WARNING: the method's reminders must not fail a strict build.
        log.info("%d aandachtspunt(en) in de gegevens; 'handboek check' toont ze.", len(notes))
    if str(folder) not in {str(Path(w).resolve()) for w in config.watch}:
        config.watch.append(str(folder))  # $HANDBOOK_DATA: mkdocs serve rebuilds when that folder changes too
    site_url = os.environ.get(SITE_URL_ENV)
    if site_url and not config.site_url:  # mkdocs serve sets its own address first; keep that one
        config.site_url = site_url if site_url.endswith("/") else site_url + "/"
    org = loaded.org
    # Escaped once, and marked safe so that Material's own "| e" does not escape it a second time.
    # The short name keeps the header readable on a phone.
    config.site_name = Markup(html.escape(f"Handboek {org.info.short_name or org.info.name}"))
    config.extra["hb_robots"] = publish.robots_meta(org.info)  # overrides/main.html and sitemap.xml
    _add_steps_to_nav(config, [f"stappen/{s.id}.md" for s in org.steps])
    return config


# Generated page (src_uri) -> the data file behind it (path inside the data folder), for the edit button.
GENERATED_FROM: dict[str, str] = {}


def generated(config: MkDocsConfig, src: str, content: str, data_file: str, **kwargs: Any) -> File:
    """A generated page whose edit button opens ``data_file``. Every generated page goes through here."""
    GENERATED_FROM[src] = data_file
    return File.generated(config, src, content=content, **kwargs)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    org = site.load_once(site.data_dir(_project_dir(config))).org
    GENERATED_FROM.clear()
    for step in org.steps:
        files.append(generated(config, f"stappen/{step.id}.md", f'{{{{ step_page("{step.id}") }}}}\n', step.path))
    for person in org.people:
        files.append(
            generated(
                config,
                f"mensen/{person.id}.md",
                f'{{{{ person_page("{person.id}") }}}}\n',
                "people.yml",
                inclusion=InclusionLevel.NOT_IN_NAV,  # found through /mensen/ and search
            )
        )
    return files


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """Point the edit button at the file behind the page: YAML for generated pages, Markdown for the rest."""
    _mark_people_in_nav(page, nav)
    project = _project_dir(config)
    folder = site.data_dir(project)
    template = site.load_once(folder).org.info.edit_url
    if not template:
        page.edit_url = None
        return context
    src = page.file.src_uri
    if src in GENERATED_FROM:
        path = f"{site.source_prefix(folder, project)}/{GENERATED_FROM[src]}"
    elif page.file.generated_by:
        # A generated page that did not say where its data lives: no button rather than a wrong one.
        log.warning("pagina %s is gegenereerd zonder bronbestand; maak hem met hooks.generated().", src)
        page.edit_url = None
        return context
    else:
        path = f"{site.source_prefix(Path(config.docs_dir), project)}/{src}"
    # Material prints edit_url into href="..." without escaping; a quote in the URL would end the attribute.
    page.edit_url = html.escape(template.replace("{path}", path), quote=True)
    return context


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note the data files a hand-written page names in its front matter (``data:``); see ``_data_sources``."""
    names = page.meta.get("data") if page.meta else None
    if names:
        page.meta["hb_sources"] = _data_sources(page, names, config)
    return markdown


def _data_sources(page: Page, names: Any, config: MkDocsConfig) -> list[dict[str, str | None]]:
    """The data files that a hand-written page shows, with an edit link each.

    overrides/main.html lists them under the page, so that the maintainer finds the YAML behind
    a page such as the memo, whose Markdown holds only macro calls.
    """
    project = _project_dir(config)
    folder = site.data_dir(project)
    prefix = site.source_prefix(folder, project)
    template = site.load_once(folder).org.info.edit_url
    sources: list[dict[str, str | None]] = []
    for name in names if isinstance(names, list) else [names]:
        if not isinstance(name, str) or not (folder / name).exists():
            log.warning("pagina %s noemt onder 'data:' het onbekende bestand %r.", page.file.src_uri, name)
            continue
        path = f"{prefix}/{name}"
        url = template.replace("{path}", path) if template and not name.endswith("/") else None
        sources.append({"path": path, "url": url})
    return sources


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _unmark_nav()
    return output


_PEOPLE_INDEX = "mensen/index.md"
_marked: list[Any] = []


def _mark_people_in_nav(page: Page, nav: Any) -> None:
    """A person's page is not in the nav; while it renders, 'Mensen' shows as the current place instead."""
    if not page.file.src_uri.startswith("mensen/") or page.file.src_uri == _PEOPLE_INDEX or nav is None:
        return
    index = next((p for p in nav.pages if p.file.src_uri == _PEOPLE_INDEX), None)
    if index is not None:
        index.active = True  # MkDocs passes this on to the sections above it
        _marked.append(index)


def _unmark_nav() -> None:
    """After the page: what ``_mark_people_in_nav`` marked is not active on the next page."""
    for item in _marked:
        item.active = False
    _marked.clear()


def on_post_build(config: MkDocsConfig) -> None:
    site.end_build()


def on_build_error(error: Exception) -> None:
    site.end_build()


def _project_dir(config: MkDocsConfig) -> str:
    return os.path.dirname(os.path.abspath(config.config_file_path))


def _add_steps_to_nav(config: MkDocsConfig, pages: list[str]) -> None:
    """Fill the nav section named 'Stappen' with the step pages, in order."""
    nav = config.nav or []
    for item in nav:
        if isinstance(item, dict) and STEPS_SECTION in item:
            section = item[STEPS_SECTION]
            children = section if isinstance(section, list) else [section]
            item[STEPS_SECTION] = [c for c in children if c not in pages] + pages
            return
