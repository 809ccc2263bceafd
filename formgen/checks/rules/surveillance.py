"""Rules about the certification cycle after the certificate: surveillance, suspension, the mark.

ГОСТ Р 54298-2010, 7.7.5: planned surveillance at least once a year while the
certificate is in force, the first no later than 12 months after the last day
of stage 2. A surveillance that finds the corrective actions of the previous
audit not done suspends the certificate for up to three months (7.7.19.3); a
suspension should in most cases not exceed six months and can be imposed only
twice (9.3.4, notes 1–2), and while it lasts the mark may not be used (9.3.4,
notes 3–4; the permission itself is Annex Щ, 11.1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise

from formgen.case.model import AUDIT_KIND_LABELS, Audit, Case
from formgen.checks.rules.finding import Finding, error, gost, warning
from formgen.checks.rules.registry import rule
from formgen.checks.rules.timeline import (
    add_months,
    audit_index,
    certificate_index,
    certificates_in_force,
    d,
    in_force,
    suspended_on,
    suspensions,
    withdrawn_on,
)

_PERIODIC = {"stage2", "surveillance", "recertification"}


def _periodic(case: Case) -> list[tuple[int, Audit]]:
    """Planned audits of the cycle in date order: stage 2, surveillances, recertifications."""
    found = [(i, a) for i, a in enumerate(case.audits) if a.kind in _PERIODIC]
    return sorted(found, key=lambda p: (p[1].start, p[0]))


def _gaps(case: Case, first: bool) -> Iterator[tuple[int, Audit, Audit, dt.date]]:
    """(index, previous, next, deadline) for each pair of planned audits a year apart at most."""
    audits = _periodic(case)
    for (_, prev), (j, nxt) in pairwise(audits):
        if nxt.kind == "stage2" or (prev.kind == "stage2") != first:
            continue
        deadline = add_months(prev.end, 12)
        if certificates_in_force(case, deadline):  # nothing to survey once it ended
            yield j, prev, nxt, deadline


def _late(case: Case, rule_clause: str, first: bool, what: str) -> Iterator[Finding]:
    for j, prev, nxt, deadline in _gaps(case, first):
        label = AUDIT_KIND_LABELS[nxt.kind]
        if nxt.start > deadline:
            yield error(
                ("audits", j, "start"), gost(rule_clause),
                f"{label} «{nxt.id}» начат {d(nxt.start)}, позже {d(deadline)}: {what} не позднее чем "
                f"через 12 месяцев после последнего дня аудита «{prev.id}» ({d(prev.end)})",
            )
        elif nxt.end > deadline:
            yield warning(
                ("audits", j, "end"), gost(rule_clause),
                f"{label} «{nxt.id}» заканчивается {d(nxt.end)}, позже {d(deadline)} — 12 месяцев после "
                f"аудита «{prev.id}» ({d(prev.end)})",
            )


@rule("first-surveillance-deadline")
def first_surveillance_deadline(case: Case) -> Iterator[Finding]:
    """The first surveillance is no later than 12 months after the last day of stage 2 (7.7.5)."""
    yield from _late(case, "7.7.5", True, "первый инспекционный контроль проводят")


@rule("surveillance-yearly")
def surveillance_yearly(case: Case) -> Iterator[Finding]:
    """Planned surveillance takes place at least once a year while the certificate is in force (7.7.5)."""
    yield from _late(case, "7.7.5", False, "инспекционный контроль проводят не реже одного раза в год —")


@rule("surveillance-needs-certificate")
def surveillance_needs_certificate(case: Case) -> Iterator[Finding]:
    """Surveillance is the control of a certified system: a certificate must be in force (7.7.1)."""
    for a, audit in enumerate(case.audits):
        if audit.kind == "surveillance" and not certificates_in_force(case, audit.start):
            yield error(
                ("audits", a, "start"), gost("7.7.1"),
                f"инспекционный контроль «{audit.id}» ({d(audit.start)}) проводится, когда ни один "
                f"сертификат не действует",
            )


@rule("suspension-after-surveillance")
def suspension_after_surveillance(case: Case) -> Iterator[Finding]:
    """Suspension for undone corrective actions found at surveillance: up to three months (7.7.19.3)."""
    for i, decision in enumerate(case.decisions):
        if decision.kind != "suspend" or not decision.positive or decision.until is None:
            continue
        a = audit_index(case, decision.audit)
        audit = case.audits[a] if a is not None else None
        if audit is None or audit.kind != "surveillance":
            continue
        if any(nc.category == "К" for nc in audit.nonconformities):
            continue  # a critical finding: term by its consequences (7.7.15), see suspension-period
        limit = add_months(decision.date, 3)
        if decision.until > limit:
            yield error(
                ("decisions", i, "until"), gost("7.7.19.3"),
                f"решение № {decision.number} приостанавливает сертификат по результатам инспекционного "
                f"контроля «{audit.id}» до {d(decision.until)}; срок — до трёх месяцев, т. е. не позднее "
                f"{d(limit)} (по истечении — отзыв сертификата, 7.7.19.4)",
            )


@rule("suspension-period")
def suspension_period(case: Case) -> Iterator[Finding]:
    """A suspension ends after it starts and, in most cases, within six months (9.3.4, note 1)."""
    for i, decision in enumerate(case.decisions):
        if decision.kind != "suspend" or not decision.positive or decision.until is None:
            continue
        if decision.until <= decision.date:
            yield error(
                ("decisions", i, "until"), gost("9.3.4"),
                f"решение № {decision.number} от {d(decision.date)} приостанавливает сертификат до "
                f"{d(decision.until)} — не позже даты самого решения",
            )
        elif decision.until > add_months(decision.date, 6):
            yield warning(
                ("decisions", i, "until"), gost("9.3.4"),
                f"приостановление по решению № {decision.number} длится до {d(decision.until)}, больше "
                f"шести месяцев; в большинстве случаев период приостановления не превышает шести месяцев",
            )


@rule("suspension-at-most-twice")
def suspension_at_most_twice(case: Case) -> Iterator[Finding]:
    """A certificate may be suspended only twice (9.3.4, note 2)."""
    for cert in case.certificates:
        for extra in suspensions(case, cert)[2:]:
            yield error(
                ("decisions", extra.index, "kind"), gost("9.3.4"),
                f"решение № {extra.decision.number} — третье (или более) приостановление действия "
                f"сертификата {cert.number}; приостановление может быть предпринято только дважды",
            )


@rule("mark-permission-valid-certificate")
def mark_permission_valid_certificate(case: Case) -> Iterator[Finding]:
    """The mark is permitted only under a certificate in force, not suspended (11.1, 9.3.4, 9.3.9)."""
    permission = case.mark_permission
    if permission is None:
        return
    c = certificate_index(case, permission.certificate)
    if c is None:
        return
    cert = case.certificates[c]
    path = ("mark_permission", "date")
    on = permission.date
    if not in_force(case, cert, on):
        withdrawn = withdrawn_on(case, cert)
        if on < cert.registered:
            why = f"он зарегистрирован только {d(cert.registered)}"
        elif withdrawn is not None and withdrawn <= on:
            why = f"его действие отменено {d(withdrawn)}"
        else:
            why = f"срок его действия истёк {d(case.valid_until(cert))}"
        yield error(
            path, gost("11.1", "9.3.9"),
            f"разрешение на знак соответствия от {d(on)} выдано по сертификату {cert.number}, а {why}",
        )
        return
    suspended = suspended_on(case, cert, on)
    if suspended is not None:
        yield error(
            path, gost("9.3.4"),
            f"разрешение на знак соответствия от {d(on)} выдано, когда действие сертификата {cert.number} "
            f"приостановлено решением № {suspended.decision.number} (до {d(suspended.end)})",
        )
