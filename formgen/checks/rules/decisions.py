"""Rules about the body's decisions: who takes them, on what, and when.

ГОСТ Р 54298-2010, 7.6.2.3: the decision is the management's, taken by people
who did not take part in the audit, on the audit act and the corrective
actions — a certificate is issued only once every registered nonconformity is
eliminated. 7.7.19.2: the confirm decision follows a surveillance audit.
"""

from __future__ import annotations

from collections.abc import Iterator

from formgen.case.model import AUDIT_KIND_LABELS, DECISION_KINDS, ROLE_LABELS, Case
from formgen.checks.rules.finding import Finding, error, gost, warning
from formgen.checks.rules.registry import rule
from formgen.checks.rules.timeline import (
    audit_index,
    certificate_index,
    considered_audits,
    d,
    in_force,
    is_management,
    nonconformities,
    person,
    same_person,
    withdrawn_on,
)

# Audit kinds a decision of each kind may rest on (7.6.2.3, 7.7.19.2, 8.2.8).
_AUDITS_FOR: dict[str, set[str]] = {
    "issue": {"stage2", "recertification", "special"},
    "confirm": {"surveillance", "special"},
}


@rule("decision-independence")
def decision_independence(case: Case) -> Iterator[Finding]:
    """Decisions are taken by people who did not take part in the audit (7.6.2.3)."""
    for i, decision in enumerate(case.decisions):
        signer = same_person(case, decision.signed_by)
        roles = []
        for a in considered_audits(case, decision):
            audit = case.audits[a]
            member = next((m for m in audit.team if same_person(case, m.person) == signer), None)
            if member is not None:
                roles.append(f"«{audit.id}» — {ROLE_LABELS[member.role]}")
        if roles:
            yield error(
                ("decisions", i, "signed_by"),
                gost("7.6.2.3"),
                f"решение № {decision.number} принимает {person(case, decision.signed_by)} — член "
                f"аудиторской группы ({'; '.join(roles)}); решения принимают лица, не участвовавшие "
                f"в аудите",
            )


@rule("issue-needs-closed-nonconformities")
def issue_needs_closed_nonconformities(case: Case) -> Iterator[Finding]:
    """A certificate is issued only after every registered nonconformity is eliminated (7.6.2.3)."""
    for decision in case.decisions:
        if decision.kind != "issue" or not decision.positive:
            continue
        for path, audit, nc in nonconformities(case, considered_audits(case, decision)):
            what = f"несоответствие № {nc.number} (категория {nc.category}) аудита «{audit.id}»"
            eff = nc.effectiveness
            if eff is None:
                problem, where = "не закрыто: результативность корректирующих действий не оценена", path
            elif not eff.closed:
                problem, where = "не закрыто", (*path, "effectiveness", "closed")
            elif eff.date > decision.date:
                problem = f"закрыто {d(eff.date)}, позже решения № {decision.number} от {d(decision.date)}"
                where = (*path, "effectiveness", "date")
            else:
                continue
            yield error(
                where,
                gost("7.6.2.3", "7.6.2.2"),
                f"{what} {problem}; решение о выдаче сертификата принимают только после устранения "
                f"всех зарегистрированных несоответствий",
            )


@rule("confirm-with-open-nonconformities")
def confirm_with_open_nonconformities(case: Case) -> Iterator[Finding]:
    """Confirming a certificate while a К or category 1 nonconformity is open is doubtful (7.7.16)."""
    for decision in case.decisions:
        if decision.kind != "confirm" or not decision.positive:
            continue
        for path, audit, nc in nonconformities(case, considered_audits(case, decision)):
            if nc.category == "2":
                continue
            eff = nc.effectiveness
            if eff and eff.closed and eff.date <= decision.date:
                continue
            yield warning(
                path,
                gost("7.7.16", "7.6.2.2"),
                f"решение № {decision.number} от {d(decision.date)} подтверждает действие сертификата, "
                f"а несоответствие № {nc.number} категории {nc.category} аудита «{audit.id}» к этой дате "
                f"не закрыто",
            )


