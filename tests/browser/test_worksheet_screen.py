"""The worksheet on a 1920×1080 projector: every step in one row, the boxes of all steps in line, all on one screen."""

from __future__ import annotations

from typing import Any

import pytest

from macros.load import load

from ..conftest import DATA
from .conftest import Server

ORG = load(DATA).org


def _layout(page: Any) -> dict[str, Any]:
    """Where the columns and their boxes stand on the screen."""
    return page.evaluate(
        """() => {
        const cols = [...document.querySelectorAll('.hb-sheet-col')].map(c => c.getBoundingClientRect());
        const step = [...document.querySelectorAll('.hb-sheet-col:not(.hb-sheet-end)')];
        const tops = row => step.map(c => Math.round(c.children[row].getBoundingClientRect().top));
        const sheet = document.querySelector('.hb-sheet').getBoundingClientRect();
        return {
            tops: cols.map(c => Math.round(c.top)),
            lefts: cols.map(c => Math.round(c.left)),
            rights: cols.map(c => Math.round(c.right)),
            boxes: [1, 2, 3, 4].map(tops),
            sheetRight: sheet.right,
            width: document.documentElement.clientWidth,
            scrollWidth: document.documentElement.scrollWidth,
            height: document.querySelector('.hb-sheet-grid').getBoundingClientRect().height,
            header: document.querySelector('.md-header').getBoundingClientRect().height,
        };
    }"""
    )


@pytest.mark.parametrize("address", ["bijeenkomst/werkblad/", "bijeenkomst/werkblad/a3/", "bijeenkomst/werkblad/leeg/"])
def test_every_step_stands_in_one_row_on_a_projector(page: Any, site_server: Server, address: str) -> None:
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.emulate_media(media="screen")
    page.goto(site_server.url + address)
    found = _layout(page)
    columns = 6 if address.endswith("leeg/") else len(ORG.steps) + 1
    assert len(found["tops"]) == columns
    assert len(set(found["tops"])) == 1, f"the columns wrap: {found['tops']}"
    assert all(a < b for a, b in zip(found["rights"], found["lefts"][1:], strict=False)), "columns side by side"
    for row in found["boxes"]:
        assert len(set(row)) == 1, f"the boxes of the steps are not in line: {found['boxes']}"
    assert found["sheetRight"] <= found["width"] and found["scrollWidth"] <= found["width"], "nothing off the side"
    assert found["height"] <= 1080 - found["header"], "all the steps fit on one screen, under the header"


def test_a_narrow_screen_still_wraps_the_columns(page: Any, site_server: Server) -> None:
    # A phone or a narrow window keeps the columns that wrap: one row would be too narrow to read.
    page.set_viewport_size({"width": 800, "height": 1000})
    page.goto(site_server.url + "bijeenkomst/werkblad/")
    assert len(set(_layout(page)["tops"])) > 1
