"""Register test fixtures: one PostgreSQL cluster per session, and ``db_url`` on both backends.

Import the fixtures into a test module (``from tests.pg import db_url, pg_cluster``);
every test using ``db_url`` then runs once on a fresh SQLite file and once on a
fresh PostgreSQL database. Without PostgreSQL binaries the PostgreSQL runs are
skipped with the reason, the SQLite runs still count.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tools.pgcluster import PgCluster, missing_reason

__all__ = ["db_url", "pg_cluster"]


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    cluster = PgCluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """A fresh empty register database URL on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "formgen.db")
    return request.getfixturevalue("pg_cluster").database()
