"""The edit button of every built page opens a file that exists: the main data file behind the page, or its Markdown.

The rule (docs/beheer.md, adapters/plugin_pages.py): a page of the registry with data opens its first data
file when that is a file; a generated page opens its first data file that is not a folder; every other page
opens its own Markdown in docs/.
"""

from __future__ import annotations

import html
import re

from macros import pages
from macros.load import load

from .conftest import DATA, ROOT, Build

ORG = load(DATA).org
TEMPLATE = ORG.info.edit_url or ""
BUTTON = re.compile(r'<a href="([^"]+)" title="Bewerk[^"]*" class="md-content__button')


def expected_paths() -> dict[str, str]:
    """Every page's address -> the repository path its edit button must open, from the registry."""
    found: dict[str, str] = {}
    for page in pages.REGISTRY:
        if page.is_file:
            continue
        for item in page.page_items(ORG):
            data = item.data
            if page.source:
                main = data[0] if data and not data[0].endswith("/") else None
                path = f"data/{main}" if main else f"docs/{page.source}"
            else:
                path = "data/" + next(d for d in data if not d.endswith("/"))
            found[page.url(item.id or None)] = path
    return found


def test_the_default_data_has_an_edit_url() -> None:
    assert "{path}" in TEMPLATE


def test_every_page_has_an_edit_button_that_opens_an_existing_file(default_build: Build) -> None:
    expected = expected_paths()
    built = sorted(p.parent.relative_to(default_build.site).as_posix() for p in default_build.site.rglob("index.html"))
    addresses = ["" if a == "." else a + "/" for a in built]
    assert set(addresses) == set(expected), "every page of the site is in the registry"
    for address in addresses:
        buttons = BUTTON.findall(default_build.page(address))
        assert len(buttons) == 1, f"/{address} has {len(buttons)} edit buttons"
        url = html.unescape(buttons[0])
        assert url.startswith(TEMPLATE.split("{path}")[0]), url
        path = url[len(TEMPLATE.split("{path}")[0]) :]
        assert path == expected[address], f"/{address}: the edit button opens {path}"
        assert (ROOT / path).is_file(), f"/{address}: {path} does not exist"


def test_pages_that_show_data_open_the_data_not_their_macro_call(default_build: Build) -> None:
    # What the issue found: these opened the Markdown with its macro call.
    for address, path in [
        ("actiepunten/", "data/actions.yml"),
        ("bijeenkomst/memo/", "data/meetings.yml"),
        ("bijeenkomst/draaiboek/", "data/meetings.yml"),
        ("mensen/", "data/people.yml"),
        (f"mensen/{ORG.people[0].id}/", "data/people.yml"),
        (f"stappen/{ORG.steps[0].id}/", f"data/{ORG.steps[0].path}"),
    ]:
        assert BUTTON.findall(default_build.page(address)) == [TEMPLATE.replace("{path}", path)]
    # A page of text alone, or with a folder first, opens its Markdown.
    assert BUTTON.findall(default_build.page("interne-klant/")) == [TEMPLATE.replace("{path}", "docs/interne-klant.md")]
    assert BUTTON.findall(default_build.page("handboek/")) == [TEMPLATE.replace("{path}", "docs/handboek.md")]
