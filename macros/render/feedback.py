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
# The same link for those who will not edit the data themselves: something on the page is wrong.
CORRECTION_LABEL = "Klopt er iets niet? Laat het weten"
CORRECTION_BODY = "Wat klopt er niet?\nWat moet het zijn?\n"


def _q(text: str) -> str:
    # Everything but letters, digits and -._~ is percent-encoded, so that no data value can add a parameter.
    return quote(clean(text), safe="")


def feedback_href(feedback: Feedback, title: str, body: str = BODY) -> str:
    """The address behind the link (not yet HTML-escaped)."""
    if feedback.email:
        return f"mailto:{quote(feedback.email, safe='@')}?subject={_q(title)}&body={_q(body)}"
    url = feedback.url or ""
    if "{title}" in url:
        return url.replace("{title}", _q(title))
    return f"{url}?subject={_q(title)}&body={_q(body)}"  # a mailto: address without a subject of its own


class FeedbackLink(NamedTuple):
    """The facts of the link: where it goes, what it opens and its label."""

    href: str
    how: str
    label: str


def feedback_view(org: Organisation, title: str, *, body: str = BODY, label: str | None = None) -> FeedbackLink | None:
    """The feedback link about ``title``, or None when the organisation has not set up feedback.

    Without ``label`` and ``body`` it is the link for feedback on a handoff, with the organisation's own label.
    """
    feedback = org.info.feedback
    if feedback is None:
        return None
    href = feedback_href(feedback, title, body)
    how = "opent een e-mail" if href.startswith("mailto:") else "opent het meldsysteem"
    return FeedbackLink(href, how, label or feedback.label or DEFAULT_LABEL)


def correction_view(org: Organisation, page: str) -> FeedbackLink | None:
    """The 'Klopt er iets niet?' link of a step or person page; the subject names ``page``."""
    return feedback_view(org, f"Klopt er iets niet? Pagina: {page}", body=CORRECTION_BODY, label=CORRECTION_LABEL)


def feedback_link(org: Organisation, title: str) -> str:
    """A paragraph with the feedback link, or '' when the organisation has not set up feedback."""
    link = feedback_view(org, title)
    return str(macro("people_parts.html", "feedback")(link)) if link else ""
