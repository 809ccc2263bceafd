"""The ``formgen`` command line: a table of contents of the sub-commands.

Each sub-command lives in ``formgen.commands.<name>`` and registers itself.
The modules are imported only when their command runs: ``formgen --help``
lists the commands from the table below (name and one-line help) without
importing pydantic, docx or reportlab, so it answers at once.

Exit codes: 0 done · 1 rule violations / failed batch rows · 2 bad input ·
70 an internal error (one Russian line; ``--debug`` or ``FORMGEN_DEBUG=1``
shows the traceback).
"""

from __future__ import annotations

import importlib
import os
import sys

import typer
from typer import _click as click
from typer.core import TyperGroup

from formgen.clitext import install as _russian

_russian()

__all__ = ["COMMANDS", "app", "main"]

ISSUES_URL = "https://github.com/formgen/formgen/issues"
INTERNAL_ERROR = 70

# name → (module under formgen.commands, one-line help shown by ``formgen --help``)
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("new", "Создать новый файл дела с пояснениями и пропусками для заполнения."),
    "check": ("check", "Проверить дела по правилам ГОСТ Р 54298-2010 и ГОСТ Р 54318-2021."),
    "render": ("render", "Заполнить формы по файлу дела и записать manifest.json."),
    "forms": ("forms", "Список форм (приложения В–Э ГОСТ Р 54298-2010)."),
    "schema": ("schema", "JSON Schema файла дела."),
    "templates": ("templates", "Шаблоны форм (DOCX): export, list, fields, check."),
    "audit-time": ("audit_time", "Трудозатраты на аудит по ГОСТ Р 54318-2021."),
    "certificates": ("certificates", "Сертификаты (PDF) по таблице или файлам дел."),
    "register": ("register", "Реестр органа: дела, сертификаты, номера, статусы, выгрузка CertSearch."),
    "agenda": ("register", "Что наступает по всем делам реестра: надзор, сроки, ресертификация."),
    "serve": ("serve", "Рабочее место в браузере и открытая проверка сертификата /verify/."),
    "users": ("users", "Пользователи рабочего места (логины, роли, пароли argon2)."),
}


class _LazyGroup(TyperGroup):
    """A group that imports a command's module only when that command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"formgen.commands.{COMMANDS[cmd_name][0]}")
        holder = typer.Typer(add_completion=False, rich_markup_mode=None)
        module.register(holder)
        return typer.main.get_group(holder).get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_) for name, (_, help_) in COMMANDS.items()]
        with formatter.section("Команды"):
            formatter.write_dl(rows)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"formgen {version('formgen')}")
        raise typer.Exit()


app = typer.Typer(
    name="formgen",
    cls=_LazyGroup,
    help="Документы органа по сертификации СЭМ (ГОСТ Р 54298-2010) из файла дела.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Показать версию и выйти."),
    debug: bool = typer.Option(False, "--debug", help="При внутренней ошибке показать трассировку."),
) -> None:
    """Документы органа по сертификации СЭМ (ГОСТ Р 54298-2010) из файла дела."""
    if debug:
        os.environ["FORMGEN_DEBUG"] = "1"


def _debugging(argv: list[str]) -> bool:
    return "--debug" in argv or os.environ.get("FORMGEN_DEBUG", "") not in ("", "0")


def _notes(exc: BaseException) -> list[str]:
    return list(getattr(exc, "__notes__", []))


def _with_notes(exc: BaseException) -> str:
    """The message, prefixed with where it happened (notes added on the way up)."""
    prefix = "".join(f"{note}: " for note in _notes(exc))
    return prefix + str(exc)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning errors into exit codes and one-line messages.

    Click already exits 2 on usage errors; formgen's own errors carry their
    exit code and a message meant for the clerk. Anything else is a bug in
    formgen: the clerk gets one line saying so and where to report it, not a
    traceback (unless debugging).
    """
    from formgen.errors import FormgenError

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code = app(args=args, prog_name="formgen", standalone_mode=False)
    except FormgenError as exc:
        typer.echo(_with_notes(exc), err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("прервано", err=True)
        sys.exit(130)
    except click.exceptions.ClickException as exc:
        from formgen.clitext import usage_error

        typer.echo(usage_error(exc), err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("прервано", err=True)
        sys.exit(130)
    except Exception as exc:
        if _debugging(args):
            raise
        where = " ".join(_notes(exc))
        what = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        typer.echo(
            f"внутренняя ошибка formgen{f' ({where})' if where else ''}: {what} — это не ошибка "
            f"в ваших данных; сообщите о ней: {ISSUES_URL}, приложив вывод той же команды с --debug",
            err=True,
        )
        sys.exit(INTERNAL_ERROR)
    sys.exit(code if isinstance(code, int) else 0)
