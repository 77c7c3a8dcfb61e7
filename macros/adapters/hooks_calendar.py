"""MkDocs hook: serve the two follow-up calendars (.ics) beside the meeting pages.

The file is built by ``macros.followup`` from the data that ``hooks.py``
loaded and checked in ``on_config``; this hook only adds it to the site.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, Files

from macros import followup, invitation_ics
from macros.adapters import site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = os.path.dirname(os.path.abspath(config.config_file_path))
    org = site.load_once(site.data_dir(project)).org
    files.append(File.generated(config, followup.CALENDAR_FILE, content=followup.build(org)))
    only = followup.build(org, with_actions=False)
    files.append(File.generated(config, followup.FOLLOW_UP_FILE, content=only))
    files.append(File.generated(config, invitation_ics.FILE, content=invitation_ics.build(org)))
    return files
