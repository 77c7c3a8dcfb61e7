"""A hostile organisation: every text value tries to be HTML, Markdown, Jinja or a link."""

from __future__ import annotations

import shutil
from pathlib import Path

from ruamel.yaml import YAML

LONG = "lang " * 20_000  # a 100,000-character value

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
MARKERS = ['<script>alert("xss")', "onerror=alert", 'href="javascript:', "<strong>vet</strong>", "<h1>geen kop"]


def make(base: Path, target: Path) -> Path:
    """Copy the data at ``base`` to ``target`` and fill every text with hostile values."""
    shutil.copytree(base, target)
    yaml = YAML(typ="rt")
    yaml.width = 10**9
    counter = iter(range(10**6))

    def poison(value: object, key: str | None) -> object:
        if isinstance(value, dict):
            return {k: poison(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [poison(v, key) for v in value]
        if isinstance(value, str) and key not in {
            "id",
            "person",
            "who",
            "step",
            "meeting",
            "facilitator",
            "attendees",
            "workplace",
            "status",
            "email",
            "edit_url",
            "start",
            "label",  # feedback.label: kept out so the other values keep their place; tests/test_employee.py poisons it
        }:
            n = next(counter)
            extra = LONG if n == 3 else ""
            return f"{HOSTILE[n % len(HOSTILE)]} {value}{extra}"
        return value

    for path in sorted(target.rglob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(poison(data, None), out)
    return target
