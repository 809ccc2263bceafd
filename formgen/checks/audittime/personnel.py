"""Effective number of personnel (ГОСТ Р 54318-2021, 3.9 and 4.3).

The tables are entered with the *effective* number, not the headcount on the
payroll, and 4.3.2 wants the way it was reached available to the client and
the accreditation body. So the helper returns the number together with the
Russian lines that show each step: shift staff counted in every shift (3.9),
part-time staff converted by hours (4.3.3), groups in similar repetitive
roles reduced by a documented rule (4.3.4).

Two choices are the tool's, and the lines say so:

* the fractional total is rounded up to a whole person — a band boundary
  (125 | 126) must not be crossed downward by a fraction of a person;
* a repetitive group given only by its size is counted as ⌈√n⌉, the
  sampling rule IAF MD 1 uses for similar sites. The standard leaves the
  method to the certification body; a body with another rule passes
  ``RepetitiveGroup(count, counted_as=…)``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction

from formgen.checks.audittime.tables import (
    METHODS,
    SYSTEMS,
    TABLE_E1,
    AuditTimeInputError,
    fmt_num,
    to_fraction,
)

__all__ = [
    "EffectivePersonnel",
    "RepetitiveGroup",
    "effective_personnel",
    "personnel_clause",
    "resolve_personnel",
]

MAX_HOURS_PER_WEEK = 168


@dataclass(frozen=True)
class RepetitiveGroup:
    """People in one similar, repetitive role, already counted in the headcount.

    ``counted_as`` is how many of them the certification body's documented
    method keeps; None applies the default ⌈√count⌉.
    """

    count: int
    counted_as: int | None = None
    role: str | None = None


@dataclass(frozen=True)
class EffectivePersonnel:
    """The effective number and how it was reached.

    Unpacks as ``(effective, justification)`` so the short form
    ``n, lines = effective_personnel(...)`` works too.
    """

    effective: int
    exact: Fraction
    headcount: int
    part_time_fte: Fraction
    repetitive_reduction: int
    justification: tuple[str, ...]
    clauses: tuple[str, ...]

    def __iter__(self) -> Iterator[object]:
        yield self.effective
        yield self.justification

    def to_dict(self) -> dict[str, object]:
        return {
            "effective": self.effective,
            "exact": float(self.exact),
            "headcount": self.headcount,
            "part_time_fte": float(self.part_time_fte),
            "repetitive_reduction": self.repetitive_reduction,
            "justification": list(self.justification),
            "clauses": list(self.clauses),
        }


# Where each rule is written, per edition. ГОСТ Р 54298-2010 (Annex Е, note 4)
# only says that non-permanent staff count; the conversions are cited from
# the current edition.
_CLAUSES = {
    "54318-2021": {
        "scope": "ГОСТ Р 54318-2021, 3.9",
        "shifts": "ГОСТ Р 54318-2021, 3.9; 5.5",
        "part_time": "ГОСТ Р 54318-2021, 4.3.3",
        "repetitive": "ГОСТ Р 54318-2021, 4.3.4",
    },
    "54318-2011": {
        "scope": "ГОСТ Р 54318-2011, 3.3",
        "shifts": "ГОСТ Р 54318-2011, 5.1.4",
        "part_time": "ГОСТ Р 54318-2011, 4.4",
        "repetitive": "ГОСТ Р 54318-2011, 4.4",
    },
    "54298-2010": {
        "scope": TABLE_E1 + ", примечание 4",
        "shifts": "ГОСТ Р 54318-2021, 3.9; 5.5",
        "part_time": "ГОСТ Р 54318-2021, 4.3.3",
        "repetitive": "ГОСТ Р 54318-2021, 4.3.4",
    },
}


def personnel_clause(method: str) -> str:
    """The clause defining the effective number of personnel under ``method``."""
    return _CLAUSES[method]["scope"]


def resolve_personnel(value: object) -> tuple[int, EffectivePersonnel | None]:
    """The effective number of a request, and its breakdown when one was given."""
    if isinstance(value, EffectivePersonnel):
        return value.effective, value
    if isinstance(value, bool) or not isinstance(value, int):
        raise AuditTimeInputError(f"ожидается целое число человек, получено {value!r}", "personnel")
    if value < 1:
        raise AuditTimeInputError(
            f"эффективная численность персонала должна быть не меньше 1 чел., получено {value}",
            "personnel",
        )
    return value, None


def _count(value: object, field: str, *, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AuditTimeInputError(f"ожидается целое число человек, получено {value!r}", field)
    if value < minimum:
        raise AuditTimeInputError(
            f"число человек не может быть меньше {minimum}, получено {value}", field
        )
    return value


def _hours_per_week(raw: object, field: str, message: str) -> Fraction:
    """Hours worked in a week: more than none and no more than the week has.

    ``message`` is the refusal, with ``{limit}`` and ``{got}`` to fill in.
    """
    hours = to_fraction(raw, field)
    if not 0 < hours <= MAX_HOURS_PER_WEEK:
        raise AuditTimeInputError(message.format(limit=MAX_HOURS_PER_WEEK, got=fmt_num(hours)), field)
    return hours


def _part_time_pair(item: object) -> tuple[object, object]:
    if hasattr(item, "count") and hasattr(item, "hours_per_week"):
        return item.count, item.hours_per_week  # the case model's PartTime
    if isinstance(item, tuple | list) and len(item) == 2:
        return item[0], item[1]
    raise AuditTimeInputError(
        f"ожидается пара (число человек, часов в неделю), получено {item!r}", "part_time"
    )


def _groups(repetitive: object) -> list[RepetitiveGroup]:
    if repetitive is None:
        return []
    if isinstance(repetitive, int) and not isinstance(repetitive, bool):
        return [RepetitiveGroup(repetitive)] if repetitive else []
    if isinstance(repetitive, RepetitiveGroup):
        return [repetitive]
    groups = []
    for item in repetitive:  # type: ignore[attr-defined]
        if isinstance(item, RepetitiveGroup):
            groups.append(item)
        elif isinstance(item, tuple | list) and 1 <= len(item) <= 3:
            groups.append(RepetitiveGroup(*item))
        else:
            raise AuditTimeInputError(
                f"ожидается (число, учитывается как[, должность]), получено {item!r}",
                "repetitive",
            )
    return groups


def effective_personnel(
    permanent: int,
    part_time: Iterable[object] = (),
    *,
    full_time_hours: float = 40,
    shifts: Iterable[int] = (),
    temporary: int = 0,
    contractors: int = 0,
    repetitive: int | RepetitiveGroup | Iterable[object] | None = None,
    system: str | None = None,
    method: str = "54318-2021",
) -> EffectivePersonnel:
    """Effective personnel with its justification lines.

    ``permanent`` — full-time staff within the scope who do not work shifts;
    ``shifts`` — headcount of each shift (all shifts are counted);
    ``part_time`` — pairs (people, hours per week) or objects with ``count``
    and ``hours_per_week``, converted against ``full_time_hours``;
    ``temporary``, ``contractors`` — non-permanent staff in the scope
    (for OH&S contractors under the organisation's control must be included);
    ``repetitive`` — people *already counted above* in similar repetitive
    roles: an int (default rule) or ``RepetitiveGroup`` items.
    """
    if method not in METHODS:
        raise AuditTimeInputError(f"неизвестный метод «{method}»", "method")
    if system is not None and system not in SYSTEMS:
        raise AuditTimeInputError(f"неизвестная система «{system}»", "system")
    cl = _CLAUSES[method]
    permanent = _count(permanent, "permanent")
    shift_list = [_count(s, "shifts", minimum=1) for s in shifts]
    temporary = _count(temporary, "temporary")
    contractors = _count(contractors, "contractors")
    full = _hours_per_week(
        full_time_hours,
        "full_time_hours",
        "полная занятость должна быть от 0 до {limit} ч в неделю, получено {got}",
    )

    lines: list[str] = []
    clauses: list[str] = [cl["scope"]]
    terms: list[str] = []
    if permanent:
        lines.append(f"Персонал с полной занятостью в области сертификации: {permanent} чел.")
        terms.append(str(permanent))
    if shift_list:
        total = sum(shift_list)
        parts = " + ".join(str(s) for s in shift_list)
        lines.append(
            f"Персонал, работающий посменно, учтён во всех сменах: {parts} = {total} чел. "
            f"({cl['shifts']})."
        )
        clauses.append(cl["shifts"])
        terms.append(str(total))
    if temporary:
        lines.append(f"Временный персонал в области сертификации: {temporary} чел.")
        terms.append(str(temporary))
    if contractors:
        extra = " (для СМБТиОЗ включается обязательно)" if system == "ohs" else ""
        lines.append(f"Персонал подрядчиков в области сертификации{extra}: {contractors} чел.")
        terms.append(str(contractors))
    headcount = permanent + sum(shift_list) + temporary + contractors

    fte = Fraction(0)
    pieces: list[str] = []
    for item in part_time:
        raw_count, raw_hours = _part_time_pair(item)
        count = _count(raw_count, "part_time", minimum=1)
        hours = _hours_per_week(
            raw_hours, "part_time", "часов в неделю должно быть от 0 до {limit}, получено {got}"
        )
        share = count * hours / full
        fte += share
        pieces.append(f"{count} чел. × {fmt_num(hours)} ч / {fmt_num(full)} ч = {fmt_num(share)}")
    if pieces:
        lines.append(
            "Персонал с частичной занятостью пересчитан по отработанным часам в эквивалент "
            f"полной занятости ({cl['part_time']}): " + "; ".join(pieces)
            + (f"; итого {fmt_num(fte)}." if len(pieces) > 1 else ".")
        )
        clauses.append(cl["part_time"])
        terms.append(fmt_num(fte))

    reduction = grouped = 0
    for group in _groups(repetitive):
        count = _count(group.count, "repetitive", minimum=1)
        grouped += count
        if group.counted_as is None:
            kept = math.isqrt(count - 1) + 1 if count > 1 else 1  # ⌈√count⌉
            rule = (
                f"⌈√{count}⌉ = {kept} — правило по умолчанию (выборка по квадратному корню, "
                "как в IAF MD 1); иной документированный метод ООС задаётся явно"
            )
        else:
            kept = _count(group.counted_as, "repetitive", minimum=1)
            if kept > count:
                raise AuditTimeInputError(
                    f"группа из {count} чел. не может учитываться как {kept}", "repetitive"
                )
            rule = "по документированному методу ООС"
        reduction += count - kept
        role = f"«{group.role}» " if group.role else ""
        lines.append(
            f"Аналогичные и повторяющиеся функции ({cl['repetitive']}): группа {role}"
            f"из {count} чел. учтена как {kept} ({rule}); сокращение на {count - kept} чел."
        )
    if grouped > headcount:
        raise AuditTimeInputError(
            f"в повторяющихся группах {grouped} чел., больше учтённого персонала полной "
            f"занятости ({headcount} чел.): группы должны входить в него",
            "repetitive",
        )
    if reduction:
        clauses.append(cl["repetitive"])
        terms.append(f"− {reduction}")
        if system == "ohs":
            lines.append(
                "Для СМБТиОЗ сокращение допускается только с документированной оценкой "
                "рисков в области БТиОЗ для этих должностей (ГОСТ Р 54318-2021, 4.3.4, "
                "перечисления a), b))."
            )

    exact = headcount + fte - reduction
    effective = math.ceil(exact)
    if effective < 1:
        raise AuditTimeInputError(
            "эффективная численность персонала должна быть не меньше 1 чел.; укажите "
            "персонал в области сертификации",
            "permanent",
        )
    sum_text = " + ".join(terms).replace("+ −", "−")
    if exact == effective:
        tail = f"{effective} чел."
    else:
        tail = (
            f"{fmt_num(exact)} → {effective} чел. (дробная часть округлена вверх, чтобы "
            "не занизить полосу таблицы)"
        )
    if len(terms) > 1 or exact != effective:
        lines.append(f"Эффективная численность персонала: {sum_text} = {tail.rstrip('.')}.")
    else:
        lines.append(f"Эффективная численность персонала: {tail}")
    return EffectivePersonnel(
        effective=effective,
        exact=exact,
        headcount=headcount,
        part_time_fte=fte,
        repetitive_reduction=reduction,
        justification=tuple(lines),
        clauses=tuple(dict.fromkeys(clauses)),
    )
