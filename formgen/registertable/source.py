"""Reading CSV and XLSX register tables row by row, with row numbers.

Rows are streamed (``csv`` reader, openpyxl read-only mode) so a table of
10,000 certificates is never held in memory at once. Row numbers are those a
clerk sees when the table is open in a spreadsheet (the header is row 1):
a CSV record with line breaks inside a quoted cell is still one row, so the
row is the record's number, and the file lines it spans are kept beside it
for whoever opens the CSV in a text editor. A row with more values than the
header has columns is reported as such instead of losing the extra values.
CSV from Russian Excel is often ``;``-separated and in Windows-1251; both are
detected.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from formgen.errors import InputError
from formgen.registertable.columns import COLUMNS, known_columns

__all__ = ["Row", "Table", "open_table"]

csv.field_size_limit(10_000_000)


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its spreadsheet number, its cells by column, and what is odd about it.

    ``lines`` is (first, last) file line of a CSV record, None for XLSX;
    ``extra`` the non-empty values beyond the header's last column.
    """

    number: int
    cells: dict[str, object]
    lines: tuple[int, int] | None = None
    extra: tuple[object, ...] = ()

    def label(self, name: str) -> str:
        """«register.csv, строка 7» — and «(строки файла 9–11)» when a cell spans lines."""
        text = f"{name}, строка {self.number}"
        if self.lines is not None and self.lines[0] != self.lines[1]:
            text += f" (строки файла {self.lines[0]}–{self.lines[1]})"
        return text


@dataclass(frozen=True)
class Table:
    """A register table: its header (normalised column names) and a way to read rows."""

    path: Path
    columns: tuple[str, ...]
    kind: str  # csv | xlsx

    def rows(self) -> Iterator[Row]:
        """Every non-empty data row, in order."""
        reader = _csv_rows if self.kind == "csv" else _xlsx_rows
        width = len(self.columns)
        for number, values, lines in reader(self.path):
            if number == 1:
                continue
            cells = {name: value for name, value in zip(self.columns, values, strict=False)
                     if name and value not in (None, "")}
            extra = tuple(v for v in values[width:] if v not in (None, "") and str(v).strip())
            if not extra and not any(str(v).strip() for v in cells.values()):
                continue
            yield Row(number, cells, lines, extra)

    def count(self) -> int:
        """Number of data rows (a quick pass, for the progress bar)."""
        return sum(1 for _ in self.rows())


def _encoding(path: Path) -> str:
    raw = path.read_bytes()[:65536]
    try:
        raw.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        if exc.start > len(raw) - 4:  # a character cut at the sample's end
            return "utf-8-sig"
        return "cp1251"


def _dialect(path: Path, encoding: str) -> type[csv.Dialect] | csv.Dialect:
    with path.open(encoding=encoding, newline="") as handle:
        sample = handle.read(65536)
    first = sample.splitlines()[0] if sample else ""
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=counts.get)

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    return Dialect


def _csv_rows(path: Path) -> Iterator[tuple[int, list, tuple[int, int] | None]]:
    """(row as a spreadsheet numbers it, values, (first, last) file line) per record."""
    encoding = _encoding(path)
    dialect = _dialect(path, encoding)
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, dialect)
        start = 1
        for number, record in enumerate(reader, 1):
            yield number, record, (start, reader.line_num)
            start = reader.line_num + 1


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list, tuple[int, int] | None]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, ValueError…
        raise InputError(f"{path}: не удалось открыть как XLSX: {exc}") from None
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
            yield number, [_cell(v) for v in row], None
    finally:
        book.close()


def _cell(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value
    return value


def _normalise(header: object) -> str:
    return str(header or "").strip().lower().replace(" ", "_").replace("-", "_")


def open_table(path: str | Path) -> Table:
    """Open a CSV or XLSX register and check its header.

    Unknown or missing required columns make the whole table unusable
    (``InputError``, exit code 2); problems inside rows are reported per row
    later.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: файл не найден")
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        kind = "xlsx"
    elif suffix in {".csv", ".txt", ".tsv"}:
        kind = "csv"
    else:
        raise InputError(f"{path}: ожидается таблица CSV или XLSX (или файл дела .yaml/.json)")
    reader = _csv_rows if kind == "csv" else _xlsx_rows
    try:
        header = next(iter(reader(path)), (1, []))[1]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: не читается как CSV: {exc}") from None
    columns = tuple(_normalise(h) for h in header)
    known = known_columns()
    problems = []
    unknown = [c for c in columns if c and c not in known]
    for name in unknown:
        close = difflib.get_close_matches(name, sorted(known), n=1)
        hint = f" (может быть, {close[0]}?)" if close else ""
        problems.append(f"неизвестная колонка «{name}»{hint}")
    duplicated = sorted({c for c in columns if c and columns.count(c) > 1})
    problems += [f"колонка «{c}» повторяется" for c in duplicated]
    missing = [c.name for c in COLUMNS if c.required and c.name not in columns]
    if missing:
        problems.append(f"нет обязательных колонок: {', '.join(missing)}")
    if problems:
        raise InputError(
            f"{path}:1: " + "; ".join(problems) + ". Колонки описаны в docs/certificates.md"
        )
    return Table(path, columns, kind)
