"""Addresses of the site's pages and links between them.

Links inside generated HTML are made relative here, because MkDocs does not
rewrite links in raw HTML. The addresses come from the registry of page types
(``macros/pages.py``); each is one of the stable ones in DESIGN.md.
"""

from __future__ import annotations

from ..pages import addresses, by_name

# Every single page of the registry (macros/pages.py), by name: 'keten' -> 'keten/'.
PAGES = addresses()
_STEP = by_name("step")
_PERSON = by_name("person")


def step_url(step_id: str) -> str:
    return _STEP.url(step_id)


def person_url(person_id: str) -> str:
    return _PERSON.url(person_id)


def rel(here: str, target: str) -> str:
    """A relative link from the page at ``here`` to the page at ``target``."""
    if here.endswith(".html"):  # a site without directory addresses: 'mensen/x.html' is 'mensen/x/'
        here = here[: -len("index.html")] if here == "index.html" or here.endswith("/index.html") else here[:-5] + "/"
    # Both are site addresses ('mensen/x/'); this is posixpath.relpath without its
    # normalisation through the file system's current folder, which a big site calls thousands of times.
    base = [p for p in here.split("/") if p not in ("", ".")]
    dest = [p for p in target.split("/") if p not in ("", ".")]
    same = 0
    while same < min(len(base), len(dest)) and base[same] == dest[same]:
        same += 1
    parts = [".."] * (len(base) - same) + dest[same:]
    return "/".join(parts) + "/" if parts else "./"
