"""Shared look-ups of the rules: calendar arithmetic, certificate status, names.

The standard counts in weeks ("12 недель") and months ("не позднее чем через
12 месяцев"); a month is the same calendar day later (31 January + 1 month is
28/29 February). Certificate status on a given day comes from ``formgen.case.history``, the
one place that derives it from the decisions, so no rule, form or register
disagrees about whether a certificate was in force.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from formgen.case.history import Suspension, in_force, suspensions, withdrawn_on
from formgen.case.model import Audit, Case, Certificate, Decision, Nonconformity
from formgen.text.dates import numeric_date

__all__ = [
    "DAY",
    "Suspension",
    "add_months",
    "audit_index",
    "certificate_index",
    "certificates_in_force",
    "considered_audits",
    "d",
    "decision_index",
    "in_force",
    "is_management",
    "latest_certificate",
    "nonconformities",
    "norm",
    "person",
    "previous_certificate",
    "recertifications",
    "same_person",
    "suspended_on",
    "suspensions",
    "withdrawn_on",
]

DAY = dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same calendar day ``months`` later, clamped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def d(day: dt.date | None) -> str:
    """15.03.2025 — dates inside messages."""
    return numeric_date(day) or "—"


def norm(text: str | None) -> str:
    """Text with runs of whitespace collapsed: YAML folding must not make scopes differ."""
    return " ".join((text or "").split())


def same_person(case: Case, ref: str) -> str:
    """A staff reference made comparable: the head may be ``head`` or their id."""
    return "head" if ref in {"head", case.body.head.id} else ref


def is_management(case: Case, ref: str) -> bool:
    """The head, the body's declared management, or (when none is declared) staff whose
    position names them a (deputy) head of the body (7.6.2.3, 7.6.4)."""
    if same_person(case, ref) == "head" or case.body.may_decide(ref):
        return True
    if case.body.management:
        return False
    try:
        who = case.body.person(ref)
    except KeyError:
        return True  # a broken reference is the loader's business
    return "руководител" in (who.position or "").lower()


def person(case: Case, ref: str) -> str:
    """«Белова М. А. (belova)» — a staff member as messages name them."""
    try:
        found = case.body.person(ref)
    except KeyError:
        return ref
    return f"{found.surname_initials.replace(chr(0xA0), ' ')} ({ref})"


# -- indexes (paths need list positions) ----------------------------------------
def audit_index(case: Case, audit_id: str) -> int | None:
    return next((i for i, a in enumerate(case.audits) if a.id == audit_id), None)


def decision_index(case: Case, number: str) -> int | None:
    return next((i for i, x in enumerate(case.decisions) if x.number == number), None)


def certificate_index(case: Case, number: str) -> int | None:
    return next((i for i, c in enumerate(case.certificates) if c.number == number), None)


def nonconformities(case: Case, audit_indexes: list[int]) -> Iterator[tuple[tuple, Audit, Nonconformity]]:
    """(path, audit, nonconformity) for every nonconformity of the given audits."""
    for a in audit_indexes:
        audit = case.audits[a]
        for n, nc in enumerate(audit.nonconformities):
            yield ("audits", a, "nonconformities", n), audit, nc


def considered_audits(case: Case, decision: Decision) -> list[int]:
    """Indexes of the audits a decision rests on.

    The decision names one audit; a decision on stage 2 of the initial
    certification also rests on the document review and stage 1 before it
    (the two-stage certification audit is one audit, 7.1.2).
    """
    main = audit_index(case, decision.audit)
    if main is None:
        return []
    audit = case.audits[main]
    result = [main]
    if audit.kind == "stage2":
        result += [
            i for i, a in enumerate(case.audits)
            if a.kind in {"document_review", "stage1"} and a.start <= audit.start
        ]
    return sorted(result)


# -- certificate status: one definition, in formgen.case.history ---------------------
def suspended_on(case: Case, cert: Certificate, day: dt.date) -> Suspension | None:
    """The suspension whose term covers ``day`` (from its decision to ``until`` or restoration)."""
    return next((s for s in suspensions(case, cert) if s.start <= day <= s.end), None)


def certificates_in_force(case: Case, day: dt.date) -> list[tuple[int, Certificate]]:
    return [(i, c) for i, c in enumerate(case.certificates) if in_force(case, c, day)]


def latest_certificate(case: Case, day: dt.date) -> Certificate | None:
    """The certificate the holder had on ``day``: the latest registered by then (in force or not)."""
    earlier = [c for c in case.certificates if c.registered <= day]
    return max(earlier, key=lambda c: c.registered) if earlier else None


def recertifications(case: Case) -> Iterator[tuple[int, Audit, Certificate | None]]:
    """Each recertification audit (index, audit) with the certificate it renews.

    That is the latest certificate registered by the audit's start (None if
    there is none): every rule about recertification judges the same one.
    """
    for a, audit in enumerate(case.audits):
        if audit.kind == "recertification":
            yield a, audit, latest_certificate(case, audit.start)


def previous_certificate(case: Case, cert: Certificate) -> Certificate | None:
    """The certificate this one follows: ``replaces``, else the last one registered before it."""
    if cert.replaces:
        index = certificate_index(case, cert.replaces)
        return case.certificates[index] if index is not None else None
    earlier = [c for c in case.certificates if c.registered < cert.registered]
    return max(earlier, key=lambda c: c.registered) if earlier else None
