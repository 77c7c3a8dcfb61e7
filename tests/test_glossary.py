"""The glossary (docs/woordenlijst.md): one word for one thing, and the words it replaces stay off the built pages.

The glossary's table is the machine-readable list: its last column holds the replaced words. The check reads
the text of each built page's article (what a reader sees, data values included), not the YAML files.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .conftest import ROOT, Build

GLOSSARY = ROOT / "docs" / "woordenlijst.md"
GLOSSARY_PAGE = "woordenlijst"


def glossary() -> list[tuple[str, tuple[str, ...]]]:
    """(word, the words it replaces) for every row of the glossary's table."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) != 3 or cells[0] in ("Woord", "---"):
            continue
        rows.append((cells[0], tuple(w.strip() for w in cells[2].split(",") if w.strip())))
    return rows


class _ArticleText(HTMLParser):
    """The text inside <article>, without scripts and styles; blocks end in a line break."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag == "article"
        self.skip += self.depth > 0 and tag in ("script", "style")
        if self.depth:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= self.depth > 0 and tag in ("script", "style") and self.skip > 0
        self.depth -= tag == "article" and self.depth > 0

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def article_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts))


def replaced_words_in(text: str, rows: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, str, str]]:
    """(replaced word, the glossary's word for it, the text around it) for every use of a replaced word."""
    found = []
    for word, replaced in rows:
        for old in replaced:
            pattern = r"\b" + r"\s+".join(map(re.escape, old.split())) + r"\b"
            for m in re.finditer(pattern, text, flags=re.IGNORECASE):
                found.append((old, word, text[max(0, m.start() - 40) : m.end() + 40]))
    return found


def test_the_glossary_has_one_word_for_each_thing() -> None:
    rows = glossary()
    words = [w.lower() for w, _ in rows]
    replaced = [r.lower() for _, rs in rows for r in rs]
    assert len(rows) >= 8 and sum(1 for _, rs in rows if rs) >= 5
    assert len(words) == len(set(words)), "a word appears twice in the glossary"
    assert len(replaced) == len(set(replaced)), "a replaced word is listed under two words"
    assert not set(words) & set(replaced), "a word is both used and replaced"
    assert {"verwachting", "status", "loopt nog", "buitendienst"} <= set(words)


def test_the_check_finds_a_replaced_word_in_an_article_only() -> None:
    html = (
        "<nav>behoefte</nav><article><h1>Stap</h1><p>Wat Linda <em>belooft</em></p><script>'stand'</script></article>"
    )
    found = replaced_words_in(article_text(html), glossary())
    assert [(old, word) for old, word, _ in found] == [("belooft", "verwachting")]
    assert replaced_words_in("Het staat vast; Nog   op tijd.", glossary())[0][:2] == ("nog op tijd", "loopt nog")


def test_no_built_page_uses_a_replaced_word(default_build: Build) -> None:
    rows = glossary()
    pages = sorted(default_build.site.rglob("index.html"))
    assert len(pages) > 30
    problems = []
    for page in pages:
        address = page.parent.relative_to(default_build.site).as_posix()
        if address == GLOSSARY_PAGE:
            continue
        for old, word, context in replaced_words_in(article_text(page.read_text(encoding="utf-8")), rows):
            problems.append(f"/{address}/: '{old}' (gebruik '{word}'): …{context}…")
    assert not problems, "\n".join(problems)


def test_the_glossary_is_a_page_linked_from_home_and_the_method(default_build: Build) -> None:
    text = article_text(default_build.page(GLOSSARY_PAGE))
    assert all(word in text for word, _ in glossary())
    assert 'href="woordenlijst/"' in default_build.page("")
    assert 'href="../woordenlijst/"' in default_build.page("interne-klant")
