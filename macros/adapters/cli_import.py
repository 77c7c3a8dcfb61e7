"""``handboek import VERSLAG [--dry-run]``: its arguments and what it prints.

The work is done by ``macros.merge``; this module only reads the arguments
and prints the diff, the summary and any new reminders. Errors reach
``cli.main``, which prints them the usual way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import merge


def add_parser(commands: Any, data: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``import`` command to the subcommands of ``handboek``."""
    imp = commands.add_parser(
        "import",
        help="voer het verslag van een bijeenkomst in",
        description="Zet het verslag dat de presentatie heeft opgeslagen (verslag-….json) in de gegevens: "
        "behoeften en beloften in de stappen, actiepunten in actions.yml, afspraken en deelnemers in "
        "meetings.yml. Eerst wordt alles gecontroleerd; bij een fout verandert er niets. Wat er al staat, "
        "wordt overgeslagen.",
    )
    imp.add_argument("record", metavar="VERSLAG", help="het verslag, zoals verslag-bijeenkomst-2026-10-2026-10-14.json")
    imp.add_argument("--dry-run", action="store_true", help="toon alleen wat er zou veranderen; schrijf niets")
    data(imp)


def run(args: argparse.Namespace, folder: Path, today: dt.date) -> int:
    """Import the record; print the diff (with --dry-run) on stdout and the summary on stderr."""
    outcome = merge.import_record(
        folder, Path(args.record), today=today, dry_run=args.dry_run, notify=lambda m: print(m, file=sys.stderr)
    )
    if args.dry_run:
        sys.stdout.write(merge.diff(outcome.changes, folder))
    print(f"{outcome.summary()}.", file=sys.stderr)
    if args.dry_run and outcome.changes:
        print("Dit was een proef (--dry-run): er is niets geschreven.", file=sys.stderr)
    for note in outcome.notes:
        print(note, file=sys.stderr)
    return 0
