"""The agenda rows stored on import answer, for every day, exactly what ``case_agenda`` answers.

``formgen.register.dues`` works each case's agenda out once per stretch
between its turning points; these tests ask the rows about every day from a
month before each case's first date to a month after its last, and compare
with the items ``case_agenda`` computes from the case itself on that day —
on the samples and the rule cases (suspensions, withdrawals, open
nonconformities, late surveillance, re-issues).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from formgen.case.load import load_case
from formgen.case.model import Case
from formgen.case.write import case_text
from formgen.register.agenda import AgendaItem, case_agenda
from formgen.register.db import MIGRATIONS, open_register
from formgen.register.dues import DueWindow, due_windows, turning_points
from tests.helpers import ROOT, SAMPLES
from tests.register_support import SAMPLE_FILES, formgen

CASES = sorted(SAMPLES.glob("*.yaml")) + sorted((ROOT / "tests" / "cases").glob("*.yaml"))
DAY = dt.timedelta(days=1)


def _dates(case: Case) -> list[dt.date]:
    found: list[dt.date] = []

    def walk(value: object) -> None:
        if isinstance(value, dt.date):
            found.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(case.model_dump())
    return found


def _asked(windows: list[DueWindow], day: dt.date) -> list[AgendaItem]:
    on = [w for w in windows if (w.from_day is None or w.from_day <= day) and w.until_day >= day]
    return [w.item for w in sorted(on, key=lambda w: w.seq)]


def _key(item: AgendaItem) -> tuple:
    return (item.date, item.kind, item.certificate or "", item.text)


@pytest.mark.parametrize("path", CASES, ids=lambda p: Path(p).stem)
def test_rows_answer_every_day_as_the_case_does(path: Path) -> None:
    case = load_case(path).case
    windows = due_windows(case, "K")
    dates = _dates(case)
    first, last = min(dates) - dt.timedelta(days=31), max(dates) + dt.timedelta(days=3 * 366 + 31)
    day, asked = first, 0
    while day <= last:
        direct = list(case_agenda(case, "K", day))
        assert sorted(_asked(windows, day), key=_key) == sorted(direct, key=_key), day
        asked += 1
        day += DAY
    assert asked > 1000


def test_the_cases_have_items_and_turning_points_to_test() -> None:
    """The comparison above is not vacuous: the cases put items on the agenda and change."""
    kinds = set()
    for path in CASES:
        case = load_case(path).case
        kinds |= {w.item.kind for w in due_windows(case, "K")}
        assert turning_points(case) or not case.certificates
    assert kinds == {"surveillance", "corrective_action", "suspension_end",
                     "recertification_application", "expiry"}


def test_an_item_present_in_consecutive_stretches_is_one_row() -> None:
    case = load_case(SAMPLES / "full-cycle.yaml").case
    windows = due_windows(case, "K")
    items = [w.item for w in windows]
    assert len(items) == len(set(items))  # no item is split where nothing about it changed
    assert all(w.until_day <= w.item.date for w in windows)
    assert all(w.from_day is None or w.from_day <= w.until_day for w in windows)


# -- the rows in a register --------------------------------------------------
def _register_agenda(url: str) -> list[dict]:
    run = formgen("agenda", "--at", "2025-06-01", "--within", "900", "--json", "--db", url)
    assert run.exit_code == 0, run.stderr
    return run.json()


def test_a_register_of_the_previous_schema_gets_its_rows_on_upgrade(db_url: str) -> None:
    """0004 adds the table and works the rows out from the stored revisions."""
    assert formgen("register", "import", *SAMPLE_FILES, "--db", db_url).exit_code == 0
    before = _register_agenda(db_url)
    assert len(before) >= 8
    register = open_register(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with register.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    assert "dues" not in inspect(register.engine).get_table_names()
    register.close()
    assert _register_agenda(db_url) == before  # opening upgrades again, rows rebuilt


def test_a_backup_without_the_rows_is_loaded_with_them(db_url: str, tmp_path: Path) -> None:
    source = str(tmp_path / "source.db")
    assert formgen("register", "import", *SAMPLE_FILES, "--db", source).exit_code == 0
    backup = tmp_path / "backup.json"
    assert formgen("register", "dump", str(backup), "--db", source).exit_code == 0
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert data["tables"].pop("dues")
    backup.write_text(json.dumps(data), encoding="utf-8")
    assert formgen("register", "load", str(backup), "--db", db_url).exit_code == 0
    assert _register_agenda(db_url) == _register_agenda(source)


def test_a_new_revision_replaces_the_rows_of_the_old(db_url: str, tmp_path: Path) -> None:
    """Closing the open nonconformity in the case file takes its term off the agenda."""
    text = (SAMPLES / "suspension-withdrawal.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^body: .*$", f"body: {ROOT / 'profiles' / 'ecostandard-body.yaml'}", text)
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    assert formgen("register", "import", str(path), "--db", db_url).exit_code == 0
    kinds = [i["kind"] for i in _register_agenda(db_url)]
    assert "corrective_action" in kinds
    case = load_case(path).case
    open_nc = [(a.id, nc.number) for a in case.audits for nc in a.nonconformities if not nc.closed]
    assert open_nc, "the sample has an open nonconformity"
    data = case.model_dump(mode="json", exclude_defaults=True)
    for audit in data["audits"]:
        for nc in audit.get("nonconformities", []):
            if (audit["id"], nc["number"]) in open_nc:
                nc["effectiveness"] = {"text": "Корректирующие действия результативны",
                                       "date": audit["end"]}
    path.write_text(case_text(data), encoding="utf-8")
    run = formgen("register", "import", str(path), "--db", db_url)
    assert run.exit_code == 0, run.stderr
    assert "corrective_action" not in [i["kind"] for i in _register_agenda(db_url)]
