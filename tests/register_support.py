"""Run ``formgen`` in-process for register tests, with the exit code and output main() gives."""

from __future__ import annotations

import json
from dataclasses import dataclass

from typer.testing import CliRunner

from formgen.cli import app
from formgen.errors import FormgenError
from tests.helpers import SAMPLES

__all__ = ["SAMPLE_FILES", "Run", "formgen"]

SAMPLE_FILES = [str(SAMPLES / name) for name in ("full-cycle.yaml", "scope-change.yaml",
                                                  "suspension-withdrawal.yaml")]


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)


def formgen(*args: str) -> Run:
    """``formgen ARGS`` as a user runs it: FormgenError → its message on stderr and its exit code."""
    result = CliRunner().invoke(app, list(args))
    stderr = result.stderr
    code = result.exit_code
    if isinstance(result.exception, FormgenError):
        stderr += str(result.exception)
        code = result.exception.exit_code
    elif result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(code, result.stdout, stderr)
