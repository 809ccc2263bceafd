"""The case model: one client's whole certification cycle, validated by pydantic.

``Case`` is the root; the other classes are its parts. ``formgen schema``
prints ``Case.model_json_schema()`` so editors can complete case files.
"""

from formgen.case.model.application import (
    Application,
    ApplicationReview,
    DocumentRequest,
    Notice,
)
from formgen.case.model.audit import (
    AUDIT_KIND_LABELS,
    ROLE_LABELS,
    Audit,
    AuditPlan,
    AuditReport,
    Effectiveness,
    Nonconformity,
    NotificationItem,
    PlanObject,
    TeamMember,
    TimeEstimate,
    TimeFactor,
)
from formgen.case.model.base import Person, Strict
from formgen.case.model.case import Case, add_years, three_year_expiry
from formgen.case.model.decisions import DECISION_KINDS, Certificate, Decision, MarkPermission
from formgen.case.model.parties import (
    Accreditation,
    BankDetails,
    Body,
    Branch,
    CertificationSystem,
    Organisation,
    OrganisationChange,
    ParentOrganisation,
)

__all__ = [
    "AUDIT_KIND_LABELS",
    "DECISION_KINDS",
    "ROLE_LABELS",
    "Accreditation",
    "Application",
    "ApplicationReview",
    "Audit",
    "AuditPlan",
    "AuditReport",
    "BankDetails",
    "Body",
    "Branch",
    "Case",
    "Certificate",
    "CertificationSystem",
    "Decision",
    "DocumentRequest",
    "Effectiveness",
    "MarkPermission",
    "Nonconformity",
    "Notice",
    "NotificationItem",
    "Organisation",
    "OrganisationChange",
    "ParentOrganisation",
    "Person",
    "PlanObject",
    "Strict",
    "TeamMember",
    "TimeEstimate",
    "TimeFactor",
    "add_years",
    "three_year_expiry",
]
