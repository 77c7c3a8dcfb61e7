"""The page types of the site, each in one place: address, data files, nav place, view and template.

The plugin (``adapters/plugin.py``) builds the nav, the generated pages, the edit
buttons and the data notes from :data:`REGISTRY`; ``render/links.py`` takes the
addresses from it. This module knows no MkDocs.

Three kinds of page type:

- a hand-written page: ``source`` is its Markdown in ``docs/``, which calls macros;
- a generated page: ``view`` gathers the facts and ``template`` formats them; with
  ``items`` there is one page per item (a step, a person), ``{id}`` in the address;
- a generated file (``.ics``): ``view`` returns the file's text, no template.

Views and item lists are named as ``"module:function"`` and imported when a build
needs them: the registry stays cheap to import, and the render modules can import
the addresses from here without an import circle.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .organisation import Organisation


class Item(NamedTuple):
    """One page of a page type with ``items``: its id and the data file(s) behind it."""

    id: str
    data: tuple[str, ...]


class Facts(NamedTuple):
    """What a view gets besides the item id: the data, the date, the page's address and the data folder's path."""

    org: Organisation
    today: dt.date
    here: str
    source_dir: str = "data"


class PageType(NamedTuple):
    """One kind of page. ``name`` is how code links to it (``page_url('keten')``)."""

    name: str
    address: str  # 'keten/'; with items 'stappen/{id}/'; a file: 'bijeenkomst/vervolg.ics'
    data: tuple[str, ...] = ()  # data files (inside the data folder) behind the page; a folder ends in '/'
    section: tuple[str, ...] | None = ()  # the nav sections it sits in; None: not in the nav
    title: str | None = None  # its title in the nav; None: the page's own heading (or the section's index)
    source: str | None = None  # hand-written Markdown in docs/
    view: str | None = None  # 'module:function'; (facts, id) -> view model, or (org) -> text for a file
    template: str | None = None  # in macros/templates/, overridable from <custom_dir>/handboek/
    items: str | None = None  # 'module:function'; (org) -> list[Item]
    nav_parent: str | None = None  # a page type not in the nav: the page marked as the current place instead

    @property
    def is_file(self) -> bool:
        return not self.address.endswith("/") and self.address != ""

    def url(self, item_id: str | None = None) -> str:
        """The address of the page (of one item)."""
        return self.address.replace("{id}", item_id) if item_id is not None else self.address

    def src_uri(self, item_id: str | None = None) -> str:
        """The page's path among the site's files: the source, or 'stappen/uitvoering.md' for a generated page."""
        if self.source:
            return self.source
        url = self.url(item_id)
        if self.is_file:
            return url
        return url.rstrip("/") + ".md" if url else "index.md"

    def page_items(self, org: Organisation) -> list[Item]:
        """Every page of this type: one per item, or one page with the type's own data files."""
        if self.items is None:
            return [Item("", self.data)]
        found: list[Item] = resolve(self.items)(org)
        return found


def resolve(ref: str) -> Callable[..., Any]:
    """The function that ``'module:function'`` names."""
    module, _, name = ref.partition(":")
    fn: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return fn


def step_items(org: Organisation) -> list[Item]:
    return [Item(step.id, (step.path,)) for step in org.steps]


def person_items(org: Organisation) -> list[Item]:
    return [Item(person.id, ("people.yml", "steps/")) for person in org.people]


