"""Rules about certificates: the decision behind them, who signs, how long they run.

ГОСТ Р 54298-2010, 7.6.4: a certificate follows a positive decision, is signed
by the head of the body (or a deputy) and the lead auditor of the audit, and
runs three years. After recertification the new certificate runs until three
years after the previous one expires (8.2.1, 8.2.2); the application for
recertification comes, as a rule, six months and no less than three months
before expiry (8.2; missing it is a ground for withdrawal, 9.3.8).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from formgen.case.model import DECISION_KINDS, Audit, Case, Certificate, Decision, add_years
from formgen.checks.rules.finding import Finding, error, gost, warning
from formgen.checks.rules.registry import rule
from formgen.checks.rules.timeline import (
    DAY,
    add_months,
    audit_index,
    d,
    decision_index,
    is_management,
    person,
    previous_certificate,
    recertifications,
    same_person,
)

_ISSUING = {"issue", "extend_scope", "reduce_scope"}  # 7.6.4; 9.1.5, 9.3.7 re-issue on scope change


def _decision(case: Case, cert: Certificate) -> Decision | None:
    i = decision_index(case, cert.decision)
    return case.decisions[i] if i is not None else None


def _audit(case: Case, decision: Decision | None) -> Audit | None:
    i = audit_index(case, decision.audit) if decision else None
    return case.audits[i] if i is not None else None


@rule("certificate-decision")
def certificate_decision(case: Case) -> Iterator[Finding]:
    """A certificate is drawn up on a positive decision to issue it, not before it (7.6.4)."""
    for c, cert in enumerate(case.certificates):
        decision = _decision(case, cert)
        if decision is None:
            continue
        path = ("certificates", c, "decision")
        if decision.kind not in _ISSUING:
            yield error(
                path, gost("7.6.4"),
                f"сертификат {cert.number} оформлен по решению № {decision.number}, а это "
                f"{DECISION_KINDS[decision.kind]}; сертификат выдают по решению о выдаче",
            )
        elif not decision.positive:
            yield error(
                path, gost("7.6.4"),
                f"сертификат {cert.number} оформлен по отрицательному решению № {decision.number}; "
                f"сертификат оформляют только при положительном решении",
            )
        if cert.registered < decision.date:
            yield error(
                ("certificates", c, "registered"), gost("7.6.4"),
                f"сертификат {cert.number} зарегистрирован {d(cert.registered)}, раньше решения "
                f"№ {decision.number} от {d(decision.date)}",
            )


@rule("certificate-signatures")
def certificate_signatures(case: Case) -> Iterator[Finding]:
    """The certificate is signed by the head (or deputy) and the audit's lead auditor (7.6.4)."""
    for c, cert in enumerate(case.certificates):
        audit = _audit(case, _decision(case, cert))
        lead = audit.lead if audit else None
        if cert.chairman and lead and same_person(case, cert.chairman) != same_person(case, lead):
            yield error(
                ("certificates", c, "chairman"), gost("7.6.4"),
                f"сертификат {cert.number} подписывает {person(case, cert.chairman)}, а руководитель "
                f"аудиторской группы аудита «{audit.id}» — {person(case, lead)}",
            )
        if not is_management(case, cert.signed_by):
            yield warning(
                ("certificates", c, "signed_by"), gost("7.6.4"),
                f"сертификат {cert.number} подписывает {person(case, cert.signed_by)}, не руководитель "
                f"органа по сертификации и не его заместитель (по должности)",
            )


@rule("certificate-validity")
def certificate_validity(case: Case) -> Iterator[Finding]:
    """A certificate runs 3 years; a recertified one, 3 years past the old expiry (7.6.4, 8.2.1, 8.2.2)."""
    for c, cert in enumerate(case.certificates):
        decision = _decision(case, cert)
        audit = _audit(case, decision)
        previous = previous_certificate(case, cert)
        until = case.valid_until(cert)
        path = ("certificates", c, "valid_until")
        if audit is not None and audit.kind == "recertification" and previous is not None:
            prev_until = case.valid_until(previous)
            expected = add_years(prev_until, 3)
            if not expected - DAY <= until <= expected:
                clause = "8.2.2" if cert.registered > prev_until else "8.2.1"
                yield error(
                    path, gost(clause),
                    f"сертификат {cert.number} после ресертификации действует до {d(until)}; ожидается "
                    f"{d(expected)} — три года с окончания действия сертификата {previous.number} "
                    f"({d(prev_until)}); укажите valid_until",
                )
        elif decision is not None and decision.kind in {"extend_scope", "reduce_scope"} and previous:
            prev_until = case.valid_until(previous)
            if until > prev_until:
                yield warning(
                    path, gost("7.1.2", "9.3.7"),
                    f"сертификат {cert.number}, выданный при изменении области, действует до {d(until)}, "
                    f"дольше заменённого {previous.number} ({d(prev_until)}); трёхлетний цикл начинается "
                    f"только с решения о сертификации или ресертификации",
                )
        else:
            yield from _three_years(cert, until, path)


