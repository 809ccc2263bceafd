"""Cross-references inside a case: every id a case mentions must exist.

pydantic checks each field on its own; whether ``audits[2].team[0].person``
names someone on the body's staff, or a decision names an audit that exists,
needs the whole case. Each broken link becomes a located problem.
"""

from __future__ import annotations

from collections.abc import Iterator

from formgen.case.lookalike import explain_lookalike, mixed_script
from formgen.case.model import Case

__all__ = ["broken_references"]

Ref = tuple[tuple, str]  # (field path, message)


def broken_references(case: Case) -> list[Ref]:
    """All dangling or duplicated references of a validated case."""
    return [*_people(case), *_ids(case), *_mixed_ids(case)]


def _missing(message: str, typed: str, known) -> str:
    """The "not found" message, with the look-alike letter named when that is the cause."""
    hint = explain_lookalike(typed, known)
    return f"{message}: {hint}" if hint else message


def _mixed_ids(case: Case) -> Iterator[Ref]:
    """Ids that mix Latin and Cyrillic letters, where they are defined."""
    for a, audit in enumerate(case.audits):
        hint = mixed_script(audit.id)
        if hint:
            yield ("audits", a, "id"), f"«{audit.id}» смешивает латиницу и кириллицу: {hint}"
    for s, person in enumerate(case.body.staff):
        hint = mixed_script(person.id)
        if hint:
            yield ("body", "staff", s, "id"), f"«{person.id}» смешивает латиницу и кириллицу: {hint}"


def _people(case: Case) -> Iterator[Ref]:
    body = case.body
    for path, ref in _person_refs(case):
        if not body.has_person(ref):
            ids = ["head", *(p.id for p in body.staff if p.id)]
            message = f"сотрудник «{ref}» не найден в body.staff (известны: {', '.join(ids)})"
            yield path, _missing(message, ref, ids)


def _person_refs(case: Case) -> Iterator[tuple[tuple, str]]:
    if case.review:
        yield ("review", "signed_by"), case.review.signed_by
        for i, ref in enumerate(case.review.competent_auditors):
            yield ("review", "competent_auditors", i), ref
        for i, ref in enumerate(case.review.technical_experts):
            yield ("review", "technical_experts", i), ref
    if case.notice:
        yield ("notice", "signed_by"), case.notice.signed_by
    for a, audit in enumerate(case.audits):
        for m, member in enumerate(audit.team):
            yield ("audits", a, "team", m, "person"), member.person
        if audit.plan:
            yield ("audits", a, "plan", "approved_by"), audit.plan.approved_by
            for o, obj in enumerate(audit.plan.objects):
                for r, ref in enumerate(obj.auditors):
                    yield ("audits", a, "plan", "objects", o, "auditors", r), ref
        for n, nc in enumerate(audit.nonconformities):
            if nc.recorded_by:
                yield ("audits", a, "nonconformities", n, "recorded_by"), nc.recorded_by
            if nc.effectiveness and nc.effectiveness.evaluated_by:
                path = ("audits", a, "nonconformities", n, "effectiveness", "evaluated_by")
                yield path, nc.effectiveness.evaluated_by
    for i, ref in enumerate(case.body.management):
        yield ("body", "management", i), ref
    for d, decision in enumerate(case.decisions):
        yield ("decisions", d, "signed_by"), decision.signed_by
    for c, cert in enumerate(case.certificates):
        yield ("certificates", c, "signed_by"), cert.signed_by
        if cert.chairman:
            yield ("certificates", c, "chairman"), cert.chairman
    if case.mark_permission:
        yield ("mark_permission", "signed_by"), case.mark_permission.signed_by


def _duplicates(items: list[str], path_of) -> Iterator[Ref]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item in seen:
            yield path_of(i), f"«{item}» повторяется: идентификаторы должны быть уникальны"
        seen.add(item)


def _ids(case: Case) -> Iterator[Ref]:
    audit_ids = [a.id for a in case.audits]
    yield from _duplicates(audit_ids, lambda i: ("audits", i, "id"))
    numbers = [d.number for d in case.decisions]
    yield from _duplicates(numbers, lambda i: ("decisions", i, "number"))
    certs = [c.number for c in case.certificates]
    yield from _duplicates(certs, lambda i: ("certificates", i, "number"))
    for a, audit in enumerate(case.audits):
        yield from _duplicates(
            [nc.number for nc in audit.nonconformities],
            lambda i, a=a: ("audits", a, "nonconformities", i, "number"),
        )
        yield from _duplicates(
            [n.number for n in audit.notices], lambda i, a=a: ("audits", a, "notices", i, "number")
        )
    for d, decision in enumerate(case.decisions):
        if decision.audit not in audit_ids:
            message = f"аудит «{decision.audit}» не найден в audits"
            yield ("decisions", d, "audit"), _missing(message, decision.audit, audit_ids)
        elif case.audit(decision.audit).report is None:
            yield ("decisions", d, "audit"), f"у аудита «{decision.audit}» нет акта (report)"
        if decision.certificate and decision.certificate not in certs:
            msg = f"сертификат «{decision.certificate}» не найден в certificates"
            yield ("decisions", d, "certificate"), _missing(msg, decision.certificate, certs)
    for b, branch in enumerate(case.organisation.branches):
        for field in ("added_by", "removed_by"):
            ref = getattr(branch, field)
            if ref and ref not in numbers:
                msg = _missing(f"решение «{ref}» не найдено в decisions", ref, numbers)
                yield ("organisation", "branches", b, field), msg
    branch_names = {b.name for b in case.organisation.branches}
    for c, cert in enumerate(case.certificates):
        for s, site in enumerate(cert.sites or []):
            if site not in branch_names:
                msg = _missing(f"площадка «{site}» не найдена в organisation.branches", site, branch_names)
                yield ("certificates", c, "sites", s), msg
        if cert.replaces and cert.replaces not in certs:
            msg = _missing(f"сертификат «{cert.replaces}» не найден в certificates", cert.replaces, certs)
            yield ("certificates", c, "replaces"), msg
        if cert.decision not in numbers:
            msg = _missing(f"решение «{cert.decision}» не найдено в decisions", cert.decision, numbers)
            yield ("certificates", c, "decision"), msg
    if case.mark_permission and case.mark_permission.certificate not in certs:
        ref = case.mark_permission.certificate
        msg = _missing(f"сертификат «{ref}» не найден в certificates", ref, certs)
        yield ("mark_permission", "certificate"), msg
