"""The rules of ГОСТ Р 54298-2010 (and ГОСТ Р 54318-2021 audit time) checked on a case.

``run_rules(case)`` applies every registered rule and returns its findings in a
stable order; ``formgen check`` prints them and ``formgen render`` refuses to
render while an error-level finding remains (unless ``--force``). Rules live in
topic modules — decisions, deadlines, validity, surveillance, scope, sequence,
audit_days — and register themselves on import.
"""

from __future__ import annotations

from formgen.case.model import Case
from formgen.checks.rules import (  # noqa: F401  (importing registers the rules)
    audit_days,
    deadlines,
    decisions,
    outcomes,
    scope,
    sequence,
    surveillance,
    validity,
)
from formgen.checks.rules.finding import Finding
from formgen.checks.rules.registry import RULES, Rule

__all__ = ["RULES", "Finding", "Rule", "has_errors", "run_rules"]

_TOP = {name: i for i, name in enumerate(Case.model_fields)}


def _path_key(path: tuple) -> tuple:
    """Case fields in the model's (= a case file's usual) order, then indexes and keys."""
    key: list[tuple] = []
    for depth, part in enumerate(path):
        if isinstance(part, int):
            key.append((0, part, ""))
        elif depth == 0:
            key.append((1, _TOP.get(part, len(_TOP)), part))
        else:
            key.append((1, 0, part))
    return tuple(key)


def _sort_key(finding: Finding) -> tuple:
    return (_path_key(finding.path), finding.severity != "error", finding.rule, finding.message)


def run_rules(case: Case, rules: list[Rule] | None = None) -> list[Finding]:
    """All findings of ``rules`` (default: every registered rule), sorted and de-duplicated."""
    found: set[Finding] = set()
    for rule in RULES if rules is None else rules:
        for finding in rule.func(case):
            found.add(finding if finding.rule else _stamp(finding, rule.id))
    return sorted(found, key=_sort_key)


def _stamp(finding: Finding, rule_id: str) -> Finding:
    return Finding(finding.severity, finding.path, finding.clause, finding.message, rule_id)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.is_error for f in findings)
