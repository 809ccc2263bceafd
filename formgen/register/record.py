"""``render --register``: import the case, check and record its documents, write them — one transaction.

The check runs before anything is written and the records are committed
only after the files are in place, so a refused or failed render leaves both
the output folder and the register as they were.
"""

from __future__ import annotations

from pathlib import Path

from formgen.case.model import Case
from formgen.output.writer import Document, write_documents
from formgen.register.db import open_register
from formgen.register.documents import check_documents, record_documents
from formgen.register.importer import import_case
from formgen.register.models import CaseRecord

__all__ = ["write_through_register"]


def write_through_register(db: str | None, case_path: Path, case: Case, documents: list[Document],
                           out: Path) -> Path:
    register = open_register(db)
    try:
        with register.transaction() as session:
            result = import_case(session, case_path)
            case_id = session.query(CaseRecord.id).filter(CaseRecord.key == result.key).scalar()
            check_documents(session, case, documents)
            manifest = write_documents(out, documents)
            record_documents(session, case, documents, case_id, str(out))
        return manifest
    finally:
        register.close()
