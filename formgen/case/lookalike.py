"""Latin and Cyrillic letters that look the same: find them and say which one.

A clerk who types «sоkolova» with a Cyrillic «о» sees the right word and a
message "not found"; nothing on the screen shows why. These helpers compare a
typed id, enum value or reference with the values that would be valid and
name the letter, its position and the value that was meant.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["explain_lookalike", "mixed_script"]

# Cyrillic letter → the Latin letter it is drawn like.
_CYR_TO_LAT = dict(zip("аеорсухкмтвнАВЕКМНОРСТХУіІ", "aeopcyxkmtbhABEKMHOPCTXYiI", strict=True))
_LAT_TO_CYR = {lat: cyr for cyr, lat in _CYR_TO_LAT.items()}


def _script(ch: str) -> str:
    if "\u0400" <= ch <= "\u04ff":
        return "кириллическая"
    if ch.isascii() and ch.isalpha():
        return "латинская"
    return ""


def _describe(typed: str, meant: str) -> str:
    parts = []
    for pos, (a, b) in enumerate(zip(typed, meant, strict=True), start=1):
        if a != b:
            parts.append(f"{pos}-я буква «{a}» — {_script(a)}, а нужна {_script(b)} «{b}»")
    return "; ".join(parts) + f" — имелось в виду «{meant}»"


def _same_but_lookalikes(typed: str, candidate: str) -> bool:
    if len(typed) != len(candidate) or typed == candidate:
        return False
    for a, b in zip(typed, candidate, strict=True):
        if a != b and _CYR_TO_LAT.get(a) != b and _LAT_TO_CYR.get(a) != b:
            return False
    return True


def explain_lookalike(typed: object, candidates: Iterable[object]) -> str | None:
    """If ``typed`` equals a candidate but for look-alike letters, say which letters."""
    if not isinstance(typed, str):
        return None
    for candidate in candidates:
        if isinstance(candidate, str) and _same_but_lookalikes(typed, candidate):
            return _describe(typed, candidate)
    return None


def mixed_script(value: object) -> str | None:
    """An id written mostly in one alphabet with a few letters of the other.

    Ids are Latin by convention (``kuznetsov``, ``stage2``) and numbers are
    written by hand (``Р-031/2025`` may be all Cyrillic); only a word that
    mixes both, where the minority letters have look-alikes, is reported.
    """
    if not isinstance(value, str):
        return None
    latin = sum(1 for ch in value if _script(ch) == "латинская")
    cyrillic = sum(1 for ch in value if _script(ch) == "кириллическая")
    if not latin or not cyrillic:
        return None
    table = _CYR_TO_LAT if latin >= cyrillic else _LAT_TO_CYR
    meant = "".join(table.get(ch, ch) if _script(ch) != _script_of_majority(latin, cyrillic) else ch
                    for ch in value)
    if meant == value or not all(_script(ch) in ("", _script_of_majority(latin, cyrillic)) for ch in meant):
        return None
    return _describe(value, meant)


def _script_of_majority(latin: int, cyrillic: int) -> str:
    return "латинская" if latin >= cyrillic else "кириллическая"
