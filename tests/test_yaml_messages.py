"""The YAML parser's errors in Dutch, at the line where the fix goes (issue 15, item 12)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from macros.load import load
from macros.problems import DataError
from macros.text import shown
from macros.yamlsrc import Pos, YamlProblem, parse

from .conftest import DATA

# Words of ruamel.yaml's own (English) messages; none may reach a message.
ENGLISH = re.compile(
    r"\b(expected|found|while|but|got|scanning|parsing|mapping|sequence|token|allowed|block end|stream|"
    r"character|simple key|indicator)\b",
    re.IGNORECASE,
)

PERSON = "people:\n  - id: anne\n"


def _problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as info:
        parse("people.yml", text)
    return info.value


def _assert_clean(message: str) -> None:
    # Text quoted from the file ('…') may hold any word; the rest is the message's own.
    assert not ENGLISH.search(re.sub(r"'[^'\n]*'", "", message)), message
    assert shown(message, len(message)) == message, "no control characters"
    assert not message.startswith("::")


@pytest.mark.parametrize(
    ("text", "pos", "message"),
    [
        pytest.param(
            PERSON + "    team: [Kantoor, Buiten\n    function: Calculator\n",
            Pos(3, 11),
            "de [ op deze regel wordt niet gesloten; het lezen loopt vast op regel 4. Zet een ] achter het laatste "
            "item. Hoort de [ bij de tekst? Zet de hele waarde dan tussen aanhalingstekens.",
            id="unclosed-bracket",
        ),
        pytest.param(
            PERSON + "    tags: {plaats: Utrecht\n    function: Calculator\n",
            Pos(3, 11),
            "de { op deze regel wordt niet gesloten; het lezen loopt vast op regel 4. Zet een } achter het laatste "
            "item. Hoort de { bij de tekst? Zet de hele waarde dan tussen aanhalingstekens.",
            id="unclosed-brace",
        ),
        pytest.param(
            "a: [1, 2\n",
            Pos(1, 4),
            "de [ op deze regel wordt niet gesloten; het lezen zoekt door tot het eind van het bestand. Zet een ] "
            "achter het laatste item. Hoort de [ bij de tekst? Zet de hele waarde dan tussen aanhalingstekens.",
            id="unclosed-bracket-at-the-end",
        ),
        pytest.param(
            PERSON + "    tags: {plaats: Utrecht]\n",
            Pos(3, 11),
            "de { op deze regel sluit je met }, maar er staat ]; het lezen loopt vast in kolom 27. "
            "Vervang de ] door }.",
            id="brace-closed-with-bracket",
        ),
        pytest.param(
            PERSON + '    name: "Anne de Vries\n    function: Calculator\n  - id: bob\n',
            Pos(3, 11),
            'het aanhalingsteken " op deze regel wordt niet gesloten; het lezen zoekt door tot het eind van het '
            'bestand. Zet een " aan het eind van de tekst. Staat er een " in de tekst zelf? Zet de tekst dan tussen '
            "enkele aanhalingstekens (').",
            id="unclosed-double-quote",
        ),
        pytest.param(
            PERSON + "    name: 'Anne de Vries\n    function: Calculator\n",
            Pos(3, 11),
            "het aanhalingsteken ' op deze regel wordt niet gesloten; het lezen zoekt door tot het eind van het "
            "bestand. Zet een ' aan het eind van de tekst. Staat er een ' in de tekst zelf, zoals in zo'n? Schrijf "
            "die dan twee keer: ''.",
            id="unclosed-single-quote",
        ),
        pytest.param(
            PERSON + "    name Anne de Vries\n    function: Calculator\n",
            Pos(3, 5),
            "op deze regel mist een ':' in 'name Anne de Vries'. Schrijf een sleutel zo: 'naam: waarde', met een "
            "spatie na de dubbele punt. Hoort de tekst bij de regel erboven? Spring hem dan verder in.",
            id="missing-colon",
        ),
        pytest.param(
            PERSON + "    name: Anne\n      function: Calculator\n",
            Pos(4, 7),
            "de inspringing klopt niet: deze regel springt verder in dan regel 3, maar de sleutel daar heeft al een "
            "waarde. Zet sleutels van één blok precies onder elkaar, met spaties. Hoort de dubbele punt bij de "
            "tekst? Zet de waarde dan tussen aanhalingstekens.",
            id="indented-too-far",
        ),
        pytest.param(
            PERSON + "   name: Anne\n",
            Pos(3, 4),
            "de inspringing klopt niet: deze regel past niet in het blok dat op regel 2 begint. Zet sleutels van "
            "één blok precies onder elkaar, met spaties.",
            id="indented-too-little",
        ),
        pytest.param(
            PERSON + "    name: Anne\n   - id: bob\n",
            Pos(4, 4),
            "dit lijstitem springt anders in dan de items erboven in het blok dat op regel 2 begint. Zet de "
            "streepjes van één lijst precies onder elkaar.",
            id="list-item-out-of-line",
        ),
        pytest.param(
            PERSON + "\tname: Anne\n",
            Pos(3, 1),
            "tab gevonden; YAML springt in met spaties. Vervang de tab door spaties.",
            id="tab",
        ),
        pytest.param(
            PERSON + "    name:\n    Anne de Vries\n    function: Calculator\n",
            Pos(3, 5),
            "'name' heeft geen waarde, en regel 4 ('Anne de Vries') is geen sleutel. Hoort die tekst bij 'name'? "
            "Zet hem dan op deze regel achter 'name: '. Is het een nieuwe sleutel? Zet er dan een ':' achter.",
            id="key-without-value",
        ),
        pytest.param(
            PERSON + "    name: Anne\n    -\n",
            Pos(4, 5),
            "hier staat een '-' (een nieuw lijstitem) op een plek waar een sleutel hoort, in het blok dat op regel "
            "2 begint. Zet het streepje precies onder de '-' van de lijst waar het bij hoort, of zet eerst een "
            "sleutel met ':' erboven. Of haal het weg.",
            id="stray-dash",
        ),
        pytest.param(
            "people:\n  -\n  id: anne\n",
            Pos(2, 3),
            "dit streepje staat alleen op de regel, en regel 3 springt niet verder in. Zet de eerste sleutel van het "
            "item achter het streepje ('- naam: waarde'), of haal het streepje weg.",
            id="empty-dash",
        ),
        pytest.param(
            "name: Anne\n- id: bob\n",
            Pos(2, 1),
            "hier staat een '-' (een nieuw lijstitem) op een plek waar een sleutel hoort, in het blok dat op regel "
            "1 begint. Zet het streepje precies onder de '-' van de lijst waar het bij hoort, of zet eerst een "
            "sleutel met ':' erboven. Of haal het weg.",
            id="dash-after-a-key",
        ),
        pytest.param(
            "name: - Anne\n",
            Pos(1, 7),
            "een '-' mag hier niet: een lijst begint op een nieuwe regel. Zet '- …' op de regel eronder, verder "
            "ingesprongen. Hoort het streepje bij de tekst? Zet de waarde dan tussen aanhalingstekens.",
            id="dash-after-a-colon",
        ),
        pytest.param(
            "name: Anne: de baas\n",
            Pos(1, 11),
            "er staat een tweede dubbele punt op deze regel. In een waarde mag ': ' niet zomaar staan: zet de hele "
            "waarde tussen aanhalingstekens, zoals name: 'Anne: de baas'.",
            id="second-colon",
        ),
        pytest.param(
            "name: @anne\n",
            Pos(1, 7),
            "een waarde kan niet beginnen met '@'. Zet de hele waarde tussen aanhalingstekens, zoals: '@anne'.",
            id="reserved-character",
        ),
        pytest.param(
            "name: 'Anne' de Vries\n",
            Pos(1, 14),
            "na de tekst tussen aanhalingstekens staat nog iets. Zet alles tussen de aanhalingstekens, of haal de "
            "rest weg.",
            id="text-after-a-quote",
        ),
        pytest.param(
            "tags: [a,, b]\n",
            Pos(1, 10),
            "hier staat een komma zonder item ervoor. Haal de extra komma weg.",
            id="double-comma",
        ),
        pytest.param(
            'name: "C:\\map"\n',
            Pos(1, 11),
            'tussen dubbele aanhalingstekens (") maakt een \\ van de volgende letter een speciaal teken. Zet de '
            "tekst tussen enkele aanhalingstekens ('), of schrijf \\\\ voor één \\.",
            id="backslash-in-double-quotes",
        ),
    ],
)
def test_parser_errors_in_dutch_where_the_fix_goes(text: str, pos: Pos, message: str) -> None:
    found = _problem(text)
    assert (found.pos, found.message) == (pos, message)
    _assert_clean(found.message)


def test_windows_line_ends_keep_the_line_numbers() -> None:
    found = _problem(PERSON.replace("\n", "\r\n") + "    team: [Kantoor\r\n    function: Calculator\r\n")
    assert found.pos == Pos(3, 11)
    assert "het lezen loopt vast op regel 4" in found.message


def test_quoted_text_from_the_file_is_cleaned() -> None:
    found = _problem(PERSON + "    name \u202eAnne\n")
    assert found.pos == Pos(3, 5)
    assert "'name \\u202eAnne'" in found.message
    _assert_clean(found.message)


def test_the_issue_example_names_the_open_bracket_first(data_copy: Path) -> None:
    """An unclosed [ in people.yml: the message points at the [, not at the line where reading got stuck."""
    path = data_copy / "people.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = lines.index("    team: Werkvoorbereiding\n") + 1
    lines[number - 1] = "    team: [Werkvoorbereiding\n"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    found = [p for p in info.value.problems if p.path.endswith("people.yml")]
    assert len(found) == 1, info.value.report()
    assert str(found[0]).startswith(f"{found[0].path}:{number}:11: error: de [ op deze regel wordt niet gesloten;")
    assert f"het lezen loopt vast op regel {number + 1}." in found[0].message


def test_a_key_without_a_value_says_where_to_fill_it_in(data_copy: Path) -> None:
    """'name:' with nothing after it is valid YAML; the model then asks for the value on that line."""
    path = data_copy / "people.yml"
    text = path.read_text(encoding="utf-8")
    line = text.splitlines().index("    name: Marco Jansen") + 1
    path.write_text(text.replace("    name: Marco Jansen\n", "    name:\n"), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load(data_copy)
    found = [p for p in info.value.problems if p.path.endswith("people.yml")]
    assert [(p.line, p.col, p.message) for p in found] == [
        (line, 10, "'name' heeft geen waarde. Vul die in op deze regel, achter 'name:'.")
    ]


def test_every_broken_default_file_gets_a_clean_dutch_message() -> None:
    """Single-character slips in every default file: a Dutch message at a real place, never a crash."""
    rng = random.Random(15)
    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.rglob("*.yml"))]
    slips = ["[", "{", '"', "'", ":", "- ", "\t", " ", "  ", "]", "}", "#", "&", "*", "!", "|", ">", "@", "`", "\n"]
    seen = 0
    for _ in range(300):
        text = rng.choice(texts)
        at = rng.randrange(len(text))
        broken = text[:at] + rng.choice(slips) + text[at + rng.choice([0, 0, 1]) :]
        try:
            parse("f.yml", broken)
        except YamlProblem as problem:
            seen += 1
            _assert_clean(problem.message)
            lines = broken.count("\n") + 2
            assert 1 <= problem.pos.line <= lines and problem.pos.col >= 1, (broken, problem.pos)
    assert seen > 50  # the slips do break files; the point is how each is reported


def test_a_value_that_starts_with_a_block_sign() -> None:
    found = _problem("name: >Anne\n")
    assert found.pos == Pos(1, 7)
    assert found.message == (
        "na '|' of '>' mag op deze regel alleen '-' of '+' staan. Zet de tekst op de regels eronder, verder "
        "ingesprongen. Begint de tekst zelf met | of >? Zet hem dan tussen aanhalingstekens."
    )
    _assert_clean(found.message)
