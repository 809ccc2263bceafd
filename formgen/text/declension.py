"""Russian declension for the fixed phrases of the forms — the one place forms decline words.

The standard's forms put case data after fixed words that govern a case:
«Генеральному директору» + whose organisation (genitive), «в лице» + whom
(genitive), «ПЛАН АУДИТА СЭМ, ДЕЙСТВУЮЩЕЙ В» + where (prepositional), «(СЭМ)»
+ whose (genitive), «применительно к» + what (dative). The case file stores
each value once, as the organisation writes it; this module gives the form the
case the slot needs.

Words are declined by maintained libraries, not by hand-written endings:
pymorphy3 (OpenCorpora dictionaries) for job titles, legal forms and scope
texts, petrovich for personal names. Only the leading noun group of a phrase
is declined — «Начальник отдела МТС» → «Начальнику отдела МТС»,
«Заведующая производством» → «Заведующей производством» — since the words
after the head noun already stand in the case the head governs. The quoted
part of an organisation's name («…») never changes.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3
from petrovich.enums import Case as PetrovichCase
from petrovich.enums import Gender
from petrovich.main import Petrovich

__all__ = [
    "DATIVE",
    "GENITIVE",
    "NOMINATIVE",
    "PREPOSITIONAL",
    "lower_first",
    "organisation",
    "person_name",
    "phrase",
    "scope_forms",
]

NOMINATIVE = "nomn"
GENITIVE = "gent"
DATIVE = "datv"
PREPOSITIONAL = "loct"

_PETROVICH_CASES = {
    GENITIVE: PetrovichCase.GENITIVE,
    DATIVE: PetrovichCase.DATIVE,
    PREPOSITIONAL: PetrovichCase.PREPOSITIONAL,
}
_DECLINED = {"NOUN", "ADJF", "PRTF"}
_JOINERS = {"и", "или", ","}
_TOKEN = re.compile(r"\S+")


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=1)
def _petrovich() -> Petrovich:
    return Petrovich()


def _match_case(source: str, word: str) -> str:
    """``word`` spelled with the capitals of ``source`` (Генеральный → Генеральному)."""
    if source.isupper() and len(source) > 1:
        return word.upper()
    if source[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


@lru_cache(maxsize=4096)
def _inflect(word: str, from_case: str, to_case: str) -> tuple[str, str] | None:
    """(declined word, part of speech), or None when ``word`` is not a declinable word in ``from_case``.

    The most likely parse must itself be a noun, adjective or participle, so a
    preposition that the dictionary also knows as a rare abbreviation («по»)
    ends the noun group. Only Cyrillic words are asked: a Russian phrase declines its
    Russian words, and the dictionary's shape check fails on letters Unicode leaves
    unnamed (a Tangut name typed into a case must print, not crash).
    """
    if not _CYRILLIC_WORD.fullmatch(word):
        return None
    parses = _morph().parse(word)
    if not parses or parses[0].tag.POS not in _DECLINED:
        return None
    for parse in parses:
        tag = parse.tag
        if tag.POS not in _DECLINED or from_case not in tag:
            continue
        if "Abbr" in tag and not word.isupper():
            continue
        if "Fixd" in tag:
            return word, str(tag.POS)
        declined = parse.inflect({to_case})
        if declined is None:
            return None
        return _match_case(word, declined.word), str(tag.POS)
    return None


def _decline_tokens(tokens: list[str], from_case: str, to_case: str, groups: bool) -> int:
    """Decline the leading noun group(s) of ``tokens`` in place; the number of tokens looked at.

    With ``groups`` a group after «и», «или» or a comma is declined as well
    («производство и реализация …» → «производству и реализации …»).
    """
    i = 0
    while i < len(tokens):
        token = tokens[i]
        core = token.rstrip(",;")
        trail = token[len(core):]
        if core.lower() in _JOINERS and groups and i:
            i += 1
            continue
        result = _inflect(core, from_case, to_case) if core else None
        if result is None:
            break
        tokens[i] = result[0] + trail
        i += 1
        if result[1] == "NOUN":
            nxt = tokens[i].rstrip(",;").lower() if i < len(tokens) else ""
            if not groups or not (trail == "," or nxt in _JOINERS):
                break
    return i


def phrase(text: str | None, case: str, groups: bool = False) -> str:
    """A job title (or other noun phrase) in ``case``: «Генеральный директор» → «Генерального директора».

    Declines words up to and including the head noun and keeps the rest as
    written. Text that does not start with a nominative noun group is
    returned unchanged rather than guessed at.
    """
    if not text:
        return ""
    tokens = _TOKEN.findall(text)
    _decline_tokens(tokens, NOMINATIVE, case, groups)
    return " ".join(tokens)


def organisation(name: str | None, case: str) -> str:
    """An organisation's full name in ``case``: the legal form declined, the quoted name kept.

    «Акционерное общество «Тверской завод ЖБИ»» → «Акционерного общества
    «Тверской завод ЖБИ»» (genitive). An abbreviated legal form (ООО, АО) is
    indeclinable and stays as written.
    """
    if not name:
        return ""
    cut = name.find("«")
    if cut <= 0:
        return phrase(name, case)
    return f"{phrase(name[:cut].rstrip(), case)} {name[cut:]}"


def person_name(
    surname: str, given_name: str | None, patronymic: str | None, gender: str, case: str
) -> tuple[str, str | None, str | None]:
    """(surname, given name, patronymic) in ``case`` by petrovich: Сазонова Виктора Николаевича."""
    if case == NOMINATIVE:
        return surname, given_name, patronymic
    g = Gender.FEMALE if gender == "female" else Gender.MALE
    c = _PETROVICH_CASES[case]
    p = _petrovich()
    return (
        p.lastname(surname, c, g) if surname else surname,
        p.firstname(given_name, c, g) if given_name else given_name,
        p.middlename(patronymic, c, g) if patronymic else patronymic,
    )


def scope_forms(text: str | None) -> tuple[str, str]:
    """(nominative, dative) of a scope text, whichever of the two the case file wrote.

    A scope is usually written for «применительно к» (dative: «производству и
    реализации …»); a nominative slot («Предлагаемая запись в сертификате»)
    needs «производство и реализация …». The leading noun groups are declined
    from the case they are written in; a text whose first word is neither is
    returned unchanged for both slots.
    """
    if not text:
        return "", ""
    tokens = _TOKEN.findall(text)
    first = tokens[0].rstrip(",;")
    as_dative = list(tokens)
    if _decline_tokens(as_dative, NOMINATIVE, DATIVE, groups=True) and _inflect(
        first, NOMINATIVE, DATIVE
    ):
        return text, " ".join(as_dative)
    as_nominative = list(tokens)
    if _decline_tokens(as_nominative, DATIVE, NOMINATIVE, groups=True):
        return " ".join(as_nominative), text
    return text, text


def lower_first(text: str) -> str:
    """«Генерального директора» → «генерального директора» inside a sentence (abbreviations kept)."""
    first = text.split(" ", 1)[0]
    if not text or (first.isupper() and len(first) > 1):
        return text
    return text[:1].lower() + text[1:]
