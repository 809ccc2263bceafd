"""The ``formgen`` command line: a table of contents of the sub-commands.

Each sub-command lives in ``formgen.commands.<name>`` and registers itself;
this module only builds the application and maps ``FormgenError`` to its exit
code (2 for bad input, 1 for rule violations and failed batch rows).
"""

from __future__ import annotations

import importlib
import sys

import typer

from formgen.errors import FormgenError

__all__ = ["app", "main"]

app = typer.Typer(
    name="formgen",
    help="Документы органа по сертификации СЭМ (ГОСТ Р 54298-2010) из файла дела.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Modules under formgen.commands that provide ``register(app)``.
_COMMAND_MODULES = (
    "render",
    "check",
    "forms",
    "schema",
    "templates",
    "audit_time",
    "certificates",
    "register",
    "serve",
    "users",
)

for _name in _COMMAND_MODULES:
    importlib.import_module(f"formgen.commands.{_name}").register(app)


def main() -> None:
    """Entry point: run the app, turning formgen errors into exit codes.

    Typer's standalone mode already exits 2 on usage errors; formgen's own
    errors carry their exit code and a message meant for the clerk.
    """
    try:
        app()
    except FormgenError as exc:
        typer.echo(str(exc), err=True)
        sys.exit(exc.exit_code)
