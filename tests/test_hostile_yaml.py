"""YAML attacks through the real command line: refused with file:line:col, no traceback, in bounded time.

tests/test_yamlsrc.py checks the reader itself and tests/cases.py the build;
this file sends the classic attacks on YAML parsers through `python -m macros
check` in a subprocess. The timeout is a guard against a hang or a memory
bomb, not a timing assertion.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.yamlsrc import MAX_DEPTH

from .conftest import DATA, ROOT

GUARD_SECONDS = 60


def _laughs(levels: int = 12) -> str:
    """The 'billion laughs': each level refers to the one before it ten times (10**12 values)."""
    lines = ["people:", "  - lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        refs = ", ".join([f"*lol{i - 1}"] * 10)
        lines.append(f"  - lol{i}: &lol{i} [{refs}]")
    return "\n".join(lines) + "\n"


def _deep_block(levels: int = 60) -> str:
    """A mapping in a mapping in a mapping ..., each on its own line, two spaces deeper."""
    lines = ["people:"]
    for i in range(levels):
        lines.append("  " * (i + 1) + f"n{i}:")
    return "\n".join(lines) + " x\n"


@dataclass(frozen=True)
class Attack:
    name: str
    content: bytes
    line: int
    col: int
    fragment: str


ATTACKS = [
    Attack("billion-laughs", _laughs().encode(), 2, 11, "ankers"),
    Attack("merge-key-alias", b"base: &b {name: x}\npeople:\n  - <<: *b\n", 1, 7, "ankers"),
    Attack("alias-only", b"people: *nergens\n", 1, 9, "verwijzingen"),
    # The file's own mapping is the first level; the first level too many is where the message points.
    Attack("deep-flow", b"people: " + b"[" * 5000 + b"]" * 5000 + b"\n", 1, 9 + MAX_DEPTH - 1, "te diep"),
    Attack("deep-block", _deep_block().encode(), MAX_DEPTH + 1, 2 * MAX_DEPTH + 1, "te diep"),
    Attack(
        "python-apply",
        b"people:\n  - !!python/object/apply:os.system ['touch PWNED']\n",
        2,
        5,
        "!!python/object/apply:os.system",
    ),
    Attack("python-name", b"people: !!python/name:os.system\n", 1, 9, "!!python/name:os.system"),
    Attack("python-module", b"people:\n  - id: !!python/module:os\n", 2, 9, "!!python/module:os"),
    Attack("binary-tag", b"people: !!binary aGFsbG8=\n", 1, 9, "!!binary"),
    Attack("set-tag", b"people: !!set {a, b}\n", 1, 9, "!!set"),
    Attack("local-tag", b"people: !Ref x\n", 1, 9, "labels"),
    Attack("duplicate-nested-key", b"people:\n  - id: a\n    name: A\n    name: B\n", 4, 5, "twee keer"),
    Attack("tab-indent", b"people:\n  - id: a\n\t  name: A\n", 3, 1, "tab"),
    Attack("latin-1", b"people:\n  - id: a\n    name: Jos\xe9\n", 3, 14, "UTF-8"),
    Attack("utf-16", "people: []\n".encode("utf-16"), 1, 1, "UTF-8"),
    Attack("nul-byte", b"people:\n  - id: a\x00\n", 2, 10, "U+0000"),
    Attack("two-documents", b"people: []\n---\npeople: []\n", 3, 1, "document"),
    Attack("complex-key", b"? [a, b]\n: c\n", 1, 3, "sleutel"),
    Attack("too-big", b"# " + b"x" * 2_100_000 + b"\npeople: []\n", 1, 1, "MB"),
]


def _file(i: int, attack: Attack) -> str:
    return f"steps/{60 + i:02d}-{attack.name}.yml"


@dataclass(frozen=True)
class Run:
    returncode: int
    output: str
    cwd: Path


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One `check` of the default data with every attack as an extra step file (step files load one by one)."""
    base = tmp_path_factory.mktemp("attacks")
    data = base / "data"
    shutil.copytree(DATA, data)
    for i, attack in enumerate(ATTACKS):
        (data / _file(i, attack)).write_bytes(attack.content)
    proc = subprocess.run(
        [sys.executable, "-m", "macros", "check", "--data", str(data)],
        cwd=base,  # a python/object/apply that ran would leave PWNED here
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # this checkout's macros package
        capture_output=True,
        text=True,
        timeout=GUARD_SECONDS,
    )
    return Run(proc.returncode, proc.stdout + proc.stderr, base)


def test_the_check_fails_cleanly_and_runs_nothing(checked: Run) -> None:
    assert checked.returncode == 1, checked.output
    assert "Traceback" not in checked.output
    errors = [line for line in checked.output.splitlines() if ": error: " in line]
    assert len(errors) == len(ATTACKS), checked.output
    assert max(map(len, errors)) < 300, "a message stays short, whatever the file holds"
    assert not (checked.cwd / "PWNED").exists() and not (ROOT / "PWNED").exists()


# A list, not the enumerate iterator: pytest 9.2 deprecates one-shot iterables as parameters.
@pytest.mark.parametrize(("i", "attack"), list(enumerate(ATTACKS)), ids=[a.name for a in ATTACKS])
def test_attack_is_refused_with_its_place(checked: Run, i: int, attack: Attack) -> None:
    match = re.search(rf"{re.escape(_file(i, attack))}:(\d+):(\d+): error: (.*)", checked.output)
    assert match, checked.output
    assert (int(match[1]), int(match[2])) == (attack.line, attack.col), match[0]
    assert attack.fragment in match[3], match[0]
