"""The memo to all staff after a meeting (/bijeenkomst/memo/), printable and as plain text for an e-mail."""

from __future__ import annotations

import datetime as dt

from .. import analysis
from ..agenda import current_meeting, follow_up, held_meeting, next_meeting
from ..model import Action, Meeting, Organisation
from ..nl import date_nl
from .escape import h
from .links import PAGES, a, person_url, step_url
from .meeting import NO_MEETING, calendar_link
from .parts import join

HERE = PAGES["memo"]
# A tiny copy button: shown only when the browser can copy; without script the text box still works.
COPY_SCRIPT = (
    "<script>(function(){var b=document.getElementById('hb-memo-copy'),t=document.getElementById('hb-memo-text');"
    "if(!b||!t||!navigator.clipboard){return;}b.hidden=false;b.addEventListener('click',function(){"
    "navigator.clipboard.writeText(t.value).then(function(){b.textContent='Gekopieerd';},function(){"
    "t.focus();t.select();b.textContent='Kopieer met Ctrl+C';});});})();</script>"
)


def _present(org: Organisation, meeting: Meeting) -> str:
    """The attendees, and the facilitator when not among them."""
    present = [h(org.person(p).name) for p in meeting.attendees]
    if meeting.facilitator and meeting.facilitator not in meeting.attendees:
        present.append(f"{h(org.person(meeting.facilitator).name)} (begeleider)")
    return join(present, "niemand vastgelegd")


def _actions(org: Organisation, meeting: Meeting) -> list[Action]:
    return sorted((x for x in org.actions if x.meeting == meeting.id), key=lambda x: (x.due, x.id))


def _intro(org: Organisation, meeting: Meeting) -> str:
    count = len(analysis.present(meeting))
    return (
        f"Op {date_nl(meeting.date)} hebben {count} collega's samen besproken wat onze interne klanten nodig "
        "hebben. Per stap hebben we afgesproken wat de volgende collega van ons krijgt, en wanneer. "
        "Hieronder staan de afspraken en de actiepunten. Ze gelden voor iedereen."
    )


def plain_text(org: Organisation, meeting: Meeting) -> str:
    """The memo as plain text, ready to paste into an e-mail."""
    day, default = follow_up(meeting)
    lines = [f"Onderwerp: Afspraken uit de bijeenkomst van {date_nl(meeting.date)}", "", "Beste collega's,", ""]
    lines += [_intro(org, meeting), ""]
    if meeting.goal:
        lines += [f"Waarom we bij elkaar kwamen. Het doel was: “{' '.join(meeting.goal.split())}”", ""]
    lines += ["WAT WE HEBBEN AFGESPROKEN", ""]
    if not meeting.agreements:
        lines += ["Er zijn nog geen afspraken vastgelegd.", ""]
    for agreement in meeting.agreements:
        step = org.step(agreement.step)
        lines.append(f"{step.number}. {step.name}")
        lines += [f"- {' '.join(p.split())}" for p in agreement.points]
        lines.append("")
    lines += ["ACTIEPUNTEN (wat, wie, wanneer)", ""]
    actions = _actions(org, meeting)
    lines += [f"- {x.what.strip().rstrip('.')} ({org.person(x.who).name}, {date_nl(x.due)})" for x in actions] or [
        "- geen"
    ]
    lines += ["", "VERVOLG", ""]
    lines.append(
        f"Op {date_nl(day)} kijken we samen hoe het gaat."
        + (" De precieze datum volgt nog." if default else "")
        + " Merk je eerder dat een afspraak niet werkt? Zeg het dan tegen "
        + (org.person(meeting.facilitator).name if meeting.facilitator else "de begeleider")
        + "."
    )
    lines += ["", "Met vriendelijke groet,", org.person(meeting.facilitator).name if meeting.facilitator else ""]
    return "\n".join(lines).rstrip() + "\n"


def _agreements_html(org: Organisation, meeting: Meeting) -> str:
    if not meeting.agreements:
        return (
            '<p class="hb-empty hb-todo">Er staan nog geen afspraken bij deze bijeenkomst. Zet ze in '
            "<code>meetings.yml</code> onder <code>agreements</code>, per stap.</p>"
        )
    out = []
    for agreement in meeting.agreements:
        step = org.step(agreement.step)
        points = "".join(f"<li>{h(p)}</li>" for p in agreement.points)
        out.append(
            f'<section class="hb-memo-step"><h4>{step.number}. {a(HERE, step_url(step.id), step.name)}</h4>'
            f"<ul>{points}</ul></section>"
        )
    return "".join(out)


