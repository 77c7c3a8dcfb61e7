"""Render a page type of the registry (``macros/pages.py``): its view gathers the facts, its template formats them.

What a page type makes depends only on the data, the date, the page's address and the
templates, all fixed while the data do not change. So the result is kept for as long as
the same loaded organisation is in use: a rebuild of ``mkdocs serve`` after a change in
``docs/`` makes the step and person pages and the .ics files again without work, and a
change in the data (a new organisation object) starts afresh.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .. import pages
from . import templates

if TYPE_CHECKING:
    from ..organisation import Organisation

_owner: weakref.ref[Organisation] | None = None  # the organisation that _made belongs to
_made: dict[tuple[Any, ...], Any] = {}


def _kept(org: Organisation) -> dict[tuple[Any, ...], Any]:
    """The results kept for ``org``; those of an earlier organisation are dropped."""
    global _owner  # one cache per process, like the loaded data in adapters/site.py
    if _owner is None or _owner() is not org:
        _made.clear()
        _owner = weakref.ref(org)
    return _made


def render_page(page: pages.PageType, facts: pages.Facts, item_id: str | None = None) -> Markup:
    """The Markdown of one page of ``page``: ``view(facts, item_id)`` through ``template``."""
    if page.view is None or page.template is None:
        raise ValueError(f"page type {page.name!r} has no view and template")
    kept = _kept(facts.org)
    key = (page.name, item_id, facts.today, facts.here, facts.source_dir, templates.override_dirs())
    if key not in kept:
        view = pages.resolve(page.view)
        model = view(facts, item_id) if page.items else view(facts)
        kept[key] = templates.render(page.template, page=model)
    result: Markup = kept[key]
    return result


def file_content(page: pages.PageType, org: Organisation) -> str | bytes:
    """The content of a generated file (an .ics): ``view(org)``."""
    if page.view is None:
        raise ValueError(f"page type {page.name!r} has no view")
    kept = _kept(org)
    key = ("file", page.name)
    if key not in kept:
        kept[key] = pages.resolve(page.view)(org)
    content: str | bytes = kept[key]
    return content


def macro(template: str, name: str) -> Any:
    """A macro of a template, to call from Python (it returns Markup); overrides apply as in ``templates.render``."""
    return getattr(templates.environment(templates.override_dirs()).get_template(template).module, name)
