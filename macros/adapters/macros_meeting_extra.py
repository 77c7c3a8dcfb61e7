"""Macros of the invitation (/bijeenkomst/uitnodiging/) and the follow-up script (/bijeenkomst/vervolg/)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..render import followup_script, invitation

if TYPE_CHECKING:
    from .context import Context


def meeting_extra_macros(ctx: Context) -> list[Callable[..., str]]:
    """The macros that meeting_macros adds from here."""

    def meeting_invitation() -> str:
        return invitation.invitation(ctx.org, today=ctx.today)

    def follow_up_script() -> str:
        return followup_script.script(ctx.org, today=ctx.today)

    return [meeting_invitation, follow_up_script]
