"""The presentation page (/bijeenkomst/presentatie/) in Chromium: moving through the screens, the clock
and the timer, capturing during the rounds, the downloaded record, and hostile typed text.

The record's format is the one ``handboek import`` reads: ``check_record`` below follows its description
field by field. The browser's clock is Playwright's, set to the morning of the meeting, so that the timer
and the "later than planned" line can be checked to the second.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from macros.limits import SENTENCE_MAX
from macros.load import load
from macros.model import Action, Need

from ..conftest import DATA
from .audit import NO_MOTION, axe_violations, prepare
from .conftest import Guard, Server, guarded_context

ORG = load(DATA).org
MEETING = ORG.meetings[0]
ADDRESS = "bijeenkomst/presentatie/"
STORE = f"handboek-verslag:{MEETING.id}"
CEST = dt.timezone(dt.timedelta(hours=2))
MORNING = dt.datetime(2026, 10, 14, 8, 29, tzinfo=CEST)  # a minute before the meeting starts
FOCUSED_ID = "document.activeElement && document.activeElement.id"
TOP_KEYS = ["format", "version", "meeting", "saved", "attendees", "needs", "in_return", "agreements", "actions"]
ITEM_KEYS = {
    "needs": ["step", "customer", "what", "when", "form", "why"],
    "in_return": ["step", "customer", "what", "when", "form", "why"],
    "agreements": ["step", "point"],
    "actions": ["what", "who", "due", "step"],
}
HOSTILE = [
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=1</script>",
    "{{ config.site_name }} {% if true %}jinja{% endif %} {#- x -#}",
    """Zeg "ja", 'nee' of `misschien` „dan” ‘toch’ \\ & &amp; &lt;b&gt;""",
    "\u202eטקסט מימין לשמאל\u202c مرحبا بالعالم",
    "</textarea></li></ul><b>vet</b>",
    ("regel " * 834)[:4999] + "x",  # 5,000 characters
]
# The form keeps no more than the longest sentence ``handboek import`` takes; HOSTILE[6] is cut off there.
KEPT = [value[:SENTENCE_MAX].strip() for value in HOSTILE]  # stored without spaces at either end


@pytest.fixture
def room(browser: Any, site_server: Server) -> Iterator[tuple[Any, Guard]]:
    """A laptop on the meeting's morning in Amsterdam, with the browser's clock under the test's control."""
    context, guard = guarded_context(
        browser, site_server, viewport={"width": 1920, "height": 1080}, timezone_id="Europe/Amsterdam"
    )
    prepare(context)
    page = context.new_page()
    # Installed a minute early: on a busy machine the clock runs on before pause_at, which cannot go back.
    page.clock.install(time=MORNING - dt.timedelta(minutes=1))
    page.clock.pause_at(MORNING)
    yield page, guard
    context.close()
    guard.assert_clean()


def _open(page: Any, server: Server, screen: str = "") -> None:
    page.goto(server.url + ADDRESS + (f"#{screen}" if screen else ""))
    page.locator(".hb-pres--live").wait_for()


def _shown(page: Any) -> list[str]:
    return page.eval_on_selector_all("[data-hb-screen]", "all => all.filter(s => !s.hidden).map(s => s.id)")


def _bar(page: Any, name: str) -> str:
    return page.locator(f"[data-hb-{name}]").inner_text().strip()


def _said(page: Any) -> str:
    page.clock.run_for(100)  # the live region is filled a moment after it is emptied
    return page.locator("[data-hb-say]").inner_text()


def _round(page: Any, step_id: str) -> Any:
    return page.locator(f"#stap-{step_id}")


def _fold_open(screen: Any, summary: str) -> Any:
    details = screen.locator("details", has=screen.page.locator("summary", has_text=summary))
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()
    return details.locator("form")