REGISTRY: tuple[PageType, ...] = (
    PageType("home", "", title="Start", source="index.md"),
    PageType("interne-klant", "interne-klant/", section=("De methode",), title="Wat is een interne klant?",
             source="interne-klant.md"),
    PageType("4a", "4a/", ("actions.yml", "organisation.yml", "steps/"), ("De methode",), "De 4 A's", "4a.md"),
    PageType("handboek", "handboek/", ("steps/",), ("De methode",), "Servicehandboek", "handboek.md"),
    PageType("woordenlijst", "woordenlijst/", section=("De methode",), title="Woordenlijst",
             source="woordenlijst.md"),
    PageType("keten", "keten/", ("organisation.yml", "steps/"), ("Ons werk",), "De keten", "keten.md"),
    # mensen.md, not mensen/index.md: an index.md would become the index of "Ons werk". A plain page in
    # "Ons werk" keeps the phone menu full on /mensen/ and on the person pages that mark it as their place.
    PageType("mensen", "mensen/", ("people.yml", "steps/"), ("Ons werk",), "Mensen", "mensen.md"),
    PageType("taakverdeling", "taakverdeling/", ("people.yml", "steps/"), ("Ons werk",), "Taakverdeling",
             "taakverdeling.md"),
    PageType("actiepunten", "actiepunten/", ("actions.yml", "meetings.yml"), ("Ons werk",), "Actiepunten",
             "actiepunten.md"),
    PageType("stappen", "stappen/", ("steps/",), ("Stappen",), source="stappen/index.md"),
    PageType("step", "stappen/{id}/", section=("Stappen",), view="macros.render.steps:step_view",
             template="step.html", items="macros.pages:step_items"),
    PageType("person", "mensen/{id}/", section=None, view="macros.render.people:person_view",
             template="person.html", items="macros.pages:person_items", nav_parent="mensen"),
    PageType("bijeenkomst", "bijeenkomst/", ("meetings.yml",), ("Bijeenkomst",), source="bijeenkomst/index.md"),
    PageType("voorbereiding", "bijeenkomst/voorbereiding/", ("meetings.yml", "actions.yml", "people.yml", "steps/"),
             ("Bijeenkomst",), "Voorbereiding", "bijeenkomst/voorbereiding.md"),
    PageType("uitnodiging", "bijeenkomst/uitnodiging/", ("meetings.yml", "people.yml"), ("Bijeenkomst",),
             "Uitnodiging", "bijeenkomst/uitnodiging.md"),
    PageType("draaiboek", "bijeenkomst/draaiboek/", ("meetings.yml", "steps/"), ("Bijeenkomst",), "Draaiboek",
             "bijeenkomst/draaiboek.md"),
    PageType("presentatie", "bijeenkomst/presentatie/", ("meetings.yml", "people.yml", "steps/"), ("Bijeenkomst",),
             "Presentatie", "bijeenkomst/presentatie.md"),
    PageType("werkblad", "bijeenkomst/werkblad/", ("organisation.yml", "steps/"), ("Bijeenkomst",), "Werkblad",
             "bijeenkomst/werkblad/index.md"),
    PageType("werkblad-leeg", "bijeenkomst/werkblad/leeg/", section=("Bijeenkomst",), title="Leeg werkblad",
             source="bijeenkomst/werkblad/leeg.md"),
    PageType("werkblad-a3", "bijeenkomst/werkblad/a3/", ("organisation.yml", "steps/"), None,
             view="macros.render.worksheet:a3_view", template="worksheet_a3.html", nav_parent="werkblad"),
    # Not in the nav (it would make the menu longer than a screen): /actiepunten/ and the kit link to it.
    PageType("formulier", "actiepunten/formulier/", ("meetings.yml", "steps/"), None, source="actiepunten/formulier.md",
             nav_parent="actiepunten"),
    PageType("memo", "bijeenkomst/memo/", ("meetings.yml", "actions.yml"), ("Bijeenkomst",), "Memo",
             "bijeenkomst/memo.md"),
    PageType("vervolg", "bijeenkomst/vervolg/", ("meetings.yml", "actions.yml", "steps/"), ("Bijeenkomst",),
             "Vervolg", "bijeenkomst/vervolg.md"),
    PageType("uitnodiging-ics", "bijeenkomst/uitnodiging.ics", ("meetings.yml", "people.yml"), None,
             view="macros.invitation_ics:build"),
    PageType("vervolg-ics", "bijeenkomst/vervolg.ics", ("meetings.yml", "actions.yml"), None,
             view="macros.followup:build"),
    PageType("vervolgbijeenkomst-ics", "bijeenkomst/vervolgbijeenkomst.ics", ("meetings.yml",), None,
             view="macros.followup:build_meetings_only"),
    PageType("beheer", "beheer/", title="Beheer", source="beheer.md"),
)  # fmt: skip


def by_name(name: str, registry: tuple[PageType, ...] = REGISTRY) -> PageType:
    for page in registry:
        if page.name == name:
            return page
    raise KeyError(name)


def addresses(registry: tuple[PageType, ...] = REGISTRY) -> dict[str, str]:
    """The address of every single page, by name: what ``links.PAGES`` is."""
    return {p.name: p.address for p in registry if p.items is None and not p.is_file}


def nav(pages: Iterator[tuple[PageType, str | None]] | list[tuple[PageType, str | None]]) -> list[Any]:
    """The MkDocs nav for the given pages (in order), built from each type's section and title.

    A section appears where its first page is; a page without a title takes its heading,
    or is the index of its section (Material's ``navigation.indexes``).
    """
    root: list[Any] = []
    for page, item_id in pages:
        if page.section is None or page.is_file:
            continue
        level = root
        for name in page.section:
            found = next((e for e in level if isinstance(e, dict) and name in e), None)
            if found is None:
                found = {name: []}
                level.append(found)
            level = found[name]
        src = page.src_uri(item_id)
        level.append({page.title: src} if page.title else src)
    return root
