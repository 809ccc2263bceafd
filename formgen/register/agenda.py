"""What falls due across all cases of the register (``formgen agenda``).

Each case is answered from its latest stored revision, read back into the
case model, with the same helpers the rules use — the surveillance gap of
7.7.5 (``surveillance._periodic``, ``timeline.add_months``), the
corrective-action terms of 7.5.6.6/7.7.16/7.7.17 (``deadlines._limit``), the
suspensions of ``case.history`` — so the agenda and ``formgen check`` never
disagree about a date. Only certificates still alive on the start date (not
withdrawn, replaced or expired) produce items: a closed cycle has no dues.

Across the register the items are not worked out at question time: import
stores each case's items with the days they apply (``formgen.register.dues``),
and ``register_agenda`` reads those rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict, dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from formgen.case.history import status_at, suspensions
from formgen.case.model import AUDIT_KIND_LABELS, Case
from formgen.checks.rules.deadlines import _limit
from formgen.checks.rules.surveillance import _periodic
from formgen.checks.rules.timeline import add_months, certificates_in_force
from formgen.register.models import CaseRecord, DueRecord
from formgen.text.dates import numeric_date

__all__ = ["AgendaItem", "case_agenda", "register_agenda"]

_ALIVE = {"active", "suspended"}


@dataclass(frozen=True)
class AgendaItem:
    date: dt.date
    kind: str  # surveillance | corrective_action | suspension_end | recertification_application | expiry
    clause: str
    case: str
    holder: str
    certificate: str | None
    text: str

    def as_dict(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat()
        return data

    def line(self) -> str:
        cert = f" [{self.certificate}]" if self.certificate else ""
        return f"{self.date.isoformat()}\tп. {self.clause}\t{self.case}{cert}\t{self.text}\t{self.holder}"


def _alive(case: Case, day: dt.date):
    return [c for c in case.certificates if c.registered > day or status_at(case, c, day).status in _ALIVE]


def _next_surveillance(case: Case, day: dt.date):
    """(deadline, last audit): 12 months after the last planned audit held before ``day`` (7.7.5),
    unless the case already has the next one; None when nothing is in force by then."""
    audits = [a for _, a in _periodic(case)]
    held = [a for a in audits if a.end < day] or audits[:1]
    if not held:
        return None
    last = held[-1]
    deadline = add_months(last.end, 12)
    if any(a.start > last.end and a.start <= deadline for a in audits):
        return None
    if deadline < day or not certificates_in_force(case, deadline):
        return None
    return deadline, last


def case_agenda(case: Case, key: str, day: dt.date) -> Iterator[AgendaItem]:
    """Every due date of one case from ``day`` on (unbounded; the caller cuts the window)."""
    holder = case.organisation.name
    alive = _alive(case, day)
    if not alive:
        return
    surveillance = _next_surveillance(case, day)
    if surveillance is not None:
        deadline, last = surveillance
        yield AgendaItem(deadline, "surveillance", "7.7.5", key, holder, None,
                         f"инспекционный контроль не позднее этой даты: 12 месяцев после аудита "
                         f"«{last.id}» ({AUDIT_KIND_LABELS[last.kind].lower()}, {numeric_date(last.end)})")
    for audit in case.audits:
        for nc in audit.nonconformities:
            if nc.closed:
                continue
            limit = _limit(audit.kind, nc.category, audit.nonconformities)
            if limit is None and nc.due_date is None:
                continue
            due = nc.due_date or audit.closing_date + dt.timedelta(weeks=limit[0])  # type: ignore[index]
            clause = limit[1] if limit else "7.7.15"
            if due >= day:
                yield AgendaItem(due, "corrective_action", clause, key, holder, None,
                                 f"срок корректирующих действий по несоответствию № {nc.number} "
                                 f"(категория {nc.category}) аудита «{audit.id}»")
    for cert in alive:
        for s in suspensions(case, cert):
            if s.end >= day and s.lifted is None:
                cause = next((a for a in case.audits if a.id == s.decision.audit), None)
                clause = "7.7.19.3" if cause is not None and cause.kind == "surveillance" else "9.3.4"
                yield AgendaItem(s.end, "suspension_end", clause, key, holder, cert.number,
                                 f"окончание приостановления (решение № {s.decision.number}): "
                                 "восстановить или отменить действие")
        if any(c.replaces == cert.number for c in case.certificates):
            continue
        expires = case.valid_until(cert)
        for months, how in ((6, "как правило"), (3, "не позднее чем")):
            when = add_months(expires, -months)
            if when >= day:
                yield AgendaItem(when, "recertification_application", "8.2", key, holder, cert.number,
                                 f"заявка на ресертификацию — {how} за {months} мес. до окончания "
                                 f"действия ({numeric_date(expires)})")
        if expires >= day:
            yield AgendaItem(expires, "expiry", "7.6.4", key, holder, cert.number,
                             "окончание срока действия сертификата")


def register_agenda(session: Session, day: dt.date, within: int) -> list[AgendaItem]:
    """Items of all cases falling due in ``[day, day + within]``, by date then case.

    Read from the rows ``formgen.register.dues`` stored on import (each case's
    items with the days they are on the agenda), not by reading every case
    back: one query, whatever the size of the register.
    """
    until = day + dt.timedelta(days=within)
    rows = session.execute(
        select(DueRecord, CaseRecord.key).join(CaseRecord, DueRecord.case_id == CaseRecord.id)
        .where(or_(DueRecord.from_day.is_(None), DueRecord.from_day <= day),
               DueRecord.until_day >= day, DueRecord.date <= until)
    ).all()
    found = [(AgendaItem(due.date, due.kind, due.clause, str(key), due.holder, due.certificate,
                         due.text), due.seq) for due, key in rows]
    found.sort(key=lambda p: (p[0].date, p[0].case, p[0].kind, p[0].certificate or "", p[1]))
    return [item for item, _ in found]
