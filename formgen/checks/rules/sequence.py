"""The order of the certification: application, review, documents, stage 1, stage 2.

ГОСТ Р 54298-2010, 7.1.4 and Annex Б fix the stages: the application is
reviewed (7.2.2), the documents are analysed and a written conclusion is sent
at least two weeks before stage 1 (7.3.2), stage 1 follows a positive
conclusion (7.4.1), stage 2 follows stage 1 (7.5). Within an audit the team
has a lead (7.2.6), the plan is approved before the audit (7.4.2.3) and the
records are dated inside the audit's life.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise

from formgen.case.model import AUDIT_KIND_LABELS, Audit, Case
from formgen.checks.rules.finding import Finding, error, gost, warning
from formgen.checks.rules.registry import rule
from formgen.checks.rules.timeline import d

_TWO_WEEKS = dt.timedelta(weeks=2)


@rule("dates-in-order")
def dates_in_order(case: Case) -> Iterator[Finding]:
    """Application, review, notice and document request precede the audits in that order (7.2.2, 7.2.5)."""
    app = case.application
    steps: list[tuple[tuple, dt.date, str]] = [(("application", "date"), app.date, "заявки")]
    if case.review:
        steps.append((("review", "date"), case.review.date, "справки-обоснования о принятии заявки"))
    if case.notice:
        steps.append((("notice", "date"), case.notice.date, "извещения о результатах рассмотрения"))
    for (_, before, what_before), (path, after, what) in pairwise(steps):
        if after < before:
            yield error(
                path, gost("7.2.2"),
                f"дата {what} ({d(after)}) раньше даты {what_before} ({d(before)})",
            )
    request = case.document_request
    if request and request.date and case.review and request.date < case.review.date:
        yield error(
            ("document_request", "date"), gost("7.2.5"),
            f"перечень документов направлен {d(request.date)}, до рассмотрения заявки "
            f"({d(case.review.date)})",
        )
    _, last, what_last = max(steps, key=lambda s: s[1])
    for a, audit in enumerate(case.audits):
        if audit.kind in {"document_review", "stage1", "stage2"} and audit.start < last:
            yield error(
                ("audits", a, "start"), gost("7.1.4", "7.2.2"),
                f"{AUDIT_KIND_LABELS[audit.kind]} «{audit.id}» начат {d(audit.start)}, раньше даты "
                f"{what_last} ({d(last)})",
            )


@rule("review-accepted")
def review_accepted(case: Case) -> Iterator[Finding]:
    """No audit follows an application the body refused (7.2.2)."""
    if case.review is None or case.review.accepted:
        return
    for a, audit in enumerate(case.audits):
        if audit.start >= case.review.date and audit.kind in {"document_review", "stage1", "stage2"}:
            yield error(
                ("audits", a, "kind"), gost("7.2.2"),
                f"{AUDIT_KIND_LABELS[audit.kind]} «{audit.id}» проводится, хотя заявка не принята "
                f"(review.accepted: false, {d(case.review.date)})",
            )


def _before(case: Case, audit: Audit, kind: str) -> Audit | None:
    """The latest audit of ``kind`` finished by the time ``audit`` starts."""
    found = [x for x in case.audits if x.kind == kind and x.end <= audit.start and x is not audit]
    return max(found, key=lambda x: x.end) if found else None


@rule("stage-order")
def stage_order(case: Case) -> Iterator[Finding]:
    """Stage 1 follows the document review and stage 2 follows stage 1 (7.1.4, 7.4.1, 7.5)."""
    needs = {"stage1": ("document_review", "7.4.1"), "stage2": ("stage1", "7.5")}
    for a, audit in enumerate(case.audits):
        if audit.kind not in needs:
            continue
        kind, clause = needs[audit.kind]
        if _before(case, audit, kind) is None:
            yield error(
                ("audits", a, "kind"), gost("7.1.4", clause),
                f"{AUDIT_KIND_LABELS[audit.kind]} «{audit.id}» ({d(audit.start)}) без предшествующего "
                f"аудита вида «{kind}» ({AUDIT_KIND_LABELS[kind]})",
            )


@rule("document-review-conclusion")
def document_review_conclusion(case: Case) -> Iterator[Finding]:
    """The document-review conclusion is sent no later than two weeks before stage 1 starts (7.3.2)."""
    for audit in case.audits:
        if audit.kind != "stage1":
            continue
        review = _before(case, audit, "document_review")
        if review is None:
            continue
        r = case.audits.index(review)
        sent = review.conclusion_sent
        if sent is None:
            yield warning(
                ("audits", r, "conclusion_sent"), gost("7.3.2"),
                f"не указана дата направления заключения по анализу документации «{review.id}» "
                f"(conclusion_sent): его направляют не позднее чем за две недели до первого этапа "
                f"({d(audit.start)})",
            )
            continue
        latest = audit.start - _TWO_WEEKS
        if sent > latest:
            yield error(
                ("audits", r, "conclusion_sent"), gost("7.3.2"),
                f"заключение по анализу документации «{review.id}» направлено {d(sent)}, а первый этап "
                f"«{audit.id}» начинается {d(audit.start)}; направить не позднее чем за две недели — "
                f"до {d(latest)}",
            )
        elif sent < review.start:
            yield warning(
                ("audits", r, "conclusion_sent"), gost("7.3.2"),
                f"заключение по анализу документации «{review.id}» направлено {d(sent)}, до начала "
                f"анализа ({d(review.start)})",
            )


@rule("audit-team-lead")
def audit_team_lead(case: Case) -> Iterator[Finding]:
    """Every audit team has exactly one lead auditor (7.2.6)."""
    for a, audit in enumerate(case.audits):
        leads = [m for m, member in enumerate(audit.team) if member.role == "lead_auditor"]
        if not leads:
            yield error(
                ("audits", a, "team"), gost("7.2.6"),
                f"в аудиторской группе аудита «{audit.id}» нет руководителя (role: lead_auditor)",
            )
        for extra in leads[1:]:
            yield error(
                ("audits", a, "team", extra, "role"), gost("7.2.6"),
                f"в аудиторской группе аудита «{audit.id}» больше одного руководителя",
            )


@rule("plan-approved-before-audit")
def plan_approved_before_audit(case: Case) -> Iterator[Finding]:
    """The audit plan is approved and brought to the organisation before the audit (7.4.2.3)."""
    for a, audit in enumerate(case.audits):
        plan = audit.plan
        if plan and plan.approved and plan.approved > audit.start:
            yield error(
                ("audits", a, "plan", "approved"), gost("7.4.2.3"),
                f"план аудита «{audit.id}» утверждён {d(plan.approved)}, после начала аудита "
                f"({d(audit.start)})",
            )


@rule("audit-records-dates")
def audit_records_dates(case: Case) -> Iterator[Finding]:
    """Closing meeting, act and nonconformity records are dated within the audit's life (7.4.4.3, 7.4.4.4)."""
    for a, audit in enumerate(case.audits):
        if audit.closing_meeting and not audit.start <= audit.closing_meeting <= audit.end:
            yield error(
                ("audits", a, "closing_meeting"), gost("7.4.4.4"),
                f"заключительное совещание аудита «{audit.id}» ({d(audit.closing_meeting)}) вне сроков "
                f"аудита ({d(audit.start)}–{d(audit.end)})",
            )
        if audit.report and audit.report.date < audit.end:
            # The act reports the whole audit: it is drawn up at the earliest on its last day.
            yield error(
                ("audits", a, "report", "date"), gost("7.4.4.3", "7.5.6.9"),
                f"акт № {audit.report.number} датирован {d(audit.report.date)}, до последнего дня "
                f"аудита «{audit.id}» ({d(audit.end)})",
            )
        if audit.report and audit.report.approved and audit.report.approved < audit.report.date:
            yield error(
                ("audits", a, "report", "approved"), gost("7.5.6.9"),
                f"акт № {audit.report.number} утверждён {d(audit.report.approved)}, раньше своей даты "
                f"({d(audit.report.date)})",
            )
        for n, nc in enumerate(audit.nonconformities):
            eff = nc.effectiveness
            if eff and eff.date < audit.start:
                yield error(
                    ("audits", a, "nonconformities", n, "effectiveness", "date"), gost("7.6.3"),
                    f"результативность по несоответствию № {nc.number} аудита «{audit.id}» оценена "
                    f"{d(eff.date)}, до начала аудита ({d(audit.start)})",
                )
