"""The method's own rules, as warnings on data that loaded without errors."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from .load import Loaded
from .nl import date_nl
from .problems import Problem

FOLLOW_UP_DAYS = 92  # "a progress review in about three months"


def check(loaded: Loaded, today: dt.date) -> list[Problem]:
    """Warnings for what the method asks but the data does not yet show."""
    org = loaded.org
    found: list[Problem] = []

    def warn(rel: str, loc: tuple[str | int, ...], message: str) -> None:
        pos = loaded.pos(rel, loc)
        found.append(Problem(loaded.display(rel), pos.line, pos.col, "warning", message))

    last = org.steps[-1].id if org.steps else None
    for step in org.steps:
        if not step.data.customers and step.id != last:
            warn(
                step.path,
                ("customers",),
                "deze stap heeft nog geen interne klant; vul 'customers' in met wie het werk overneemt.",
            )
        if not step.data.performers:
            warn(step.path, ("performers",), "in deze stap werkt nog niemand; vul 'performers' in.")
        for i, entry in enumerate(step.data.customers):
            for j, need in enumerate(entry.needs):
                if need.when is None:
                    warn(
                        step.path, ("customers", i, "needs", j), "bij deze behoefte staat niet wanneer; vul 'when' in."
                    )
    for i, meeting in enumerate(org.meetings):
        loc = ("meetings", i)
        if meeting.follow_up is None:
            warn(
                "meetings.yml",
                loc,
                "geen vervolgbijeenkomst gepland; vul 'follow_up' in, bijvoorbeeld over drie maanden.",
            )
        elif (meeting.follow_up - meeting.date).days > FOLLOW_UP_DAYS:
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
    limit = org.info.settings.max_open_actions
    load = Counter(a.who for a in org.actions if a.status != "klaar")
    for person_id, count in sorted(load.items()):
        if count > limit:
            i = next(k for k, p in enumerate(org.people) if p.id == person_id)
            warn(
                "people.yml",
                ("people", i),
                f"{org.person(person_id).name} heeft {count} open actiepunten (meer dan {limit}).",
            )
    return found
