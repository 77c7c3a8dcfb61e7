"""The method's own rules, as warnings on data that loaded without errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from . import analysis
from .agenda import follow_up_horizon
from .load import Loaded
from .meeting_model import FOLLOW_UP_MONTHS
from .nl import date_nl
from .organisation import Organisation, Step
from .problems import Problem
from .text import shown


def check(loaded: Loaded, today: dt.date) -> list[Problem]:
    """Warnings for what the method asks but the data does not yet show."""
    org = loaded.org
    found: list[Problem] = []

    def warn(rel: str, loc: tuple[str | int, ...], message: str) -> None:
        pos = loaded.pos(rel, loc)
        found.append(Problem(loaded.display(rel), pos.line, pos.col, "warning", message))

    no_customer = {s.id for s in analysis.steps_without_customer(org)}
    unstaffed = {s.id for s in analysis.unstaffed_steps(org)}
    for step in org.steps:
        if step.id in no_customer:
            warn(
                step.path,
                ("customers",),
                "deze stap heeft nog geen interne klant; vul 'customers' in met wie het werk overneemt.",
            )
        if step.id in unstaffed:
            warn(step.path, ("performers",), "in deze stap werkt nog niemand; vul 'performers' in.")
        _review(step, today, warn)
        for i, entry in enumerate(step.data.customers):
            for j, need in enumerate(entry.needs):
                if need.when is None:
                    warn(
                        step.path, ("customers", i, "needs", j), "bij deze behoefte staat niet wanneer; vul 'when' in."
                    )
    for gap in analysis.unsupplied(org):
        warn(gap.step.path, ("performers", gap.index), _unsupplied_message(org, gap))
    for i, meeting in enumerate(org.meetings):
        loc = ("meetings", i)
        if meeting.follow_up is None:
            warn(
                "meetings.yml",
                loc,
                "geen vervolgbijeenkomst gepland; vul 'follow_up' in, bijvoorbeeld over drie maanden.",
            )
        elif meeting.follow_up > follow_up_horizon(meeting.date):
            warn(
                "meetings.yml", (*loc, "follow_up"), "de vervolgbijeenkomst is meer dan drie maanden na de bijeenkomst."
            )
        elif meeting.follow_up < meeting.date:
            warn("meetings.yml", (*loc, "follow_up"), "de vervolgbijeenkomst ligt vóór de bijeenkomst zelf.")
    dates = [m.date for m in org.meetings]
    for i, meeting in enumerate(org.meetings):
        held = any(d > meeting.date for d in dates)
        if meeting.follow_up is not None and meeting.follow_up < today and not held:
            warn(
                "meetings.yml",
                ("meetings", i, "follow_up"),
                f"de vervolgbijeenkomst van {date_nl(meeting.follow_up)} is voorbij, maar staat niet in meetings.yml; "
                "leg hem vast met 'handboek meeting add'.",
            )
    for i, meeting in enumerate(org.meetings):
        if meeting.date < today and not meeting.agreements:
            warn(
                "meetings.yml",
                ("meetings", i),
                "de bijeenkomst is geweest, maar er staan geen afspraken bij; vul 'agreements' in per stap, "
                "dan is het memo compleet.",
            )
    for i, action in enumerate(org.actions):
        if action.is_overdue(today):
            warn(
                "actions.yml", ("actions", i, "due"), f"actiepunt '{action.id}' is te laat (was {date_nl(action.due)})."
            )
    if org.info.settings.show_emails and not any(p.email for p in org.people):
        warn(
            "organisation.yml",
            ("settings", "show_emails"),
            "'show_emails' staat aan, maar bij niemand in people.yml staat een e-mailadres; "
            "vul 'email' in bij de mensen, of zet 'show_emails' op false.",
        )
    limit = org.info.settings.max_open_actions
    for person, count in sorted(analysis.overloaded(org), key=lambda pn: pn[0].id):
        i = next(k for k, p in enumerate(org.people) if p.id == person.id)
        warn("people.yml", ("people", i), f"{person.name} heeft {count} open actiepunten (meer dan {limit}).")
    return found


def _unsupplied_message(org: Organisation, gap: analysis.Unsupplied) -> str:
    """Who works here without a supplier, and how to name one: in the step before, as an internal customer.

    Named there, the work lands in this step by itself: ``delivered_to`` takes the first later step the
    person works in, and that is this one.
    """
    name = shown(gap.person.name)
    before = org.steps[org.steps.index(gap.step) - 1]
    return (
        f"{name} werkt in stap {gap.step.number} ({shown(gap.step.name)}), maar krijgt daar van geen enkele stap "
        f"werk: er is geen leverancier. Zet '- person: {gap.person.id}' bij 'customers' in de stap die het "
        f"werk levert, meestal stap {before.number} ({before.path}), met wat {name} nodig heeft."
    )


def _review(step: Step, today: dt.date, warn: Callable[[str, tuple[str | int, ...], str], None]) -> None:
    """A step needs an owner, and a review that is not older than the follow-up horizon."""
    if step.data.owner is None:
        warn(
            step.path,
            ("name",),
            "deze stap heeft nog geen eigenaar; vul bij 'owner' de code in van wie de afspraken bijhoudt.",
        )
    if step.data.reviewed is None:
        warn(
            step.path,
            ("name",),
            "deze stap is nog niet nagekeken; kijk de afspraken na en vul bij 'reviewed' de datum in (JJJJ-MM-DD).",
        )
    elif analysis.review_due(step, today):
        warn(
            step.path,
            ("reviewed",),
            f"deze stap is op {date_nl(step.data.reviewed)} voor het laatst nagekeken, meer dan "
            f"{FOLLOW_UP_MONTHS} maanden geleden; kijk de afspraken opnieuw na en zet de nieuwe datum bij 'reviewed'.",
        )
