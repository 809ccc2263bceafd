"""Fixtures shared across test modules: the register's two backends (``tests.pg``)."""

from tests.pg import db_url, pg_cluster  # noqa: F401 - fixtures made visible to every module
