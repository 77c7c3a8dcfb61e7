"""Golden files: compare rendered output with the reviewed copy in tests/golden/.

After an intended change, refresh them with ``UPDATE_GOLDEN=1 python -m pytest`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(path: Path, rendered: str) -> None:
    """Assert that ``rendered`` equals the golden file at ``path`` (or rewrite it under UPDATE_GOLDEN=1)."""
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}; run with UPDATE_GOLDEN=1"
    assert rendered == path.read_text(encoding="utf-8"), f"{path.name} differs; if intended, run with UPDATE_GOLDEN=1"
