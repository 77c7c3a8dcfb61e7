"""The ``handboek`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..problems import DataError
from ..rules import check
from . import site


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handboek",
        description="Werk met de gegevens van het handboek interne klant.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")
    chk = sub.add_parser(
        "check",
        help="controleer alle gegevens",
        description="Controleer alle gegevens. Elke melding staat op één regel: "
        "pad:regel:kolom: error|warning: melding. Exitcode 0: geen fouten; 1: fouten; 2: verkeerd gebruik.",
    )
    chk.add_argument("--data", metavar="MAP", help="de map met gegevens (standaard: $HANDBOOK_DATA of data/)")
    chk.add_argument("--strict", action="store_true", help="behandel waarschuwingen als fouten")
    return parser


def cmd_check(data: str | None, strict: bool) -> int:
    folder = Path(data).resolve() if data else site.data_dir(Path.cwd())
    if not folder.is_dir():
        print(f"handboek: map {folder} bestaat niet.", file=sys.stderr)
        return 2
    try:
        loaded = site.load_once(folder)
    except DataError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{len(exc.problems)} fout(en).", file=sys.stderr)
        return 1
    warnings = check(loaded, site.today())
    for problem in sorted(warnings):
        print(problem)
    errors = len(warnings) if strict else 0
    print(f"0 fouten, {len(warnings)} waarschuwing(en).", file=sys.stderr)
    return 1 if errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check":
        return cmd_check(args.data, args.strict)
    return 2  # pragma: no cover - argparse rejects unknown commands
