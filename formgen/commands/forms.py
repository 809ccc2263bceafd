"""``formgen forms``: the forms formgen fills, with slug, annex and title."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from formgen.forms.registry import FORMS

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command()
    def forms() -> None:
        """Список форм (приложения В–Э ГОСТ Р 54298-2010)."""
        table = Table("slug", "прил.", "форма", "формат")
        for form in FORMS:
            table.add_row(form.slug, form.annex, form.title, form.output)
        Console().print(table)
