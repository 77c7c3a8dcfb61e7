"""Two builds of the same data give the same site, byte for byte.

Each build runs in its own process with its own hash seed and its own output
folder, so that an unordered set, a memory address or an absolute path that
leaks into a page shows up as a difference.

Checked: the only stamp is the build time in the gzip header of
sitemap.xml.gz. sitemap.xml itself lists no pages (mkdocs.yml has no site_url),
so it carries no <lastmod> build date; with a site_url it would. With
SOURCE_DATE_EPOCH set (the convention of reproducible builds) MkDocs uses that
time for both, and every file is identical; without it only these stamps differ.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from .conftest import DATA, Build, run_build

EPOCH = "1795392000"  # 2026-11-23 00:00 UTC, the tests' fixed "today"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    out = [f"only in one build: {name}" for name in sorted(set(a) ^ set(b))]
    out += [f"differs: {name}" for name in sorted(set(a) & set(b)) if a[name] != b[name]]
    return out


@pytest.fixture(scope="module")
def epoch_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    builds = []
    for seed in ("1", "2"):
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("PYTHONHASHSEED", seed)
            mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
            build = run_build(tmp_path_factory.mktemp(f"seed{seed}"), DATA)
        assert build.returncode == 0, build.output
        builds.append(build)
    return builds[0], builds[1]


def test_two_builds_are_identical_byte_for_byte(epoch_builds: tuple[Build, Build]) -> None:
    first, second = (_files(b.site) for b in epoch_builds)
    assert len([n for n in first if n.endswith(".html")]) > 20
    assert _differences(first, second) == []


def test_without_a_fixed_date_only_the_sitemap_stamps_differ(
    epoch_builds: tuple[Build, Build], default_build: Build
) -> None:
    fixed, plain = _files(epoch_builds[0].site), _files(default_build.site)

    def unstamped(files: dict[str, bytes]) -> dict[str, bytes]:
        out = dict(files)
        xml = gzip.decompress(out.pop("sitemap.xml.gz"))
        assert xml == out["sitemap.xml"], "the .gz holds the same sitemap"
        out["sitemap.xml"] = re.sub(rb"<lastmod>[^<]*</lastmod>", b"<lastmod/>", out["sitemap.xml"])
        return out

    assert _differences(unstamped(fixed), unstamped(plain)) == []
