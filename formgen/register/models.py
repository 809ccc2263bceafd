"""The register's tables.

The register stores each imported case file verbatim (``Revision.text``) and
the validated case as JSON (``Revision.data``, body profile resolved), so that
any later question — the agenda, a status at some date — is answered from the
case model itself, never from a second copy of the standard's rules. What a
register must find fast (certificates by number and status, numbers in use) is
kept in its own rows, derived on import.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = [
    "Base",
    "CaseRecord",
    "CertificateRecord",
    "ChangeRecord",
    "DueRecord",
    "IssuedDocument",
    "LoginSession",
    "NumberClaim",
    "Revision",
    "SeriesCounter",
    "SeriesRecord",
    "SignatureRecord",
    "StatusRecord",
    "User",
]


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


class CaseRecord(Base):
    """One client's certification cycle, keyed by its application number."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    holder: Mapped[str] = mapped_column(Text)
    inn: Mapped[str | None] = mapped_column(String(20), index=True)
    source_path: Mapped[str] = mapped_column(Text)
    base_dir: Mapped[str] = mapped_column(Text, default="")  # where its ``body: FILE`` is read from
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revisions: Mapped[list[Revision]] = relationship(
        back_populates="case", order_by="Revision.id", cascade="all, delete-orphan"
    )
    certificates: Mapped[list[CertificateRecord]] = relationship(
        back_populates="case", cascade="all, delete-orphan"
    )


class Revision(Base):
    """A case file as imported: its text, its hash and the validated case."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("case_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]]
    source_path: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    case: Mapped[CaseRecord] = relationship(back_populates="revisions")


class CertificateRecord(Base):
    """A certificate with the public facts a register shows (fields of Annex Р)."""

    __tablename__ = "certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(100), unique=True)
    register_number: Mapped[str | None] = mapped_column(String(200))
    issue: Mapped[int] = mapped_column(Integer)
    holder: Mapped[str] = mapped_column(Text)
    holder_en: Mapped[str | None] = mapped_column(Text)
    inn: Mapped[str | None] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(2), default="RU")
    city: Mapped[str | None] = mapped_column(Text)
    standard: Mapped[str] = mapped_column(Text)
    scope: Mapped[str | None] = mapped_column(Text)
    scope_en: Mapped[str | None] = mapped_column(Text)
    sites: Mapped[list[str]]
    registered: Mapped[dt.date] = mapped_column(Date, index=True)
    valid_until: Mapped[dt.date] = mapped_column(Date, index=True)
    replaces: Mapped[str | None] = mapped_column(String(100))
    case: Mapped[CaseRecord] = relationship(back_populates="certificates")
    statuses: Mapped[list[StatusRecord]] = relationship(
        back_populates="certificate", order_by="StatusRecord.seq", cascade="all, delete-orphan"
    )


class StatusRecord(Base):
    """One period of a certificate's status history (``formgen.case.history.status_history``)."""

    __tablename__ = "certificate_statuses"

    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificates.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), index=True)
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    decision: Mapped[str | None] = mapped_column(String(100))
    by_certificate: Mapped[str | None] = mapped_column(String(100))
    clause: Mapped[str] = mapped_column(String(50), default="")
    certificate: Mapped[CertificateRecord] = relationship(back_populates="statuses")


class DueRecord(Base):
    """An item of a case's agenda with the days it is on it (``formgen.register.dues``).

    Derived from the case's newest revision on import, like its certificates:
    the agenda over the whole register is then one query on these rows.
    """

    __tablename__ = "dues"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    from_day: Mapped[dt.date | None] = mapped_column(Date)
    until_day: Mapped[dt.date] = mapped_column(Date, index=True)
    seq: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    clause: Mapped[str] = mapped_column(String(50))
    holder: Mapped[str] = mapped_column(Text)
    certificate: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)


class NumberClaim(Base):
    """A number in use: claimed by an imported case or reserved from a series.

    One row per (kind, number): the unique constraint is what makes a number
    impossible to hand out twice, whichever desk asks.
    """

    __tablename__ = "numbers"
    __table_args__ = (UniqueConstraint("kind", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    number: Mapped[str] = mapped_column(String(200))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    source: Mapped[str] = mapped_column(String(20))  # "case" | "reserved"
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SeriesRecord(Base):
    """A numbering series of the body profile: its pattern and the kind of number it makes."""

    __tablename__ = "series"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    pattern: Mapped[str] = mapped_column(Text)


class SeriesCounter(Base):
    """The last counter value handed out in a series in a year."""

    __tablename__ = "series_counters"

    series: Mapped[str] = mapped_column(ForeignKey("series.name", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class IssuedDocument(Base):
    """A document issued under a number: what was printed, with its hash.

    (form, number, lang, format) is unique: the same number cannot carry two
    different documents; a correction is a new number or a re-issue.
    """

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("form", "number", "lang", "format"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    form: Mapped[str] = mapped_column(String(60))
    annex: Mapped[str] = mapped_column(String(10))
    number: Mapped[str] = mapped_column(String(200))
    lang: Mapped[str] = mapped_column(String(10))
    format: Mapped[str] = mapped_column(String(10))
    date: Mapped[dt.date | None] = mapped_column(Date)
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)


class User(Base):
    """A member of the body's staff who may use the desk (``formgen users add``).

    Roles (issue of the desk): ``clerk`` edits cases and prints, ``auditor``
    edits the audits he is on, ``head`` also marks decisions and certificates
    as signed. Only the argon2 hash of the password is stored.
    """

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str | None] = mapped_column(Text)
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class LoginSession(Base):
    """A signed-in browser: the random token in its cookie and its CSRF token."""

    __tablename__ = "login_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    user: Mapped[User] = relationship()


class ChangeRecord(Base):
    """Who changed what and when: every write through the desk or the command line leaves one."""

    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    who: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    detail: Mapped[str] = mapped_column(Text, default="")


class SignatureRecord(Base):
    """A decision or certificate marked as signed on paper by the body's management.

    The case says who is to sign (``signed_by``); this records that it was
    done, by whom (a head user, or one listed in ``body.management``) and when,
    so the desk can show what still waits for a signature.
    """

    __tablename__ = "signatures"
    __table_args__ = (UniqueConstraint("case_id", "kind", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(120))
    who: Mapped[str] = mapped_column(String(80))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
