"""Lint and type checks run with the tests, so that one command checks everything."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT


@pytest.mark.parametrize(
    "cmd",
    [
        [sys.executable, "-m", "ruff", "check", "."],
        [sys.executable, "-m", "ruff", "format", "--check", "."],
        [sys.executable, "-m", "mypy"],
    ],
    ids=["ruff", "ruff-format", "mypy"],
)
def test_tool_is_clean(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_core_layers_do_not_import_mkdocs() -> None:
    for path in (ROOT / "macros").rglob("*.py"):
        if "adapters" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert "import mkdocs" not in text and "from mkdocs" not in text, path
