"""Certificate register tables (CSV, XLSX) as input for batch printing.

``open_table`` checks the header (unknown or missing columns are an input
error); ``register_jobs`` streams the rows as ``CertificateJob`` or, for a
row that cannot be used, ``JobFailure`` with its row (as a spreadsheet
numbers it) and reasons.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from formgen.registertable.columns import COLUMNS, column_reference
from formgen.registertable.rows import RowMapper, load_body_profile, parse_langs
from formgen.registertable.source import Table, open_table
from formgen.render.certificate.batch import CertificateJob, JobFailure

__all__ = [
    "COLUMNS",
    "RowMapper",
    "Table",
    "column_reference",
    "load_body_profile",
    "open_table",
    "parse_langs",
    "register_jobs",
]


def register_jobs(
    path: str | Path,
    langs: list[str],
    *,
    draft: bool = False,
    body: Path | None = None,
    at: dt.date | None = None,
    archive: bool = False,
    base: Path | None = None,
) -> tuple[int, Iterator[CertificateJob | JobFailure]]:
    """(number of rows, the rows as jobs) of a register table, read lazily.

    A row not in force on ``at`` (default today) is refused, or printed as a
    marked archive copy with ``archive`` (see ``RowMapper``). ``base`` is the
    folder the ``body`` and logo cells are read from (default: the table's;
    the desk, whose upload lives in a temporary folder, gives its cases folder).
    """
    table = open_table(path)
    mapper = RowMapper(table, langs, draft=draft, body=body, at=at, archive=archive, base=base)
    return table.count(), (mapper.job(row) for row in table.rows())
