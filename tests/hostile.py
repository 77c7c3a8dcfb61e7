"""A hostile organisation: every text value tries to be HTML, Markdown, Jinja or a link."""

from __future__ import annotations

import shutil
from pathlib import Path

from ruamel.yaml import YAML

from macros.limits import NAME_MAX, PARAGRAPH_MAX, SENTENCE_MAX

# Long values fill their field up to its limit (macros/model.py): more is refused, see tests/test_limits.py.
LONG = "lang " * 20_000

HOSTILE = [
    '<script>alert("xss")</script>',
    "<img src=x onerror=alert(1)>",
    "</title><script>alert(2)</script>",
    "[klik hier](javascript:alert(1))",
    '<a href="javascript:alert(1)">link</a>',
    "**vet** _schuin_ `code` # geen kop",
    "{{ config.site_name }} {% if true %}jinja{% endif %}",
    "{#- commentaar -#} ${{ 7*7 }}",
    "</div></table></svg><p>",
    '!!! warning "admonition"',
    "| tabel | cel |",
    "\u202eטקסט מימין לשמאל\u202c",
    "emoji 👷‍♀️🔧 en combinerend: Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗͈",
    "&amp; &lt;b&gt; &#x3C;script&#x3E;",
]
# Appended to the values after the first list: each would set window.__pwned, or
# change the page, if it ran. tests/browser/test_hostile.py checks that nothing does.
EXTRA = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "<svg/onload=window.__pwned=1>",
    '" onmouseover="window.__pwned=1" data-x="',
    "' onfocus='window.__pwned=1' autofocus data-x='",
    "javascript:window.__pwned=1",
    "[klik](javascript:window.__pwned=1) <javascript:window.__pwned=1>",
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "<style>body{display:none}</style>",
    '{: onclick="window.__pwned=1" } {#kop .klasse}',
    "{{ lipsum.__globals__.os.popen('id').read() }}",
    "{% raw %}{{ 7*7 }}{% endraw %} {%- include 'main.html' -%}",
    "# kop\n\n* lijst\n> citaat\n---\n![beeld](x.png) [^1] <!-- commentaar -->",
    "مرحبا بالعالم — שלום עולם \u2067isolaat\u2069 \u202bRLE\u202c",
    "👩🏽‍🔧🇳🇱 e\u0301 n\u0303 \u200bzero\u2060width\u00a0nbsp",
    "]]> <![CDATA[x]]> &lt;al-escaped&gt; &#60;script&#62;",
]
LONG_WORD = "Z" * 100_000  # 100,000 characters without a space
# Values that must pass the model's checks and still try to break out of an attribute.
# Quotes, <, >, ?, & and # are refused in an address (tests/test_load.py); what passes must still show as text.
EMAIL = "{{7*7}}[klik](javascript:x)*vet*@x.nl"
# A quote or < in edit_url is refused by the model (tests/test_load.py); '&' passes and must be escaped.
# The short name becomes Material's site_name: the page title, the header and the logo's tooltip.
SHORT_NAME = '</title><script>window.__pwned=1</script> & "Zonen"'
EDIT_URL = "https://example.org/edit?x=1&amp=2&path={path}"
MARKERS = ['<script>alert("xss")', "onerror=alert", 'href="javascript:', "<strong>vet</strong>", "<h1>geen kop"]


def limit(key: str | None) -> int:
    """The longest text the model allows in a field of this name (the shortest, where names are shared)."""
    if key in {"name", "title", "function", "team", "place", "location", "label"}:
        return NAME_MAX
    if key in {"summary", "goal"}:
        return PARAGRAPH_MAX
    return SENTENCE_MAX


def make(base: Path, target: Path, *, same: str | None = None) -> Path:
    """Copy the data at ``base`` to ``target`` and fill every text with hostile values.

    By default the values take turns, so that each kind of attack lands somewhere; with ``same``
    every text gets that one value, so that no field escapes any of its parts.
    """
    shutil.copytree(base, target)
    yaml = YAML(typ="rt")
    yaml.width = 10**9
    counter = iter(range(10**6))

    def poison(value: object, key: str | None) -> object:
        if key == "settings" and isinstance(value, dict):
            # Every personal value reaches a page, so that each one is shown escaped.
            return {**value, "show_emails": True, "name_late": True}
        if isinstance(value, dict):
            return {k: poison(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [poison(v, key) for v in value]
        if key == "email" and isinstance(value, str):
            return EMAIL
        if key == "edit_url" and isinstance(value, str):
            return EDIT_URL
        if key == "short_name" and isinstance(value, str):
            return SHORT_NAME  # outside the rotation, so that the other values keep their place
        if isinstance(value, str) and key not in {
            "id",
            "person",
            "who",
            "step",
            "meeting",
            "facilitator",
            "owner",
            "attendees",
            "workplace",
            "status",
            "email",
            "edit_url",
            "start",
            "label",  # feedback.label: kept out so the other values keep their place; tests/test_employee.py poisons it
        }:
            if same is not None:
                return f"{same} {value}"[: limit(key)]
            n = next(counter)
            base = f"{HOSTILE[n % len(HOSTILE)]} {value}"
            room = max(0, limit(key) - len(base) - 1)
            extra = f" {LONG[:room]}" if n == 3 else f" {LONG_WORD[:room]}" if n == 7 else f" {EXTRA[n % len(EXTRA)]}"
            return (base + extra)[: limit(key)]
        return value

    for path in sorted(target.rglob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(poison(data, None), out)
    return target
