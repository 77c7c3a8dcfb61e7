"""Macros of the facilitator kit: preparation, script, worksheet, action points and memo."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..agenda import current_meeting
from ..render import actions, meeting, memo, prepare, status, worksheet
from ..render.presentation import presentation as presentation_html
from .macros_meeting_extra import meeting_extra_macros

if TYPE_CHECKING:
    from .context import Context


def meeting_macros(ctx: Context) -> list[Callable[..., str]]:
    """Macros of /bijeenkomst/... and /actiepunten/."""

    def prep_checklist() -> str:
        return prepare.checklist(ctx.org, today=ctx.today)

    def meeting_script() -> str:
        return meeting.script(ctx.org, today=ctx.today)

    def meeting_summary() -> str:
        found = current_meeting(ctx.org)
        if found is None:
            return meeting.no_meeting()
        facts = meeting.meeting_facts(ctx.org, found)
        return status.overview_notice(found, ctx.today, ctx.here) + facts

    def calendar_link() -> str:
        return meeting.calendar_link(ctx.here, ctx.org)

    def worksheet_sheet() -> str:
        return worksheet.worksheet(ctx.org)

    def worksheet_blank() -> str:
        return worksheet.blank_worksheet()

    def worksheet_summary() -> str:
        return worksheet.sheet_summary(ctx.org)

    def action_register() -> str:
        return actions.register(ctx.org, today=ctx.today)

    def actions_by_owner() -> str:
        return actions.by_owner(ctx.org, today=ctx.today)

    def actions_by_step() -> str:
        return actions.by_step(ctx.org, today=ctx.today)

    def action_form() -> str:
        return actions.form(ctx.org, today=ctx.today)

    def meeting_memo() -> str:
        return memo.memo(ctx.org, today=ctx.today)

    def presentation() -> str:
        return presentation_html(ctx.org)

    return [
        presentation,
        prep_checklist,
        meeting_script,
        meeting_summary,
        calendar_link,
        worksheet_sheet,
        worksheet_blank,
        worksheet_summary,
        action_register,
        actions_by_owner,
        actions_by_step,
        action_form,
        meeting_memo,
        *meeting_extra_macros(ctx),
    ]
