"""'Onze afspraken': the service promises of every step, compiled into one charter for /handboek/."""

from __future__ import annotations

from ..model import Need, Organisation
from .escape import h, md
from .links import PAGES
from .parts import NOT_AGREED, join, person_link, step_link

HERE = PAGES["handboek"]


def _promise(need: Need, *, strict: bool) -> str:
    """One promise on one line: what, then when and in what form."""
    details = []
    if need.when:
        details.append(f"<em>wanneer:</em> {h(need.when)}")
    elif strict:
        details.append(f'<em>wanneer:</em> <span class="hb-missing">{NOT_AGREED}</span>')
    if need.form:
        details.append(f"<em>vorm:</em> {h(need.form)}")
    elif strict:
        details.append(f'<em>vorm:</em> <span class="hb-missing">{NOT_AGREED}</span>')
    tail = f'<br><span class="hb-meta">{" · ".join(details)}</span>' if details else ""
    return f"<li>{h(need.what)}{tail}</li>"


def charter(org: Organisation, *, here: str = HERE) -> str:
    """Per step: what its people promise each internal customer, and what they ask in return."""
    out = []
    for step in org.steps:
        out.append(f"### {md(f'{step.number}. {step.name}')}")
        makers = join((person_link(org, here, p.person) for p in step.data.performers), "")
        who = f"Wij ({makers})" if makers else "Wij"
        if not step.data.customers:
            if org.is_last(step):
                ext = org.external_customer
                items = "".join(f"<li>{h(e)}</li>" for e in ext.expectations)
                out.append(f'<p>{who} beloven de {h(ext.name.lower())}:</p><ul class="hb-charter">{items}</ul>')
            else:
                out.append('<p class="hb-empty hb-todo">Voor deze stap zijn nog geen afspraken gemaakt.</p>')
        for entry in step.data.customers:
            promises = "".join(_promise(n, strict=True) for n in entry.needs)
            if promises:
                out.append(
                    f"<p>{who} beloven {person_link(org, here, entry.person)}:</p>"
                    f'<ul class="hb-charter">{promises}</ul>'
                )
            else:
                out.append(
                    f'<p class="hb-empty hb-todo">Met {person_link(org, here, entry.person)} is nog niets afgesproken.</p>'
                )
            if entry.in_return:
                asks = "".join(_promise(n, strict=False) for n in entry.in_return)
                out.append(
                    f"<p>En {person_link(org, here, entry.person)} belooft ons terug:</p>"
                    f'<ul class="hb-charter hb-charter-return">{asks}</ul>'
                )
        out.append(f'<p class="hb-meta">Meer over deze stap: {step_link(org, here, step.id)}</p>')
    return "\n\n".join(out)
