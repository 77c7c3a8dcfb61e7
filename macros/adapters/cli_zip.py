"""``handboek zip``: the site as one zip file, to unpack on a shared drive and open without a web server.

It builds the site the way ``HANDBOOK_OFFLINE=1 mkdocs build --strict`` does (with Material's
offline plugin: page files instead of folders, search without a server) and packs it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .. import publish
from ..problems import DataError
from . import site

OK, PROBLEMS, USAGE = 0, 1, 2
CONFIG = "mkdocs.yml"
# Not in the zip: the 404 page only works on a web server (its links start at the root).
_LEFT_OUT = {"404.html"}


def add_parser(commands: argparse._SubParsersAction, data_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """The ``zip`` subcommand, with Dutch help like the others."""
    sub = commands.add_parser(
        "zip",
        help="maak de site als zip-bestand voor een gedeelde map",
        description="Bouw de site zo dat hij werkt zonder webserver, ook het zoeken, en schrijf hem als één "
        "zip-bestand. Pak het bestand uit in een gedeelde map en open index.html. Draai het in de map met "
        "mkdocs.yml. Exitcode 0: klaar; 1: fouten in de gegevens of de site; 2: verkeerd gebruik.",
    )
    data_option(sub)
    sub.add_argument(
        "--output",
        metavar="BESTAND",
        help="het zip-bestand, of een map om het in te zetten "
        "(standaard: handboek-<organisatie>-<datum>.zip in de huidige map)",
    )


def make_zip(folder: Path, today: dt.date, output: str | None) -> int:
    """Build the offline site from the data in ``folder`` and write it as one zip; print its path."""
    config_file = Path.cwd() / CONFIG
    if not config_file.is_file():
        print(
            f"handboek: geen {CONFIG} in {Path.cwd()}. Draai 'handboek zip' in de map van het handboek.",
            file=sys.stderr,
        )
        return USAGE
    try:
        info = site.load_once(folder).org.info
    except DataError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{exc}: het zip-bestand is niet gemaakt. Herstel de regels hierboven.", file=sys.stderr)
        return PROBLEMS
    name = publish.zip_name(info, today)
    target = Path(output) if output else Path(name)
    if target.is_dir() or (output or "").endswith(("/", os.sep)):
        target = target / name
    with tempfile.TemporaryDirectory(prefix="handboek-zip-") as tmp:
        site_dir = Path(tmp) / "site"
        try:
            with _offline_env(folder), _warnings_to_stderr():
                _build(config_file, site_dir)
        except MkDocsException as exc:
            print(f"handboek: de site is niet gebouwd, dus er is geen zip-bestand.\n{exc}", file=sys.stderr)
            return PROBLEMS
        target.parent.mkdir(parents=True, exist_ok=True)
        count = _pack(site_dir, target, Path(name).stem, today)
    print(target)
    print(
        f"Zip-bestand gemaakt met {count} bestanden. Pak het uit in een gedeelde map en open index.html.",
        file=sys.stderr,
    )
    return OK


def _build(config_file: Path, site_dir: Path) -> None:
    """A strict build, as 'mkdocs build --strict' runs it."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def _pack(site_dir: Path, target: Path, top: str, today: dt.date) -> int:
    """Write every file of the site under the folder ``top`` in the zip; the same site gives the same zip."""
    stamp = (today.year, today.month, today.day, 0, 0, 0)
    files = sorted(
        p for p in site_dir.rglob("*") if p.is_file() and p.relative_to(site_dir).as_posix() not in _LEFT_OUT
    )
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{top}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes())
    return len(files)


@contextmanager
def _offline_env(folder: Path) -> Iterator[None]:
    """$HANDBOOK_OFFLINE and $HANDBOOK_DATA for the build, and the old values back afterwards."""
    values = {publish.OFFLINE_ENV: "1", site.DATA_ENV: str(folder)}
    old = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextmanager
def _warnings_to_stderr() -> Iterator[None]:
    """MkDocs' warnings and errors during the build, one a line on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
