"""mkdocs-macros adapter: registers the macros that pages call. Nothing else.

Every macro returns a finished Markdown/HTML string from ``macros.render``;
the data is looked up through ``Context`` so that it is loaded once per build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Organisation
from ..render import chain, people, steps
from ..render.escape import inline
from . import site
from .macros_beheer import maintainer_macros
from .macros_employee import employee_macros
from .macros_meeting import meeting_macros


@dataclass(frozen=True)
class Context:
    """What a macro needs besides its arguments: the data, the date and the current page."""

    env: Any
    folder: Path
    source_dir: str

    @property
    def org(self) -> Organisation:
        return site.load_once(self.folder).org

    @property
    def today(self) -> Any:
        return site.today()

    @property
    def here(self) -> str:
        """The address of the page being rendered, such as 'mensen/'."""
        page = getattr(self.env, "page", None)
        return str(page.url) if page is not None else ""


def foundation_macros(ctx: Context) -> list[Callable[..., str]]:
    """Macros of the step, person, people and chain pages."""

    def step_page(step_id: str) -> str:
        return steps.step_page(ctx.org, step_id, today=ctx.today, source_dir=ctx.source_dir)

    def person_page(person_id: str) -> str:
        return people.person_page(ctx.org, person_id, today=ctx.today, source_dir=ctx.source_dir)

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
        step_page,
        person_page,
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
    folder = site.data_dir(env.project_dir)
    ctx = Context(env, folder, site.source_prefix(folder, env.project_dir))
    for group in MACRO_GROUPS:
        for fn in group(ctx):
            env.macro(fn, fn.__name__)
