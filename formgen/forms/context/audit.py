"""Annexes И, К, Л, М: the audit plan, nonconformities, notices and the act.

The plan, the nonconformity forms and the notices form are appendices of the
act, numbered in one place (``appendices``) so each form's corner note and
the act's list of attachments always agree: the plan is «Приложение 1», the
nonconformities follow in their order (2, 3, …), the notices come last.
"""

from __future__ import annotations

from dataclasses import dataclass

from formgen.case.model import ROLE_LABELS, Audit, Case, Nonconformity
from formgen.forms.context.common import audit_context, base_context, staff
from formgen.forms.values import date, join, pad_rows, person, short_date, text
from formgen.wording import phrase

__all__ = [
    "Appendices",
    "appendices",
    "attachment_lines",
    "build_nonconformity",
    "build_notices",
    "build_plan",
    "build_report",
]

_NO_MEMBER = {"role": "", "initials_surname": ""}


# -- appendices of the act -------------------------------------------------------
@dataclass(frozen=True)
class Appendices:
    """Numbers of the act's appendices; ``None`` where the audit has no such record."""

    plan: int | None
    nonconformities: tuple[int, ...]
    notices: int | None
    attendance: int | None = None
    disagreements: int | None = None


def appendices(audit: Audit) -> Appendices:
    """The plan is appendix 1, nonconformities 2, 3, … in their order, notices after them.

    Only records the audit has are numbered, so the numbers stay consecutive
    (without a plan the first nonconformity is appendix 1).
    """
    number = 1
    plan = None
    if audit.plan is not None:
        plan, number = number, number + 1
    count = len(audit.nonconformities)
    ncs = tuple(range(number, number + count))
    number += count
    notices = number if audit.notices else None
    if notices is not None:
        number += 1
    # The note of Annex М: attendance records of the opening and closing meetings of an
    # audit on site, and the protocol of disagreements when there is one.
    attendance = None
    if audit.kind != "document_review" and audit.report is not None and audit.report.attendance_records:
        attendance, number = number, number + 1
    disagreements = number if audit.report is not None and audit.report.disagreements else None
    return Appendices(plan, ncs, notices, attendance, disagreements)


def attachment_lines(audit: Audit) -> list[str]:
    """«Приложение 1 — план аудита», «Приложения 2–4 — регистрация несоответствий № 1–3», …

    The numbers are this module's (``appendices``); the wording is the catalogue's
    (``attachments.*`` in ``formgen/wording/wording.yaml``).
    """
    numbers = appendices(audit)
    lines = []
    if numbers.plan is not None:
        lines.append(phrase("attachments.plan", number=numbers.plan))
    ncs = [nc.number for nc in audit.nonconformities]
    if len(ncs) == 1:
        lines.append(phrase("attachments.nonconformity", number=numbers.nonconformities[0], nc=ncs[0]))
    elif ncs:
        lines.append(phrase("attachments.nonconformities", numbers=_span(list(numbers.nonconformities)),
                            ncs=_span(ncs)))
    if numbers.notices is not None:
        lines.append(phrase("attachments.notices", number=numbers.notices))
    if numbers.attendance is not None:
        lines.append(phrase("attachments.attendance", number=numbers.attendance))
    if numbers.disagreements is not None and audit.report is not None:
        lines.append(phrase("attachments.disagreements", number=numbers.disagreements,
                            text=audit.report.disagreements))
    return lines


def _span(items: list) -> str:
    """2–4 for three or more consecutive numbers, else "2, 3" or "1, 4, 7"."""
    values = [str(i) for i in items]
    try:
        ints = [int(v) for v in values]
    except ValueError:
        ints = []
    if len(values) > 2 and ints == list(range(ints[0], ints[0] + len(ints))):
        return f"{values[0]}–{values[-1]}"
    return ", ".join(values)


def _nc_index(audit: Audit, nc: Nonconformity) -> int:
    for index, item in enumerate(audit.nonconformities):
        if item is nc:
            return index
    return audit.nonconformities.index(nc)


# -- shared pieces ------------------------------------------------------------------
def _context(case: Case, audit: Audit) -> dict:
    """base_context + the audit as the four forms print it."""
    ctx = base_context(case, audit.start)
    ctx["body"]["display_name"] = case.body.short_name or case.body.name
    ctx["body"]["system_title"] = _system_title(case.body.system.name)
    ctx["audit"] = _audit(case, audit)
    return ctx


def _audit(case: Case, audit: Audit) -> dict:
    data = audit_context(case, audit)
    stage = audit.kind in {"document_review", "stage1", "stage2"}
    members = [
        {"role": _capital(ROLE_LABELS[m.role]), "initials_surname": staff(case, m.person)["initials_surname"]}
        for m in audit.team
        if m.role not in {"lead_auditor", "trainee"}  # a trainee signs nothing as a member
    ]
    data.update(
        purpose_line=join([data["purpose"], f"({data['kind']})" if stage else ""], " "),
        conformity=phrase(f"audit_conformity.{audit.kind}"),
        team_lines="\n".join(
            [phrase("team.line", role=_capital(t["role"]), name=t["initials_surname"]) for t in data["team"]]
            + ([phrase("team.trainees", names=data["trainees"])] if data["trainees"] else [])
        ),
        criteria_lines="\n".join(audit.criteria or [case.standard, "ГОСТ Р 54298-2010"]),
        members=members,
    )
    return data


def _system_title(name: str) -> str:
    """The system's own name for the blank after the printed «Система добровольной сертификации»."""
    prefix = "система добровольной сертификации"
    if name.lower().startswith(prefix) and name[len(prefix):].strip():
        return name[len(prefix):].strip()
    return name


