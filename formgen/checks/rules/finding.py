"""One finding of a rule of the standard: what is wrong, where, and on what ground.

A finding is data, not an exception: ``formgen check`` lists them all and
``render`` decides whether the error-level ones stop it. The path is the
field path inside the case (``("decisions", 0, "signed_by")``) so the CLI can
point the clerk at ``file:line:column``; the clause is the full citation
("ГОСТ Р 54298-2010, 7.6.2.3") because a finding is only useful if the clerk
can open the standard at the place it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["GOST_AUDIT_TIME", "GOST_PROCEDURE", "Finding", "Severity", "gost"]

Severity = Literal["error", "warning"]

GOST_PROCEDURE = "ГОСТ Р 54298-2010"
GOST_AUDIT_TIME = "ГОСТ Р 54318-2021"


def gost(*clauses: str, standard: str = GOST_PROCEDURE) -> str:
    """'ГОСТ Р 54298-2010, 7.5.6.6, 9.3.1' — the citation printed before a message."""
    return f"{standard}, {', '.join(clauses)}"


@dataclass(frozen=True)
class Finding:
    """A breach (error) or a doubt (warning) found in a case by one rule.

    ``rule`` is the id of the rule that found it; rule functions may leave it
    empty and ``run_rules`` stamps it, so one rule cannot speak for another.
    """

    severity: Severity
    path: tuple
    clause: str
    message: str
    rule: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def text(self) -> str:
        """The message as the clerk reads it: the clause first, then what is wrong."""
        return f"{self.clause}: {self.message}"

    def as_dict(self) -> dict:
        """Plain data for ``--json`` (the path stays a list of keys and indexes)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "path": list(self.path),
            "clause": self.clause,
            "message": self.message,
        }


def error(path: tuple, clause: str, message: str) -> Finding:
    """An error-level finding: the case breaks the standard, rendering stops."""
    return Finding("error", tuple(path), clause, message)


def warning(path: tuple, clause: str, message: str) -> Finding:
    """A warning: worth a look, but the standard leaves room (``как правило``)."""
    return Finding("warning", tuple(path), clause, message)
