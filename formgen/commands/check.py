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
from formgen.errors import InputError, RuleViolation

__all__ = ["enforce_rules", "register"]


def register(app: typer.Typer) -> None:
    """Add the ``check`` command to the formgen application."""

    @app.command()
    def check(
        cases: list[Path] = typer.Argument(..., help="Файлы дел (YAML или JSON), один или несколько"),
        as_json: bool = typer.Option(False, "--json", help="Результат в JSON"),
    ) -> None:
        """Проверить дела по правилам ГОСТ Р 54298-2010 (разделы 7–9) и ГОСТ Р 54318-2021.

        Каждый файл проверяется отдельно; код выхода — худший из всех:
        2 — файл не читается или заполнен неверно, 1 — нарушены правила, 0 — всё в порядке.
        """
        worst = 0
        reports = []
        for case in cases:
            try:
                loaded = load_case(case)
            except InputError as exc:
                typer.echo(str(exc), err=True)
                worst = 2
                continue
            findings = run_rules(loaded.case)
            if has_errors(findings):
                worst = max(worst, 1)
            if as_json:
                reports.append(_as_json(loaded, findings))
                continue
            if len(cases) > 1:
                typer.echo(f"== {case}")
            for line in format_findings(loaded, findings):
                typer.echo(line)
            typer.echo(summary(findings))
        if as_json:
            payload = reports[0] if len(cases) == 1 and reports else reports
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        raise typer.Exit(worst)


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
