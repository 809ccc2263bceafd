"""The audit-time tables as data, each tagged with the table it was read from.

Three editions stay selectable (``method``):

* ``54318-2021`` — ГОСТ Р 54318-2021 (= IAF MD 5:2019): tables СМК-1,
  СЭМ-1 and СМБТиОЗ-1, bands of effective personnel up to 10 700 people;
* ``54318-2011`` — ГОСТ Р 54318-2011: tables А.1 (QMS) and Б.1 (EMS). Its
  figures are the same as the 2021 ones (checked row by row against both
  texts), so the rows below are shared and only the source differs;
* ``54298-2010`` — ГОСТ Р 54298-2010, Annex Е, table Е.1: five point rows
  (10, 30, 100, 500, 2000 people) with a ± spread, EMS only.

This module is the bottom layer of the package: it also holds the
vocabulary (systems, methods, categories), the input error and the
half-day arithmetic, so that ``factors``, ``personnel`` and ``calc`` share
one definition of each. Numbers are kept as ``Fraction`` so that 5.25 days is
exactly 5.25 when the rounding rule of ГОСТ Р 54318-2021, 4.2.3 meets it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from types import MappingProxyType

from formgen.errors import InputError

__all__ = [
    "COMPLEXITY_LABELS",
    "METHODS",
    "METHOD_LABELS",
    "SYSTEMS",
    "SYSTEM_LABELS",
    "TABLES",
    "TABLE_E1",
    "AuditTimeInputError",
    "BandTable",
    "Lookup",
    "PointTable",
    "ceil_half_day",
    "floor_half_day",
    "fmt_days",
    "fmt_num",
    "round_half_day",
    "to_fraction",
]

SYSTEMS = ("qms", "ems", "ohs")
SYSTEM_LABELS = MappingProxyType({"qms": "СМК", "ems": "СЭМ", "ohs": "СМБТиОЗ"})
METHODS = ("54318-2021", "54318-2011", "54298-2010")
# Table Е.1 and its notes are cited in one spelling everywhere (form Е prints each clause once).
TABLE_E1 = "ГОСТ Р 54298-2010, приложение Е, таблица Е.1"
METHOD_LABELS = MappingProxyType(
    {
        "54318-2021": "ГОСТ Р 54318-2021",
        "54318-2011": "ГОСТ Р 54318-2011",
        "54298-2010": "ГОСТ Р 54298-2010",
    }
)
COMPLEXITY_LABELS = MappingProxyType(
    {
        "high": "высокая",
        "medium": "средняя",
        "low": "низкая",
        "limited": "ограниченная",
        "special": "особая",
    }
)


class AuditTimeInputError(InputError):
    """An audit-time input that cannot be computed (exit code 2 in the CLI).

    ``field`` names the request field (``personnel``, ``factors`` …) so the
    CLI can restate the message with the option a user typed; ``reason`` is
    the Russian explanation without that prefix.
    """

    def __init__(self, reason: str, field: str | None = None):
        self.reason = reason
        self.field = field
        super().__init__(f"{field}: {reason}" if field else reason)


# ---------------------------------------------------------------- arithmetic


def to_fraction(value: object, field: str) -> Fraction:
    """Read an int/float/str/Decimal as an exact Fraction, refusing NaN and ∞.

    Floats are read through their shortest repr, so 5.3 means 53/10 and not
    the binary neighbour that would round differently.
    """
    if isinstance(value, bool):
        raise AuditTimeInputError(f"ожидается число, получено {value!r}", field)
    if isinstance(value, Fraction | int):
        return Fraction(value)
    try:
        text = str(value).strip().removesuffix("%").strip()
        dec = Decimal(text.replace(",", ".").replace("\u2212", "-"))
    except (InvalidOperation, ValueError):
        raise AuditTimeInputError(f"ожидается число, получено {value!r}", field) from None
    if not dec.is_finite():
        raise AuditTimeInputError(f"ожидается конечное число, получено {value!r}", field)
    return Fraction(dec)


def round_half_day(x: Fraction) -> Fraction:
    """Nearest half day, ties upward (ГОСТ Р 54318-2021, 4.2.3).

    5.3 → 5.5 and 5.2 → 5 are the clause's own examples; the clause is
    silent on an exact tie, and 5.25 → 5.5 is chosen because the error of
    giving too little audit time is the one 4.2.2 and 5.9 guard against.
    """
    return Fraction(math.floor(2 * x + Fraction(1, 2)), 2)


def ceil_half_day(x: Fraction) -> Fraction:
    """Smallest half-day multiple ≥ x: used where a bound must not be undercut."""
    return Fraction(math.ceil(2 * x), 2)


def floor_half_day(x: Fraction) -> Fraction:
    """Largest half-day multiple ≤ x."""
    return Fraction(math.floor(2 * x), 2)


def fmt_days(x: Fraction | float | int) -> str:
    """"12 аудито-дней", "1 аудито-день", "2,5 аудито-дня" (Russian agreement)."""
    text = fmt_num(x)
    if "," in text:
        return f"{text} аудито-дня"
    n = int(text.replace("\u00a0", "")) % 100
    if n % 10 == 1 and n != 11:
        word = "аудито-день"
    elif 2 <= n % 10 <= 4 and not 12 <= n <= 14:
        word = "аудито-дня"
    else:
        word = "аудито-дней"
    return f"{text} {word}"


def fmt_num(x: Fraction | float | int, places: int = 2) -> str:
    """A number as a Russian form prints it: decimal comma, no trailing zeros."""
    from babel.numbers import format_decimal

    q = Decimal(x.numerator) / Decimal(x.denominator) if isinstance(x, Fraction) else Decimal(str(x))
    q = q.quantize(Decimal(1).scaleb(-places))
    # Russian typography groups thousands only from five digits on (1000, but 10 000).
    pattern = ("#,##0." if abs(q) >= 10000 else "0.") + "#" * places
    text = format_decimal(q, format=pattern, locale="ru_RU")
    return "0" if text == "-0" else text


# --------------------------------------------------------------- band tables


@dataclass(frozen=True)
class Lookup:
    """What a table gives for one headcount and category.

    ``spread`` is the ± of table Е.1 and ``range`` the half-day rounded
    interval value ± spread (both None for the banded tables); ``notes``
    are the Russian sentences explaining how the value was read
    (extrapolation, interpolation), ``clauses`` the table and note cited.
    """

    days: Fraction
    band: str
    spread: Fraction | None
    range: tuple[Fraction, Fraction] | None
    extrapolated: bool
    notes: tuple[str, ...]
    clauses: tuple[str, ...]
    exact: Fraction | None = None  # table Е.1: the interpolated value before half-day rounding


# Upper limits of the personnel bands, identical in СМК-1, СЭМ-1, СМБТиОЗ-1,
# А.1 and Б.1 (the first band starts at 1).
_UPPER = (5, 10, 15, 25, 45, 65, 85, 125, 175, 275, 425, 625,
          875, 1175, 1550, 2025, 2675, 3450, 4350, 5450, 6800, 8500, 10700)  # fmt: skip

_QMS = ("1.5 2 2.5 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22",)
# СЭМ-1 / Б.1, one string per column: high, medium, low, limited.
_EMS = (
    "3 3.5 4.5 5.5 7 8 9 11 12 13 15 16 17 19 20 21 23 25 27 28 30 32 34",
    "2.5 3 3.5 4.5 5.5 6 7 8 9 10 11 12 13 15 16 17 18 19 20 21 23 25 27",
    "2.5 3 3 3.5 4 4.5 5 5.5 6 7 8 9 10 11 12 12 13 14 15 16 17 19 20",
    "2.5 3 3 3 3 3.5 3.5 4 4.5 5 5.5 6 6.5 7 7.5 8 8.5 9 10 11 12 13 14",
)

# Beyond the last band the tables say only "further along the progression".
# Read from the last bands: upper limits grow ×1.25 (5450 → 6800 → 8500 →
# 10700) and days by the mean step of the last three bands.
_GROWTH = Fraction(5, 4)
_STEP_BANDS = 3


@dataclass(frozen=True)
class BandTable:
    """A banded table (СМК-1, СЭМ-1, СМБТиОЗ-1, А.1, Б.1): days per band and category."""

    source: str
    beyond_clause: str
    upper: tuple[int, ...]
    columns: Mapping[str, tuple[Fraction, ...]]

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(self.columns)

    def lookup(self, personnel: int, category: str) -> Lookup:
        """Table value for ``personnel`` people; above the last band, extrapolated."""
        col = self.columns[category]
        lower = 1
        for upper, days in zip(self.upper, col, strict=True):
            if personnel <= upper:
                return Lookup(days, f"{lower}–{upper}", None, None, False, (), (self.source,))
            lower = upper + 1
        return self._beyond(personnel, col)

    def _beyond(self, personnel: int, col: tuple[Fraction, ...]) -> Lookup:
        last_upper = self.upper[-1]
        step = (col[-1] - col[-1 - _STEP_BANDS]) / _STEP_BANDS
        k, low, high = 0, last_upper, last_upper
        while personnel > high:
            k += 1
            low = high
            high = round_half_up_int(last_upper * _GROWTH**k)
        exact = col[-1] + k * step
        days = round_half_day(exact)
        base = col[-1 - _STEP_BANDS]
        note = (
            f"Численность {fmt_num(personnel)} чел. больше последней строки таблицы "
            f"({fmt_num(self.upper[-2] + 1)}–{fmt_num(last_upper)}); таблица предписывает продолжить "
            "прогрессивную последовательность. Принято: верхняя граница каждой следующей "
            "полосы больше предыдущей в 1,25 раза (как 5450 → 6800 → 8500 → 10 700), время "
            f"растёт на средний шаг трёх последних полос ({fmt_num(col[-1])} − "
            f"{fmt_num(base)}) / 3 = {fmt_num(step)} дн. на полосу. Полоса "
            f"{fmt_num(low + 1)}–{fmt_num(high)} — {k}-я за пределами таблицы: "
            f"{fmt_num(col[-1])} + {k} × {fmt_num(step)} = {fmt_num(exact)}"
            + ("" if days == exact else f" ≈ {fmt_num(days)} (4.2.3)")
            + " аудито-дн."
        )
        band = f"{low + 1}–{high}"
        return Lookup(days, band, None, None, True, (note,), (self.source, self.beyond_clause))


def round_half_up_int(x: Fraction) -> int:
    """Nearest integer, ties upward (for extrapolated band limits)."""
    return math.floor(x + Fraction(1, 2))


def _column(text: str) -> tuple[Fraction, ...]:
    values = tuple(Fraction(v) for v in text.split())
    if len(values) != len(_UPPER):
        raise AssertionError("a table column must have one value per band")
    return values


def _band_table(source: str, beyond: str, names: tuple[str, ...], cols: tuple[str, ...]):
    columns = MappingProxyType(
        {name: _column(col) for name, col in zip(names, cols, strict=True)}
    )
    return BandTable(source, beyond, _UPPER, columns)


# ---------------------------------------------------------- point table Е.1


@dataclass(frozen=True)
class PointTable:
    """Table Е.1 of ГОСТ Р 54298-2010: values ± spread at five headcounts.

    The rows are points, not bands; the table's own figures show it (at 30,
    100, 500 people they equal the ГОСТ Р 54318 bands containing those
    headcounts). Between rows the value and its spread are interpolated
    linearly; at 10 people or fewer the first row applies; above 2000, where
    note 3 asks only for consistency with the table, the progression of the
    last step continues: each further ×4 of headcount (as 500 → 2000) adds the
    same days and spread as that step did.
    """

    source: str
    beyond_clause: str
    people: tuple[int, ...]
    columns: Mapping[str, tuple[tuple[Fraction, Fraction], ...]]

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(self.columns)

    def lookup(self, personnel: int, category: str) -> Lookup:
        rows = list(zip(self.people, self.columns[category], strict=True))
        notes: list[str] = []
        clauses = [self.source]
        extrapolated = False
        if personnel > self.people[-1]:
            extrapolated = True
            clauses.append(self.beyond_clause)
            (p0, (v0, s0)), (p1, (v1, s1)) = rows[-2], rows[-1]
            ratio = p1 // p0
            while rows[-1][0] < personnel:
                p, (v, s) = rows[-1]
                rows.append((p * ratio, (v + v1 - v0, s + s1 - s0)))
            notes.append(
                f"Численность больше {fmt_num(p1)} чел. (последняя строка таблицы Е.1). "
                f"Принято продолжение прогрессии последнего шага: каждое увеличение "
                f"численности в {ratio} раза (как {p0} → {p1}) добавляет "
                f"{fmt_num(v1 - v0)} дн. к значению и {fmt_num(s1 - s0)} дн. к разбросу."
            )
        if personnel <= rows[0][0]:
            p, (v, s) = rows[0]
            value, spread = v, s
            band = f"до {p}"
            notes.append(f"Численность не более {p} чел.: первая строка таблицы Е.1.")
        else:
            for (pa, (va, sa)), (pb, (vb, sb)) in itertools.pairwise(rows):
                if pa < personnel <= pb:
                    t = Fraction(personnel - pa, pb - pa)
                    value, spread = va + t * (vb - va), sa + t * (sb - sa)
                    if personnel == pb:
                        virtual = "расчётная " if pb > self.people[-1] else ""
                        band = f"{virtual}строка {pb}"
                    else:
                        band = f"между строками {pa} и {pb}"
                        notes.append(
                            f"Строки таблицы Е.1 даны для {fmt_num(pa)} и {fmt_num(pb)} чел.; "
                            f"для {fmt_num(personnel)} чел. значение интерполировано линейно: "
                            f"{fmt_num(va)}±{fmt_num(sa)} … {fmt_num(vb)}±{fmt_num(sb)} → "
                            f"{fmt_num(value)}±{fmt_num(spread)}."
                        )
                    break
        rng = (round_half_day(value - spread), round_half_day(value + spread))
        return Lookup(
            round_half_day(value), band, spread, rng, extrapolated, tuple(notes), tuple(clauses),
            exact=value,
        )


def _points(text: str) -> tuple[tuple[Fraction, Fraction], ...]:
    pairs = []
    for item in text.split():
        value, spread = item.split("±")
        pairs.append((Fraction(value), Fraction(spread)))
    return tuple(pairs)


# ------------------------------------------------------------------- registry

_CATS = ("high", "medium", "low", "limited")

TABLES: Mapping[tuple[str, str], BandTable | PointTable] = MappingProxyType(
    {
        ("54318-2021", "qms"): _band_table(
            "ГОСТ Р 54318-2021, приложение А, таблица СМК-1",
            "ГОСТ Р 54318-2021, приложение А, таблица СМК-1, строка «>10700»",
            ("medium",),
            _QMS,
        ),
        ("54318-2021", "ems"): _band_table(
            "ГОСТ Р 54318-2021, приложение В, таблица СЭМ-1",
            "ГОСТ Р 54318-2021, приложение В, таблица СЭМ-1, строка «>10700»",
            _CATS,
            _EMS,
        ),
        # The OH&S table prints the first three EMS columns unchanged.
        ("54318-2021", "ohs"): _band_table(
            "ГОСТ Р 54318-2021, приложение С, таблица СМБТиОЗ-1",
            "ГОСТ Р 54318-2021, приложение С, таблица СМБТиОЗ-1, строка «>10700»",
            _CATS[:3],
            _EMS[:3],
        ),
        ("54318-2011", "qms"): _band_table(
            "ГОСТ Р 54318-2011, приложение А, таблица А.1",
            "ГОСТ Р 54318-2011, приложение А, таблица А.1, примечание",
            ("medium",),
            _QMS,
        ),
        ("54318-2011", "ems"): _band_table(
            "ГОСТ Р 54318-2011, приложение Б, таблица Б.1",
            "ГОСТ Р 54318-2011, приложение Б, таблица Б.1, примечание 2",
            _CATS,
            _EMS,
        ),
        ("54298-2010", "ems"): PointTable(
            TABLE_E1,
            TABLE_E1 + ", примечание 3",
            (10, 30, 100, 500, 2000),
            MappingProxyType(
                {
                    "high": _points("4±1 7±2 11±3 16±5 23±7"),
                    "medium": _points("3±1 6±2 8±3 12±3 18±5"),
                    "low": _points("3±1 4±1 6±2 9±3 13±4"),
                    "limited": _points("3±1 3±1 4±1 6±2 8±2"),
                }
            ),
        ),
    }
)

