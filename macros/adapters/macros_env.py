"""mkdocs-macros adapter: registers the macros that pages call. Nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..render import chain, people, steps
from ..render.escape import h
from . import site


def define_env(env: Any) -> None:
    """Register the handbook's macros on a mkdocs-macros environment."""
    folder = site.data_dir(env.project_dir)
    prefix = site.source_prefix(folder, env.project_dir)

    def org() -> Any:
        return site.load_once(folder).org

    def here() -> str:
        page = getattr(env, "page", None)
        return str(page.url) if page is not None else ""

    def register(fn: Callable[..., str]) -> None:
        env.macro(fn, fn.__name__)

    def step_page(step_id: str) -> str:
        return steps.step_page(org(), step_id, today=site.today(), source_dir=prefix)

    def person_page(person_id: str) -> str:
        return people.person_page(org(), person_id, today=site.today(), source_dir=prefix)

    def people_index() -> str:
        return people.people_index(org(), here=here())

    def steps_index() -> str:
        return steps.steps_index(org(), here=here())

    def chain_svg() -> str:
        return chain.chain_svg(org())

    def chain_text() -> str:
        return chain.chain_text(org(), here=here())

    def org_name() -> str:
        return h(org().info.name)

    def org_description() -> str:
        return h(org().info.description)

    def external_customer() -> str:
        ext = org().info.external_customer
        return h(ext.name)

    for fn in (
        step_page,
        person_page,
        people_index,
        steps_index,
        chain_svg,
        chain_text,
        org_name,
        org_description,
        external_customer,
    ):
        register(fn)
