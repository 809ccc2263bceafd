"""Annex Е: оценка трудозатрат на аудит СЭМ — the calculation sheet of one audit.

The figures come from ``formgen.checks.audittime`` (the request is built by
``formgen.checks.audittime_case.request_from_estimate``, as for the rules
engine); this module only lays them out: a table of the calculation steps
with the clause behind each, the calculation's own justification, and the
days planned in the case against the calculated ones, grouped as the rules
engine groups them (``formgen.checks.rules.audit_days.planned_audits``: the
planned days of stages 1 and 2 together against the initial audit time).
"""

from __future__ import annotations

from formgen.case.history import scope_at
from formgen.case.model import AUDIT_KIND_LABELS, Audit, Case
from formgen.checks.audittime import (
    COMPLEXITY_LABELS,
    RULES,
    SYSTEM_LABELS,
    AuditTimeResult,
    compute_audit_time,
)
from formgen.checks.audittime.personnel import personnel_clause
from formgen.checks.audittime.tables import TABLE_E1, fmt_days, fmt_num
from formgen.checks.audittime_case import request_from_estimate
from formgen.checks.rules.audit_days import planned_audits
from formgen.forms.context.common import audit_context, base_context
from formgen.forms.context.effort_e1 import table_e1
from formgen.forms.values import date, join, short_date
from formgen.text.declension import scope_forms
from formgen.wording import phrase

__all__ = ["COMPARED", "build_effort"]

# What planned days are compared with, by the kind of plan (formgen.checks.rules.audit_days):
# (result field, on-site minimum field); the name on the form is the catalogue's effort.compared.*.
COMPARED = {
    "initial": ("initial_days", "onsite_min_days"),
    "surveillance": ("surveillance_days", "surveillance_onsite_min_days"),
    "recertification": ("recertification_days", "recertification_onsite_min_days"),
}
# An audit without planned days is set beside the figure of its kind.
_KIND_PLAN = {"document_review": "initial", "stage1": "initial", "stage2": "initial",
              "surveillance": "surveillance", "recertification": "recertification"}


def build_effort(case: Case, audit: Audit) -> dict:
    """The calculation sheet of ``audit.time``; the case's planned days set beside it."""
    estimate = audit.time
    if estimate is None:  # the registry only makes instances for audits with an estimate
        raise ValueError(f"аудит {audit.id}: нет оценки трудозатрат (time)")
    result = compute_audit_time(request_from_estimate(estimate))
    comparison, planned_note = _comparison(case, audit, result)
    return {
        **base_context(case, audit.start),
        "audit": audit_context(case, audit),
        "effort": {
            # the certification scope on the audit's first day (not a partial audit's own scope),
            # in the nominative its slot «Область сертификации» needs
            "scope": scope_forms(scope_at(case, audit.start)[0])[0],
            "system": SYSTEM_LABELS[result.system],
            "method": RULES[result.method].standard,
            "table": result.table or phrase("effort.no_table"),
            "steps": _numbered(_steps(estimate, result)),
            "justification": _numbered([{"text": line} for line in result.justification]),
            "comparison": comparison,
            "planned_note": planned_note,
            "table_e1": table_e1(result),
            "clauses": _cited([*result.clauses, TABLE_E1]),
            "date": date(None),
        },
    }


def _steps(estimate, res: AuditTimeResult) -> list[dict]:
    """Each step of the calculation: what, how much, where the rule is written."""
    rules = RULES[res.method]
    rows = []
    breakdown = res.personnel_breakdown
    if breakdown is not None:
        rows.append(_row(phrase("effort.full_time"), f"{estimate.personnel} чел."))
        if estimate.part_time:
            groups = join(
                [f"{p.count} чел. × {fmt_num(p.hours_per_week)} ч/нед." for p in estimate.part_time], "; "
            )
            rows.append(_row(phrase("effort.part_time"),
                             f"{groups} → {fmt_num(breakdown.part_time_fte)} чел."))
        if breakdown.repetitive_reduction:
            rows.append(_row(phrase("effort.repetitive"), f"−{breakdown.repetitive_reduction} чел."))
    rows.append(_row(phrase("effort.effective"), f"{res.personnel} чел.",
                     "; ".join(breakdown.clauses) if breakdown else personnel_clause(res.method)))
    if res.complexity and res.complexity != "special":
        rows.append(_row(phrase("effort.complexity"), COMPLEXITY_LABELS[res.complexity],
                         rules.complexity.get(res.system, "")))
    if res.individual:
        rows.append(_row(phrase("effort.special"),
                         fmt_days(res.base_days) + (f" ({estimate.reason})" if estimate.reason else ""),
                         rules.special.get(res.system, "")))
    else:
        spread = ""
        if res.base_range:
            spread = f" (диапазон {fmt_num(res.base_range[0])}–{fmt_num(res.base_range[1])})"
        band = f"{res.band} чел." if (res.band or "")[:1].isdigit() else res.band
        rows.append(_row(phrase("effort.table_value", band=band),
                         fmt_days(res.base_days) + spread, res.table or ""))
    for a in res.adjustments:
        label = phrase("effort.adjustment_note" if a.note else "effort.adjustment",
                       label=a.label, note=a.note)
        rows.append(_row(label, _signed(a.percent) + " %", a.clause))
    if res.adjustments:
        total = _signed(res.applied_percent) + " %"
        if res.reduction_capped and res.requested_percent != res.applied_percent:
            total = (f"{_signed(res.requested_percent)} % → {total} (сокращение не более "
                     f"{fmt_num(res.reduction_cap_percent)} %)")
        rows.append(_row(phrase("effort.total_adjustment"), total, rules.cap if res.reduction_capped else ""))
        rounded = res.adjusted_days != res.initial_days
        value = (f"{fmt_num(res.adjusted_days, 4)} → " if rounded else "") + fmt_days(res.initial_days)
        rows.append(_row(phrase("effort.adjusted_rounded" if rounded else "effort.adjusted"), value,
                         rules.rounding if rounded else ""))
    rows += [
        _row(phrase("effort.initial"), fmt_days(res.initial_days)),
        _row(phrase("effort.stages"), f"{fmt_num(res.stage1_days)} / {fmt_num(res.stage2_days)}",
             rules.stages),
        _row(phrase("effort.onsite"), fmt_days(res.onsite_min_days), rules.onsite),
        _row(phrase("effort.surveillance"), f"{fmt_days(res.surveillance_days)}; на месте не менее "
             f"{fmt_num(res.surveillance_onsite_min_days)}", rules.surveillance),
        _row(phrase("effort.recertification"), f"{fmt_days(res.recertification_days)}; на месте не менее "
             f"{fmt_num(res.recertification_onsite_min_days)}", rules.recertification),
    ]
    return rows


