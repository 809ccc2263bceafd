"""One root for every error formgen reports to a user.

    FormgenError                 exit code 2 unless said otherwise
    ├── InputError               a case file, body file or register table is unusable
    │   └── CaseValidationError  carries many located problems at once
    ├── TemplateError            a (user-supplied) template is broken
    ├── RuleViolation            an error-level rule of the standard (exit code 1)
    └── RenderError              a form could not be produced

Each error knows where it happened (file, line, column, field path, form)
so the CLI can print ``file:line:column: field.path: message`` lines a clerk
can act on.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CaseValidationError",
    "FormgenError",
    "InputError",
    "Problem",
    "RenderError",
    "RuleViolation",
    "TemplateError",
]


@dataclass(frozen=True)
class Problem:
    """One located problem in an input file."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {self.message}"


class FormgenError(Exception):
    """Root of formgen's errors; ``exit_code`` is what the CLI returns."""

    exit_code = 2


class InputError(FormgenError):
    """An input file cannot be used as it is."""


class CaseValidationError(InputError):
    """Several located problems found in one pass, reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class TemplateError(FormgenError):
    """A template has a syntax error or asks for a value no builder provides."""


class RenderError(FormgenError):
    """A form could not be rendered."""


class RuleViolation(FormgenError):
    """An error-level rule of the standard blocks rendering (``--force`` overrides)."""

    exit_code = 1
