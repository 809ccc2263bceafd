"""A case as it stood on a date: sites in scope, the organisation's facts, certificate status.

A case file records a three-year cycle, and each document speaks of its own
day: the application of the organisation as it applied, a certificate of the
sites in scope when it was registered, the register of the status a
certificate has today. This module answers "as of this date" once, for every
form, rule, register and page, so that two of them never disagree.

* **Sites.** A branch enters the scope on ``added`` (or the date of the
  decision ``added_by``) and leaves it on ``removed`` (or ``removed_by``, or
  the day it ``closed``); ``in_scope: false`` keeps it out altogether.
* **Organisation.** ``organisation.changes`` lists dated changes of its
  facts (head, headcount, addresses…); the fields of ``organisation`` are the
  state at the application, each change applies from its date.
* **Certificate status** follows from the decisions (ГОСТ Р 54298-2010):
  ``pending`` before registration, ``active``; ``suspended`` by a positive
  suspension decision (9.3.2, 9.3.3) until a positive confirmation restores it
  — the decision's ``until`` is the term for the holder, past which the
  suspension must end in withdrawal or reduction (7.7.19.4, 9.3.5) and the
  agenda says so; ``withdrawn`` by a positive withdrawal decision (9.3.8);
  ``replaced`` when a later certificate of the case replaces it (re-issue on a
  scope change 9.1.5, 9.3.7, or recertification with ``replaces``);
  ``expired`` the day after ``valid_until`` (7.6.4, 8.2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from formgen.case.model import Branch, Case, Certificate, Decision, Organisation
from formgen.case.statuses import STATUS_LABELS, STATUSES, CertificateStatus

__all__ = [
    "STATUSES",
    "STATUS_LABELS",
    "CertificateStatus",
    "StatusPeriod",
    "Suspension",
    "branch_scope_interval",
    "certificate_sites",
    "in_force",
    "organisation_at",
    "replaced_by",
    "replacement",
    "scope_at",
    "scope_decisions",
    "sites_at",
    "status_at",
    "status_history",
    "suspensions",
    "withdrawal",
    "withdrawn_on",
]

DAY = dt.timedelta(days=1)



# -- sites and the organisation ---------------------------------------------------
def _decision_date(case: Case, number: str | None) -> dt.date | None:
    if not number:
        return None
    return next((x.date for x in case.decisions if x.number == number), None)


def branch_scope_interval(case: Case, branch: Branch) -> tuple[dt.date | None, dt.date | None]:
    """(first day in scope, first day out of scope) of a branch; None = open-ended.

    A branch with ``in_scope: false`` is never in scope: (None, None) is not
    returned for it — callers check ``in_scope`` first.
    """
    start = branch.added or _decision_date(case, branch.added_by)
    ends = [x for x in (branch.removed, _decision_date(case, branch.removed_by), branch.closed) if x]
    return start, (min(ends) if ends else None)


def _in_scope_on(case: Case, branch: Branch, day: dt.date) -> bool:
    if not branch.in_scope:
        return False
    start, end = branch_scope_interval(case, branch)
    return (start is None or start <= day) and (end is None or day < end)


def _exists_on(case: Case, branch: Branch, day: dt.date) -> bool:
    start, _ = branch_scope_interval(case, branch)
    return (start is None or start <= day) and (branch.closed is None or day < branch.closed)


def sites_at(case: Case, day: dt.date) -> list[Branch]:
    """The branches in the certification scope on ``day``, in the case's order."""
    return [b for b in case.organisation.branches if _in_scope_on(case, b, day)]


def organisation_at(case: Case, day: dt.date) -> Organisation:
    """The organisation as it stood on ``day``: its dated changes applied, its branches then.

    Branches not yet added or already closed are left out; each kept branch
    says whether it was in the scope on that day (``in_scope``).
    """
    org = case.organisation
    updates: dict = {}
    for change in sorted(org.changes, key=lambda c: c.date):
        if change.date <= day:
            updates.update({
                name: getattr(change, name) for name in type(change).model_fields
                if name not in {"date", "note"} and getattr(change, name) is not None
            })
    branches = [
        b.model_copy(update={"in_scope": _in_scope_on(case, b, day)})
        for b in org.branches if _exists_on(case, b, day)
    ]
    return org.model_copy(update={**updates, "branches": branches})


