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
    ) -> None:
        """Страница проверки сертификата /verify/{номер} и API /api/v1/certificates/{номер}."""
        import uvicorn

        from formgen.web.app import create_app

        typer.echo(f"проверка сертификатов: http://{host}:{port}/verify/<номер>", err=True)
        uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
