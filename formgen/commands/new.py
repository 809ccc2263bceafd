"""``formgen new``: write a starting case file a clerk fills in (see ``formgen.case.starter``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from formgen.errors import InputError

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command()
    def new(
        out: Path = typer.Argument(..., help="Куда записать новый файл дела (.yaml)"),
        sites: int = typer.Option(0, "--sites", min=0, max=50,
                                  help="Сколько площадок (кроме основной) добавить"),
        source: Path | None = typer.Option(None, "--from",
                                           help="Начать следующий цикл по существующему делу"),
        body: str | None = typer.Option(None, "--body",
                                        help="Путь к профилю органа (иначе раздел body с пропусками)"),
        today: str | None = typer.Option(None, "--date",
                                         help="Дата заявки ГГГГ-ММ-ДД (по умолчанию сегодня)"),
        force: bool = typer.Option(False, "--force", help="Перезаписать существующий файл"),
    ) -> None:
        """Создать новый файл дела с пояснениями и пропусками ___ для заполнения.

        Файл сразу содержит цепочку аудитов, которую требуют правила: анализ
        документации → этап 1 → этап 2. `formgen check ФАЙЛ` перечислит все
        незаполненные пропуски с номерами строк.
        """
        from formgen.case.starter import next_cycle_text, relative_path, starter_text

        if out.exists() and not force:
            raise InputError(f"{out}: файл уже существует — укажите другое имя или --force")
        if out.exists() and out.is_dir():
            raise InputError(f"{out}: это папка; укажите имя файла, например {out / 'дело.yaml'}")
        day = _parse_date(today)
        if source is not None:
            text = next_cycle_text(out.name, day, _raw(source), source, out)
        else:
            profile = _profile(body)
            body_ref = relative_path(profile, out.parent) if profile else None
            text = starter_text(out.name, day, sites, body_ref, _staff(profile))
        out.parent.mkdir(parents=True, exist_ok=True)
        from formgen.output.writer import write_atomic

        write_atomic(out, text.encode("utf-8"))
        typer.echo(f"{out}: новое дело записано; впишите значения вместо ___ и выполните "
                   f"formgen check {out}")


def _parse_date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--date: неверная дата «{value}»: ожидается ГГГГ-ММ-ДД") from None


def _profile(body: str | None) -> Path | None:
    """``--body`` as typed (relative to where formgen runs), checked to exist."""
    if body is None:
        return None
    profile = Path(body).resolve()
    if not profile.is_file():
        raise InputError(f"--body: файл профиля органа «{body}» не найден ({profile})")
    return profile


def _staff(profile: Path | None) -> list[dict]:
    """The staff of the body profile the new case will name (validated now, not at first ``check``)."""
    if profile is None:
        return []
    from formgen.registertable.rows import load_body_profile

    return [{"id": p.id, "position": p.position} for p in load_body_profile(profile).staff]


def _raw(path: Path) -> dict:
    """The previous case as typed (it is validated first: a broken case is reported, not copied)."""
    from formgen.case.load import load_case
    from formgen.case.source import read_located

    load_case(path)
    return read_located(path).data
