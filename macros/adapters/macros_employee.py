"""Macros of the employee views: the task division, the 4 A's and the service handbook."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..render import charter, four_a, handbook, matrix

if TYPE_CHECKING:
    from .context import Context


def employee_macros(ctx: Context) -> list[Callable[..., str]]:
    """Macros of /taakverdeling/, /4a/ and /handboek/."""

    def task_matrix() -> str:
        return matrix.task_matrix(ctx.org, here=ctx.here)

    def task_flags() -> str:
        return matrix.task_flags(ctx.org, here=ctx.here)

    def four_a_part(part: str) -> str:
        """One A made concrete: 'afspraken', 'aandacht', 'attitude' or 'aanname'."""
        if part == "afspraken":
            return four_a.promises(ctx.org, today=ctx.today, here=ctx.here)
        if part == "aandacht":
            return four_a.attention(ctx.org, here=ctx.here)
        if part == "attitude":
            return four_a.attitude(ctx.org, here=ctx.here)
        if part == "aanname":
            return four_a.assumptions(ctx.org, here=ctx.here)
        raise ValueError(f"unknown part of the 4 A's: {part}")

    def handbook_do(way: str) -> str:
        return handbook.do_list(ctx.org, way, today=ctx.today, here=ctx.here)

    def service_charter() -> str:
        return charter.charter(ctx.org, here=ctx.here)

    return [task_matrix, task_flags, four_a_part, handbook_do, service_charter]
