"""Each page has one job, and search reads every page as separate words.

/keten/ shows the chain and its hand-offs, /stappen/ the steps with links, /taakverdeling/ the matrix:
the who-works-where list is on /taakverdeling/ alone. The chain picture is left out of search, and a
step's name never runs into the next text there.
"""

from __future__ import annotations

import json
import re

from macros.load import load

from .conftest import DATA, Build

ORG = load(DATA).org


def _index(build: Build) -> list[dict[str, str]]:
    docs: list[dict[str, str]] = json.loads((build.site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    return docs


def test_who_works_where_is_listed_on_the_task_page_only(default_build: Build) -> None:
    assert "Werkt hier:" not in default_build.page("stappen/")
    keten = default_build.page("keten/")
    words = keten[keten.index('id="de-keten-in-woorden"') :]
    assert "Werkt hier:" not in words and "Geeft het werk door aan:" in words
    task = default_build.page("taakverdeling/")
    assert task.count('class="hb-table hb-matrix"') == 1 and 'id="per-stap"' not in task


def test_search_keeps_words_apart_and_leaves_out_the_picture(default_build: Build) -> None:
    docs = _index(default_build)
    # Table cells still run together in Material's index (a general matter); these pages hold no table.
    for doc in (d for d in docs if d["location"].startswith(("keten/", "stappen/"))):
        text = re.sub(r"<[^>]+>", " ", doc["text"])
        for name in [s.name for s in ORG.steps] + [ORG.external_customer.name]:
            glued = re.search(re.escape(name) + r"[0-9A-Za-z]", text)
            assert glued is None, f"{doc['location']}: '{text[glued.start() : glued.end() + 20]}'"
    keten = " ".join(d["text"] for d in docs if d["location"].startswith("keten/"))
    assert "Werkt hier" not in keten, "the picture's text is not in the search index"
