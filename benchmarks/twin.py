"""Make the static twin of a real build: the same pages, already rendered, as plain Markdown.

    python benchmarks/twin.py --data DIR --out TWIN
    python -m mkdocs build --strict -f TWIN/mkdocs.yml

It runs the real build once, in this process, with one extra plugin that
captures what the real build renders: each page's final Markdown (after
mkdocs-macros and our plugin, by running last), its front matter, every other
file (CSS, generated files), the final nav and which pages are not in the nav.
It knows no page of the handbook, so it follows pages that are added later.

The twin's mkdocs.yml is the real one with the same theme, Markdown extensions
and plugins (search, and mkdocs-macros without a module of ours), minus our
plugin, with the nav written out (generated step pages included) and the same
pages marked as not in the nav. What the twin does not have: the edit button,
which our plugin sets per page (about 200 bytes a page).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parent.parent
JINJA_MARKS = ("{{", "{%", "{#")
LAST = -1000  # after mkdocs-macros (priority 0) and our plugin
OUR_PLUGIN = "handboek"


class TwinCapture(BasePlugin):  # type: ignore[type-arg]
    """Writes what the real build renders into ``out/docs``."""

    def __init__(self, out: Path) -> None:
        super().__init__()
        self.docs = out / "docs"
        self.nav: Any = None
        self.site_name = ""
        self.not_in_nav: list[str] = []
        self.pages = 0
        self.not_rendered: list[str] = []

    def _target(self, src_uri: str) -> Path:
        path = self.docs / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    @event_priority(LAST)
    def on_files(self, files: Any, config: Any) -> Any:
        for file in files:
            if file.inclusion == InclusionLevel.EXCLUDED:
                continue
            if file.is_documentation_page():
                if file.inclusion == InclusionLevel.NOT_IN_NAV:
                    self.not_in_nav.append("/" + file.src_uri)
                continue
            if file.generated_by is None and os.path.abspath(file.src_dir or "") != os.path.abspath(config.docs_dir):
                continue  # a theme file: the twin has the same theme
            self._target(file.src_uri).write_bytes(file.content_bytes)
        return files

    @event_priority(LAST)
    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        self.nav = copy.deepcopy(config.nav)
        self.site_name = str(config.site_name)
        return nav

    @event_priority(LAST)
    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        meta = dict(page.meta)
        # The twin still runs mkdocs-macros: a page whose final text looks like Jinja
        # (a maintainer page showing a macro call, say) must stay text there.
        if any(mark in markdown for mark in JINJA_MARKS):
            meta["render_macros"] = False
            self.not_rendered.append(page.file.src_uri)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
        self._target(page.file.src_uri).write_text(
            (f"---\n{front}---\n\n" if front else "") + markdown + "\n", encoding="utf-8"
        )
        self.pages += 1
        return markdown


def _twin_config(config_file: Path, capture: TwinCapture) -> dict[str, Any]:
    """The real mkdocs.yml, without our plugin and macro module, with the captured nav."""
    with config_file.open(encoding="utf-8") as f:
        cfg: dict[str, Any] = yaml_load(f)
    base = config_file.parent
    for key in ("hooks", "watch", "INHERIT"):
        cfg.pop(key, None)
    cfg["docs_dir"] = "docs"
    cfg["site_name"] = capture.site_name
    if capture.nav is not None:
        cfg["nav"] = capture.nav
    if capture.not_in_nav:
        cfg["not_in_nav"] = "\n".join(capture.not_in_nav)
    theme = cfg.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((base / theme["custom_dir"]).resolve())
    plugins = []
    for item in cfg.get("plugins") or []:
        if item == OUR_PLUGIN or (isinstance(item, dict) and OUR_PLUGIN in item):
            continue  # the twin has the pages our plugin made, already rendered
        if isinstance(item, dict) and "macros" in item:
            options = {k: v for k, v in (item["macros"] or {}).items() if k not in ("module_name", "modules")}
            item = {"macros": options}  # the plugin, with no module: it finds no main.py in the twin
        plugins.append(item)
    cfg["plugins"] = plugins
    return cfg


def make_twin(data: Path, out: Path, *, config_file: Path = ROOT / "mkdocs.yml") -> dict[str, Any]:
    """Build ``data`` for real once and write its static twin into ``out``. Returns a summary."""
    os.environ["HANDBOOK_DATA"] = str(data.resolve())
    if str(config_file.parent) not in sys.path:
        sys.path.insert(0, str(config_file.parent))  # the project's own package, as `python -m mkdocs` finds it
    if out.exists():
        shutil.rmtree(out)
    capture = TwinCapture(out)
    with tempfile.TemporaryDirectory(prefix="twin-real-") as site:
        cfg = load_config(str(config_file), site_dir=site, strict=True)
        cfg.plugins["benchmark-twin"] = capture
        build(cfg)
    (out / "mkdocs.yml").write_text(
        "# The static twin of a real build (benchmarks/twin.py). Do not edit.\n"
        + yaml.safe_dump(_twin_config(config_file, capture), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return {"pages": capture.pages, "not_in_nav": len(capture.not_in_nav), "not_rendered": capture.not_rendered}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the static twin of a real build.")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the organisation (data/)")
    parser.add_argument("--out", type=Path, required=True, help="the twin project folder (replaced)")
    args = parser.parse_args(argv)
    print(json.dumps(make_twin(args.data, args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
