"""A link to give feedback on a handoff: a prefilled e-mail or a new issue with its title filled in.

The link only opens the reader's own mail program or the tracker when clicked; nothing is fetched at page load.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import quote

from ..model import Feedback
from ..organisation import Organisation
from .escape import clean
from .page import macro

DEFAULT_LABEL = "Geef feedback op een overdracht"
BODY = "Over welke overdracht gaat het: van wie naar wie?\nWat ging goed?\nWat kan beter, en wat stel je voor?\n"


def _q(text: str) -> str:
    # Everything but letters, digits and -._~ is percent-encoded, so that no data value can add a parameter.
    return quote(clean(text), safe="")


def feedback_href(feedback: Feedback, title: str) -> str:
    """The address behind the link (not yet HTML-escaped)."""
    if feedback.email:
        return f"mailto:{quote(feedback.email, safe='@')}?subject={_q(title)}&body={_q(BODY)}"
    url = feedback.url or ""
    if "{title}" in url:
        return url.replace("{title}", _q(title))
    return f"{url}?subject={_q(title)}&body={_q(BODY)}"  # a mailto: address without a subject of its own


class FeedbackLink(NamedTuple):
    """The facts of the link: where it goes, what it opens and its label."""

    href: str
    how: str
    label: str


def feedback_view(org: Organisation, title: str) -> FeedbackLink | None:
    """The feedback link about ``title``, or None when the organisation has not set up feedback."""
    feedback = org.info.feedback
    if feedback is None:
        return None
    href = feedback_href(feedback, title)
    how = "opent een e-mail" if href.startswith("mailto:") else "opent het meldsysteem"
    return FeedbackLink(href, how, feedback.label or DEFAULT_LABEL)


def feedback_link(org: Organisation, title: str) -> str:
    """A paragraph with the feedback link, or '' when the organisation has not set up feedback."""
    link = feedback_view(org, title)
    return str(macro("people_parts.html", "feedback")(link)) if link else ""
