"""The plugin's part for the offline copy: links that work in a site without directory addresses.

With ``HANDBOOK_OFFLINE=1`` Material's offline plugin is turned on; it turns
``use_directory_urls`` off, so that the site opens from a folder (a shared
drive). MkDocs then fixes the Markdown links, but not the links in raw HTML;
``macros.offline`` rewrites those. In a normal build nothing here changes a page.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from .. import offline, publish

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

OFFLINE_PLUGIN = "material/offline"


def enable(config: MkDocsConfig) -> None:
    """$HANDBOOK_OFFLINE=1 turns Material's offline plugin on (mkdocs.yml has it off).

    Must run before the offline plugin's own ``on_config``, which reads ``enabled``.
    """
    if not publish.offline_requested(os.environ.get(publish.OFFLINE_ENV)):
        return
    plugin = config.plugins.get(OFFLINE_PLUGIN)
    if plugin is None:
        raise PluginError(
            f"{publish.OFFLINE_ENV} vraagt om een kopie die werkt vanuit een map, maar mkdocs.yml noemt de "
            "plugin 'offline' niet. Zet onder 'plugins:' weer '- offline:' met 'enabled: false'."
        )
    plugin.config["enabled"] = True


def page_files(config: MkDocsConfig, files: Files) -> dict[str, str]:
    """Directory address of each page -> its file, such as 'mensen/' -> 'mensen/index.html' (offline only)."""
    if config.use_directory_urls:
        return {}
    return {offline.directory_url(f.src_uri): f.url for f in files.documentation_pages()}


def rewrite(markdown: str, page: Page, config: MkDocsConfig, pages: dict[str, str]) -> str:
    """The page's raw-HTML links to other pages, pointed at their files (offline only)."""
    if config.use_directory_urls:
        return markdown
    return offline.file_links(markdown, offline.directory_url(page.file.src_uri), page.file.url, pages)
