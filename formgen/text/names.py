"""Personal names as Russian forms print them.

A name is stored once (surname, given name, patronymic) and printed the way
each blank asks: "И. И. Иванов" under «инициалы, фамилия», "Иванов И. И."
in lists, the dative "И. И. Иванову" for the addressee of a letter (Annex Д),
and a Latin spelling on English and German certificates. Declension comes from
formgen.text.declension (petrovich, pymorphy3) and transliteration from iuliia (ICAO Doc 9303, the passport
scheme), so neither is a hand-made table.
"""

from __future__ import annotations

import iuliia

from formgen.text.declension import DATIVE, person_name, phrase

__all__ = [
    "dative",
    "guess_gender",
    "initials",
    "position_dative",
    "transliterate",
]

_NBSP = "\u00a0"


def initials(*parts: str | None) -> str:
    """'И.' 'И.' from given name and patronymic; hyphenated names keep both letters."""
    out = []
    for part in parts:
        if not part:
            continue
        letters = "-".join(p[:1].upper() + "." for p in part.split("-") if p)
        out.append(letters)
    # A no-break space keeps "И. И." together on one line (Russian typography).
    return _NBSP.join(out)


def guess_gender(patronymic: str | None, given_name: str | None = None) -> str:
    """'female' or 'male' from the patronymic's ending (…вна/…чна/…кызы), else the name."""
    if patronymic:
        low = patronymic.lower()
        if low.endswith(("вна", "чна", "шна", "кызы", "гызы")):
            return "female"
        return "male"
    if given_name and given_name.lower().endswith(("а", "я")) and given_name.lower() not in {
        "никита",
        "илья",
        "фома",
        "кузьма",
        "лука",
    }:
        return "female"
    return "male"


def dative(surname: str, given_name: str | None, patronymic: str | None, gender: str) -> tuple:
    """(surname, given name, patronymic) in the dative case: Иванову Ивану Ивановичу."""
    return person_name(surname, given_name, patronymic, gender, DATIVE)


def transliterate(text: str | None) -> str:
    """Latin spelling of a Russian name by ICAO Doc 9303 (as in Russian passports)."""
    if not text:
        return ""
    return iuliia.ICAO_DOC_9303.translate(text)


def position_dative(position: str) -> str:
    """"Генеральный директор" → "Генеральному директору" for a letter's addressee (pymorphy3).

    A case file can give ``position_dative`` where the dictionary is not enough.
    """
    return phrase(position, DATIVE)
