"""Audit time of an initial, surveillance and recertification audit.

The order of the steps is the one ГОСТ Р 54318-2021, 5.7 prescribes: a
starting point from the table by effective personnel, then adjustments by
the factors of section 10, each step recorded. Pure: no I/O, every number
exact (``Fraction``) until it is handed out as a float that is a multiple of
half a day.

Rules the tool adds where the standards leave a choice, each stated in the
justification it prints:

* ties of the half-day rounding go up (5.25 → 5.5), see ``round_half_day``;
* the 30 % cap of 5.9 bounds the *net* change (increasing factors may
  offset reducing ones, section 10), and is re-checked after rounding: if
  rounding would take the result below 70 % of the table value it is
  rounded up instead;
* the on-site minimum (80 %, 4.1.2) is rounded up, never to the nearest;
* stage 1 is a third of the initial time rounded down to a half day (at
  least half a day), stage 2 the rest: so stage 2 is at least twice stage 1
  (5.1, note) and at least one day (ГОСТ Р 54318-2011, 5.2.3, note 3);
* surveillance and recertification are never below one day (notes to
  sections 7 and 8).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType

from formgen.checks.audittime.factors import (
    REDUCTION_CAP_PERCENT,
    Adjustment,
    apply_adjustments,
    net_adjustment,
    resolve_factors,
)
from formgen.checks.audittime.personnel import (
    EffectivePersonnel,
    personnel_clause,
    resolve_personnel,
)
from formgen.checks.audittime.tables import (
    COMPLEXITY_LABELS,
    METHODS,
    SYSTEM_LABELS,
    SYSTEMS,
    TABLE_E1,
    TABLES,
    AuditTimeInputError,
    BandTable,
    ceil_half_day,
    floor_half_day,
    fmt_days,
    fmt_num,
    round_half_day,
    to_fraction,
)

__all__ = [
    "REDUCTION_CAP_PERCENT",
    "RULES",
    "AuditTimeRequest",
    "AuditTimeResult",
    "MethodRules",
    "compute_audit_time",
]

ONSITE_SHARE = Fraction(4, 5)
RECERT_SHARE = Fraction(2, 3)
MIN_SPECIAL_DAYS = Fraction(3, 2)  # half a day of stage 1 + one day of stage 2


@dataclass(frozen=True)
class MethodRules:
    """Where each step is written, per edition.

    Where an older edition is silent (rounding, the one-day minimum; for
    Annex Е also the 30 % cap and the 80 % on-site share) the current
    ГОСТ Р 54318-2021 is cited.
    """

    standard: str
    cap: str
    rounding: str
    onsite: str
    surveillance_share: Fraction
    surveillance: str
    recertification: str
    complexity: Mapping[str, str]
    special: Mapping[str, str]
    min_one_day: str = "ГОСТ Р 54318-2021, раздел 7, примечание; раздел 8, примечание"
    stages: str = "ГОСТ Р 54318-2021, 5.1, примечание; ГОСТ Р 54318-2011, 5.2.3, примечание 3"


_G21, _G11, _E1 = "ГОСТ Р 54318-2021, ", "ГОСТ Р 54318-2011, ", TABLE_E1
RULES: Mapping[str, MethodRules] = MappingProxyType({
    "54318-2021": MethodRules(
        "ГОСТ Р 54318-2021", _G21 + "5.9", _G21 + "4.2.3", _G21 + "4.1.2", Fraction(1, 3),
        _G21 + "раздел 7", _G21 + "раздел 8",
        MappingProxyType({"qms": _G21 + "приложение А, таблица СМК-2, примечание 1",
                          "ems": _G21 + "приложение В, таблица СЭМ-2",
                          "ohs": _G21 + "приложение С, таблица СМБТиОЗ-2"}),
        MappingProxyType({"ems": _G21 + "приложение В, последний абзац"}),
    ),
    "54318-2011": MethodRules(
        "ГОСТ Р 54318-2011", _G11 + "5.1.7", _G21 + "4.2.3", _G11 + "4.2", Fraction(1, 3),
        _G11 + "5.3.2", _G11 + "5.4.2",
        MappingProxyType({"ems": _G11 + "приложение Б, таблица Б.2"}),
        MappingProxyType({"ems": _G11 + "приложение Б"}),
    ),
    "54298-2010": MethodRules(
        "ГОСТ Р 54298-2010", _G21 + "5.9", _G21 + "4.2.3",
        _G21 + "4.1.2; " + _E1 + ", примечание 5", Fraction(1, 2),
        _E1 + ", примечание 6", _E1 + ", примечание 8",
        MappingProxyType({"ems": "ГОСТ Р 54298-2010, приложение Е, Е.3"}),
        MappingProxyType({"ems": _E1 + ", примечание 1"}),
    ),
})  # fmt: skip


@dataclass(frozen=True)
class AuditTimeRequest:
    """What the calculation needs; validated by ``compute_audit_time``.

    ``personnel`` is the effective number, or the ``EffectivePersonnel``
    that explains it (its lines then open the justification). ``factors``
    maps factor slugs (``FACTORS``) to signed percentages; ``adjust`` is a
    net percentage instead of them. ``days`` with ``reason`` is the
    individual time of the special complexity category.
    """

    system: str
    personnel: int | EffectivePersonnel
    complexity: str | None = None
    factors: Mapping[str, float] = field(default_factory=dict)
    adjust: float | None = None
    method: str = "54318-2021"
    days: float | None = None
    reason: str | None = None
    factor_notes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditTimeResult:
    """Every figure of the estimate, the clauses behind them and the reasoning."""

    system: str
    method: str
    complexity: str | None
    personnel: int
    table: str | None
    band: str | None
    base_days: float
    base_range: tuple[float, float] | None
    extrapolated: bool
    individual: bool
    adjustments: tuple[Adjustment, ...]
    requested_percent: float
    applied_percent: float
    reduction_capped: bool
    reduction_cap_percent: float
    reduction_floor_days: float | None
    adjusted_days: float
    initial_days: float
    stage1_days: float
    stage2_days: float
    onsite_min_days: float
    surveillance_days: float
    surveillance_onsite_min_days: float
    recertification_days: float
    recertification_onsite_min_days: float
    within_range: bool | None
    clauses: tuple[str, ...]
    justification: tuple[str, ...]
    personnel_breakdown: EffectivePersonnel | None = None

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: floats, lists and dicts only."""
        out: dict[str, object] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if name == "adjustments":
                value = [a.to_dict() for a in value]
            elif name == "personnel_breakdown":
                value = value.to_dict() if value is not None else None
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out


