"""``formgen serve``: the public verification page and API on uvicorn."""

from __future__ import annotations

import typer

from formgen.commands.register import DB_HELP

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        host: str = typer.Option("127.0.0.1", "--host", help="Адрес (по умолчанию только этот компьютер)"),
        port: int = typer.Option(8000, "--port", help="Порт"),
        cases: str | None = typer.Option(
            None, "--cases", help="Папка дел: от неё читается body: ФАЙЛ загруженных на сайте дел"),
        profile: str | None = typer.Option(
            None, "--profile", help="Профиль органа для новых заказчиков, заведённых на сайте"),
    ) -> None:
        """Рабочее место /desk (вход по логину) и открытая проверка /verify/{номер}, /api/v1/…"""
        import uvicorn

        from formgen.web.app import create_app

        typer.echo(f"рабочее место: http://{host}:{port}/desk · проверка: http://{host}:{port}/verify/<номер>",
                   err=True)
        uvicorn.run(create_app(db, cases_dir=cases, profile=profile), host=host, port=port,
                    log_level="warning")
