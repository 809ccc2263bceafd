"""Form Е, section 3: Table Е.1 of ГОСТ Р 54298-2010 beside the ГОСТ Р 54318-2021 figure.

ГОСТ Р 54298-2010 names its own Annex Е (Table Е.1) as the basis of the
body's effort estimate, while the figures a body plans with today come from
ГОСТ Р 54318-2021 (= IAF MD 5). A clerk signing the sheet must see both: the
whole of Table Е.1 as the standard prints it, the row that applies to the
organisation's headcount and what it gives, and the current table's value and
the calculated time set beside it. The rows are read from
``formgen.checks.audittime.tables.TABLES`` (the same data the calculator
uses), never typed again here.
"""

from __future__ import annotations

import itertools

from formgen.checks.audittime import COMPLEXITY_LABELS, SYSTEM_LABELS, AuditTimeResult
from formgen.checks.audittime.tables import (
    TABLE_E1,
    TABLES,
    BandTable,
    PointTable,
    fmt_days,
    fmt_num,
)

__all__ = ["E1_COLUMNS", "table_e1"]

# Column order of Table Е.1 as printed in the standard, and its own headers (its «малая» is
# ГОСТ Р 54318-2021's «низкая»).
E1_COLUMNS = ("high", "medium", "low", "limited")
_E1_HEADERS = {"high": "Высокая", "medium": "Средняя", "low": "Малая", "limited": "Ограниченная"}
_CURRENT = "54318-2021"


def table_e1(res: AuditTimeResult) -> dict:
    """Section 3 of form Е for the calculation ``res``.

    ``rows``: Table Е.1 row by row, the applicable row(s) marked in ``applies``;
    ``figures``: what Table Е.1 gives for the organisation, what the
    ГОСТ Р 54318-2021 table gives, the calculated initial time and how it
    stands to the range of Table Е.1; ``note``: why nothing applies, if so.
    """
    e1 = TABLES["54298-2010", "ems"]
    assert isinstance(e1, PointTable)
    applies = _applicable_rows(e1, res)
    rows = [
        {
            "people": fmt_num(people),
            **{cat: _pm(*e1.columns[cat][i]) for cat in E1_COLUMNS},
            "applies": applies.get(people, ""),
        }
        for i, people in enumerate(e1.people)
    ]
    out = {"rows": rows, "figures": [], "note": "", "source": TABLE_E1}
    if res.system != "ems":
        out["note"] = f"Таблица Е.1 относится только к СЭМ; для {SYSTEM_LABELS[res.system]} не применяется."
        return out
    if res.complexity not in E1_COLUMNS:
        out["note"] = (f"Особая категория сложности: таблица Е.1 не применяется ({TABLE_E1}, "
                       "примечание 1); время аудита определено индивидуально.")
        return out
    found = e1.lookup(res.personnel, res.complexity)
    label = COMPLEXITY_LABELS[res.complexity]
    # above the last row the calculator continues the table's progression (note 3)
    where = (f"свыше {e1.people[-1]}: продолжение прогрессии таблицы, примечание 3"
             if found.extrapolated else found.band)
    assert found.range is not None and found.spread is not None
    exact = found.days if found.exact is None else found.exact
    e1_value = _pm(exact, found.spread) + ("" if exact == found.days else f" → {fmt_num(found.days)}")
    current = TABLES[_CURRENT, "ems"]
    assert isinstance(current, BandTable)
    now = current.lookup(res.personnel, res.complexity)
    low, high = found.range
    inside = low <= res.initial_days <= high
    out["figures"] = [
        {"name": f"По таблице Е.1 ГОСТ Р 54298-2010: {res.personnel} чел. ({where}), "
                 f"столбец «{_E1_HEADERS[res.complexity]} сложность»",
         "value": f"{e1_value} человеко-дня; диапазон {fmt_num(low)}–{fmt_num(high)}"},
        {"name": f"По ГОСТ Р 54318-2021, приложение В, таблица СЭМ-1: {now.band} чел., "
                 f"сложность {label}",
         "value": fmt_days(now.days)},
        {"name": "Расчётное время первоначального аудита (этап 1 + этап 2) по разделу 1",
         "value": f"{fmt_days(res.initial_days)} — "
                  + ("в пределах диапазона таблицы Е.1" if inside else
                     f"{'выше' if res.initial_days > high else 'ниже'} диапазона таблицы Е.1")},
    ]
    return out


def _applicable_rows(e1: PointTable, res: AuditTimeResult) -> dict[int, str]:
    """The row(s) of Table Е.1 read for the organisation's headcount, with why."""
    if res.system != "ems" or res.complexity not in E1_COLUMNS:
        return {}
    n, people = res.personnel, e1.people
    mark = f"◄ {n} чел."
    if n <= people[0]:
        return {people[0]: mark}
    if n >= people[-1]:
        return {people[-1]: mark + ("" if n == people[-1] else " (примечание 3)")}
    for low, high in itertools.pairwise(people):
        if n == high:
            return {high: mark}
        if low < n < high:
            return {low: mark + ", интерполяция", high: mark + ", интерполяция"}
    return {}


def _pm(value, spread) -> str:
    return f"{fmt_num(value)}±{fmt_num(spread)}"
