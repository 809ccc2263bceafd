"""``formgen users add``: staff accounts for the desk."""

from __future__ import annotations

import sys

import typer

from formgen.commands.register import DB_HELP

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    users = typer.Typer(help="Пользователи рабочего места (formgen serve).", no_args_is_help=True)
    app.add_typer(users, name="users")

    @users.command("add")
    def add(
        login: str = typer.Argument(..., help="Логин (латиница)"),
        role: str = typer.Option(..., "--role", help="clerk | auditor | head"),
        name: str | None = typer.Option(None, "--name", help="Фамилия, имя, отчество"),
        password_stdin: bool = typer.Option(False, "--password-stdin", help="Прочитать пароль из stdin"),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
    ) -> None:
        """Добавить пользователя; пароль хранится только как хеш argon2."""
        from formgen.register.accounts import add_user
        from formgen.register.db import open_register

        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = typer.prompt("Пароль", hide_input=True, confirmation_prompt=True)
        with open_register(db).transaction() as session:
            add_user(session, login, role, password, name)
        typer.echo(f"пользователь {login} ({role}) добавлен")
