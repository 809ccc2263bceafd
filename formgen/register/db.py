"""Where the register lives and how a command opens it.

The URL comes from ``--db``, else ``FORMGEN_DB``, else ``formgen.db`` in the
current folder (an SQLite file: a single desk needs nothing installed). A body
with several desks points them all at one PostgreSQL database. Every opening
upgrades the schema to the latest Alembic revision, so a new or an old file
is always usable and a new user's first command sets the register up.

SQLite is made to behave like a server for what the register needs: foreign
keys on, a busy timeout instead of "database is locked", and write
transactions started with ``BEGIN IMMEDIATE`` so that two processes reserving
a number queue instead of both reading the same counter.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from formgen.errors import InputError

__all__ = ["DEFAULT_DB", "Register", "database_url", "open_register"]

DEFAULT_DB = "formgen.db"
MIGRATIONS = Path(__file__).with_name("migrations")
SCHEMA_HEAD = "0004"  # the newest migration; tests/test_register_schema.py keeps it so


def database_url(option: str | None = None) -> str:
    """``--db`` as given, else ``FORMGEN_DB``, else the SQLite file ``formgen.db`` here.

    A plain path is taken as an SQLite file; ``postgresql://`` URLs use psycopg 3.
    """
    value = option or os.environ.get("FORMGEN_DB") or DEFAULT_DB
    if "://" not in value:
        return f"sqlite:///{Path(value).resolve()}"
    if value.startswith("postgresql://") or value.startswith("postgres://"):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise InputError(f"--db: непонятный адрес базы данных {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 60, "isolation_level": None})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:  # pragma: no cover - driver hook
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA busy_timeout = 60000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection) -> None:  # pragma: no cover - driver hook
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True)


class Register:
    """An open register: the engine and a way to run one transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _current(register: Register) -> bool:
    """The schema is already at :data:`SCHEMA_HEAD` (then Alembic need not even be imported)."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    try:
        with register.engine.connect() as connection:
            version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return False  # a new database: no version table yet
    return version == SCHEMA_HEAD


def upgrade(register: Register) -> None:
    """Bring the schema to the latest revision (creates it in an empty database).

    A register already at the newest revision is left alone without starting
    Alembic: every command opens the register, and that costs a third of a
    second a command does not need to spend.
    """
    if _current(register):
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with register.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_register(option: str | None = None) -> Register:
    """The register at ``--db``/``FORMGEN_DB``/``formgen.db``, upgraded to the current schema."""
    register = Register(database_url(option))
    try:
        upgrade(register)
    except Exception as exc:
        register.close()
        from sqlalchemy.exc import OperationalError

        if isinstance(exc, OperationalError):
            raise InputError(f"база реестра недоступна ({register.url}): {exc.orig}") from exc
        raise
    return register
