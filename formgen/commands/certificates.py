"""``formgen certificates``: batch printing of certificates (Annexes П, С; content Annex Р).

Inputs are register tables (CSV, XLSX) and case files, in the order given;
each certificate prints in the requested languages. A bad row is reported
with its row number and reason while the others print; the exit code is 1
when any failed and 2 when an input cannot be used at all (a missing file,
unknown or missing columns, an invalid case file). A certificate not in
force today (or on ``--at``) is refused like a bad row, with its status and
the decision that set it; ``--archive`` prints it instead as an archive copy
marked with that status on every page.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from formgen.errors import InputError

__all__ = ["register"]

_CASE_SUFFIXES = {".yaml", ".yml", ".json"}


def _inputs(paths: list[Path], langs: list[str], draft: bool, body: Path | None,
            at: dt.date, archive: bool):
    """(total, jobs iterator) over all inputs; every input is checked before printing."""
    from formgen.case.load import load_case
    from formgen.forms.certificate_data import case_jobs
    from formgen.registertable import register_jobs

    sources: list[tuple[int, Iterator]] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: файл не найден")
        if path.suffix.lower() in _CASE_SUFFIXES:
            jobs = case_jobs(load_case(path), langs, draft=draft, at=at, archive=archive)
            sources.append((len(jobs), iter(jobs)))
        else:
            sources.append(register_jobs(path, langs, draft=draft, body=body, at=at,
                                         archive=archive))
    total = sum(count for count, _ in sources)

    def chain() -> Iterator:
        for _, jobs in sources:
            yield from jobs

    return total, chain()


def _status_day(value: str | None) -> dt.date:
    """``--at`` as a date (ISO or dd.mm.yyyy); today without it."""
    from formgen.registertable.rows import RowError, parse_date

    if not value:
        return dt.date.today()
    try:
        return parse_date(value, "--at")
    except RowError as exc:
        raise InputError(str(exc)) from None


def register(app: typer.Typer) -> None:
    """Add the ``certificates`` command to the formgen application."""

    @app.command()
    def certificates(
        inputs: list[Path] = typer.Argument(
            None, help="Таблицы реестра (CSV, XLSX) и/или файлы дел (YAML, JSON)"
        ),
        lang: str = typer.Option("ru", "--lang", help="Языки: ru,en,de (колонка languages — для строки)"),
        out: Path | None = typer.Option(None, "--out", "-o", help="Папка: по PDF на сертификат и язык"),
        merge: Path | None = typer.Option(None, "--merge", help="Один PDF для печати, в порядке ввода"),
        draft: bool = typer.Option(False, "--draft", help="ПРОЕКТ / DRAFT; языки в одном PDF подряд"),
        blank: bool = typer.Option(False, "--blank", help="Только переменный текст — для бланков"),
        offset_x: float = typer.Option(0.0, "--offset-x", help="Сдвиг печати вправо, мм (с --blank)"),
        offset_y: float = typer.Option(0.0, "--offset-y", help="Сдвиг печати вниз, мм (с --blank)"),
        calibration: Path | None = typer.Option(
            None, "--calibration", help="Записать калибровочный лист для бланков в этот PDF"
        ),
        jobs: int = typer.Option(1, "--jobs", "-j", help="Процессов (0 — по числу ядер)"),
        body: Path | None = typer.Option(None, "--body", help="Профиль органа (YAML) для таблиц"),
        font: str | None = typer.Option(
            None, "--font", help="Шрифт: имя семейства (PT Astra Serif) или путь к .ttf"
        ),
        at: str | None = typer.Option(
            None, "--at", help="Дата, на которую проверяется статус (2026-03-01); по умолчанию сегодня"
        ),
        archive: bool = typer.Option(
            False, "--archive",
            help="Архивные копии: и недействующие сертификаты, с отметкой статуса на каждой странице",
        ),
    ) -> None:
        """Печать сертификатов соответствия СЭМ (прил. П, С; поля прил. Р) пачкой."""
        from formgen.registertable import parse_langs
        from formgen.render.certificate.batch import RenderOptions, render_batch
        from formgen.render.certificate.calibration import write_calibration_sheet
        from formgen.render.certificate.fonts import load_fonts

        console = Console(stderr=True)
        langs = parse_langs(lang)
        load_fonts(font)  # a missing font is an input error before anything is read
        if calibration is not None:
            write_calibration_sheet(calibration, (offset_x, offset_y), font)
            console.print(f"Калибровочный лист → {calibration}")
        if not inputs:
            if calibration is not None:
                return
            raise InputError("укажите таблицы реестра или файлы дел (INPUT…)")
        if out is None and merge is None:
            out = Path("certificates")
        workers = jobs if jobs > 0 else (os.cpu_count() or 1)
        day = _status_day(at)
        total, items = _inputs(inputs, langs, draft, body, day, archive)
        options = RenderOptions(draft=draft, blank=blank, offset_x=offset_x, offset_y=offset_y,
                                font=font)
        failures: list[tuple[str, str]] = []
        with Progress(
            SpinnerColumn(), TextColumn("[bold]сертификаты"), BarColumn(), MofNCompleteColumn(),
            TaskProgressColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
            TextColumn("осталось"), TimeRemainingColumn(), console=console,
        ) as progress:
            task = progress.add_task("print", total=total, rate="")

            def advance(n: int) -> None:
                progress.advance(task, n)
                speed = progress.tasks[0].speed
                if speed:
                    progress.update(task, rate=f"{speed:.0f}/с")

            def failed(label: str, message: str) -> None:
                failures.append((label, message))
                progress.console.print(f"[red]{escape(label)}[/red]: {escape(message)}", highlight=False)

            result = render_batch(
                items, merge=merge, out_dir=out, options=options, jobs=workers, total=total,
                progress=advance, on_failure=failed, title="Сертификаты соответствия СЭМ",
            )
        where = []
        if merge is not None and result.pages:
            where.append(str(merge))
        if out is not None and result.files:
            where.append(f"{out}{os.sep} ({len(result.files)} файл(ов))")
        console.print(
            f"Напечатано сертификатов: {result.printed} из {total}, страниц: {result.pages}"
            + (f" → {', '.join(where)}" if where else "")
            + (f"; с ошибками: {len(failures)}" if failures else ""),
            highlight=False,
        )
        if failures:
            raise typer.Exit(1)
