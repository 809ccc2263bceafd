"""Rules on what a decision may follow and who may sign (issue 7, points 4 and 8).

ГОСТ Р 54298-2010: a critical nonconformity found at surveillance suspends
the certificate (7.7.15), so a surveillance that found one not eliminated in
the audit cannot end in a positive confirmation (7.7.19.2); a scope extension
is audited and decided as a certification (9.1.4 → 7.5–7.6), so its
nonconformities are closed before the re-issued certificate (7.6.2.3), and a
reduction is completed by a new certificate for the reduced scope (9.3.7).
The decision is the management's («принимает руководство», 7.6.2.3), the
certificate is signed by the head or a deputy (7.6.4), the plan approved by
the body's management (7.4.2.3).
"""

from __future__ import annotations

from collections.abc import Iterator

from formgen.case.model import DECISION_KINDS, Case
from formgen.checks.rules.finding import Finding, error, gost, warning
from formgen.checks.rules.registry import rule
from formgen.checks.rules.timeline import audit_index, d, is_management, nonconformities, person


def _open_on(nc, day) -> bool:
    eff = nc.effectiveness
    return not (eff and eff.closed and eff.date <= day)


@rule("confirm-after-failed-surveillance")
def confirm_after_failed_surveillance(case: Case) -> Iterator[Finding]:
    """No positive confirmation on a surveillance that found a critical nonconformity left open (7.7.15)."""
    for i, decision in enumerate(case.decisions):
        if decision.kind != "confirm" or not decision.positive:
            continue
        a = audit_index(case, decision.audit)
        if a is None:
            continue
        audit = case.audits[a]
        for _path, _, nc in nonconformities(case, [a]):
            if nc.category != "К" or not _open_on(nc, audit.closing_date):
                continue
            yield error(
                ("decisions", i, "positive"), gost("7.7.15", "7.7.19.2"),
                f"решение № {decision.number} подтверждает действие сертификата по результатам аудита "
                f"«{audit.id}», на котором выявлено критическое несоответствие № {nc.number}, не "
                f"устранённое в ходе аудита; такой аудит ведёт к приостановлению, не к подтверждению",
            )


@rule("reissue-with-open-nonconformity")
def reissue_with_open_nonconformity(case: Case) -> Iterator[Finding]:
    """A certificate is re-issued on a scope change only once the audit's nonconformities are closed (9.1.4).

    An extension is audited and decided as a certification (9.1.4 → 7.6.2.3):
    any open nonconformity is an error. A reduction is often decided on a
    surveillance, whose minor (category 2) findings run on their own term; an
    open К or 1 finding of that audit is flagged as a warning.
    """
    for decision in case.decisions:
        if decision.kind not in {"extend_scope", "reduce_scope"} or not decision.positive:
            continue
        a = audit_index(case, decision.audit)
        if a is None:
            continue
        extension = decision.kind == "extend_scope"
        for path, audit, nc in nonconformities(case, [a]):
            if not _open_on(nc, decision.date) or (not extension and nc.category == "2"):
                continue
            yield (error if extension else warning)(
                path, gost("9.1.4", "7.6.2.3"),
                f"{DECISION_KINDS[decision.kind]} № {decision.number} от {d(decision.date)} переоформляет "
                f"сертификат, а несоответствие № {nc.number} аудита «{audit.id}» к этой дате не закрыто; "
                f"аудит расширения (сужения) проводят и решают как сертификацию (7.5–7.6)",
            )


@rule("reduction-needs-certificate")
def reduction_needs_certificate(case: Case) -> Iterator[Finding]:
    """A positive reduction is completed by a new certificate for the reduced scope (9.3.7)."""
    for i, decision in enumerate(case.decisions):
        if decision.kind != "reduce_scope" or not decision.positive:
            continue
        if any(c.decision == decision.number for c in case.certificates):
            continue
        yield error(
            ("decisions", i), gost("9.3.7"),
            f"решение о сужении области № {decision.number} от {d(decision.date)}: нет нового сертификата "
            f"на суженную область (certificates[].decision: \"{decision.number}\")",
        )


@rule("certificate-by-management")
def certificate_by_management(case: Case) -> Iterator[Finding]:
    """Certificates are signed by the head of the body or a deputy (7.6.4, Annex Р)."""
    for c, cert in enumerate(case.certificates):
        if not is_management(case, cert.signed_by):
            yield error(
                ("certificates", c, "signed_by"), gost("7.6.4"),
                f"сертификат {cert.number} подписывает {person(case, cert.signed_by)}, не руководитель "
                f"органа по сертификации и не его заместитель (body.management или должность)",
            )


@rule("plan-approved-by-management")
def plan_approved_by_management(case: Case) -> Iterator[Finding]:
    """The audit plan is approved by the body's management (7.4.2.3)."""
    for a, audit in enumerate(case.audits):
        if audit.plan and not is_management(case, audit.plan.approved_by):
            yield error(
                ("audits", a, "plan", "approved_by"), gost("7.4.2.3"),
                f"план аудита «{audit.id}» утверждает {person(case, audit.plan.approved_by)}, не "
                f"руководство органа по сертификации",
            )
