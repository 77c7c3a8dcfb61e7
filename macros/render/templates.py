"""Jinja templates that escape by themselves: the one way page HTML is made.

Every ``{{ value }}`` in a template goes through :func:`_finalize`: a plain value
(anything from the data) is escaped with :func:`escape.h`; only a
``markupsafe.Markup`` passes as it is. Code marks HTML safe in one place:
:func:`safe` below, and the ``Markup`` that :func:`render` returns.

Templates live in ``macros/templates/``. An organisation overrides one by putting
a file with the same name in ``<theme custom_dir>/handboek/``; the plugin passes
that folder to :func:`set_override_dirs`. The environment is built once per
process and set of folders.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import BytecodeCache, ChoiceLoader, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..nl import date_nl
from . import escape, links

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
_override_dirs: tuple[str, ...] = ()


def set_override_dirs(dirs: Sequence[str | Path]) -> None:
    """Folders whose templates win over the built-in ones (first one first); missing folders are skipped."""
    global _override_dirs  # one setting per process, like the theme it comes from
    _override_dirs = tuple(str(d) for d in dirs if Path(d).is_dir())


def override_dirs() -> tuple[str, ...]:
    return _override_dirs


def _finalize(value: Any) -> Any:
    """Escape every value a template prints, unless code marked it as HTML with ``Markup``."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return Markup(escape.h(value))


def safe(html: str) -> Markup:
    """Mark finished HTML as safe. Only for HTML that code built from escaped parts: never for data."""
    return Markup(html)


def _md(value: object) -> Markup:
    """A value for a Markdown heading or other inline Markdown on one line."""
    return Markup(escape.md(value))


def _inline(value: object) -> Markup:
    """A value for running text that may be read as Markdown as well as HTML."""
    return Markup(escape.inline(value))


def _wbr(value: object) -> Markup:
    """A value that may wrap after each slash, as in a long path or 'Planning/<wbr>voorbereiding'."""
    return Markup(escape.h(value).replace("/", "/<wbr>"))


def _date(day: dt.date) -> str:
    return date_nl(day)


def _join_nl(items: Iterable[Any], empty: str = "") -> Markup:
    """'a, b en c', each item escaped unless it is Markup."""
    parts = [_finalize(item) for item in items]
    if not parts:
        return _finalize(empty)
    if len(parts) == 1:
        return Markup(parts[0])
    return Markup(", ").join(parts[:-1]) + Markup(" en ") + parts[-1]


@lru_cache(maxsize=8)
def environment(dirs: tuple[str, ...] = ()) -> Environment:
    """The environment for a set of override folders; templates compile once and stay cached."""
    loaders = [FileSystemLoader(list(dirs))] if dirs else []
    env = Environment(
        loader=ChoiceLoader([*loaders, FileSystemLoader(str(TEMPLATE_DIR))]),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(md=_md, inline=_inline, date_nl=_date, join_nl=_join_nl, wbr=_wbr)
    env.globals.update(
        rel=links.rel,
        step_url=links.step_url,
        person_url=links.person_url,
        page_url=links.PAGES.__getitem__,
    )
    return env


def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept between processes (a private folder per user in the temp folder).

    Compiling the templates costs a cold build more than rendering them. Jinja checks each
    entry against the template's source, so an edited template is compiled again; the file
    names carry a hash of this module and Jinja's version, because the compiled code also
    depends on the options above.
    """
    key = hashlib.sha1(Path(__file__).read_bytes() + jinja2.__version__.encode()).hexdigest()[:12]
    try:
        return FileSystemBytecodeCache(pattern=f"handboek-{key}-%s.cache")
    except (OSError, RuntimeError):  # no safe temp folder: compile every time
        return None


def render(name: str, /, **context: Any) -> Markup:
    """Render the template ``name`` with ``context``; the result is safe HTML/Markdown."""
    return Markup(environment(_override_dirs).get_template(name).render(**context))
