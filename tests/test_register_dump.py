"""``register dump`` / ``register load``: portable JSON, round trip SQLite → PostgreSQL → SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import ROOT
from tests.register_support import SAMPLE_FILES, formgen

PROFILE = str(ROOT / "profiles" / "ecostandard-body.yaml")


def _fill(url: str) -> None:
    assert formgen("register", "import", *SAMPLE_FILES[:2], "--db", url).exit_code == 0
    assert formgen("register", "next", "decision", "--date", "2026-02-01", "--db", url).exit_code == 0


def _tables(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["tables"]


def test_round_trip_sqlite_postgresql_sqlite(pg_cluster, tmp_path: Path) -> None:
    sqlite_a, pg, sqlite_b = str(tmp_path / "a.db"), pg_cluster.database(), str(tmp_path / "b.db")
    _fill(sqlite_a)
    one, two, three = tmp_path / "1.json", tmp_path / "2.json", tmp_path / "3.json"
    assert formgen("register", "dump", str(one), "--db", sqlite_a).exit_code == 0
    loaded = formgen("register", "load", str(one), "--db", pg)
    assert loaded.exit_code == 0, loaded.stderr
    assert formgen("register", "dump", str(two), "--db", pg).exit_code == 0
    assert formgen("register", "load", str(two), "--db", sqlite_b).exit_code == 0
    assert formgen("register", "dump", str(three), "--db", sqlite_b).exit_code == 0
    assert _tables(one) == _tables(two) == _tables(three)
    assert len(_tables(one)["certificates"]) == 4 and len(_tables(one)["revisions"]) == 2

    # the restored registers answer the same and go on working: ids and counters continue
    for url in (pg, sqlite_b):
        rows = formgen("register", "list", "--at", "2026-06-01", "--json", "--db", url).json()
        assert {r["number"]: r["status"] for r in rows}["ЭС.RU.СЭМ.00117-24"] == "replaced"
        assert formgen("register", "import", SAMPLE_FILES[2], "--db", url).exit_code == 0
        assert formgen("register", "next", "decision", "--date", "2026-02-01",
                       "--db", url).stdout.strip() == "Р-002/2026"


def test_load_refuses_a_register_that_is_not_empty(db_url: str, tmp_path: Path) -> None:
    _fill(db_url)
    backup = tmp_path / "backup.json"
    assert formgen("register", "dump", str(backup), "--db", db_url).exit_code == 0
    run = formgen("register", "load", str(backup), "--db", db_url)
    assert run.exit_code == 2 and "не пуст" in run.stderr


def test_load_refuses_what_is_not_a_dump(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    run = formgen("register", "load", str(bad), "--db", str(tmp_path / "r.db"))
    assert run.exit_code == 2 and "не резервная копия" in run.stderr
