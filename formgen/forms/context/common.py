"""Context pieces that many forms print: the body, the organisation, an audit, a decision."""

from __future__ import annotations

import datetime as dt

from formgen.case.history import organisation_at, scope_at, scope_decisions
from formgen.case.model import AUDIT_KIND_LABELS, ROLE_LABELS, Audit, Case, Certificate, Decision
from formgen.case.model.parties import Organisation
from formgen.forms.values import date, join, pad_rows, person, short_date, text
from formgen.text.declension import GENITIVE, PREPOSITIONAL, organisation, scope_forms
from formgen.wording import default_catalogue, phrase

__all__ = [
    "HEAD_TITLE",
    "audit_context",
    "base_context",
    "certificate_context",
    "decision_certificate",
    "decision_context",
    "issued_certificate",
    "period",
    "signer",
    "staff",
]


def base_context(case: Case, on: dt.date | None = None) -> dict:
    """What every form may print: ``body``, ``org``, ``standard``, ``application``.

    ``org`` is the organisation as it stood on ``on`` — the document's own
    date (issue 7, 1): its head, headcount and addresses after the dated
    changes up to that day, and only the branches then in the scope. Without
    a date, the application's.
    """
    return {
        "body": _body(case),
        "org": _organisation(organisation_at(case, on or case.application.date)),
        "standard": case.standard,
        "application": _application(case),
    }


def staff(case: Case, ref: str | None) -> dict:
    """A body staff member (by id) as a person dict; empty when not given."""
    return person(case.body.person(ref) if ref else None)


def _body(case: Case) -> dict:
    body = case.body
    acc = body.accreditation
    return {
        "name": body.name,
        "short_name": text(body.short_name),
        "name_city": join([body.name, body.city]),
        "address": body.address,
        "city": body.city,
        "phone": text(body.phone),
        "email": text(body.email),
        "registration_number": text(body.registration_number),
        "accreditation_scope": text(acc.scope),
        "accreditation_scope_code": text(acc.scope_code),
        "accreditation_number": text(acc.number),
        "system_name": body.system.name,
        "system_number": text(body.system.registration_number),
        "head": person(body.head),
    }


def _organisation(org: Organisation) -> dict:
    bank = org.bank
    # «филиалы, деятельность которых включена в область сертификации»: in_scope ones only.
    rows = [
        {
            "name_address": join([b.name, b.address]),
            "headcount": text(b.headcount),
            "activities": text(b.activities),
        }
        for b in org.branches if b.in_scope
    ]
    prev = org.previous_certificates
    return {
        "name": org.name,
        "short_name": text(org.short_name),
        "display_name": org.short_name or org.name,
        "name_city": join([org.name, org.city]),
        # After «Генеральному директору», «(СЭМ)»: whose; after «ДЕЙСТВУЮЩЕЙ В»: where.
        "name_genitive": organisation(org.name, GENITIVE),
        "name_city_genitive": join([organisation(org.name, GENITIVE), org.city]),
        "name_prepositional": organisation(org.name, PREPOSITIONAL),
        "legal_address": org.legal_address,
        "actual_address": text(org.actual_address or org.legal_address),
        "city": org.city,
        "phone_code": text(org.phone_code),
        "phone": text(org.phone),
        "fax": text(org.fax),
        "email": text(org.email),
        "bank_line": join([bank.account and f"р/с {bank.account}", bank.bank, bank.bank_city]),
        "codes_line": join(
            [
                bank.correspondent_account and f"к/с {bank.correspondent_account}",
                bank.bik and f"БИК {bank.bik}",
                org.inn and f"ИНН {org.inn}",
                org.kpp and f"КПП {org.kpp}",
                org.okved and f"ОКВЭД {org.okved}",
                org.okpo and f"ОКПО {org.okpo}",
            ]
        ),
        "head": person(org.head),
        "chief_accountant": person(org.chief_accountant),
        "contact": person(org.contact),
        "contact_phones": join(
            [org.contact and org.contact.phone, org.fax and f"факс {org.fax}",
             (org.contact and org.contact.email) or org.email]
        ),
        "representative": person(org.management_representative or org.contact),
        "headcount_line": phrase("headcount_line", headcount=org.headcount, branches=len(org.branches)),
        "branch_rows": pad_rows(rows, 3, {"name_address": "", "headcount": "", "activities": ""}),
        "parent_yes_no": "да" if org.parent else "нет",
        "parent_name": text(org.parent and org.parent.name),
        "parent_functions": text(org.parent and org.parent.functions),
        "implementation": join(
            [org.implementation.number and f"№ {org.implementation.number}",
             org.implementation.date and f"от {date(org.implementation.date)}"], " "
        ),
        "consultant": text(org.consultant),
        "previous_systems": join([p.system for p in prev], "; "),
        "previous_certificates": join(
            [join([p.body, p.number and f"№ {p.number}", p.date and f"от {short_date(p.date)}"])
             for p in prev], "; "
        ),
        "product_documents": text(org.product_documents),
        "processes": text(org.processes),
        "significant_aspects": text(org.significant_aspects),
        "outsourcing": text(org.outsourcing),
    }


