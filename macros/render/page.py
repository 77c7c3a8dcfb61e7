"""Render a page type of the registry (``macros/pages.py``): its view gathers the facts, its template formats them."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .. import pages
from . import templates


def render_page(page: pages.PageType, facts: pages.Facts, item_id: str | None = None) -> Markup:
    """The Markdown of one page of ``page``: ``view(facts, item_id)`` through ``template``."""
    if page.view is None or page.template is None:
        raise ValueError(f"page type {page.name!r} has no view and template")
    view = pages.resolve(page.view)
    model = view(facts, item_id) if page.items else view(facts)
    return templates.render(page.template, page=model)


def macro(template: str, name: str) -> Any:
    """A macro of a template, to call from Python (it returns Markup); overrides apply as in ``templates.render``."""
    return getattr(templates.environment(templates.override_dirs()).get_template(template).module, name)
