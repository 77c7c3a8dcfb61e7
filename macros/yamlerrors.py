"""The YAML parser's errors as Dutch sentences that say what to do, at the line where the fix goes.

ruamel.yaml reports where it got stuck (``problem_mark``), and often where the construct began that it
was reading (``context_mark``): an open bracket or quote, a key, a block. An unclosed ``[`` on line 32 gets
stuck on line 34; the fix is on line 32. So a message names the line where the construct began first and
says where reading got stuck. No English text of the parser reaches the message: the parser's words only
choose which Dutch sentence applies.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.error import MarkedYAMLError

from .text import shown

Where = tuple[int, int]  # a 1-based line and column

# The line breaks ruamel.yaml counts, so that its line numbers index this list.
_BREAKS = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")
_FOUND = re.compile(r"but (?:got|found) '(.*)'$|found character '(.*)' that cannot start")
_CLOSE = {"[": "]", "{": "}"}
_INDENT = "Zet sleutels van één blok precies onder elkaar, met spaties."


def _where(mark: Any) -> Where:
    return (mark.line + 1, mark.column + 1)


class _Text:
    """The file's lines, to quote a key and to look at the line above."""

    def __init__(self, text: str) -> None:
        self.lines = _BREAKS.split(text)

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def char(self, where: Where) -> str:
        return self.line(where[0])[where[1] - 1 : where[1]]

    def above(self, number: int) -> int | None:
        """The nearest line above ``number`` with content (not blank, not only a comment)."""
        for n in range(number - 1, 0, -1):
            stripped = self.line(n).strip()
            if stripped and not stripped.startswith("#"):
                return n
        return None

    def start(self, number: int) -> Where:
        """Where the content of a line starts (after its indent and a list dash)."""
        text = self.line(number)
        body = text.lstrip(" ")
        col = len(text) - len(body) + 1
        while body.startswith("- "):
            stripped = body[2:].lstrip(" ")
            col += len(body) - len(stripped)
            body = stripped
        return (number, col)

    def rest(self, where: Where, limit: int = 40) -> str:
        """The text from ``where`` to the end of its line, quotable."""
        return shown(self.line(where[0])[where[1] - 1 :].strip(), limit)


def explain(exc: MarkedYAMLError, text: str) -> tuple[Where, str]:
    """Where to report a parser error, and a Dutch message that says what to do."""
    src = _Text(text)
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    stuck = _where(exc.problem_mark) if exc.problem_mark else None
    began = _where(exc.context_mark) if exc.context_mark else None
    found_match = _FOUND.search(problem)
    found = (found_match[1] or found_match[2] or "") if found_match else ""
    here = stuck or began or (1, 1)
    if "\\t" in problem:
        return here, "tab gevonden; YAML springt in met spaties. Vervang de tab door spaties."
    if began and ("flow sequence" in context or "flow mapping" in context):
        return began, _unclosed_bracket(src, began, stuck, found)
    if began and "quoted scalar" in context:
        return _quote(src, began, stuck, problem)
    if began and "simple key" in context:
        return _no_colon(src, began)
    if "mapping values are not allowed" in problem:
        return _colon(src, here)
    if "sequence entries are not allowed" in problem:
        return here, (
            "een '-' mag hier niet: een lijst begint op een nieuwe regel. Zet '- …' op de regel eronder, verder "
            "ingesprongen. Hoort het streepje bij de tekst? Zet de waarde dan tussen aanhalingstekens."
        )
    if "cannot start any token" in problem:
        return here, (
            f"een waarde kan niet beginnen met '{shown(found)}'. Zet de hele waarde tussen aanhalingstekens, "
            f"zoals: '{src.rest(here, 30)}'."
        )
    if began and ("anchor" in context or "alias" in context or "tag" in context):
        return began, (
            f"een waarde kan niet beginnen met '{shown(src.char(began))}'. Zet de hele waarde tussen aanhalingstekens."
        )
    if began and "block scalar" in context:
        return began, (
            "na '|' of '>' mag op deze regel alleen '-' of '+' staan. Zet de tekst op de regels eronder, "
            "verder ingesprongen. Begint de tekst zelf met | of >? Zet hem dan tussen aanhalingstekens."
        )
    if "expected <block end>" in problem or "expected the node content" in problem:
        return _block(src, here, began, found)
    if "document start" in problem:
        return here, "hier staat nog iets na het einde van de gegevens (na '...' of een regel met '%'). Haal het weg."
    return here, (
        "deze regel is geen geldige YAML. Kijk of haakjes en aanhalingstekens gesloten zijn, of elke sleutel "
        "een ':' heeft, en of de regels met spaties goed inspringen."
    )


def _stuck_at(src: _Text, stuck: Where | None, began: Where) -> str:
    if stuck is not None and stuck[0] >= len(src.lines) and not src.line(stuck[0]).strip():
        return "het lezen zoekt door tot het eind van het bestand"
    if stuck is None or stuck[0] == began[0]:
        return f"het lezen loopt vast in kolom {stuck[1] if stuck else began[1]}"
    return f"het lezen loopt vast op regel {stuck[0]}"


def _unclosed_bracket(src: _Text, began: Where, stuck: Where | None, found: str) -> str:
    opened = src.char(began) if src.char(began) in _CLOSE else "["
    close = _CLOSE[opened]
    if found in ("]", "}") and found != close:
        return (
            f"de {opened} op deze regel sluit je met {close}, maar er staat {found}; {_stuck_at(src, stuck, began)}. "
            f"Vervang de {found} door {close}."
        )
    return (
        f"de {opened} op deze regel wordt niet gesloten; {_stuck_at(src, stuck, began)}. Zet een {close} achter het "
        f"laatste item. Hoort de {opened} bij de tekst? Zet de hele waarde dan tussen aanhalingstekens."
    )


