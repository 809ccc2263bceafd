"""``formgen register import``: the samples' statuses, revisions by hash, bad input, shared numbers."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select

from formgen.register.db import open_register
from formgen.register.models import CaseRecord, CertificateRecord, Revision
from tests.helpers import SAMPLES
from tests.register_support import SAMPLE_FILES, formgen


def _counts(url: str) -> tuple[int, int, int]:
    register = open_register(url)
    try:
        with register.transaction() as session:
            return tuple(session.scalar(select(func.count()).select_from(t))  # type: ignore[return-value]
                         for t in (CaseRecord, Revision, CertificateRecord))
    finally:
        register.close()


def test_samples_get_the_statuses_their_decisions_say(db_url: str) -> None:
    run = formgen("register", "import", *SAMPLE_FILES, "--db", db_url)
    assert run.exit_code == 0, run.stderr
    rows = formgen("register", "list", "--at", "2026-06-01", "--json", "--db", db_url).json()
    statuses = {row["number"]: row["status"] for row in rows}
    assert statuses == {
        "ЭС.RU.СЭМ.00123-25": "active",      # full-cycle: issued, confirmed
        "ЭС.RU.СЭМ.00117-24": "replaced",    # scope-change: re-issued on extension…
        "ЭС.RU.СЭМ.00208-24": "replaced",    # …and again on reduction
        "ЭС.RU.СЭМ.00112-25": "active",
        "ЭС.RU.СЭМ.00104-25": "withdrawn",   # suspension-withdrawal
    }
    withdrawn = formgen("register", "show", "ЭС.RU.СЭМ.00104-25", "--json", "--at", "2026-06-01",
                        "--db", db_url).json()
    assert withdrawn["holder"].endswith("«Камский завод металлоконструкций»")
    assert withdrawn["valid_from"] == "2025-01-21"
    assert [p["status"] for p in withdrawn["history"]] == ["active", "suspended", "withdrawn"]
    suspended = formgen("register", "list", "--status", "suspended", "--at",
                        withdrawn["history"][1]["from"], "--json", "--db", db_url).json()
    assert [row["number"] for row in suspended] == ["ЭС.RU.СЭМ.00104-25"]


def test_unchanged_file_adds_nothing_changed_file_adds_a_revision(db_url: str, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    text = (SAMPLES / "full-cycle.yaml").read_text(encoding="utf-8")
    case.write_text(text.replace("../profiles/", str(SAMPLES.parent / "profiles") + "/"), encoding="utf-8")
    assert formgen("register", "import", str(case), "--db", db_url).exit_code == 0
    again = formgen("register", "import", str(case), "--db", db_url)
    assert "без изменений" in again.stdout
    assert _counts(db_url) == (1, 1, 1)
    case.write_text(case.read_text(encoding="utf-8") + "\n# правка\n", encoding="utf-8")
    assert "обновлено" in formgen("register", "import", str(case), "--db", db_url).stdout
    assert _counts(db_url) == (1, 2, 1)


def test_bad_case_exits_2_located_and_stores_nothing(db_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = (SAMPLES / "full-cycle.yaml").read_text(encoding="utf-8")
    text = text.replace("../profiles/", str(SAMPLES.parent / "profiles") + "/")
    bad.write_text(text.replace("registered: 2025-06-20", "registered: 2025-13-40", 1), encoding="utf-8")
    run = formgen("register", "import", str(bad), "--db", db_url)
    assert run.exit_code == 2
    assert f"{bad}:" in run.stderr and "registered" in run.stderr
    assert _counts(db_url) == (0, 0, 0)


def test_two_cases_claiming_one_certificate_number_are_reported(db_url: str, tmp_path: Path) -> None:
    assert formgen("register", "import", SAMPLE_FILES[0], "--db", db_url).exit_code == 0
    copy = tmp_path / "other.yaml"
    text = (SAMPLES / "full-cycle.yaml").read_text(encoding="utf-8")
    text = text.replace("../profiles/", str(SAMPLES.parent / "profiles") + "/")
    copy.write_text(text.replace('"З-014/2025"', '"З-999/2025"'), encoding="utf-8")
    run = formgen("register", "import", str(copy), "--db", db_url)
    assert run.exit_code == 2
    assert "ЭС.RU.СЭМ.00123-25" in run.stderr and "З-014/2025" in run.stderr
    assert "certificates.0.number" in run.stderr
    assert _counts(db_url) == (1, 1, 1)


def test_samples_copied_elsewhere_import_as_the_same_case(db_url: str, tmp_path: Path) -> None:
    shutil.copytree(SAMPLES.parent / "profiles", tmp_path / "profiles")
    shutil.copytree(SAMPLES, tmp_path / "samples")
    assert formgen("register", "import", *SAMPLE_FILES, "--db", db_url).exit_code == 0
    run = formgen("register", "import", str(tmp_path / "samples" / "full-cycle.yaml"), "--db", db_url)
    assert run.exit_code == 0 and "без изменений" in run.stdout
