"""The fast readers (rows, not objects) answer exactly as the per-certificate record does."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from formgen.case.load import load_case
from formgen.register.db import open_register
from formgen.register.queries import (
    certificate_record,
    find_certificate,
    list_certificates,
    status_counts,
)
from tests.register_support import SAMPLE_FILES, formgen

DAYS = [dt.date(2023, 1, 1), dt.date(2024, 12, 20), dt.date(2025, 12, 10), dt.date(2026, 3, 1),
        dt.date(2030, 1, 1)]


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_list_and_counts_agree_with_each_certificate(db_url: str, day: dt.date) -> None:
    assert formgen("register", "import", *SAMPLE_FILES, "--db", db_url).exit_code == 0
    register = open_register(db_url)
    try:
        with register.transaction() as session:
            rows = list_certificates(session, day)
            assert len(rows) == sum(len(load_case(f).case.certificates) for f in SAMPLE_FILES)
            for row in rows:
                cert = find_certificate(session, row["number"])
                assert cert is not None and row == certificate_record(cert, day)
            counts = status_counts(session, day)
            assert counts == Counter(r["status"] for r in rows)
            for status in counts:
                chosen = list_certificates(session, day, status)
                assert [r["number"] for r in chosen] == [r["number"] for r in rows
                                                          if r["status"] == status]
    finally:
        register.close()
    assert len({s for d in DAYS for s in status_counts_at(db_url, d)}) >= 4  # the dates differ


def status_counts_at(url: str, day: dt.date) -> Counter[str]:
    register = open_register(url)
    try:
        with register.transaction() as session:
            return status_counts(session, day)
    finally:
        register.close()
