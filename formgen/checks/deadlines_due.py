"""What falls due in one case from a date on: the deadlines of the cycle, each with its clause.

The rules (``checks.rules``) judge what happened; this module looks ahead
from a day with the same helpers, so that the agenda and the rules count the
same months from the same audits:

* planned surveillance — 12 months after the last day of the previous stage 2,
  surveillance or recertification, while a certificate is in force (7.7.5);
* corrective actions — the ``due_date`` of each nonconformity not yet closed
  (7.5.6.6, 7.7.16, 7.7.17);
* the end of a suspension's term, by which it is lifted or the certificate
  withdrawn or its scope reduced (7.7.19.3, 9.3.4, 9.3.5);
* the recertification application — as a rule six months, at the latest
  three months before expiry (8.2), while no recertification is under way;
* the expiry of a certificate in force (7.6.4).

Overdue items (their date before the day) are included: they are the most
urgent ones on a desk's list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from formgen.case.history import replacement, status_at
from formgen.case.model import Case
from formgen.checks.rules.timeline import add_months, certificates_in_force, d, suspensions

__all__ = ["DueItem", "due_items"]

_PERIODIC = {"stage2", "surveillance", "recertification"}


@dataclass(frozen=True)
class DueItem:
    """One deadline: when, what, under which clause, and the certificate concerned."""

    date: dt.date
    kind: str  # surveillance | corrective_action | suspension_end | recertification_application | expiry
    clause: str
    text: str
    certificate: str | None = None
    overdue: bool = False

    def as_dict(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat()
        return data


def _surveillance(case: Case, day: dt.date) -> list[DueItem]:
    periodic = sorted((a for a in case.audits if a.kind in _PERIODIC and a.end <= day),
                      key=lambda a: a.start)
    if not periodic:
        return []
    last = periodic[-1]
    due = add_months(last.end, 12)
    live = certificates_in_force(case, day)
    if not live or all(case.valid_until(c) < due for _, c in live):
        return []  # nothing to survey once the certificate has ended
    number = live[-1][1].number
    return [DueItem(due, "surveillance", "7.7.5",
                    f"инспекционный контроль не позднее {d(due)} (12 месяцев после аудита "
                    f"«{last.id}», {d(last.end)})", number, due < day)]


def _corrective(case: Case, day: dt.date) -> list[DueItem]:
    if case.certificates and not certificates_in_force(case, day):
        return []  # the cycle has ended: no corrective action is awaited any more
    items = []
    clauses = {"surveillance": "7.7.16, 7.7.17"}
    for audit in case.audits:
        for nc in audit.nonconformities:
            if nc.closed or nc.due_date is None:
                continue
            items.append(DueItem(nc.due_date, "corrective_action", clauses.get(audit.kind, "7.5.6.6"),
                                 f"срок корректирующих мероприятий по несоответствию № {nc.number} "
                                 f"аудита «{audit.id}» — {d(nc.due_date)}", None, nc.due_date < day))
    return items


def _certificates(case: Case, day: dt.date) -> list[DueItem]:
    items = []
    recertifying = [a for a in case.audits if a.kind == "recertification"]
    for cert in case.certificates:
        status = status_at(case, cert, day).status
        if status == "suspended":
            for s in suspensions(case, cert):
                if s.start <= day and s.lifted is None:
                    items.append(DueItem(s.end, "suspension_end", "7.7.19.3, 9.3.4",
                                         f"срок приостановления по решению № {s.decision.number} истекает "
                                         f"{d(s.end)}: возобновить, отменить действие или сузить область "
                                         f"(9.3.5)", cert.number, s.end < day))
        if status not in {"active", "suspended"} or replacement(case, cert) is not None:
            continue
        expires = case.valid_until(cert)
        if not any(a.start > cert.registered for a in recertifying):
            latest = add_months(expires, -3)
            items.append(DueItem(add_months(expires, -6), "recertification_application", "8.2",
                                 f"заявка на ресертификацию: как правило за шесть месяцев, не позднее "
                                 f"{d(latest)} (сертификат действует до {d(expires)})", cert.number,
                                 latest < day))
        items.append(DueItem(expires, "expiry", "7.6.4", f"окончание срока действия сертификата "
                             f"№ {cert.number} — {d(expires)}", cert.number, False))
    return items


def due_items(case: Case, day: dt.date, within: int) -> list[DueItem]:
    """Deadlines up to ``within`` days after ``day`` (overdue ones included), in date order."""
    horizon = day + dt.timedelta(days=within)
    found = _surveillance(case, day) + _corrective(case, day) + _certificates(case, day)
    return sorted((i for i in found if i.date <= horizon), key=lambda i: (i.date, i.kind))
