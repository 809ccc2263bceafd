"""Audit days planned in the case against the audit-time calculation (ГОСТ Р 54318-2021).

The body plans audit days (Annex Е of ГОСТ Р 54298-2010, 7.2.3) from the
tables of ГОСТ Р 54318-2021; ``formgen.checks.audittime`` computes the same
figures from the case's own estimate data. The hard limits: the time may be
reduced by no more than 30 % of the table value (5.9), and the audit on site
is no less than 80 % of the audit time (4.1.2). A surveillance is about 1/3 of
the initial audit time (section 7), a recertification about 2/3 (section 8).

A time estimate on stage 1 or stage 2 describes the initial audit (stage 1 +
stage 2, as the tables do): when both stages carry planned days they are
added up and compared with the initial time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from formgen.case.model import Audit, Case, TimeEstimate
from formgen.checks.audittime import RULES as TIME_RULES
from formgen.checks.audittime import AuditTimeInputError, AuditTimeResult, compute_audit_time
from formgen.checks.audittime.tables import fmt_num
from formgen.checks.audittime_case import request_from_estimate
from formgen.checks.rules.finding import GOST_AUDIT_TIME, Finding, error, gost, warning
from formgen.checks.rules.registry import rule

__all__ = ["Planned", "estimate", "planned_audits"]

_EPS = 1e-9
_SHARE_RECERT = Fraction(2, 3)
_LABEL = {  # genitive: «для …»
    "initial": "первоначального аудита (этап 1 + этап 2)",
    "surveillance": "надзорного аудита (инспекционного контроля)",
    "recertification": "ресертификационного аудита",
}
_ON = {  # accusative: «на …»
    "initial": "первоначальный аудит (этап 1 + этап 2)",
    "surveillance": "надзорный аудит (инспекционный контроль)",
    "recertification": "ресертификационный аудит",
}


def _g(*clauses: str) -> str:
    return gost(*clauses, standard=GOST_AUDIT_TIME)


def estimate(time: TimeEstimate) -> AuditTimeResult:
    """The calculator's result for a case's time estimate, as the Annex Е form computes it.

    Raises ``AuditTimeInputError`` when the estimate cannot be computed.
    """
    return compute_audit_time(request_from_estimate(time))


@dataclass(frozen=True)
class Planned:
    """Days planned for one audit (or the two stages together) and the estimate behind them."""

    index: int  # the audit whose time estimate is used
    audit: Audit
    kind: str  # initial / surveillance / recertification
    days: float
    onsite: float | None
    stages: str  # audit ids the days cover, for messages


def planned_audits(case: Case) -> list[Planned]:
    """Every audit with planned days, stages 1 and 2 of one certification taken together."""
    result: list[Planned] = []
    taken: set[int] = set()
    for a, audit in enumerate(case.audits):
        time = audit.time
        if time is None or time.planned_days is None or a in taken:
            continue
        if audit.kind == "surveillance" or audit.kind == "recertification":
            result.append(Planned(a, audit, audit.kind, time.planned_days, time.planned_onsite_days,
                                  audit.id))
        elif audit.kind == "stage2":
            days, onsite, ids = time.planned_days, time.planned_onsite_days, [audit.id]
            stage1 = _stage1_before(case, audit)
            if stage1 is not None:
                s = case.audits[stage1]
                if s.time and s.time.planned_days:
                    taken.add(stage1)
                    days += s.time.planned_days
                    onsite = (onsite or 0) + (s.time.planned_onsite_days or 0) or None
                    ids.insert(0, s.id)
            result.append(Planned(a, audit, "initial", days, onsite, " + ".join(ids)))
        elif audit.kind == "stage1" and not _stage2_after_with_time(case, audit):
            result.append(Planned(a, audit, "initial", time.planned_days, time.planned_onsite_days,
                                  audit.id))
    return result


def _stage1_before(case: Case, audit: Audit) -> int | None:
    found = [(x.end, i) for i, x in enumerate(case.audits) if x.kind == "stage1" and x.end <= audit.start]
    return max(found)[1] if found else None


def _stage2_after_with_time(case: Case, stage1: Audit) -> bool:
    return any(
        x.kind == "stage2" and x.start >= stage1.end and x.time and x.time.planned_days
        for x in case.audits
    )


def _computed(plan: Planned, res: AuditTimeResult) -> tuple[float, float, float | None]:
    """(computed days, on-site minimum, table value or None) for the kind of audit planned."""
    share = {"initial": Fraction(1), "surveillance": TIME_RULES[res.method].surveillance_share,
             "recertification": _SHARE_RECERT}[plan.kind]
    table = None if res.individual else float(Fraction(res.base_days) * share)
    if plan.kind == "surveillance":
        return res.surveillance_days, res.surveillance_onsite_min_days, table
    if plan.kind == "recertification":
        return res.recertification_days, res.recertification_onsite_min_days, table
    return res.initial_days, res.onsite_min_days, table


def _results(case: Case) -> Iterator[tuple[Planned, AuditTimeResult | AuditTimeInputError]]:
    for plan in planned_audits(case):
        try:
            yield plan, estimate(plan.audit.time)
        except AuditTimeInputError as exc:
            yield plan, exc


def _n(value: float) -> str:
    return fmt_num(value)


@rule("audit-time-estimate")
def audit_time_estimate(case: Case) -> Iterator[Finding]:
    """The audit-time estimate behind planned days can be computed (ГОСТ Р 54298-2010, 7.2.3)."""
    for plan, res in _results(case):
        if isinstance(res, AuditTimeInputError):
            field = res.field if res.field in TimeEstimate.model_fields else None
            path = ("audits", plan.index, "time", *([field] if field else []))
            yield error(
                path, gost("7.2.3"),
                f"трудозатраты аудита «{plan.audit.id}» не рассчитываются по ГОСТ Р 54318: {res.reason}",
            )


@rule("audit-days-reduction")
def audit_days_reduction(case: Case) -> Iterator[Finding]:
    """Planned days are no more than 30 % below the table value (ГОСТ Р 54318-2021, 5.9)."""
    for plan, res in _results(case):
        if isinstance(res, AuditTimeInputError):
            continue
        _, _, table = _computed(plan, res)
        if table is None:
            continue
        floor = table * 0.7
        if plan.days + _EPS < floor:
            yield error(
                ("audits", plan.index, "time", "planned_days"), _g("5.9"),
                f"на {_ON[plan.kind]} «{plan.stages}» запланировано {_n(plan.days)} аудито-дн., меньше "
                f"70 % табличного значения {_n(table)} ({res.table}) — {_n(floor)}; сокращение "
                f"не должно превышать 30 %",
            )


@rule("audit-days-below-estimate")
def audit_days_below_estimate(case: Case) -> Iterator[Finding]:
    """Planned days below the computed time need a recorded reason (ГОСТ Р 54318-2021, 5.7, 7, 8)."""
    clauses = {"initial": ("5.7",), "surveillance": ("5.7", "раздел 7"),
               "recertification": ("5.7", "раздел 8")}
    for plan, res in _results(case):
        if isinstance(res, AuditTimeInputError):
            continue
        computed, _, _ = _computed(plan, res)
        if plan.days + _EPS < computed:
            yield warning(
                ("audits", plan.index, "time", "planned_days"), _g(*clauses[plan.kind]),
                f"на {_ON[plan.kind]} «{plan.stages}» запланировано {_n(plan.days)} аудито-дн., "
                f"меньше расчётных {_n(computed)} (таблица, факторы, доля 1/3 или 2/3); "
                f"обоснуйте расхождение",
            )


@rule("audit-days-onsite")
def audit_days_onsite(case: Case) -> Iterator[Finding]:
    """The audit on site is no less than 80 % of the audit time (ГОСТ Р 54318-2021, 4.1.2, 6.1)."""
    for plan, res in _results(case):
        if plan.onsite is None:
            continue
        path = ("audits", plan.index, "time", "planned_onsite_days")
        label = f"{_LABEL[plan.kind]} «{plan.stages}»"
        if plan.onsite > plan.days + _EPS:
            yield error(
                path, _g("4.1.1"),
                f"на месте запланировано {_n(plan.onsite)} дн. — больше всего времени {label} "
                f"({_n(plan.days)})",
            )
        elif plan.onsite + _EPS < plan.days * 0.8:
            yield error(
                path, _g("4.1.2"),
                f"на месте запланировано {_n(plan.onsite)} дн. из {_n(plan.days)} для {label} — "
                f"меньше 80 % ({_n(plan.days * 0.8)})",
            )
        elif not isinstance(res, AuditTimeInputError):
            _, onsite_min, _ = _computed(plan, res)
            if plan.onsite + _EPS < onsite_min:
                yield warning(
                    path, _g("4.1.2", "6.1"),
                    f"на месте запланировано {_n(plan.onsite)} дн. для {label}, меньше 80 % расчётного "
                    f"времени аудита ({_n(onsite_min)} дн.)",
                )

