"""Issued documents as records (``formgen render --register``).

Every document written is recorded with its sha256, form, number and date.
The number is the one the document itself carries (a decision's, a
certificate's, an audit report's); a form without a number of its own is
filed under its case and file name. A different document under a number
already issued is refused before anything is written — a correction is a new
document or a re-issue, never a silent overwrite; the identical document
(same bytes: rendering is deterministic) is fine and recorded once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from formgen.case.model import Case
from formgen.errors import InputError
from formgen.forms.produce import file_stem
from formgen.forms.registry import FORMS
from formgen.output.writer import Document
from formgen.register.importer import case_key
from formgen.register.models import IssuedDocument

__all__ = ["DocumentFacts", "check_documents", "document_facts", "record_documents"]


@dataclass(frozen=True)
class DocumentFacts:
    number: str
    date: dt.date | None


def _get(item: Any, *names: str) -> Any:
    for name in names:
        item = getattr(item, name, None)
    return item


def document_facts(case: Case) -> dict[str, DocumentFacts]:
    """File stem → the number and date its document carries (from the form's own instance)."""
    facts = {}
    for form in FORMS:
        for instance in form.instances(case):
            stem = file_stem(form, instance.key)
            item = instance.item
            number = _get(item, "number") or _get(item, "report", "number") or f"{case_key(case)} {stem}"
            date = _get(item, "date") or _get(item, "registered") or _get(item, "report", "date")
            facts[stem] = DocumentFacts(str(number), date if isinstance(date, dt.date) else None)
    return facts


def _facts_of(doc: Document, facts: dict[str, DocumentFacts], case: Case) -> DocumentFacts:
    stem = doc.path.rsplit(".", 1)[0]
    for candidate in (stem, stem.removesuffix(f"-{doc.lang}")):
        if candidate in facts:
            return facts[candidate]
    return DocumentFacts(f"{case_key(case)} {stem}", None)


def _rows(case: Case, documents: list[Document]):
    facts = document_facts(case)
    for doc in documents:
        yield doc, _facts_of(doc, facts, case), hashlib.sha256(doc.data).hexdigest()


def check_documents(session: Session, case: Case, documents: list[Document]) -> None:
    """Refuse (exit 2, nothing written) when a number already carries a different document."""
    clashes = []
    for doc, facts, sha in _rows(case, documents):
        issued = session.scalars(select(IssuedDocument).where(
            IssuedDocument.form == doc.form, IssuedDocument.number == facts.number,
            IssuedDocument.lang == doc.lang, IssuedDocument.format == doc.format)).one_or_none()
        if issued is not None and issued.sha256 != sha:
            clashes.append(f"{doc.path}: под номером «{facts.number}» ({doc.form}, {doc.lang}) уже выдан "
                           f"другой документ ({issued.recorded_at:%Y-%m-%d}, sha256 {issued.sha256[:12]}…); "
                           "исправление оформляется новым документом или переоформлением")
    if clashes:
        raise InputError("\n".join(clashes))


def record_documents(session: Session, case: Case, documents: list[Document], case_id: int | None,
                     out_dir: str) -> int:
    """Record the documents not yet recorded; returns how many were new."""
    check_documents(session, case, documents)
    added = 0
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for doc, facts, sha in _rows(case, documents):
        exists = session.scalars(select(IssuedDocument.id).where(
            IssuedDocument.form == doc.form, IssuedDocument.number == facts.number,
            IssuedDocument.lang == doc.lang, IssuedDocument.format == doc.format)).first()
        if exists is None:
            session.add(IssuedDocument(case_id=case_id, form=doc.form, annex=doc.annex, number=facts.number,
                                       lang=doc.lang, format=doc.format, date=facts.date, sha256=sha,
                                       path=f"{out_dir}/{doc.path}", recorded_at=now))
            added += 1
    session.flush()
    return added
