"""Loading case files: located, Russian, all-at-once errors; body profiles; JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from formgen.case.load import load_case
from formgen.errors import CaseValidationError
from tests.helpers import ROOT, SAMPLES

PROFILE = ROOT / "profiles" / "ecostandard-body.yaml"


def _write(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path: Path) -> list:
    with pytest.raises(CaseValidationError) as info:
        load_case(path)
    return info.value.problems


MINIMAL = f"""\
body: {PROFILE}
organisation:
  name: ООО «Тест»
  legal_address: г. Тверь, ул. Речная, д. 1
  city: Тверь
  head: Петров Пётр Петрович
  headcount: 10
application:
  date: 2025-03-01
  scope: производству мебели
"""


def test_every_sample_is_a_valid_case():
    samples = sorted(SAMPLES.glob("*.yaml"))
    assert samples, "no samples found"
    for path in samples:
        loaded = load_case(path)
        assert loaded.case.organisation.name


def test_minimal_case_loads_with_body_profile(tmp_path):
    loaded = load_case(_write(tmp_path, MINIMAL))
    assert loaded.case.body.head.initials_surname == "С.\u00a0В.\u00a0Орлов"
    assert loaded.where(("body", "head"))[0] == str(PROFILE)


def test_errors_name_file_line_column_and_field_all_at_once(tmp_path):
    text = MINIMAL.replace("headcount: 10", "headcount: десять").replace(
        "date: 2025-03-01", "date: 2025-02-30"
    ) + "  scop: лишнее\n"
    path = _write(tmp_path, text)
    problems = _problems(path)
    by_path = {p.path: p for p in problems}
    assert set(by_path) == {"organisation.headcount", "application.date", "application.scop"}
    assert by_path["organisation.headcount"].line == 7
    assert "целое число" in by_path["organisation.headcount"].message
    assert by_path["application.date"].line == 9
    assert "2025-02-30" in by_path["application.date"].message
    assert "scope" in by_path["application.scop"].message  # suggests the right key
    assert str(by_path["application.date"]).startswith(f"{path}:9:3: application.date:")


def test_missing_required_field_points_at_its_section(tmp_path):
    path = _write(tmp_path, MINIMAL.replace("  city: Тверь\n", ""))
    (problem,) = _problems(path)
    assert problem.path == "organisation.city"
    assert problem.line == 2
    assert "обязательное" in problem.message


def test_yaml_syntax_error_has_line(tmp_path):
    path = _write(tmp_path, MINIMAL + "audits: [\n")
    (problem,) = _problems(path)
    assert problem.line is not None and problem.line >= 11
    assert "синтаксис" in problem.message


def test_duplicate_key_is_an_error(tmp_path):
    path = _write(tmp_path, MINIMAL + "application:\n  date: 2025-01-01\n  scope: x\n")
    problems = _problems(path)
    assert any("повторяется" in p.message and p.line == 11 for p in problems)


def test_dangling_staff_reference_is_located(tmp_path):
    text = MINIMAL + """\
audits:
  - id: s1
    kind: stage1
    start: 2025-04-01
    end: 2025-04-02
    team:
      - {person: nobody, role: lead_auditor}
"""
    (problem,) = _problems(_write(tmp_path, text))
    assert problem.path == "audits[0].team[0].person"
    assert problem.line == 17
    assert "nobody" in problem.message


def test_missing_body_profile_is_reported_at_the_reference(tmp_path):
    path = _write(tmp_path, MINIMAL.replace(str(PROFILE), "no-such-body.yaml"))
    (problem,) = _problems(path)
    assert problem.path == "body" and problem.line == 1
    assert "no-such-body.yaml" in problem.message


def test_json_case_has_line_numbers(tmp_path):
    data = yaml.safe_load(MINIMAL)
    data["application"]["date"] = "2025-13-01"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    (problem,) = _problems(path)
    assert problem.path == "application.date"
    assert problem.line == json.dumps(data, ensure_ascii=False, indent=2).splitlines().index(
        '    "date": "2025-13-01",'
    ) + 1


def test_full_name_string_and_parts_are_the_same_person(tmp_path):
    loaded = load_case(_write(tmp_path, MINIMAL))
    head = loaded.case.organisation.head
    assert (head.surname, head.given_name, head.patronymic) == ("Петров", "Пётр", "Петрович")
    assert head.dative_surname_initials == "Петрову\u00a0П.\u00a0П."
