"""Macros of the maintainer guide (/beheer/): the data files and example commands with real codes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..render import beheer

if TYPE_CHECKING:
    from .context import Context


def maintainer_macros(ctx: Context) -> list[Callable[..., str]]:
    """Macros of the maintainer guide (/beheer/)."""

    def data_files() -> str:
        return beheer.data_files(ctx.org, source_dir=ctx.source_dir, here=ctx.here)

    def example_commands(kind: str) -> str:
        return beheer.example_commands(ctx.org, kind, today=ctx.today)

    return [data_files, example_commands]
