"""Turn case values into the strings a paper form prints.

Builders hand templates only strings (and lists of dicts of strings): a
missing optional value becomes "" so the template prints the empty blank with
its caption, as on a paper form — never "None". People become a dict of the
ways forms print a name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from formgen.case.model import Person
from formgen.text.dates import long_date, numeric_date
from formgen.text.declension import GENITIVE, lower_first, phrase
from formgen.text.names import position_dative

__all__ = ["EMPTY_PERSON", "date", "join", "pad_rows", "person", "short_date", "text", "yes_no"]

EMPTY_PERSON = {
    "full_name": "",
    "initials_surname": "",
    "surname_initials": "",
    "dative_surname_initials": "",
    "dative_initials_surname": "",
    "position": "",
    "position_dative": "",
    "genitive_position_name": "",
    "position_full_name": "",
    "qualification": "",
    "phone": "",
    "email": "",
}


def text(value: object) -> str:
    """A value as printed text; None (and empty) prints as an empty blank."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return long_date(value)
    if isinstance(value, bool):
        return yes_no(value)
    return str(value)


def date(value: dt.date | None) -> str:
    """«15» марта 2025 г., or the hand-fill blank «___» ________ 20___ г."""
    return long_date(value)


def short_date(value: dt.date | None) -> str:
    """15.03.2025 (tables), "" when absent."""
    return numeric_date(value)


def yes_no(value: bool | None) -> str:
    return "" if value is None else ("да" if value else "нет")


def join(parts: Iterable[object], sep: str = ", ") -> str:
    """Join the non-empty parts: "р/с 407…, ПАО Сбербанк, Самара"."""
    return sep.join(str(p) for p in parts if p not in (None, ""))


def person(value: Person | None) -> dict[str, str]:
    """Every way a form prints one person's name."""
    if value is None:
        return dict(EMPTY_PERSON)
    return {
        "full_name": value.full_name,
        "initials_surname": value.initials_surname,
        "surname_initials": value.surname_initials,
        "dative_surname_initials": value.dative_surname_initials,
        "dative_initials_surname": value.dative_initials_surname,
        "position": text(value.position),
        "position_dative": value.position_dative or position_dative(value.position or ""),
        # «в лице генерального директора Сазонова Виктора Николаевича»
        "genitive_position_name": join(
            [lower_first(phrase(value.position, GENITIVE)), value.full_name_in(GENITIVE)], " "
        ),
        "position_full_name": join([value.position, value.full_name]),
        "qualification": text(value.qualification),
        "phone": text(value.phone),
        "email": text(value.email),
    }


def pad_rows(rows: list[dict], minimum: int, template: dict | None = None) -> list[dict]:
    """Rows of a table, with empty rows added so a paper form keeps room to write."""
    if len(rows) >= minimum:
        return rows
    blank = {k: "" for k in (template or (rows[0] if rows else {}))}
    return rows + [dict(blank) for _ in range(minimum - len(rows))]
