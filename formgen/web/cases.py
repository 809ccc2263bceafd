"""What the desk does with cases: save a text as a revision, read the latest, list its documents.

A text typed or uploaded at the desk goes through exactly the path a file on
the command line takes (``register.importer.import_case`` → ``load_case`` →
the pydantic model and the cross-references), from a temporary copy: the
user's file name never becomes a path, and a text that does not validate is
refused whole, with the located problems, in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import tempfile
import zipfile
from pathlib import Path

from sqlalchemy import select

from formgen.case.history import status_at
from formgen.case.model import AUDIT_KIND_LABELS, DECISION_KINDS, Case
from formgen.errors import CaseValidationError, InputError
from formgen.forms.produce import file_stem, produce
from formgen.forms.registry import FORMS
from formgen.output.writer import Document
from formgen.register.importer import ImportResult, import_case
from formgen.register.models import CaseRecord, Revision
from formgen.text.dates import numeric_date

__all__ = [
    "case_documents",
    "case_events",
    "document_names",
    "latest",
    "render_document",
    "render_zip",
    "save_case_text",
    "zip_documents",
]

MAX_CASE_BYTES = 2 * 1024 * 1024
CERT_LANGS = ["ru", "en"]


def _check_body_path(data: bytes, base: Path, roots: tuple[Path, ...]) -> None:
    """A text from the desk may name as its ``body:`` only a profile file of the body's folders.

    Otherwise an upload saying ``body: /etc/passwd`` would make the loader read
    any file the server can and quote it back in the error message.
    """
    from formgen.case.source import read_located_text

    located = read_located_text(data.decode("utf-8", errors="replace"), "дело")
    body = located.data.get("body") if isinstance(located.data, dict) else None
    if not isinstance(body, str):
        return
    path = (base / body).resolve()
    inside = any(path.is_relative_to(root.resolve()) for root in roots)
    if not inside or path.suffix.lower() not in {".yaml", ".yml", ".json"}:
        raise InputError(f"body: «{body}» — профиль органа берётся только из папки дел или профилей "
                         "рабочего места (файл YAML/JSON); укажите путь к профилю органа")


def save_case_text(register, data: bytes, who: str, base: Path, label: str,
                   case_id: int | None = None, roots: tuple[Path, ...] = ()) -> ImportResult:
    """Validate and store a case text; ``case_id`` must stay the same case when given.

    ``roots`` are the folders besides ``base`` a ``body: FILE`` may lie in.
    """
    suffix = ".json" if data.lstrip()[:1] in (b"{", b"[") else ".yaml"
    with tempfile.TemporaryDirectory(prefix="formgen-desk-") as tmp:
        path = Path(tmp) / f"case{suffix}"
        path.write_bytes(data)
        try:
            with register.transaction() as session:
                stored = session.get(CaseRecord, case_id) if case_id is not None else None
                if stored is not None and stored.base_dir:
                    base = Path(stored.base_dir)  # its body: FILE stays where it was read from
                _check_body_path(data, base, (base, *roots))
                result = import_case(session, path, label=label, base=base, who=who)
                if case_id is not None:
                    record = session.scalars(select(CaseRecord).where(CaseRecord.key == result.key)).one()
                    if record.id != case_id:
                        raise InputError(
                            f"номер заявки в тексте ({result.key}) — другого дела; дело не изменено")
        except CaseValidationError as exc:
            problems = [dataclasses.replace(p, file=label) if p.file == str(path) else p
                        for p in exc.problems]
            raise CaseValidationError(problems) from None
    return result


def latest(session, case_id: int) -> tuple[CaseRecord, Revision, Case]:
    record = session.get(CaseRecord, case_id)
    if record is None or not record.revisions:
        raise KeyError(case_id)
    revision = record.revisions[-1]
    return record, revision, Case.model_validate(revision.data)


def case_events(case: Case, day: dt.date) -> list[dict]:
    """The cycle as a timeline: application → stages → decisions → certificates, by date."""
    events = [{"date": case.application.date, "what": "Заявка", "detail": case.application.number or ""}]
    if case.review is not None:
        events.append({"date": case.review.date, "what": "Рассмотрение заявки", "detail": ""})
    for audit in case.audits:
        events.append({"date": audit.start, "what": AUDIT_KIND_LABELS[audit.kind].capitalize(),
                       "detail": f"{numeric_date(audit.start)} — {numeric_date(audit.end)}, "
                                 f"несоответствий: {len(audit.nonconformities)}"})
    for decision in case.decisions:
        outcome = "" if decision.positive else " (отрицательное)"
        events.append({"date": decision.date, "what": DECISION_KINDS[decision.kind].capitalize() + outcome,
                       "detail": f"№ {decision.number}"})
    for cert in case.certificates:
        events.append({"date": cert.registered, "what": "Сертификат",
                       "detail": f"№ {cert.number} — {status_at(case, cert, day).label()}"})
    return sorted(events, key=lambda e: e["date"])


def document_names(case: Case) -> list[dict]:
    """Every document the case has data for, by file name, without rendering any."""
    out = []
    for form in FORMS:
        for instance in form.instances(case):
            stem = file_stem(form, instance.key)
            names = [f"{stem}.docx"] if form.output == "docx" else [f"{stem}-{x}.pdf" for x in CERT_LANGS]
            for name in names:
                out.append({"name": name, "form": form.slug, "annex": form.annex, "title": form.title})
    return out


def _renderer(case, certificate, langs):
    from formgen.forms.certificate_data import render_case_certificates

    return render_case_certificates(case, certificate, langs, draft=False)


def render_document(case: Case, name: str) -> Document:
    """The one document called ``name`` (as listed by ``document_names``)."""
    for form in FORMS:
        for instance in form.instances(case):
            stem = file_stem(form, instance.key)
            langs = [x for x in CERT_LANGS if name == f"{stem}-{x}.pdf"]
            if name == f"{stem}.docx" or langs:
                # only the language asked for: a Russian certificate needs no English texts
                documents = produce(case, [form], langs or CERT_LANGS[:1], None, _renderer)
                return next(d for d in documents if d.path == name)
    raise KeyError(name)


def case_documents(case: Case) -> list[Document]:
    """Every document of the case, rendered (DOCX forms, certificate PDFs)."""
    return produce(case, FORMS, CERT_LANGS, None, _renderer)


def render_zip(case: Case) -> bytes:
    """All documents of the case and their manifest, as one ZIP (fixed timestamps)."""
    return zip_documents(case_documents(case))


def zip_documents(documents: list[Document]) -> bytes:
    """``documents`` and their manifest (the CLI's entries) as one ZIP with fixed timestamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for doc in documents:
            archive.writestr(zipfile.ZipInfo(doc.path, (2000, 1, 1, 0, 0, 0)), doc.data)
        manifest = {"documents": [d.manifest_entry() for d in documents]}
        archive.writestr(zipfile.ZipInfo("manifest.json", (2000, 1, 1, 0, 0, 0)),
                         json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return buffer.getvalue()
