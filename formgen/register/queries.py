"""Questions a body asks its register: one certificate, a list, statuses at a date.

``certificate_record`` is the one public shape of a certificate — the same
dict for ``register show --json``, ``register list --json``, the API and the
verification page — so that every way of asking gives the same answer. The
status at a date is read off the stored history (derived from the decisions
by ``formgen.case.history`` on import), never recomputed here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from formgen.case.statuses import STATUS_LABELS
from formgen.errors import InputError
from formgen.register.models import CertificateRecord, StatusRecord

__all__ = [
    "PUBLIC_KEYS",
    "certificate_record",
    "find_certificate",
    "get_certificate",
    "list_certificates",
    "status_counts",
    "status_on",
]

Columns = Mapping[Any, Any]  # a row's values by column name: a RowMapping or a dict

PUBLIC_KEYS = ("number", "register_number", "holder", "holder_en", "city", "status", "status_label",
               "status_label_en", "status_since", "valid_from", "valid_until", "standard",
               "scope", "scope_en", "sites", "issue", "replaces", "history")


def status_on(cert: CertificateRecord, day: dt.date) -> StatusRecord:
    """The stored status period that covers ``day``."""
    for period in cert.statuses:
        if (period.start is None or period.start <= day) and (period.end is None or day <= period.end):
            return period
    raise AssertionError(f"status history of {cert.number} leaves a gap")  # pragma: no cover


def _period(period: Columns) -> dict[str, Any]:
    return {
        "status": period["status"],
        "label": STATUS_LABELS["ru"][period["status"]],
        "from": period["start"].isoformat() if period["start"] else None,
        "to": period["end"].isoformat() if period["end"] else None,
        "decision": period["decision"],
        "by_certificate": period["by_certificate"],
        "clause": period["clause"],
    }


def certificate_record(cert: CertificateRecord, day: dt.date) -> dict[str, Any]:
    """The public facts of a certificate, with its status on ``day`` and its history."""
    return _record(_columns(cert), [_columns(p) for p in cert.statuses], day)


def _columns(row: CertificateRecord | StatusRecord) -> Columns:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}


def _record(cert: Columns, statuses: list[Columns], day: dt.date) -> dict[str, Any]:
    """:func:`certificate_record` from plain column values (a list reads rows, not objects)."""
    now = next((p for p in statuses if (p["start"] is None or p["start"] <= day)
                and (p["end"] is None or day <= p["end"])), None)
    if now is None:  # pragma: no cover - the stored history is contiguous
        raise AssertionError(f"status history of {cert['number']} leaves a gap")
    return {
        "number": cert["number"],
        "register_number": cert["register_number"],
        "holder": cert["holder"],
        "holder_en": cert["holder_en"],
        "city": cert["city"],
        "status": now["status"],
        "status_label": STATUS_LABELS["ru"][now["status"]],
        "status_label_en": STATUS_LABELS["en"][now["status"]],
        "status_since": now["start"].isoformat() if now["start"] else None,
        "valid_from": cert["registered"].isoformat(),
        "valid_until": cert["valid_until"].isoformat(),
        "standard": cert["standard"],
        "scope": cert["scope"],
        "scope_en": cert["scope_en"],
        "sites": list(cert["sites"]),
        "issue": cert["issue"],
        "replaces": cert["replaces"],
        "history": [_period(p) for p in statuses if p["status"] != "pending"],
    }


def find_certificate(session: Session, number: str) -> CertificateRecord | None:
    """The certificate whose number is exactly ``number`` as printed (surrounding blanks ignored)."""
    return session.scalars(
        select(CertificateRecord).options(selectinload(CertificateRecord.statuses))
        .where(CertificateRecord.number == number.strip())
    ).one_or_none()


def get_certificate(session: Session, number: str) -> CertificateRecord:
    cert = find_certificate(session, number)
    if cert is None:
        raise InputError(f"сертификат № {number} в реестре не найден")
    return cert


def _covering(day: dt.date, status: str | None = None):
    """Status periods that cover ``day`` (of one status, if given)."""
    query = select(StatusRecord.certificate_id, StatusRecord.status).where(
        (StatusRecord.start.is_(None)) | (StatusRecord.start <= day),
        (StatusRecord.end.is_(None)) | (StatusRecord.end >= day))
    return query.where(StatusRecord.status == status) if status is not None else query


def list_certificates(session: Session, day: dt.date, status: str | None = None) -> list[dict[str, Any]]:
    """Every certificate with its status on ``day``, by registration date; ``status`` filters.

    Read as plain rows (two queries, no ORM objects): the whole register of
    ten thousand certificates is listed in about a second.
    """
    if status is not None and status not in STATUS_LABELS["ru"]:
        raise InputError(f"--status: неизвестный статус «{status}»; допустимы: "
                         f"{', '.join(STATUS_LABELS['ru'])}")
    certs = select(CertificateRecord.__table__).order_by(CertificateRecord.registered,
                                                         CertificateRecord.number)
    periods = select(StatusRecord.__table__).order_by(StatusRecord.certificate_id, StatusRecord.seq)
    if status is not None:
        chosen = _covering(day, status).with_only_columns(StatusRecord.certificate_id)
        certs = certs.where(CertificateRecord.id.in_(chosen))
        periods = periods.where(StatusRecord.certificate_id.in_(chosen))
    history: dict[int, list[Columns]] = defaultdict(list)
    for period in session.execute(periods).mappings():
        history[period["certificate_id"]].append(period)
    return [_record(cert, history[cert["id"]], day) for cert in session.execute(certs).mappings()]


def status_counts(session: Session, day: dt.date) -> Counter[str]:
    """How many certificates have each status on ``day`` (the dashboard's figures), in one query."""
    covering = _covering(day).subquery()
    rows = session.execute(select(covering.c.status, func.count().label("count")).group_by(covering.c.status))
    return Counter({row["status"]: row["count"] for row in rows.mappings()})
