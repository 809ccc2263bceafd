"""Who may do what at the desk (issue 10, accounts).

* A clerk (делопроизводитель) edits every section of a case and prints.
* An auditor edits the audits he is on and nothing else; he is matched to the
  body's staff by login = staff id (``sokolova`` in ``body.staff``), the id
  the case already uses in ``audits[].team``.
* The head, and whoever ``body.management`` names (7.6.2.3: decisions are
  taken and certificates signed by the body's management), marks decisions
  and certificates as signed; they may edit like a clerk.
"""

from __future__ import annotations

from formgen.case.model import Case
from formgen.web.auth import Staff
from formgen.web.sections import Section

__all__ = ["may_edit", "may_sign"]


def may_sign(staff: Staff, case: Case) -> bool:
    return staff.role == "head" or staff.login in case.body.management


def may_edit(staff: Staff, case: Case, section: Section) -> bool:
    if staff.role in {"clerk", "head"} or may_sign(staff, case):
        return True
    if staff.role == "auditor" and section.key == "audits" and section.index is not None:
        return staff.login in {m.person for m in case.audits[section.index].team}
    return False
