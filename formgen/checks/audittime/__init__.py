"""Audit time of QMS, EMS and OH&S certification audits (ГОСТ Р 54318-2021 = IAF MD 5:2019).

Used by the Annex Е form (оценка трудозатрат) and by ``formgen audit-time``.
The starting point is the table value for the effective number of personnel
(Annexes А, В, С), adjusted by the named factors of section 10 within the
30 % cap of 5.9, rounded to half days (4.2.3); surveillance, recertification,
stage split and the on-site minimum follow. Every step leaves a Russian
sentence in ``AuditTimeResult.justification`` and its clause in ``clauses``.

The older tables stay selectable for cases planned under them:
``method="54318-2011"`` and ``method="54298-2010"`` (Annex Е, table Е.1, with
its ± range).

    >>> from formgen.checks.audittime import AuditTimeRequest, compute_audit_time
    >>> res = compute_audit_time(AuditTimeRequest("ems", 150, "high"))
    >>> res.initial_days, res.surveillance_days, res.recertification_days
    (12.0, 4.0, 8.0)
"""

from formgen.checks.audittime.calc import (
    REDUCTION_CAP_PERCENT,
    RULES,
    AuditTimeRequest,
    AuditTimeResult,
    MethodRules,
    compute_audit_time,
)
from formgen.checks.audittime.factors import (
    FACTORS,
    Adjustment,
    Factor,
    collect_factor_options,
    parse_factor_option,
)
from formgen.checks.audittime.personnel import (
    EffectivePersonnel,
    RepetitiveGroup,
    effective_personnel,
)
from formgen.checks.audittime.tables import (
    COMPLEXITY_LABELS,
    METHODS,
    SYSTEM_LABELS,
    SYSTEMS,
    TABLES,
    AuditTimeInputError,
    round_half_day,
)

__all__ = [
    "COMPLEXITY_LABELS",
    "FACTORS",
    "METHODS",
    "REDUCTION_CAP_PERCENT",
    "RULES",
    "SYSTEMS",
    "SYSTEM_LABELS",
    "TABLES",
    "Adjustment",
    "AuditTimeInputError",
    "AuditTimeRequest",
    "AuditTimeResult",
    "EffectivePersonnel",
    "Factor",
    "MethodRules",
    "RepetitiveGroup",
    "collect_factor_options",
    "compute_audit_time",
    "effective_personnel",
    "parse_factor_option",
    "round_half_day",
]