def _arrow(exact: Fraction, days: Fraction) -> str:
    """"4 аудито-дня" or "2,33 → 2,5 аудито-дня" when rounding or a minimum changed it."""
    return fmt_days(days) if exact == days else f"{fmt_num(exact)} → {fmt_days(days)}"


def _atomic(clauses: list[str]) -> tuple[str, ...]:
    """Split "ГОСТ Р X, 5.1; ГОСТ Р Y, 6" and "ГОСТ Р X, 5.7; раздел 10" into single
    references, each with its standard, without repeats."""
    out: list[str] = []
    for clause in clauses:
        standard = ""
        for part in clause.split("; "):
            if part.startswith("ГОСТ Р"):
                standard = part.split(", ")[0]
                out.append(part)
            else:
                out.append(f"{standard}, {part}")
    return tuple(dict.fromkeys(out))


def _norm(value: object, field_name: str) -> str:
    if not isinstance(value, str):
        raise AuditTimeInputError(f"ожидается строка, получено {value!r}", field_name)
    return value.strip().lower()


def _check_scope(system: str, method: str, complexity: str | None) -> str:
    """Validate system, method and complexity together; return the table column."""
    if system not in SYSTEMS:
        raise AuditTimeInputError(
            f"неизвестная система менеджмента «{system}»; допустимо: qms (СМК), "
            "ems (СЭМ), ohs (СМБТиОЗ)",
            "system",
        )
    if method not in METHODS:
        raise AuditTimeInputError(
            f"неизвестный метод «{method}»; допустимо: " + ", ".join(METHODS), "method"
        )
    if (method, system) not in TABLES:
        scope = "только СЭМ" if method == "54298-2010" else "только СМК и СЭМ"
        raise AuditTimeInputError(
            f"{RULES[method].standard} не содержит таблицы для {SYSTEM_LABELS[system]} "
            f"(охватывает {scope}); используйте метод 54318-2021",
            "method",
        )
    columns = TABLES[method, system].categories
    if system == "qms":
        if complexity in (None, "medium"):
            return "medium"
        raise AuditTimeInputError(
            f"для СМК категория сложности не задаётся (получено «{complexity}»): таблица "
            "СМК-1 соответствует средней категории риска, высокий и низкий риск "
            "учитываются факторами high_risk и low_risk (ГОСТ Р 54318-2021, раздел 10)",
            "complexity",
        )
    special = ("special",) if system in RULES[method].special else ()
    allowed = ", ".join(columns + special)
    if complexity is None:
        raise AuditTimeInputError(
            f"для {SYSTEM_LABELS[system]} нужна категория сложности: {allowed}", "complexity"
        )
    if complexity == "special" and system in RULES[method].special:
        return "special"
    if complexity not in columns:
        raise AuditTimeInputError(
            f"категория сложности «{complexity}» не предусмотрена для "
            f"{SYSTEM_LABELS[system]} ({RULES[method].standard}); допустимо: {allowed}",
            "complexity",
        )
    return complexity


