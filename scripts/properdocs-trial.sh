#!/usr/bin/env bash
# Trial build on ProperDocs (the maintained MkDocs 1.x): the same site as MkDocs, and bad data still stops the build.
# Run from anywhere after installing the lock, the project and requirements/properdocs.txt (see .github/workflows/nieuwste.yml).
set -euo pipefail
cd "$(dirname "$0")/.."
properdocs --version
export HANDBOOK_TODAY=2026-11-23 NO_MKDOCS_2_WARNING=1
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(date +%s)}"  # one build date for both sitemaps
out=$(mktemp -d)
properdocs build --strict -f mkdocs.yml --site-dir "$out/site-properdocs"
mkdocs build --strict -f mkdocs.yml --site-dir "$out/site-mkdocs"
diff -r -I '<meta name="generator"' "$out/site-mkdocs" "$out/site-properdocs"
echo "ProperDocs bouwt dezelfde site als MkDocs."
d=$(mktemp -d) && cp -r data "$d/data" && printf 'onbekend: 1\n' >> "$d/data/people.yml"
if HANDBOOK_DATA="$d/data" properdocs build --strict -f mkdocs.yml --site-dir "$d/site" 2> "$d/err"; then
  echo "Foute gegevens gaven toch een site." >&2
  exit 1
fi
grep -E 'people\.yml:[0-9]+:[0-9]+: error: ' "$d/err"
test ! -e "$d/site/index.html"
echo "Foute gegevens stoppen de build met pad:regel:kolom."
