"""The presentation page's facts (render/presentation.py) and the break in long meetings (pause.py)."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.agenda import agenda
from macros.limits import SENTENCE_MAX
from macros.load import load
from macros.model import BREAK_AFTER, BREAK_MINUTES, Durations, Meeting
from macros.organisation import Organisation
from macros.pause import schedule, settings, with_break
from macros.render.presentation import RECORD_FORMAT, presentation, script_json, view

from . import hostile
from .conftest import DATA


@pytest.fixture(scope="module")
def org() -> Organisation:
    return load(DATA).org


def _meeting(org: Organisation, **changes: object) -> Meeting:
    return org.meetings[0].model_copy(update=changes)


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


# --- the break ---------------------------------------------------------------------------------


def test_a_meeting_of_2_h_10_gets_a_break_after_the_round(org: Organisation) -> None:
    meeting = org.meetings[0]
    plain = agenda(org, meeting)
    assert plain.minutes == 130 and settings(meeting) == (BREAK_AFTER, BREAK_MINUTES) == (120, 15)
    plan = schedule(org, meeting)
    assert plan.pause is not None
    # The ends of the blocks lie at 5, 8, 15, 20, 90, 90 ... minutes (f has no time of its own):
    # 90 (after the round) is nearest to 65, and f, which belongs to the round, stays before the break.
    assert (plan.pause.after, plan.pause.start, plan.pause.end) == (
        "connections",
        _at("2026-10-14T10:00"),
        _at("2026-10-14T10:15"),
    )
    starts = {s.block.id: s.start for s in plan.plan.slots}
    assert starts["mapping"] == _at("2026-10-14T08:50")  # before the break: unchanged
    assert starts["connections"] == _at("2026-10-14T10:00")  # f, no time of its own, before the break
    assert starts["actions"] == _at("2026-10-14T10:15")  # after it: 15 minutes later
    assert plan.end == _at("2026-10-14T10:55") and plan.minutes == 145 and plan.plan.minutes == 130
    # The rounds come before the break and keep their times.
    assert [r.start for r in plan.plan.rounds] == [r.start for r in plain.rounds]


def test_the_break_length_and_threshold_come_from_the_meeting(org: Organisation) -> None:
    longer = schedule(org, _meeting(org, break_minutes=30))
    assert longer.pause is not None and longer.pause.minutes == 30 and longer.end == _at("2026-10-14T11:10")
    assert schedule(org, _meeting(org, break_minutes=0)).pause is None  # 0: no break
    assert schedule(org, _meeting(org, break_after=130)).pause is None  # not longer than 130 minutes
    assert schedule(org, _meeting(org, break_after=129)).pause is not None


def test_a_short_meeting_has_no_break(org: Organisation) -> None:
    short = _meeting(org, durations=None)  # the default durations: 115 minutes
    plan = schedule(org, short)
    assert plan.plan.minutes == 115 and plan.pause is None
    assert plan.plan == agenda(org, short)


def test_the_break_moves_the_rounds_when_it_comes_before_them(org: Organisation) -> None:
    # A long opening puts the middle before the round: the break then falls after the opening.
    meeting = _meeting(org, durations=Durations(opening=200, mapping=5, actions=5))
    plan = schedule(org, meeting)
    assert plan.pause is not None and plan.pause.after == "opening"
    plain = agenda(org, meeting)
    shift = dt.timedelta(minutes=BREAK_MINUTES)
    assert [r.start for r in plan.plan.rounds] == [r.start + shift for r in plain.rounds]
    assert plan.plan.slots[0] == plain.slots[0]


def test_without_a_meeting_the_default_agenda_has_no_break(org: Organisation) -> None:
    plan = with_break(agenda(org, None), None)
    assert plan.pause is None and plan.plan.minutes == 115


@pytest.mark.parametrize(("field", "value"), [("break_after", 29), ("break_minutes", -1), ("break_minutes", 61)])
def test_break_settings_out_of_range_are_refused(org: Organisation, field: str, value: int) -> None:
    data = org.meetings[0].model_dump()
    data[field] = value
    with pytest.raises(ValueError, match=field):
        Meeting.model_validate(data)


# --- the view ----------------------------------------------------------------------------------


def test_view_has_one_screen_per_block_and_per_step_in_meeting_order(org: Organisation) -> None:
    facts = view(org)
    keys = [s.key for s in facts.order]
    steps = [f"stap-{s.id}" for s in org.steps]
    assert keys == [
        *[f"blok-{x}" for x in "abcde"],
        *steps,
        "blok-f",  # asking on during the round: no time of its own, so it stays before the break
        "pauze",
        *[f"blok-{x}" for x in "ghijk"],
    ]
    assert [s.at for s in facts.order][:6] == ["08:30", "08:35", "08:38", "08:45", "08:50", "08:50"]
    assert facts.order[keys.index("blok-f")].at == "10:00"  # with the round, before the break
    assert facts.order[keys.index("blok-g")].at == "10:15"  # after the break
    assert facts.time == "08:30 tot 10:55" and facts.duration == "2 uur en 25 minuten"
    mapping = facts.screens[4]
    assert mapping.key == "blok-e" and mapping.custom and [r.key for r in mapping.rounds] == steps
    assert [s.kind for s in facts.order].count("round") == len(org.steps)
    assert next(s for s in facts.order if s.key == "blok-g").capture_actions


def test_view_round_shows_the_steps_people_customers_and_what_is_recorded(org: Organisation) -> None:
    facts = view(org)
    rounds = {s.key: s for s in facts.order if s.kind == "round"}
    planning = rounds["stap-planning-voorbereiding"]
    assert (planning.number, planning.of, planning.at, planning.minutes) == (3, 5, "09:18", 14)
    assert [w.name for w in planning.workers] == ["Marco Jansen", "Sanne Visser"]
    assert [c.id for c in planning.customers] == ["erik-smit", "tom-hendriks"]
    erik = planning.customers[0]
    assert erik.needs[0].when == "Op donderdag voor de week van uitvoering."
    tom = planning.customers[1]
    assert [n.what for n in tom.in_return][0].startswith("Tekorten en wijzigingen")
    assert planning.agreements == (
        "De werkmap is op donderdag klaar voor de week van uitvoering.",
        "Het materiaal staat de dag voor de start om 15:00 uur in het vak ‘Uitgaand’, met een paklijst.",
    )
    assert planning.external is None
    last = rounds[f"stap-{org.steps[-1].id}"]
    assert last.external == (org.info.external_customer.name, tuple(org.info.external_customer.expectations))


def test_view_pick_lists_and_the_data_for_the_script(org: Organisation) -> None:
    facts = view(org)
    assert [p.id for p in facts.people] == [p.id for p in org.people]
    assert [s.label for s in facts.steps][0] == "1. Aanvraag/opname"
    assert facts.attendees == tuple(org.meetings[0].attendees)
    data = facts.data()
    assert data["format"] == RECORD_FORMAT and data["version"] == 1
    assert data["meeting"] == {
        "id": "bijeenkomst-2026-10",
        "title": "Wat hebben onze interne klanten nodig?",
        "date": "2026-10-14",
    }
    assert data["people"]["erik-smit"] == "Erik Smit"
    by_key = {s["key"]: s for s in data["screens"]}
    assert by_key["pauze"] == {
        "key": "pauze",
        "label": "Pauze",
        "start": "2026-10-14T10:00",
        "minutes": 15,
        "rounds": [],
    }
    assert by_key["blok-e"]["rounds"] == [f"stap-{s.id}" for s in org.steps]
    assert list(by_key) == [s.key for s in facts.order]


def test_view_without_a_meeting(org: Organisation) -> None:
    bare = Organisation(org.info, org.people, org.steps, org.actions, ())
    facts = view(bare)
    assert facts.meeting is None and facts.attendees == () and facts.default_start
    assert "pauze" not in [s.key for s in facts.order]
    assert facts.data()["meeting"] is None
    html = presentation(bare)
    assert "Nog geen bijeenkomst" in html
    assert "data-hb-form" not in html  # no capture without a meeting to record it for


def test_view_of_an_unknown_meeting_is_refused(org: Organisation) -> None:
    with pytest.raises(ValueError, match="onbekende bijeenkomst"):
        view(org, "bestaat-niet")


# --- the HTML ----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [*hostile.HOSTILE, *hostile.EXTRA, "\u2028\u2029", "a" * 5000])
def test_script_json_reads_back_unchanged_and_cannot_end_the_element(value: str) -> None:
    data = {"waarde": value, value: [value]}
    text = str(script_json(data))
    assert json.loads(text) == data
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tags: list[str] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self.handlers: list[str] = []
        self.hrefs: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.ids += [v or "" for k, v in attrs if k == "id"]
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        self.hrefs += [v or "" for k, v in attrs if k == "href"]
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def test_the_page_html(org: Organisation) -> None:
    html = presentation(org)
    parsed = _Collect()
    parsed.feed(html)
    assert len(parsed.ids) == len(set(parsed.ids)), "every id once"
    assert parsed.tags.count("script") == 1 and parsed.tags.count("section") == len(view(org).order) + 2
    assert json.loads(parsed.scripts[0]) == view(org).data()
    # Every link of the schedule goes to a screen on this page.
    for target in re.findall(r'href="#([^"]+)"', html):
        assert target in parsed.ids
    # Markdown would end a raw HTML block at a blank line.
    assert "\n\n" not in html and html.startswith("<div")


def test_every_text_field_of_the_capture_forms_stops_at_the_import_limit(org: Organisation) -> None:
    html = presentation(org)
    fields = re.findall(r"<(?:textarea|input)[^>]*>", html)
    typed = [f for f in fields if f.startswith("<textarea") or 'type="text"' in f]
    rounds = len(org.steps)
    # Per round: what, when, form, why, the agreement and the action point; block g has its own action form.
    assert len([f for f in typed if "readonly" not in f]) == 6 * rounds + 1
    for field in typed:
        assert "readonly" in field or f'maxlength="{SENTENCE_MAX}"' in field, field
    assert view(org).limit == SENTENCE_MAX


def test_hostile_data_stays_text(tmp_path: Path) -> None:
    org = load(hostile.make(DATA, tmp_path / "data")).org
    html = presentation(org)
    parsed = _Collect()
    parsed.feed(html)
    assert parsed.tags.count("script") == 1
    assert not {"img", "iframe", "svg", "style", "em"} & set(parsed.tags)
    assert parsed.handlers == [] and not any(h.lower().startswith("javascript:") for h in parsed.hrefs)
    text = " ".join(" ".join(parsed.text).split())
    shown = [v for v in hostile.HOSTILE if " ".join(v.split()) in text]
    assert len(shown) == len(hostile.HOSTILE)
    assert json.loads(parsed.scripts[0]) == view(org).data()
