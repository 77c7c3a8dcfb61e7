"""Links for a site without directory addresses, such as the copy that opens from a shared drive.

The generated HTML and the HTML written into docs/ link to directory addresses such as
'mensen/x/', relative to the directory address of their own page. MkDocs does not rewrite
links in raw HTML. Opened from a folder (file://), 'mensen/x/' is a folder, not a page. So in
a build with ``use_directory_urls: false`` each such link is turned into a link to the page's
file ('mensen/x.html'), relative to the file of the page it is on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# An href or src attribute in raw HTML. Values from the data are escaped, so a quote in the
# data is '&quot;' and never matches here.
_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
# Left alone: 'https:', 'mailto:', 'data:' and the like, '//host', '/path', '#anchor' and ''.
_KEEP = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|/|#|$)")


def directory_url(src_uri: str) -> str:
    """The directory address of a Markdown page: 'keten.md' -> 'keten/', 'mensen/index.md' -> 'mensen/'."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def _resolve(base: str, path: str) -> list[str] | None:
    """The parts of ``path`` read from the folder ``base``; None if it leaves the site."""
    parts = [p for p in base.split("/") if p]
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return parts


def _relative(from_file: str, target: str) -> str:
    """``target`` (a file in the site) as seen from the file ``from_file``."""
    base = from_file.split("/")[:-1]
    dest = target.split("/")
    same = 0
    while same < min(len(base), len(dest) - 1) and base[same] == dest[same]:
        same += 1
    return "/".join([".."] * (len(base) - same) + dest[same:])


def file_link(href: str, page_dir: str, page_file: str, pages: Mapping[str, str]) -> str:
    """One link written for the page at directory address ``page_dir``, for the page file ``page_file``.

    ``pages`` maps each page's directory address to its file ('mensen/' -> 'mensen/index.html').
    """
    if _KEEP.match(href):
        return href
    cut = min((i for i in (href.find("#"), href.find("?")) if i >= 0), default=len(href))
    path, rest = href[:cut], href[cut:]
    parts = _resolve(page_dir, path)
    if parts is None:
        return href
    folder = path in ("", ".", "..") or path.endswith(("/", "/.", "/.."))
    if folder:
        address = "/".join(parts) + "/" if parts else ""
        target = pages.get(address, address + "index.html")
    else:
        target = "/".join(parts)
    return _relative(page_file, target) + rest


def file_links(markdown: str, page_dir: str, page_file: str, pages: Mapping[str, str]) -> str:
    """Every href and src in the raw HTML of ``markdown``, rewritten by ``file_link``."""
    return _ATTR.sub(lambda m: m[1] + file_link(m[2], page_dir, page_file, pages) + m[3], markdown)