def _quote(src: _Text, began: Where, stuck: Where | None, problem: str) -> tuple[Where, str]:
    quote = src.char(began) if src.char(began) in "'\"" else '"'
    if "escape" in problem and stuck:
        return stuck, (
            'tussen dubbele aanhalingstekens (") maakt een \\ van de volgende letter een speciaal teken. '
            "Zet de tekst tussen enkele aanhalingstekens ('), of schrijf \\\\ voor één \\."
        )
    inside = (
        "Staat er een ' in de tekst zelf, zoals in zo'n? Schrijf die dan twee keer: ''."
        if quote == "'"
        else "Staat er een \" in de tekst zelf? Zet de tekst dan tussen enkele aanhalingstekens (')."
    )
    return began, (
        f"het aanhalingsteken {quote} op deze regel wordt niet gesloten; {_stuck_at(src, stuck, began)}. "
        f"Zet een {quote} aan het eind van de tekst. {inside}"
    )


def _no_colon(src: _Text, began: Where) -> tuple[Where, str]:
    """A line of text where a key belongs: a missing ':', or the value of the empty key above it."""
    words = src.rest(began)
    above = src.above(began[0])
    if above is not None and src.line(above).rstrip().endswith(":"):
        key_at = src.start(above)
        key = src.rest(key_at)[:-1] if src.rest(key_at).endswith(":") else src.rest(key_at)
        return key_at, (
            f"'{key}' heeft geen waarde, en regel {began[0]} ('{words}') is geen sleutel. Hoort die tekst bij "
            f"'{key}'? Zet hem dan op deze regel achter '{key}: '. Is het een nieuwe sleutel? Zet er dan een ':' "
            "achter."
        )
    return began, (
        f"op deze regel mist een ':' in '{words}'. Schrijf een sleutel zo: 'naam: waarde', met een spatie na de "
        "dubbele punt. Hoort de tekst bij de regel erboven? Spring hem dan verder in."
    )


def _colon(src: _Text, stuck: Where) -> tuple[Where, str]:
    """A ':' the parser did not expect: a second one in a value, or a key indented under a key with a value."""
    number = stuck[0]
    start = src.start(number)
    before = src.line(number)[start[1] - 1 : stuck[1] - 1]
    if ": " in before:
        key, _, value = src.line(number)[start[1] - 1 :].partition(": ")
        return stuck, (
            "er staat een tweede dubbele punt op deze regel. In een waarde mag ': ' niet zomaar staan: zet de hele "
            f"waarde tussen aanhalingstekens, zoals {shown(key, 30)}: '{shown(value.strip(), 30)}'."
        )
    above = src.above(number)
    if above is not None and ":" not in src.line(above):
        words = src.rest(src.start(above))
        return src.start(above), (
            f"op deze regel mist een ':' in '{words}', daarom loopt regel {number} vast. Schrijf een sleutel zo: "
            "'naam: waarde'."
        )
    if above is not None and start[1] > src.start(above)[1]:
        return start, (
            f"de inspringing klopt niet: deze regel springt verder in dan regel {above}, maar de sleutel daar "
            f"heeft al een waarde. {_INDENT} Hoort de dubbele punt bij de tekst? Zet de waarde dan tussen "
            "aanhalingstekens."
        )
    return stuck, (
        "dubbele punt op een onverwachte plek. Klopt de inspringing? Zet sleutels van één blok precies onder "
        "elkaar. Hoort de dubbele punt bij de tekst? Zet de waarde dan tussen aanhalingstekens."
    )


def _block(src: _Text, stuck: Where, began: Where | None, found: str) -> tuple[Where, str]:
    """A line that does not fit in the block (mapping or list) around it."""
    block = f" in het blok dat op regel {began[0]} begint" if began and began[0] != stuck[0] else ""
    if found == ",":
        return stuck, "hier staat een komma zonder item ervoor. Haal de extra komma weg."
    if found in ("]", "}"):
        return stuck, (
            f"hier staat een {found} die niets sluit. Haal hem weg, of zet de hele waarde tussen aanhalingstekens."
        )
    above = src.above(stuck[0])
    if above is not None and src.line(above).strip() == "-":
        dash = (above, src.line(above).index("-") + 1)
        return dash, (
            f"dit streepje staat alleen op de regel, en regel {stuck[0]} springt niet verder in. Zet de eerste "
            "sleutel van het item achter het streepje ('- naam: waarde'), of haal het streepje weg."
        )
    if found == "-":
        return stuck, (
            f"hier staat een '-' (een nieuw lijstitem) op een plek waar een sleutel hoort{block and ',' + block}. Zet het streepje "
            "precies onder de '-' van de lijst waar het bij hoort, of zet eerst een sleutel met ':' erboven. Of "
            "haal het weg."
        )
    if found == "<block sequence start>":
        return stuck, (
            f"dit lijstitem springt anders in dan de items erboven{block}. Zet de streepjes van één lijst precies "
            "onder elkaar."
        )
    line = src.line(stuck[0])
    if found == "<scalar>" and began and began[0] <= stuck[0] and any(q in line[: stuck[1] - 1] for q in "'\""):
        return stuck, (
            "na de tekst tussen aanhalingstekens staat nog iets. Zet alles tussen de aanhalingstekens, of haal de "
            "rest weg."
        )
    return src.start(stuck[0]), f"de inspringing klopt niet: deze regel past niet{block}. {_INDENT}"
