"""Limits and patterns: what a value in the data may be, written once.

The model (``model.py``) builds its fields from these, so the loader and the
JSON Schema that editors use get the same limits (``maxLength``, ``maxItems``,
``pattern``). The table on /beheer/ ("Grenzen") explains them to maintainers;
a test checks that it names every number.
"""

from __future__ import annotations

from .text import CONTROL_CLASS

# Each text field has a length that fits its use, each list a number that fits a company. They keep
# the built site proportional to the data: a name is copied into every page.
ID_MAX = 60  # a code: also part of a page address
SHORT_NAME_MAX = 60  # the header and title of every page
NAME_MAX = 100  # a name, title, function, team, place, role or link text
SENTENCE_MAX = 300  # one sentence: what is needed, an agreement, an action point, a place
PARAGRAPH_MAX = 1000  # a description or summary of a few sentences
ADDRESS_MAX = 500  # a web address or e-mail link
EMAIL_MAX = 254  # the longest e-mail address the standard allows
MAX_PEOPLE = 500
MAX_STEPS = 50
MAX_ACTIONS = 5000
MAX_MEETINGS = 200
MAX_ENTRIES = 50  # needs and returns of one internal customer, expectations, points of one agreement
MAX_DATA_BYTES = 5_000_000  # the whole data folder

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CLOCK_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
# Far-off years are typing errors, and the calendar file cannot add three months to 9999-12-31.
FIRST_YEAR, LAST_YEAR = 2000, 2100
DATE_PATTERN = r"^(20[0-9][0-9]|2100)-[0-9][0-9]-[0-9][0-9]$"  # the same years, for the schema
# Text: no control character but tab and line break, and at least one visible character.
TEXT_PATTERN = f"^[^{CONTROL_CLASS}]*[^\\s{CONTROL_CLASS}][^{CONTROL_CLASS}]*$"
