"""The MkDocs plugin ``handboek``: load the data once, stop on errors, and make the site's pages from the registry.

Every page type is in ``macros/pages.py``; this plugin turns the registry into
the nav, the generated pages (each holds one macro call) and files, the edit
buttons and the data notes under hand-written pages. Its state lives on the
instance, one per build; the data itself is cached in ``site`` across the
rebuilds of ``mkdocs serve``.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from .. import publish
from ..guard import outside_links
from ..problems import DataError
from . import plugin_offline, site
from .plugin_pages import PageIndex

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from ..load import Loaded

log = get_plugin_logger("handboek")
# The address where the site is published, such as https://org.github.io/handboek/. MkDocs needs it
# for the 404 page (whose links must work at any depth) and the sitemap; the CI workflow sets it.
SITE_URL_ENV = "HANDBOOK_SITE_URL"


class HandbookConfig(Config):
    """``plugins: - handboek: {data_dir: ..., today: ..., site_url: ...}``; each falls back to its environment variable."""

    data_dir = c.Optional(c.Type(str))  # the data folder; else $HANDBOOK_DATA, else data/ beside mkdocs.yml
    today = c.Optional(
        c.Type((str, dt.date))
    )  # JJJJ-MM-DD: the date that decides what is late; else $HANDBOOK_TODAY, else today
    site_url = c.Optional(c.Type(str))  # else $HANDBOOK_SITE_URL


class HandbookPlugin(BasePlugin[HandbookConfig]):
    """One instance per build (``mkdocs serve`` makes a new one for every rebuild)."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.folder = Path()
        self.project = ""
        self.source_dir = "data"
        self.today_date: dt.date | None = None
        self._loaded: Loaded | None = None
        self.index = PageIndex()
        self.offline_pages: dict[str, str] = {}  # directory address -> page file, in an offline build

    # -- what the macros ask for (adapters/context.py) -----------------------------------------

    @property
    def loaded(self) -> Loaded:
        if self._loaded is None:
            raise PluginError("De plug-in 'handboek' heeft de gegevens nog niet geladen.")
        return self._loaded

    @property
    def today(self) -> dt.date:
        if self.today_date is None:
            raise PluginError("De plug-in 'handboek' heeft de datum nog niet gezet.")
        return self.today_date

    # -- events --------------------------------------------------------------------------------

    @event_priority(100)  # before mkdocs-macros, whose define_env and macros use the loaded data
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        from ..render import templates
        from ..rules import check

        self.project = os.path.dirname(os.path.abspath(config.config_file_path))
        self.folder = _folder(self.config.data_dir, self.project)
        self.today_date = _today(self.config.today)  # type: ignore[arg-type]  # Type((str, date)) is typed as object
        problems = outside_links(Path(config.docs_dir), Path(self.project))
        try:
            self._loaded = site.start_build(self.folder)
        except DataError as exc:
            problems += exc.problems
        if problems:
            # Every line of the report is cleaned (macros/problems.py): no value can start a CI command or an escape.
            raise PluginError("De gegevens bevatten fouten:\n" + DataError(problems).report())
        self.source_dir = site.source_prefix(self.folder, self.project)
        notes = check(self.loaded, self.today)
        if notes:
            # Not a WARNING: the method's reminders must not fail a strict build.
            log.info("%d aandachtspunt(en) in de gegevens; 'handboek check' toont ze.", len(notes))
        if str(self.folder) not in {str(Path(w).resolve()) for w in config.watch}:
            config.watch.append(str(self.folder))  # $HANDBOOK_DATA: mkdocs serve rebuilds when that folder changes
        site_url = self.config.site_url or os.environ.get(SITE_URL_ENV)
        if site_url and not config.site_url:  # mkdocs serve sets its own address first; keep that one
            config.site_url = site_url if site_url.endswith("/") else site_url + "/"
        org = self.loaded.org
        # Escaped once, and marked safe so that Material's own "| e" does not escape it a second time.
        # The short name keeps the header readable on a phone.
        config.site_name = Markup(html.escape(f"Handboek {org.info.short_name or org.info.name}"))
        config.extra["hb_robots"] = publish.robots_meta(org.info)  # overrides/main.html and sitemap.xml
        plugin_offline.enable(config)  # before Material's offline plugin reads its 'enabled'
        custom = config.theme.custom_dir
        templates.set_override_dirs([os.path.join(custom, "handboek")] if custom else [])
        if config.nav:
            log.warning("mkdocs.yml heeft een 'nav'; het menu komt uit macros/pages.py. Haal 'nav' weg.")
        config.nav = self.index.plan(org)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        return self.index.add_files(files, config, self.loaded.org)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.offline_pages = plugin_offline.page_files(config, files)
        return nav

    def _note_sources(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Note the data files behind a page; overrides/main.html lists them for the maintainer under it."""
        src = page.file.src_uri
        names = self.index.data_of(src)
        if names is None and page.meta:
            names = page.meta.get("data")  # a page outside the registry may name them in its front matter
        if names:
            page.meta["hb_sources"] = self._data_sources(page, names)
            if not self.index.is_generated(src):
                page.meta["hb_markdown"] = self._docs_file(src, config)
            elif self.loaded.org.info.feedback is not None:
                # Step and person pages end with their own 'Klopt er iets niet?' link: main.html asks it once.
                page.meta["hb_feedback_link"] = True
        return markdown

    @event_priority(-50)  # after mkdocs-macros has put the generated HTML into the page
    def _offline_links(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return plugin_offline.rewrite(markdown, page, config, self.offline_pages)

    on_page_markdown = CombinedEvent(_note_sources, _offline_links)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Point the edit button at the file behind the page: YAML for generated pages, Markdown for the rest."""
        self.index.mark_in_nav(page, nav)
        template = self.loaded.org.info.edit_url
        if not template:
            page.edit_url = None
            return context
        src = page.file.src_uri
        data = self.index.edit_target(src)
        if data is not None:
            path = f"{self.source_dir}/{data}"
        elif page.file.generated_by:
            # A generated page that is not in the registry: no button rather than a wrong one.
            log.warning("pagina %s is gegenereerd zonder bronbestand; zet hem in macros/pages.py.", src)
            page.edit_url = None
            return context
        else:
            path = self._docs_file(src, config)["path"] or src
        # Material prints edit_url into href="..." without escaping; a quote in the URL would end the attribute.
        page.edit_url = html.escape(template.replace("{path}", path), quote=True)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        self.index.unmark_nav()
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        site.end_build()

    def on_build_error(self, error: Exception) -> None:
        site.end_build()

    def _docs_file(self, src: str, config: MkDocsConfig) -> dict[str, str | None]:
        """A hand-written page's Markdown as a path in the repository, with its edit link."""
        path = f"{site.source_prefix(Path(config.docs_dir), self.project)}/{src}"
        template = self.loaded.org.info.edit_url
        return {"path": path, "url": template.replace("{path}", path) if template else None}

    def _data_sources(self, page: Page, names: Any) -> list[dict[str, str | None]]:
        """The data files that a hand-written page shows, with an edit link each."""
        template = self.loaded.org.info.edit_url
        sources: list[dict[str, str | None]] = []
        for name in names if isinstance(names, list | tuple) else [names]:
            if not isinstance(name, str) or not (self.folder / name).exists():
                log.warning("pagina %s noemt het onbekende gegevensbestand %r.", page.file.src_uri, name)
                continue
            path = f"{self.source_dir}/{name}"
            url = template.replace("{path}", path) if template and not name.endswith("/") else None
            sources.append({"path": path, "url": url})
        return sources


def _folder(chosen: str | None, project: str) -> Path:
    """The data folder: the plugin's ``data``, else $HANDBOOK_DATA, else data/ beside mkdocs.yml."""
    if chosen:
        return (Path(project) / Path(chosen).expanduser()).resolve()
    return site.data_dir(project)


def _today(chosen: str | dt.date | None) -> dt.date:
    """The plugin's ``today``, else $HANDBOOK_TODAY, else the real date; a wrong value stops the build."""
    if isinstance(chosen, dt.date):
        return chosen
    try:
        return site.parse_today(chosen, "today") if chosen else site.today()
    except (ValueError, SystemExit) as exc:
        raise PluginError(str(exc)) from None
