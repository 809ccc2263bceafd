"""Named adjustment factors of ГОСТ Р 54318-2021, section 10.

Each factor has a stable ASCII slug (what case files and ``--factor`` use),
its Russian wording (what the Annex Е form prints), its direction and the
item of section 10 it comes from — per system, because the same idea sits
under different items for QMS, EMS and OH&S (outsourcing is II h) for QMS and
III f) for EMS) and some items exist for one system only.

The direction is part of the factor: a percentage must carry the matching
sign (``maturity=-10``, ``languages=+5``). That keeps a typo from turning a
reduction into an increase, and lets the 30 % cap of 5.9 see what is a
reduction. ``clauses_2011`` gives the item of ГОСТ Р 54318-2011, section 6
where the older edition has one; under ``method="54318-2011"`` a factor
without it is refused rather than silently cited from the newer text.

``high_risk`` / ``low_risk`` are QMS factors only: for EMS and OH&S the risk
of the sector is already the complexity column of the table (СЭМ-2,
СМБТиОЗ-2), and counting it again as a factor would count it twice.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType
from typing import Literal

from formgen.checks.audittime.tables import (
    SYSTEM_LABELS,
    TABLE_E1,
    AuditTimeInputError,
    ceil_half_day,
    fmt_days,
    fmt_num,
    round_half_day,
    to_fraction,
)

__all__ = [
    "FACTORS",
    "MAX_FACTOR_PERCENT",
    "REDUCTION_CAP_PERCENT",
    "Adjusted",
    "Adjustment",
    "Factor",
    "apply_adjustments",
    "collect_factor_options",
    "net_adjustment",
    "parse_factor_option",
    "resolve_factors",
]

Direction = Literal["increase", "decrease"]
MAX_FACTOR_PERCENT = 100
REDUCTION_CAP_PERCENT = 30  # ГОСТ Р 54318-2021, 5.9; ГОСТ Р 54318-2011, 5.1.7
_G21 = "ГОСТ Р 54318-2021, "
_G11 = "ГОСТ Р 54318-2011, "


@dataclass(frozen=True)
class Factor:
    """One named factor; ``clauses`` maps each system it applies to onto its item."""

    slug: str
    label: str
    direction: Direction
    clauses: Mapping[str, str]
    clauses_2011: Mapping[str, str] = field(default_factory=dict)

    @property
    def systems(self) -> tuple[str, ...]:
        return tuple(self.clauses)

    def clause(self, system: str, method: str) -> str | None:
        """Where this factor is written for ``system`` under ``method`` (None: nowhere)."""
        if method == "54318-2011":
            item = self.clauses_2011.get(system)
            return _G11 + item if item else None
        item = self.clauses.get(system)
        return _G21 + item if item else None


@dataclass(frozen=True)
class Adjustment:
    """An applied adjustment as printed: factor name (slug), Russian label, signed
    percent, clause; ``name`` is "adjust" for a net percentage."""

    name: str
    label: str
    percent: float
    direction: Direction
    clause: str
    note: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "label": self.label,
            "percent": self.percent,
            "direction": self.direction,
            "clause": self.clause,
            "note": self.note,
        }


def _f(slug, label, direction, clauses, clauses_2011=None) -> tuple[str, Factor]:
    return slug, Factor(slug, label, direction, MappingProxyType(clauses),
                        MappingProxyType(clauses_2011 or {}))  # fmt: skip


def _all(item: str) -> dict[str, str]:
    return {"qms": item, "ems": item, "ohs": item}


_QE_61 = {"qms": "6.1", "ems": "6.1"}
_QE_62 = {"qms": "6.2", "ems": "6.2"}

FACTORS: Mapping[str, Factor] = MappingProxyType(dict([
    # I — increase, every system
    _f("multiple_sites", "Сложная логистика: несколько зданий или площадок, где проводится "
       "работа", "increase", _all("10, I a)"), _QE_61),
    _f("languages", "Несколько рабочих языков (нужен переводчик или аудиторы не могут "
       "работать по отдельности)", "increase", _all("10, I b)"), _QE_61),
    _f("large_site", "Очень большая площадь мест для данной численности персонала",
       "increase", _all("10, I c)"), _QE_61),
    _f("high_regulation", "Высокая степень законодательного регулирования", "increase",
       _all("10, I d)"), _QE_61),
    _f("complex_processes", "Процессы высокой сложности или большое число уникальных "
       "процессов", "increase", _all("10, I e)"), _QE_61),
    _f("temporary_sites", "Необходимость посещения временных площадок", "increase",
       _all("10, I f)"), _QE_61),
    # II — increase, QMS; III — EMS; IV — OH&S
    _f("high_risk", "Деятельность с высоким уровнем риска (таблица СМК-2)", "increase",
       {"qms": "10, II g)"}),
    _f("outsourcing", "Функции или процессы, переданные на аутсорсинг", "increase",
       {"qms": "10, II h)", "ems": "10, III f)"}),
    _f("sensitive_environment", "Повышенная чувствительность принимающей среды",
       "increase", {"ems": "10, III a)"}, {"ems": "6.1.1"}),
    _f("interested_parties", "Мнения (точка зрения) заинтересованных сторон", "increase",
       {"ems": "10, III b)", "ohs": "10, IV a)"}, {"ems": "6.1.1"}),
    _f("indirect_aspects", "Косвенные экологические аспекты, требующие дополнительного "
       "времени", "increase", {"ems": "10, III c)"}, {"ems": "6.1.1"}),
    _f("unusual_aspects", "Дополнительные или необычные экологические аспекты или "
       "регулируемые условия для сектора", "increase", {"ems": "10, III d)"},
       {"ems": "6.1.1"}),
    _f("accident_risks", "Риски экологических аварий, инцидентов и чрезвычайных ситуаций",
       "increase", {"ems": "10, III e)"}),
    _f("high_incident_rate", "Уровень несчастных случаев и профессиональных заболеваний "
       "выше среднего по отрасли", "increase", {"ohs": "10, IV b)"}),
    _f("public_on_site", "Присутствие представителей общественности на объекте",
       "increase", {"ohs": "10, IV c)"}),
    _f("legal_proceedings", "Судебные разбирательства, связанные с БТиОЗ", "increase",
       {"ohs": "10, IV d)"}),
    _f("contractors_presence", "Временное широкое присутствие подрядчиков и "
       "субподрядчиков", "increase", {"ohs": "10, IV e)"}),
    _f("major_hazards", "Опасные вещества в количествах, создающих риск крупной "
       "промышленной аварии", "increase", {"ohs": "10, IV f)"}),
    _f("foreign_sites", "Объекты в других странах (законодательство и язык не изучены)",
       "increase", {"ohs": "10, IV g)"}),
    # V — decrease
    _f("no_design", "Организация не отвечает за проектирование или иные элементы "
       "стандарта, не включённые в область", "decrease", {"qms": "10, V a)"},
       {"qms": "6.2"}),
    _f("small_site", "Малая площадь объекта для данной численности персонала "
       "(например, только офис)", "decrease", _all("10, V b)"), _QE_62),
    _f("maturity", "Зрелость системы менеджмента", "decrease", _all("10, V c)"), _QE_62),
    _f("prior_knowledge", "Осведомлённость о системе менеджмента клиента (уже "
       "сертифицирован этим ООС по другому стандарту)", "decrease", _all("10, V d)"),
       _QE_62),
    _f("readiness", "Готовность клиента к сертификации (уже сертифицирован или признан "
       "схемой третьей стороны)", "decrease", _all("10, V e)"), _QE_62),
    _f("automation", "Высокий уровень автоматизации", "decrease",
       {"qms": "10, V f)", "ems": "10, V f)"}),
    _f("offsite_staff", "Персонал работает вне места (продавцы, водители), деятельность "
       "проверяема по записям", "decrease", {"qms": "10, V g)", "ems": "10, V g)"},
       _QE_62),
    _f("low_risk", "Деятельность с низким уровнем риска (таблица СМК-2)", "decrease",
       {"qms": "10, V, абзац после перечня; приложение А, таблица СМК-2"}, {"qms": "6.2"}),
    _f("repetitive", "Аналогичные и повторяющиеся процессы значительной доли персонала",
       "decrease", _all("4.3.4"), _QE_62),
]))  # fmt: skip


def _suggest(slug: str) -> str:
    close = difflib.get_close_matches(slug, list(FACTORS), n=3, cutoff=0.6)
    hint = f" Возможно, имелось в виду: {', '.join(close)}." if close else ""
    return hint + " Список факторов: formgen audit-time --list-factors."


def _percent(raw: object, field: str, prefix: str = "") -> Fraction:
    """A factor's or the net adjustment's percentage, refused beyond ±100 %.

    −100 % already removes the whole audit, so anything larger is a typo
    (``-300`` for ``-30``), not a correction. ``prefix`` names the factor.
    """
    pct = to_fraction(raw, field)
    if abs(pct) > MAX_FACTOR_PERCENT:
        raise AuditTimeInputError(
            f"{prefix}{fmt_num(pct)} % — больше ±{MAX_FACTOR_PERCENT} %, "
            "такое значение не может быть поправкой",
            field,
        )
    return pct


def _with_table_e1_note(clause: str, method: str) -> str:
    """The clause of an adjustment, plus note 2 to table Е.1 under ГОСТ Р 54298-2010.

    Annex Е names no factors: its note 2 only asks for them, so an adjustment
    under that method cites the current items of section 10 and the note.
    """
    if method == "54298-2010":
        return clause + "; " + TABLE_E1 + ", примечание 2"
    return clause


def resolve_factors(
    factors: Mapping[str, object],
    system: str,
    method: str,
    notes: Mapping[str, str] | None = None,
) -> tuple[Adjustment, ...]:
    """Check named factors against the registry and turn them into adjustments.

    Refused: an unknown name, a factor that does not apply to ``system`` or is
    absent from the chosen edition, a sign against the factor's direction,
    a percentage beyond ±100 %. Under ГОСТ Р 54298-2010 (whose Annex Е names
    no factors, only asks for them in note 2 to table Е.1) the current items
    of section 10 are cited.
    """
    notes = notes or {}
    out: list[Adjustment] = []
    for slug, raw in factors.items():
        factor = FACTORS.get(slug)
        if factor is None:
            raise AuditTimeInputError(f"неизвестный фактор «{slug}».{_suggest(slug)}", "factors")
        clause = factor.clause(system, method)
        if clause is None:
            where = (
                "в ГОСТ Р 54318-2011, раздел 6"
                if method == "54318-2011" and system in factor.systems
                else f"для {SYSTEM_LABELS[system]}"
            )
            raise AuditTimeInputError(
                f"фактор «{slug}» не предусмотрен {where}; применим к: "
                + ", ".join(SYSTEM_LABELS[s] for s in factor.systems)
                + ".",
                "factors",
            )
        pct = _percent(raw, "factors", f"фактор «{slug}»: ")
        if (pct < 0 and factor.direction == "increase") or (
            pct > 0 and factor.direction == "decrease"
        ):
            verb, sign = (
                ("увеличивает", "положительный")
                if factor.direction == "increase"
                else ("уменьшает", "отрицательный")
            )
            raise AuditTimeInputError(
                f"фактор «{slug}» {verb} время аудита ({clause}): укажите {sign} процент, "
                f"получено {fmt_num(pct)}",
                "factors",
            )
        out.append(
            Adjustment(
                slug,
                factor.label,
                float(pct),
                factor.direction,
                _with_table_e1_note(clause, method),
                notes.get(slug),
            )
        )
    unknown_notes = set(notes) - set(factors)
    if unknown_notes:
        raise AuditTimeInputError(
            "обоснование дано для фактора, которого нет в списке: "
            + ", ".join(sorted(unknown_notes)),
            "factor_notes",
        )
    return tuple(out)


def net_adjustment(adjust: object, method: str) -> Adjustment:
    """A single net percentage standing for all factors weighed elsewhere."""
    pct = _percent(adjust, "adjust")
    clause = _with_table_e1_note(
        _G11 + "5.1.3; раздел 6" if method == "54318-2011" else _G21 + "5.7; раздел 10", method
    )
    return Adjustment(
        "adjust",
        "Итоговая поправка по совокупности факторов, без разбивки",
        float(pct),
        "decrease" if pct < 0 else "increase",
        clause,
    )


def parse_factor_option(text: str) -> tuple[str, Fraction]:
    """Read ``NAME=PCT`` (``maturity=-10``, ``languages=+5%``, ``small_site=-7,5``)."""
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or not name or not value.strip():
        raise AuditTimeInputError(
            f"ожидается ИМЯ=ПРОЦЕНТ (например maturity=-10), получено «{text}»", "factors"
        )
    return name, to_fraction(value.strip().removesuffix("%").strip(), "factors")


def collect_factor_options(items: Iterable[str]) -> dict[str, Fraction]:
    """Parse repeated ``--factor`` options; a factor named twice is refused.

    Section 10, note 1 allows each reducing factor once per calculation; the
    same holds here for every factor so that one consideration is not
    counted twice.
    """
    out: dict[str, Fraction] = {}
    for item in items:
        name, pct = parse_factor_option(item)
        if name in out:
            raise AuditTimeInputError(
                f"фактор «{name}» указан дважды (ГОСТ Р 54318-2021, 10, примечание 1: "
                "каждый фактор учитывается один раз)",
                "factors",
            )
        out[name] = pct
    return out



@dataclass(frozen=True)
class Adjusted:
    """The table value after the adjustments, the 30 % cap and the rounding."""

    requested: Fraction
    applied: Fraction
    capped: bool
    floor_days: Fraction
    exact: Fraction
    initial: Fraction
    lines: tuple[str, ...]
    clauses: tuple[str, ...]


def _signed(pct: Fraction) -> str:
    text = fmt_num(pct)
    return "\u2212" + text[1:] if text.startswith("-") else "+" + text


def apply_adjustments(
    base: Fraction, adjustments: Iterable[Adjustment], cap_clause: str, rounding_clause: str
) -> Adjusted:
    """Apply signed percentages to the table value ``base`` within the 30 % cap.

    The cap bounds the net change against the table value: increasing
    factors may offset reducing ones (section 10), and a net reduction
    beyond 30 % is cut to 30 %. It is checked once more after rounding to a
    half day, which could otherwise undercut 70 % of the table value (1.5 ×
    0.7 = 1.05 would round to 1); then the result is rounded up instead.
    """
    lines: list[str] = []
    clauses: list[str] = []
    percents = [(a, to_fraction(a.percent, "factors")) for a in adjustments]
    for a, pct in percents:
        note = f" — {a.note}" if a.note else ""
        lines.append(f"Поправка {_signed(pct)} %: {a.label} ({a.clause}){note}.")
        clauses.append(a.clause)
    requested = sum((pct for _, pct in percents), Fraction(0))
    gross_down = sum((pct for _, pct in percents if pct < 0), Fraction(0))
    cap = -Fraction(REDUCTION_CAP_PERCENT)
    applied, capped = requested, False
    if requested < cap:
        applied, capped = cap, True
        lines.append(
            f"Суммарное сокращение {fmt_num(-requested)} % больше допустимых "
            f"{REDUCTION_CAP_PERCENT} % от табличного значения ({cap_clause}): применено "
            f"сокращение {REDUCTION_CAP_PERCENT} %."
        )
        clauses.append(cap_clause)
    elif gross_down < cap:
        lines.append(
            f"Уменьшающие факторы ({_signed(gross_down)} %) частично компенсированы "
            f"увеличивающими: итог {_signed(requested)} % в пределах "
            f"{REDUCTION_CAP_PERCENT} % ({cap_clause})."
        )
        clauses.append(cap_clause)
    exact = base * (1 + applied / 100)
    initial = round_half_day(exact)
    if percents:
        lines.append(
            f"С поправкой {_signed(applied)} %: {fmt_num(base)} × "
            f"{fmt_num(1 + applied / 100, 4)} = {fmt_num(exact, 4)} аудито-дн."
        )
    floor_days = base * (1 + cap / 100)
    if initial < floor_days:
        initial, capped = ceil_half_day(floor_days), True
        lines.append(
            "Округление до ближайшей половины дня дало бы сокращение больше "
            f"{REDUCTION_CAP_PERCENT} % (нужно не менее {fmt_num(floor_days)} дн., "
            f"{cap_clause}): время округлено вверх до {fmt_days(initial)}."
        )
        clauses.append(cap_clause)
    elif initial != exact:
        lines.append(
            f"Округление до ближайшей половины рабочего дня ({rounding_clause}): "
            f"{fmt_num(exact, 4)} → {fmt_days(initial)}."
        )
        clauses.append(rounding_clause)
    return Adjusted(
        requested, applied, capped, floor_days, exact, initial, tuple(lines), tuple(clauses)
    )