def _application(case: Case) -> dict:
    app = case.application
    nominative, dative = scope_forms(app.scope)
    return {
        "number": text(app.number),
        "date": date(app.date),
        "short_date": short_date(app.date),
        "number_line": join([app.number and f"№ {app.number}", f"от {date(app.date)}"], " "),
        "scope": app.scope,
        "scope_nominative": nominative,  # «Предлагаемая запись в сертификате»
        "scope_dative": dative,  # «применительно к …»
        "products": text(app.products or app.scope),
        "desired_dates": text(app.desired_dates),
        "additional_info": text(app.additional_info),
    }


def period(start, end) -> str:
    """с «14» по «17» апреля 2025 г. — or one date when the audit lasts a day."""
    if start == end:
        return date(start)
    return phrase("period", start=date(start), end=date(end))


def audit_context(case: Case, audit: Audit) -> dict:
    """An audit as forms И, К, Л, М and Е print it."""
    # A trainee attends but is not a member of the commission (7): never among its
    # members, experts or signatures; forms name trainees on their own line.
    members = [m for m in audit.team if m.role != "trainee"]
    team = [
        {**staff(case, m.person), "role": ROLE_LABELS[m.role]} for m in members
    ]
    trainees = [staff(case, m.person)["initials_surname"] for m in audit.team if m.role == "trainee"]
    lead = staff(case, audit.lead)
    experts = [t for t, m in zip(team, members, strict=True) if m.role != "lead_auditor"]
    report = audit.report
    return {
        "id": audit.id,
        "kind": AUDIT_KIND_LABELS[audit.kind],
        "purpose": phrase(f"audit_purposes.{audit.kind}"),
        "period": period(audit.start, audit.end),
        "start": date(audit.start),
        "end": date(audit.end),
        "basis": text(audit.basis),
        "scope": scope_forms(audit.scope or case.application.scope)[1],  # «применительно к»
        "criteria": join(audit.criteria or [case.standard, "ГОСТ Р 54298-2010"], "; "),
        "team": team,
        "team_line": join([f"{t['initials_surname']} — {t['role']}" for t in team], "; "),
        "lead": lead,
        "trainees": join(trainees, ", "),
        "experts": pad_rows(experts, 2, {"initials_surname": ""}),
        "act_number": text(report and report.number),
        "act_date": date(report.date if report else None),
        "act_approved": date(report.approved if report else None),
    }


# The default wording of the head's signature line (the catalogue's; tests compare with it).
HEAD_TITLE = default_catalogue()["positions.body_head_signature"]


def signer(case: Case, ref: str) -> tuple[dict, str]:
    """Who signs a decision or permission, and the title on the signature line.

    The forms print «Руководитель органа по сертификации систем экологического
    менеджмента»; a deputy signing prints their own position instead.
    """
    who = case.body.person(ref)
    head_title = phrase("positions.body_head_signature")
    title = head_title if who is case.body.head else (who.position or head_title)
    return person(who), title


