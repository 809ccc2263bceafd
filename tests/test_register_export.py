"""``formgen register export``: the IAF CertSearch sheet (read back with openpyxl) and the CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from formgen.register.export import CERTSEARCH_COLUMNS
from tests.register_support import SAMPLE_FILES, formgen


def test_certsearch_sheet_and_csv(db_url: str, tmp_path: Path) -> None:
    assert formgen("register", "import", *SAMPLE_FILES, "--db", db_url).exit_code == 0
    sheet_path, csv_path = tmp_path / "cb_certs.xlsx", tmp_path / "certs.csv"
    run = formgen("register", "export", "--certsearch", str(sheet_path), "--csv", str(csv_path),
                  "--at", "2026-06-01", "--db", db_url)
    assert run.exit_code == 0, run.stderr
    sheet = load_workbook(sheet_path).active
    assert sheet.title == "Certifications"
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert tuple(rows[0]) == CERTSEARCH_COLUMNS
    by_number = {row[1]: dict(zip(CERTSEARCH_COLUMNS, row, strict=True)) for row in rows[1:]}
    assert {n: r["Certification Status"] for n, r in by_number.items()} == {
        "ЭС.RU.СЭМ.00123-25": "Active", "ЭС.RU.СЭМ.00112-25": "Active",
        "ЭС.RU.СЭМ.00117-24": "Inactive", "ЭС.RU.СЭМ.00208-24": "Inactive",
        "ЭС.RU.СЭМ.00104-25": "Withdrawn",
    }
    current = by_number["ЭС.RU.СЭМ.00112-25"]
    assert current["Certification Original Issue Date"] == "20240716"  # the chain began with 00117-24
    assert current["Certification Issue Date"] == "20250422"
    assert current["Certification Expiry Date"] == "20270715"
    assert current["Accreditation Status"] == "Accredited"
    assert current["Certification Type"] == "Management System"
    assert current["Country/Economy"] == "Russian Federation"
    assert current["Certified Entity Name"] == "Акционерное общество «Тверской завод железобетонных изделий»"
    assert current["Certification Scope"].startswith("manufacture and sale of precast")
    for row in rows[1:]:  # mandatory cells never empty
        for column in CERTSEARCH_COLUMNS[:11]:
            assert row[CERTSEARCH_COLUMNS.index(column)], column
    text = csv_path.read_bytes().decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == [[str(v or "") for v in row] for row in rows]
