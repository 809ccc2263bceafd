"""Number patterns of the body's series: what a pattern may say and how it formats.

A pattern is a Python format string over ``n`` (the counter), ``year`` and
``yy`` (its last two digits): «ЭС.RU.СЭМ.{n:05d}-{yy}» gives ЭС.RU.СЭМ.00124-25.
A pattern with a year starts its counter again each year; one without runs on.
This lives beside the case model because the body profile validates its
patterns on load, before any register is opened.
"""

from __future__ import annotations

import string

__all__ = ["NUMBER_KINDS", "check_pattern", "format_number", "is_yearly"]

NUMBER_KINDS: dict[str, str] = {
    "certificate": "номер сертификата",
    "register_number": "учётный номер в Регистре",
    "decision": "номер решения",
    "act": "номер акта",
    "application": "номер заявки",
    "mark_permission": "номер разрешения на применение знака",
    "notice": "номер извещения",
}
_FIELDS = {"n", "year", "yy"}


def _fields(pattern: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}


def check_pattern(kind: str, pattern: str) -> None:
    """Raise ``ValueError`` (a Russian message) when a series pattern cannot make numbers."""
    if kind not in NUMBER_KINDS:
        raise ValueError(f"неизвестный вид номера «{kind}»; допустимы: {', '.join(NUMBER_KINDS)}")
    try:
        fields = _fields(pattern)
        format_number(pattern, 1, 2025)
    except (ValueError, KeyError, IndexError) as exc:
        raise ValueError(f"шаблон «{pattern}» ({kind}) не разобран: {exc}") from exc
    if "n" not in fields:
        raise ValueError(f"в шаблоне «{pattern}» ({kind}) нет счётчика {{n}}")
    unknown = fields - _FIELDS
    if unknown:
        raise ValueError(f"в шаблоне «{pattern}» ({kind}) неизвестные поля: {', '.join(sorted(unknown))}")


def is_yearly(pattern: str) -> bool:
    """True when the pattern carries the year, so that its counter restarts each year."""
    return bool(_fields(pattern) & {"year", "yy"})


def format_number(pattern: str, n: int, year: int) -> str:
    return pattern.format(n=n, year=year, yy=f"{year % 100:02d}")
