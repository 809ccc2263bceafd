"""Annexes Н, Ф, Х, Ц, Ш, Э (decisions of the body) and Щ (permission to use the mark).

The six decision forms share one builder: they differ only in their
templates, which pick from the same ``decision`` the values their wording
needs (the act considered, the certificate concerned, the new scope, the
term of a suspension…).
"""

from __future__ import annotations

from formgen.case.model import Case, Decision, MarkPermission
from formgen.forms.context.common import base_context, certificate_context, decision_context, signer
from formgen.forms.values import date, join
from formgen.wording import phrase

__all__ = ["build_decision", "build_mark_permission"]


def build_decision(case: Case, decision: Decision) -> dict:
    """Forms Н, Ф, Х, Ц, Ш, Э: the body, the certificate holder and the decision."""
    return {**base_context(case, decision.date), "decision": decision_context(case, decision)}


def build_mark_permission(case: Case, permission: MarkPermission) -> dict:
    """Form Щ: the permission cites the issue decision and the certificate's number and term."""
    cert = case.certificate(permission.certificate)
    certificate = certificate_context(case, cert)
    try:
        decision = case.decision(cert.decision)
    except KeyError:
        decision = None
    signed_by, signer_title = signer(case, permission.signed_by)
    return {
        **base_context(case, permission.date),
        "permission": {
            "number": join([permission.number and f"№ {permission.number}"]),
            "date": date(permission.date),
            "decision_ref": join(
                [decision and f"№ {decision.number}", decision and f"от {date(decision.date)}"], " "
            ),
            "certificate": certificate,
            "certificate_line": phrase("permission_certificate_line", **certificate),
            "signer": signed_by,
            "signer_title": signer_title,
        },
    }
