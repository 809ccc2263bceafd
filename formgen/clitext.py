"""The command line's own words in Russian: help headings and usage errors.

Typer (and the Click it vendors) prints "Usage:", "Options", "[required]",
"Missing argument 'CASE'" in English, partly through ``gettext`` and partly
hard-coded. A clerk reads Russian: the gettext lookups are answered from the
table below, the usage prefix and the help option's text are set here, and
usage errors are rendered by ``usage_error`` instead of Click's ``show``.
Nothing here imports more than typer itself, so ``formgen --help`` stays fast.
"""

from __future__ import annotations

import typer
import typer.core
from typer import _click as click
from typer._click import exceptions, formatting

__all__ = ["install", "usage_error"]

_RU = {
    "Options": "Параметры",
    "Arguments": "Аргументы",
    "Commands": "Команды",
    "required": "обязательно",
    "default: {default}": "по умолчанию: {default}",
    "env var: {var}": "переменная окружения: {var}",
    "(dynamic)": "(вычисляется)",
    "Aborted!": "Прервано.",
    "Missing command.": "Не указана команда.",
    "No such command {name!r}.": "Нет такой команды «{name}».",
}

HELP_TEXT = "Показать эту справку и выйти."
_installed = False


def _translate(message: str) -> str:
    return _RU.get(message, message)


def install() -> None:
    """Make Typer's help and messages Russian (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    typer.core._ = _translate  # type: ignore[attr-defined]

    write_usage = formatting.HelpFormatter.write_usage

    def russian_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, "Вызов: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = russian_usage  # type: ignore[method-assign]

    get_help_option = click.core.Command.get_help_option

    def russian_help_option(self, ctx):
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    click.core.Command.get_help_option = russian_help_option  # type: ignore[method-assign]


def _hint(exc: exceptions.BadParameter) -> str:
    if exc.param_hint is not None:
        hint = exc.param_hint
        return " / ".join(hint) if isinstance(hint, list | tuple) else str(hint)
    if exc.param is not None:
        return " / ".join(exc.param.opts) or str(exc.param.name).upper()
    return ""


_VALUE_MESSAGES = (
    ("valid integer", "ожидается целое число"),
    ("valid number", "ожидается число"),
    ("valid boolean", "ожидается true или false"),
    ("is not one of", "недопустимое значение"),
    ("does not exist", "файл или папка не существует"),
    ("is not in the range", "значение вне допустимого диапазона"),
    ("greater than or equal", "значение слишком мало"),
    ("less than or equal", "значение слишком велико"),
)


def _value_message(message: str) -> str:
    for fragment, russian in _VALUE_MESSAGES:
        if fragment in message:
            return russian
    return message


def usage_error(exc: click.exceptions.ClickException) -> str:
    """A Click usage error as a Russian message with where to find help."""
    if isinstance(exc, exceptions.NoSuchOption):
        text = f"неизвестный параметр {exc.option_name}"
        if exc.possibilities:
            text += f" — возможно, {', '.join(sorted(exc.possibilities))}"
    elif isinstance(exc, exceptions.MissingParameter):
        param = exc.param
        if param is not None and getattr(param, "param_type_name", "") == "argument":
            text = f"не указан обязательный аргумент {str(param.name).upper()}"
        else:
            text = f"не указан обязательный параметр {_hint(exc)}"
    elif isinstance(exc, exceptions.BadParameter):
        text = f"неверное значение {_hint(exc)}: {_value_message(exc.message)}"
    elif isinstance(exc, exceptions.NoArgsIsHelpError):
        return exc.format_message()
    else:
        text = _translate(exc.format_message())
        text = text.replace("Got unexpected extra argument", "лишний аргумент").replace(
            "Got unexpected extra arguments", "лишние аргументы")
    ctx = getattr(exc, "ctx", None)
    where = f"{ctx.command_path} --help" if ctx is not None else "formgen --help"
    return f"ошибка вызова: {text} (справка: {where})"