def _add_need(page: Any, step_id: str, values: dict[str, str], *, back: bool = False, customer: str = "") -> None:
    form = _fold_open(_round(page, step_id), "nodig heeft")
    form.locator("input[value=in_return]" if back else "input[value=needs]").check()
    if customer:
        form.locator("select[name=customer]").select_option(customer)
    for name, value in values.items():
        form.locator(f"[name={name}]").fill(value)
    form.get_by_role("button", name="Toevoegen").click()


def _add_agreement(page: Any, step_id: str, point: str) -> None:
    form = _fold_open(_round(page, step_id), "Afspraak vastleggen")
    form.locator("[name=point]").fill(point)
    form.get_by_role("button", name="Afspraak toevoegen").click()


def _add_action(page: Any, screen: Any, what: str, who: str, due: str) -> None:
    form = _fold_open(screen, "Actiepunt vastleggen")
    form.locator("[name=what]").fill(what)
    form.locator("select[name=who]").select_option(who)
    form.locator("[name=due]").fill(due)
    form.get_by_role("button", name="Actiepunt toevoegen").click()


def _captured(page: Any, key: str) -> list[str]:
    return page.eval_on_selector_all(f'[data-hb-list="{key}"] .hb-pres-text', "all => all.map(e => e.textContent)")


def _download(page: Any, tmp_path: Path) -> tuple[str, dict[str, Any]]:
    page.goto(page.url.split("#")[0] + "#verslag")
    with page.expect_download() as info:
        page.get_by_role("button", name="Verslag downloaden").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return info.value.suggested_filename, json.loads(target.read_text(encoding="utf-8"))


def check_record(record: dict[str, Any]) -> None:
    """The record as /work/notes/record-format.md describes it, and `handboek import` reads it."""
    assert list(record) == TOP_KEYS
    assert record["format"] == "handboek-interne-klant/verslag" and record["version"] == 1
    assert record["meeting"] in {m.id for m in ORG.meetings}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", record["saved"]), record["saved"]
    people, steps = {p.id for p in ORG.people}, {s.id for s in ORG.steps}
    assert set(record["attendees"]) <= people and len(set(record["attendees"])) == len(record["attendees"])
    for name, keys in ITEM_KEYS.items():
        for item in record[name]:
            assert list(item) == keys, (name, item)
            assert all(isinstance(item[k], str) for k in keys if k != "step") and item.get("what", "x")
    for item in record["needs"] + record["in_return"]:
        assert item["step"] in steps and item["customer"] in people
    for item in record["agreements"]:
        assert item["step"] in steps and item["point"]
    for item in record["actions"]:
        assert item["who"] in people and re.fullmatch(r"\d{4}-\d\d-\d\d", item["due"])
        assert item["step"] is None or item["step"] in steps


# --- presenting --------------------------------------------------------------------------------


