"""The register for others: the IAF CertSearch upload sheet and a CSV of the same rows.

IAF CertSearch takes certificates as rows of a spreadsheet; its mandatory
columns are the certificate's identification, the certified entity, the
standard, the scope, the dates and the status, which it knows as Active,
Suspended, Withdrawn, Expired (a certificate replaced by a re-issue is, for
the public, withdrawn in favour of its successor). One row builder feeds both
formats so that they never disagree.
"""

from __future__ import annotations

import csv
import io
from typing import Any

__all__ = ["CERTSEARCH_COLUMNS", "CERTSEARCH_STATUS", "certsearch_rows", "csv_bytes", "xlsx_bytes"]

CERTSEARCH_COLUMNS = (
    "Certificate Number", "Certification Status", "Certified Entity Name", "Certified Entity Name (English)",
    "Country", "City", "Standard", "Scope", "Scope (English)", "Original Certification Date",
    "Issue Date", "Expiry Date", "Sites", "Register Number",
)
CERTSEARCH_STATUS = {
    "active": "Active", "suspended": "Suspended", "withdrawn": "Withdrawn",
    "expired": "Expired", "replaced": "Withdrawn", "pending": "Active",
}


def certsearch_rows(records: list[dict[str, Any]]) -> list[list[Any]]:
    """One CertSearch row per certificate record (``queries.certificate_record``), issued ones only."""
    rows = []
    for r in records:
        if r["status"] == "pending":
            continue
        first = r["history"][0]["from"] if r["history"] else r["valid_from"]
        rows.append([
            r["number"], CERTSEARCH_STATUS[r["status"]], r["holder"], r["holder_en"] or "", "RU",
            r.get("city") or "", r["standard"], r["scope"] or "", r["scope_en"] or "", first,
            r["valid_from"], r["valid_until"], "; ".join(r["sites"]), r["register_number"] or "",
        ])
    return rows


def csv_bytes(rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CERTSEARCH_COLUMNS)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens Cyrillic right


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Certificates"
    sheet.append(list(CERTSEARCH_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column, width in zip("ABCDEFGHIJKLMN", (24, 12, 40, 30, 8, 16, 24, 50, 50, 12, 12, 12, 40, 30),
                             strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
