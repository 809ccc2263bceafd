"""Rules about nonconformities: deadlines of corrective actions, suspension for К, repeats.

ГОСТ Р 54298-2010 sets the time the corrective-action plan may take, counted
from the closing meeting: 12 weeks when a significant nonconformity exists,
6 weeks when there are only minor ones and notices (7.5.6.6); after a
surveillance audit both significant and minor ones within 6 weeks (7.7.16,
7.7.17); at recertification before the certificate expires (8.2.7). A
critical nonconformity has no fixed term, but while it is being corrected the
certificate must be suspended (7.5.6.6, 7.7.15, 9.3.1).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from formgen.case.model import Case, Nonconformity
from formgen.checks.rules.finding import Finding, error, gost, warning
from formgen.checks.rules.registry import rule
from formgen.checks.rules.timeline import (
    certificates_in_force,
    d,
    nonconformities,
    norm,
    recertifications,
)

_WEEK = dt.timedelta(weeks=1)
_CERTIFICATION = {"stage2", "recertification"}  # 7.5.6.6 (8.2 applies 7.5.2–7.5.9)
_AFTER_CERTIFICATE = {"surveillance", "recertification", "special"}


def _limit(kind: str, category: str, audit_ncs: list[Nonconformity]) -> tuple[int, str] | None:
    """(weeks, clause) the corrective action of one nonconformity may take, or None if not fixed."""
    if category == "К":
        return None  # depends on the consequences (7.5.6.6, 7.7.15)
    if kind == "surveillance":
        return 6, ("7.7.16" if category == "1" else "7.7.17")
    if kind in _CERTIFICATION:
        significant = any(nc.category in {"К", "1"} for nc in audit_ncs)
        return (12, "7.5.6.6") if significant else (6, "7.5.6.6")
    return None


@rule("corrective-action-deadline")
def corrective_action_deadline(case: Case) -> Iterator[Finding]:
    """Corrective actions take at most 12/6 weeks (7.5.6.6), after surveillance 6 weeks (7.7.16, 7.7.17)."""
    for a, audit in enumerate(case.audits):
        for n, nc in enumerate(audit.nonconformities):
            limit = _limit(audit.kind, nc.category, audit.nonconformities)
            if limit is None:
                continue
            weeks, clause = limit
            path = ("audits", a, "nonconformities", n)
            if nc.due_date is None:
                yield warning(
                    path,
                    gost(clause),
                    f"у несоответствия № {nc.number} аудита «{audit.id}» не указан срок корректирующих "
                    f"действий (due_date); срок не должен превышать {weeks} недель от заключительного "
                    f"совещания",
                )
                continue
            latest = audit.closing_date + weeks * _WEEK
            if nc.due_date > latest:
                basis = (
                    "после инспекционного контроля"
                    if audit.kind == "surveillance"
                    else ("при значительных (критических) несоответствиях" if weeks == 12
                          else "при только малозначительных несоответствиях и уведомлениях")
                )
                yield error(
                    (*path, "due_date"),
                    gost(clause),
                    f"срок корректирующих действий по несоответствию № {nc.number} (категория "
                    f"{nc.category}) аудита «{audit.id}» — {d(nc.due_date)}, позже {d(latest)}: "
                    f"{basis} не более {weeks} недель от заключительного совещания "
                    f"{d(audit.closing_date)}",
                )
            elif nc.due_date < audit.start:
                yield error(
                    (*path, "due_date"),
                    gost(clause),
                    f"срок корректирующих действий по несоответствию № {nc.number} аудита «{audit.id}» "
                    f"({d(nc.due_date)}) раньше начала аудита ({d(audit.start)})",
                )


@rule("recertification-corrections-before-expiry")
def recertification_corrections_before_expiry(case: Case) -> Iterator[Finding]:
    """Nonconformities of a recertification are to be corrected before the certificate expires (8.2.7)."""
    for a, audit, current in recertifications(case):
        if current is None:
            continue
        expires = case.valid_until(current)
        for path, _, nc in nonconformities(case, [a]):
            if nc.due_date and nc.due_date > expires:
                yield error(
                    (*path, "due_date"),
                    gost("8.2.7"),
                    f"срок корректирующих действий по несоответствию № {nc.number} ресертификационного "
                    f"аудита «{audit.id}» ({d(nc.due_date)}) позже окончания действия сертификата "
                    f"{current.number} ({d(expires)})",
                )


@rule("critical-suspends-certificate")
def critical_suspends_certificate(case: Case) -> Iterator[Finding]:
    """A critical nonconformity found while a certificate is in force suspends it (7.5.6.6, 7.7.15, 9.3.1)."""
    for a, audit in enumerate(case.audits):
        if audit.kind not in _AFTER_CERTIFICATE:
            continue
        in_force = certificates_in_force(case, audit.start)
        for path, _, nc in nonconformities(case, [a]):
            if nc.category != "К":
                continue
            eff = nc.effectiveness
            if eff and eff.closed and eff.date <= audit.closing_date:
                continue  # eliminated during the audit: nothing left to suspend for
            for _, cert in in_force:
                if _suspended_after(case, cert.number, audit):
                    continue
                yield error(
                    (*path, "category"),
                    gost("7.5.6.6", "7.7.15", "9.3.1"),
                    f"критическое несоответствие № {nc.number} аудита «{audit.id}» ({d(audit.start)}) "
                    f"не устранено в ходе аудита, а решения о приостановлении действия сертификата "
                    f"{cert.number} (или об отмене) нет; на период корректирующих действий "
                    f"по критическому несоответствию действие сертификата приостанавливают",
                )


def _suspended_after(case: Case, number: str, audit) -> bool:
    """Suspended after ``audit`` — or withdrawn on its very act; a withdrawal taken later, on
    another audit, left the certificate in force meanwhile (7.7.15)."""
    return any(
        x.certificate == number and x.positive and x.date >= audit.start
        and (x.kind == "suspend" or (x.kind == "withdraw" and x.audit == audit.id))
        for x in case.decisions
    )


@rule("repeated-nonconformities")
def repeated_nonconformities(case: Case) -> Iterator[Finding]:
    """More than five repeats of one kind suggest a higher category (7.5.6.4)."""
    higher = {"2": "1 (значительное)", "1": "К (критическое)"}
    for a, audit in enumerate(case.audits):
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for n, nc in enumerate(audit.nonconformities):
            if nc.category in higher:
                key = norm(nc.kind).lower() or f"пункт {norm(nc.clause)}"
                groups[(nc.category, key)].append(n)
        for (category, key), members in sorted(groups.items()):
            if len(members) <= 5:
                continue
            numbers = ", ".join(audit.nonconformities[n].number for n in members)
            yield warning(
                ("audits", a, "nonconformities", members[0]),
                gost("7.5.6.4"),
                f"аудит «{audit.id}»: {len(members)} несоответствий категории {category} одного вида "
                f"(«{key}»: № {numbers}); более чем пятикратное повторение даёт основание перевести их "
                f"в категорию {higher[category]}",
            )
