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
def second_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A second build of the default data: another process, hash seed, folder, and a fixed build time."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHONHASHSEED", "12345")
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        build = run_build(tmp_path_factory.mktemp("again"), DATA)
    assert build.returncode == 0, build.output
    return build


def test_two_builds_are_identical_byte_for_byte(second_build: Build, default_build: Build) -> None:
    again, first = _files(second_build.site), _files(default_build.site)
    assert len([n for n in first if n.endswith(".html")]) > 20
    # The one stamp: the gzip header of sitemap.xml.gz holds the build time (bytes 4-8, little-endian).
    stamps = {name: files.pop("sitemap.xml.gz") for name, files in (("again", again), ("first", first))}
    assert _differences(again, first) == []
    assert gzip.decompress(stamps["again"]) == gzip.decompress(stamps["first"]) == first["sitemap.xml"]
    assert int.from_bytes(stamps["again"][4:8], "little") == int(EPOCH), "SOURCE_DATE_EPOCH fixes the stamp"
    assert b"<lastmod>" not in first["sitemap.xml"], "no site_url, so no build date in the sitemap"
