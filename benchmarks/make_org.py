"""Write an organisation K times the size of the default one, for benchmarks.

    python benchmarks/make_org.py --scale 20 --out /tmp/org-20

The result is made FROM the default data (``data/``), so that it follows the
model when other fields are added: every file is copied as it is, and only the
lists that grow with the size of a company are multiplied.

How it scales (K = ``--scale``):
- ``people.yml``: every person gets K-1 colleagues with the same function, team
  and workplace, and a new (generated, deterministic) Dutch name.
- ``steps/*.yml``: the same steps (the method has five main steps, and the nav
  must stay bounded). Every performer's colleagues work in the same step, with
  the same role. The named internal customers stay the same: a step names the
  contact person(s) who take over the work, not every colleague of theirs.
  ``--scale-customers`` multiplies the customers too (the worst case: then a
  person's page lists K times as many internal customers and grows with K).
- ``actions.yml``: every action point is copied for each colleague of its
  owner (K times as many), with the same step, meeting, due date and status.
- ``organisation.yml``, ``meetings.yml`` and any other file: copied as they are.

The same scale and seed always give the same files.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "data"

FIRST_NAMES = (
    "Anouk Bas Bram Chantal Daan Dewi Dirk Emma Esther Fatima Femke Floor Hanna Hans Henk Ilse Iris Jan Jeroen "
    "Joost Julia Karin Koen Lars Lotte Luuk Maaike Marieke Mark Martijn Mila Nadia Niels Noah Omar Pieter Rik "
    "Roos Ruben Samira Sem Sophie Stijn Thijs Tim Vera Wim Yara Zoë"
).split()
LAST_NAMES = (
    "Bakker|Boer|Bos|Bosman|Brouwer|Dekker|Dijkstra|Huisman|Hoekstra|Kok|Koster|Kramer|Kuipers|Meijer|Mulder|"
    "Peters|Postma|Prins|Schouten|Smit|Smits|Timmermans|Veenstra|Verbeek|Vermeulen|Visser|Vos|Willems|Wolters|"
    "de Boer|de Bruijn|de Graaf|de Groot|de Haan|de Jong|de Wit|van Beek|van Dam|van den Berg|van der Meer|"
    "van Dijk|van Leeuwen|van Vliet|Yilmaz|El Idrissi|Öztürk|Nguyen|Kaya"
).split("|")


def slug(text: str) -> str:
    """A code in the form of the model's ids: 'Zoë van Dijk' -> 'zoe-van-dijk'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _yaml() -> YAML:
    yaml = YAML()  # round trip: keeps the schema line and the comments at the top of each file
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 120
    # Copies share nested values; the loader refuses anchors and aliases, so write every copy out in full.
    yaml.representer.ignore_aliases = lambda *_: True
    return yaml


def _read(path: Path) -> Any:
    return _yaml().load(path.read_text(encoding="utf-8"))


def _write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        _yaml().dump(data, out)


class _Names:
    """New, unique, deterministic names and codes."""

    def __init__(self, rng: random.Random, taken: Iterable[str]) -> None:
        self.rng = rng
        self.taken = set(taken)

    def new(self) -> tuple[str, str]:
        for _ in range(10_000):
            name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
            code = slug(name)
            if code not in self.taken:
                self.taken.add(code)
                return name, code
        # More people than names: number them, still unique and valid.
        n = len(self.taken)
        name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)} {n}"
        self.taken.add(slug(name))
        return name, slug(name)


def _colleagues(people: list[Any], scale: int, rng: random.Random) -> dict[str, list[str]]:
    """Add scale-1 colleagues per person to ``people`` (in place); person id -> ids of all K 'copies'."""
    names = _Names(rng, (str(p["id"]) for p in people))
    copies: dict[str, list[str]] = {str(p["id"]): [str(p["id"])] for p in people}
    originals = list(people)
    for _ in range(1, scale):
        for person in originals:
            name, code = names.new()
            clone = dict(person)  # keeps every field, also ones added to the model later
            clone["id"], clone["name"] = code, name
            if isinstance(person.get("email"), str) and "@" in person["email"]:
                clone["email"] = f"{code}@{person['email'].split('@', 1)[1]}"
            people.append(clone)
            copies[str(person["id"])].append(code)
    return copies


def _scale_entries(entries: list[Any], copies: dict[str, list[str]], key: str) -> list[Any]:
    """Each entry, followed by the same entry for each colleague of its person."""
    out: list[Any] = []
    for entry in entries:
        out.append(entry)
        for other in copies.get(str(entry.get(key)), [])[1:]:
            clone = dict(entry)
            clone[key] = other
            out.append(clone)
    return out


def make_org(
    scale: int, out: Path, *, source: Path = DEFAULT_DATA, seed: int = 7, scale_customers: bool = False
) -> Path:
    """Write the organisation ``scale`` times the size of ``source`` into ``out`` (replaced if it exists)."""
    if scale < 1:
        raise ValueError("scale must be 1 or more")
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source, out)  # every file as it is; below, the ones that grow are rewritten
    rng = random.Random(f"{seed}:{scale}")

    people_doc = _read(out / "people.yml")
    copies = _colleagues(people_doc["people"], scale, rng)
    _write(out / "people.yml", people_doc)

    for path in sorted((out / "steps").glob("*.y*ml")):
        step = _read(path)
        if step.get("performers"):
            step["performers"] = _scale_entries(step["performers"], copies, "person")
        if scale_customers and step.get("customers"):
            step["customers"] = _scale_entries(step["customers"], copies, "person")
        _write(path, step)

    actions_path = out / "actions.yml"
    if actions_path.exists():
        doc = _read(actions_path)
        actions = []
        for action in doc.get("actions") or []:
            actions.append(action)
            for k, who in enumerate(copies.get(str(action.get("who")), [])[1:], start=2):
                clone = dict(action)
                clone["id"], clone["who"] = f"{action['id']}-{k}", who
                actions.append(clone)
        doc["actions"] = actions
        _write(actions_path, doc)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write an organisation K times the default one.")
    parser.add_argument("--scale", type=int, required=True, help="K: how many times the default organisation")
    parser.add_argument("--out", type=Path, required=True, help="the folder to write (replaced if it exists)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the organisation to start from (data/)")
    parser.add_argument("--seed", type=int, default=7, help="seed for the generated names")
    parser.add_argument("--scale-customers", action="store_true", help="multiply the internal customers too")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be 1 or more")
    out = make_org(args.scale, args.out, source=args.data, seed=args.seed, scale_customers=args.scale_customers)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
