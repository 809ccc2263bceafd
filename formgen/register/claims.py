"""The numbers a case uses, by kind, with where each stands in the case file.

Import claims every one of them, so that ``register next`` never hands out a
number that is already printed on some client's paperwork, and two cases that
claim the same number are reported with the file and line of each.
"""

from __future__ import annotations

from collections.abc import Iterator

from formgen.case.model import Case

__all__ = ["case_numbers"]


def case_numbers(case: Case) -> Iterator[tuple[str, str, tuple]]:
    """(kind, number, field path) for every number the case carries."""
    if case.application.number:
        yield "application", case.application.number, ("application", "number")
    if case.notice is not None and case.notice.number:
        yield "notice", case.notice.number, ("notice", "number")
    for i, audit in enumerate(case.audits):
        if audit.report is not None:
            yield "act", audit.report.number, ("audits", i, "report", "number")
        if audit.application_number:
            yield "application", audit.application_number, ("audits", i, "application_number")
    for i, decision in enumerate(case.decisions):
        yield "decision", decision.number, ("decisions", i, "number")
    for i, cert in enumerate(case.certificates):
        yield "certificate", cert.number, ("certificates", i, "number")
        if cert.register_number:
            yield "register_number", cert.register_number, ("certificates", i, "register_number")
    if case.mark_permission is not None and case.mark_permission.number:
        yield "mark_permission", case.mark_permission.number, ("mark_permission", "number")
