"""Dates as Russian, English and German paperwork prints them.

Russian forms write «15» марта 2025 г. (day in «ёлочки», month in the
genitive, "г." after the year); certificates in English and German use the
long local form. Babel supplies month names so the catalogue is not ours to
maintain. Dates are ``datetime.date`` throughout: a certificate date is a
calendar date, never a moment in a time zone.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

__all__ = ["blank_date", "long_date", "numeric_date"]

_BLANK_RU = "«___» ____________ 20___ г."


def long_date(value: date | None, lang: str = "ru") -> str:
    """«15» марта 2025 г. (ru), 15 March 2025 (en), 15. März 2025 (de); blank if None."""
    if value is None:
        return blank_date(lang)
    if lang == "ru":
        month = format_date(value, "MMMM", locale="ru")  # genitive: «марта»
        return f"«{value.day:02d}» {month} {value.year} г."
    if lang == "de":
        return format_date(value, "d. MMMM y", locale="de")
    return format_date(value, "d MMMM y", locale="en")


def numeric_date(value: date | None) -> str:
    """15.03.2025, the short form used in tables and registers; '' if None."""
    return "" if value is None else value.strftime("%d.%m.%Y")


def blank_date(lang: str = "ru") -> str:
    """The printed blank a clerk fills in by hand when the case has no date."""
    return _BLANK_RU if lang == "ru" else "____ / ____ / ________"
