"""``formgen register …`` and ``formgen agenda``: the body's register from the command line.

Every sub-command opens the register at ``--db`` / ``FORMGEN_DB`` /
``formgen.db`` (creating or upgrading it) and does its work in one
transaction: an import that fails stores nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer

from formgen.errors import InputError

__all__ = ["register"]

DB_HELP = "База реестра: путь к файлу SQLite или postgresql://… (по умолчанию FORMGEN_DB или formgen.db)"


def _date(value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"--at: дата {value!r} не в формате ГГГГ-ММ-ДД") from exc


def _open(db: str | None):
    from formgen.register.db import open_register

    return open_register(db)


def _print_json(data) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def register(app: typer.Typer) -> None:
    """Add ``register`` (with its sub-commands) and ``agenda`` to the application."""
    reg = typer.Typer(
        help="Реестр органа: дела, сертификаты, номера, сроки (ГОСТ Р 54298-2010, 9.3.8–9.3.10).",
        no_args_is_help=True)
    app.add_typer(reg, name="register")

    @reg.command("init")
    def init(
        profile: Path | None = typer.Option(None, "--profile", help="Профиль органа с сериями номеров"),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
    ) -> None:
        """Создать (или обновить) реестр и записать серии номеров из профиля органа."""
        from formgen.case.profile import load_body_profile
        from formgen.register.numbering import define_series

        register_ = _open(db)
        with register_.transaction() as session:
            changed = define_series(session, load_body_profile(profile).numbering) if profile else []
        typer.echo(f"реестр готов: {register_.url}" + (f"; серии: {', '.join(changed)}" if changed else ""))

    @reg.command("import")
    def import_(
        cases: list[Path] = typer.Argument(..., help="Файлы дел (YAML или JSON)"),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
    ) -> None:
        """Внести дела в реестр (каждое — отдельной транзакцией; неизменённый файл ничего не добавляет)."""
        from formgen.register.importer import import_case

        register_ = _open(db)
        failed = 0
        for path in cases:
            try:
                with register_.transaction() as session:
                    result = import_case(session, path)
            except InputError as exc:
                typer.echo(str(exc), err=True)
                failed += 1
                continue
            words = {"new": "внесено", "updated": "обновлено", "unchanged": "без изменений"}
            typer.echo(f"{path}: {words[result.outcome]} — дело {result.key}, {result.holder}, "
                       f"сертификатов: {result.certificates}")
        if failed:
            raise typer.Exit(2)

    @reg.command("list")
    def list_(
        status: str | None = typer.Option(None, "--status", help="active, suspended, withdrawn, expired, "
                                                                 "replaced, pending"),
        at: str | None = typer.Option(None, "--at", help="На дату ГГГГ-ММ-ДД (по умолчанию сегодня)"),
        as_json: bool = typer.Option(False, "--json", help="Результат в JSON"),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
    ) -> None:
        """Сертификаты реестра со статусом на дату."""
        from formgen.register.queries import list_certificates

        day = _date(at)
        with _open(db).transaction() as session:
            rows = list_certificates(session, day, status)
        if as_json:
            _print_json(rows)
            return
        for row in rows:
            typer.echo(f"{row['number']}\t{row['status_label']}\t{row['valid_from']}…{row['valid_until']}"
                       f"\t{row['holder']}")
        typer.echo(f"всего: {len(rows)} на {day.isoformat()}")

    @reg.command("show")
    def show(
        number: str = typer.Argument(..., help="Номер сертификата, как напечатан"),
        at: str | None = typer.Option(None, "--at", help="На дату ГГГГ-ММ-ДД (по умолчанию сегодня)"),
        as_json: bool = typer.Option(False, "--json", help="Результат в JSON"),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
    ) -> None:
        """Сертификат с историей статусов."""
        from formgen.register.queries import certificate_record, get_certificate

        day = _date(at)
        with _open(db).transaction() as session:
            record = certificate_record(get_certificate(session, number), day)
        if as_json:
            _print_json(record)
            return
        typer.echo(f"Сертификат № {record['number']} — {record['status_label']} на {day.isoformat()}")
        typer.echo(f"Держатель: {record['holder']}")
        typer.echo(f"Действителен: {record['valid_from']} — {record['valid_until']}")
        typer.echo(f"Область: {record['scope'] or '—'}")
        for site in record["sites"]:
            typer.echo(f"  площадка: {site}")
        for period in record["history"]:
            cause = f"решение № {period['decision']}" if period["decision"] else (
                f"сертификат № {period['by_certificate']}" if period["by_certificate"] else "")
            typer.echo(f"  {period['from']} … {period['to'] or ''}\t{period['label']}\t{cause}"
                       f"\t(п. {period['clause']})")

    @reg.command("next")
    def next_(
        series: str = typer.Argument(..., help="Серия: certificate, decision, act, application, …"),
        on: str | None = typer.Option(None, "--date", help="Год номера по дате ГГГГ-ММ-ДД (сегодня)"),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
    ) -> None:
        """Зарезервировать и напечатать следующий свободный номер серии."""
        from formgen.register.numbering import reserve_number

        with _open(db).transaction() as session:
            typer.echo(reserve_number(session, series, _date(on)))

    @reg.command("dump")
    def dump(
        target: Path = typer.Argument(..., help="Файл JSON для резервной копии"),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
    ) -> None:
        """Резервная копия реестра в переносимый JSON."""
        from formgen.output.writer import write_atomic
        from formgen.register.dump import dump_register

        with _open(db).transaction() as session:
            data = dump_register(session)
        write_atomic(target, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode())
        typer.echo(f"{sum(len(v) for v in data['tables'].values())} записей → {target}")

    @reg.command("load")
    def load(
        source: Path = typer.Argument(..., help="Файл JSON, записанный register dump"),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
    ) -> None:
        """Восстановить реестр из резервной копии (только в пустую базу)."""
        from formgen.register.dump import load_register, read_dump

        data = read_dump(source)
        with _open(db).transaction() as session:
            count = load_register(session, data)
        typer.echo(f"{count} записей восстановлено из {source}")

    @reg.command("export")
    def export(
        certsearch: Path | None = typer.Option(
            None, "--certsearch", help="Лист загрузки IAF CertSearch (.xlsx)"),
        csv_file: Path | None = typer.Option(None, "--csv", help="Таблица CSV"),
        at: str | None = typer.Option(None, "--at", help="Статусы на дату ГГГГ-ММ-ДД (сегодня)"),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
    ) -> None:
        """Выгрузить реестр для IAF CertSearch (XLSX) и/или в CSV."""
        from formgen.output.writer import write_atomic
        from formgen.register.export import certsearch_rows, csv_bytes, export_facts, xlsx_bytes
        from formgen.register.queries import list_certificates

        if certsearch is None and csv_file is None:
            raise InputError("укажите --certsearch FILE.xlsx и/или --csv FILE.csv")
        day = _date(at)
        with _open(db).transaction() as session:
            rows = certsearch_rows(list_certificates(session, day), export_facts(session))
        if certsearch is not None:
            write_atomic(certsearch, xlsx_bytes(rows))
        if csv_file is not None:
            write_atomic(csv_file, csv_bytes(rows))
        typer.echo(f"{len(rows)} сертификатов выгружено")

    @app.command()
    def agenda(
        at: str | None = typer.Option(None, "--at", help="С даты ГГГГ-ММ-ДД (по умолчанию сегодня)"),
        within: int = typer.Option(30, "--within", help="На сколько дней вперёд"),
        as_json: bool = typer.Option(False, "--json", help="Результат в JSON"),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
    ) -> None:
        """Что наступает по всем делам реестра: надзор, сроки КД, приостановления, ресертификация."""
        from formgen.register.agenda import register_agenda

        day = _date(at)
        with _open(db).transaction() as session:
            items = register_agenda(session, day, within)
        if as_json:
            _print_json([item.as_dict() for item in items])
            return
        for item in items:
            typer.echo(item.line())
        typer.echo(f"сроков: {len(items)} с {day.isoformat()} на {within} дн.")
