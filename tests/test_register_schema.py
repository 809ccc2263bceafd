"""The migrations build exactly the tables the models describe, on SQLite and on PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from formgen.register.db import open_register
from formgen.register.models import Base


def test_migrated_schema_matches_the_models(db_url: str) -> None:
    register = open_register(db_url)
    with register.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    assert "signatures" in Base.metadata.tables


def test_the_known_head_is_the_newest_migration() -> None:
    """``open_register`` skips Alembic when the database says SCHEMA_HEAD: it must be the head."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from formgen.register.db import MIGRATIONS, SCHEMA_HEAD

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [SCHEMA_HEAD]


def test_an_older_register_is_still_upgraded(tmp_path) -> None:
    """The shortcut does not stop an upgrade: a register at 0003 is brought to the head."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect, text

    from formgen.register.db import MIGRATIONS, SCHEMA_HEAD, Register

    url = f"sqlite:///{tmp_path / 'old.db'}"
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    old = Register(url)
    with old.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    assert "dues" not in inspect(old.engine).get_table_names()
    old.close()
    register = open_register(url)
    with register.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
    assert "dues" in inspect(register.engine).get_table_names()
    register.close()
