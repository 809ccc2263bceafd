"""The list of rules ``formgen check`` runs, each with an id and its reason.

A rule is a plain function ``(case) -> Iterable[Finding]`` registered with
``@rule("rule-id")``; its docstring's first line says why the rule exists
(what the standard demands), and ``formgen check --list`` style tooling or a
reviewer can read the list without opening every module. The id is stable:
tests, suppressions and the JSON output refer to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from formgen.case.model import Case
from formgen.checks.rules.finding import Finding

__all__ = ["RULES", "Rule", "RuleFunc", "rule"]

RuleFunc = Callable[[Case], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: its id and the function that applies it."""

    id: str
    func: RuleFunc

    @property
    def why(self) -> str:
        """First line of the rule's docstring: the requirement it enforces."""
        doc = (self.func.__doc__ or "").strip()
        return doc.splitlines()[0] if doc else ""


RULES: list[Rule] = []


def rule(rule_id: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under ``rule_id`` (ids must be unique)."""

    def register(func: RuleFunc) -> RuleFunc:
        if any(r.id == rule_id for r in RULES):
            raise ValueError(f"rule id {rule_id!r} registered twice")
        if not (func.__doc__ or "").strip():
            raise ValueError(f"rule {rule_id!r} needs a docstring saying why")
        RULES.append(Rule(rule_id, func))
        return func

    return register
