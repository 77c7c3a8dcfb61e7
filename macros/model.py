"""Typed model of an organisation's data: one source of truth.

The classes whose name ends in ``File`` describe one YAML file each; pydantic
validates the data against them and they also yield the JSON Schema for
editors. ``Organisation`` is the checked aggregate that rendering works on.
Field descriptions are Dutch: editors show them to the maintainer.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    model_validator,
)

from .limits import (
    ADDRESS_MAX,
    CLOCK_PATTERN,
    EMAIL_MAX,
    FIRST_YEAR,
    ID_MAX,
    ID_PATTERN,
    LAST_YEAR,
    MAX_ACTIONS,
    MAX_ENTRIES,
    MAX_MEETINGS,
    MAX_PEOPLE,
    MAX_STEPS,
    NAME_MAX,
    PARAGRAPH_MAX,
    SENTENCE_MAX,
    SHORT_NAME_MAX,
    TEXT_PATTERN,
)
from .meeting_model import DEFAULT_MINUTES, FOLLOW_UP_MONTHS
from .text import shown

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX),
    Field(description="Korte code: kleine letters, cijfers en streepjes, bijvoorbeeld 'jan-de-vries'."),
]


def _text(limit: int) -> StringConstraints:
    # Length and pattern apply to the text as written, as in the JSON Schema; the outer spaces go after.
    return StringConstraints(min_length=1, max_length=limit, pattern=TEXT_PATTERN)


_strip = AfterValidator(str.strip)
Name = Annotated[str, _text(NAME_MAX), _strip]
ShortName = Annotated[str, _text(SHORT_NAME_MAX), _strip]
Sentence = Annotated[str, _text(SENTENCE_MAX), _strip]
Paragraph = Annotated[str, _text(PARAGRAPH_MAX), _strip]


def _not_a_number(value: Any) -> Any:
    """A date from YAML, or text that pydantic turns into one; never a number (a number is not a date)."""
    if isinstance(value, bool | int | float):
        raise ValueError(f"{value!r} is geen datum. Schrijf JJJJ-MM-DD, zoals 2026-03-15")
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError(f"'{shown(value)}' is geen bestaande datum. Schrijf JJJJ-MM-DD, zoals 2026-03-15")
    return value


def _in_range(value: dt.date) -> dt.date:
    # Far-off years are typing errors, and the calendar file cannot add three months to 9999-12-31.
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"{value.isoformat()} ligt niet tussen {FIRST_YEAR} en {LAST_YEAR}; controleer het jaar")
    return value


def _clock(value: Any) -> Any:
    """A clock time written as 'UU:MM'; numbers and seconds or time zones are refused."""
    if isinstance(value, dt.time):
        return value
    if not isinstance(value, str) or not re.fullmatch(CLOCK_PATTERN, value):
        shown_value = repr(value) if not isinstance(value, str) else f"'{shown(value)}'"
        raise ValueError(f"{shown_value} is geen tijd. Schrijf UU:MM tussen aanhalingstekens, zoals '08:30'")
    return value


Day = Annotated[dt.date, BeforeValidator(_not_a_number), AfterValidator(_in_range)]
Clock = Annotated[dt.time, BeforeValidator(_clock)]
# No ?, & or # either: in a mailto: link they would add a subject, a copy address or a body.
Email = Annotated[
    str,
    StringConstraints(pattern=r"^[^@\s?&#\"'<>]+@[^@\s?&#\"'<>]+\.[^@\s?&#\"'<>]+$", max_length=EMAIL_MAX),
]
# Only https: and mailto: links: a javascript: or data: address must never reach a page.
FEEDBACK_URL = r'^(?:https://[^\s{}<>"]+\{title\}[^\s{}<>"]*|mailto:[^@\s{}<>"?]+@[^@\s{}<>"?]+\.[^@\s{}<>"?]+)$'
ActionStatus = Literal["open", "bezig", "klaar"]
Workplace = Literal["kantoor", "buiten"]

STATUS_LABELS: dict[str, str] = {"open": "Open", "bezig": "Bezig", "klaar": "Klaar"}
WORKPLACE_LABELS: dict[str, str] = {"kantoor": "Kantoor", "buiten": "Buitendienst"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExternalCustomer(_Strict):
    name: Name = Field(description="Naam van de externe klant aan het eind van de keten, bijvoorbeeld 'Opdrachtgever'.")
    description: Sentence | None = Field(None, description="Wie dit is, in één zin.")
    expectations: list[Sentence] = Field(
        min_length=1, max_length=MAX_ENTRIES, description="Wat de externe klant van ons verwacht."
    )


class Settings(_Strict):
    max_open_actions: StrictInt = Field(
        3, ge=1, le=50, description="Vanaf hoeveel open actiepunten iemand er 'veel' heeft."
    )
    public: StrictBool = Field(
        False,
        description="Mag de site openbaar op internet staan en gevonden worden door zoekmachines? "
        "Standaard nee: elke pagina vraagt zoekmachines dan om haar over te slaan. "
        "Zet dit alleen op true als alle collega's daarmee hebben ingestemd.",
    )
    show_emails: StrictBool = Field(
        False,
        description="Staan de e-mailadressen uit people.yml op de site? Standaard nee: ze staan dan op geen "
        "enkele pagina en ook niet in de zoekfunctie. Zet dit alleen op true als de collega's dat goed vinden.",
    )
    name_late: StrictBool = Field(
        False,
        description="Staat op de pagina 'De 4 A's' wie een actiepunt te laat heeft? Standaard nee: die pagina "
        "telt dan per stap hoeveel actiepunten te laat zijn, zonder namen. De lijst met actiepunten en ieders "
        "eigen pagina laten wel zien wie wat doet.",
    )


class Feedback(_Strict):
    """Where feedback on a handoff goes: an e-mail address or the address of an issue tracker."""

    # The schema says what _one_target checks: exactly one of the two is filled in.
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={
            "oneOf": [
                {
                    "required": ["email"],
                    "properties": {"email": {"type": "string", "description": "Feedback per e-mail."}},
                },
                {
                    "required": ["url"],
                    "properties": {"url": {"type": "string", "description": "Feedback via een meldsysteem."}},
                },
            ]
        },
    )

    email: Email | None = Field(
        None,
        description="E-mailadres dat de feedback krijgt. De link opent een e-mail met het onderwerp al ingevuld.",
    )
    url: str | None = Field(
        None,
        pattern=FEEDBACK_URL,
        max_length=ADDRESS_MAX,
        description="Of: het adres van een meldsysteem met {title} op de plek van de titel, bijvoorbeeld "
        "'https://github.com/org/handboek/issues/new?title={title}'. Alleen https:// of mailto: mag.",
    )
    label: Name | None = Field(None, description="Tekst van de link. Leeg: 'Geef feedback op een overdracht'.")

    @model_validator(mode="after")
    def _one_target(self) -> Feedback:
        if (self.email is None) == (self.url is None):
            raise ValueError("vul bij 'feedback' precies één van 'email' of 'url' in")
        return self


class OrganisationFile(_Strict):
    """organisation.yml: the organisation itself."""

    name: Name = Field(description="Naam van de organisatie.")
    short_name: ShortName | None = Field(
        None,
        description="Korte naam voor de kop van de site, bijvoorbeeld 'Meijer & Zonen'. Leeg: de volledige naam.",
    )
    description: Paragraph = Field(description="Wat de organisatie doet, in één of twee zinnen.")
    place: Name | None = Field(None, description="Vestigingsplaats.")
    external_customer: ExternalCustomer = Field(
        description="De externe klant aan het eind van de keten: voor wie doen we het werk?"
    )
    edit_url: str | None = Field(
        None,
        max_length=ADDRESS_MAX,
        # Only characters that are safe in a URL and in an HTML attribute: no quotes, <, > or spaces.
        pattern=r"^https://[A-Za-z0-9._~:/?#@!$&()*+,;=%\[\]-]+\{path\}[A-Za-z0-9._~:/?#@!$&()*+,;=%\[\]-]*$",
        description="Adres om een bestand te bewerken, met {path} op de plek van het pad, "
        "bijvoorbeeld 'https://github.com/org/handboek/edit/main/{path}'.",
    )
    settings: Settings = Field(default_factory=Settings, description="Instellingen van het handboek.")
    feedback: Feedback | None = Field(
        None, description="Waar feedback op een overdracht heen gaat. Leeg: geen feedbacklink op de pagina's."
    )


class Person(_Strict):
    id: Id = Field(
        description="Code van deze persoon, bijvoorbeeld 'jan-de-vries'. De andere bestanden gebruiken deze code."
    )
    name: Name = Field(description="Voor- en achternaam.")
    function: Name = Field(description="Functie, bijvoorbeeld 'Calculator'.")
    team: Name | None = Field(None, description="Team of afdeling.")
    workplace: Workplace = Field(description="Waar iemand vooral werkt: 'kantoor' of 'buiten'.")
    email: Email | None = Field(None, description="E-mailadres.")


class PeopleFile(_Strict):
    """people.yml: everyone who works in the process."""

    people: list[Person] = Field(min_length=1, max_length=MAX_PEOPLE, description="Alle medewerkers.")


class Need(_Strict):
    what: Sentence = Field(description="Wat er nodig is.")
    when: Sentence | None = Field(None, description="Wanneer het er moet zijn.")
    form: Sentence | None = Field(None, description="In welke vorm: formulier, map, app, mondeling ...")
    why: Sentence | None = Field(None, description="Waarom het nodig is.")


class Performer(_Strict):
    person: Id = Field(description="Code van een medewerker uit people.yml.")
    role: Sentence | None = Field(None, description="Wat deze persoon in deze stap doet.")


class Customer(_Strict):
    person: Id = Field(description="Code van de interne klant uit people.yml.")
    needs: list[Need] = Field(
        default_factory=list, max_length=MAX_ENTRIES, description="Wat de interne klant van deze stap nodig heeft."
    )
    in_return: list[Need] = Field(
        default_factory=list,
        max_length=MAX_ENTRIES,
        description="Wat de mensen in deze stap terug mogen verwachten van de interne klant.",
    )
    for_step: Id | None = Field(
        None,
        description="In welke stap deze interne klant het werk gebruikt; leeg = de eerste volgende stap waarin die "
        "persoon werkt.",
    )


class StepFile(_Strict):
    """steps/NN-<id>.yml: one main step of the work process."""

    name: Name = Field(description="Naam van de stap, bijvoorbeeld 'Calculatie/offerte'.")
    summary: Paragraph = Field(description="Wat er in deze stap gebeurt, in één of twee zinnen.")
    performers: list[Performer] = Field(
        default_factory=list, max_length=MAX_PEOPLE, description="Wie in deze stap werkt."
    )
    customers: list[Customer] = Field(
        default_factory=list, max_length=MAX_PEOPLE, description="De interne klant(en) van deze stap."
    )
    owner: Id | None = Field(
        None,
        description="Code van de medewerker uit people.yml die deze stap bijhoudt: de eigenaar. "
        "Die kijkt de afspraken van de stap geregeld na.",
    )
    reviewed: Day | None = Field(
        None,
        description="Wanneer de eigenaar de afspraken van deze stap voor het laatst heeft nagekeken (JJJJ-MM-DD). "
        f"Na {FOLLOW_UP_MONTHS} maanden is het weer tijd.",
    )


class Action(_Strict):
    id: Id = Field(description="Code van het actiepunt, bijvoorbeeld 'ap-09'.")
    what: Sentence = Field(description="Wat er moet gebeuren.")
    who: Id = Field(description="Code van de medewerker die het doet.")
    due: Day = Field(description="Wanneer het klaar is (JJJJ-MM-DD).")
    status: ActionStatus = Field("open", description="'open', 'bezig' of 'klaar'.")
    step: Id | None = Field(None, description="Code van de stap waar het bij hoort.")
    meeting: Id | None = Field(None, description="Code van de bijeenkomst waarin het is afgesproken.")

    @property
    def is_open(self) -> bool:
        """Not done yet: 'open' or 'bezig'. The one definition every page and check uses."""
        return self.status != "klaar"

    def is_overdue(self, today: dt.date) -> bool:
        """Open and past its due date: late."""
        return self.is_open and self.due < today


class ActionsFile(_Strict):
    """actions.yml: the action points."""

    actions: list[Action] = Field(default_factory=list, max_length=MAX_ACTIONS, description="Alle actiepunten.")


def _minutes(letter: str, what: str, key: str, *, per_step: bool = False) -> Any:
    unit = "minuten per processtap" if per_step else "minuten"
    default = DEFAULT_MINUTES[key]
    return Field(
        None,
        ge=min(1, default),  # a block without time of its own by default (f) may be set to 0 as well
        le=240,
        description=f"Onderdeel {letter}, {what}: aantal {unit}. Zonder waarde: {default}"
        + (", want het hoort bij de ronde langs de stappen." if default == 0 else "."),
    )


class Durations(_Strict):
    """How long each block of the meeting script takes; a missing block keeps its default."""

    opening: StrictInt | None = _minutes("a", "opening: waarom en wat", "opening")
    welcome: StrictInt | None = _minutes("b", "ieders inbreng telt", "welcome")
    internal_customer: StrictInt | None = _minutes("c", "uitleg interne klant", "internal_customer")
    model: StrictInt | None = _minutes("d", "uitleg van het werkblad", "model")
    mapping: StrictInt | None = _minutes("e", "ronde langs de stappen", "mapping", per_step=True)
    connections: StrictInt | None = _minutes("f", "doorvragen tijdens de ronde", "connections")
    actions: StrictInt | None = _minutes("g", "actiepunten vastleggen", "actions")
    round: StrictInt | None = _minutes("h", "korte slotronde", "round")
    follow_up: StrictInt | None = _minutes("i", "vervolg plannen", "follow_up")
    inform: StrictInt | None = _minutes("j", "collega's informeren", "inform")
    start: StrictInt | None = _minutes("k", "meteen beginnen", "start")


class Agreement(_Strict):
    step: Id = Field(description="Code van de stap waar de afspraken over gaan.")
    points: list[Sentence] = Field(
        min_length=1,
        max_length=MAX_ENTRIES,
        description="Wat er voor deze stap is afgesproken, één afspraak per regel.",
    )


# A meeting longer than this many minutes gets a break of BREAK_MINUTES (see pause.py).
BREAK_AFTER, BREAK_MINUTES = 120, 15


class Meeting(_Strict):
    id: Id = Field(description="Code van de bijeenkomst, bijvoorbeeld 'bijeenkomst-2026-10'.")
    title: Name = Field(description="Titel van de bijeenkomst.")
    date: Day = Field(description="Datum (JJJJ-MM-DD).")
    start: Clock | None = Field(None, description="Begintijd, bijvoorbeeld '08:30'.")
    location: Name | None = Field(None, description="Waar de bijeenkomst is.")
    facilitator: Id | None = Field(None, description="Code van de begeleider.")
    attendees: list[Id] = Field(default_factory=list, max_length=MAX_PEOPLE, description="Codes van de deelnemers.")
    follow_up: Day | None = Field(
        None, description="Datum van de vervolgbijeenkomst (JJJJ-MM-DD). Zonder datum: drie maanden later."
    )
    goal: Paragraph | None = Field(None, description="Waarom we bij elkaar komen en wat we willen bereiken.")
    durations: Durations | None = Field(
        None,
        description="Hoe lang elk onderdeel van het draaiboek duurt, in minuten. Weggelaten onderdelen "
        "houden hun standaardduur.",
    )
    agreements: list[Agreement] = Field(
        default_factory=list,
        max_length=MAX_STEPS,
        description="Wat er per stap is afgesproken; dit komt in het memo aan alle collega's.",
    )
    break_after: StrictInt | None = Field(
        None,
        ge=30,
        le=600,
        description="Duurt de bijeenkomst langer dan dit aantal minuten, dan komt er een pauze in. "
        f"Zonder waarde: {BREAK_AFTER}.",
    )
    break_minutes: StrictInt | None = Field(
        None,
        ge=0,
        le=60,
        description=f"Hoe lang de pauze duurt, in minuten; 0 is geen pauze. Zonder waarde: {BREAK_MINUTES}.",
    )


class MeetingsFile(_Strict):
    """meetings.yml: the internal-customer meetings."""

    meetings: list[Meeting] = Field(default_factory=list, max_length=MAX_MEETINGS, description="Alle bijeenkomsten.")
