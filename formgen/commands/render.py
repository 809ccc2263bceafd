"""``formgen render``: a case file → its forms as DOCX (and certificates as PDF) + manifest."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from formgen.case.load import load_case
from formgen.errors import InputError
from formgen.forms.produce import file_stem, produce, select_forms
from formgen.languages import parse_langs
from formgen.output.writer import check_out_dir, write_documents
from formgen.render.convert import add_pdf_copies

__all__ = ["parse_langs", "register"]


def _forms_with_data(case, forms, spec: str) -> list:
    """The chosen forms; a form named explicitly that the case has no data for is an input error."""
    if spec.strip() == "all":
        return forms
    empty = [f for f in forms if not list(f.instances(case))]
    if empty:
        names = "; ".join(f"{f.slug} (приложение {f.annex}, {f.title})" for f in empty)
        raise InputError(f"--form: в деле нет данных для формы: {names} — "
                         "заполните соответствующий раздел файла дела или не указывайте эту форму")
    return forms


def _planned(case, forms, langs: list[str], pdf: bool) -> list[str]:
    """The file names a render would write (``--list``), without rendering anything."""
    names = []
    for form in forms:
        for instance in form.instances(case):
            stem = file_stem(form, instance.key)
            if form.output == "docx":
                names.append(f"{stem}.docx  ({form.annex}, {form.title})")
                if pdf:
                    names.append(f"{stem}.pdf  ({form.annex}, {form.title}, PDF)")
            else:
                names.extend(f"{stem}-{lang}.pdf  ({form.annex}, {form.title})" for lang in langs)
    return names


def register(app: typer.Typer) -> None:
    @app.command()
    def render(
        case: Path = typer.Argument(..., help="Файл дела (YAML или JSON)"),
        form: str = typer.Option("all", "--form", "-f", help="all или slug[,slug…] (formgen forms)"),
        out: Path | None = typer.Option(None, "--out", "-o",
                                        help="Папка для документов (заменяется целиком)"),
        lang: str = typer.Option("ru", "--lang", help="Языки сертификата: ru,en,de"),
        templates: Path | None = typer.Option(None, "--templates", help="Свои шаблоны (по имени файла)"),
        draft: bool = typer.Option(False, "--draft", help="Сертификаты как проект (ПРОЕКТ / DRAFT)"),
        force: bool = typer.Option(False, "--force", help="Формировать, несмотря на ошибки правил"),
        pdf: bool = typer.Option(False, "--pdf", help="Также PDF каждой формы (через LibreOffice)"),
        in_register: bool = typer.Option(False, "--register", help="Внести дело и документы в реестр "
                                         "(другой документ под выданным номером — отказ)"),
        db: str | None = typer.Option(None, "--db", help="База реестра (с --register): файл SQLite или "
                                      "postgresql://… (по умолчанию FORMGEN_DB или formgen.db)"),
        at: str | None = typer.Option(
            None, "--at", help="Дата статуса сертификатов (2026-03-01); по умолчанию сегодня"
        ),
        dry_run: bool = typer.Option(False, "--list", "--dry-run",
                                     help="Только показать, какие файлы будут созданы"),
    ) -> None:
        """Заполнить формы ГОСТ Р 54298-2010 по файлу дела и записать manifest.json.

        Папка --out после работы содержит ровно документы из manifest.json:
        файлы прошлого формирования удаляются. Папку, которую создал не formgen,
        formgen не трогает (код 2). При любой ошибке папка остаётся прежней.
        """
        from formgen.commands.certificates import _status_day

        langs = parse_langs(lang)
        forms = select_forms(form)
        day = _status_day(at)
        if out is None and not dry_run:
            raise InputError("--out: укажите папку для документов (или --list, чтобы только посмотреть)")
        if out is not None:
            check_out_dir(out)
        if templates is not None:
            from formgen.render.templatecheck import ensure_valid

            ensure_valid(templates)  # every problem of every override file, before anything is made
        loaded = load_case(case)
        forms = _forms_with_data(loaded.case, forms, form)
        if dry_run:
            for line in _planned(loaded.case, forms, langs, pdf):
                typer.echo(line)
            typer.echo("manifest.json  (опись документов)")
            return
        assert out is not None
        _enforce_rules(loaded, force)
        refused: list[str] = []
        renderer = _certificate_renderer(draft, day, refused)
        console = Console(stderr=True)
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            console=console, transient=True,
        ) as progress:
            task = progress.add_task("формы", total=None)
            documents = produce(
                loaded.case, forms, langs, templates, renderer,
                on_document=lambda slug: progress.update(task, advance=1, description=slug),
            )
        if pdf:
            documents = add_pdf_copies(documents)
        if in_register:
            from formgen.register.record import write_through_register

            manifest = write_through_register(db, case, loaded.case, documents, out)
        else:
            manifest = write_documents(out, documents)
        console.print(f"{len(documents)} документ(ов) → {out}  (manifest: {manifest.name})")
        _report_status(console, loaded.case, day, refused)


def _report_status(console: Console, case, day, refused: list[str]) -> None:
    """Say which certificates of the case are no longer in force (their PDFs are marked
    archive copies); refused drafts make the exit code 1."""
    from formgen.forms.certificate_data import no_longer_in_force
    from formgen.text.dates import numeric_date

    gone = no_longer_in_force(case, day)
    if gone:
        what = "проекты не делаются" if refused else "PDF — архивные копии с отметкой статуса"
        console.print(f"Не действуют на {numeric_date(day)} ({what}):", highlight=False)
        for entry, status in gone:
            console.print(f"  сертификат № {entry.number}: {status.describe()}", highlight=False)
    for message in refused:
        console.print(f"[red]{message}[/red]", highlight=False)
    if refused:
        raise typer.Exit(1)


def _enforce_rules(loaded, force: bool) -> None:
    from formgen.commands.check import enforce_rules

    enforce_rules(loaded, force)


def _certificate_renderer(draft: bool, day, refused: list[str]):
    """Certificates of a case (logo paths were made absolute when the case was loaded).

    The whole cycle is the case's archive: a certificate no longer in force on
    ``day`` is produced as a marked archive copy. A draft of one is refused —
    noted in ``refused``, the other documents are still written.
    """
    from formgen.forms.certificate_data import render_case_certificates
    from formgen.render.certificate.status import NotInForceError

    def render(case, certificate, langs):
        try:
            return render_case_certificates(case, certificate, langs, draft=draft, at=day)
        except NotInForceError as exc:
            refused.append(str(exc))
            return []

    return render
