"""Turn pydantic validation errors into messages that say how to fix them."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .limits import TEXT_PATTERN
from .text import shown, suggest
from .yamlsrc import Path, Pos, Source


def _unwrap(annotation: Any) -> Any:
    """The model class inside Optional[...], list[...] or Annotated[...], if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, tuple):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return None
    return annotation


def model_at(model: type[BaseModel], loc: Path) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _describe(value: Any) -> str:
    if value is None:
        return "een lege waarde"
    if isinstance(value, bool):
        return "ja/nee (true/false)"
    if isinstance(value, dict):
        return "een blok met sleutels"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, int | float):
        return f"het getal {value}"
    return f"'{shown(value, 40)}'"


def message_for(error: Any, model: type[BaseModel]) -> str:
    """A Dutch message for one pydantic error dict."""
    loc: Path = tuple(error["loc"])
    kind: str = error["type"]
    field = shown(loc[-1]) if loc else ""
    given = error.get("input")
    if kind == "missing":
        return f"'{field}' ontbreekt. Voeg een regel '{field}: …' toe."
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        return f"onbekende sleutel '{field}'.{suggest(str(loc[-1]), allowed)} Toegestaan: {', '.join(allowed)}."
    if kind in ("string_type", "str_type") and given is None and loc and isinstance(loc[-1], str):
        return f"'{field}' heeft geen waarde. Vul die in op deze regel, achter '{field}:'."
    if kind in ("string_type", "str_type"):
        return f"verwacht tekst, maar hier staat {_describe(given)}. Zet de waarde tussen aanhalingstekens."
    if kind == "string_too_short":
        return f"'{field}' mag niet leeg zijn."
    if kind == "string_pattern_mismatch":
        if error.get("ctx", {}).get("pattern") == TEXT_PATTERN:
            if isinstance(given, str) and not given.strip():
                return f"'{field}' mag niet leeg zijn."
            return (
                f"{_describe(given)} bevat een onzichtbaar stuurteken (zoals een escape of NUL); "
                "haal het weg. Alleen tab en een nieuwe regel mogen."
            )
        if field == "edit_url":
            return (
                "moet beginnen met https:// en {path} bevatten, zoals https://github.com/org/repo/edit/main/{path}. "
                "Spaties, aanhalingstekens en < > mogen er niet in staan."
            )
        if field == "url":
            return (
                f"{_describe(given)} kan niet: alleen een https://-adres met {{title}} erin of een mailto:-adres mag, "
                "zoals https://github.com/org/handboek/issues/new?title={title} of mailto:handboek@voorbeeld.nl."
            )
        if field == "email":
            return f"{_describe(given)} is geen e-mailadres."
        return (
            f"{_describe(given)} is geen geldige code. Gebruik kleine letters, cijfers en streepjes, "
            "zoals 'jan-de-vries'."
        )
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length", 60)
        size = f"{len(given)} tekens" if isinstance(given, str) else "te veel tekens"
        return (
            f"{_describe(given)} is te lang ({size}); de grens voor '{field}' is {limit} tekens. "
            "Maak het korter (zie 'Grenzen' op de pagina Beheer)."
        )
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"{_describe(given)} is geen bestaande datum. Schrijf JJJJ-MM-DD, zoals 2026-03-15."
    if kind.startswith("time"):
        return f"{_describe(given)} is geen tijd. Schrijf UU:MM tussen aanhalingstekens, zoals '08:30'."
    if kind == "value_error":
        return f"{error.get('ctx', {}).get('error', error.get('msg', 'ongeldige waarde'))}."
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{_describe(given)} kan hier niet. Kies uit: {expected.replace(' or ', ', ')}."
    if kind == "list_type":
        return f"verwacht een lijst (regels die beginnen met '- '), maar hier staat {_describe(given)}."
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"verwacht een blok met sleutels, maar hier staat {_describe(given)}."
    if kind == "too_long":
        ctx = error.get("ctx", {})
        return (
            f"'{field}' heeft {ctx.get('actual_length', 'te veel')} items; de grens is {ctx.get('max_length')}. "
            "Haal er items weg (zie 'Grenzen' op de pagina Beheer)."
        )
    if kind == "too_short":
        return f"'{field}' moet minstens één item hebben."
    limits = error.get("ctx", {})
    if kind == "greater_than_equal" and "ge" in limits:
        return f"{_describe(given)} is te klein; vul minstens {limits['ge']} in."
    if kind == "less_than_equal" and "le" in limits:
        return f"{_describe(given)} is te groot; vul hoogstens {limits['le']} in."
    if kind == "bool_type":
        return f"hier hoort true (ja) of false (nee), maar er staat {_describe(given)}."
    if kind.startswith("int") or kind in ("finite_number", "float_type", "float_parsing"):
        return f"verwacht een heel getal, zoals 3, maar hier staat {_describe(given)}."
    if kind.startswith("greater") or kind.startswith("less"):
        return f"{_describe(given)} is te groot of te klein voor '{field}'."
    if kind in ("string_unicode", "string_sub_type"):
        return "deze tekst bevat tekens die geen geldige Unicode zijn; typ de tekst opnieuw."
    # Anything pydantic adds later: still Dutch, with its code for whoever looks it up.
    return f"{_describe(given)} kan hier niet (pydantic: {kind})."


def locate(error: Any, source: Source) -> Pos:
    """Where in the file an error belongs."""
    loc: Path = tuple(error["loc"])
    if error["type"] == "extra_forbidden":
        return source.where_key(loc)
    if error["type"] == "missing":
        return source.where(loc[:-1])
    return source.where(loc)


def problems_from(exc: ValidationError, model: type[BaseModel], source: Source) -> list[tuple[Pos, str]]:
    """(position, message) for every error in a ValidationError.

    A misspelt key gives pydantic two errors: the unknown key and the missing
    one. Only the first is kept; its message already suggests the right key.
    """
    errors = exc.errors()
    typos = {
        (tuple(e["loc"][:-1]), match)
        for e in errors
        if e["type"] == "extra_forbidden"
        for match in difflib.get_close_matches(str(e["loc"][-1]), _fields_at(model, tuple(e["loc"][:-1])), n=1)
    }
    kept = [e for e in errors if not (e["type"] == "missing" and (tuple(e["loc"][:-1]), e["loc"][-1]) in typos)]
    return [(locate(err, source), message_for(err, model)) for err in kept]


def _fields_at(model: type[BaseModel], loc: Path) -> list[str]:
    found = model_at(model, loc)
    return list(found.model_fields) if found else []


def unknown_ref(value: str, known: set[str], kind: str) -> str:
    """'onbekende persoon 'x'. Bedoel je 'y'?': the same hint as the loader gives in the data files."""
    close = difflib.get_close_matches(value, sorted(known), n=1)
    if close:
        hint = f" Bedoel je '{close[0]}'?"
    elif known:
        hint = f" Bekend: {', '.join(sorted(known)[:12])}."
    else:
        hint = f" Er is nog geen enkele {kind}; voeg die eerst toe, of haal de verwijzing weg."
    return f"onbekende {kind} '{value}'.{hint}"
