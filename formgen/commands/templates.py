"""``formgen templates``: the default templates, their variables, and checking a body's own.

``export`` copies the templates (and the wording catalogue) out for a body to
edit, ``fields SLUG`` says what a template may print, ``check DIR`` finds every
mistake in an override folder before ``render --templates DIR`` would meet them
one at a time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import typer

from formgen.errors import InputError
from formgen.render.templates import default_templates

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Шаблоны форм (DOCX).", no_args_is_help=True)

    @group.command("export")
    def export(
        directory: Path = typer.Argument(..., help="Куда скопировать шаблоны"),
        overwrite: bool = typer.Option(False, "--overwrite", help="Заменить существующие файлы"),
    ) -> None:
        """Скопировать шаблоны и каталог формулировок для правки (потом --templates DIR)."""
        from formgen.wording import default_wording_file

        directory.mkdir(parents=True, exist_ok=True)
        copied = skipped = 0
        for source in [*sorted(default_templates().glob("*.docx")), default_wording_file()]:
            target = directory / source.name
            if target.exists() and not overwrite:
                skipped += 1
                continue
            shutil.copyfile(source, target)
            copied += 1
        typer.echo(f"скопировано {copied}, пропущено (уже есть) {skipped} → {directory}")

    @group.command("list")
    def list_() -> None:
        """Показать шаблоны по умолчанию."""
        for source in sorted(default_templates().glob("*.docx")):
            typer.echo(source.name)

    @group.command("fields")
    def fields(slug: str = typer.Argument(..., help="Форма (slug, см. formgen forms)")) -> None:
        """Какие поля может выводить шаблон формы и что в каждом."""
        from formgen.forms.fields import LOOP_VARS, form_fields
        from formgen.forms.registry import FORMS

        form = next((f for f in FORMS if f.slug == slug), None)
        docx = [f.slug for f in FORMS if f.output == "docx"]
        if form is None or form.output != "docx":
            why = ("печатается в PDF без шаблона DOCX" if form is not None
                   else "такой формы нет")
            raise InputError(f"{slug}: {why}; формы с шаблонами: {', '.join(docx)}")
        typer.echo(f"Шаблон {form.template} — приложение {form.annex}, {form.title}.")
        typer.echo("Поле вставляется как {{ имя }}, например {{ org.name }}. Список обходится "
                   f"циклом: в строке таблицы {{%tr for {LOOP_VARS[0]} in список %}} … "
                   "{%tr endfor %}, в абзацах {%p for … %} … {%p endfor %}; "
                   f"внутри цикла — {{{{ {LOOP_VARS[0]}.имя }}}}.")
        typer.echo("")
        for field in form_fields(slug):
            indent = "    " * (field.depth + 1)
            if field.is_list:
                var = LOOP_VARS[min(field.depth, len(LOOP_VARS) - 1)]
                typer.echo(f"{indent}for {var} in {field.expression} — {field.description} (список)")
            else:
                typer.echo(f"{indent}{field.expression} — {field.description}")

    @group.command("check")
    def check(
        directory: Path = typer.Argument(..., help="Папка своих шаблонов (как для --templates)"),
    ) -> None:
        """Проверить свои шаблоны и wording.yaml: все ошибки всех файлов сразу."""
        from formgen.render.templatecheck import ensure_valid

        if not directory.is_dir():
            raise InputError(f"{directory}: папка шаблонов не найдена")
        ensure_valid(directory)
        count = sum(1 for p in directory.iterdir() if p.suffix.lower() in (".docx", ".yaml"))
        typer.echo(f"шаблоны в {directory} в порядке (проверено файлов: {count})")

    app.add_typer(group, name="templates")
