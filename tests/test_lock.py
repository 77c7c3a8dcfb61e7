"""The locked set-up: every install comes from requirements/*.txt, and the weekly job tries the newest versions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from .conftest import ROOT

LOCKS = {"site": ROOT / "requirements" / "site.txt", "test": ROOT / "requirements" / "test.txt"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^ ;\\]+)")


def _readme_command(marker: str) -> str:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    at = lines.index(f"<!-- {marker} -->")
    assert lines[at + 1].startswith("```"), "the command follows its marker in a code block"
    return lines[at + 2]


def _pins(lock: Path) -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            pins[match[1].lower().replace("_", "-")] = match[2]
    return pins


def _workflow(name: str) -> Any:
    return YAML(typ="safe").load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("marker", "lock"), [("site-command", "site"), ("test-command", "test")])
def test_readme_commands_install_from_the_lock(marker: str, lock: str) -> None:
    command = _readme_command(marker)
    assert command.startswith(f"pip install -r requirements/{lock}.txt && "), command
    # The project itself goes in without its dependencies and without a build environment from outside the lock.
    assert "pip install --no-deps --no-build-isolation -e ." in command, command
    assert "pip install -e" not in command


@pytest.mark.parametrize("lock", LOCKS)
def test_every_package_is_pinned_with_hashes(lock: str) -> None:
    text = LOCKS[lock].read_text(encoding="utf-8")
    # One requirement starts at the beginning of a line; its hashes follow on indented lines.
    requirements = [r for r in re.split(r"\n(?=[A-Za-z])", text) if r.strip() and not r.startswith("#")]
    assert len(requirements) > 20, "the lock holds every direct and transitive dependency"
    for req in requirements:
        assert PIN.match(req), f"not pinned exactly: {req.splitlines()[0]}"
        assert "--hash=sha256:" in req, f"no hash: {req.splitlines()[0]}"


def test_the_locks_hold_what_the_project_needs() -> None:
    site, test = _pins(LOCKS["site"]), _pins(LOCKS["test"])
    for name in (
        "mkdocs",
        "mkdocs-material",
        "mkdocs-macros-plugin",
        "ruamel-yaml",
        "pydantic",
        "icalendar",
        "setuptools",
    ):
        assert name in site, name
        assert test.get(name) == site[name], f"{name}: the site and the tests run the same version"
    for name in ("pytest", "playwright", "ruff", "mypy", "axe-playwright-python"):
        assert name in test, name
    assert site["mkdocs"].startswith("1."), "MkDocs 2 drops plugins and theme overrides (pyproject.toml pins <2)"


def test_ci_and_the_workflow_use_the_lock() -> None:
    assert "README.md" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")  # .ci/run runs the README's command
    check = _workflow("handboek.yml")["jobs"]["check"]
    runs = "\n".join(step.get("run", "") for step in check["steps"])
    assert "pip install -r requirements/test.txt" in runs
    assert 'pip install -e ".[test]"' not in runs


def test_a_weekly_job_tries_the_newest_versions() -> None:
    flow = _workflow("nieuwste.yml")
    triggers = flow.get("on") or flow.get(True)  # YAML 1.1 readers turn 'on' into True
    assert triggers["schedule"][0]["cron"].split()[4] in {"0", "1", "2", "3", "4", "5", "6", "MON", "mon"}
    assert "workflow_dispatch" in triggers
    runs = "\n".join(step.get("run", "") for step in flow["jobs"]["newest"]["steps"])
    assert 'pip install --upgrade --upgrade-strategy eager -e ".[test]"' in runs
    assert "requirements/" not in runs, "this job must not install the lock"
    assert "python -m pytest" in runs


def test_the_weekly_job_builds_on_properdocs_too() -> None:
    job = _workflow("nieuwste.yml")["jobs"]["properdocs"]
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "pip install -r requirements/site.txt" in runs
    assert "scripts/properdocs-trial.sh" in runs
    assert (ROOT / "scripts" / "properdocs-trial.sh").exists()
