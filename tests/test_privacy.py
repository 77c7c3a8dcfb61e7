"""Personal data under control (issue 16 items 2, 4 and 5): staff e-mail addresses and late colleagues' names
only when the organisation says so; an owner and a review date per step; the 'Klopt er iets niet?' link.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from macros import analysis
from macros.load import load
from macros.organisation import Organisation
from macros.problems import DataError
from macros.render import prepare
from macros.render.feedback import CORRECTION_BODY, feedback_href
from macros.render.people import person_page
from macros.render.steps import step_page
from macros.rules import check

from .conftest import DATA, TODAY, Build, run_build

ORG = load(DATA).org
DAY = dt.date.fromisoformat(TODAY)
EMAILS = [p.email for p in ORG.people if p.email]
ROW = re.compile(r"<(tr|li)\b[^>]*>.*?</\1>", re.DOTALL)


def _with(org: Organisation, **settings: object) -> Organisation:
    info = org.info.model_copy(update={"settings": org.info.settings.model_copy(update=settings)})
    return dataclasses.replace(org, info=info)


def _late_people(org: Organisation) -> list[tuple[str, str]]:
    """(name, what) of every late action point on the test day."""
    return [(org.person(a.who).name, a.what) for a in analysis.overdue_of(org, DAY)]


def _rows(html: str) -> list[str]:
    return [m.group(0) for m in ROW.finditer(html)]


def _text_files(site: Path) -> list[Path]:
    suffixes = {".html", ".json", ".xml", ".ics", ".txt", ".js", ".md"}
    return [p for p in site.rglob("*") if p.is_file() and p.suffix in suffixes]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the default build: nothing personal that the organisation did not choose ---


def test_default_settings_are_the_safe_ones() -> None:
    assert ORG.info.settings.show_emails is False and ORG.info.settings.name_late is False
    assert len(EMAILS) >= 5 and _late_people(ORG)  # the default data has addresses and late points to hide


def test_default_build_shows_no_staff_email_address_anywhere(default_build: Build) -> None:
    files = _text_files(default_build.site)
    assert any(p.name == "search_index.json" for p in files)  # the search index is looked at too
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        found = [e for e in EMAILS if e in text]
        assert not found, f"{path.relative_to(default_build.site)} shows {found}"


def test_default_build_names_no_late_colleague_next_to_a_late_point_on_4a(default_build: Build) -> None:
    page = default_build.page("4a/")
    late = _late_people(ORG)
    for row in _rows(page):
        for name, what in late:
            assert not (name in row and (what in row or "te laat" in row)), row
    assert "je actiepunt moest op" not in page
    assert 'class="hb-late-steps"' in page
    counts = dict((s.name if s else "Zonder stap", n) for s, n in analysis.late_per_step(ORG, DAY))
    assert sum(counts.values()) == len(late)
    for name, count in counts.items():
        assert re.search(rf">{re.escape(name)}</a>: {count} actiepunt(en)? te laat</li>", page), name
    # The action list and a person's own page still say who does what.
    actions = default_build.page("actiepunten/")
    petra = default_build.page("mensen/petra-mulder/")
    for name, what in late:
        assert any(name in row and what in row for row in _rows(actions)), name
    assert any("Maandoverzicht openstaande facturen" in row and "te laat" in row for row in _rows(petra))


# --- the opposite: the organisation chooses to show them ---


@pytest.fixture(scope="module")
def chosen_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A strict build of the default data with both settings on, one step without an owner and one old review."""
    root = tmp_path_factory.mktemp("chosen")
    data = root / "data"
    shutil.copytree(DATA, data)
    _replace(
        data / "organisation.yml",
        "  max_open_actions: 2\n",
        "  max_open_actions: 2\n  show_emails: true\n  name_late: true\n",
    )
    _replace(data / "steps" / "02-calculatie-offerte.yml", "owner: linda-de-vries\n", "")
    _replace(data / "steps" / "04-uitvoering.yml", "reviewed: 2026-10-14\n", "reviewed: 2026-06-18\n")
    build = run_build(root, data)
    assert build.returncode == 0, build.output
    return build


