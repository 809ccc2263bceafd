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
