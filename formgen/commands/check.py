"""``formgen check CASE``: the rules of the standard applied to a case file.

Load errors (an invalid case) propagate as ``CaseValidationError`` and the CLI
exits 2; otherwise every finding is printed as
``file:line:col: path: [error|warning] clause: message`` with a summary, and
the exit code is 1 when an error-level finding remains, else 0.
``enforce_rules`` is the same check run by ``formgen render`` before it
writes anything.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from formgen.case.load import LoadedCase, dotted, load_case
from formgen.checks.rules import has_errors, run_rules
from formgen.checks.rules.report import format_findings, summary
from formgen.errors import RuleViolation

__all__ = ["enforce_rules", "register"]


def register(app: typer.Typer) -> None:
    """Add the ``check`` command to the formgen application."""

    @app.command()
    def check(
        case: Path = typer.Argument(..., help="Файл дела (YAML или JSON)"),
        as_json: bool = typer.Option(False, "--json", help="Результат в JSON"),
    ) -> None:
        """Проверить дело по правилам ГОСТ Р 54298-2010 (разделы 7–9) и ГОСТ Р 54318-2021."""
        loaded = load_case(case)
        findings = run_rules(loaded.case)
        if as_json:
            typer.echo(json.dumps(_as_json(loaded, findings), ensure_ascii=False, indent=2))
        else:
            for line in format_findings(loaded, findings):
                typer.echo(line)
            typer.echo(summary(findings))
        raise typer.Exit(1 if has_errors(findings) else 0)


def _as_json(loaded: LoadedCase, findings: list) -> dict:
    items = []
    for finding in findings:
        file, line, col = loaded.where(finding.path)
        items.append({**finding.as_dict(), "field": dotted(finding.path),
                      "file": file, "line": line, "column": col})
    errors = sum(1 for f in findings if f.is_error)
    return {
        "case": str(loaded.path),
        "errors": errors,
        "warnings": len(findings) - errors,
        "findings": items,
    }


def enforce_rules(loaded: LoadedCase, force: bool) -> None:
    """Before rendering: print the findings; stop with ``RuleViolation`` on errors unless ``force``."""
    findings = run_rules(loaded.case)
    if not findings:
        return
    for line in format_findings(loaded, findings):
        typer.echo(line, err=True)
    if not has_errors(findings):
        return
    if force:
        typer.echo(f"{summary(findings)}: формирование продолжено (--force)", err=True)
        return
    raise RuleViolation(
        f"{summary(findings)}: документы не сформированы — исправьте дело "
        f"(formgen check {loaded.path}) или запустите с --force"
    )
