"""Reserve the next free number of a series, safely from many desks at once.

The counter row is advanced with one ``UPDATE … RETURNING`` inside the
caller's transaction: on PostgreSQL the row lock makes a second desk wait for
the first to commit and then read the advanced value; on SQLite the
transaction began with ``BEGIN IMMEDIATE`` (``db``), which queues writers. A
formatted number already claimed — by an imported case or an earlier
reservation — is skipped, so a number is never handed out twice, and the
claim row's unique constraint is the last guard.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from formgen.case.numbering import format_number, is_yearly
from formgen.errors import InputError
from formgen.register.models import NumberClaim, SeriesCounter, SeriesRecord

__all__ = ["define_series", "reserve_number"]


def define_series(session: Session, numbering: dict[str, str]) -> list[str]:
    """Store (or update) the body profile's series; returns the names that changed."""
    changed = []
    for kind, pattern in numbering.items():
        row = session.get(SeriesRecord, kind)
        if row is None:
            session.add(SeriesRecord(name=kind, kind=kind, pattern=pattern))
            changed.append(kind)
        elif row.pattern != pattern:
            row.pattern = pattern
            changed.append(kind)
    return changed


def _insert_counter_if_missing(session: Session, series: str, year: int) -> None:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    statement = insert(SeriesCounter).values(series=series, year=year, value=0)
    session.execute(statement.on_conflict_do_nothing(index_elements=["series", "year"]))


def _advance(session: Session, series: str, year: int) -> int:
    _insert_counter_if_missing(session, series, year)
    statement = (
        update(SeriesCounter)
        .where(SeriesCounter.series == series, SeriesCounter.year == year)
        .values(value=SeriesCounter.value + 1)
        .returning(SeriesCounter.value)
    )
    return int(session.execute(statement).scalar_one())


def reserve_number(session: Session, series: str, on: dt.date | None = None) -> str:
    """The next free number of ``series`` for the year of ``on`` (today), claimed as reserved."""
    row = session.get(SeriesRecord, series)
    if row is None:
        known = session.scalars(select(SeriesRecord.name).order_by(SeriesRecord.name)).all()
        hint = ", ".join(known) if known else (
            "серии не заданы: добавьте numbering в профиль органа и выполните "
            "formgen register init --profile ПРОФИЛЬ"
        )
        raise InputError(f"неизвестная серия номеров «{series}»; в реестре: {hint}")
    on = on or dt.date.today()
    year = on.year if is_yearly(row.pattern) else 0
    taken = set(session.scalars(select(NumberClaim.number).where(NumberClaim.kind == row.kind)))
    while True:
        number = format_number(row.pattern, _advance(session, series, year), on.year)
        if number not in taken:
            break
    session.add(NumberClaim(kind=row.kind, number=number, case_id=None, source="reserved",
                            created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None)))
    session.flush()
    return number

