"""``formgen audit-time``: output, JSON keys, option errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from formgen.checks.audittime import FACTORS, AuditTimeInputError
from formgen.commands.audit_time import register


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    """The command alone, so these tests do not depend on other commands' modules."""
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """formgen"""

    register(app)
    return app


def run(app, *args: str):
    return CliRunner().invoke(app, ["audit-time", *args])


def test_json_output_has_the_promised_keys(app):
    res = run(app, "--system", "ems", "--personnel", "150", "--complexity", "high",
              "--factor", "multiple_sites=10", "--factor", "maturity=-7,5", "--json")  # fmt: skip
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    for key in ("base_days", "initial_days", "surveillance_days", "recertification_days",
                "onsite_min_days", "adjustments", "clauses", "justification",
                "stage1_days", "stage2_days", "reduction_capped"):  # fmt: skip
        assert key in data
    assert data["base_days"] == 12 and data["initial_days"] == 12.5  # 12 × 1.025 = 12.3
    assert [a["name"] for a in data["adjustments"]] == ["multiple_sites", "maturity"]
    assert data["adjustments"][1]["percent"] == -7.5
    assert "ГОСТ Р 54318-2021, 4.2.3" in data["clauses"]


def test_readable_output_shows_figures_and_justification(app):
    res = run(app, "-s", "qms", "-n", "3")
    assert res.exit_code == 0, res.output
    assert "Обоснование" in res.output and "СМК-1" in res.output
    assert "1,5" in res.output


def test_part_time_and_shifts_reach_the_breakdown(app):
    res = run(app, "-s", "ems", "-n", "100", "-c", "high", "--part-time", "30:20",
              "--shift", "10", "--shift", "5", "--json")  # fmt: skip
    data = json.loads(res.output)
    assert data["personnel"] == 130  # 100 + 15 + 15
    assert data["initial_days"] == 12
    assert any("4.3.3" in line for line in data["personnel_breakdown"]["justification"])


def test_repetitive_option(app):
    res = run(app, "-s", "qms", "-n", "240", "--repetitive", "140:40:сборщики", "--json")
    assert json.loads(res.output)["personnel"] == 140


def test_special_with_days_and_reason(app):
    res = run(app, "-s", "ems", "-n", "40", "-c", "special", "--days", "9",
              "--reason", "хранение большого количества опасных материалов", "--json")  # fmt: skip
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["individual"] is True and data["initial_days"] == 9


def test_method_54298_reports_the_range(app):
    res = run(app, "-s", "ems", "-n", "100", "-c", "high", "-m", "54298-2010", "--json")
    data = json.loads(res.output)
    assert data["base_range"] == [8, 14] and data["surveillance_days"] == 5.5


def test_list_factors(app):
    res = run(app, "--list-factors", "--json")
    assert res.exit_code == 0
    names = {f["name"] for f in json.loads(res.output)}
    assert names == set(FACTORS)
    ohs = json.loads(run(app, "--list-factors", "--system", "ohs", "--json").output)
    assert "high_risk" not in {f["name"] for f in ohs}
    text = run(app, "--list-factors").output
    assert "multiple_sites" in text and "maturity=-10" in text


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["-s", "ems", "-n", "0", "-c", "high"], "--personnel"),
        (["-s", "ems", "-n", "-3", "-c", "high"], "--personnel"),
        (["-s", "ems", "-c", "high"], "--personnel"),
        (["-n", "10"], "--system"),
        (["-s", "xyz", "-n", "10"], "--system"),
        (["-s", "ems", "-n", "10"], "--complexity"),
        (["-s", "ems", "-n", "10", "-c", "special"], "--days"),
        (["-s", "ems", "-n", "10", "-c", "special", "--days", "5"], "--reason"),
        (["-s", "ems", "-n", "10", "-c", "high", "-f", "nope=5"], "--factor"),
        (["-s", "ems", "-n", "10", "-c", "high", "-f", "maturity"], "--factor"),
        (["-s", "ems", "-n", "10", "-c", "high", "-f", "maturity=-5", "-f", "maturity=-5"],
         "--factor"),
        (["-s", "ems", "-n", "10", "-c", "high", "--adjust", "abc"], "--adjust"),
        (["-s", "ems", "-n", "10", "-c", "high", "-m", "2030"], "--method"),
        (["-s", "ems", "-n", "10", "-c", "high", "--part-time", "30"], "--part-time"),
        (["-s", "ems", "-n", "10", "-c", "high", "--part-time", "5:0"], "--part-time"),
        (["-s", "ems", "-n", "10", "-c", "high", "--repetitive", "x:y"], "--repetitive"),
    ],
)
def test_bad_input_raises_the_input_error_naming_the_option(app, args, option):
    res = run(app, *args)
    assert isinstance(res.exception, AuditTimeInputError), res.output
    assert str(res.exception).startswith(option + ":")


def _formgen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "formgen", "audit-time", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_exit_codes_through_the_real_entry_point():
    ok = _formgen("--system", "ems", "--personnel", "150", "--complexity", "high", "--json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["initial_days"] == 12
    bad = _formgen("--system", "ems", "--personnel", "0", "--complexity", "high")
    assert bad.returncode == 2
    assert "--personnel:" in bad.stderr and "не меньше 1" in bad.stderr
    usage = _formgen("--system", "ems", "--personnel", "many")  # Typer's own usage error
    assert usage.returncode == 2
    special = _formgen("-s", "ems", "-n", "10", "-c", "special")
    assert special.returncode == 2 and "--days:" in special.stderr
