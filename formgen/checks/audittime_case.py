"""A case's audit-time estimate (``TimeEstimate``) as a calculation request.

The one place where the case model meets ``formgen.checks.audittime``: the
Annex Е form and the rules engine both compute from the request built here,
so the form prints the same figures the checks compare against.
"""

from __future__ import annotations

from formgen.case.model import TimeEstimate
from formgen.checks.audittime import AuditTimeInputError, AuditTimeRequest, effective_personnel

__all__ = ["request_from_estimate"]


def request_from_estimate(estimate: TimeEstimate) -> AuditTimeRequest:
    """The ``AuditTimeRequest`` of a case's estimate.

    Part-time groups and staff in repetitive roles make the personnel an
    ``EffectivePersonnel`` (its lines open the justification); otherwise the
    permanent staff is the effective number. Factors keep their notes. A
    factor listed twice is refused (each is counted once, ГОСТ Р 54318-2021,
    10, note 1). Errors are ``AuditTimeInputError`` naming the request field.
    """
    if estimate.part_time or estimate.repetitive:
        personnel: int | object = effective_personnel(
            estimate.personnel,
            estimate.part_time,
            repetitive=estimate.repetitive,
            system=estimate.system,
            method=estimate.method,
        )
    else:
        personnel = estimate.personnel
    factors: dict[str, float] = {}
    notes: dict[str, str] = {}
    for factor in estimate.factors:
        if factor.name in factors:
            raise AuditTimeInputError(
                f"фактор «{factor.name}» указан дважды (ГОСТ Р 54318-2021, 10, примечание 1: "
                "каждый фактор учитывается один раз)",
                "factors",
            )
        factors[factor.name] = factor.percent
        if factor.note:
            notes[factor.name] = factor.note
    return AuditTimeRequest(
        system=estimate.system,
        personnel=personnel,  # type: ignore[arg-type]
        complexity=estimate.complexity,
        factors=factors,
        adjust=estimate.adjust,
        method=estimate.method,
        days=estimate.days,
        reason=estimate.reason,
        factor_notes=notes,
    )
