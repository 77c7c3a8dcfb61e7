"""The registry of page types (``macros/pages.py``) as MkDocs sees it: nav, generated files, data behind a page.

One ``PageIndex`` per plugin instance, so that every build starts empty: the
generated pages and their data files are never kept in module globals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .. import pages
from ..render.page import file_content

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from ..organisation import Organisation

log = get_plugin_logger("handboek")


def macro_call(page: pages.PageType, item_id: str) -> str:
    """The whole text of a generated page: one macro call, never data text (ids are checked in the model)."""
    return f'{{{{ handbook_page("{page.name}", "{item_id}") }}}}\n'


class PageIndex:
    """Which page type and item is behind each page of one build."""

    def __init__(self, registry: tuple[pages.PageType, ...] = pages.REGISTRY) -> None:
        self.registry = registry
        self.generated: dict[str, tuple[pages.PageType, pages.Item]] = {}
        self.sources: dict[str, pages.PageType] = {p.source: p for p in registry if p.source}
        self.parents: dict[str, str] = {  # src_uri of a page not in the nav -> src_uri of its nav place
            p.source: pages.by_name(p.nav_parent, registry).src_uri() for p in registry if p.source and p.nav_parent
        }
        self._marked: list[Any] = []

    def plan(self, org: Organisation) -> list[Any]:
        """The nav, in registry order, with one entry per item of a page type with items."""
        return pages.nav((p, item.id or None) for p in self.registry for item in p.page_items(org))

    def add_files(self, files: Files, config: MkDocsConfig, org: Organisation) -> Files:
        """Add every generated page and file of the registry; warn about a hand-written page that is missing."""
        self.generated.clear()
        for page in self.registry:
            if page.source:
                written = files.get_file_from_path(page.source)
                if written is None:
                    log.warning("pagina %r uit macros/pages.py staat niet in docs/.", page.source)
                elif page.section is None:
                    written.inclusion = InclusionLevel.NOT_IN_NAV  # on purpose: no note about a page outside the nav
                continue
            if page.view is None:
                continue
            parent = pages.by_name(page.nav_parent, self.registry).src_uri() if page.nav_parent else None
            for item in page.page_items(org):
                src = page.src_uri(item.id or None)
                if page.is_file:
                    files.append(File.generated(config, src, content=file_content(page, org)))
                    continue
                inclusion = InclusionLevel.NOT_IN_NAV if page.section is None else InclusionLevel.UNDEFINED
                files.append(File.generated(config, src, content=macro_call(page, item.id), inclusion=inclusion))
                self.generated[src] = (page, item)
                if parent:
                    self.parents[src] = parent
        return files

    def data_of(self, src: str) -> tuple[str, ...] | None:
        """The data files behind a page of the registry (hand-written or generated); None for any other page."""
        found = self.generated.get(src)
        if found is not None:
            return found[1].data
        page = self.sources.get(src)
        return page.data if page is not None else None

    def edit_target(self, src: str) -> str | None:
        """What the edit button opens: the first data file behind the page, or None for the page's own Markdown.

        The rule (docs/beheer.md): a page that shows data opens the main data file behind it, the first in
        macros/pages.py, when that is a file. A page without data, or whose first is a folder, opens its Markdown.
        A generated page has no Markdown: it opens its first data file that is not a folder.
        """
        found = self.generated.get(src)
        if found is not None:
            data = found[1].data
            return next((d for d in data if not d.endswith("/")), None) or next(iter(data), "")
        page = self.sources.get(src)
        if page is not None and page.data and not page.data[0].endswith("/"):
            return page.data[0]
        return None

    def is_generated(self, src: str) -> bool:
        return src in self.generated

    def mark_in_nav(self, page: Page, nav: Any) -> None:
        """A page that is not in the nav (a person) shows its parent ('Mensen') as the current place while it renders."""
        parent = self.parents.get(page.file.src_uri)
        if parent is None or nav is None:
            return
        index = next((p for p in nav.pages if p.file.src_uri == parent), None)
        if index is not None:
            index.active = True  # MkDocs passes this on to the sections above it
            self._marked.append(index)

    def unmark_nav(self) -> None:
        """After the page: what ``mark_in_nav`` marked is not active on the next page."""
        for item in self._marked:
            item.active = False
        self._marked.clear()
