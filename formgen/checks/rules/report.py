"""Findings as lines a clerk can act on, shared by ``formgen check`` and ``formgen render``.

Each line has the shape of the loader's problems and of compilers'
diagnostics — ``file:line:col: path: [error] clause: message`` — so editors
and CI annotate the case file at the right place.
"""

from __future__ import annotations

from formgen.case.load import LoadedCase, dotted
from formgen.checks.rules.finding import Finding

__all__ = ["format_finding", "format_findings", "summary"]


def format_finding(loaded: LoadedCase, finding: Finding) -> str:
    """One finding located in the case file (the nearest enclosing field if it is absent)."""
    file, line, col = loaded.where(finding.path)
    path = dotted(finding.path)
    where = f"{file}:{line}:{col}:"
    return f"{where} {path}: [{finding.severity}] {finding.clause}: {finding.message}"


def format_findings(loaded: LoadedCase, findings: list[Finding]) -> list[str]:
    """Every finding as a located line, in the order given."""
    return [format_finding(loaded, f) for f in findings]


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def summary(findings: list[Finding]) -> str:
    """«2 ошибки, 1 предупреждение» — the closing line of a check."""
    errors = sum(1 for f in findings if f.is_error)
    warnings = len(findings) - errors
    if not findings:
        return "нарушений правил ГОСТ Р 54298-2010 не найдено"
    return (
        f"{errors} {_plural(errors, 'ошибка', 'ошибки', 'ошибок')}, "
        f"{warnings} {_plural(warnings, 'предупреждение', 'предупреждения', 'предупреждений')}"
    )
