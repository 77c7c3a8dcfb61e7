#!/usr/bin/env bash
# Refresh the lock files in requirements/ from the ranges in pyproject.toml.
# One lock for every platform and Python 3.11-3.13 (uv's --universal), with a hash for every file.
#   scripts/lock.sh            add what pyproject.toml newly asks for; keep every other version as it is
#   scripts/lock.sh --upgrade  move every package to the newest version that pyproject.toml allows
# Then run the tests, and commit requirements/ in a pull request of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9
if ! command -v uv >/dev/null 2>&1 || [ "$(uv --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  python -m pip install --quiet "uv==$UV_VERSION"
fi
common=(--universal --python-version 3.11 --generate-hashes --quiet --no-header "$@")
uv pip compile "${common[@]}" pyproject.toml requirements/build.in -o requirements/site.txt
uv pip compile "${common[@]}" --extra test pyproject.toml requirements/build.in -o requirements/test.txt
# ProperDocs for the weekly trial build, held to the site's versions.
uv pip compile "${common[@]}" requirements/properdocs.in -c requirements/site.txt -o requirements/properdocs.txt
echo "requirements/site.txt, test.txt en properdocs.txt zijn ververst."