def certificate_sites(case: Case, cert: Certificate) -> list[Branch]:
    """The sites a certificate lists: its own ``sites``, else those in scope when it was registered."""
    if cert.sites is not None:
        return [b for b in case.organisation.branches if b.name in cert.sites]
    return sites_at(case, cert.registered)


# -- the scope wording --------------------------------------------------------------
def scope_decisions(case: Case, day: dt.date) -> list[Decision]:
    """Positive extend/reduce decisions with a new wording, taken by ``day``, oldest first."""
    found = [
        x for x in case.decisions
        if x.kind in {"extend_scope", "reduce_scope"} and x.positive and x.new_scope and x.date <= day
    ]
    return sorted(found, key=lambda x: x.date)


def scope_at(case: Case, day: dt.date, lang: str = "") -> tuple[str | None, Decision | None]:
    """(wording, decision that set it — None for the application's) of the scope on ``day``.

    ``lang`` is '' (or 'ru') for Russian, 'en', 'de'.
    """
    suffix = f"_{lang}" if lang and lang != "ru" else ""
    decisions = scope_decisions(case, day)
    if decisions:
        last = decisions[-1]
        return getattr(last, f"new_scope{suffix}"), last
    return getattr(case.application, f"scope{suffix}"), None


# -- certificate status ---------------------------------------------------------------
def _positive(case: Case, kind: str, cert: Certificate) -> list[tuple[int, Decision]]:
    return [
        (i, x) for i, x in enumerate(case.decisions)
        if x.kind == kind and x.positive and x.certificate == cert.number
    ]


def withdrawal(case: Case, cert: Certificate) -> Decision | None:
    """The first positive withdrawal decision on the certificate, if any (9.3.8)."""
    found = sorted((x for _, x in _positive(case, "withdraw", cert)), key=lambda x: x.date)
    return found[0] if found else None


def withdrawn_on(case: Case, cert: Certificate) -> dt.date | None:
    """Date of the first positive withdrawal decision on the certificate, if any."""
    found = withdrawal(case, cert)
    return found.date if found else None


@dataclass(frozen=True)
class Suspension:
    """A suspension of a certificate: the decision, its term and what ended it.

    ``end`` is the last day of the term set by the decision (``until``, or the
    day before a confirmation that restored the certificate earlier);
    ``lifted`` is the date of the restoring confirmation, if any.
    """

    index: int
    decision: Decision
    start: dt.date
    end: dt.date
    lifted: dt.date | None = None
    lifted_by: Decision | None = None


def suspensions(case: Case, cert: Certificate) -> list[Suspension]:
    """Positive suspend decisions on the certificate, in date order, with what lifted each.

    A positive confirmation of the same certificate after a suspension
    restores it (7.7.19.2); the next one after the suspension's date counts.
    """
    confirms = sorted((x for _, x in _positive(case, "confirm", cert)), key=lambda x: x.date)
    result = []
    for i, x in sorted(_positive(case, "suspend", cert), key=lambda p: (p[1].date, p[0])):
        term_end = x.until or x.date
        lifting = next((c for c in confirms if c.date > x.date), None)
        end = term_end if lifting is None or lifting.date > term_end else lifting.date - DAY
        result.append(Suspension(i, x, x.date, end, lifting.date if lifting else None, lifting))
    return result


def replacement(case: Case, cert: Certificate) -> Certificate | None:
    """The certificate that replaced this one: the earliest registered that names it in ``replaces``,
    or the one issued on a reduction of its scope (9.3.7: the previous certificate is cancelled)."""
    found = [c for c in case.certificates if c.replaces == cert.number and c is not cert]
    reductions = {x.number for _, x in _positive(case, "reduce_scope", cert)}
    found += [c for c in case.certificates if c.decision in reductions and c is not cert and c not in found]
    return min(found, key=lambda c: c.registered) if found else None


def replaced_by(case: Case, cert: Certificate) -> Certificate | None:
    """Alias of :func:`replacement` for readers who ask "replaced by whom"."""
    return replacement(case, cert)


