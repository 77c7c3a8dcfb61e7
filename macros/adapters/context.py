"""What a macro needs besides its arguments: the data, the date, the data folder and the current page.

The values come from the ``handboek`` plugin of the running build, which loaded
and checked the data in its ``on_config``. The macro groups import this module;
nothing here imports them, so there is no import circle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..organisation import Organisation
    from ..pages import Facts
    from .plugin import HandbookPlugin

PLUGIN_NAME = "handboek"  # the entry point in pyproject.toml, as mkdocs.yml names it


@dataclass(frozen=True)
class Context:
    env: Any
    plugin: HandbookPlugin

    @property
    def org(self) -> Organisation:
        return self.plugin.loaded.org

    @property
    def today(self) -> dt.date:
        return self.plugin.today

    @property
    def source_dir(self) -> str:
        """The data folder as a path inside the repository, such as 'data'."""
        return self.plugin.source_dir

    @property
    def here(self) -> str:
        """The address of the page being rendered, such as 'mensen/'."""
        page = getattr(self.env, "page", None)
        return str(page.url) if page is not None else ""

    def facts(self) -> Facts:
        from ..pages import Facts

        return Facts(self.org, self.today, self.here, self.source_dir)


def plugin_of(env: Any) -> HandbookPlugin:
    """The ``handboek`` plugin of this build; mkdocs-macros without it has no data to show."""
    found = env.conf.plugins.get(PLUGIN_NAME)
    if found is None:
        raise RuntimeError(f"mkdocs.yml moet de plug-in '{PLUGIN_NAME}' noemen, vóór 'macros'.")
    plugin: HandbookPlugin = found
    return plugin
