"""Benchmark: ``handboek action add`` on a large actions.yml against ``handboek check`` on the same folder.

    python benchmarks/edits.py                 # 4999 action points, 5 runs of each (about a minute)
    python benchmarks/edits.py --actions 2000 --runs 3

The folder is data/ with its actions.yml grown to ``--actions`` items (the
limit is 5000, see /beheer/ "Grenzen"). Each run is a fresh process; check and
add take turns, and actions.yml is put back after every add so that each add
sees the same file. Goal (issue 12): the add takes at most 2x the check.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"


def grow(folder: Path, count: int) -> None:
    """Append action points to actions.yml until it holds ``count`` of them."""
    path = folder / "actions.yml"
    text = path.read_text(encoding="utf-8")
    have = text.count("\n  - id: ")
    day = dt.date(2027, 1, 1)
    extra = [
        f"  - id: bench-{n:05d}\n    what: Punt {n} uit de meting, met een gewone zin erbij.\n"
        f"    who: erik-smit\n    due: {day + dt.timedelta(days=n % 300)}\n    status: open\n"
        for n in range(count - have)
    ]
    path.write_text(text.rstrip("\n") + "\n" + "".join(extra), encoding="utf-8")


def timed(args: list[str]) -> tuple[float, float]:
    """Wall time and processor time (user + sys) of one run in a fresh process."""
    env = {**os.environ, "HANDBOOK_TODAY": TODAY}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "macros", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{proc.stderr}")
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time 'action add' on a large file against 'check'.")
    parser.add_argument("--actions", type=int, default=4999, help="action points in actions.yml (default 4999)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="handboek-edits-"))
    try:
        folder = work / "data"
        shutil.copytree(ROOT / "data", folder)
        grow(folder, args.actions)
        original = (folder / "actions.yml").read_bytes()
        check = ["check", "--data", str(folder)]
        add = ["action", "add", "--data", str(folder), "--what", "Meten", "--who", "erik-smit", "--due", "2027-02-01"]
        timed(check), timed(add)  # warm-up: file cache, .pyc
        (folder / "actions.yml").write_bytes(original)
        checks, adds = [], []
        for _ in range(args.runs):
            checks.append(timed(check))
            adds.append(timed(add))
            (folder / "actions.yml").write_bytes(original)
        c, a = statistics.median(t for t, _ in checks), statistics.median(t for t, _ in adds)
        cc, ac = statistics.median(u for _, u in checks), statistics.median(u for _, u in adds)
        print(f"{args.actions} actiepunten ({len(original) // 1000} kB), mediaan van {args.runs}:")
        print("| | check | action add | verhouding |\n|---|---:|---:|---:|")
        print(f"| kloktijd | {c:.2f} s | {a:.2f} s | {a / c:.2f}× |")
        print(f"| processortijd | {cc:.2f} s | {ac:.2f} s | {ac / cc:.2f}× |")
        print(f"- [{'x' if a <= 2 * c else ' '}] action add ≤ 2× check ({a / c:.2f}×; processortijd {ac / cc:.2f}×)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
