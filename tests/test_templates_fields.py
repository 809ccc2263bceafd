"""``formgen templates fields SLUG`` and the committed templates rebuilt from their layouts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from formgen.forms.fields import form_fields, form_shape
from formgen.forms.registry import FORMS
from tests.helpers import ROOT

DOCX_SLUGS = [f.slug for f in FORMS if f.output == "docx"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "formgen", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


@pytest.mark.parametrize("slug", DOCX_SLUGS)
def test_every_context_key_has_a_description(slug):
    """The keys are read off real contexts: a key a builder adds without a description fails here."""
    missing = [f.path for f in form_fields(slug) if not f.description]
    assert missing == []


def test_every_docx_form_is_in_the_samples():
    for slug in DOCX_SLUGS:
        assert form_shape(slug).keys, slug


def test_fields_lists_nested_keys_and_loops_in_russian():
    result = run("templates", "fields", "audit-plan")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Шаблон audit-plan.docx — приложение И, План аудита СЭМ.")
    lines = {line.strip().split(" — ")[0]: line.strip() for line in out.splitlines() if " — " in line}
    assert lines["org.name_genitive"] == (
        "org.name_genitive — наименование организации в родительном падеже (после «СЭМ»)")
    assert lines["for row in plan.objects"].endswith("(список)")
    assert lines["row.unit"] == "row.unit — подразделение, процесс"
    # A person's keys are described once and read with whose they are.
    assert lines["audit.lead.initials_surname"] == (
        "audit.lead.initials_surname — руководитель аудиторской группы: инициалы и фамилия (И. И. Иванов)")
    # Only what the plan's builder makes: no decision, no report.
    assert "decision.verb" not in lines and "report.number" not in lines


def test_fields_of_a_decision_and_a_key_that_is_not_a_name():
    decision = run("templates", "fields", "suspension-decision").stdout
    assert ("decision.certificate.valid_until — сертификат, которого касается решение: срок действия"
            in decision)
    clauses = run("templates", "fields", "document-list").stdout
    assert 'clauses["4.3.1"] — пункт об экологических аспектах' in clauses


def test_fields_of_unknown_form_lists_the_forms():
    result = run("templates", "fields", "audit-reprot")
    assert result.returncode == 2
    assert ("audit-reprot: такой формы нет; формы с шаблонами: application, application-review,"
            in result.stderr)
    assert "withdrawal-decision" in result.stderr and "Traceback" not in result.stderr
    pdf = run("templates", "fields", "certificate")
    assert pdf.returncode == 2
    assert "certificate: печатается в PDF без шаблона DOCX" in pdf.stderr


def test_templates_rebuilt_from_layouts_equal_the_committed_ones(tmp_path: Path):
    """``python -m tools.templatebuilder`` is deterministic: the committed files are its output."""
    result = subprocess.run([sys.executable, "-m", "tools.templatebuilder", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    built = sorted(p.name for p in tmp_path.glob("*.docx"))
    committed = sorted(p.name for p in (ROOT / "templates").glob("*.docx"))
    assert built == committed
    different = [n for n in built if (tmp_path / n).read_bytes() != (ROOT / "templates" / n).read_bytes()]
    assert different == [], "templates/*.docx differ from their layouts: run python -m tools.templatebuilder"
