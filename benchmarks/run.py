"""Benchmark: the real build against its static twin, for the default organisation and larger ones.

    python benchmarks/run.py                       # scales 1, 5 and 20, 5 runs each (a few minutes)
    python benchmarks/run.py --scales 1,5 --runs 3 # a quick run

For each scale it writes the organisation (benchmarks/make_org.py; scale 1 is
data/ itself), makes its static twin (benchmarks/twin.py), then times
``python -m mkdocs build --strict`` for the real project and the twin in
turns (real, twin, real, twin ...) after one warm-up build of each, each build
a fresh child process: the *cold* build. Then the *warm* rebuild, as
``mkdocs serve`` does it after a change: one child process per kind loads a
fresh config and builds again and again in the same process, and only the
builds after the first count. It prints a Markdown table: pages, the median
cold build time, the cold and warm ratios to the twin, HTML bytes per page
and the peak memory of the child (ru_maxrss), and then the goals of issues 7
and 13, each met or not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
TODAY = "2026-11-23"  # fixed, like the tests: the same data gives the same site


@dataclass
class Series:
    """Timings and peak memory of one kind of build (real or twin) at one scale."""

    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peaks_kb: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)


@dataclass
class Result:
    scale: int
    pages: int
    twin_pages: int
    bytes_per_page: float
    real: Series
    twin: Series
    warm_real: Series = field(default_factory=Series)
    warm_twin: Series = field(default_factory=Series)

    @property
    def ratio(self) -> float:
        return self.real.median / self.twin.median

    @property
    def cpu_ratio(self) -> float:
        return self.real.cpu_median / self.twin.cpu_median

    @property
    def warm_ratio(self) -> float:
        return self.warm_real.median / self.warm_twin.median

    @property
    def warm_cpu_ratio(self) -> float:
        return self.warm_real.cpu_median / self.warm_twin.cpu_median


def _env(data: Path | None) -> dict[str, str]:
    env = {**os.environ, "HANDBOOK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("HANDBOOK_DATA", None)
    if data is not None:
        env["HANDBOOK_DATA"] = str(data)
    return env


def timed_build(config: Path, site: Path, data: Path | None) -> tuple[float, float, int]:
    """One strict build in a child process: (seconds, CPU seconds, peak memory of the child in KB)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)]
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=config.parent, env=_env(data), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"build failed: {' '.join(cmd)}\n{output}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss  # KB on Linux


# What mkdocs serve does on every change: a fresh config, then a build, in the process that is already running.
WARM = """
import json, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
config, site, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
out = []
for _ in range(runs + 1):
    start, cpu = time.perf_counter(), time.process_time()
    build(load_config(config, site_dir=site, strict=True))
    out.append((time.perf_counter() - start, time.process_time() - cpu))
print(json.dumps(out[1:]))
"""


def warm_builds(config: Path, site: Path, data: Path | None, runs: int) -> list[tuple[float, float]]:
    """``runs`` rebuilds in one process after a first build: (seconds, CPU seconds) each."""
    cmd = [sys.executable, "-c", WARM, str(config), str(site), str(runs)]
    proc = subprocess.run(cmd, cwd=config.parent, env=_env(data), capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"warm builds failed: {config}\n{proc.stdout}{proc.stderr}")
    return [(float(t), float(c)) for t, c in json.loads(proc.stdout.strip().splitlines()[-1])]


def site_size(site: Path) -> tuple[int, int]:
    """(number of HTML pages, their bytes)."""
    pages = list(site.rglob("*.html"))
    return len(pages), sum(p.stat().st_size for p in pages)


def prepare(scale: int, work: Path) -> tuple[Path | None, Path]:
    """The data folder (None: data/) and the twin project of one scale."""
    data = None
    if scale != 1:
        data = work / f"org-{scale}"
        subprocess.run([sys.executable, str(HERE / "make_org.py"), "--scale", str(scale), "--out", str(data)],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    twin = work / f"twin-{scale}"
    subprocess.run(
        [sys.executable, str(HERE / "twin.py"), "--data", str(data or ROOT / "data"), "--out", str(twin)],
        check=True,
        stdout=subprocess.DEVNULL,
        env=_env(data),
    )
    return data, twin


def measure(scale: int, runs: int, work: Path) -> Result:
    data, twin = prepare(scale, work)
    real_site, twin_site = work / f"site-{scale}", work / f"twin-site-{scale}"
    kinds = [(ROOT / "mkdocs.yml", real_site, data), (twin / "mkdocs.yml", twin_site, None)]
    for config, site, folder in kinds:  # warm-up: file cache and byte code, not counted
        timed_build(config, site, folder)
    real, tw = Series(), Series()
    for _ in range(runs):
        for (config, site, folder), series in zip(kinds, (real, tw), strict=True):
            seconds, cpu, peak = timed_build(config, site, folder)
            series.times.append(seconds)
            series.cpu.append(cpu)
            series.peaks_kb.append(peak)
    pages, size = site_size(real_site)
    twin_pages, _ = site_size(twin_site)
    result = Result(scale, pages, twin_pages, size / pages, real, tw)
    for _ in range(runs):  # one child of each kind in turns, three rebuilds each
        for (config, site, folder), series in zip(kinds, (result.warm_real, result.warm_twin), strict=True):
            for seconds, cpu in warm_builds(config, site, folder, 3):
                series.times.append(seconds)
                series.cpu.append(cpu)
    return result


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    return (
        f"{os.cpu_count()} kernen ({cpu}), Python {platform.python_version()}, {platform.system()}; "
        f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}, "
        f"mkdocs-macros {version('mkdocs-macros-plugin')}"
    )