def test_keys_move_through_the_blocks_and_the_timer_runs(room: tuple[Any, Guard], site_server: Server) -> None:
    page, _ = room
    _open(page, site_server)
    order = page.eval_on_selector_all("[data-hb-screen]", "all => all.map(s => s.id)")
    assert order[:3] == ["schema", "blok-a", "blok-b"] and order[-1] == "verslag" and "pauze" in order
    assert _shown(page) == ["schema"]
    assert page.evaluate(FOCUSED_ID) in ("", None), "opening the page leaves focus where it is (the skip link)"
    assert _bar(page, "planned") == "08:30–10:55" and _bar(page, "now") == "08:29"

    page.clock.run_for(2 * 60_000)  # the meeting starts late, at 08:31
    page.keyboard.press("ArrowRight")
    assert _shown(page) == ["blok-a"] and page.url.endswith("#blok-a")
    assert page.evaluate(FOCUSED_ID) == "blok-a-kop", "focus goes to the heading, so a screen reader reads it"
    assert _bar(page, "planned") == "08:30–08:35" and _bar(page, "timer") == "Nog 5:00"
    assert _bar(page, "where") == f"Scherm 2 van {len(order)}: a. Opening: waarom we hier zijn"

    page.clock.run_for(61_000)
    assert _bar(page, "timer") == "Nog 3:59" and _bar(page, "now") == "08:32"
    page.clock.run_for(3 * 60_000)
    assert _bar(page, "timer") == "Nog 0:59" and _said(page) == "Nog één minuut voor dit onderdeel."
    page.clock.run_for(2 * 60_000)
    timer = page.locator("[data-hb-timer]")
    assert _bar(page, "timer") == "1:01 te lang" and "hb-pres-over" in timer.get_attribute("class")
    assert timer.get_attribute("role") == "timer" and timer.get_attribute("aria-live") == "off"
    assert _said(page) == "De tijd voor dit onderdeel is om."
    assert _bar(page, "drift") == "1 min later dan gepland"  # it is 08:37 and block a took six minutes, not five

    page.keyboard.press("Space")
    assert _shown(page) == ["blok-b"] and _bar(page, "timer") == "Nog 3:00"
    assert _bar(page, "drift") == "2 min later dan gepland"  # block b was planned for 08:35; it is 08:37
    page.keyboard.press("PageDown")
    page.keyboard.press("ArrowLeft")
    assert _shown(page) == ["blok-b"]
    page.keyboard.press("Shift+Space")
    assert _shown(page) == ["blok-a"] and _bar(page, "timer") == "1:01 te lang", "time spent on a block is kept"
    page.keyboard.press("End")
    assert _shown(page) == ["verslag"]
    page.keyboard.press("Home")
    assert _shown(page) == ["schema"]
    # It is 08:37: block b (08:35–08:38) is the one planned for now.
    assert page.locator(".hb-pres-nowtag").count() == 1
    assert page.locator('[data-hb-row="blok-b"] > a .hb-pres-nowtag').inner_text() == "nu gepland"

    # Each row of the schedule is a link to its screen.
    page.get_by_role("link", name=re.compile("Stap 4: Uitvoering")).click()
    assert _shown(page) == ["stap-uitvoering"] and page.evaluate(FOCUSED_ID) == "stap-uitvoering-kop"
    assert _bar(page, "planned") == "09:32–09:46"
    # The break has a screen of its own, and the blocks after it start later.
    # f (asking on) is part of the round and has no time of its own: it comes before the break.
    page.goto(site_server.url + ADDRESS + "#blok-f")
    assert _shown(page) == ["blok-f"]
    page.keyboard.press("ArrowRight")
    assert _shown(page) == ["pauze"] and _bar(page, "planned") == "10:00–10:15"
    page.keyboard.press("ArrowRight")
    assert _shown(page) == ["blok-g"] and _bar(page, "planned") == "10:15–10:35"

    # The buttons do the same, and say where they went (focus stays on the button).
    page.get_by_role("button", name="Volgende").click()
    assert _shown(page) == ["blok-h"] and _said(page).startswith("Scherm ")
    page.get_by_role("button", name="Vorige").click()
    assert _shown(page) == ["blok-g"]
    # The clock can be stopped, for a question that takes long.
    hold = page.get_by_role("button", name="Klok stilzetten")
    hold.click()
    assert hold.get_attribute("aria-pressed") == "true" and _bar(page, "timer") == "Nog 20:00 (stil)"
    page.clock.run_for(90_000)
    assert _bar(page, "timer") == "Nog 20:00 (stil)"
    hold.click()
    assert hold.get_attribute("aria-pressed") == "false"
    page.clock.run_for(60_000)
    assert _bar(page, "timer") == "Nog 19:00"

    # A reload comes back to the same screen, with the time spent on it.
    page.reload()
    page.locator(".hb-pres--live").wait_for()
    assert _shown(page) == ["blok-g"] and _bar(page, "timer") == "Nog 19:00"


