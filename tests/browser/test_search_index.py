"""Dutch search against the built search index, with Material's own lunr worker from the build.

The worker ships in the site (assets/javascripts/workers/search.*.min.js) with lunr and its Dutch
stemmer. The test starts it in a page of the served site, hands it search/search_index.json as
Material's bundle does, and asks it the queries an employee would type. The expected page comes
from the data: a person's name leads to their page, a step's name to the step page.
"""

from __future__ import annotations

from typing import Any

import pytest

from macros.load import load

from ..conftest import DATA, Build
from .conftest import Server

ORG = load(DATA).org

RUN_QUERIES = """async ([worker, queries]) => {
  const index = await (await fetch('search/search_index.json')).json();
  const w = new Worker(worker);
  const ask = (msg) => new Promise((resolve) => { w.onmessage = (e) => resolve(e.data); w.postMessage(msg); });
  await ask({type: 0, data: {...index, options: {suggest: false}}});  // SETUP, as Material's bundle sends it
  const out = {};
  for (const q of queries) {
    const reply = await ask({type: 2, data: q});  // QUERY; the worker answers with RESULT (type 3)
    out[q] = reply.data.items.map(group => group[0].location.split('#')[0]);
  }
  w.terminate();
  return out;
}"""


def _step_with(word: str) -> str:
    return next(f"stappen/{s.id}/" for s in ORG.steps if word in s.name.casefold())


def _expected() -> dict[str, str]:
    wanted = {p.name: f"mensen/{p.id}/" for p in ORG.people}
    wanted.update({s.name: f"stappen/{s.id}/" for s in ORG.steps})
    wanted.update(
        {"offerte": _step_with("offerte"), "planning": _step_with("planning"), "interne klant": "interne-klant/"}
    )
    wanted.update({"taakverdeling": "taakverdeling/", "4 A's": "4a/"})
    return wanted


@pytest.fixture(scope="module")
def results(browser: Any, site_server: Server, default_build: Build) -> dict[str, list[str]]:
    worker = next(default_build.site.glob("assets/javascripts/workers/search.*.min.js"))
    page = browser.new_page()
    try:
        page.goto(site_server.url)
        found: dict[str, list[str]] = page.evaluate(
            RUN_QUERIES, [worker.relative_to(default_build.site).as_posix(), list(_expected())]
        )
    finally:
        page.close()
    return found


@pytest.mark.parametrize("query", list(_expected()))
def test_query_lands_on_the_right_page_first(results: dict[str, list[str]], query: str) -> None:
    pages = results[query]
    assert pages, f"'{query}' finds nothing"
    assert pages[0] == _expected()[query], f"'{query}': {pages[:4]}"


def test_dutch_stemming_finds_plural_and_singular(results: dict[str, list[str]]) -> None:
    # 'interne klant' must also reach the pages that say 'interne klanten'.
    assert any(p.startswith("stappen/") for p in results["interne klant"])
