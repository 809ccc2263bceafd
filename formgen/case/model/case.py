"""The root of a case file: one client's whole certification cycle."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator

from formgen.case.model.application import (
    Application,
    ApplicationReview,
    DocumentRequest,
    Notice,
)
from formgen.case.model.audit import Audit
from formgen.case.model.base import Strict
from formgen.case.model.decisions import Certificate, Decision, MarkPermission
from formgen.case.model.parties import Body, Organisation

__all__ = ["Case", "add_years", "three_year_expiry"]


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def three_year_expiry(registered: dt.date) -> dt.date:
    """Last day of a certificate registered on ``registered``: three years less a day (7.6.4)."""
    return add_years(registered, 3) - dt.timedelta(days=1)


class Case(Strict):
    """Дело заказчика: все этапы цикла сертификации СЭМ одной организации."""

    schema_version: Literal[1] = 1
    body: Body = Field(description="Орган по сертификации (или путь к файлу профиля ОС)")
    organisation: Organisation
    application: Application
    review: ApplicationReview | None = None
    notice: Notice | None = None
    document_request: DocumentRequest | None = None
    audits: list[Audit] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    mark_permission: MarkPermission | None = None

    @field_validator("schema_version", mode="before")
    @classmethod
    def _typed_version(cls, value: object) -> object:
        """The loader keeps scalars as typed text; ``schema_version: 1`` arrives as "1"."""
        return int(value) if isinstance(value, str) and value.strip().isdigit() else value

    # -- look-ups used by form builders and rules -----------------------------
    @property
    def standard(self) -> str:
        """The criterion printed on forms (the application may override the body's)."""
        return self.application.standard or self.body.standard

    def audit(self, audit_id: str) -> Audit:
        for audit in self.audits:
            if audit.id == audit_id:
                return audit
        raise KeyError(audit_id)

    def decision(self, number: str) -> Decision:
        for decision in self.decisions:
            if decision.number == number:
                return decision
        raise KeyError(number)

    def certificate(self, number: str) -> Certificate:
        for certificate in self.certificates:
            if certificate.number == number:
                return certificate
        raise KeyError(number)

    def certificate_scope(self, certificate: Certificate, lang: str = "ru") -> str | None:
        """The scope printed on a certificate: its own, else the application's."""
        suffix = "" if lang == "ru" else f"_{lang}"
        own = getattr(certificate, f"scope{suffix}", None)
        return own or getattr(self.application, f"scope{suffix}", None)

    def valid_until(self, certificate: Certificate) -> dt.date:
        """Field 10: as given, else by the standard.

        A first certificate runs three years from registration less a day
        (7.6.4); a recertified one runs three years past the previous one's
        expiry (8.2.1, 8.2.2); a re-issue after a scope change keeps the
        previous expiry (9.1.5, 9.3.7).
        """
        if certificate.valid_until:
            return certificate.valid_until
        previous = self._replaced(certificate)
        if previous is not None:
            old_until = self.valid_until(previous)
            if self._issued_after(certificate) == "recertification":
                return add_years(old_until, 3)
            return old_until
        return three_year_expiry(certificate.registered)

    def _replaced(self, certificate: Certificate) -> Certificate | None:
        if not certificate.replaces or certificate.replaces == certificate.number:
            return None
        try:
            return self.certificate(certificate.replaces)
        except KeyError:
            return None

    def _issued_after(self, certificate: Certificate) -> str | None:
        """The kind of audit whose decision issued this certificate, if known."""
        try:
            return self.audit(self.decision(certificate.decision).audit).kind
        except KeyError:
            return None
