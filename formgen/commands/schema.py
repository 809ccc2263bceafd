"""``formgen schema``: the JSON Schema of case files, for editors to complete and check."""

from __future__ import annotations

import json

import typer

from formgen.case.model import Case

__all__ = ["case_schema", "register"]


def case_schema() -> dict:
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "formgen case file"
    # A case may name its body profile file instead of embedding it.
    schema["properties"]["body"] = {
        "anyOf": [{"$ref": "#/$defs/Body"}, {"type": "string", "description": "путь к файлу профиля ОС"}]
    }
    return schema


def register(app: typer.Typer) -> None:
    @app.command()
    def schema() -> None:
        """Напечатать JSON Schema файла дела."""
        typer.echo(json.dumps(case_schema(), ensure_ascii=False, indent=2))