def _actions_html(org: Organisation, meeting: Meeting) -> str:
    actions = _actions(org, meeting)
    if not actions:
        return '<p class="hb-empty">Bij deze bijeenkomst zijn geen actiepunten vastgelegd.</p>'
    rows = "".join(
        f'<tr><td data-label="Wat">{h(x.what)}</td>'
        f'<td data-label="Wie">{a(HERE, person_url(x.who), org.person(x.who).name)}</td>'
        f'<td data-label="Wanneer"><time datetime="{x.due.isoformat()}">{date_nl(x.due)}</time></td></tr>'
        for x in actions
    )
    return (
        '<div class="hb-table-wrap"><table class="hb-table hb-stack">'
        '<thead><tr><th scope="col">Wat</th><th scope="col">Wie</th><th scope="col">Wanneer</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _follow_up_line(meeting: Meeting) -> str:
    """The follow-up for staff: the date, and no maintainer's hint when it is not fixed yet."""
    day, default = follow_up(meeting)
    when = f'<time datetime="{day.isoformat()}">{date_nl(day)}</time>'
    if default:
        return f"Rond {when} kijken we samen hoe het gaat. De precieze datum volgt nog."
    return f"De vervolgbijeenkomst is op {when}. Dan kijken we samen hoe het gaat."


def memo(org: Organisation, meeting_id: str | None = None, *, today: dt.date | None = None) -> str:
    """Markdown of the memo page: the memo itself, then the plain text to copy.

    With ``today`` the memo is about the latest meeting held by then: a meeting that is
    only planned has no agreements to send yet.
    """
    meeting = held_meeting(org, today) if today is not None and meeting_id is None else current_meeting(org, meeting_id)
    if meeting is None:
        planned = next_meeting(org, today) if today is not None else None
        if planned is not None:
            return (
                f'<p class="hb-empty">Het memo komt na de bijeenkomst van {date_nl(planned.date)}. '
                "Leg dan vast wat er per stap is afgesproken; daarna staat het memo hier.</p>\n"
            )
        return NO_MEETING + "\n"
    text = plain_text(org, meeting)
    sender = h(org.person(meeting.facilitator).name) if meeting.facilitator else "De begeleider"
    letter = (
        '<article class="hb-memo" aria-labelledby="hb-memo-title">'
        f'<p class="hb-memo-head">Aan: alle collega\'s van {h(org.info.name)}<br>Van: {sender}<br>'
        f"Datum bijeenkomst: {date_nl(meeting.date)}</p>"
        f'<h2 id="hb-memo-title">Afspraken uit de bijeenkomst: {h(meeting.title)}</h2>'
        f"<p>{_intro(org, meeting)}</p>"
        + (
            f'<p class="hb-goal"><strong>Waarom we bij elkaar kwamen.</strong> Het doel was: “{h(meeting.goal)}”</p>'
            if meeting.goal
            else ""
        )
        + "<h3>Wat we per stap hebben afgesproken</h3>"
        + _agreements_html(org, meeting)
        + "<h3>Actiepunten</h3>"
        + _actions_html(org, meeting)
        + f"<h3>Vervolg</h3><p>{_follow_up_line(meeting)}</p>"
        + f'<p class="hb-meta">Aanwezig: {_present(org, meeting)}.</p>'
        + "</article>"
    )
    rows = text.count("\n") + 2
    copy = (
        '<div class="hb-memo-copy hb-screen-only">'
        '<h2 id="als-tekst-voor-een-e-mail">Als tekst voor een e-mail</h2>'
        "<p>Klik op ‘Kopieer de tekst’ en plak de tekst in een nieuwe e-mail aan alle collega's. "
        "Lukt dat niet? Selecteer dan de tekst in het vak en kopieer die.</p>"
        '<p><button type="button" id="hb-memo-copy" class="md-button" hidden>Kopieer de tekst</button></p>'
        '<label for="hb-memo-text" class="hb-sub">Tekst van het memo</label>'
        f'<textarea id="hb-memo-text" class="hb-memo-text" rows="{rows}" readonly spellcheck="false">'
        + h(text).replace("\n", "&#10;")
        + "</textarea>"
        f"<p>{calendar_link(HERE, org)}</p>"
        "</div>"
    )
    return "\n\n".join([letter, copy, COPY_SCRIPT]) + "\n"
