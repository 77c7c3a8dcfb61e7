"""Publishing choices: whether search engines may index the site, and the name of the offline zip.

The site holds names, job titles and late work of colleagues, so by default it asks
search engines to stay away; ``settings.public: true`` in organisation.yml lifts that.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .model import OrganisationFile

# Set to 1 (or true): build the copy that opens from a folder. See adapters/plugin_offline.py.
OFFLINE_ENV = "HANDBOOK_OFFLINE"
# What every page of a site that is not public tells search engines: do not list this page,
# and do not follow its links. The sitemap of such a site lists no page either.
NOINDEX = "noindex, nofollow"


def robots_meta(info: OrganisationFile) -> str | None:
    """The content of ``<meta name="robots">`` for every page, or None when the site is public."""
    return None if info.settings.public else NOINDEX


def slug(text: str) -> str:
    """A file-name part made of a name: 'Meijer & Zonen' -> 'meijer-zonen', 'Café Één' -> 'cafe-een'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def zip_name(info: OrganisationFile, day: dt.date) -> str:
    """The name of the offline copy: handboek-<organisation>-<date>.zip."""
    name = slug(info.short_name or info.name)
    return f"handboek-{name}-{day.isoformat()}.zip" if name else f"handboek-{day.isoformat()}.zip"


def offline_requested(value: str | None) -> bool:
    """Whether $HANDBOOK_OFFLINE asks for the offline copy: '1', 'true', 'ja'; not '', '0', 'false', 'nee'."""
    return (value or "").strip().lower() not in ("", "0", "false", "no", "nee", "off")
