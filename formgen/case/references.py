"""Cross-references inside a case: every id a case mentions must exist.

pydantic checks each field on its own; whether ``audits[2].team[0].person``
names someone on the body's staff, or a decision names an audit that exists,
needs the whole case. Each broken link becomes a located problem.
"""

from __future__ import annotations

from collections.abc import Iterator

from formgen.case.model import Case

__all__ = ["broken_references"]

Ref = tuple[tuple, str]  # (field path, message)


def broken_references(case: Case) -> list[Ref]:
    """All dangling or duplicated references of a validated case."""
    return [*_people(case), *_ids(case)]


def _people(case: Case) -> Iterator[Ref]:
    body = case.body
    for path, ref in _person_refs(case):
        if not body.has_person(ref):
            known = ", ".join(["head", *(p.id for p in body.staff if p.id)])
            yield path, f"сотрудник «{ref}» не найден в body.staff (известны: {known})"


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
            yield ("decisions", d, "audit"), f"аудит «{decision.audit}» не найден в audits"
        elif case.audit(decision.audit).report is None:
            yield ("decisions", d, "audit"), f"у аудита «{decision.audit}» нет акта (report)"
        if decision.certificate and decision.certificate not in certs:
            msg = f"сертификат «{decision.certificate}» не найден в certificates"
            yield ("decisions", d, "certificate"), msg
    for b, branch in enumerate(case.organisation.branches):
        for field in ("added_by", "removed_by"):
            ref = getattr(branch, field)
            if ref and ref not in numbers:
                yield ("organisation", "branches", b, field), f"решение «{ref}» не найдено в decisions"
    branch_names = {b.name for b in case.organisation.branches}
    for c, cert in enumerate(case.certificates):
        for s, site in enumerate(cert.sites or []):
            if site not in branch_names:
                yield ("certificates", c, "sites", s), f"площадка «{site}» не найдена в organisation.branches"
        if cert.replaces and cert.replaces not in certs:
            yield ("certificates", c, "replaces"), f"сертификат «{cert.replaces}» не найден в certificates"
        if cert.decision not in numbers:
            yield ("certificates", c, "decision"), f"решение «{cert.decision}» не найдено в decisions"
    if case.mark_permission and case.mark_permission.certificate not in certs:
        msg = f"сертификат «{case.mark_permission.certificate}» не найден в certificates"
        yield ("mark_permission", "certificate"), msg
