"""mkdocs-macros adapter: registers the macros that pages call. Nothing else.

Every macro returns finished Markdown/HTML from ``macros.render``. The data, the
date and the data folder come from the ``handboek`` plugin of the running build
(``context.py``), which loaded them once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import pages
from ..render import chain, people, steps
from ..render.escape import inline
from ..render.page import render_page
from .context import Context, plugin_of
from .macros_beheer import maintainer_macros
from .macros_employee import employee_macros
from .macros_meeting import meeting_macros


def foundation_macros(ctx: Context) -> list[Callable[..., str]]:
    """The generated pages of the registry, and the macros of the people, steps and chain pages."""

    def handbook_page(name: str, item_id: str | None = None) -> str:
        """A generated page of the registry (macros/pages.py); its file holds only this call."""
        return render_page(pages.by_name(name), ctx.facts(), item_id)

    def people_index() -> str:
        return people.people_index(ctx.org, here=ctx.here)

    def steps_index() -> str:
        return steps.steps_index(ctx.org, here=ctx.here)

    def chain_svg() -> str:
        return chain.chain_svg(ctx.org)

    def chain_text() -> str:
        return chain.chain_text(ctx.org, here=ctx.here)

    def org_name() -> str:
        return inline(ctx.org.info.name)

    def org_description() -> str:
        return inline(ctx.org.info.description)

    def external_customer() -> str:
        return inline(ctx.org.info.external_customer.name)

    return [
        handbook_page,
        people_index,
        steps_index,
        chain_svg,
        chain_text,
        org_name,
        org_description,
        external_customer,
    ]


# Each feature adds its own function here; each returns the macros it registers.
MACRO_GROUPS: list[Callable[[Context], list[Callable[..., str]]]] = [
    foundation_macros,
    maintainer_macros,
    employee_macros,
    meeting_macros,
]


def define_env(env: Any) -> None:
    """Register the handbook's macros on a mkdocs-macros environment."""
    ctx = Context(env, plugin_of(env))
    for group in MACRO_GROUPS:
        for fn in group(ctx):
            env.macro(fn, fn.__name__)
