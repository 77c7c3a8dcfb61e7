"""Shared test helpers: copies of the default data, and real MkDocs builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TODAY = "2026-11-23"  # a fixed date, so that "overdue" does not depend on the day the tests run


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def page(self, address: str) -> str:
        return (self.site / address / "index.html").read_text(encoding="utf-8")


def run_build(tmp_path: Path, data: Path = DATA, *, today: str = TODAY, strict: bool = True) -> Build:
    """Run a real ``mkdocs build`` of the project into a temporary folder."""
    site = tmp_path / "site"
    env = {**os.environ, "HANDBOOK_DATA": str(data), "HANDBOOK_TODAY": today, "NO_MKDOCS_2_WARNING": "1"}
    # No -q: with it MkDocs does not count warnings, and --strict would pass a build that has them.
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    if strict:
        cmd.append("--strict")
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the default organisation."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def default_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One strict build of the default organisation, shared by the tests that read it."""
    build = run_build(tmp_path_factory.mktemp("default"))
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One strict build of the hostile organisation (tests/hostile.py), shared by the tests that read it."""
    from . import hostile

    base = tmp_path_factory.mktemp("hostile")
    build = run_build(base, hostile.make(DATA, base / "data"))
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def offline_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One strict build of the copy that opens from a folder (HANDBOOK_OFFLINE=1), shared by its tests."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HANDBOOK_OFFLINE", "1")
        build = run_build(tmp_path_factory.mktemp("offline"))
    assert build.returncode == 0, build.output
    return build
