"""``formgen register next``: distinct numbers from eight processes at once; used numbers skipped."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import select

from formgen.register.db import open_register
from formgen.register.models import NumberClaim, SeriesCounter
from tests.helpers import ROOT
from tests.register_support import SAMPLE_FILES, formgen

PROFILE = str(ROOT / "profiles" / "ecostandard-body.yaml")


def test_eight_processes_reserve_distinct_numbers_none_lost(db_url: str) -> None:
    assert formgen("register", "init", "--profile", PROFILE, "--db", db_url).exit_code == 0
    command = [sys.executable, "-m", "formgen", "register", "next", "certificate", "--date", "2026-03-01",
               "--db", db_url]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  cwd=ROOT)
                 for _ in range(8)]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0] * 8, [err for _, err in outputs]
    numbers = sorted(out.strip() for out, _ in outputs)
    assert numbers == [f"ЭС.RU.СЭМ.{n:05d}-26" for n in range(1, 9)]
    register = open_register(db_url)
    with register.transaction() as session:
        claimed = set(session.scalars(select(NumberClaim.number).where(NumberClaim.source == "reserved")))
    register.close()
    assert claimed == set(numbers)


def test_number_of_an_imported_case_is_never_handed_out(db_url: str) -> None:
    assert formgen("register", "import", SAMPLE_FILES[0], "--db", db_url).exit_code == 0
    register = open_register(db_url)
    with register.transaction() as session:  # the desk has handed out up to 00122-25 on paper
        session.add(SeriesCounter(series="certificate", year=2025, value=122))
    register.close()
    first = formgen("register", "next", "certificate", "--date", "2025-09-01", "--db", db_url)
    assert first.exit_code == 0, first.stderr
    assert first.stdout.strip() == "ЭС.RU.СЭМ.00124-25"  # 00123-25 is full-cycle's certificate
    assert formgen("register", "next", "decision", "--date", "2025-09-01", "--db", db_url).stdout.strip() \
        == "Р-001/2025"


def test_reserved_number_then_used_by_a_case_belongs_to_the_case(db_url: str) -> None:
    assert formgen("register", "init", "--profile", PROFILE, "--db", db_url).exit_code == 0
    register = open_register(db_url)
    with register.transaction() as session:
        session.add(SeriesCounter(series="certificate", year=2025, value=122))
    register.close()
    assert formgen("register", "next", "certificate", "--date", "2025-06-01",
                   "--db", db_url).stdout.strip() == "ЭС.RU.СЭМ.00123-25"
    assert formgen("register", "import", SAMPLE_FILES[0], "--db", db_url).exit_code == 0


def test_unknown_series_is_exit_2_with_the_known_ones(db_url: str) -> None:
    assert formgen("register", "init", "--profile", PROFILE, "--db", db_url).exit_code == 0
    run = formgen("register", "next", "invoice", "--db", db_url)
    assert run.exit_code == 2
    assert "invoice" in run.stderr and "certificate" in run.stderr
