"""Personal names as Russian forms print them.

A name is stored once (surname, given name, patronymic) and printed the way
each blank asks: "И. И. Иванов" under «инициалы, фамилия», "Иванов И. И."
in lists, the dative "Иванову И. И." for the addressee of a letter (Annex Д),
and a Latin spelling on English and German certificates. Declension comes from
petrovich and transliteration from iuliia (ICAO Doc 9303, the passport
scheme), so neither is a hand-made table.
"""

from __future__ import annotations

from functools import lru_cache

import iuliia
from petrovich.enums import Case, Gender
from petrovich.main import Petrovich

__all__ = [
    "dative",
    "guess_gender",
    "initials",
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


@lru_cache(maxsize=1)
def _petrovich() -> Petrovich:
    return Petrovich()


def dative(surname: str, given_name: str | None, patronymic: str | None, gender: str) -> tuple:
    """(surname, given name, patronymic) in the dative case: Иванову Ивану Ивановичу."""
    g = Gender.FEMALE if gender == "female" else Gender.MALE
    p = _petrovich()
    return (
        p.lastname(surname, Case.DATIVE, g) if surname else surname,
        p.firstname(given_name, Case.DATIVE, g) if given_name else given_name,
        p.middlename(patronymic, Case.DATIVE, g) if patronymic else patronymic,
    )


def transliterate(text: str | None) -> str:
    """Latin spelling of a Russian name by ICAO Doc 9303 (as in Russian passports)."""
    if not text:
        return ""
    return iuliia.ICAO_DOC_9303.translate(text)


_ADJ_ENDINGS = (("ый", "ому"), ("ой", "ому"), ("кий", "кому"), ("гий", "гому"), ("хий", "хому"),
                ("ий", "ему"))
_NOUN_ENDINGS = (("ель", "елю"), ("ь", "ю"), ("й", "ю"), ("а", "е"), ("я", "е"))


def position_dative(position: str) -> str:
    """"Генеральный директор" → "Генеральному директору" for a letter's addressee.

    Adjectives before the head noun and the head noun itself are declined; the
    rest ("по качеству", "ООО …") is kept, as Russian letters do. A case file
    can give ``position_dative`` where this simple rule is not enough.
    """
    words = position.split()
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        adjective = next((e for e in _ADJ_ENDINGS if low.endswith(e[0])), None)
        if adjective and i + 1 < len(words):
            out.append(word[: -len(adjective[0])] + adjective[1])
            continue
        noun = next((e for e in _NOUN_ENDINGS if low.endswith(e[0])), None)
        if noun:
            out.append(word[: -len(noun[0])] + noun[1])
        elif low[-1:].isalpha() and low[-1] not in "аеёиоуыэюя":
            out.append(word + "у")
        else:
            out.append(word)
        out.extend(words[i + 1 :])
        break
    return " ".join(out)
