"""The facilitator's words per block of the meeting script (method step 3, a to k).

Plain Dutch text without data: the rendering in ``meeting.py`` adds the
organisation's own names and dates around it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BlockText:
    title: str
    does: str
    says: str
    questions: tuple[str, ...] = ()


TEXT: dict[str, BlockText] = {
    "opening": BlockText(
        "Opening: waarom we hier zijn",
        "Heet iedereen welkom. Vertel waarom jullie bij elkaar zijn en wat er aan het eind op tafel ligt.",
        "We werken elke dag samen, maar we weten niet altijd wat de ander precies van ons nodig heeft. "
        "Vandaag zetten we dat samen op papier, stap voor stap. Aan het eind weten we per stap wat er nodig is, "
        "en hebben we actiepunten met een naam en een datum.",
    ),
    "welcome": BlockText(
        "Ieders inbreng telt",
        "Maak duidelijk dat je elke bijdrage serieus neemt, van kantoor en van de bouw. "
        "Geef de mensen van buiten ook echt het woord.",
        "Jullie kennen het werk het best. Wat jij zegt, telt, of je nu op kantoor zit of op de bouw staat. "
        "Er zijn vandaag geen foute antwoorden.",
    ),
    "internal_customer": BlockText(
        "Wat is een interne klant?",
        "Leg uit dat er naast de externe klant ook klanten binnen het bedrijf zijn. Gebruik een voorbeeld uit "
        "jullie eigen werk.",
        "Wie onze klant is, weet iedereen. Maar ook binnen ons bedrijf hebben we klanten: de collega die verder "
        "werkt met wat jij aflevert. Zegt die collega duidelijk wat hij nodig heeft en wanneer? Dan kun jij daar "
        "rekening mee houden. Het werk sluit dan beter aan, en het loopt prettiger en sneller.",
        ("Van wie krijg jij je werk?", "Aan wie geef jij je werk door?"),
    ),
    "model": BlockText(
        "Uitleg van het werkblad",
        "Deel het werkblad uit. Loop de stappen van links naar rechts door. Vertel bij elke stap wie er werkt, "
        "wie de interne klant is en waarom die namen er staan.",
        "Op dit blad staan onze stappen. Onder elke stap staan de mensen die daar werken, en de collega die het "
        "werk daarna overneemt. De lege vakken vullen we vandaag samen in.",
    ),
    "mapping": BlockText(
        "Ronde langs de stappen",
        "Neem de stappen één voor één. Wie in de stap werkt, weet het meest: laat die eerst vertellen hoe het "
        "nu gaat. Vraag dan de interne klant wat die nodig heeft: wat, wanneer, in welke vorm en waarom. "
        "Schrijf het op het werkblad.",
        "Wat heb jij van deze stap nodig om goed verder te kunnen? En wanneer moet het er zijn?",
    ),
    "connections": BlockText(
        "Doorvragen en verbanden leggen",
        "Kijk samen naar het ingevulde werkblad. Zoek de plekken waar de ene stap op de andere wacht. "
        "Wil iemand iets eerder hebben? Dan moet die het vaak ook zelf eerder vragen. Zeg dat hardop.",
        "Jij wilt dit eerder hebben. Kun jij er dan ook eerder om vragen?",
        (
            "Wat bedoel je precies met …?",
            "Waarom heb je dit nodig?",
            "Wat gebeurt er als het te laat komt?",
            "Hoe merk je dat het goed gaat?",
            "Wat kun jij doen, zodat de ander het op tijd kan leveren?",
        ),
    ),
    "actions": BlockText(
        "Actiepunten vastleggen",
        "Maak van elke afspraak een actiepunt. Schrijf bij elk punt op wat er moet gebeuren, wie het doet en "
        "wanneer het klaar is. Maak alleen afspraken die haalbaar zijn.",
        "Wie pakt dit op? Wanneer is het klaar? Is die datum echt haalbaar?",
    ),
    "round": BlockText(
        "Korte slotronde",
        "Vraag iedereen in één of twee zinnen wat hij of zij ervan vond. Ga niet in discussie; schrijf de "
        "opmerkingen op.",
        "Hoe vond je het vandaag? Wat neem je mee naar je werk?",
        ("Wat vond je nuttig?", "Wat kan de volgende keer beter?"),
    ),
    "follow_up": BlockText(
        "Vervolg plannen",
        "Plan de vervolgbijeenkomst nu, nu iedereen er nog is. Daarin kijk je samen of de afspraken werken.",
        "Over ongeveer drie maanden kijken we samen hoe het gaat. Kan iedereen op deze datum?",
    ),
    "inform": BlockText(
        "Collega's informeren",
        "Spreek af hoe de collega's die er niet bij waren het horen: het liefst in een werkoverleg, en daarna "
        "met een kort memo met de belangrijkste veranderingen.",
        "Wie vertelt het in het werkoverleg? Ik stuur het memo binnen twee dagen naar iedereen.",
    ),
    "start": BlockText(
        "Meteen beginnen",
        "Spreek af dat iedereen direct begint met de actiepunten. Hoe sneller mensen zien dat er iets verandert, "
        "hoe meer ze meedoen. Vraag de leidinggevenden om collega's te helpen met de nieuwe manier van werken.",
        "Wat kun jij morgen al anders doen?",
    ),
}
