"""A case file into the register: a revision, and the rows that follow from it.

Each import is one transaction. The case is loaded exactly as ``check`` and
``render`` load it (any problem is the same located ``CaseValidationError``,
exit 2, and nothing is stored). An unchanged file (same sha256 as a stored
revision of the case) adds nothing. A changed one becomes a new revision and
its derived rows — certificates with their status history, claimed numbers,
agenda items — are replaced by those of the new text. A number another case already claims
is a located error naming that case: two clients' papers never share one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from formgen.case.history import certificate_sites, organisation_at, status_history
from formgen.case.load import LoadedCase, load_case
from formgen.case.model import Case
from formgen.errors import CaseValidationError, Problem
from formgen.register.accounts import record_change
from formgen.register.claims import case_numbers
from formgen.register.dues import store_dues
from formgen.register.models import (
    CaseRecord,
    CertificateRecord,
    NumberClaim,
    Revision,
    StatusRecord,
)
from formgen.register.numbering import define_series

__all__ = ["ImportResult", "case_key", "import_case"]


@dataclass(frozen=True)
class ImportResult:
    path: Path
    key: str
    holder: str
    outcome: str  # "new" | "updated" | "unchanged"
    certificates: int


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def case_key(case: Case) -> str:
    """A case is one application: its number, else the applicant's ИНН (or name) and date."""
    if case.application.number:
        return case.application.number
    who = case.organisation.inn or case.organisation.name
    return f"{who} / {case.application.date.isoformat()}"


def import_case(session: Session, path: Path, label: str | None = None, base: Path | None = None,
                who: str = "formgen register import") -> ImportResult:
    """Store ``path`` in the register (inside the caller's transaction).

    ``label`` names the source in the register and in messages when ``path``
    is only a temporary copy (an upload); ``base`` is then the folder its
    ``body: FILE`` is read from.
    """
    raw = Path(path).read_bytes()
    loaded = load_case(path, base)
    label = label or str(path)
    case = loaded.case
    sha = hashlib.sha256(raw).hexdigest()
    key = case_key(case)
    record = session.scalars(select(CaseRecord).where(CaseRecord.key == key)).one_or_none()
    if record is not None and any(r.sha256 == sha for r in record.revisions):
        return ImportResult(Path(path), key, record.holder, "unchanged", len(record.certificates))
    outcome = "new" if record is None else "updated"
    if record is None:
        record = CaseRecord(key=key, holder=case.organisation.name, inn=case.organisation.inn,
                            source_path=label,
                            base_dir=str(base or Path(path).resolve().parent), created_at=_now())
        session.add(record)
        session.flush()
    _check_claims(session, loaded, record.id)
    record.holder = case.organisation.name
    record.inn = case.organisation.inn
    record.source_path = label
    session.add(Revision(case_id=record.id, sha256=sha, text=raw.decode("utf-8", errors="replace"),
                         data=case.model_dump(mode="json"), source_path=label,
                         imported_at=_now()))
    session.execute(delete(CertificateRecord).where(CertificateRecord.case_id == record.id))
    session.execute(delete(NumberClaim).where(NumberClaim.case_id == record.id,
                                              NumberClaim.source == "case"))
    session.flush()
    _claim_numbers(session, case, record.id)
    for cert in case.certificates:
        session.add(certificate_row(case, cert, record.id))
    store_dues(session, case, record.id, key)
    define_series(session, case.body.numbering)
    record_change(session, who, f"case-{outcome}", record.id, f"{key}: {label} ({sha[:12]})")
    session.flush()
    return ImportResult(Path(path), key, record.holder, outcome, len(case.certificates))


def _check_claims(session: Session, loaded: LoadedCase, case_id: int) -> None:
    """Every number the case claims that another case holds, as located problems (one query)."""
    claimed = list(case_numbers(loaded.case))
    pairs = sorted({(kind, number) for kind, number, _ in claimed})
    if not pairs:
        return
    taken: dict[tuple[str, str], CaseRecord] = {}
    for kind, chunk in _by_kind(pairs):
        rows = session.execute(
            select(NumberClaim.number, CaseRecord)
            .join(CaseRecord, NumberClaim.case_id == CaseRecord.id)
            .where(NumberClaim.kind == kind, NumberClaim.number.in_(chunk),
                   NumberClaim.case_id != case_id))
        taken.update({(kind, number): other for number, other in rows})
    problems = []
    for kind, number, field in claimed:
        other = taken.get((kind, number))
        if other is not None:
            file, line, col = loaded.where(field)
            problems.append(Problem(file, line, col, ".".join(map(str, field)),
                                    f"номер «{number}» уже занят делом «{other.key}» "
                                    f"({other.holder}, {other.source_path})"))
    if problems:
        raise CaseValidationError(problems)


def _claim_numbers(session: Session, case: Case, case_id: int) -> None:
    """Claim the case's numbers; one reserved earlier by ``register next`` becomes the case's."""
    pairs = list(dict.fromkeys((kind, number) for kind, number, _ in case_numbers(case)))
    reserved: dict[tuple[str, str], NumberClaim] = {}
    with session.no_autoflush:
        for kind, chunk in _by_kind(pairs):
            found = session.scalars(select(NumberClaim).where(
                NumberClaim.kind == kind, NumberClaim.number.in_(chunk)))
            reserved.update({(claim.kind, claim.number): claim for claim in found})
    for kind, number in pairs:
        claim = reserved.get((kind, number))
        if claim is not None:  # reserved earlier by `register next`: now the case's
            claim.case_id, claim.source = case_id, "case"
        else:
            session.add(NumberClaim(kind=kind, number=number, case_id=case_id, source="case",
                                    created_at=_now()))


def _by_kind(pairs: list[tuple[str, str]], size: int = 200) -> Iterator[tuple[str, list[str]]]:
    """(kind, numbers) in slices: ``kind = ? AND number IN (…)`` walks the (kind, number)
    index on every backend (a row-value IN made SQLite scan the whole table, slower with
    each case imported) and stays under any limit on bound parameters."""
    kinds: dict[str, list[str]] = {}
    for kind, number in pairs:
        kinds.setdefault(kind, []).append(number)
    for kind, numbers in kinds.items():
        for i in range(0, len(numbers), size):
            yield kind, numbers[i:i + size]


def certificate_row(case: Case, cert, case_id: int) -> CertificateRecord:
    """The register's row of one certificate: holder as on its registration, sites in its scope."""
    holder = organisation_at(case, cert.registered)
    row = CertificateRecord(
        case_id=case_id, number=cert.number, register_number=cert.register_number, issue=cert.issue,
        holder=holder.name, holder_en=holder.name_en, inn=holder.inn, country="RU", city=holder.city,
        standard=case.standard, scope=case.certificate_scope(cert, "ru"),
        scope_en=case.certificate_scope(cert, "en"),
        sites=[site.name for site in certificate_sites(case, cert)],
        registered=cert.registered, valid_until=case.valid_until(cert), replaces=cert.replaces,
    )
    row.statuses = [
        StatusRecord(seq=i, status=p.status, start=p.start, end=p.end, decision=p.decision,
                     by_certificate=p.by_certificate, clause=p.clause)
        for i, p in enumerate(status_history(case, cert))
    ]
    return row