def _capital(value: str) -> str:
    return value[:1].upper() + value[1:]


def _previous_act(case: Case, audit: Audit) -> str:
    """« (акт № … от …)» — the act whose corrective actions a surveillance audit checks."""
    if audit.kind != "surveillance":
        return ""
    earlier = [a for a in case.audits if a.report is not None and a.end <= audit.start and a is not audit]
    if not earlier:
        return ""
    report = max(earlier, key=lambda a: a.report.date).report
    return phrase("plan.previous_act", number=report.number, date=date(report.date))


# -- Annex И ------------------------------------------------------------------------
def _object_auditors(case: Case, audit: Audit, refs) -> str:
    """The «Аудитор (эксперт)» cell of one object: a trainee who goes along is named as a
    trainee, never passed off as an auditor or expert (issue 7: 7)."""
    trainees = {m.person for m in audit.team if m.role == "trainee"}
    return join([staff(case, ref)["initials_surname"] + (" (стажёр)" if ref in trainees else "")
                 for ref in refs], ",\n")


def build_plan(case: Case, audit: Audit) -> dict:
    """Annex И: план аудита, appendix 1 of the act."""
    plan = audit.plan
    ctx = _context(case, audit)
    approver = staff(case, plan.approved_by)
    rows = [
        {
            "number": str(i),
            "unit": obj.unit,
            "clauses": text(obj.clauses),
            "when": join([short_date(obj.date), obj.time], "\n"),
            "auditors": _object_auditors(case, audit, obj.auditors),
            "representatives": text(obj.representatives),
        }
        for i, obj in enumerate(plan.objects, 1)
    ]
    agreed = plan.agreed_by or case.organisation.management_representative
    ctx["appendix"] = str(appendices(audit).plan)
    ctx["plan"] = {
        "approver": approver,
        "approver_position": approver["position"] or phrase("positions.body_head"),
        "approved": date(plan.approved),
        "previous_act": _previous_act(case, audit),
        "objects": pad_rows(rows, 3, dict.fromkeys(("number", "unit", "clauses", "when", "auditors",
                                                    "representatives"), "")),
        "additional": "\n".join(
            line
            for line in (
                plan.language and phrase("plan.language", value=plan.language),
                plan.classification and phrase("plan.classification", value=plan.classification),
                plan.logistics and phrase("plan.logistics", value=plan.logistics),
                plan.additional_info,
            )
            if line
        ),
        "agreed": person(agreed),
    }
    return ctx


# -- Annex К ------------------------------------------------------------------------
def build_nonconformity(case: Case, item: tuple[Audit, Nonconformity]) -> dict:
    """Annex К: one registration form per nonconformity, appendix 2, 3, … of the act."""
    audit, nc = item
    ctx = _context(case, audit)
    index = _nc_index(audit, nc)
    # The expert who recorded it signs beside the lead auditor; not the lead twice.
    expert = nc.recorded_by if nc.recorded_by and nc.recorded_by != audit.lead else None
    effect = nc.effectiveness
    category = phrase(f"nonconformity_categories.{nc.category}")
    ctx["appendix"] = str(appendices(audit).nonconformities[index])
    ctx["nc"] = {
        "number": nc.number,
        "category": category,
        "number_category": phrase("nonconformity_number_category", number=nc.number, category=category),
        "unit": text(nc.unit),
        "clause": nc.clause,
        "document_ref": text(nc.document_ref),
        "description": nc.description,
        "expert": staff(case, expert),
        "corrective_action": text(nc.corrective_action),
        "due_date": date(nc.due_date),
        "representative": person(nc.representative),
        "acknowledged": date(nc.acknowledged),
        "effectiveness": text(effect and effect.text),
        "evaluator": staff(case, effect and (effect.evaluated_by or audit.lead)),
        "evaluated": date(effect and effect.date),
    }
    return ctx


# -- Annex Л ------------------------------------------------------------------------
def build_notices(case: Case, audit: Audit) -> dict:
    """Annex Л: all notices of an audit on one form, the act's appendix after the nonconformities."""
    ctx = _context(case, audit)
    rows = [
        {
            "number": n.number,
            "description": n.description,
            "clauses": text(n.clauses),
            "document_ref": text(n.document_ref),
            "acknowledgment": text(n.acknowledgment),
        }
        for n in audit.notices
    ]
    ctx["appendix"] = str(appendices(audit).notices)
    # The form has room for two experts' signatures.
    ctx["audit"]["members"] = pad_rows(ctx["audit"]["members"], 2, _NO_MEMBER)
    ctx["notices"] = {
        "rows": rows,
        "representative": person(audit.notices_representative),
    }
    return ctx


# -- Annex М ------------------------------------------------------------------------
def build_report(case: Case, audit: Audit) -> dict:
    """Annex М: акт по результатам аудита, with the list of its actual appendices."""
    report = audit.report
    ctx = _context(case, audit)
    head = report.acknowledged_by or case.organisation.head
    acknowledged = person(head)
    # One line per member of the commission besides the lead; a blank line if there are none.
    ctx["audit"]["members"] = pad_rows(ctx["audit"]["members"], 1, _NO_MEMBER)
    ctx["report"] = {
        "number": report.number,
        "date": date(report.date),
        "approved": date(report.approved),
        "city": report.city or case.organisation.city,
        "results": report.results,
        "conclusions": report.conclusions,
        "distribution": "\n".join(report.distribution),
        "additional_info": text(report.additional_info),
        "acknowledged": acknowledged,
        "acknowledged_position": acknowledged["position"] or phrase("positions.org_head"),
        "attachments": "\n".join(attachment_lines(audit)),
    }
    return ctx