def compute_audit_time(req: AuditTimeRequest) -> AuditTimeResult:
    """Compute the audit time of ``req`` or raise ``AuditTimeInputError`` (in Russian)."""
    system, method = _norm(req.system, "system"), _norm(req.method, "method")
    complexity = None if req.complexity is None else _norm(req.complexity, "complexity")
    column = _check_scope(system, method, complexity)
    rules = RULES[method]
    personnel, breakdown = resolve_personnel(req.personnel)
    factors = dict(req.factors or {})
    if factors and req.adjust is not None:
        raise AuditTimeInputError(
            "укажите либо факторы по отдельности, либо итоговую поправку, но не оба "
            "сразу: иначе одни и те же обстоятельства учитываются дважды",
            "adjust",
        )
    if column != "special" and (req.days is not None or req.reason):
        raise AuditTimeInputError(
            "индивидуальное время (days, reason) допускается только для особой категории "
            "сложности (special); для остальных — табличное значение и факторы раздела 10",
            "days",
        )
    if breakdown is not None and breakdown.repetitive_reduction and "repetitive" in factors:
        raise AuditTimeInputError(
            "повторяющиеся функции уже уменьшили эффективную численность персонала "
            "(4.3.4); фактор «repetitive» учёл бы их второй раз",
            "factors",
        )

    lines: list[str] = list(breakdown.justification) if breakdown else []
    clauses: list[str] = list(breakdown.clauses) if breakdown else []
    if breakdown is None:
        lines.append(f"Эффективная численность персонала: {personnel} чел.")
        clauses.append(personnel_clause(method))
    if column == "special":
        return _individual(req, system, method, personnel, breakdown, factors, lines, clauses)

    table = TABLES[method, system]
    found = table.lookup(personnel, column)
    if system == "qms":
        lines.append(
            "Для СМК таблица зависит только от численности и соответствует средней категории "
            "риска; высокий и низкий риск (таблица СМК-2) учитываются факторами."
        )
        if "qms" in rules.complexity:
            clauses.append(rules.complexity["qms"])
    else:
        lines.append(
            f"Категория сложности: {COMPLEXITY_LABELS[column]} ({rules.complexity[system]})."
        )
        clauses.append(rules.complexity[system])
    lines.extend(found.notes)
    clauses.extend(found.clauses)
    spread = f" ± {fmt_num(found.spread)}" if found.spread is not None else ""
    where = f"{found.band} чел." if isinstance(table, BandTable) else found.band
    lines.append(
        f"Исходное время первоначального аудита (этап 1 + этап 2) по {table.source}, "
        f"{where}: {fmt_days(found.days)}{spread}"
        + (
            f" (диапазон {fmt_num(found.range[0])}–{fmt_num(found.range[1])})."
            if found.range
            else "."
        )
    )

    if factors:
        adjustments = resolve_factors(factors, system, method, req.factor_notes)
    elif req.adjust is not None:
        adjustments = (net_adjustment(req.adjust, method),)
    else:
        adjustments = ()
    base = found.days
    step = apply_adjustments(base, adjustments, rules.cap, rules.rounding)
    initial = step.initial
    lines.extend(step.lines)
    clauses.extend(step.clauses)
    within = None
    if found.range is not None:
        within = found.range[0] <= initial <= found.range[1]
        if not within:
            lines.append(
                f"Внимание: {fmt_days(initial)} вне диапазона таблицы Е.1 "
                f"({fmt_num(found.range[0])}–{fmt_num(found.range[1])}); отклонение "
                "требует отдельного обоснования."
            )
    return _finish(
        initial, lines, clauses,
        system=system, method=method, complexity=None if system == "qms" else column,
        personnel=personnel, personnel_breakdown=breakdown, table=table.source,
        band=found.band, base_days=float(base), extrapolated=found.extrapolated,
        base_range=(float(found.range[0]), float(found.range[1])) if found.range else None,
        individual=False, adjustments=adjustments, requested_percent=float(step.requested),
        applied_percent=float(step.applied), reduction_capped=step.capped,
        reduction_floor_days=float(step.floor_days), adjusted_days=float(step.exact),
        within_range=within,
    )  # fmt: skip


