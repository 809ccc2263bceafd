"""The agenda of each case, worked out once on import and kept as rows (table ``dues``).

``formgen agenda`` asks "what falls due in ``[day, day + within]``" across
every case of the register. Answering it by reading each case's stored JSON
back into the model costs a few milliseconds per case — seconds at the
thousands of cases a body keeps — and the dashboard asks it on every visit.
But :func:`formgen.register.agenda.case_agenda` depends on the asked-about
day in only two ways:

* through the item's own date (``date >= day``) — a filter a query can apply;
* through facts that change on a few known days of the case: a certificate's
  status (the start of each period of its status history) and which planned
  audits are already over (the day after each one's last day, 7.7.5).

Between two such *turning points* the items are the same, less those whose
date has passed. So the case's items are computed once for each stretch
between turning points, an item present in consecutive stretches becomes one
row valid ``from_day … until_day`` (never past its own date), and the agenda
is one indexed query. A property test (tests/test_register_dues.py) checks
for every day around each sample's cycle that the rows answer exactly what
``case_agenda`` answers.

Whoever adds a comparison with the asked-about day to ``case_agenda`` must
add the days it turns on to :func:`turning_points`; that test then says so.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from formgen.case.history import status_history
from formgen.case.model import Case
from formgen.checks.rules.surveillance import _periodic
from formgen.register.agenda import AgendaItem, case_agenda
from formgen.register.models import CaseRecord, DueRecord, Revision

__all__ = ["DueWindow", "due_windows", "rebuild_dues", "store_dues", "turning_points"]

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class DueWindow:
    """An agenda item, shown when asked on any day in ``[from_day, until_day]``.

    ``from_day`` None: from the beginning. ``until_day`` is at most the item's
    own date. ``seq`` keeps the order ``case_agenda`` yields items in.
    """

    item: AgendaItem
    from_day: dt.date | None
    until_day: dt.date
    seq: int


def turning_points(case: Case) -> list[dt.date]:
    """Days on which ``case_agenda`` may change other than by an item's date passing."""
    days = {period.start for cert in case.certificates for period in status_history(case, cert)
            if period.start is not None}
    days |= {audit.end + DAY for _, audit in _periodic(case)}
    return sorted(days)


def due_windows(case: Case, key: str) -> list[DueWindow]:
    """Every item the case can ever put on the agenda, with the days it is on it."""
    points = turning_points(case)
    if not points:
        return []
    starts: list[dt.date | None] = [None, *points]
    ends: list[dt.date | None] = [p - DAY for p in points] + [None]
    done: list[DueWindow] = []
    open_rows: dict[tuple[AgendaItem, int], DueWindow] = {}
    for start, end in zip(starts, ends, strict=True):
        probe = start if start is not None else points[0] - DAY
        seen: Counter[AgendaItem] = Counter()
        still_open: dict[tuple[AgendaItem, int], DueWindow] = {}
        for seq, item in enumerate(case_agenda(case, key, probe)):
            seen[item] += 1
            ident = (item, seen[item])
            until = item.date if end is None else min(end, item.date)
            previous = open_rows.pop(ident, None)
            if previous is not None and start is not None and previous.until_day == start - DAY:
                still_open[ident] = DueWindow(item, previous.from_day, until, previous.seq)
            else:
                if previous is not None:
                    done.append(previous)
                still_open[ident] = DueWindow(item, start, until, seq)
        done.extend(open_rows.values())
        open_rows = still_open
    done.extend(open_rows.values())
    return sorted(done, key=lambda w: (w.item.date, w.from_day or dt.date.min, w.seq))


def store_dues(session: Session, case: Case, case_id: int, key: str) -> int:
    """Replace the case's rows by those of ``case`` (its newest revision); the number stored."""
    session.execute(delete(DueRecord).where(DueRecord.case_id == case_id))
    rows = [DueRecord(case_id=case_id, from_day=w.from_day, until_day=w.until_day, seq=w.seq,
                      date=w.item.date, kind=w.item.kind, clause=w.item.clause,
                      holder=w.item.holder, certificate=w.item.certificate, text=w.item.text)
            for w in due_windows(case, key)]
    session.add_all(rows)
    return len(rows)


def rebuild_dues(session: Session, case_ids: Iterable[int] | None = None) -> int:
    """Work the rows out again from each case's newest revision (a migration, an old backup)."""
    latest = select(func.max(Revision.id)).group_by(Revision.case_id)
    query = (select(Revision.data, CaseRecord.id, CaseRecord.key)
             .join(CaseRecord, Revision.case_id == CaseRecord.id).where(Revision.id.in_(latest)))
    if case_ids is not None:
        query = query.where(CaseRecord.id.in_(list(case_ids)))
    count = 0
    for row in session.execute(query).mappings().all():
        count += store_dues(session, Case.model_validate(row["data"]), row["id"], row["key"])
    session.flush()
    return count
