"""Employee views: the person page, the task division, the 4 A's, the service handbook and feedback links."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from macros import analysis
from macros.load import load
from macros.model import Feedback, Person, Settings
from macros.nl import date_nl
from macros.organisation import Organisation
from macros.problems import DataError
from macros.render import charter, four_a, handbook, matrix
from macros.render.escape import h
from macros.render.feedback import feedback_href, feedback_link
from macros.render.people import people_index, person_page
from macros.render.steps import step_page

from .conftest import DATA, Build
from .golden import assert_golden

GOLDEN = Path(__file__).parent / "golden"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def org() -> Organisation:
    return load(DATA).org


def _with(org: Organisation, **info: object) -> Organisation:
    return dataclasses.replace(org, info=org.info.model_copy(update=info))


def _gappy(org: Organisation) -> Organisation:
    """The default organisation with a step that nobody works in and a person in no step."""
    steps = list(org.steps)
    steps[1] = dataclasses.replace(steps[1], data=steps[1].data.model_copy(update={"performers": []}))
    extra = Person(id="nina-nieuw", name="Nina Nieuw", function="Stagiair", workplace="kantoor")
    return dataclasses.replace(org, steps=tuple(steps), people=(*org.people, extra))


# --- golden files -------------------------------------------------------------------------------------------


def _pages(org: Organisation) -> dict[str, str]:
    return {
        "taakverdeling.md": "\n\n".join([matrix.task_flags(org), matrix.task_matrix(org)]),
        "four-a.md": "\n\n".join(
            [
                four_a.promises(org, today=TODAY),
                four_a.attention(org),
                four_a.attitude(org),
                four_a.assumptions(org),
            ]
        ),
        "charter.md": charter.charter(org),
    }


@pytest.mark.parametrize("name", ["taakverdeling.md", "four-a.md", "charter.md"])
def test_golden(name: str, org: Organisation) -> None:
    rendered = _pages(org)[name]
    path = GOLDEN / name
    assert_golden(path, rendered)


# --- person page ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("person_id", [p.id for p in load(DATA).org.people])
def test_person_page_shows_customers_suppliers_and_actions(org: Organisation, person_id: str) -> None:
    page = person_page(org, person_id, today=TODAY)
    for step in org.steps_of(person_id):
        assert f'href="../../stappen/{step.id}/"' in page
        for entry in step.data.customers:
            if entry.person != person_id:
                assert h(org.person(entry.person).name) in page
                for need in entry.needs:
                    assert h(need.what) in page
                    for value in (need.when, need.form, need.why):
                        assert value is None or h(value) in page
    for step, entry in org.customer_of(person_id):
        assert f"### Van {step.number}\\. " in page
        for need in [*entry.needs, *entry.in_return]:
            assert h(need.what) in page
    for action in org.actions_of_person(person_id):
        assert (h(action.what) in page) == (action.status != "klaar")
    assert 'href="../../4a/"' in page and "Afspraken nakomen" in page and "Aanname" in page


def test_person_page_marks_overdue_actions_and_says_when_nothing_is_agreed(org: Organisation) -> None:
    late = analysis.overdue_of(org, TODAY)
    assert late, "the default data has overdue actions"
    page = person_page(org, late[0].who, today=TODAY)
    assert "te laat" in page
    # Erik needs things from Planning/voorbereiding, whose file says nothing about what they may expect back.
    erik = person_page(org, "erik-smit", today=TODAY)
    assert "Dit is nog niet afgesproken. Spreek met hen af" in erik


def test_person_in_no_step_is_told_so(org: Organisation) -> None:
    page = person_page(_gappy(org), "nina-nieuw", today=TODAY)
    assert "Nog niet ingedeeld in een stap" in page and 'href="../../taakverdeling/"' in page


def test_people_index_flags_someone_in_no_step(org: Organisation) -> None:
    assert "in geen enkele stap" not in people_index(org)
    assert '<span class="hb-flag">in geen enkele stap</span>' in people_index(_gappy(org))


# --- task division ---------------------------------------------------------------------------------------------


def test_matrix_has_a_cell_for_every_step_and_person_with_roles(org: Organisation) -> None:
    html = matrix.task_matrix(org)
    rows = html.split("<tr>")[2:-1]  # after the head row, before the foot row
    assert len(rows) == len(org.people)
    for row in rows:
        assert row.count("<td") == len(org.steps)
    for step in org.steps:
        for perf in step.data.performers:
            row = next(r for r in rows if f'href="../mensen/{perf.person}/"' in r)
            assert "Voert uit" in row and (perf.role is None or h(perf.role) in row)
        for entry in step.data.customers:
            row = next(r for r in rows if f'href="../mensen/{entry.person}/"' in r)
            assert "Interne klant" in row


def test_flags_for_step_with_nobody_and_person_in_no_step(org: Organisation) -> None:
    calm = matrix.task_flags(org)
    assert "Dit vraagt aandacht" not in calm and "<li>" not in calm
    assert "Alles klopt: in elke stap werkt minstens één persoon, en iedereen werkt in minstens één stap." in calm
    gappy = _gappy(org)
    flags = matrix.task_flags(gappy)
    assert "Dit vraagt aandacht:" in flags and "Alles klopt" not in flags
    assert f'In <a href="../stappen/{org.steps[1].id}/">{h(org.steps[1].name)}</a> werkt nog niemand' in flags
    # Emptying the step leaves its own people without a step as well; the new person is named last.
    idle = [p for p in gappy.people if not gappy.steps_of(p.id)]
    assert len(idle) > 1 and idle[-1].id == "nina-nieuw"
    assert '<a href="../mensen/nina-nieuw/">Nina Nieuw</a> werken in geen enkele stap' in flags
    assert all(f'href="../mensen/{p.id}/"' in flags for p in idle)
    table = matrix.task_matrix(gappy)
    assert '<span class="hb-flag">niemand</span>' in table and '<span class="hb-flag">in geen stap</span>' in table


# --- the 4 A's ------------------------------------------------------------------------------------------------


def test_promises_list_open_and_overdue_actions(org: Organisation) -> None:
    html = four_a.promises(org, today=TODAY)
    for action in org.actions:
        assert (h(action.what) in html) == (action.status != "klaar")
    late = analysis.overdue_of(org, TODAY)
    assert f"{len(late)} te laat" in html
    limit = org.info.settings.max_open_actions
    assert f"Niemand heeft meer dan {limit} open actiepunten" in html


def test_promises_name_who_carries_more_than_the_setting(org: Organisation) -> None:
    strict = _with(org, settings=Settings(max_open_actions=1))
    html = four_a.promises(strict, today=TODAY)
    heavy = [p for p, n in analysis.workload(org) if n > 1]
    assert heavy
    assert "meer dan 1 open actiepunten" in html
    for person in heavy:
        assert f'<a href="../mensen/{person.id}/">{h(person.name)}</a>' in html.split("<strong>Let op:</strong>")[1]


def test_assumptions_list_every_need_without_when_or_form(org: Organisation) -> None:
    html = four_a.assumptions(org)
    expected = [n for s in org.steps for c in s.data.customers for n in c.needs if n.when is None or n.form is None]
    assert expected and len(analysis.gaps(org)) == len(expected)
    for need in expected:
        assert h(need.what) in html
    complete = next(n for s in org.steps for c in s.data.customers for n in c.needs if n.when and n.form)
    assert h(complete.what) not in html
    assert "Wat kun je vandaag doen?" in html
    today = html.split("Wat kun je vandaag doen?")[1]
    for gap in analysis.gaps(org):
        # Every gap has its own prompt, with the customer and the need, asking for exactly what is missing.
        line = next(li for li in today.split("<li>") if h(gap.need.what.rstrip(".")) in li)
        assert f'href="../mensen/{gap.customer.person}/"' in line
        assert ("wanneer" in line) == ("wanneer" in gap.missing) and ("vorm" in line) == ("vorm" in gap.missing)


def test_attention_names_the_step_that_receives_the_handoff(org: Organisation) -> None:
    html = four_a.attention(org)
    line = next(li for li in html.split("<li>") if "mensen/ahmed-el-amrani/" in li and "stappen/uitvoering/" in li)
    assert 'naar <a href="../stappen/facturatie-nazorg/">' in line
    assert "de een op kantoor" in html


def test_attitude_names_done_actions(org: Organisation) -> None:
    html = four_a.attitude(org)
    for action in analysis.done_of(org):
        assert h(action.what) in html


# --- the service handbook -------------------------------------------------------------------------------------


def test_charter_holds_every_promise_of_every_step(org: Organisation) -> None:
    html = charter.charter(org)
    for step in org.steps:
        assert f"### {step.number}\\. " in html
        for entry in step.data.customers:
            for need in [*entry.needs, *entry.in_return]:
                assert h(need.what) in html
    assert "nog niet afgesproken" in html  # some needs in the default data lack a form


@pytest.mark.parametrize(
    "way", ["communiceren", "verwachtingen", "betrouwbaar", "feedback", "relaties", "technologie", "successen"]
)
def test_each_way_has_concrete_dos(org: Organisation, way: str) -> None:
    html = handbook.do_list(org, way, today=TODAY)
    assert html.startswith('<ul class="hb-do">') and html.count("<li>") >= 2


def test_unknown_way_is_refused(org: Organisation) -> None:
    with pytest.raises(ValueError, match="unknown way"):
        handbook.do_list(org, "toveren", today=TODAY)


# --- feedback -------------------------------------------------------------------------------------------------


def test_mailto_feedback_is_prefilled_and_encoded() -> None:
    title = 'Stap 2: Calculatie/offerte & "meer" <script>?x=1'
    href = feedback_href(Feedback(email="handboek@voorbeeld.nl"), title)
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "handboek@voorbeeld.nl"
    query = parse_qs(parts.query)
    assert set(query) == {"subject", "body"} and query["subject"] == [title]
    assert "<" not in href and '"' not in href and " " not in href


def test_tracker_feedback_fills_the_title() -> None:
    fb = Feedback(url="https://github.com/org/handboek/issues/new?title={title}&labels=feedback")
    href = feedback_href(fb, "Erik & Tom?")
    assert href == "https://github.com/org/handboek/issues/new?title=Erik%20%26%20Tom%3F&labels=feedback"
    assert unquote(href.split("title=")[1].split("&")[0]) == "Erik & Tom?"


def test_feedback_link_escapes_the_label(org: Organisation) -> None:
    hostile = _with(org, feedback=Feedback(email="a@b.nl", label="<img src=x onerror=alert(1)> {{ x }}"))
    html = feedback_link(hostile, "t")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt; &#123;&#123; x &#125;&#125;" in html


def test_no_feedback_configured_means_no_link(org: Organisation) -> None:
    bare = _with(org, feedback=None)
    assert feedback_link(bare, "x") == ""
    assert "hb-feedback" not in step_page(bare, org.steps[0].id, today=TODAY)
    assert "hb-feedback" not in person_page(bare, "erik-smit", today=TODAY)


def test_step_and_person_pages_offer_feedback_with_their_subject(org: Organisation) -> None:
    step = org.steps[2]
    page = step_page(org, step.id, today=TODAY)
    assert 'class="hb-feedback"><a href="mailto:' in page
    assert f"subject=Feedback%20over%20de%20overdracht%20in%20stap%20{step.number}" in page
    assert "subject=Feedback%20over%20een%20overdracht%20met%20Erik%20Smit" in person_page(
        org, "erik-smit", today=TODAY
    )


@pytest.mark.parametrize(
    ("block", "fragment"),
    [
        ("  url: javascript:alert(1)", "kan niet: alleen een https://-adres"),
        ("  url: https://example.org/issues/new", "kan niet: alleen een https://-adres"),
        ("  url: data:text/html,hoi", "kan niet: alleen een https://-adres"),
        ("  email: a@b.nl\n  url: https://example.org/new?title={title}", "precies één van 'email' of 'url'"),
    ],
)
def test_bad_feedback_is_an_error_with_its_place(data_copy: Path, block: str, fragment: str) -> None:
    path = data_copy / "organisation.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("feedback:")
    path.write_text(text[:start] + "feedback:\n" + block + "\n", encoding="utf-8")
    line = text[:start].count("\n") + 1
    with pytest.raises(DataError) as caught:
        load(data_copy)
    report = caught.value.report()
    assert fragment in report
    assert re.search(rf"organisation\.yml:{line + 1}:\d+: error: ", report), report  # the line under 'feedback:'


def test_mailto_url_is_allowed(data_copy: Path) -> None:
    path = data_copy / "organisation.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  email: handboek@meijer-zonen.nl", "  url: mailto:handboek@meijer-zonen.nl"))
    fb = load(data_copy).org.info.feedback
    assert fb is not None and feedback_href(fb, "x y").startswith("mailto:handboek@meijer-zonen.nl?subject=x%20y&body=")


# --- the built site -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("address", ["taakverdeling/", "4a/", "handboek/"])
def test_new_pages_are_built_and_in_the_nav(default_build: Build, address: str) -> None:
    page = default_build.page(address)
    assert "Traceback" not in page and "Macro Rendering Error" not in page
    nav = default_build.page("")
    assert f'href="{address}"' in nav[nav.index('class="md-nav md-nav--primary"') :]


def test_built_pages_carry_the_data(default_build: Build, org: Organisation) -> None:
    matrix_page = default_build.page("taakverdeling/")
    assert all(h(p.name) in matrix_page for p in org.people)
    four = default_build.page("4a/")
    assert all(h(g.need.what) in four for g in analysis.gaps(org))
    book = default_build.page("handboek/")
    assert all(h(n.what) in book for s in org.steps for c in s.data.customers for n in c.needs)
    assert 'href="mailto:handboek@meijer-zonen.nl?subject=' in default_build.page(f"stappen/{org.steps[0].id}/")


def test_search_splits_step_names_at_the_slash(default_build: Build, org: Organisation) -> None:
    # Without Chromium the lunr test in tests/browser/ skips; this checks the index it would read.
    index = json.loads((default_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    for step in org.steps:
        words = separator.split(titles[f"stappen/{step.id}/"].casefold())
        assert words == [w for w in re.split(r"[\s\-/]+", step.name.casefold()) if w]
    assert "offerte" in separator.split(
        titles[next(f"stappen/{s.id}/" for s in org.steps if "offerte" in s.id)].casefold()
    )


def test_dos_come_from_the_data(org: Organisation) -> None:
    outside = [p for p in org.people if p.workplace == "buiten"]
    assert outside and all(h(p.name) in handbook.do_list(org, "communiceren", today=TODAY) for p in outside)
    coming = min(d for m in org.meetings for d in (m.date, m.follow_up) if d and d >= TODAY)
    assert date_nl(coming) in handbook.do_list(org, "relaties", today=TODAY)
    done = analysis.done_of(org)
    assert done and all(h(x.what) in handbook.do_list(org, "successen", today=TODAY) for x in done)
    timed = handbook.do_list(org, "betrouwbaar", today=TODAY)
    for step in org.steps:
        first = next((n for c in step.data.customers for n in c.needs if n.when), None)
        assert first is None or h(first.when) in timed