@rule("decision-audit-kind")
def decision_audit_kind(case: Case) -> Iterator[Finding]:
    """Issue rests on a (re)certification audit, confirm on a surveillance (7.6.2.3, 7.7.19.2)."""
    for i, decision in enumerate(case.decisions):
        allowed = _AUDITS_FOR.get(decision.kind)
        a = audit_index(case, decision.audit)
        if allowed is None or a is None:
            continue
        kind = case.audits[a].kind
        if kind not in allowed:
            clause = gost("7.6.2.3") if decision.kind == "issue" else gost("7.7.19.2")
            expected = ", ".join(AUDIT_KIND_LABELS[k] for k in sorted(allowed))
            yield error(
                ("decisions", i, "audit"),
                clause,
                f"{DECISION_KINDS[decision.kind]} № {decision.number} основано на аудите «{decision.audit}» "
                f"({AUDIT_KIND_LABELS[kind]}); ожидается: {expected}",
            )


@rule("decision-after-report")
def decision_after_report(case: Case) -> Iterator[Finding]:
    """A decision is taken on the audit act, so not before the act is dated and approved (7.6.2.3, 9.3.2)."""
    for i, decision in enumerate(case.decisions):
        a = audit_index(case, decision.audit)
        if a is None:
            continue
        audit = case.audits[a]
        report = audit.report
        act_date = report.date if report else audit.end
        if decision.date < max(act_date, audit.end):
            yield error(
                ("decisions", i, "date"),
                gost("7.6.2.3", "9.3.2"),
                f"решение № {decision.number} от {d(decision.date)} раньше окончания аудита «{audit.id}» "
                f"({d(audit.end)}) или даты его акта ({d(act_date)}); решение принимают по акту",
            )
        elif report and report.approved and decision.date < report.approved:
            yield warning(
                ("decisions", i, "date"),
                gost("7.6.2.3"),
                f"решение № {decision.number} от {d(decision.date)} раньше утверждения акта "
                f"№ {report.number} ({d(report.approved)})",
            )


@rule("decision-by-management")
def decision_by_management(case: Case) -> Iterator[Finding]:
    """Decisions are taken by the body's management: its head or a deputy (7.6.2.3).

    An error, not a doubt: the standard says the decision «принимает руководство».
    """
    for i, decision in enumerate(case.decisions):
        if not is_management(case, decision.signed_by):
            yield error(
                ("decisions", i, "signed_by"),
                gost("7.6.2.3"),
                f"решение № {decision.number} подписывает {person(case, decision.signed_by)}, "
                "не руководитель органа по сертификации и не его заместитель "
                "(body.management или должность)",
            )


@rule("decision-on-certificate-in-force")
def decision_on_certificate_in_force(case: Case) -> Iterator[Finding]:
    """Decisions on a certificate concern one in force on the decision date (7.7.19, 9.3)."""
    for i, decision in enumerate(case.decisions):
        if not decision.certificate or decision.kind == "issue":
            continue
        c = certificate_index(case, decision.certificate)
        if c is None:
            continue
        cert = case.certificates[c]
        if in_force(case, cert, decision.date):
            continue
        withdrawn = withdrawn_on(case, cert)
        if decision.date < cert.registered:
            why = f"зарегистрирован только {d(cert.registered)}"
        elif withdrawn is not None and withdrawn <= decision.date:
            if decision.kind == "withdraw" and withdrawn == decision.date:
                continue
            why = f"его действие отменено {d(withdrawn)}"
        else:
            why = f"срок его действия истёк {d(case.valid_until(cert))}"
        yield error(
            ("decisions", i, "certificate"),
            gost("7.7.19", "9.3"),
            f"{DECISION_KINDS[decision.kind]} № {decision.number} от {d(decision.date)} относится к "
            f"сертификату {cert.number}, который на эту дату не действует: {why}",
        )
