"""``formgen agenda``: what falls due across every case of the register.

Each case's latest revision holds the validated case (``Revision.data``); the
deadlines come from ``formgen.checks.deadlines_due`` on that case, so the
register adds only the "across all clients" part, not a second reading of the
standard.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from formgen.case.model import Case
from formgen.checks.deadlines_due import DueItem, due_items
from formgen.register.models import CaseRecord, Revision
from formgen.text.dates import numeric_date

__all__ = ["AgendaItem", "latest_cases", "register_agenda"]


@dataclass(frozen=True)
class AgendaItem:
    case: str
    holder: str
    item: DueItem

    def as_dict(self) -> dict:
        return {"case": self.case, "holder": self.holder, **self.item.as_dict()}

    def line(self) -> str:
        mark = "ПРОСРОЧЕНО " if self.item.overdue else ""
        return (f"{numeric_date(self.item.date)}\t{mark}{self.item.text}\t(п. {self.item.clause})"
                f"\t{self.case}, {self.holder}")


def latest_cases(session: Session) -> list[tuple[CaseRecord, Case]]:
    """Every case of the register with its latest revision as a validated ``Case``."""
    latest = (select(Revision.case_id, func.max(Revision.id).label("rid"))
              .group_by(Revision.case_id).subquery())
    rows = session.execute(
        select(CaseRecord, Revision.data)
        .join(latest, latest.c.case_id == CaseRecord.id)
        .join(Revision, Revision.id == latest.c.rid)
        .order_by(CaseRecord.key)
    ).all()
    return [(record, Case.model_validate(data)) for record, data in rows]


def register_agenda(session: Session, day: dt.date, within: int) -> list[AgendaItem]:
    items = [AgendaItem(record.key, record.holder, item)
             for record, case in latest_cases(session)
             for item in due_items(case, day, within)]
    return sorted(items, key=lambda a: (a.item.date, a.case, a.item.kind))