def _individual(req, system, method, personnel, breakdown, factors, lines, clauses):
    """Special complexity: no table value; the body's own figure and its reason."""
    rules = RULES[method]
    clause = rules.special[system]
    if req.days is None or not (req.reason or "").strip():
        raise AuditTimeInputError(
            "особая категория сложности не охвачена таблицей: время аудита определяется "
            f"индивидуально ({clause}) — укажите число дней (days, --days) и обоснование "
            "(reason, --reason)",
            "days" if req.days is None else "reason",
        )
    if factors or req.adjust is not None:
        raise AuditTimeInputError(
            "для особой категории сложности поправки входят в индивидуальное обоснование "
            "(reason), отдельные факторы не применяются",
            "factors" if factors else "adjust",
        )
    days = to_fraction(req.days, "days")
    initial = round_half_day(days)
    if initial < MIN_SPECIAL_DAYS:
        raise AuditTimeInputError(
            f"индивидуальное время {fmt_num(days)} дн. меньше {fmt_num(MIN_SPECIAL_DAYS)}: "
            "этап 1 не короче половины дня, этап 2 длиннее этапа 1 и не короче одного дня",
            "days",
        )
    lines.append(
        f"Категория сложности: особая. Таблица не применяется, время аудита определено "
        f"индивидуально ({clause}): {fmt_days(days)}. Обоснование: "
        + req.reason.strip().rstrip(".")
        + "."
    )
    clauses.append(clause)
    if initial != days:
        lines.append(
            f"Округление до ближайшей половины рабочего дня ({rules.rounding}): "
            f"{fmt_num(days, 4)} → {fmt_days(initial)}."
        )
        clauses.append(rules.rounding)
    return _finish(
        initial, lines, clauses,
        system=system, method=method, complexity="special", personnel=personnel,
        personnel_breakdown=breakdown, table=None, band=None, base_days=float(days),
        base_range=None, extrapolated=False, individual=True, adjustments=(),
        requested_percent=0.0, applied_percent=0.0, reduction_capped=False,
        reduction_floor_days=None, adjusted_days=float(days), within_range=None,
    )  # fmt: skip


def _finish(
    initial: Fraction, lines: list[str], clauses: list[str], **known: object
) -> AuditTimeResult:
    """Derived audits (stages, on-site, surveillance, recertification) and the result."""
    method = str(known["method"])
    rules = RULES[method]
    stage1 = max(Fraction(1, 2), floor_half_day(initial / 3))
    stage2 = initial - stage1
    onsite = ceil_half_day(initial * ONSITE_SHARE)
    lines.append(
        f"Время первоначального аудита: {fmt_days(initial)}; этап 1 — {fmt_num(stage1)}, "
        f"этап 2 — {fmt_num(stage2)}. Правило деления: этап 1 — треть времени, округлённая "
        "вниз до половины дня (не менее 0,5), этап 2 — остальное, поэтому этап 2 длиннее "
        f"этапа 1 и не короче одного дня ({rules.stages})."
    )
    lines.append(
        f"На месте — не менее {fmt_days(onsite)} (80 % от {fmt_num(initial)} с округлением "
        f"вверх до половины дня; {rules.onsite})."
    )
    share = rules.surveillance_share
    surv_exact = initial * share
    surv = max(Fraction(1), round_half_day(surv_exact))
    recert_exact = initial * RECERT_SHARE
    recert = max(Fraction(1), round_half_day(recert_exact))
    share_text = f"{share.numerator}/{share.denominator}"
    lines.append(
        f"Надзорный аудит (ежегодно): {share_text} × {fmt_num(initial)} = "
        f"{_arrow(surv_exact, surv)} ({rules.surveillance}); на месте — не менее "
        f"{fmt_num(ceil_half_day(surv * ONSITE_SHARE))}."
    )
    lines.append(
        f"Ресертификационный аудит: 2/3 × {fmt_num(initial)} = "
        f"{_arrow(recert_exact, recert)} ({rules.recertification}); на месте — не менее "
        f"{fmt_num(ceil_half_day(recert * ONSITE_SHARE))}. Пересчитывается по данным "
        "организации на момент ресертификации."
    )
    if surv_exact < 1 or recert_exact < 1:
        lines.append(f"Надзорный и ресертификационный аудит — не менее 1 дня ({rules.min_one_day}).")
        clauses.append(rules.min_one_day)
    if not known["individual"] and method != "54318-2021":
        lines.append(
            f"Где {rules.standard} не устанавливает правило (округление, минимум 1 день"
            + (", предел сокращения, доля на месте" if method == "54298-2010" else "")
            + "), применён действующий ГОСТ Р 54318-2021."
        )
    clauses.extend([rules.stages, rules.onsite, rules.surveillance, rules.recertification])
    return AuditTimeResult(
        **known,  # type: ignore[arg-type]
        reduction_cap_percent=float(REDUCTION_CAP_PERCENT),
        initial_days=float(initial),
        stage1_days=float(stage1),
        stage2_days=float(stage2),
        onsite_min_days=float(onsite),
        surveillance_days=float(surv),
        surveillance_onsite_min_days=float(ceil_half_day(surv * ONSITE_SHARE)),
        recertification_days=float(recert),
        recertification_onsite_min_days=float(ceil_half_day(recert * ONSITE_SHARE)),
        clauses=_atomic(clauses),
        justification=tuple(lines),
    )