def _nl(value: float) -> str:
    """A number as the Dutch write it: 1,25."""
    return f"{value:.2f}".replace(".", ",")


def table(results: list[Result], runs: int) -> str:
    lines = [
        f"Gemeten op {dt.date.today().isoformat()}: {machine()}. Mediaan van {runs} builds om en om "
        "(echt, tweeling, echt, ...), elk in een nieuw proces; CPU-verhouding: gebruikte processortijd (user + sys) van het kindproces.",
        "",
        "Warm: opnieuw bouwen in hetzelfde proces, zoals `mkdocs serve` na een wijziging doet (mediaan van "
        f"{3 * runs} builds, in {runs} processen per soort).",
        "",
        "| Organisatie | Pagina's | Build (s) | Tweeling (s) | Verhouding | CPU-verhouding | Warm (s) "
        "| Warm tweeling (s) | Warme verhouding | Warme CPU-verhouding | Bytes per pagina | Piekgeheugen (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        name = "standaard" if r.scale == 1 else f"{r.scale}×"
        lines.append(
            f"| {name} | {r.pages} | {_nl(r.real.median)} | {_nl(r.twin.median)} | {_nl(r.ratio)}× | {_nl(r.cpu_ratio)}× "
            f"| {_nl(r.warm_real.median)} | {_nl(r.warm_twin.median)} | {_nl(r.warm_ratio)}× | {_nl(r.warm_cpu_ratio)}× "
            f"| {r.bytes_per_page:.0f} | {max(r.real.peaks_kb) / 1024:.0f} (tweeling {max(r.twin.peaks_kb) / 1024:.0f}) |"
        )
    return "\n".join(lines)


def goals(results: list[Result]) -> list[str]:
    """Each goal of issues 7 and 13 that these results can check, met or not."""
    by = {r.scale: r for r in results}
    out = []

    def say(ok: bool, text: str) -> None:
        out.append(f"- [{'x' if ok else ' '}] {text}")

    for scale in (1, 20):
        if scale in by:
            r = by[scale]
            say(
                r.ratio <= 1.10,
                f"scale {scale}: cold build {r.ratio:.2f}× the twin (goal ≤ 1.10×; CPU time {r.cpu_ratio:.2f}×)",
            )
            say(
                r.warm_ratio <= 1.05,
                f"scale {scale}: warm rebuild {r.warm_ratio:.2f}× the twin (goal ≤ 1.05×; CPU time {r.warm_cpu_ratio:.2f}×)",
            )
    if 5 in by and 20 in by:
        growth, pages = by[20].real.median / by[5].real.median, by[20].pages / by[5].pages
        say(growth <= pages, f"5× → 20×: build time ×{growth:.2f}, pages ×{pages:.2f} (goal: time grows no faster)")
    if 1 in by and 20 in by:
        grow = by[20].bytes_per_page / by[1].bytes_per_page
        say(grow <= 1.2, f"bytes per page 20× / default = {grow:.2f} (goal ≤ 1.2)")
    for r in results:
        if r.pages != r.twin_pages:
            say(False, f"scale {r.scale}: the twin has {r.twin_pages} pages, the real site {r.pages}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the real build against its static twin.")
    parser.add_argument("--scales", default="1,5,20", help="comma-separated scales (default 1,5,20)")
    parser.add_argument("--runs", type=int, default=5, help="timed builds of each kind per scale (default 5)")
    parser.add_argument("--work", type=Path, help="keep the organisations, twins and sites in this folder")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    if args.runs < 1 or not scales or min(scales) < 1:
        parser.error("--runs and every scale must be 1 or more")
    work = args.work or Path(tempfile.mkdtemp(prefix="handboek-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = []
        for scale in scales:
            print(f"scale {scale} ...", file=sys.stderr, flush=True)
            results.append(measure(scale, args.runs, work))
        print(table(results, args.runs))
        print()
        print("\n".join(goals(results)))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
