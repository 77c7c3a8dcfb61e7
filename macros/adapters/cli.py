"""The ``handboek`` command line (also ``python -m macros``).

Thin: it reads the arguments, calls the core (``check``, ``edit``, ``scaffold``,
``schema``) and prints. Exit codes: 0 done, 1 problems in the data or an edit
that was refused, 2 wrong use of the command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .. import edit, scaffold, schema
from ..problems import DataError, Problem
from ..rules import check
from ..text import safe_line, shown
from . import cli_import, cli_zip, site
from .cli_args import parser

OK, PROBLEMS, USAGE = 0, 1, 2


class _Usage(Exception):
    """Wrong use of the command: exit code 2."""


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _folder(data: str | None) -> Path:
    """The data folder: --data, $HANDBOOK_DATA or data/ in the current folder."""
    folder = Path(data).resolve() if data else site.data_dir(Path.cwd())
    if folder.is_file():
        raise _Usage(f"{folder} is een bestand, geen map. Geef de map met gegevens aan met --data MAP.")
    if not folder.is_dir():
        raise _Usage(f"map {folder} bestaat niet. Geef de map met gegevens aan met --data MAP.")
    return folder


def _today() -> dt.date:
    try:
        return site.today()
    except SystemExit as exc:  # site.today() stops a build; here it is a usage problem
        raise _Usage(str(exc.code)) from None


def cmd_check(args: argparse.Namespace) -> int:
    folder = _folder(args.data)
    today = _today()
    try:
        loaded = site.load_once(folder)
    except DataError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{_count(len(exc.problems), 'fout', 'fouten')}. Herstel de regels hierboven.", file=sys.stderr)
        return PROBLEMS
    warnings = sorted(check(loaded, today))
    if args.strict:
        warnings = [Problem(p.path, p.line, p.col, "error", p.message) for p in warnings]
    for problem in warnings:
        print(problem)
    if args.strict:
        print(f"{_count(len(warnings), 'fout', 'fouten')} (--strict: waarschuwingen tellen als fout).", file=sys.stderr)
    else:
        print(f"0 fouten, {_count(len(warnings), 'waarschuwing', 'waarschuwingen')}.", file=sys.stderr)
    return PROBLEMS if args.strict and warnings else OK


def cmd_schema(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    if args.write:
        changed = schema.write(folder)
        for path in changed:
            print(f"bijgewerkt: {path}", file=sys.stderr)
        count = _count(len(changed), "schema", "schema's")
        print(f"{count} bijgewerkt in {folder}.", file=sys.stderr)
        return OK
    again = schema.REGENERATE + ("" if args.dir == schema.SCHEMA_DIR else f" --dir {args.dir}")
    if not folder.is_dir():
        print(safe_line(f"{folder}:1:1: error: de map met schema's bestaat niet; maak ze met '{again}'."))
        return PROBLEMS
    old = schema.stale(folder)
    for path in old:
        print(safe_line(f"{path}:1:1: error: schema past niet bij macros/model.py; draai '{again}'."))
    if not old:
        print(f"De schema's in {folder} passen bij het model.", file=sys.stderr)
    return PROBLEMS if old else OK


def _say(message: str) -> None:
    print(safe_line(message), file=sys.stderr)


def _waiting(message: str) -> None:
    _say(f"handboek: {message}")


def _report(result: edit.Result, *, print_id: bool) -> int:
    if print_id:
        print(result.id)
    _say(f"{result.message} ({shown(result.path, 200)}).")
    for note in result.notes:
        print(note, file=sys.stderr)
    return OK


def cmd_action_add(args: argparse.Namespace) -> int:
    result = edit.add_action(
        _folder(args.data),
        what=args.what,
        who=args.who,
        due=args.due,
        today=_today(),
        step=args.step,
        meeting=args.meeting,
        status=args.status,
        action_id=args.id,
        notify=_waiting,
    )
    return _report(result, print_id=True)


def cmd_action_done(args: argparse.Namespace) -> int:
    result = edit.set_action_status(_folder(args.data), args.id, "klaar", today=_today(), notify=_waiting)
    return _report(result, print_id=False)


def cmd_meeting_add(args: argparse.Namespace) -> int:
    result = edit.add_meeting(
        _folder(args.data),
        title=args.title,
        date=args.date,
        today=_today(),
        start=args.start,
        location=args.location,
        facilitator=args.facilitator,
        attendees=[p for group in args.attendees or [] for p in group],
        follow_up=args.follow_up,
        new_id=args.id,
        notify=_waiting,
    )
    return _report(result, print_id=True)


def cmd_meeting_agree(args: argparse.Namespace) -> int:
    result = edit.add_agreement(
        _folder(args.data), args.meeting, step=args.step, points=args.point, today=_today(), notify=_waiting
    )
    return _report(result, print_id=False)


def cmd_init(args: argparse.Namespace) -> int:
    target = Path(args.dir)
    # Inside the project, point at its committed schemas; elsewhere the new folder gets its own copy.
    project_schemas = Path.cwd() / schema.SCHEMA_DIR
    inside = target.resolve().is_relative_to(Path.cwd().resolve())
    complete = all((project_schemas / f.schema_name).is_file() for f in schema.FILES)
    shared = project_schemas if inside and complete else None
    written = scaffold.init(target, name=args.name, schema_dir=shared)
    print(f"Nieuwe organisatie in {target}: {_count(len(written), 'bestand', 'bestanden')}.", file=sys.stderr)
    print(f"Vul de gegevens in en controleer ze met: handboek check --data {target}", file=sys.stderr)
    return OK


def cmd_zip(args: argparse.Namespace) -> int:
    return cli_zip.make_zip(_folder(args.data), _today(), args.output)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": cmd_check,
    "schema": cmd_schema,
    "action add": cmd_action_add,
    "action done": cmd_action_done,
    "meeting add": cmd_meeting_add,
    "meeting agree": cmd_meeting_agree,
    "init": cmd_init,
    "zip": cmd_zip,
    "import": lambda args: cli_import.run(args, _folder(args.data), _today()),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code. Never shows a traceback for bad input."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or wrong use (2)
        return int(exc.code or 0)
    name = " ".join(part for part in (args.command, getattr(args, "sub", None)) if part)
    try:
        return COMMANDS[name](args)
    except _Usage as exc:
        _say(f"handboek: {exc}")
        return USAGE
    except edit.EditError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        _say(f"handboek: {exc.message}")
        return PROBLEMS
    except OSError as exc:
        _say(f"handboek: kan niet schrijven of lezen: {exc.strerror} ({shown(exc.filename, 200)}).")
        return PROBLEMS