def test_chosen_build_shows_the_addresses_on_person_pages_invitation_and_search(chosen_build: Build) -> None:
    erik = chosen_build.page("mensen/erik-smit/")
    assert '<a href="mailto:erik@meijer-zonen.nl">erik@meijer-zonen.nl</a>' in erik
    invitation = chosen_build.page("bijeenkomst/uitnodiging/")
    assert "Aan: ahmed@meijer-zonen.nl; " in invitation
    index = (chosen_build.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "erik@meijer-zonen.nl" in index


def test_chosen_build_names_late_colleagues_on_4a(chosen_build: Build) -> None:
    page = chosen_build.page("4a/")
    for name, what in _late_people(ORG):
        assert any(name in row and what in row for row in _rows(page)), name
    assert "je actiepunt moest op" in page
    assert 'class="hb-late-steps"' not in page


def test_chosen_build_step_pages_and_preparation_show_owner_and_review(chosen_build: Build) -> None:
    first = chosen_build.page("stappen/aanvraag-opname/")
    assert re.search(r"Nagekeken op 14 oktober 2026 door <a [^>]*>Ahmed el Amrani</a>\.", first)
    no_owner = chosen_build.page("stappen/calculatie-offerte/")
    assert "Deze stap heeft nog geen eigenaar." in no_owner
    old = chosen_build.page("stappen/uitvoering/")
    assert "Nagekeken op 18 juni 2026" in old and "Dat is te lang geleden." in old
    prep = chosen_build.page("bijeenkomst/voorbereiding/")
    item = next(row for row in _rows(prep) if "De afspraken per stap zijn nagekeken" in row)
    assert "Nog doen" in item and ">Uitvoering</a> (<a " in item and "Erik Smit" in item
    assert "Calculatie/offerte" not in item  # reviewed in time, only the owner is missing


# --- handboek check ---


def _messages(data: Path, today: dt.date = DAY) -> list[str]:
    return [str(p) for p in check(load(data), today)]


def test_check_warns_about_a_missing_owner_an_old_review_and_no_review(data_copy: Path) -> None:
    steps = data_copy / "steps"
    _replace(steps / "02-calculatie-offerte.yml", "owner: linda-de-vries\n", "")
    _replace(steps / "03-planning-voorbereiding.yml", "reviewed: 2026-10-16\n", "")
    _replace(steps / "04-uitvoering.yml", "reviewed: 2026-10-14\n", "reviewed: 2026-06-18\n")
    found = [m for m in _messages(data_copy) if "/steps/" in m]
    second = (steps / "02-calculatie-offerte.yml").read_text(encoding="utf-8").splitlines()
    fourth = (steps / "04-uitvoering.yml").read_text(encoding="utf-8").splitlines()
    name_line = second.index("name: Calculatie/offerte") + 1
    reviewed_line = fourth.index("reviewed: 2026-06-18") + 1
    assert found == [
        f"{steps / '02-calculatie-offerte.yml'}:{name_line}:7: warning: deze stap heeft nog geen eigenaar; vul bij "
        "'owner' de code in van wie de afspraken bijhoudt.",
        f"{steps / '03-planning-voorbereiding.yml'}:3:7: warning: deze stap is nog niet nagekeken; kijk de afspraken "
        "na en vul bij 'reviewed' de datum in (JJJJ-MM-DD).",
        f"{steps / '04-uitvoering.yml'}:{reviewed_line}:11: warning: deze stap is op 18 juni 2026 voor het laatst "
        "nagekeken, meer dan 3 maanden geleden; kijk de afspraken opnieuw na en zet de nieuwe datum bij 'reviewed'.",
    ]
    # The horizon is the one of the follow-up meeting: three months to the day.
    assert not [m for m in _messages(data_copy, dt.date(2026, 9, 18)) if "04-uitvoering" in m]
    assert [m for m in _messages(data_copy, dt.date(2026, 9, 19)) if "04-uitvoering" in m]


def test_an_unknown_owner_is_an_error_with_a_hint(data_copy: Path) -> None:
    path = data_copy / "steps" / "01-aanvraag-opname.yml"
    _replace(path, "owner: ahmed-el-amrani\n", "owner: ahmed-elamrani\n")
    with pytest.raises(DataError) as info:
        load(data_copy)
    line = path.read_text(encoding="utf-8").splitlines().index("owner: ahmed-elamrani") + 1
    assert [str(p) for p in info.value.problems] == [
        f"{path}:{line}:8: error: onbekende persoon 'ahmed-elamrani'. Bedoel je 'ahmed-el-amrani'?"
    ]


def test_a_review_date_must_be_a_date(data_copy: Path) -> None:
    path = data_copy / "steps" / "01-aanvraag-opname.yml"
    _replace(path, "reviewed: 2026-10-14\n", "reviewed: vorige week\n")
    with pytest.raises(DataError) as info:
        load(data_copy)
    [problem] = info.value.problems
    assert problem.severity == "error" and "geen bestaande datum" in problem.message


def test_check_warns_when_addresses_are_to_be_shown_but_nobody_has_one(data_copy: Path) -> None:
    org_file = data_copy / "organisation.yml"
    _replace(org_file, "  max_open_actions: 2\n", "  max_open_actions: 2\n  show_emails: true\n")
    assert not [m for m in _messages(data_copy) if "show_emails" in m]
    people = data_copy / "people.yml"
    people.write_text(re.sub(r"\n    email: [^\n]*", "", people.read_text(encoding="utf-8")), encoding="utf-8")
    line = org_file.read_text(encoding="utf-8").splitlines().index("  show_emails: true") + 1
    assert [m for m in _messages(data_copy) if "show_emails" in m] == [
        f"{org_file}:{line}:16: warning: 'show_emails' staat aan, maar bij niemand in people.yml staat een "
        "e-mailadres; vul 'email' in bij de mensen, of zet 'show_emails' op false."
    ]


# --- the pages, rendered directly ---


def test_a_step_without_owner_or_review_says_so_honestly() -> None:
    step = ORG.step("uitvoering")
    bare = step.data.model_copy(update={"owner": None, "reviewed": None})
    org = dataclasses.replace(
        ORG, steps=tuple(dataclasses.replace(s, data=bare) if s is step else s for s in ORG.steps)
    )
    page = step_page(org, "uitvoering", today=DAY)
    assert "Deze stap is nog niet nagekeken. Deze stap heeft nog geen eigenaar." in page
    assert "Nagekeken op" not in page
    assert [s.id for s in analysis.steps_due_for_review(org, DAY)] == ["uitvoering"]
    prep = prepare.checklist(org, today=DAY)
    assert "(nog geen eigenaar)" in prep


def test_due_for_review_follows_the_horizon() -> None:
    assert analysis.steps_due_for_review(ORG, DAY) == []
    assert {s.id for s in analysis.steps_due_for_review(ORG, dt.date(2027, 1, 15))} == {
        "aanvraag-opname",
        "calculatie-offerte",
        "uitvoering",
    }  # reviewed on 14 October: three months later, 14 January, is the last day; 16 and 20 October are still fine


def test_person_page_shows_the_address_only_when_allowed() -> None:
    assert "erik@meijer-zonen.nl" not in person_page(ORG, "erik-smit", today=DAY)
    assert "erik@meijer-zonen.nl" in person_page(_with(ORG, show_emails=True), "erik-smit", today=DAY)


def test_klopt_er_iets_niet_link_names_the_page_and_asks_what_is_wrong() -> None:
    step = step_page(ORG, "calculatie-offerte", today=DAY)
    person = person_page(ORG, "erik-smit", today=DAY)
    assert "subject=Klopt%20er%20iets%20niet%3F%20Pagina%3A%20stap%202%2C%20Calculatie%2Fofferte&amp;" in step
    assert "subject=Klopt%20er%20iets%20niet%3F%20Pagina%3A%20Erik%20Smit&amp;" in person
    for page in (step, person):
        assert "body=Wat%20klopt%20er%20niet%3F%0AWat%20moet%20het%20zijn%3F%0A" in page
        assert ">Klopt er iets niet? Laat het weten</a>" in page
    without = dataclasses.replace(ORG, info=ORG.info.model_copy(update={"feedback": None}))
    for page in (step_page(without, "calculatie-offerte", today=DAY), person_page(without, "erik-smit", today=DAY)):
        assert "Klopt er iets niet? Laat het weten" not in page and "mailto:" not in page


def test_klopt_er_iets_niet_with_a_tracker_puts_the_page_in_the_title() -> None:
    tracker = ORG.info.feedback.model_copy(  # type: ignore[union-attr]
        update={"email": None, "url": "https://example.org/issues/new?title={title}"}
    )
    href = feedback_href(tracker, "Klopt er iets niet? Pagina: Erik Smit", CORRECTION_BODY)
    assert href == "https://example.org/issues/new?title=Klopt%20er%20iets%20niet%3F%20Pagina%3A%20Erik%20Smit"
