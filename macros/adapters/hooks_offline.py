"""MkDocs hook: links that work in a site without directory addresses (the offline copy).

With ``HANDBOOK_OFFLINE=1`` Material's offline plugin turns ``use_directory_urls`` off, so that
the site opens from a folder. MkDocs then fixes the Markdown links, but not the links in raw
HTML; ``macros.offline`` rewrites those. In a normal build this hook changes nothing.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from macros import offline, publish

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

OFFLINE_PLUGIN = "material/offline"


@event_priority(100)  # before the offline plugin's own on_config, which reads 'enabled'
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """$HANDBOOK_OFFLINE=1 turns Material's offline plugin on (mkdocs.yml has it off)."""
    if not publish.offline_requested(os.environ.get(publish.OFFLINE_ENV)):
        return config
    plugin = config.plugins.get(OFFLINE_PLUGIN)
    if plugin is None:
        raise PluginError(
            f"{publish.OFFLINE_ENV} vraagt om een kopie die werkt vanuit een map, maar mkdocs.yml noemt de "
            "plugin 'offline' niet. Zet onder 'plugins:' weer '- offline:' met 'enabled: false'."
        )
    plugin.config["enabled"] = True
    return config


# Directory address of each page -> its file, such as 'mensen/' -> 'mensen/index.html'.
_pages: dict[str, str] = {}


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    _pages.clear()
    if not config.use_directory_urls:
        _pages.update({offline.directory_url(f.src_uri): f.url for f in files.documentation_pages()})
    return nav


@event_priority(-50)  # after mkdocs-macros has put the generated HTML into the page
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if config.use_directory_urls:
        return markdown
    return offline.file_links(markdown, offline.directory_url(page.file.src_uri), page.file.url, _pages)
