"""Portable backups: the whole register as one JSON file, and back.

The dump is the tables in dependency order, rows as plain JSON (dates in ISO
form, ids kept), so a backup taken from SQLite loads into PostgreSQL and the
other way round. ``load`` refuses a register that already holds cases: a
backup is restored into an empty database, never merged into a live one.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, func, insert, select, text
from sqlalchemy.orm import Session

from formgen.errors import InputError
from formgen.register.models import Base, CaseRecord, SeriesRecord

__all__ = ["FORMAT", "dump_register", "load_register", "read_dump"]

FORMAT = "formgen-register/1"


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def dump_register(session: Session) -> dict[str, Any]:
    tables = {}
    for table in Base.metadata.sorted_tables:
        order = list(table.primary_key.columns)
        rows = session.execute(select(table).order_by(*order)).mappings()
        tables[table.name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
    return {"format": FORMAT, "tables": tables}


def read_dump(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: файл не найден") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: не JSON резервной копии реестра ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{path}: не резервная копия реестра formgen (ожидается format: {FORMAT})")
    return data


def _typed(table, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for column in table.columns:
        value = row.get(column.name)
        if isinstance(value, str) and isinstance(column.type, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif isinstance(value, str) and isinstance(column.type, Date):
            value = dt.date.fromisoformat(value)
        out[column.name] = value
    return out


def load_register(session: Session, data: dict[str, Any]) -> int:
    """Insert every row of a dump into an empty register; returns the number of rows."""
    if session.scalar(select(func.count()).select_from(CaseRecord)) or session.scalar(
            select(func.count()).select_from(SeriesRecord)):
        raise InputError("реестр не пуст: резервную копию восстанавливают в пустую базу (--db НОВАЯ)")
    count = 0
    for table in Base.metadata.sorted_tables:
        rows = [_typed(table, row) for row in data["tables"].get(table.name, [])]
        if rows:
            session.execute(insert(table), rows)
            count += len(rows)
    if "dues" not in data["tables"]:  # a backup taken before the agenda rows existed (0004)
        from formgen.register.dues import rebuild_dues

        session.flush()
        rebuild_dues(session)
    if session.get_bind().dialect.name == "postgresql":
        for table in Base.metadata.sorted_tables:
            if "id" in table.columns:
                session.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
    return count
