"""``formgen templates export DIR``: copy the default templates out for a body to edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import typer

from formgen.render.templates import default_templates

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Шаблоны форм (DOCX).", no_args_is_help=True)

    @group.command("export")
    def export(
        directory: Path = typer.Argument(..., help="Куда скопировать шаблоны"),
        overwrite: bool = typer.Option(False, "--overwrite", help="Заменить существующие файлы"),
    ) -> None:
        """Скопировать шаблоны по умолчанию для правки в Word (потом --templates DIR)."""
        directory.mkdir(parents=True, exist_ok=True)
        copied = skipped = 0
        for source in sorted(default_templates().glob("*.docx")):
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

    app.add_typer(group, name="templates")
