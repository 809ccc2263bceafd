"""The register as the IAF CertSearch upload sheet (XLSX) and as CSV.

CertSearch takes a certification body's certificates as an Excel file whose
header row and column order must be exactly those of its template
("Certification Template for Certification Body"): the columns below, the
mandatory ones first. Our statuses are mapped onto the values CertSearch
accepts (Active, Inactive, Suspended, Cancelled, Draft, Withdrawn, Expired):
a replaced certificate is no longer the holder's certificate but was never
withdrawn, so it is «Inactive»; one not yet registered is «Draft». Dates are
YYYYMMDD text, as the template requires. The CSV carries the same rows.
"""

from __future__ import annotations

import csv
import io
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from formgen.case.history import STATUSES
from formgen.register.models import CertificateRecord, Revision

__all__ = ["CERTSEARCH_COLUMNS", "CERTSEARCH_STATUS", "certsearch_rows", "csv_bytes", "export_facts",
           "xlsx_bytes"]

CERTSEARCH_COLUMNS: tuple[str, ...] = (
    "Certification Identity Number",
    "Certificate Number",
    "Certification Status",
    "Accreditation Status",
    "Certification Type",
    "Certification Scope",
    "Certification Original Issue Date",
    "Certification Issue Date",
    "Certification Expiry Date",
    "Certified Entity Unique ID",
    "Certified Entity Name",
    "Certified Entity English Name",
    "City",
    "Country/Economy",
    "Standard",
    "Sites",
)

CERTSEARCH_STATUS: dict[str, str] = {
    "pending": "Draft",
    "active": "Active",
    "suspended": "Suspended",
    "withdrawn": "Withdrawn",
    "expired": "Expired",
    "replaced": "Inactive",
}
assert set(CERTSEARCH_STATUS) == set(STATUSES)


def _yyyymmdd(iso: str | None) -> str:
    return iso.replace("-", "") if iso else ""


_COUNTRIES = {"RU": "Russian Federation"}


def export_facts(session: Session) -> dict[str, dict[str, Any]]:
    """Per certificate number what the sheet needs beyond the public record.

    ``first_issue``: registration date of the first certificate of its chain (a re-issue
    replaces its predecessor in the stored history; CertSearch wants the original date);
    ``accredited``: issued within the body's accreditation scope (Annex Г of the case's latest
    revision); ``inn``, ``city``, ``country`` of the holder.
    """
    certs = session.scalars(select(CertificateRecord).options(selectinload(CertificateRecord.statuses)))
    rows = {c.number: c for c in certs}
    previous = {p.by_certificate: c.number for c in rows.values() for p in c.statuses
                if p.status == "replaced" and p.by_certificate}
    latest = select(func.max(Revision.id)).group_by(Revision.case_id)
    accredited = {}
    for case_id, data in session.execute(select(Revision.case_id, Revision.data)
                                         .where(Revision.id.in_(latest))):
        review = cast(dict[str, Any], data).get("review") or {}
        accredited[case_id] = bool(review.get("in_accreditation_scope", True))
    facts = {}
    for number, cert in rows.items():
        first, seen = cert, {number}
        while first.number in previous and previous[first.number] not in seen:
            first = rows[previous[first.number]]
            seen.add(first.number)
        facts[number] = {"first_issue": first.registered.isoformat(), "inn": cert.inn, "city": cert.city,
                         "country": _COUNTRIES.get(cert.country, cert.country),
                         "accredited": accredited.get(cert.case_id, True)}
    return facts


def certsearch_rows(records: list[dict[str, Any]], facts: dict[str, dict[str, Any]]) -> list[list[str]]:
    """One row per certificate record (``queries.certificate_record``), in CERTSEARCH_COLUMNS order."""
    rows = []
    for r in records:
        f = facts.get(r["number"], {})
        rows.append([
            r["number"],
            r["number"],
            CERTSEARCH_STATUS[r["status"]],
            "Accredited" if f.get("accredited", True) else "Unaccredited",
            "Management System",
            r["scope_en"] or r["scope"] or "",
            _yyyymmdd(f.get("first_issue") or r["valid_from"]),
            _yyyymmdd(r["valid_from"]),
            _yyyymmdd(r["valid_until"]),
            f.get("inn") or r["holder"],
            r["holder"],
            r["holder_en"] or "",
            f.get("city") or "",
            f.get("country") or "",
            r["standard"],
            "; ".join(r["sites"]),
        ])
    return rows


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    """The upload workbook: one sheet «Certifications», the header row, then the rows as text."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Certifications"
    sheet.append(list(CERTSEARCH_COLUMNS))
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.number_format = "@"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(rows: list[list[str]]) -> bytes:
    """The same table as CSV (UTF-8 with BOM so that a spreadsheet opens Cyrillic correctly)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CERTSEARCH_COLUMNS)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