def _three_years(cert: Certificate, until: dt.date, path: tuple) -> Iterator[Finding]:
    full = add_years(cert.registered, 3)
    if full - DAY <= until <= full:
        return
    if full < until <= add_months(full, 6):
        yield warning(
            path, gost("7.6.4"),
            f"сертификат {cert.number} действует до {d(until)}, дольше трёх лет с регистрации "
            f"{d(cert.registered)}; продление не более чем на шесть месяцев допускается только при "
            f"форс-мажорных обстоятельствах по уведомлению органа",
        )
        return
    yield error(
        path, gost("7.6.4"),
        f"сертификат {cert.number} действует до {d(until)}; срок действия — три года с регистрации "
        f"{d(cert.registered)}, т. е. до {d(full - DAY)}",
    )


_APPLICATION_DATE = re.compile(
    r"заявк\w*[^;]*?\bот\s+(?:(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{2})-(\d{2}))", re.IGNORECASE
)


def application_date(basis: str | None) -> dt.date | None:
    """The date of «заявка № … от ДД.ММ.ГГГГ» in an audit's basis, the only place a case holds it."""
    match = _APPLICATION_DATE.search(basis or "")
    if not match:
        return None
    g = match.groups()
    day, month, year = (g[0], g[1], g[2]) if g[0] else (g[5], g[4], g[3])
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


@rule("recertification-application")
def recertification_application(case: Case) -> Iterator[Finding]:
    """The recertification application comes no less than three months before expiry (8.2, 9.3.8).

    Six months is the rule («как правило»): later than that is a warning.
    """
    for a, audit, cert in recertifications(case):
        if cert is None:
            continue
        expires = case.valid_until(cert)
        # The structured field first; the basis text «заявка № … от …» only when it is absent.
        applied = audit.application_date or application_date(audit.basis)
        where = ("audits", a, "application_date" if audit.application_date else "basis")
        if applied is None:
            yield warning(
                ("audits", a, "basis"), gost("8.2"),
                f"дата заявки на ресертификацию не найдена: укажите в basis аудита «{audit.id}» "
                f"«заявка № … от ДД.ММ.ГГГГ» — заявку подают не менее чем за три месяца до "
                f"окончания действия сертификата {cert.number} ({d(expires)})",
            )
        elif applied > add_months(expires, -3):
            yield error(
                where, gost("8.2", "9.3.8"),
                f"заявка на ресертификацию от {d(applied)} подана позже чем за три месяца до окончания "
                f"действия сертификата {cert.number} ({d(expires)}); срок — не позднее "
                f"{d(add_months(expires, -3))}, как правило за шесть месяцев ({d(add_months(expires, -6))})",
            )
        elif applied > add_months(expires, -6):
            yield warning(
                where, gost("8.2"),
                f"заявка на ресертификацию от {d(applied)} подана позже, чем за шесть месяцев до окончания "
                f"действия сертификата {cert.number} ({d(expires)}): «как правило» — не позднее "
                f"{d(add_months(expires, -6))}; крайний срок {d(add_months(expires, -3))} соблюдён",
            )


@rule("recertification-before-expiry")
def recertification_before_expiry(case: Case) -> Iterator[Finding]:
    """Recertification concerns a certificate and is carried out before it expires (8.2)."""
    for a, audit, cert in recertifications(case):
        if cert is None:
            yield error(
                ("audits", a, "kind"), gost("8.2"),
                f"ресертификационный аудит «{audit.id}» ({d(audit.start)}) без ранее выданного сертификата",
            )
        elif audit.start > case.valid_until(cert):
            yield warning(
                ("audits", a, "start"), gost("8.2", "8.2.2"),
                f"ресертификационный аудит «{audit.id}» начат {d(audit.start)}, после окончания действия "
                f"сертификата {cert.number} ({d(case.valid_until(cert))}); ресертификацию проводят до "
                f"окончания срока действия",
            )