def in_force(case: Case, cert: Certificate, day: dt.date) -> bool:
    """Registered, not expired and not withdrawn on ``day`` (a suspension does not end it)."""
    withdrawn = withdrawn_on(case, cert)
    if withdrawn is not None and withdrawn <= day:
        return False
    return cert.registered <= day <= case.valid_until(cert)


@dataclass(frozen=True)
class StatusPeriod:
    """One stretch of a certificate's life with one status.

    ``end`` is the last day of the stretch (None: still so). ``decision`` is the
    number of the decision that set the status (None for expiry and for a
    replacement, where ``by_certificate`` names the new certificate).
    """

    status: str
    start: dt.date | None
    end: dt.date | None
    decision: str | None = None
    by_certificate: str | None = None
    clause: str = ""

    def label(self, lang: str = "ru") -> str:
        return STATUS_LABELS.get(lang, STATUS_LABELS["ru"])[self.status]

    def describe(self, lang: str = "ru") -> str:
        """«действие приостановлено с 25.11.2025 (решение № Р-187/2025)», «заменён с 17.12.2024
        сертификатом № …» — for messages."""
        from formgen.text.dates import numeric_date

        text = self.label(lang)
        if self.start is not None and self.status != "pending":
            text += f" с {numeric_date(self.start)}"
        if self.decision:
            text += f" (решение № {self.decision})"
        elif self.by_certificate:
            text += f" сертификатом № {self.by_certificate}"
        return text


def status_history(case: Case, cert: Certificate) -> list[StatusPeriod]:
    """The certificate's statuses from registration on, in order, each with its cause."""
    events: list[tuple[dt.date, int, StatusPeriod]] = []  # (day, priority, period without end)
    issue = cert.decision
    events.append((cert.registered, 0, StatusPeriod("active", cert.registered, None, issue, clause="7.6.4")))
    for s in suspensions(case, cert):
        events.append((s.start, 1, StatusPeriod("suspended", s.start, None, s.decision.number,
                                                clause="9.3.2")))
        if s.lifted_by is not None:
            events.append((s.lifted_by.date, 1, StatusPeriod("active", s.lifted_by.date, None,
                                                             s.lifted_by.number, clause="7.7.19.2")))
    terminal: list[tuple[dt.date, int, StatusPeriod]] = []
    withdrawn = withdrawal(case, cert)
    if withdrawn is not None:
        terminal.append((withdrawn.date, 3, StatusPeriod("withdrawn", withdrawn.date, None,
                                                         withdrawn.number, clause="9.3.8")))
    new = replacement(case, cert)
    if new is not None:
        terminal.append((new.registered, 2, StatusPeriod("replaced", new.registered, None,
                                                         by_certificate=new.number,
                                                         clause="9.1.5, 9.3.7")))
    expiry = case.valid_until(cert) + DAY
    terminal.append((expiry, 1, StatusPeriod("expired", expiry, None, clause="7.6.4")))
    first_end = min(terminal, key=lambda t: (t[0], -t[1]))
    events = [e for e in events if e[0] < first_end[0]] + [first_end]
    events.sort(key=lambda e: (e[0], e[1]))
    periods: list[StatusPeriod] = [StatusPeriod("pending", None, cert.registered - DAY)]
    for day, _, period in events:
        if periods[-1].start == day and periods[-1].status != "pending":
            periods.pop()  # two events on one day: the later (higher priority) one stands
        previous = periods[-1]
        if previous.status == period.status and previous.decision == period.decision:
            continue
        periods[-1] = _ending(previous, day - DAY)
        periods.append(period)
    return periods


def _ending(period: StatusPeriod, end: dt.date) -> StatusPeriod:
    return StatusPeriod(period.status, period.start, end, period.decision, period.by_certificate,
                        period.clause)


def status_at(case: Case, cert: Certificate, day: dt.date) -> StatusPeriod:
    """The certificate's status on ``day``, with the decision (or certificate) that set it."""
    for period in status_history(case, cert):
        if (period.start is None or period.start <= day) and (period.end is None or day <= period.end):
            return period
    raise AssertionError("status history leaves a gap")  # pragma: no cover - history is contiguous