def decision_certificate(case: Case, decision: Decision) -> Certificate | None:
    """The certificate a decision concerns: the one named, or for an issue decision the one it issued."""
    if decision.certificate:
        return case.certificate(decision.certificate)
    return issued_certificate(case, decision)


def issued_certificate(case: Case, decision: Decision) -> Certificate | None:
    """The certificate drawn up on this decision (issue, or re-issue on a scope change)."""
    return next((c for c in case.certificates if c.decision == decision.number), None)


def certificate_context(case: Case, cert: Certificate | None) -> dict:
    """A certificate as decisions and the mark permission cite it; blanks when there is none."""
    if cert is None:
        return {"number": "", "reg_number": "", "date": date(None), "valid_until": date(None),
                "issue": "", "scope": "", "number_line": ""}
    return {
        "number": cert.number,
        "reg_number": cert.reg_number,
        "date": date(cert.registered),
        "valid_until": date(case.valid_until(cert)),
        "issue": str(cert.issue),
        "scope": text(case.certificate_scope(cert)),
        "number_line": f"№ {cert.number} от {date(cert.registered)}",
    }


def certification_scope(case: Case, decision: Decision, cert: Certificate | None) -> str:
    """The certification scope a decision speaks of (3): the certificate's, as at the decision.

    Never the audit's own scope — a surveillance of part of the processes is
    the normal case. A scope decision taken on the certificate before this one
    (an extension, a reduction) has the last word; this decision's own new
    wording is its ``new_scope``, not the scope it starts from.
    """
    if cert is None:
        return text(scope_at(case, decision.date)[0])
    earlier = [
        x for x in scope_decisions(case, decision.date)
        if x is not decision and x.certificate == cert.number and x.date >= cert.registered
    ]
    if earlier:
        return text(earlier[-1].new_scope)
    return text(case.certificate_scope(cert))


def decision_context(case: Case, decision: Decision) -> dict:
    """A decision with the act it considered and the certificate it concerns.

    ``certificate`` is the certificate the decision concerns (for an issue
    decision, the one it issued); ``issued`` the one drawn up on it (issue and
    scope decisions re-issue the certificate, 9.1.5, 9.3.7).
    """
    audit = case.audit(decision.audit)
    report = audit.report
    cert = decision_certificate(case, decision)
    certificate = certificate_context(case, cert)
    signed_by, signer_title = signer(case, decision.signed_by)
    certificate_scope = certification_scope(case, decision, cert)
    return {
        "number": decision.number,
        "date": date(decision.date),
        "positive": decision.positive,
        "negative_reason": text(decision.negative_reason),
        "reason": text(decision.reason),
        # A refusal's grounds are its own (4): never the reason a positive decision would give.
        "basis": text(decision.reason if decision.positive else decision.negative_reason),
        "signer": signed_by,
        "signer_title": signer_title,
        # «выдать (не выдать)», by the decision's kind and outcome: the wording catalogue's.
        "verb": phrase(f"decision_verbs.{decision.kind}.{'positive' if decision.positive else 'negative'}"),
        "act_number": text(report and report.number),
        "act_date": date(report.date if report else None),
        "act_approved": date((report.approved or report.date) if report else None),
        "scope": scope_forms(certificate_scope)[1],  # «применительно к»
        "certificate_scope": certificate_scope,
        "certificate": certificate,
        "certificate_number": certificate["number"],
        "certificate_date": certificate["date"],
        "issued": certificate_context(case, issued_certificate(case, decision)),
        "until": date(decision.until),
        "corrective_due": date(decision.corrective_due),
        "new_scope": text(decision.new_scope),
        # Ц, Ш print the new scope on its own blank captioned «новая область сертификации»: nominative
        "new_scope_nominative": scope_forms(decision.new_scope)[0],
        "excluded": text(decision.excluded),
        "withdrawn_scope": text(decision.excluded) or certificate_scope,
        "audit_kind": AUDIT_KIND_LABELS[audit.kind],
        "audit_result": phrase(f"audit_results.{audit.kind}"),
    }
