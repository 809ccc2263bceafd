"""``formgen render --register``: documents recorded; a different document under an issued number refused."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from formgen.register.db import open_register
from formgen.register.models import IssuedDocument
from tests.helpers import SAMPLES
from tests.register_support import formgen

FORMS = "certification-decision,certificate"


def _case(tmp_path: Path, text: str | None = None) -> Path:
    path = tmp_path / "case.yaml"
    text = text or (SAMPLES / "suspension-withdrawal.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("../profiles/", str(SAMPLES.parent / "profiles") + "/")
                    .replace("logos/", str(SAMPLES / "logos") + "/"), encoding="utf-8")
    return path


def _documents(url: str) -> list[tuple[str, str, str]]:
    register = open_register(url)
    try:
        with register.transaction() as session:
            return [(d.form, d.number, str(d.date)) for d in
                    session.scalars(select(IssuedDocument).order_by(IssuedDocument.form))]
    finally:
        register.close()


def test_render_register_records_refuses_a_different_document(db_url: str, tmp_path: Path) -> None:
    case = _case(tmp_path)
    first = formgen("render", str(case), "-f", FORMS, "-o", str(tmp_path / "out1"), "--register",
                    "--db", db_url)
    assert first.exit_code == 0, first.stderr
    assert _documents(db_url) == [("certificate", "ЭС.RU.СЭМ.00104-25", "2025-01-21"),
                                  ("certification-decision", "Р-009/2025", "2025-01-20")]
    same = formgen("render", str(case), "-f", FORMS, "-o", str(tmp_path / "out2"), "--register",
                   "--db", db_url)
    assert same.exit_code == 0, same.stderr
    assert len(_documents(db_url)) == 2

    text = case.read_text(encoding="utf-8").replace("стальных строительных конструкций",
                                                    "стальных и алюминиевых конструкций")
    changed = _case(tmp_path, text)
    refused = formgen("render", str(changed), "-f", FORMS, "-o", str(tmp_path / "out3"), "--register",
                      "--db", db_url)
    assert refused.exit_code == 2
    assert "ЭС.RU.СЭМ.00104-25" in refused.stderr and "уже выдан другой документ" in refused.stderr
    assert not any((tmp_path / "out3").glob("*.pdf")) and not any((tmp_path / "out3").glob("*.docx"))
    assert len(_documents(db_url)) == 2