def test_arrow_keys_in_a_form_stay_in_the_form(room: tuple[Any, Guard], site_server: Server) -> None:
    page, _ = room
    _open(page, site_server, "stap-uitvoering")
    form = _fold_open(_round(page, "uitvoering"), "nodig heeft")
    box = form.locator("[name=what]")
    box.click()
    page.keyboard.type("abc ")
    for key in ("ArrowLeft", "ArrowRight", " ", "Home", "End", "PageDown"):
        page.keyboard.press(key)
    assert _shown(page) == ["stap-uitvoering"]
    assert box.input_value() == "abc  "


def test_swipe_moves_on_a_tablet(browser: Any, site_server: Server) -> None:
    context, guard = guarded_context(
        browser, site_server, viewport={"width": 768, "height": 1024}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    _open(page, site_server, "blok-c")
    session = context.new_cdp_session(page)

    def swipe(x0: int, x1: int, y: int = 500) -> None:
        session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y}]})
        for x in range(x0, x1, 40 if x1 > x0 else -40):
            session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
        session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    swipe(600, 150)
    page.wait_for_function("location.hash === '#blok-d'")
    assert _shown(page) == ["blok-d"]
    swipe(150, 600)
    page.wait_for_function("location.hash === '#blok-c'")
    swipe(400, 390, y=700)  # too short: no swipe
    assert _shown(page) == ["blok-c"]
    for screen in ("schema", "stap-uitvoering", "verslag"):
        page.goto(site_server.url + ADDRESS + f"#{screen}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 768, f"#{screen} is {width} px wide on a 768 px tablet"
    context.close()
    guard.assert_clean()


def test_every_screen_passes_axe(browser: Any, site_server: Server) -> None:
    """The page audit sees the first screen only; here every other screen, with its forms open.

    The browser's own clock runs here: axe waits on timers of its own.
    """
    context, guard = guarded_context(browser, site_server, viewport={"width": 1920, "height": 1080})
    prepare(context)
    page = context.new_page()
    _open(page, site_server)
    page.add_style_tag(content=NO_MOTION)  # judge the colours after a transition, not halfway
    found = []
    for key in page.eval_on_selector_all("[data-hb-screen]", "all => all.map(s => s.id)"):
        page.goto(site_server.url + ADDRESS + f"#{key}")
        page.eval_on_selector_all(f"#{key} details", "all => all.forEach(d => { d.open = true; })")
        found += [f"#{key}: {v}" for v in axe_violations(page)]
    page.get_by_role("button", name="Verslag in deze browser wissen").click()
    page.wait_for_function("document.activeElement.value === 'terug'")  # judged with its button in focus
    found += [f"dialog: {v}" for v in axe_violations(page)]
    page.keyboard.press("Escape")
    context.close()
    guard.assert_clean()
    assert found == []


# --- capturing ---------------------------------------------------------------------------------


def test_typed_text_survives_a_reload_and_can_be_taken_away(room: tuple[Any, Guard], site_server: Server) -> None:
    page, _ = room
    _open(page, site_server, "stap-planning-voorbereiding")
    _add_need(
        page,
        "planning-voorbereiding",
        {"what": "De sleutel van de bouwkeet", "when": "Een dag vooraf", "form": "In de bus", "why": "Sneller starten"},
    )
    assert page.evaluate(FOCUSED_ID) == "stap-planning-voorbereiding-what", "ready for the next one"
    _add_need(
        page, "planning-voorbereiding", {"what": "Een belletje bij vertraging"}, back=True, customer="tom-hendriks"
    )
    _add_agreement(page, "planning-voorbereiding", "De werkmap gaat ook digitaal naar de ploeg.")
    _add_action(page, _round(page, "planning-voorbereiding"), "Vak voor sleutels maken", "sanne-visser", "2026-11-30")
    expected = [
        "De sleutel van de bouwkeet (wanneer: Een dag vooraf; vorm: In de bus; waarom: Sneller starten)",
        "Een belletje bij vertraging",
        "De werkmap gaat ook digitaal naar de ploeg.",
        "Vak voor sleutels maken (Sanne Visser, klaar op 30 november 2026, stap 3. Planning/voorbereiding)",
    ]
    assert _captured(page, "planning-voorbereiding") == expected
    assert "Nodig voor Erik Smit" in page.locator('[data-hb-list="planning-voorbereiding"]').inner_text()
    assert _captured(page, "uitvoering") == []  # each step shows its own

    page.reload()
    page.locator(".hb-pres--live").wait_for()
    assert _captured(page, "planning-voorbereiding") == expected
    assert _captured(page, "*actions") == [expected[3]]  # block g lists every action point

    # An empty field is refused; nothing is added.
    form = _fold_open(_round(page, "planning-voorbereiding"), "Afspraak vastleggen")
    form.locator("[name=point]").fill("   ")
    form.get_by_role("button", name="Afspraak toevoegen").click()
    assert len(_captured(page, "planning-voorbereiding")) == 4

    page.get_by_role("button", name=f"Weghalen: {expected[1]}").click()
    assert _said(page) == "Weggehaald."
    page.reload()
    page.locator(".hb-pres--live").wait_for()
    assert _captured(page, "planning-voorbereiding") == [expected[0], expected[2], expected[3]]


def test_downloading_the_record_and_clearing_the_browser(
    room: tuple[Any, Guard], site_server: Server, tmp_path: Path
) -> None:
    page, _ = room
    _open(page, site_server, "stap-uitvoering")
    _add_need(page, "uitvoering", {"what": "Foto's van de meterkast", "why": "Dan weet ik wat ik meeneem"})
    _add_need(page, "uitvoering", {"what": "Tekorten dezelfde dag melden", "when": "Voor 14:00 uur"}, back=True)
    _add_agreement(page, "uitvoering", "Meerwerk altijd met een handtekening.")
    page.goto(site_server.url + ADDRESS + "#blok-g")
    _add_action(page, page.locator("#blok-g"), "Formulier voor meerwerk maken", "ahmed-el-amrani", "2026-12-01")
    page.goto(site_server.url + ADDRESS + "#verslag")
    page.get_by_label("Tom Hendriks").check()  # came after all
    page.get_by_label("Kees Bakker").uncheck()

    name, record = _download(page, tmp_path)
    check_record(record)
    assert name == f"verslag-{MEETING.id}-2026-10-14.json"
    assert record["meeting"] == MEETING.id and record["saved"] == "2026-10-14T08:29:00+02:00"
    came = (set(MEETING.attendees) | {"tom-hendriks"}) - {"kees-bakker"}
    assert record["attendees"] == [p.id for p in ORG.people if p.id in came]  # in the order of people.yml
    first = ORG.step("uitvoering").data.customers[0].person  # the step's first internal customer comes preset
    assert record["needs"] == [
        {
            "step": "uitvoering",
            "customer": first,
            "what": "Foto's van de meterkast",
            "when": "",
            "form": "",
            "why": "Dan weet ik wat ik meeneem",
        }
    ]
    assert record["in_return"] == [
        {
            "step": "uitvoering",
            "customer": first,
            "what": "Tekorten dezelfde dag melden",
            "when": "Voor 14:00 uur",
            "form": "",
            "why": "",
        }
    ]
    assert record["agreements"] == [{"step": "uitvoering", "point": "Meerwerk altijd met een handtekening."}]
    assert record["actions"] == [
        {"what": "Formulier voor meerwerk maken", "who": "ahmed-el-amrani", "due": "2026-12-01", "step": None}
    ]
    # The memo draft beside the button is built from the same record.
    memo = page.locator("[data-hb-memo]").input_value()
    assert memo.startswith(f"Verslag van de bijeenkomst: {MEETING.title}\nDatum: 14 oktober 2026\nAanwezig: ")
    for text in (
        "Stap 4. Uitvoering",
        f"- {ORG.person(first).name}: Foto's van de meterkast (waarom: Dan weet ik wat ik meeneem)",
        "- Meerwerk altijd met een handtekening.",
        "- Formulier voor meerwerk maken. Wie: Ahmed el Amrani. Klaar op 1 december 2026.",
    ):
        assert text in memo
    assert "Kees Bakker" not in memo.splitlines()[2]

    # Clearing asks first; "Nee, terug" keeps everything.
    page.get_by_role("button", name="Verslag in deze browser wissen").click()
    page.get_by_role("button", name="Nee, terug").click()
    page.wait_for_function("document.activeElement === document.querySelector('[data-hb-clear]')")
    assert page.evaluate(f"localStorage.getItem('{STORE}')") is not None
    page.get_by_role("button", name="Verslag in deze browser wissen").click()
    page.get_by_role("button", name="Ja, wissen").click()
    page.wait_for_function(f"localStorage.getItem('{STORE}') === null")  # the dialog closes a moment later
    assert "Er is nog niets vastgelegd." in page.locator("[data-hb-memo]").input_value()
    page.reload()
    page.locator(".hb-pres--live").wait_for()
    _, empty = _download(page, tmp_path)
    check_record(empty)
    assert [empty[k] for k in ("needs", "in_return", "agreements", "actions")] == [[], [], [], []]
    assert empty["attendees"] == list(MEETING.attendees)  # back to the planned attendees


def test_hostile_typed_text_shows_as_text_and_comes_back_unchanged(
    room: tuple[Any, Guard], site_server: Server, tmp_path: Path
) -> None:
    page, _ = room
    _open(page, site_server, "stap-aanvraag-opname")
    # One of them typed key by key, the rest filled in at once.
    form = _fold_open(_round(page, "aanvraag-opname"), "nodig heeft")
    form.locator("[name=what]").press_sequentially(HOSTILE[0])
    form.locator("[name=when]").fill(HOSTILE[1])
    form.locator("[name=form]").fill(HOSTILE[2])
    form.locator("[name=why]").fill("Een eerste regel\nen een tweede regel")
    form.get_by_role("button", name="Toevoegen").click()
    for value in HOSTILE[1:]:
        _add_agreement(page, "aanvraag-opname", value)
    _add_action(page, _round(page, "aanvraag-opname"), HOSTILE[5], "kees-bakker", "2026-11-30")

    def check_page() -> None:
        shown = _captured(page, "aanvraag-opname")
        assert shown[1:-1] == KEPT[1:]
        assert shown[0].startswith(HOSTILE[0] + " (wanneer: " + HOSTILE[1])
        assert page.evaluate("typeof window.__pwned") == "undefined"
        lists = page.locator('[data-hb-list="aanvraag-opname"]')
        assert lists.locator("img, script, b, textarea").count() == 0
        assert KEPT[6] in lists.inner_text() and HOSTILE[6] not in lists.inner_text()

    check_page()
    page.reload()
    page.locator(".hb-pres--live").wait_for()
    check_page()
    _, record = _download(page, tmp_path)
    check_record(record)
    need = record["needs"][0]
    assert (need["what"], need["when"], need["form"]) == tuple(HOSTILE[:3])
    assert need["why"] == "Een eerste regel\nen een tweede regel"
    assert [a["point"] for a in record["agreements"]] == KEPT[1:]
    assert record["actions"][0]["what"] == HOSTILE[5]
    memo = page.locator("[data-hb-memo]").input_value()
    assert all(value in memo for value in KEPT)


def test_typing_5000_characters_keeps_every_text_field_at_the_limit_of_the_import(
    room: tuple[Any, Guard], site_server: Server, tmp_path: Path
) -> None:
    page, _ = room
    long = HOSTILE[6]
    assert len(long) == 5000 and SENTENCE_MAX < 5000
    _open(page, site_server, "stap-uitvoering")
    screen = _round(page, "uitvoering")
    forms = [
        _fold_open(screen, "nodig heeft"),
        _fold_open(screen, "Afspraak vastleggen"),
        _fold_open(screen, "Actiepunt vastleggen"),
    ]
    fields = [field for form in forms for field in form.locator("textarea, input[type=text]").all()]
    assert len(fields) == 6  # what, when, form, why; the agreement; the action point
    for field in fields:
        assert field.get_attribute("maxlength") == str(SENTENCE_MAX)
        field.fill("")
        field.focus()
        page.keyboard.insert_text(long)  # as typing or pasting does
        assert field.input_value() == long[:SENTENCE_MAX]
    fields[0].press("End")
    fields[0].press("x")  # one key more changes nothing
    assert fields[0].input_value() == long[:SENTENCE_MAX]
    forms[0].get_by_role("button", name="Toevoegen").click()
    forms[1].get_by_role("button", name="Afspraak toevoegen").click()
    forms[2].locator("select[name=who]").select_option("kees-bakker")
    forms[2].locator("[name=due]").fill("2026-11-30")
    forms[2].get_by_role("button", name="Actiepunt toevoegen").click()
    _, record = _download(page, tmp_path)
    check_record(record)
    need, point, action = record["needs"][0], record["agreements"][0]["point"], record["actions"][0]
    kept = long[:SENTENCE_MAX].strip()  # the page stores text without spaces at either end
    assert [need[k] for k in ("what", "when", "form", "why")] == [kept] * 4
    assert point == action["what"] == kept
    # The model that `handboek import` checks against takes them: no text is over the limit.
    Need.model_validate({k: need[k] for k in ("what", "when", "form", "why")})
    Action.model_validate({"id": "ap-99", "what": action["what"], "who": action["who"], "due": action["due"]})


def test_capture_with_the_keyboard_alone(room: tuple[Any, Guard], site_server: Server) -> None:
    page, _ = room
    _open(page, site_server, "stap-uitvoering")
    page.keyboard.press("ArrowRight")  # to the next step; focus is on its heading
    assert page.evaluate(FOCUSED_ID) == "stap-facturatie-nazorg-kop"
    page.keyboard.press("Tab")
    assert (
        page.evaluate("document.activeElement.textContent")
        == "Wat de interne klant nodig heeft, of wat de stap terug mag verwachten"
    )
    page.keyboard.press("Enter")  # opens the form
    page.keyboard.press("Tab")  # the choice: needs (checked)
    page.keyboard.press("ArrowDown")  # ... or what the customer promises in return
    page.keyboard.press("Tab")  # the internal customer, preset
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_ID) == "stap-facturatie-nazorg-what"
    page.keyboard.type("Een seintje als de klant belt")
    page.keyboard.press("Tab")
    page.keyboard.type("Dezelfde dag")
    page.keyboard.press("Enter")  # Enter in a one-line field sends the form
    assert _captured(page, "facturatie-nazorg") == ["Een seintje als de klant belt (wanneer: Dezelfde dag)"]
    assert page.evaluate(FOCUSED_ID) == "stap-facturatie-nazorg-what"
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORE}')"))
    first = ORG.step("facturatie-nazorg").data.customers[0].person
    assert stored["in_return"] == [
        {
            "step": "facturatie-nazorg",
            "customer": first,
            "what": "Een seintje als de klant belt",
            "when": "Dezelfde dag",
            "form": "",
            "why": "",
        }
    ]


def test_without_javascript_every_screen_shows_and_the_schedule_links_work(browser: Any, site_server: Server) -> None:
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(site_server.url + ADDRESS)
    # The schedule, eleven blocks, one screen per step, the break and the record.
    assert len(_shown(page)) == 1 + 11 + len(ORG.steps) + 1 + 1
    assert page.locator("[data-hb-bar]").is_hidden() and page.locator("form").first.is_hidden()
    assert page.get_by_text("Vastleggen werkt alleen als JavaScript aan staat.").is_visible()
    page.get_by_role("link", name=re.compile("Stap 4: Uitvoering")).click()
    assert page.url.endswith("#stap-uitvoering") and page.locator("#stap-uitvoering-kop").is_visible()
    context.close()
