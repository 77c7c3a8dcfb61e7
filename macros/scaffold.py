"""``handboek init``: a new organisation from the method's five steps, ready to fill in.

The new folder loads without errors; what is still empty (who works in a step,
who its internal customer is) shows up as warnings in ``handboek check``. The
folder is built next to its final place and renamed into place once it loads,
so a failed init leaves nothing behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from . import schema
from .edit import NEW_FILES, EditError
from .load import display_path, load
from .problems import DataError
from .roundtrip import scalar, umask

# (file name, name, comment line, summary): the default process steps of the worksheet.
STEPS = (
    (
        "01-aanvraag-opname.yml",
        "Aanvraag/opname",
        "Stap 1. Een klant vraagt iets en wij gaan kijken.",
        "Een klant neemt contact op met een vraag. Wij noteren die, maken een afspraak en bekijken het werk ter plekke.",
    ),
    (
        "02-calculatie-offerte.yml",
        "Calculatie/offerte",
        "Stap 2. We rekenen het werk door en maken een offerte.",
        "We berekenen wat het werk kost aan materiaal en uren en sturen de klant een offerte.",
    ),
    (
        "03-planning-voorbereiding.yml",
        "Planning/voorbereiding",
        "Stap 3. We plannen het werk en leggen alles klaar.",
        "Na de opdracht plannen we mensen in, bestellen we materiaal en zetten we alles klaar voor de start.",
    ),
    (
        "04-uitvoering.yml",
        "Uitvoering",
        "Stap 4. We doen het werk bij de klant.",
        "We voeren het werk uit zoals afgesproken en leveren het op aan de klant.",
    ),
    (
        "05-facturatie-nazorg.yml",
        "Facturatie/nazorg",
        "Stap 5. We sturen de rekening en helpen de klant daarna verder.",
        "We sturen de factuur, volgen de betaling en lossen vragen en restpunten van de klant op.",
    ),
)

ORGANISATION = """\
# De organisatie zelf. Vul de omschrijving en de plaats in.
name: {name}
# Een korte naam voor de kop van de site, als de naam lang is:
# short_name: Bakkerij Jansen
description: Schrijf hier in één of twee zinnen wat de organisatie doet en voor wie.
# place: Amersfoort
external_customer:
  name: Opdrachtgever
  description: De klant die ons de opdracht geeft en de rekening betaalt.
  expectations:
    - Het werk is goed gedaan en de klant is tevreden.
    - Het werk is gedaan zoals we het hebben afgesproken.
    - De klant weet steeds wat er gebeurt en wie hij kan bellen.
# Het adres van de knop 'Bewerken', met {{path}} op de plek van het pad. Haal het hekje weg en vul het in:
# edit_url: https://github.com/ORGANISATIE/handboek/edit/main/{{path}}
settings:
  max_open_actions: 3
  # Staan e-mailadressen van collega's op de site? Staan er namen bij te late actiepunten op 'De 4 A's'?
  # Standaard niet. Zet het alleen op true als de collega's het goed vinden:
  # show_emails: true
  # name_late: true
# Waar feedback op een overdracht heen gaat: een e-mailadres, of 'url' met {{title}} (alleen https:// of mailto:).
# feedback:
#   email: handboek@voorbeeld.nl
"""

PEOPLE = """\
# Iedereen die in het werkproces meedoet. De code (id) gebruik je in de andere bestanden.
# Vervang het voorbeeld door de echte mensen: één blok per persoon.
people:
  - id: voornaam-achternaam
    name: Voornaam Achternaam
    function: Functie
    team: Kantoor
    workplace: kantoor  # kantoor of buiten
"""

STEP = """\
# {comment}
name: {name}
summary: >-
  {summary}
# Wie werkt in deze stap? Eén blok per persoon, met de code uit people.yml:
#   - person: voornaam-achternaam
#     role: Wat deze persoon in deze stap doet.
performers: []
# Wie neemt het werk van deze stap over? Dat is de interne klant. Per interne klant:
#   - person: voornaam-achternaam
#     needs:
#       - what: Wat heeft de interne klant nodig?
#         when: Wanneer moet het er zijn?
#         form: In welke vorm?
#         why: Waarom is het nodig?
#     in_return:
#       - what: Wat mag deze stap terug verwachten?
#         when: Wanneer?
customers: []
# Wie houdt de afspraken van deze stap bij (code uit people.yml), en wanneer zijn ze nagekeken?
# owner: voornaam-achternaam
# reviewed: 2026-10-14
"""


def files(name: str) -> dict[str, str]:
    """The text of every file of a new organisation, by path inside the data folder."""
    out = {
        "organisation.yml": ORGANISATION.format(name=scalar(name)),
        "people.yml": PEOPLE,
        **NEW_FILES,
    }
    for file_name, step_name, comment, summary in STEPS:
        out[f"steps/{file_name}"] = STEP.format(comment=comment, name=scalar(step_name), summary=summary)
    return out


def init(target: Path, *, name: str, schema_dir: Path | None) -> list[str]:
    """Create a new data folder at ``target``; return the files written, relative to it.

    Each file starts with the schema line for editors. With ``schema_dir`` the
    lines point at the project's committed schemas; without it the schemas are
    written into ``target/schema/``.
    """
    if not " ".join(name.split()):
        raise EditError("--name: geef de organisatie een naam.")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise EditError(f"{display_path(target)} bestaat al en is niet leeg; kies een nieuwe map.")
    if not target.parent.is_dir():
        raise EditError(f"de map {display_path(target.parent)} bestaat niet; maak die eerst aan.")
    texts = files(" ".join(name.split()))
    final = target.absolute()
    schemas = final / schema.SCHEMA_DIR if schema_dir is None else schema_dir.absolute()
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        if schema_dir is None:
            schema.write(tmp / schema.SCHEMA_DIR)
        for rel, text in texts.items():
            # The schema line is relative to the file's final place, not the temporary one.
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{schema.header(rel, schemas, final)}\n{text}", encoding="utf-8")
        try:
            load(tmp)
        except DataError as exc:  # pragma: no cover - the templates are tested to load
            raise EditError("de nieuwe map laadt niet; er is niets aangemaakt.", exc.problems) from None
        mask = umask()
        for folder in [tmp, *(p for p in tmp.rglob("*") if p.is_dir())]:
            folder.chmod(0o777 & ~mask)
        if target.exists():
            target.rmdir()  # empty, checked above
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
