"""Printing the facilitator kit in headless Chromium: A4, the worksheet on one landscape sheet (A4 or A3), nothing
cut off."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from pypdf import PdfReader

from macros.load import load

from ..conftest import DATA, run_build
from .conftest import Server

A4 = (595.0, 842.0)  # points, portrait
A3 = (842.0, 1191.0)  # points, portrait
MM = 96 / 25.4  # CSS pixels per millimetre
ORG = load(DATA).org


def _open_for_print(page: Any, url: str, width_mm: float) -> None:
    """Load ``url`` with print styles, in a window as wide as the printable part of the paper."""
    page.set_viewport_size({"width": round(width_mm * MM), "height": 1000})
    page.emulate_media(media="print")
    page.goto(url)


def _pdf(page: Any) -> PdfReader:
    return PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))


def _sizes(reader: PdfReader) -> set[tuple[int, int]]:
    return {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}


def _overflowing(page: Any) -> list[str]:
    """Tables, code blocks and worksheet boxes whose content sticks out of their box in the print layout."""
    return page.evaluate(
        """() => {
        const bad = [];
        const content = document.querySelector('.md-content__inner').getBoundingClientRect();
        for (const el of document.querySelectorAll('.md-content__inner table, .md-content__inner pre, .hb-sheet')) {
            const box = el.getBoundingClientRect();
            if (box.width === 0) continue;  // hidden in print
            const parent = el.parentElement.getBoundingClientRect();
            if (box.right > parent.right + 1 || box.right > content.right + 1 || el.scrollWidth > el.clientWidth + 1)
                bad.push(el.tagName + '.' + el.className + ' is ' + box.width + 'px in ' + parent.width + 'px');
        }
        for (const cell of document.querySelectorAll('.hb-sheet-cell, .hb-sheet-step')) {
            if (cell.scrollHeight > cell.clientHeight + 1 || cell.scrollWidth > cell.clientWidth + 1)
                bad.push('worksheet box cut off: ' + cell.innerText.slice(0, 60));
        }
        for (const col of document.querySelectorAll('.hb-sheet-col')) {
            const edge = col.getBoundingClientRect().right;
            for (const part of col.children) {
                if (part.getBoundingClientRect().right > edge + 1)
                    bad.push('worksheet text runs out of its column: ' + part.innerText.slice(0, 60));
            }
        }
        const cols = [...document.querySelectorAll('.hb-sheet-col')].map(c => c.getBoundingClientRect());
        for (let i = 1; i < cols.length; i++) {
            if (cols[i - 1].right > cols[i].left + 1) bad.push('worksheet column ' + i + ' runs into the next one');
        }
        return bad;
    }"""
    )


@pytest.mark.parametrize("address", ["bijeenkomst/werkblad/", "bijeenkomst/werkblad/leeg/"])
def test_worksheet_is_one_landscape_a4_sheet(page: Any, site_server: Server, address: str) -> None:
    _open_for_print(page, site_server.url + address, 297 - 16)
    assert _overflowing(page) == []
    reader = _pdf(page)
    assert len(reader.pages) == 1
    assert _sizes(reader) == {(round(A4[1]), round(A4[0]))}


def test_worksheet_a3_is_one_landscape_a3_sheet(page: Any, site_server: Server) -> None:
    _open_for_print(page, site_server.url + "bijeenkomst/werkblad/a3/", 420 - 20)
    assert page.locator(".hb-sheet--a3 .hb-sheet-col").count() == len(ORG.steps) + 1
    assert _overflowing(page) == []
    # The sheet uses the larger paper: it is more than three quarters of the page high, not an A4 in a corner.
    height_mm = page.locator(".hb-sheet").evaluate("e => e.getBoundingClientRect().height") / MM
    assert 0.75 * (297 - 20) < height_mm <= 297 - 20
    reader = _pdf(page)
    assert len(reader.pages) == 1
    assert _sizes(reader) == {(round(A3[1]), round(A3[0]))}
    text = reader.pages[0].extract_text()
    assert all(step.name in text for step in ORG.steps) and "Werkblad op A3" not in text  # no page title


@pytest.mark.parametrize("address", ["bijeenkomst/draaiboek/", "actiepunten/", "bijeenkomst/memo/"])
def test_pages_print_on_a4_without_cut_off_tables(page: Any, site_server: Server, address: str) -> None:
    _open_for_print(page, site_server.url + address, 210 - 24)
    assert _overflowing(page) == []
    reader = _pdf(page)
    assert len(reader.pages) >= 1
    assert _sizes(reader) == {(round(A4[0]), round(A4[1]))}
    if address == "bijeenkomst/draaiboek/":
        text = " ".join(p.extract_text() for p in reader.pages)
        assert all(f"· {letter}. " in text for letter in "abcdefghijk"), "every block of the script is printed"
        assert "Totaal" in text


def test_the_action_form_prints_alone_on_one_a4(page: Any, site_server: Server) -> None:
    _open_for_print(page, site_server.url + "actiepunten/formulier/", 210 - 24)
    assert _overflowing(page) == []
    reader = _pdf(page)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Wat moet er gebeuren?" in text and "Voor de beheerder" not in text and "Klopt er iets niet" not in text


def test_the_task_matrix_prints_on_one_sheet(page: Any, site_server: Server) -> None:
    # One row on a second sheet made the matrix hard to read: every row, and the totals, on the same sheet.
    _open_for_print(page, site_server.url + "taakverdeling/", 210 - 24)
    assert _overflowing(page) == []
    reader = _pdf(page)
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    sheets = {i for i, text in enumerate(texts) for person in ORG.people if person.name in text}
    assert len(sheets) == 1, f"the matrix is spread over sheets {sorted(sheets)}"
    assert "Aantal mensen" in texts[sheets.pop()]
    assert len(reader.pages) <= 2


def test_the_printed_checkbox_can_be_ticked_and_prints_as_a_box(page: Any, site_server: Server) -> None:
    page.goto(site_server.url + "bijeenkomst/voorbereiding/")
    box = page.locator("input.hb-check-input")
    assert box.count() >= 1
    box.first.check()
    assert box.first.is_checked()
    name = box.first.evaluate("b => document.getElementById(b.getAttribute('aria-labelledby')).textContent")
    assert "werkblad" in name.lower()
    page.emulate_media(media="print")
    size = box.first.bounding_box()
    assert box.first.is_visible() and size["width"] >= 12 and size["height"] >= 12


def test_print_leaves_out_navigation_and_screen_parts(page: Any, site_server: Server) -> None:
    page.emulate_media(media="print")
    page.goto(site_server.url + "bijeenkomst/memo/")
    for selector in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".hb-memo-copy",
        ".md-content__button",
        ".hb-source",
    ):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".hb-memo").is_visible()


@pytest.fixture(scope="module")
def seven_steps(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A build of the default organisation with seven steps, each with several people and long names."""
    root = tmp_path_factory.mktemp("seven")
    data = root / "data"
    shutil.copytree(DATA, data)
    for number, name in ((6, "Onderhoud en periodieke controle"), (7, "Evaluatie met de opdrachtgever")):
        (data / "steps" / f"0{number}-extra-{number}.yml").write_text(
            f"name: {name}\nsummary: Een extra stap om te zien of zeven stappen op één blad passen.\n"
            "performers:\n  - person: ahmed-el-amrani\n  - person: kees-bakker\n  - person: linda-de-vries\n"
            "  - person: marco-jansen\ncustomers:\n  - person: gerda-meijer\n  - person: petra-mulder\n",
            encoding="utf-8",
        )
    build = run_build(root, data)
    assert build.returncode == 0, build.output
    server = Server(build.site)
    yield server
    server.close()


@pytest.mark.parametrize(("address", "paper"), [("bijeenkomst/werkblad/", A4), ("bijeenkomst/werkblad/a3/", A3)])
def test_seven_steps_still_fit_on_one_sheet(
    page: Any, seven_steps: Server, address: str, paper: tuple[float, float]
) -> None:
    _open_for_print(page, seven_steps.url + address, (297 - 16) if paper == A4 else (420 - 20))
    assert page.locator(".hb-sheet-col").count() == 8
    assert _overflowing(page) == []
    reader = _pdf(page)
    assert len(reader.pages) == 1
    assert _sizes(reader) == {(round(paper[1]), round(paper[0]))}
