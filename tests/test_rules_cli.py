"""``formgen check`` on the command line, the demo cases, and ``render`` stopping on rule errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from formgen.case.load import load_case
from formgen.checks.rules import run_rules
from formgen.commands.check import enforce_rules
from formgen.errors import RuleViolation
from tests.helpers import ROOT

CASES = ROOT / "tests" / "cases"
DEMOS = sorted(CASES.glob("rule-*.yaml"))


def formgen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "formgen", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_sample_passes() -> None:
    result = formgen("check", "samples/full-cycle.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[error]" not in result.stdout
    last = result.stdout.splitlines()[-1]
    assert "0 ошибок" in last or "не найдено" in last


def test_broken_case_exits_1_with_the_clause() -> None:
    result = formgen("check", "tests/cases/rule-open-nc-issue.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    line = next(x for x in result.stdout.splitlines() if "[error]" in x)
    where = r"tests/cases/rule-open-nc-issue\.yaml:\d+:\d+: audits\[2\]\.nonconformities\[0\]: "
    assert re.match(where, line)
    assert "ГОСТ Р 54298-2010, 7.6.2.3" in line


def test_invalid_case_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nbody: nowhere.yaml\norganisation: {}\n", encoding="utf-8")
    result = formgen("check", str(bad))
    assert result.returncode == 2
    assert f"{bad}:" in result.stderr


def test_json_output() -> None:
    result = formgen("check", "tests/cases/rule-auditor-decides.yaml", "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["errors"] == 1
    (err,) = [f for f in data["findings"] if f["severity"] == "error"]
    assert err["rule"] == "decision-independence"
    assert err["path"] == ["decisions", 0, "signed_by"] and err["field"] == "decisions[0].signed_by"
    assert err["clause"] == "ГОСТ Р 54298-2010, 7.6.2.3" and err["line"] > 1


@pytest.mark.parametrize("path", DEMOS, ids=lambda p: p.name)
def test_demo_cases_break_the_rule_they_name(path: Path) -> None:
    expected = re.search(r"^# expect: (\S+)", path.read_text(encoding="utf-8"), re.M).group(1)
    found = run_rules(load_case(path).case)
    errors = {f.rule for f in found if f.is_error}
    if expected == "none":
        assert not found, [f.text for f in found]
    else:
        assert errors == {expected}, [f.text for f in found]


def test_render_stops_on_rule_errors(tmp_path: Path) -> None:
    result = formgen("render", "tests/cases/rule-open-nc-issue.yaml", "--form", "application",
                     "--out", str(tmp_path / "out"))
    assert result.returncode == 1, result.stderr
    assert "7.6.2.3" in result.stderr and "--force" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_enforce_rules_with_force_goes_on(capsys: pytest.CaptureFixture[str]) -> None:
    loaded = load_case(CASES / "rule-open-nc-issue.yaml")
    enforce_rules(loaded, force=True)  # no RuleViolation
    err = capsys.readouterr().err
    assert "7.6.2.3" in err and "--force" in err
    with pytest.raises(RuleViolation) as info:
        enforce_rules(loaded, force=False)
    assert info.value.exit_code == 1


def test_enforce_rules_is_silent_without_findings(capsys: pytest.CaptureFixture[str]) -> None:
    enforce_rules(load_case(CASES / "rule-clean.yaml"), force=False)
    assert capsys.readouterr().err == ""