def _comparison(case: Case, audit: Audit, res: AuditTimeResult) -> tuple[list[dict], str]:
    """The days planned in the case against the calculated ones, grouped as the rules group them
    (``planned_audits``): stages 1 and 2 together against the initial audit time, each stage
    beside its share when both carry planned days. The note says what was added up — or, when
    only one stage carries planned days, that they stand for the initial audit as a whole (so the
    table, the comparison and the note read the same figure the same way)."""
    plan = next((p for p in planned_audits(case) if audit.id in p.stages.split(" + ")), None)
    kind = plan.kind if plan else _KIND_PLAN.get(audit.kind)
    if kind is None:  # a special audit: no figure of the calculation applies
        return [], ""
    field, onsite_field = COMPARED[kind]
    name = phrase(f"effort.compared.{kind}")
    calc, onsite = getattr(res, field), getattr(res, onsite_field)
    days, onsite_days = (plan.days, plan.onsite) if plan else (None, None)
    rows = [_compared(f"Трудозатраты на {name}, аудито-дни", calc, days)]
    note = ""
    if plan and kind == "initial":
        covered = [case.audit(i) for i in plan.stages.split(" + ")]
        planned = [(a, a.time.planned_days) for a in covered if a.time and a.time.planned_days]
        if len(planned) == 2:
            (s1, d1), (s2, d2) = planned
            rows += [_compared("этап 1", res.stage1_days, d1), _compared("этап 2", res.stage2_days, d2)]
            note = (f"Запланировано: на этап 1 ({_audit_name(s1)}) — {fmt_days(d1)}, на этап 2 "
                    f"({_audit_name(s2)}) — {fmt_days(d2)}; их сумма, {fmt_days(d1 + d2)}, "
                    "сравнивается с расчётным временем первоначального аудита (этап 1 + этап 2).")
        elif planned:
            (one_audit, d), = planned
            note = (f"Запланированные трудозатраты указаны в деле один раз — для аудита "
                    f"«{_audit_name(one_audit)}», {fmt_days(d)} — и относятся к первоначальному "
                    "аудиту в целом (этап 1 + этап 2); по этапам они не распределены, поэтому "
                    "сравниваются с расчётным временем обоих этапов.")
    rows.append({**_compared("в том числе на месте", onsite, onsite_days),
                 "calculated": f"не менее {fmt_num(onsite)}"})
    return rows, note


def _compared(name: str, calculated: float, planned: float | None) -> dict:
    return {"name": name, "calculated": fmt_num(calculated), "planned": _num(planned),
            "deviation": _deviation(planned, calculated)}


def _audit_name(audit: Audit) -> str:
    dates = short_date(audit.start) + ("" if audit.end == audit.start else f"–{short_date(audit.end)}")
    return f"{AUDIT_KIND_LABELS[audit.kind]}, {dates}"


def _cited(clauses: tuple[str, ...] | list[str]) -> list[dict]:
    """The clauses of the calculation, each once, grouped under their standard (one row each)."""
    grouped: dict[str, list[str]] = {}
    for clause in clauses:
        standard, _, where = clause.partition(", ")
        items = grouped.setdefault(standard, [])
        if where not in items:
            items.append(where)
    return [{"standard": standard, "clauses": "; ".join(items)} for standard, items in grouped.items()]


def _row(name: str, value: str, basis: str = "") -> dict:
    return {"name": name, "value": value, "basis": basis}


def _numbered(rows: list[dict]) -> list[dict]:
    return [{"n": str(i), **row} for i, row in enumerate(rows, 1)]


def _signed(value: float) -> str:
    return ("+" if value > 0 else "\u2212" if value < 0 else "") + fmt_num(abs(value))


def _num(value: float | None) -> str:
    return "" if value is None else fmt_num(value)


def _deviation(planned: float | None, calculated: float | None) -> str:
    if planned is None or calculated is None:
        return ""
    return _signed(planned - calculated) or "0"
