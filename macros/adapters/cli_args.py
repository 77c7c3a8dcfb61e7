"""The arguments of the ``handboek`` command, with Dutch help and Dutch usage errors."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from .. import edit, schema
from . import cli_import, cli_zip

# argparse's own messages, in Dutch (pattern, replacement).
_MESSAGES = [
    (r"the following arguments are required: (.+)", r"dit ontbreekt nog: \1"),
    (r"unrecognized arguments: (.+)", r"onbekend: \1"),
    (r"argument (\S+): invalid choice: (\S+) \(choose from (.+)\)", r"\1: \2 kan niet; kies uit \3"),
    (r"argument (\S+): expected one argument", r"achter \1 hoort een waarde"),
    (r"argument (\S+): expected at least one argument", r"achter \1 hoort minstens één waarde"),
    (r"argument (\S+): not allowed with argument (\S+)", r"\1 en \2 gaan niet samen"),
    (r"argument (\S+): (.+)", r"\1: \2"),
]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Dutch and exits with 2 on wrong use."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.update(formatter_class=_Formatter, add_help=False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze uitleg en stop")

    def error(self, message: str) -> NoReturn:
        for pattern, replacement in _MESSAGES:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, replacement, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: verkeerd gebruik: {message}\n")


def _typed(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """Turn a core parser's ValueError into argparse's usage error, with the core's message."""

    def convert(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    convert.__name__ = parse.__name__
    return convert


DATE = _typed(edit.parse_date)
TIME = _typed(edit.parse_time)
CODE = _typed(edit.parse_id)


def _codes(text: str) -> list[str]:
    return [edit.parse_id(part.strip()) for part in text.split(",") if part.strip()]


CODES = _typed(_codes)


def _data(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--data", metavar="MAP", help="de map met gegevens (standaard: $HANDBOOK_DATA of data/)")


def parser() -> argparse.ArgumentParser:
    """The full command line: check, schema, action add|done, meeting add|agree, init, zip."""
    main = _Parser(prog="handboek", description="Werk met de gegevens van het handboek interne klant.")
    commands = main.add_subparsers(dest="command", required=True, metavar="OPDRACHT", parser_class=_Parser)

    chk = commands.add_parser(
        "check",
        help="controleer alle gegevens",
        description="Controleer alle gegevens. Elke melding staat op één regel: "
        "pad:regel:kolom: error|warning: melding. Exitcode 0: geen fouten; 1: fouten; 2: verkeerd gebruik.",
    )
    _data(chk)
    chk.add_argument("--strict", action="store_true", help="tel waarschuwingen als fouten")

    sch = commands.add_parser(
        "schema",
        help="controleer of schrijf de JSON Schema's voor de editor",
        description="De JSON Schema's in schema/ komen uit macros/model.py. Zonder opties: controleer of ze "
        f"nog kloppen (exitcode 1 als niet). Na een wijziging van het model: {schema.REGENERATE}",
    )
    sch.add_argument("--write", action="store_true", help="schrijf de schema's opnieuw")
    sch.add_argument("--dir", metavar="MAP", default=schema.SCHEMA_DIR, help="de map met schema's (standaard: schema)")

    act = commands.add_parser("action", help="leg een actiepunt vast of rond het af").add_subparsers(
        dest="sub", required=True, metavar="add|done", parser_class=_Parser
    )
    add = act.add_parser(
        "add",
        help="voeg een actiepunt toe",
        description="Voeg een actiepunt toe aan actions.yml. Toont de code van het nieuwe actiepunt.",
    )
    add.add_argument("--what", required=True, metavar="TEKST", help="wat er moet gebeuren")
    add.add_argument("--who", required=True, type=CODE, metavar="CODE", help="wie het doet (code uit people.yml)")
    add.add_argument("--due", required=True, type=DATE, metavar="DATUM", help="wanneer het klaar is (JJJJ-MM-DD)")
    add.add_argument("--step", type=CODE, metavar="CODE", help="bij welke stap het hoort")
    add.add_argument("--meeting", type=CODE, metavar="CODE", help="in welke bijeenkomst het is afgesproken")
    add.add_argument("--status", choices=["open", "bezig"], default="open", help="open (standaard) of bezig")
    add.add_argument("--id", type=CODE, metavar="CODE", help="een eigen code (standaard: het volgende nummer)")
    _data(add)
    done = act.add_parser("done", help="zet een actiepunt op klaar", description="Zet een actiepunt op 'klaar'.")
    done.add_argument("id", type=CODE, metavar="ID", help="de code van het actiepunt, zoals ap-03")
    _data(done)

    meet = commands.add_parser("meeting", help="leg een bijeenkomst vast").add_subparsers(
        dest="sub", required=True, metavar="add|agree", parser_class=_Parser
    )
    madd = meet.add_parser(
        "add",
        help="voeg een bijeenkomst toe",
        description="Voeg een bijeenkomst toe aan meetings.yml. Toont de code van de nieuwe bijeenkomst.",
    )
    madd.add_argument("--title", required=True, metavar="TEKST", help="titel van de bijeenkomst")
    madd.add_argument("--date", required=True, type=DATE, metavar="DATUM", help="datum (JJJJ-MM-DD)")
    madd.add_argument("--start", type=TIME, metavar="UU:MM", help="begintijd, zoals 08:30")
    madd.add_argument("--location", metavar="TEKST", help="waar de bijeenkomst is")
    madd.add_argument("--facilitator", type=CODE, metavar="CODE", help="de begeleider (code uit people.yml)")
    madd.add_argument(
        "--attendees", type=CODES, action="append", metavar="CODE,CODE", help="de deelnemers, met komma's ertussen"
    )
    madd.add_argument("--follow-up", type=DATE, metavar="DATUM", help="datum van de vervolgbijeenkomst")
    madd.add_argument("--id", type=CODE, metavar="CODE", help="een eigen code (standaard: bijeenkomst-JJJJ-MM)")
    _data(madd)
    agree = meet.add_parser(
        "agree",
        help="leg vast wat er per stap is afgesproken",
        description="Zet afspraken voor één stap bij een bijeenkomst in meetings.yml. Ze komen in het memo.",
    )
    agree.add_argument("meeting", type=CODE, metavar="CODE", help="de code van de bijeenkomst")
    agree.add_argument("--step", required=True, type=CODE, metavar="CODE", help="de stap waar het over gaat")
    agree.add_argument(
        "--point", required=True, action="append", metavar="TEKST", help="één afspraak; herhaal voor meer"
    )
    _data(agree)

    ini = commands.add_parser(
        "init",
        help="begin een nieuwe organisatie",
        description="Maak een nieuwe map met gegevens: de vijf stappen van de methode, klaar om in te vullen.",
    )
    ini.add_argument("dir", metavar="MAP", help="de nieuwe map (bestaat nog niet, of is leeg)")
    ini.add_argument("--name", default="Mijn organisatie", metavar="NAAM", help="naam van de organisatie")
    cli_zip.add_parser(commands, _data)
    cli_import.add_parser(commands, _data)
    return main
